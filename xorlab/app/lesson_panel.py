"""The Lessons panel: the lecture's lessons in order (lab.lessons), each setting up one claim,
saying what to look at, and ticking its goal when the student gets there."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..lab.lessons import LessonFacts, lessons_folder, load_lessons, read_lesson
from .i18n import error_text

MAX_ROWS = 12  # the lessons listed in sight at once (a teacher's may make more)


class LessonPanel(QWidget):
    chosen = Signal(object)  # the Lesson to open

    def __init__(self, language="en", parent=None):
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self.language = language
        self.lessons, self.problems = load_lessons(lessons_folder())
        self.current = self._previous = None
        self.done = set()  # the current lesson's goals reached (their indexes)
        self.list = QListWidget(objectName="lessonList")
        for i, lesson in enumerate(self.lessons, start=1):
            self.list.addItem(f"{i}. {lesson.title_in(language)}")
        self.text = QTextBrowser(objectName="lessonText")
        self.goal = QLabel(objectName="lessonGoalLabel")
        self.goal.setWordWrap(True)
        self.prev_button = QPushButton(self.tr("◀ Previous"), objectName="lessonPrevButton")
        self.next_button = QPushButton(self.tr("Next ▶"), objectName="lessonNextButton")
        self.open_button = QPushButton(self.tr("Open…"), objectName="lessonOpenButton")
        self.open_button.setToolTip(self.tr("Open a lesson file (a teacher's, made with File → "
                                            "Save as lesson)"))
        for w, name in ((self.list, self.tr("Lessons")), (self.text, self.tr("Lesson text")),
                        (self.prev_button, self.tr("Previous lesson")),
                        (self.next_button, self.tr("Next lesson")),
                        (self.open_button, self.tr("Open a lesson file"))):
            w.setAccessibleName(name)
        buttons = QHBoxLayout()
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.open_button)
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        v.addWidget(self.list)
        v.addWidget(self.text, 3)
        v.addWidget(self.goal)
        v.addLayout(buttons)
        if self.problems:  # a bad lesson file is named; the others still load
            self.text.setPlainText("\n".join(error_text(e) for e in self.problems))
        else:
            self.text.setPlainText(self.tr("Pick a lesson in the list: it sets up its network "
                                           "and says what to look for."))
        self.prev_button.setEnabled(False)  # (Next opens the first lesson)
        self._fit_list()
        self.list.currentRowChanged.connect(self._row_chosen)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(+1))

    def add_lesson(self, lesson):
        """Add a lesson of a file of its own at the end of the list (one from the same file
        or with the same id is replaced); returns its row."""
        for row, known in enumerate(self.lessons):
            if known.id == lesson.id:
                self.lessons[row] = lesson
                self.list.item(row).setText(f"{row + 1}. {lesson.title_in(self.language)}")
                if self.current is known:
                    self.current = lesson
                return row
        self.lessons.append(lesson)
        self.list.addItem(f"{len(self.lessons)}. {lesson.title_in(self.language)}")
        self._fit_list()
        self.next_button.setEnabled(self.list.currentRow() < len(self.lessons) - 1)
        return len(self.lessons) - 1

    def _fit_list(self):
        """The list as tall as its rows (up to MAX_ROWS; more scroll): every lesson in sight,
        none cut in half, whatever the language's line height."""
        rows = min(self.list.count(), MAX_ROWS)
        height = sum(self.list.sizeHintForRow(i) for i in range(rows))
        self.list.setFixedHeight(height + 2 * self.list.frameWidth())

    def open_file(self, path):
        """Add the lesson in `path` and open it (LessonError when it cannot be used)."""
        row = self.add_lesson(read_lesson(path))
        if self.list.currentRow() == row:
            self._row_chosen(row)  # read again: set it up again
        else:
            self.list.setCurrentRow(row)
        return self.lessons[row]

    def open_lesson(self, lesson_id):
        """Open the lesson with this id; False when there is none."""
        for row, lesson in enumerate(self.lessons):
            if lesson.id == lesson_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def undo_choice(self):
        """Back to the lesson shown before (its opening was cancelled)."""
        self.current = self._previous
        row = self.lessons.index(self.current) if self.current in self.lessons else -1
        self.list.blockSignals(True)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def step(self, delta):
        row = self.list.currentRow() + delta
        if 0 <= row < len(self.lessons):
            self.list.setCurrentRow(row)

    def _row_chosen(self, row):
        if not 0 <= row < len(self.lessons):
            return
        lesson = self.lessons[row]
        self.current, previous = lesson, self.current
        self.done = set()
        self.text.setHtml(f"<h3>{html.escape(lesson.title_in(self.language))}</h3>"
                          f"<p>{html.escape(lesson.text_in(self.language))}</p>")
        self._show_goal()
        self.prev_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(self.lessons) - 1)
        self._previous = previous
        self.chosen.emit(lesson)

    @property
    def reached(self):
        """Every goal of the current lesson is reached."""
        return self.current is not None and len(self.done) == len(self.current.goals) > 0

    def check(self, snapshot, facts: LessonFacts):
        """Tick each goal once it is reached (it stays ticked); True when all are."""
        if self.current is None or self.reached:
            return self.reached
        new = {i for i, goal in enumerate(self.current.goals)
               if i not in self.done and goal.reached(snapshot, facts)}
        if new:
            self.done |= new
            self._show_goal()
        return self.reached

    def _show_goal(self):
        """One line a goal: ✓ when reached, ○ while not; numbered when there are several."""
        lesson = self.current
        if lesson is None or not lesson.goals:
            self.goal.setText("")
            return
        lines = []
        for i in range(len(lesson.goals)):
            mark = "✓" if i in self.done else "○"
            goal = self.tr("Goal") if len(lesson.goals) == 1 else \
                self.tr("Goal {0}").format(i + 1)
            lines.append(f"{mark} {goal}: {lesson.goal_text_in(self.language, i)}")
        self.goal.setText("\n".join(lines))
