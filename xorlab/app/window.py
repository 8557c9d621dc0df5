"""The main window: the editor and activation docks, four live views, controls, menus, status.

The window holds the Session, the one source of truth. Its documented Python API:

    MainWindow(session=None, settings=None, engine="process")
    window.session()                   the current Session
    window.set_session(session)        show and apply it: rebuild only if the structure
                                       changed, else change the trainer in place or the view
    window.open_path(path)             open a model file and continue its run
    window.save_path(path)             save the network shown, with its session and run
    window.enable_recovery(folder)     autosave every minute and at quit (recovery.py)

The editor sends edited Sessions to `set_session`; the diagram's clicks and the decision
plot's drawn points become Sessions too. Nothing reads a widget back to learn the state.
"""

from __future__ import annotations

import math
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QGraphicsView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..engine.spec import OUTPUT_LAYER
from ..lab.compare import SETTINGS as COMPARE_SETTINGS
from ..lab.compare import choices as compare_choices
from ..lab.compare import default_value
from ..lab.lessons import LessonError, read_lesson
from ..lab.messages import message
from ..lab.session import Session
from ..lab.snapshot import with_points
from .controller import TrainingController
from .editor import EditorPanel
from .files import ModelFiles
from .i18n import LANGUAGES, current_language, error_text, message_text
from .icons import app_icon
from .lesson_panel import LessonPanel
from .views import (
    ActivationHistogramPlot,
    ActivationPlot,
    ActivationZoo,
    BackpropView,
    DecisionPlot,
    EdgeInspector,
    GradientDepthPlot,
    GradientPanel,
    GradientPlot,
    LossPlot,
    NetworkDiagram,
    SweepView,
)
from .views.sweep import cell_session

FRAME_SPACING = 0.026  # seconds from the start of one frame to the next, at least: the event
# loop gets time for clicks and keys between frames, and ~30 snapshots a second still fit
FROZEN_SECONDS = 3.0  # silence of an engine asked to train before the window says so
HISTORY_POSITIONS = 1000  # the history slider's steps from the first record to now


class ElidedLabel(QLabel):
    """A one-line label that never widens the window: too long a text ends in "…" (the
    whole text is in the tooltip)."""

    def minimumSizeHint(self):
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self):
        return QSize(min(super().sizeHint().width(), 600), super().sizeHint().height())

    def setText(self, text):
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, event):
        p = QPainter(self)
        p.setPen(self.palette().windowText().color())
        text = QFontMetrics(self.font()).elidedText(self.text(), Qt.ElideRight, self.width())
        p.drawText(self.rect(), int(self.alignment()) | Qt.AlignVCenter, text)
        p.end()


