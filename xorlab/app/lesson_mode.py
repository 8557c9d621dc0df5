"""Lesson mode: a lesson chosen in the Lessons panel sets up its session and tab, hides or
locks the controls it names, and has its goal checked against the snapshot and the facts the
window tells (lab.lessons.LessonFacts); File → Save as lesson writes the session as one."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..engine.textfile import write_atomically
from ..lab.lessons import LessonError, LessonFacts, lesson_from_session, read_lesson
from ..lab.messages import message
from .i18n import error_text


class LessonMode(QObject):
    """The lessons of one window. `views`: {"training": ..., "backprop": ..., "zoo": ...,
    "sweep": ...}, the tabs of `tabs` a lesson may open; `session()`, `set_session(session)`,
    `confirm_discard()` and `last_dir()`: the window's session and files; the controls a
    lesson names are found among the parent's children."""

    problem = Signal(object, int)  # a lab.messages.Message to show, for so many ms

    def __init__(self, panel, dock, tabs, views, controller, *, session, set_session,
                 confirm_discard, last_dir, parent):
        super().__init__(parent)
        self.panel, self.dock, self.tabs, self.views = panel, dock, tabs, views
        self.controller = controller
        self._session, self._set_session = session, set_session
        self._confirm_discard, self._last_dir = confirm_discard, last_dir
        self._hidden = self._locked = ()
        self._updates = self._sweeps = self._generation = 0
        self.timer = QTimer(self)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.check)
        panel.chosen.connect(self.apply)
        panel.open_button.clicked.connect(self.open_dialog)
        dock.visibilityChanged.connect(self._closed)
        views["sweep"].finishedRun.connect(self._sweep_finished)
        views["backprop"].updated.connect(self._count_update)

    def show(self):
        """Open the panel only: the network shown stays until the student picks a lesson."""
        self.dock.show()
        self.dock.raise_()

    def open(self, lesson_id):
        """Open the lessons panel at the lesson with this id, or the lesson file at this path
        (a teacher's); False (after saying why, for a file) when there is none."""
        self.dock.show()
        self.dock.raise_()
        if str(lesson_id).endswith(".json"):
            try:
                self.panel.open_file(lesson_id)
            except LessonError as e:
                QMessageBox.critical(self.parent(), self.tr("Cannot open lesson"), error_text(e))
                self.problem.emit(message("not_opened", detail=e), 10000)
                return False
            return True
        return self.panel.open_lesson(lesson_id)

    def open_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self.parent(), self.tr("Open lesson"),
                                              self._last_dir(), self.tr("lessons (*.json)"))
        if path:
            self.open(path)

    def apply(self, lesson):
        """Set up a lesson: its session, its tab (and preset), its hidden controls. A lesson
        that brings its own network asks first when the run is not saved."""
        if lesson.session is not None and not self._confirm_discard():
            self.panel.undo_choice()
            return False
        self._show_controls()
        self._hidden, self._locked = lesson.hide, lesson.lock
        for widget in self._controls(lesson.hide):
            widget.hide()
        for widget in self._controls(lesson.lock):
            widget.setEnabled(False)
        if lesson.session is not None:
            self._set_session(lesson.session)
        self.tabs.setCurrentWidget(self.views[lesson.view])
        if lesson.preset is not None:
            self.views["backprop"].show_preset(lesson.preset)
        self._updates = self._sweeps = 0
        self._generation = self.controller.generation
        if lesson.goal is not None:
            self.timer.start()
        else:
            self.timer.stop()
        return True

    def _show_controls(self):
        """The controls a lesson hid or locked come back (the lesson is left or closed)."""
        for widget in self._controls(self._hidden):
            widget.show()
        for widget in self._controls(self._locked):
            widget.setEnabled(True)
        self._hidden = self._locked = ()

    def _controls(self, names):
        """The widgets of these object names (a lesson's "hide" and "lock")."""
        widgets = (self.parent().findChild(QWidget, name) for name in names)
        return [widget for widget in widgets if widget is not None]

    def _closed(self, visible):
        if not visible and not self.dock.isVisible():
            self.timer.stop()
            self._show_controls()

    def _count_update(self):
        self._updates += 1

    def _sweep_finished(self):
        sweep = self.views["sweep"]
        if sweep.result is not None and sweep.result.complete:
            self._sweeps += 1

    def facts(self):
        """What the window tells a lesson's goal besides the snapshot."""
        backprop = self.views["backprop"]
        return LessonFacts(generation=self._generation,
                           backprop_gradients=backprop.known_gradients(),
                           sigmoid_checked=bool(backprop.check.text()),
                           backprop_updates=self._updates,
                           zoo_open=self.tabs.currentWidget() is self.views["zoo"],
                           sweeps_done=self._sweeps)

    def check(self):
        """Tick the goal when it is reached (the timer's job, every 200 ms)."""
        if self.panel.check(self.controller.latest, self.facts()):
            self.timer.stop()

    def save_lesson_dialog(self):
        path, _ = QFileDialog.getSaveFileName(self.parent(), self.tr("Save as lesson"),
                                              str(Path.home() / "lesson.json"),
                                              self.tr("lessons (*.json)"))
        if path:
            self.save_lesson(path)

    def save_lesson(self, path):
        """Write the current session as a lesson file (a teacher adds its text and goal)."""
        shown = self.tabs.currentWidget()
        view = next((name for name, widget in self.views.items() if widget is shown),
                    "training")
        name = Path(path).stem
        try:
            write_atomically(path, json.dumps(lesson_from_session(
                self._session(), name, name, view), ensure_ascii=False, indent=1))
        except OSError as e:
            detail = f"{path}: {e.strerror or e}"
            QMessageBox.critical(self.parent(), self.tr("Cannot save"), detail)
            self.problem.emit(message("not_saved", detail=detail), 10000)
            return False
        try:
            self.panel.add_lesson(read_lesson(path))  # in the panel now, for a try
        except LessonError as e:  # written, but it cannot be read back: say why
            self.problem.emit(message("not_opened", detail=e), 10000)
            return False
        self.problem.emit(message("saved_lesson", path=str(path)), 8000)
        return True

    def stop(self):
        self.timer.stop()
