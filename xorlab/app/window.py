"""The main window: it builds the layout, owns the parts and wires their signals.

The window holds the Session, the one source of truth. Its documented Python API:

    MainWindow(session=None, settings=None, engine="process")
    window.session()                   the current Session
    window.set_session(session)        show and apply it: rebuild only if the structure
                                       changed, else change the trainer in place or the view
    window.open_path(path)             open a model file and continue its run
    window.save_path(path)             save the network shown, with its session and run
    window.enable_recovery(folder)     autosave every minute and at quit (recovery.py)

The editor, the diagram's clicks, the decision plot's drawn points and the compare controls
send Sessions to `set_session`; nothing reads a widget back to learn the state. The parts:
training_bar.py (play, step, reset, speed, compare), history_bar.py, frames.py (snapshot →
painted views), status.py, actions.py (menus and shortcuts), files.py, export.py (the views
as pictures), lesson_mode.py, recovery.py (autosave).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
)

from ..lab.messages import message
from ..lab.session import Session, only_switched
from . import views
from .accessibility import ScreenReader
from .actions import Actions
from .controller import TrainingController
from .editor import EditorPanel
from .export import ViewExport
from .files import ModelFiles
from .frames import FramePacer
from .history_bar import HistoryBar
from .i18n import current_language, message_text
from .icons import app_icon
from .layout import column, headline_beside_tabs, restore_layout, scrolled, training_page
from .lesson_mode import LessonMode
from .lesson_panel import LessonPanel
from .status import MessageBar, Status
from .training_bar import TrainingBar
from .views.sweep import cell_session


class MainWindow(QMainWindow):
    def __init__(self, session: Session | None = None, settings: QSettings | None = None,
                 engine: str = "process"):
        super().__init__()
        self.setWindowTitle("xorlab")
        self.setWindowIcon(app_icon())
        self.settings = settings if settings is not None else QSettings("xorlab", "xorlab")
        self._session = session or Session()
        self._built = {}  # generation -> the Session of that Rebuild (the newest only)
        self.controller = TrainingController(self, engine)
        self.recovery = None  # autosave and crash recovery: enable_recovery()
        self._closed = False
        self._make_views()
        self.files = ModelFiles(
            self.settings, self.session, lambda: self.controller.latest, self.built_session,
            lambda session, weights, run: self.set_session(session, weights=weights, run=run),
            {"decision": self.decision_plot, "loss": self.loss_plot,
             "gradients": self.gradient_plot, "activation": self.activation_plot,
             "network": self.diagram},
            parent=self)
        self.training_bar = TrainingBar()
        self.history_bar = HistoryBar(  # the views that show a past step
            (self.gradient_plot, self.gradient_depth_plot, self.gradient_panel))
        self.frames = FramePacer([self.loss_plot, self.decision_plot, *self.image_panel.views(),
                                  self.gradient_plot, self.gradient_depth_plot,
                                  self.histogram_plot, self.diagram, self.compare_plot,
                                  self.twin_confusion],
                                 (self.compare_plot, self.twin_confusion), self)
        self._build_central()
        self._build_docks()
        self.setStatusBar(MessageBar())
        self.status = Status(self.statusBar(), self.controller, self)
        self.screen_reader = ScreenReader(self, self._views(), [
            self.editor_scroll, self.lessons, self.activation_plot, self.training_bar,
            self.tabs, self.status.restart_button])
        self.lesson_mode = LessonMode(
            self.lessons, self.lesson_dock, self.tabs,
            {"training": self.tabs.widget(0), "backprop": self.backprop, "zoo": self.zoo,
             "sweep": self.sweep}, self.controller, session=self.session,
            set_session=lambda session: self.set_session(session, rebuild=True),
            confirm_discard=self.confirm_discard, last_dir=self.files.last_dir, parent=self)
        self.view_export = ViewExport(self)  # File → Export view, the views' menus
        self.action_table = Actions(self)
        self.restore_action = self.action_table.named["restoreAction"]
        self.restore_action.setEnabled(False)  # until enable_recovery finds an autosave
        self.recent_menu = self.action_table.named["recentMenu"]
        self._connect()
        self.screen_reader.order_tabs()
        # the keys start at Play, not in an editor field (where a wheel would change it)
        self.training_bar.play_button.setFocus()
        self.resize(1366, 740)
        self._default_state = self.saveState()
        restore_layout(self, self.settings)
        self.set_session(self._session, rebuild=True)

    # ---- construction --------------------------------------------------------------------
    def _make_views(self):
        self.editor = EditorPanel(self.settings)
        self.loss_plot = views.LossPlot()
        self.decision_plot = views.DecisionPlot()
        self.compare_plot = views.DecisionPlot()
        self.compare_plot.setObjectName("compareDecisionPlot")
        self.image_panel = views.ImagePanel()  # for images, where the decision regions are
        self.twin_confusion = views.ConfusionView(caption=True)
        self.gradient_plot = views.GradientPlot()
        self.gradient_depth_plot = views.GradientDepthPlot()
        self.histogram_plot = views.ActivationHistogramPlot()
        self.gradient_panel = views.GradientPanel(
            self.gradient_plot, self.gradient_depth_plot, self.histogram_plot)
        self.activation_plot = views.ActivationPlot()
        self.diagram = views.NetworkDiagram()
        self.edge_inspector = views.EdgeInspector()
        self.backprop = views.BackpropView()
        self.zoo = views.ActivationZoo()
        self.sweep = views.SweepView()
        self.lessons = LessonPanel(current_language())

    def _views(self):
        """The views by name (what accessibility.ScreenReader names and reads out)."""
        return {"decision": self.decision_plot, "compare": self.compare_plot,
                "loss": self.loss_plot, "gradients": self.gradient_plot,
                "by_layer": self.gradient_depth_plot, "histograms": self.histogram_plot,
                "activation": self.activation_plot, "gradient_mode": self.gradient_panel.mode,
                "weight_edit": self.edge_inspector.edit,
                "weight_close": self.edge_inspector.close_button}

    def _build_central(self):
        # compare mode: the second run's decision map (for images, its confusion matrix)
        # stands where the diagram was
        stack = views.ImageSwitch.stack
        decision = stack(self.decision_plot, self.image_panel, "decisionOrImages")
        twin = stack(self.compare_plot, self.twin_confusion, "compareOrImages")
        self.image_switch = views.ImageSwitch(decision, twin)
        self.right_top = QStackedWidget()
        self.right_top.addWidget(column(self.diagram, self.edge_inspector))
        self.right_top.addWidget(twin)
        # the views that take the whole centre are tabs: training, and the chain-rule lesson
        self.tabs = QTabWidget(objectName="viewTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(training_page(self.training_bar, decision, self.right_top,
                                        self.loss_plot, self.gradient_panel, self.history_bar),
                         self.tr("Training"))
        self.tabs.addTab(self.backprop, self.tr("Backprop: the chain rule"))
        self.tabs.addTab(self.zoo, self.tr("Activation zoo"))
        self.tabs.addTab(self.sweep, self.tr("Init × activation"))
        headline_beside_tabs(self.tabs, self.training_bar.headline)
        self.setCentralWidget(self.tabs)

    def _build_docks(self):
        self.editor_scroll = scrolled(self.editor)
        self.editor_dock = self._dock(self.tr("Network editor"), "editorDock",
                                      self.editor_scroll)
        self.activation_plot.setMinimumHeight(150)
        self.activation_dock = self._dock(self.tr("Activation"), "activationDock",
                                          self.activation_plot)
        self.resizeDocks([self.editor_dock, self.activation_dock], [520, 170], Qt.Vertical)
        self.lesson_dock = self._dock(self.tr("Lessons"), "lessonDock", self.lessons)
        # beside the editor, as a tab of its own: at 1366 px there is no room for a third
        # column of panels
        self.tabifyDockWidget(self.editor_dock, self.lesson_dock)
        self.lesson_dock.hide()  # until opened: Help → Lessons

    def _dock(self, title, name, widget):
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.LeftDockWidgetArea, dock)
        return dock

    def _connect(self):
        c, bar = self.controller, self.training_bar
        c.snapshot.connect(self.on_snapshot)
        c.engineStopped.connect(self._engine_stopped)
        c.engineFellBack.connect(lambda msg: self.show_problem(msg))
        c.engineContinued.connect(lambda msg: self.show_problem(msg, 10000))
        for part in (self.files, self.lesson_mode, self.view_export):
            part.problem.connect(self.show_problem)
        self.files.titleChanged.connect(self.setWindowTitle)
        self.editor.edited.connect(self.set_session)
        self.editor.layerSelected.connect(lambda _: self._show_layer_activation())
        self.editor.layers.rowsChanged.connect(self.screen_reader.order_tabs)
        self.editor.problem.connect(lambda msg: self.show_problem(msg, 8000))
        self.decision_plot.pointAdded.connect(self._add_point)
        self.editor.data.drawClassChanged.connect(self.decision_plot.set_draw_class)
        self.diagram.neuronClicked.connect(self._neuron_clicked)
        self.diagram.edgeClicked.connect(
            lambda *edge: self.edge_inspector.show_edge(*edge, self.controller.latest))
        self.edge_inspector.weightEntered.connect(c.set_weight)
        self.edge_inspector.problem.connect(lambda msg: self.show_problem(msg, 8000))
        bar.playPause.connect(self.play_pause)
        bar.stepOnce.connect(self.step_once)
        bar.stepEpoch.connect(self.step_epoch)
        bar.reset.connect(self.reset)
        bar.speedChanged.connect(c.set_speed)
        bar.compareEdited.connect(self._compare_edited)
        self.status.frozen.connect(lambda: bar.show_running(False))
        self.frames.networkChanged.connect(self.history_bar.back_to_now)  # a new network
        self.frames.frameStarted.connect(self._frame_started)
        self.history_bar.moved.connect(self._history_moved)
        self.tabs.currentChanged.connect(self._tab_changed)
        # a view shown again draws the newest snapshot (hidden ones are not drawn)
        self.gradient_panel.mode.currentIndexChanged.connect(self._redraw)
        self.image_panel.currentChanged.connect(self._redraw)
        self.sweep.started.connect(self._sweep_started)
        self.sweep.cellChosen.connect(self._sweep_cell_chosen)

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
        self.training_bar.show_session(session)
        self._show_compare(session.compare)
        self._show_layer_activation()
        return self.controller.generation

    def _show_ghost(self, old, new, switched):
        """After a switch of activation or initializer only, the run before stays in the
        loss and gradient plots, faded, labelled with what it was; any other rebuild (and
        Reset) clears it."""
        snap = self.controller.latest
        if switched and only_switched(old, new) and snap is not None and snap.step > 0 \
                and snap.twin is None:
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

    def _compare_edited(self, new):
        """The compare controls send an edited lab.compare.Compare."""
        c = self._session.compare
        self.set_session(replace(self._session, compare=new))
        snap = self.controller.latest
        if new.on and new != c and snap is not None and snap.step > 0:
            # the second run starts now, from new weights: its curves begin at this step
            self.show_problem(message("twin_starts_now", step=snap.step), 10000)

    def _show_compare(self, compare):
        if self.right_top.currentIndex() != (1 if compare.on else 0):
            self.right_top.setCurrentIndex(1 if compare.on else 0)
            self._redraw()

    def _neuron_clicked(self, neuron):
        """Show that neuron in the decision plot; the one already shown: back to the output.
        Images have no plane to map a neuron over: their clicks change nothing."""
        if self._session.image is not None:
            return
        view = None if neuron == self._session.view else neuron
        self.set_session(replace(self._session, view=view))

    def _add_point(self, x, y, label):
        data = self._session.data
        if data.get("label") != "drawn":
            return
        self.set_session(self._session.with_data(X=[*data["X"], [x, y]],
                                                 y=[*data["y"], int(label)]))

    def _show_layer_activation(self):
        self.activation_plot.show_layer(self._session, self.editor.layers.selected)

    # ---- training commands ---------------------------------------------------------------
    def play_pause(self):
        self.controller.play_pause()
        self.training_bar.show_running(self.controller.running)

    def step_once(self):
        self.controller.step(1)
        self.training_bar.show_running(False)

    def step_epoch(self):
        self.controller.step_epoch()
        self.training_bar.show_running(False)

    def reset(self):
        """New weights from the seed, step 0 (after asking, like New, when the run is not
        saved)."""
        if not self.confirm_discard():
            return
        self.set_session(self._session, rebuild=True)

    def _sweep_started(self):
        """The sweep takes both cores: training here pauses meanwhile."""
        self.controller.pause()
        self.training_bar.show_running(False)

    def _sweep_cell_chosen(self, chosen):
        init, activation, config = chosen
        self.set_session(cell_session(init, activation, config, self._session))
        self.tabs.setCurrentIndex(0)

    # ---- messages (status.py) ------------------------------------------------------------------
    def message_text(self, msg):
        """A lab.messages.Message as a sentence in the user's language."""
        return message_text(msg)

    def show_problem(self, msg, timeout=0):
        """Show a Message in the status bar (timeout in ms; 0 until replaced)."""
        self.status.show_problem(msg, timeout)

    last_problem = property(lambda self: self.status.last_problem,
                            lambda self, msg: setattr(self.status, "last_problem", msg),
                            doc="the lab.messages.Message shown last (None once cleared)")

    # ---- snapshots (frames.py) -----------------------------------------------------------------
    def on_snapshot(self, snap):
        """Draw a snapshot, paced (frames.py)."""
        self.status.engine_answers()
        self.frames.show(snap)

    def drawn(self):
        """True when the newest snapshot received has been drawn in every view."""
        return self.frames.drawn(self.controller.latest)

    plot_frames = property(lambda self: self.frames.plot_frames, doc="frames drawn so far")
    frame_seconds = property(lambda self: self.frames.frame_seconds, doc="time drawing them")

    def _frame_started(self, snap, fps):
        self.image_switch.show_snapshot(snap)  # points or images: before the views are drawn
        self.training_bar.show_running(snap.running)
        self.status.show_snapshot(snap, fps)
        self.edge_inspector.show_snapshot(snap)
        self.gradient_panel.show_snapshot(snap)
        self.screen_reader.show_snapshot(snap)

    def _redraw(self):
        if self.controller.latest is not None:
            self.on_snapshot(self.controller.latest)

    def _engine_stopped(self, msg):
        self.frames.drop_pending()  # a snapshot still waiting to be drawn says "running"
        self.training_bar.show_running(False)
        self.show_problem(msg)

    def _history_moved(self):
        """The history slider moved: its views show the step it points at."""
        snap = self.controller.latest
        self.history_bar.show_step(snap)
        if snap is not None:
            self.on_snapshot(snap)

    def _tab_changed(self, index):
        """Hidden views are not drawn: back on the training tab, draw the newest snapshot."""
        if index == 0:
            self._redraw()

    # ---- lessons (lesson_mode.py) ------------------------------------------------------------
    def show_lessons(self):
        self.lesson_mode.show()

    def open_lesson(self, lesson_id):
        """Open the lessons at the lesson with this id, or the lesson file at this path."""
        return self.lesson_mode.open(lesson_id)

    def save_lesson(self, path):
        return self.lesson_mode.save_lesson(path)

    # ---- files (files.py) and autosave (recovery.py) -------------------------------------------
    def open_path(self, path):
        return self.files.open_path(path)

    def save_path(self, path):
        return self.files.save_path(path)

    def open_recent(self, path):
        return self.files.open_recent(path)

    ask_to_save = property(lambda self: self.files.ask_to_save,
                           lambda self, ask: setattr(self.files, "ask_to_save", ask),
                           doc="ask before New, Open, Reset, a lesson or Quit drop a run")

    def confirm_discard(self):
        """True when the current run may be dropped (files.py asks)."""
        return self.files.confirm_discard()

    def new_session(self):
        if not self.confirm_discard():
            return
        self.files.forget()
        self.set_session(Session(), rebuild=True)

    def enable_recovery(self, folder=None, seconds=None):
        """Autosave this window's run into the user data folder (or `folder`) every minute
        while it changes and at quit; returns the Recovery, whose `offer_restore()` asks to
        restore the last session after a crash. `main()` calls this; tests pass a folder."""
        from .recovery import AUTOSAVE_SECONDS, Recovery, data_folder

        folder = data_folder() if folder is None else folder
        self.recovery = Recovery(self.files, folder, seconds or AUTOSAVE_SECONDS, self)
        self.recovery.problem.connect(self.show_problem)
        self.recovery.titleChanged.connect(self.setWindowTitle)
        self.recovery.previousChanged.connect(self.restore_action.setEnabled)
        self.recovery.start()
        self.restore_action.setEnabled(self.recovery.previous)
        return self.recovery

    def restore_last_session(self):
        return self.recovery is not None and self.recovery.restore()

    # ---- layout, closing ------------------------------------------------------
    def reset_layout(self):
        self.restoreState(self._default_state)
        self.editor_dock.show()
        self.activation_dock.show()

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
        self.frames.stop()
        self.lesson_mode.stop()
        self.status.watchdog.stop()
        self.sweep.wait(2000)
        self.controller.shutdown(timeout_ms=1000)