class MainWindow(QMainWindow):
    def __init__(self, session: Session | None = None, settings: QSettings | None = None,
                 engine: str = "process"):
        super().__init__()
        self.setWindowTitle("xorlab")
        self.setWindowIcon(app_icon())
        self.settings = settings if settings is not None else QSettings("xorlab", "xorlab")
        self._session = session or Session()
        self._built = {}  # generation -> the Session of that Rebuild (the newest only)
        self.ask_to_save = True  # ask before New, Open or Quit drop an unsaved run
        self.last_problem = None  # the lab.messages.Message shown last
        self._snapshot_problem = None  # the snapshot's problem being shown, if any
        self.controller = TrainingController(self, engine)
        self.files = ModelFiles(self)
        self.recovery = None  # autosave and crash recovery: enable_recovery()
        self.editor = EditorPanel(self.settings)
        self.loss_plot = LossPlot()
        self.decision_plot = DecisionPlot()
        self.compare_plot = DecisionPlot()
        self.compare_plot.setObjectName("compareDecisionPlot")
        self.gradient_plot = GradientPlot()
        self.gradient_depth_plot = GradientDepthPlot()
        self.histogram_plot = ActivationHistogramPlot()
        self.gradient_panel = GradientPanel(self.gradient_plot, self.gradient_depth_plot,
                                            self.histogram_plot)
        self.activation_plot = ActivationPlot()
        self.diagram = NetworkDiagram()
        self.backprop = BackpropView()
        self.zoo = ActivationZoo()
        self.sweep = SweepView()
        self.lessons = LessonPanel(current_language())
        self._lesson_hidden = self._lesson_locked = ()
        self._lesson_updates = self._lesson_sweeps = self._lesson_generation = 0
        self.edge_inspector = EdgeInspector()
        self.plot_frames = 0
        self.frame_seconds = 0.0  # time spent drawing snapshots
        self._fps_window = []
        self._pending = None  # a snapshot waiting for its turn to be drawn
        self._last_frame = -1.0
        self._frame_timer = QTimer(self)
        self._frame_timer.setSingleShot(True)
        self._frame_timer.setTimerType(Qt.PreciseTimer)
        self._frame_timer.timeout.connect(self._draw_pending)
        self._frame = None  # the snapshot being drawn
        self._frame_generation = None
        self._to_paint = []  # views of the current frame still to be drawn
        self._paint_timer = QTimer(self)
        self._paint_timer.setSingleShot(True)
        self._paint_timer.setInterval(0)
        self._paint_timer.timeout.connect(self._paint_next)
        self._closed = False
        self._build_central()
        self._build_docks()
        self._build_status()
        self._build_menus()
        self._connect()
        self.resize(1366, 740)
        self._default_state = self.saveState()
        self._restore_settings()
        self.set_session(self._session, rebuild=True)

    # ---- construction --------------------------------------------------------------------
    def _build_central(self):
        central = QWidget()
        v = QVBoxLayout(central)
        v.setContentsMargins(4, 4, 4, 4)
        controls = QHBoxLayout()
        self.play_button = QPushButton(self.tr("Play"), objectName="playPauseButton")
        self.play_button.setToolTip(self.tr("play / pause (Space)"))
        self.play_button.setIcon(self.style().standardIcon(QStyle.SP_MediaPlay))
        self.step_button = QPushButton(self.tr("Step"), objectName="stepButton")
        self.step_button.setToolTip(self.tr("one training step (S)"))
        self.epoch_button = QPushButton(self.tr("Step epoch"), objectName="stepEpochButton")
        self.epoch_button.setToolTip(self.tr("one pass over the training set (E)"))
        self.reset_button = QPushButton(self.tr("Reset"), objectName="resetButton")
        self.reset_button.setToolTip(self.tr("new weights from the seed, step 0 (R)"))
        self.speed = QComboBox(objectName="speedCombo")
        for value, text in ((0, self.tr("max speed")), (1000, self.tr("1000 steps / frame")),
                            (100, self.tr("100 steps / frame")),
                            (10, self.tr("10 steps / frame")), (1, self.tr("1 step / frame"))):
            self.speed.addItem(text, value)
        self.speed.setToolTip(self.tr("steps per update"))
        self.compare_button = QPushButton(self.tr("Compare"), objectName="compareButton")
        self.compare_button.setCheckable(True)
        self.compare_button.setToolTip(self.tr("train a second network beside this one, in "
                                               "lockstep on the same minibatches, with one "
                                               "setting changed"))
        self.compare_setting = QComboBox(objectName="compareSettingCombo")
        names = {"activation": self.tr("activation"), "init": self.tr("initializer"),
                 "optimizer": self.tr("optimizer"), "lr": self.tr("learning rate"),
                 "depth": self.tr("depth")}
        for key in COMPARE_SETTINGS:
            self.compare_setting.addItem(names[key], key)
        self.compare_value = QComboBox(objectName="compareValueCombo")
        self.compare_value.setToolTip(self.tr("the second run's value"))
        for w in (self.play_button, self.step_button, self.epoch_button, self.reset_button):
            controls.addWidget(w)
        controls.addWidget(QLabel(self.tr("Speed")))
        controls.addWidget(self.speed)
        controls.addSpacing(8)
        for w in (self.compare_button, self.compare_setting, self.compare_value):
            controls.addWidget(w)
        self.headline = ElidedLabel(objectName="headline")
        self.headline.setAlignment(Qt.AlignRight)
        self.headline.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        controls.addWidget(self.headline, 1)
        v.addLayout(controls)
        grid = QGridLayout()
        grid.setSpacing(4)
        grid.addWidget(self.decision_plot, 0, 0)
        diagram_page = QWidget()
        diagram_box = QVBoxLayout(diagram_page)
        diagram_box.setContentsMargins(0, 0, 0, 0)
        diagram_box.setSpacing(2)
        diagram_box.addWidget(self.diagram, 1)
        diagram_box.addWidget(self.edge_inspector)
        # compare mode: the second run's decision map stands where the diagram was
        self.right_top = QStackedWidget()
        self.right_top.addWidget(diagram_page)
        self.right_top.addWidget(self.compare_plot)
        grid.addWidget(self.right_top, 0, 1)
        grid.addWidget(self.loss_plot, 1, 0)
        grid.addWidget(self.gradient_panel, 1, 1)
        for i in range(2):
            grid.setColumnStretch(i, 1)
            grid.setRowStretch(i, 1)
        v.addLayout(grid, 1)
        history = QHBoxLayout()
        self.history_slider = QSlider(Qt.Horizontal, objectName="historySlider")
        self.history_slider.setRange(0, HISTORY_POSITIONS)
        self.history_slider.setValue(HISTORY_POSITIONS)
        self.history_slider.setToolTip(self.tr("move back through the recorded steps: the "
                                               "gradient bars and the by-layer view show that "
                                               "step"))
        self.history_label = QLabel(self.tr("now"), objectName="historyLabel")
        self.history_label.setMinimumWidth(260)
        history.addWidget(QLabel(self.tr("History")))
        history.addWidget(self.history_slider, 1)
        history.addWidget(self.history_label)
        v.addLayout(history)
        # the views that take the whole centre are tabs: training, and the chain-rule lesson
        self.tabs = QTabWidget(objectName="viewTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(central, self.tr("Training"))
        self.tabs.addTab(self.backprop, self.tr("Backprop: the chain rule"))
        self.tabs.addTab(self.zoo, self.tr("Activation zoo"))
        self.tabs.addTab(self.sweep, self.tr("Init × activation"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

    def _build_docks(self):
        scroll = QScrollArea()
        scroll.setWidget(self.editor)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(self.editor.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width() + 4)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        # always there, so the panel keeps its width (and "+ Layer" its place) as rows come
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOn)
        self.editor_scroll = scroll
        self.editor_dock = QDockWidget(self.tr("Network editor"), self)
        self.editor_dock.setObjectName("editorDock")
        self.editor_dock.setWidget(scroll)
        self.addDockWidget(Qt.LeftDockWidgetArea, self.editor_dock)
        self.activation_dock = QDockWidget(self.tr("Activation"), self)
        self.activation_dock.setObjectName("activationDock")
        self.activation_dock.setWidget(self.activation_plot)
        self.activation_plot.setMinimumHeight(150)
        self.addDockWidget(Qt.LeftDockWidgetArea, self.activation_dock)
        self.resizeDocks([self.editor_dock, self.activation_dock], [520, 170], Qt.Vertical)
        self.lesson_dock = QDockWidget(self.tr("Lessons"), self)
        self.lesson_dock.setObjectName("lessonDock")
        self.lesson_dock.setWidget(self.lessons)
        # beside the editor, as a tab of its own: at 1366 px there is no room for a third
        # column of panels
        self.addDockWidget(Qt.LeftDockWidgetArea, self.lesson_dock)
        self.tabifyDockWidget(self.editor_dock, self.lesson_dock)
        self.lesson_dock.hide()  # until opened: Help → Lessons

    def _build_status(self):
        bar = self.statusBar()
        self.status_step = QLabel(objectName="statusStep")
        self.status_loss = QLabel(objectName="statusLoss")
        self.status_accuracy = QLabel(objectName="statusAccuracy")
        self.status_speed = QLabel(objectName="statusSpeed")
        for w in (self.status_step, self.status_loss, self.status_accuracy, self.status_speed):
            w.setMinimumWidth(110)
            bar.addPermanentWidget(w)
        # an engine that stops answering while it should train is said, with a way out
        self.restart_button = QPushButton(self.tr("Restart engine"),
                                          objectName="restartEngineButton")
        self.restart_button.hide()
        bar.addPermanentWidget(self.restart_button)
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(1000)
        self._watchdog.timeout.connect(self._watch_engine)
        self._watchdog.start()

    def _build_menus(self):
        f = self.files
        m = self.menuBar().addMenu(self.tr("&File"))
        self._action(m, self.tr("&New"), self.new_session, QKeySequence.New)
        self._action(m, self.tr("&Open…"), f.open_dialog, QKeySequence.Open)
        self.recent_menu = m.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.restore_action = self._action(m, self.tr("Restore &last session"),
                                           self.restore_last_session)
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.setEnabled(False)  # until enable_recovery finds an autosave
        self._action(m, self.tr("&Save"), f.save, QKeySequence.Save)
        self._action(m, self.tr("Save &As…"), f.save_as_dialog, QKeySequence.SaveAs)
        m.addSeparator()
        self._action(m, self.tr("Export plots as &PNG…"), f.export_plots_dialog)
        self._action(m, self.tr("Export history as &CSV…"), f.export_history_dialog)
        self._action(m, self.tr("Save as &lesson…"), self.save_lesson_dialog)
        m.addSeparator()
        self._action(m, self.tr("&Quit"), self.close, QKeySequence.Quit)
        view = self.menuBar().addMenu(self.tr("&View"))
        self._action(view, self.tr("&Training views"),
                     lambda: self.tabs.setCurrentIndex(0), "Ctrl+1")
        self._action(view, self.tr("&Backprop: the chain rule"),
                     lambda: self.tabs.setCurrentWidget(self.backprop), "Ctrl+2")
        self._action(view, self.tr("Activation &zoo"),
                     lambda: self.tabs.setCurrentWidget(self.zoo), "Ctrl+3")
        self._action(view, self.tr("&Init × activation sweep"),
                     lambda: self.tabs.setCurrentWidget(self.sweep), "Ctrl+4")
        view.addSeparator()
        view.addAction(self.editor_dock.toggleViewAction())
        view.addAction(self.activation_dock.toggleViewAction())
        view.addSeparator()
        self._action(view, self.tr("&Reset layout"), self.reset_layout)
        language = view.addMenu(self.tr("&Language"))
        current = current_language()  # the one in use, however it was chosen
        for code, name in LANGUAGES.items():  # each language in its own words
            action = self._action(language, name, lambda _=False, c=code: self.set_language(c))
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setObjectName(f"language_{code}")
        view.addAction(self.lesson_dock.toggleViewAction())
        helpm = self.menuBar().addMenu(self.tr("&Help"))
        self._action(helpm, self.tr("&Lessons"), self.show_lessons, "Ctrl+L")
        self._action(helpm, self.tr("&Keyboard shortcuts"), self.show_shortcuts)
        self._action(helpm, self.tr("&About xorlab"), self.show_about)
        # training shortcuts: window-wide; a field being edited keeps its keys until Enter
        # hands the focus back (editor/fields.py)
        self.play_action = self._action(self, self.tr("Play/Pause"), self.play_pause, "Space")
        self._action(self, self.tr("Step"), self.step_once, "S")
        self._action(self, self.tr("Step epoch"), self.step_epoch, "E")
        self._action(self, self.tr("Reset"), self.reset, "R")

    def _action(self, menu, text, slot, shortcut=None):
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _connect(self):
        c = self.controller
        self._graphics_views = [self.loss_plot, self.decision_plot, self.gradient_plot,
                                self.gradient_depth_plot, self.compare_plot,
                                self.histogram_plot]
        c.snapshot.connect(self.on_snapshot)
        c.engineStopped.connect(self._engine_stopped)
        c.engineFellBack.connect(lambda msg: self.show_problem(msg))
        c.engineContinued.connect(lambda msg: self.show_problem(msg, 10000))
        self.editor.edited.connect(self.set_session)
        self.editor.layerSelected.connect(lambda _: self._show_layer_activation())
        self.editor.problem.connect(lambda msg: self.show_problem(msg, 8000))
        self.decision_plot.pointAdded.connect(self._add_point)
        self.diagram.neuronClicked.connect(self._neuron_clicked)
        self.diagram.edgeClicked.connect(
            lambda *edge: self.edge_inspector.show_edge(*edge, self.controller.latest))
        self.edge_inspector.weightEntered.connect(c.set_weight)
        self.edge_inspector.problem.connect(lambda msg: self.show_problem(msg, 8000))
        self.play_button.clicked.connect(self.play_pause)
        self.step_button.clicked.connect(self.step_once)
        self.epoch_button.clicked.connect(self.step_epoch)
        self.reset_button.clicked.connect(self.reset)
        self.speed.currentIndexChanged.connect(lambda: c.set_speed(self.speed.currentData()))
        self.restart_button.clicked.connect(self.restart_engine)
        self.history_slider.valueChanged.connect(self._history_moved)
        # a view shown again draws the newest snapshot (hidden ones are not drawn)
        self.gradient_panel.mode.currentIndexChanged.connect(self._redraw)
        self.sweep.started.connect(self._sweep_started)
        self.lessons.chosen.connect(self.apply_lesson)
        self.lessons.open_button.clicked.connect(self.open_lesson_dialog)
        self.lesson_dock.visibilityChanged.connect(self._lessons_closed)
        self.sweep.finishedRun.connect(self._sweep_finished)
        self.backprop.updated.connect(self._count_update)
        self._lesson_timer = QTimer(self)
        self._lesson_timer.setInterval(200)
        self._lesson_timer.timeout.connect(self._check_lesson)
        self.sweep.cellChosen.connect(self._sweep_cell_chosen)
        self.compare_button.toggled.connect(lambda on: self._compare_edited(on=on))
        self.compare_setting.activated.connect(lambda: self._compare_edited(
            setting=self.compare_setting.currentData(),
            value=default_value(self.compare_setting.currentData(), self._session)))
        self.compare_value.activated.connect(
            lambda: self._compare_edited(value=self.compare_value.currentText()))

    # ---- the session: one source of truth ----------------------------------------------------
    def session(self) -> Session:
        """The current Session."""
        return self._session

    def set_session(self, session: Session, weights=None, run=None, rebuild=False):
        """Make `session` the current one: the editor shows it, and the engine rebuilds only
        when its structure changed (or `weights` / a saved `run` come with it, or `rebuild`);
        otherwise changed training settings apply in place and a changed view is shown.
        Returns the generation of the network that shows it."""
        old, self._session = self._session, session
        self.editor.show_session(session)
        self.decision_plot.set_draw_mode(session.data.get("label") == "drawn")
        if rebuild or weights is not None or run is not None \
                or old.structure() != session.structure():
            self._show_ghost(old, session, switched=not rebuild and weights is None)
            generation = self.controller.rebuild(session, weights, run)
            self._built = {generation: session}
        else:
            changes = {k: v for k, v in session.hyper().items() if old.hyper()[k] != v}
            if changes:
                self.controller.set_hyper(**changes)
            if old.view != session.view:
                self.controller.set_view(session.view)
            if old.compare != session.compare:
                self.controller.set_compare(session.compare)
        self._show_compare(session.compare)
        self.headline.setText(self._summary())
        self._show_layer_activation()
        return self.controller.generation

    def _show_ghost(self, old, new, switched):
        """After a switch of activation or initializer only, the run before stays in the
        loss and gradient plots, faded, labelled with what it was; any other rebuild (and
        Reset) clears it."""
        same_shape = [layer["units"] for layer in old.hidden] == \
            [layer["units"] for layer in new.hidden]
        only_switch = switched and same_shape and (old.hidden != new.hidden
                                                   or old.init != new.init) \
            and replace(old, hidden=new.hidden, init=new.init, view=new.view,
                        compare=new.compare).structure() == new.structure()
        snap = self.controller.latest
        if only_switch and snap is not None and snap.step > 0 and snap.twin is None:
            what = "/".join(sorted({layer["activation"] for layer in old.hidden})) or \
                self.tr("one neuron")
            label = self.tr("before: {0}").format(
                what if old.init == new.init else f"{what}, {old.init}")
        else:
            snap, label = None, None
        self.loss_plot.set_ghost(snap, label)
        self.gradient_plot.set_ghost(snap, label)

    def built_session(self, generation):
        """The Session the network of `generation` was built from (None if not the newest)."""
        return self._built.get(generation)

    def _compare_edited(self, **changes):
        """The compare controls send an edited Session (lab.compare.Compare)."""
        c = self._session.compare
        new = replace(c, **changes)
        self.set_session(replace(self._session, compare=new))
        snap = self.controller.latest
        if new.on and new != c and snap is not None and snap.step > 0:
            # the second run starts now, from new weights: its curves begin at this step
            self.show_problem(message("twin_starts_now", step=snap.step), 10000)

    def _show_compare(self, compare):
        for w in (self.compare_button, self.compare_setting, self.compare_value):
            w.blockSignals(True)
        self.compare_button.setChecked(compare.on)
        self.compare_setting.setCurrentIndex(self.compare_setting.findData(compare.setting))
        values = compare_choices(compare.setting)
        if [self.compare_value.itemText(i) for i in range(self.compare_value.count())] != values:
            self.compare_value.clear()
            self.compare_value.addItems(values)
        self.compare_value.setCurrentText(compare.value)
        for w in (self.compare_button, self.compare_setting, self.compare_value):
            w.blockSignals(False)
        if self.right_top.currentIndex() != (1 if compare.on else 0):
            self.right_top.setCurrentIndex(1 if compare.on else 0)
            self._redraw()

    def _neuron_clicked(self, neuron):
        """Show that neuron in the decision plot; the one already shown: back to the output."""
        view = None if neuron == self._session.view else neuron
        self.set_session(replace(self._session, view=view))

    def _add_point(self, x, y, label):
        data = self._session.data
        if data.get("label") != "drawn":
            return
        self.set_session(self._session.with_data(X=[*data["X"], [x, y]],
                                                 y=[*data["y"], int(label)]))

    # ---- training commands ---------------------------------------------------------------
    def play_pause(self):
        self.controller.play_pause()
        self._show_running(self.controller.running)

    def step_once(self):
        self.controller.step(1)
        self._show_running(False)

    def step_epoch(self):
        self.controller.step_epoch()
        self._show_running(False)

    def reset(self):
        """New weights from the seed, step 0."""
        self.set_session(self._session, rebuild=True)

    def _show_running(self, running):
        text = self.tr("Pause") if running else self.tr("Play")
        if self.play_button.text() != text:
            self.play_button.setText(text)
            self.play_button.setIcon(self.style().standardIcon(
                QStyle.SP_MediaPause if running else QStyle.SP_MediaPlay))

    # ---- messages ------------------------------------------------------------------------------
    def message_text(self, msg):
        """A lab.messages.Message as a sentence in the user's language."""
        return message_text(msg)

    def show_problem(self, msg, timeout=0):
        """Show a Message in the status bar (timeout in ms; 0 until replaced)."""
        self.last_problem = msg
        self.statusBar().showMessage(self.message_text(msg), timeout)

    # ---- snapshots ---------------------------------------------------------------------------
    def on_snapshot(self, snap):
        """Draw a snapshot now, or as soon as FRAME_SPACING has passed since the last frame
        (the newest one waiting wins): a late snapshot followed at once by the next one would
        otherwise take two frames in a row and leave clicks and keys waiting."""
        self._pending = snap
        if self.restart_button.isVisible():  # it answers again after all
            self.restart_button.hide()
            if self.last_problem is not None and self.last_problem.code == "engine_frozen":
                self.statusBar().clearMessage()
                self.last_problem = None
        wait = self._last_frame + FRAME_SPACING - time.perf_counter()
        if wait > 0:
            if not self._frame_timer.isActive():
                self._frame_timer.start(max(1, math.ceil(1000 * wait)))
            return
        self._draw_pending()

    def _draw_pending(self):
        """Draw the waiting snapshot: one view per turn of the event loop (its data, then its
        paint), so that clicks and keys wait for one view, not four. Hidden views are not
        drawn.

        While training runs, the plots do not repaint on their own when their data changes
        (NoViewportUpdate): each frame is painted here, once, while the engine trains on.
        Paused, the plots update normally, so zooming and hovering work."""
        snap, self._pending = self._pending, None
        if snap is None:
            return
        if self.gradient_plot.history_at is not None and snap.generation != self._frame_generation:
            self.history_slider.setValue(HISTORY_POSITIONS)  # a new network: back to now
        self._frame_generation = snap.generation
        t0 = self._last_frame = time.perf_counter()
        mode = (QGraphicsView.NoViewportUpdate if snap.running
                else QGraphicsView.MinimalViewportUpdate)
        for view in self._graphics_views:
            if view.viewportUpdateMode() != mode:
                view.setViewportUpdateMode(mode)
        self._update_status(snap)
        self.edge_inspector.show_snapshot(snap)
        self._frame = snap
        self.gradient_panel.show_snapshot(snap)
        self._to_paint = [v for v in (self.loss_plot, self.decision_plot, self.gradient_plot,
                                      self.gradient_depth_plot, self.histogram_plot,
                                      self.diagram, self.compare_plot) if v.isVisible()]
        self.frame_seconds += time.perf_counter() - t0
        self._paint_next()

    def _history_moved(self, position=None):
        """The history slider: at its right end, now; elsewhere that recorded step, shown in
        the gradient bars, the by-layer view and the ratio readout (the decision map and the
        curves stay live)."""
        snap = self.controller.latest
        position = self.history_slider.value() if position is None else position
        at = None
        if position < HISTORY_POSITIONS and snap is not None and len(snap.step_steps):
            first, last = int(snap.step_steps[0]), int(snap.step_steps[-1])
            at = first + round((last - first) * position / HISTORY_POSITIONS)
        for view in (self.gradient_plot, self.gradient_depth_plot, self.gradient_panel):
            view.history_at = at
        self.history_label.setText(self.tr("now") if at is None else self.tr(
            "step {0:,} (the decision map stays live)").format(at))
        if snap is not None:
            self.on_snapshot(snap)

    def _tab_changed(self, index):
        """Hidden views are not drawn: back on the training tab, draw the newest snapshot."""
        if index == 0:
            self._redraw()

    # ---- lessons -------------------------------------------------------------------------
    def show_lessons(self):
        self.lesson_dock.show()
        self.lesson_dock.raise_()
        if self.lessons.current is None and self.lessons.lessons and not self.lessons.problems:
            self.lessons.list.setCurrentRow(0)  # (with problems, the panel shows them first)

    def open_lesson(self, lesson_id):
        """Open the lessons panel at the lesson with this id, or the lesson file at this path
        (a teacher's); False (after saying why, for a file) when there is none."""
        self.lesson_dock.show()
        self.lesson_dock.raise_()
        if str(lesson_id).endswith(".json"):
            try:
                self.lessons.open_file(lesson_id)
            except LessonError as e:
                QMessageBox.critical(self, self.tr("Cannot open lesson"), error_text(e))
                self.show_problem(message("not_opened", detail=e), 10000)
                return False
            return True
        return self.lessons.open_lesson(lesson_id)

    def open_lesson_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open lesson"),
                                              self.files._last_dir(),
                                              self.tr("lessons (*.json)"))
        if path:
            self.open_lesson(path)

    def apply_lesson(self, lesson):
        """Set up a lesson: its session, its tab (and preset), its hidden controls. A lesson
        that brings its own network asks first when the run is not saved."""
        if lesson.session is not None and not self.confirm_discard():
            self.lessons.undo_choice()
            return False
        self._show_lesson_controls()
        self._lesson_hidden, self._lesson_locked = lesson.hide, lesson.lock
        for widget in self._controls(lesson.hide):
            widget.hide()
        for widget in self._controls(lesson.lock):
            widget.setEnabled(False)
        if lesson.session is not None:
            self.set_session(lesson.session, rebuild=True)
        tab = {"training": 0, "backprop": self.tabs.indexOf(self.backprop),
               "zoo": self.tabs.indexOf(self.zoo), "sweep": self.tabs.indexOf(self.sweep)}
        self.tabs.setCurrentIndex(tab[lesson.view])
        if lesson.preset is not None:
            self.backprop.show_preset(lesson.preset)
        self._lesson_updates = 0
        self._lesson_sweeps = 0
        self._lesson_generation = self.controller.generation
        if lesson.goal is not None:
            self._lesson_timer.start()
        else:
            self._lesson_timer.stop()
        return True

    def _show_lesson_controls(self):
        """The controls a lesson hid or locked come back (the lesson is left or closed)."""
        for widget in self._controls(self._lesson_hidden):
            widget.show()
        for widget in self._controls(self._lesson_locked):
            widget.setEnabled(True)
        self._lesson_hidden = self._lesson_locked = ()

    def _controls(self, names):
        """The widgets of these object names (a lesson's "hide" and "lock")."""
        widgets = (self.findChild(QWidget, name) for name in names)
        return [widget for widget in widgets if widget is not None]

    def _lessons_closed(self, visible):
        if not visible and not self.lesson_dock.isVisible():
            self._lesson_timer.stop()
            self._show_lesson_controls()

    def _count_update(self):
        self._lesson_updates += 1

    def lesson_facts(self):
        """What the window tells a lesson's goal besides the snapshot (counted from when the
        lesson opened)."""
        return {"generation": self._lesson_generation,
                "backprop_gradients": self.backprop.known_gradients(),
                "sigmoid_checked": bool(self.backprop.check.text()),
                "backprop_updates": self._lesson_updates,
                "zoo_open": self.tabs.currentWidget() is self.zoo,
                "sweeps_done": self._lesson_sweeps}

    def _sweep_finished(self):
        if self.sweep.result is not None and self.sweep.result.complete:
            self._lesson_sweeps += 1

    def _check_lesson(self):
        if self.lessons.check(self.controller.latest, self.lesson_facts()):
            self._lesson_timer.stop()

    def save_lesson_dialog(self):
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as lesson"),
                                              str(Path.home() / "lesson.json"),
                                              self.tr("lessons (*.json)"))
        if path:
            self.save_lesson(path)

    def save_lesson(self, path):
        """Write the current session as a lesson file (a teacher adds its text and goal)."""
        import json

        from ..engine.textfile import write_atomically
        from ..lab.lessons import lesson_from_session
        view = {self.backprop: "backprop", self.zoo: "zoo", self.sweep: "sweep"}.get(
            self.tabs.currentWidget(), "training")
        name = Path(path).stem
        try:
            write_atomically(path, json.dumps(lesson_from_session(
                self._session, name, name, view), ensure_ascii=False, indent=1))
        except OSError as e:
            detail = f"{path}: {e.strerror or e}"
            QMessageBox.critical(self, self.tr("Cannot save"), detail)
            self.show_problem(message("not_saved", detail=detail), 10000)
            return False
        try:
            self.lessons.add_lesson(read_lesson(path))  # in the panel now, for a try
        except LessonError as e:  # written, but it cannot be read back: say why
            self.show_problem(message("not_opened", detail=e), 10000)
            return False
        self.show_problem(message("saved_lesson", path=str(path)), 8000)
        return True

    def _sweep_started(self):
        """The sweep takes both cores: training here pauses meanwhile."""
        self.controller.pause()
        self._show_running(False)

    def _sweep_cell_chosen(self, chosen):
        init, activation, config = chosen
        self.set_session(cell_session(init, activation, config, self._session))
        self.tabs.setCurrentIndex(0)

    def _redraw(self):
        if self.controller.latest is not None:
            self.on_snapshot(self.controller.latest)

    def drawn(self):
        """True when the newest snapshot received has been drawn in every view."""
        return (self._pending is None and not self._to_paint
                and self._frame is self.controller.latest)

    def _paint_next(self):
        t0 = time.perf_counter()
        if self._to_paint:
            view = self._to_paint.pop(0)
            if view is self.compare_plot:  # the second run, on the first run's points
                if self._frame.twin is not None:
                    view.show_snapshot(with_points(self._frame.twin, self._frame))
            else:
                view.show_snapshot(self._frame)
            if getattr(view, "needs_paint", True):
                (view.viewport() if isinstance(view, QGraphicsView) else view).repaint()
        if self._to_paint:
            self._paint_timer.start()
        self.frame_seconds += time.perf_counter() - t0

    def _watch_engine(self):
        silent = self.controller.silent_for()
        if silent > FROZEN_SECONDS and not self.restart_button.isVisible():
            self.show_problem(message("engine_frozen", seconds=silent))
            self.restart_button.show()
            self._show_running(False)

    def restart_engine(self):
        """A new engine with the session as it is now (the frozen one is ended)."""
        self.restart_button.hide()
        self.controller.restart()
        self.statusBar().clearMessage()
        self.last_problem = None

    def _engine_stopped(self, msg):
        self._frame_timer.stop()  # a snapshot still waiting to be drawn says "running"
        self._pending = None
        self._show_running(False)
        self.show_problem(msg)

    def _update_status(self, snap):
        self._show_running(snap.running)
        now = time.perf_counter()
        self.plot_frames += 1
        self._fps_window.append(now)
        while self._fps_window and now - self._fps_window[0] > 1.0:
            self._fps_window.pop(0)
        fps = len(self._fps_window) if snap.running else 0
        self.status_step.setText(self.tr("step {0:,}  epoch {1:,}").format(snap.step,
                                                                           snap.epoch))
        self.status_loss.setText(self.tr("loss {0} / {1}").format(_fmt(snap.train_loss),
                                                                  _fmt(snap.test_loss)))
        self.status_accuracy.setText(self.tr("accuracy {0} / {1}").format(
            _pct(snap.train_accuracy), _pct(snap.test_accuracy)) + (
            "" if snap.twin is None else f"  · {snap.twin.label} "
            f"{_pct(snap.twin.train_accuracy)} / {_pct(snap.twin.test_accuracy)}"))
        self.status_speed.setText(self.tr("{0:,.0f} steps/s  {1} fps").format(
            snap.steps_per_second, fps))
        if snap.problem is not None:
            if snap.problem != self._snapshot_problem or self.last_problem != snap.problem:
                self.show_problem(snap.problem)
            self._snapshot_problem = snap.problem
        elif self._snapshot_problem is not None:
            if self.last_problem == self._snapshot_problem:
                self.statusBar().clearMessage()
                self.last_problem = None
            self._snapshot_problem = None

    def _summary(self):
        """One line naming the experiment: data · shape and activations · optimizer."""
        s = self._session
        shape = "-".join(str(n) for n in [2, *[layer["units"] for layer in s.hidden], 1])
        acts = sorted({layer["activation"] for layer in s.hidden})
        data = s.data.get("label", s.data["name"])
        t = s.training
        one, batch, everything = self.tr("one neuron"), self.tr("batch"), self.tr("all")
        return (f"{data} · {shape} {'/'.join(acts) or one} · {s.init} · "
                f"{t.optimizer} γ {t.lr:g} · {batch} {t.batch_size or everything}")

    def _show_layer_activation(self):
        hidden = self._session.hidden
        index = min(self.editor.layers.selected, len(hidden))
        layer = hidden[index] if index < len(hidden) else OUTPUT_LAYER
        label = self.tr("layer {0}").format(index + 1) if index < len(hidden) \
            else self.tr("output")
        params = {k: v for k, v in layer.items() if k not in ("units", "activation")}
        self.activation_plot.show_activation(layer["activation"], label, **params)

    # ---- files: the documented API, done in files.py ----------------------------------------
    def open_path(self, path):
        return self.files.open_path(path)

    def save_path(self, path):
        return self.files.save_path(path)

    def _fill_recent_menu(self):
        menu = self.recent_menu
        menu.clear()
        recent = self.files.recent_files()
        for i, path in enumerate(recent, 1):
            action = menu.addAction(f"&{i} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if recent:
            menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear list"), self.files.forget_recent)
        clear.setObjectName("clearRecentAction")
        clear.setEnabled(bool(recent))

    def open_recent(self, path):
        """Open a file of File → Open Recent; one that is gone is said and dropped."""
        if not Path(path).is_file():
            self.files.forget_recent(path)
            self.show_problem(message("recent_missing", path=path), 8000)
            return False
        return self.open_path(path)

    # ---- autosave and crash recovery: recovery.py -------------------------------------------
    def enable_recovery(self, folder=None, seconds=None):
        """Autosave this window's run into the user data folder (or `folder`) every minute
        while it changes and at quit; returns the Recovery, whose `offer_restore()` asks to
        restore the last session after a crash. `main()` calls this; tests pass a folder."""
        from .recovery import AUTOSAVE_SECONDS, Recovery, data_folder

        folder = data_folder() if folder is None else folder
        self.recovery = Recovery(self, folder, seconds or AUTOSAVE_SECONDS)
        self.restore_action.setEnabled(self.recovery.previous)
        return self.recovery

    def restore_last_session(self):
        return self.recovery is not None and self.recovery.restore()

    def new_session(self):
        if not self.confirm_discard():
            return
        self.files.forget()
        self.set_session(Session(), rebuild=True)

    def confirm_discard(self):
        """True when the current run may be dropped: it is saved, or the user says so (or
        saves it now)."""
        if not self.ask_to_save or not self.files.unsaved():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved run"),
            self.tr("This run has trained {0:,} steps and is not saved. Save it first?")
            .format(self.controller.latest.step),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.files.save()
        return answer == QMessageBox.Discard

    def set_language(self, code):
        """Remember the language; it applies when xorlab starts next."""
        self.settings.setValue("language", code)
        for action in self.findChildren(QAction):
            if action.objectName().startswith("language_"):
                action.setChecked(action.objectName() == f"language_{code}")
        self.statusBar().showMessage(self.tr("The language changes when xorlab starts next."),
                                     8000)

    # ---- layout, help, closing ---------------------------------------------------------------
    def reset_layout(self):
        self.restoreState(self._default_state)
        self.editor_dock.show()
        self.activation_dock.show()

    def show_shortcuts(self):
        shortcuts = [("Space", self.tr("play / pause")), ("S", self.tr("one step")),
                     ("E", self.tr("one epoch")), ("R", self.tr("reset (new weights, step 0)")),
                     ("Ctrl+N", self.tr("new session")), ("Ctrl+O", self.tr("open a model")),
                     ("Ctrl+S", self.tr("save")), ("Ctrl+Q", self.tr("quit"))]
        QMessageBox.information(self, self.tr("Keyboard shortcuts"),
                                "\n".join(f"{key:<8}  {what}" for key, what in shortcuts))

    def show_about(self):
        QMessageBox.about(self, self.tr("About xorlab"), self.tr(
            "xorlab {0}\n\nSee how neural networks learn: the XOR problem, backpropagation by "
            "the chain rule, sigmoid vs ReLU.\nBuilt on the lecture 모두를 위한 딥러닝 (deep "
            "learning for everyone).").format(__version__))

    def _restore_settings(self):
        """The saved layout, fitted to the screen the window opens on."""
        geometry = self.settings.value("geometry")
        state = self.settings.value("windowState")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        screen = self.screen().availableGeometry() if self.screen() else None
        if isinstance(geometry, QByteArray) and screen is not None and (
                self.width() > screen.width() or self.height() > screen.height()):
            self.resize(min(self.width(), screen.width()), min(self.height(), screen.height()))

    def closeEvent(self, event):
        if not self._closed and not self.confirm_discard():
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self):
        """Stop the engine (within 1 s) and remember the layout."""
        if self._closed:
            return
        self._closed = True
        if self.recovery is not None:
            self.recovery.shutdown()  # the last autosave, while the engine's snapshot is here
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        self._frame_timer.stop()
        self._paint_timer.stop()
        self._lesson_timer.stop()
        self._watchdog.stop()
        self.sweep.wait(2000)
        self.controller.shutdown(timeout_ms=1000)


def _fmt(v):
    """A loss for the status bar: 4 decimals, or 3 significant digits when it is huge."""
    if v is None:
        return "—"
    return f"{v:.4f}" if abs(v) < 1e4 else f"{v:.3g}"


def _pct(v):
    return "—" if v is None else f"{v:.1%}"
