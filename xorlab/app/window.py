"""The main window: editor and activation docks, four live views, controls, menus, status."""

from __future__ import annotations

import math
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
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
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..engine import ModelFileError, Network, load_model, save_model
from ..resources_path import resource_path
from .controller import TrainingController
from .diagram import NetworkDiagram
from .editor import NetworkEditor
from .plots import ActivationPlot, DecisionPlot, GradientPlot, LossPlot
from .session import Session

FRAME_SPACING = 0.026  # seconds from the start of one frame to the next, at least: the event
# loop gets time for clicks and keys between frames, and ~30 snapshots a second still fit
SPEEDS = [("max speed", 0), ("1000 steps / frame", 1000), ("100 steps / frame", 100),
          ("10 steps / frame", 10), ("1 step / frame", 1)]
SHORTCUTS = [("Space", "play / pause"), ("S", "one step"), ("E", "one epoch"),
             ("R", "reset (new weights, step 0)"), ("Ctrl+N", "new session"),
             ("Ctrl+O", "open a model"), ("Ctrl+S", "save"), ("Ctrl+Q", "quit")]


class MainWindow(QMainWindow):
    def __init__(self, session: Session | None = None, settings: QSettings | None = None):
        super().__init__()
        self.setWindowTitle("xorlab")
        try:
            self.setWindowIcon(QIcon(str(resource_path("xorlab.svg"))))
        except FileNotFoundError:
            pass
        self.settings = settings if settings is not None else QSettings("xorlab", "xorlab")
        self.path = None  # the model file of this session
        self.controller = TrainingController(self)
        self.editor = NetworkEditor(session)
        self.loss_plot = LossPlot()
        self.decision_plot = DecisionPlot()
        self.gradient_plot = GradientPlot()
        self.activation_plot = ActivationPlot()
        self.diagram = NetworkDiagram()
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
        self.rebuild()

    # ---- construction --------------------------------------------------------------------
    def _build_central(self):
        central = QWidget()
        v = QVBoxLayout(central)
        v.setContentsMargins(4, 4, 4, 4)
        controls = QHBoxLayout()
        self.play_button = QPushButton("Play", objectName="playPauseButton")
        self.play_button.setToolTip("play / pause (Space)")
        self.play_button.setIcon(self.style().standardIcon(QStyle.SP_MediaPlay))
        self.step_button = QPushButton("Step", objectName="stepButton")
        self.step_button.setToolTip("one training step (S)")
        self.epoch_button = QPushButton("Step epoch", objectName="stepEpochButton")
        self.epoch_button.setToolTip("one pass over the training set (E)")
        self.reset_button = QPushButton("Reset", objectName="resetButton")
        self.reset_button.setToolTip("new weights from the seed, step 0 (R)")
        self.speed = QComboBox(objectName="speedCombo")
        for text, value in SPEEDS:
            self.speed.addItem(text, value)
        self.speed.setToolTip("steps per update")
        for w in (self.play_button, self.step_button, self.epoch_button, self.reset_button):
            controls.addWidget(w)
        controls.addWidget(QLabel("Speed"))
        controls.addWidget(self.speed)
        controls.addStretch(1)
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        controls.addWidget(self.headline)
        v.addLayout(controls)
        grid = QGridLayout()
        grid.setSpacing(4)
        grid.addWidget(self.decision_plot, 0, 0)
        grid.addWidget(self.diagram, 0, 1)
        grid.addWidget(self.loss_plot, 1, 0)
        grid.addWidget(self.gradient_plot, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        v.addLayout(grid, 1)
        self.setCentralWidget(central)

    def _build_docks(self):
        scroll = QScrollArea()
        scroll.setWidget(self.editor)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(375)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.editor_dock = QDockWidget("Network editor", self)
        self.editor_dock.setObjectName("editorDock")
        self.editor_dock.setWidget(scroll)
        self.addDockWidget(Qt.LeftDockWidgetArea, self.editor_dock)
        self.activation_dock = QDockWidget("Activation", self)
        self.activation_dock.setObjectName("activationDock")
        self.activation_dock.setWidget(self.activation_plot)
        self.activation_plot.setMinimumHeight(170)
        self.addDockWidget(Qt.LeftDockWidgetArea, self.activation_dock)
        self.resizeDocks([self.editor_dock, self.activation_dock], [520, 200], Qt.Vertical)

    def _build_status(self):
        bar = self.statusBar()
        self.status_step = QLabel(objectName="statusStep")
        self.status_loss = QLabel(objectName="statusLoss")
        self.status_accuracy = QLabel(objectName="statusAccuracy")
        self.status_speed = QLabel(objectName="statusSpeed")
        for w in (self.status_step, self.status_loss, self.status_accuracy, self.status_speed):
            w.setMinimumWidth(120)
            bar.addPermanentWidget(w)

    def _build_menus(self):
        m = self.menuBar().addMenu("&File")
        self._action(m, "&New", self.new_session, QKeySequence.New)
        self._action(m, "&Open…", self.open_dialog, QKeySequence.Open)
        self._action(m, "&Save", self.save, QKeySequence.Save)
        self._action(m, "Save &As…", self.save_as_dialog, QKeySequence.SaveAs)
        m.addSeparator()
        self._action(m, "Export plots as &PNG…", self.export_plots_dialog)
        self._action(m, "Export history as &CSV…", self.export_history_dialog)
        m.addSeparator()
        self._action(m, "&Quit", self.close, QKeySequence.Quit)
        view = self.menuBar().addMenu("&View")
        view.addAction(self.editor_dock.toggleViewAction())
        view.addAction(self.activation_dock.toggleViewAction())
        view.addSeparator()
        self._action(view, "&Reset layout", self.reset_layout)
        helpm = self.menuBar().addMenu("&Help")
        self._action(helpm, "&Keyboard shortcuts", self.show_shortcuts)
        self._action(helpm, "&About xorlab", self.show_about)
        # training shortcuts: window-wide, but not while typing in a text field
        self.play_action = self._action(self, "Play/Pause", self.controller_toggle, "Space")
        self._action(self, "Step", self.step_once, "S")
        self._action(self, "Step epoch", self.step_epoch, "E")
        self._action(self, "Reset", self.reset, "R")

    def _action(self, menu, text, slot, shortcut=None):
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _connect(self):
        c = self.controller
        self._graphics_views = [self.loss_plot, self.decision_plot, self.gradient_plot]
        c.snapshot.connect(self.on_snapshot)
        c.engineStopped.connect(self._engine_stopped)
        self.editor.structuralChanged.connect(self.rebuild)
        self.editor.hyperChanged.connect(self._hyper_changed)
        self.editor.layerSelected.connect(self._show_layer_activation)
        self.editor.drawModeChanged.connect(self._set_draw_mode)
        self.editor.problem.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.decision_plot.pointAdded.connect(self.editor.add_point)
        self.diagram.neuronClicked.connect(c.set_view)
        self.play_button.clicked.connect(self.controller_toggle)
        self.step_button.clicked.connect(self.step_once)
        self.epoch_button.clicked.connect(self.step_epoch)
        self.reset_button.clicked.connect(self.reset)
        self.speed.currentIndexChanged.connect(lambda: c.set_speed(self.speed.currentData()))
        self._set_draw_mode(self.editor.dataset.currentData() == "draw")
        self.editor.announce_selection()

    # ---- training commands ---------------------------------------------------------------
    def rebuild(self, weights=None):
        """Send the editor's session to the engine: new network, step 0."""
        self.diagram.selected = None
        self.controller.set_view(None)
        self.controller.rebuild(self.editor.session(), weights)
        self.headline.setText(self._summary())

    def _hyper_changed(self, changes):
        self.controller.set_hyper(**changes)
        self.headline.setText(self._summary())

    # Single-key shortcuts do not fire while a text field has the focus: Qt gives typed
    # characters to the field first.
    def controller_toggle(self):
        self.controller.toggle()
        self._show_running(self.controller.running)

    def step_once(self):
        self.controller.step(1)
        self._show_running(False)

    def step_epoch(self):
        self.controller.step_epoch()
        self._show_running(False)

    def reset(self):
        self.rebuild()

    def _show_running(self, running):
        if self.play_button.text() != ("Pause" if running else "Play"):
            self.play_button.setText("Pause" if running else "Play")
            self.play_button.setIcon(self.style().standardIcon(
                QStyle.SP_MediaPause if running else QStyle.SP_MediaPlay))

    # ---- snapshots ---------------------------------------------------------------------------
    def on_snapshot(self, snap):
        """Draw a snapshot now, or as soon as FRAME_SPACING has passed since the last frame
        (the newest one waiting wins): a late snapshot followed at once by the next one would
        otherwise take two frames in a row and leave clicks and keys waiting."""
        self._pending = snap
        wait = self._last_frame + FRAME_SPACING - time.perf_counter()
        if wait > 0:
            if not self._frame_timer.isActive():
                self._frame_timer.start(max(1, math.ceil(1000 * wait)))
            return
        self._draw_pending()

    def _draw_pending(self):
        """Draw the waiting snapshot: one view per turn of the event loop (its data, then its
        paint), so that clicks and keys wait for one view, not four.

        While training runs, the plots do not repaint on their own when their data changes
        (NoViewportUpdate): each frame is painted here, once, while the engine process
        trains on. Paused, the plots update normally, so zooming and hovering work."""
        snap, self._pending = self._pending, None
        if snap is None:
            return
        t0 = self._last_frame = time.perf_counter()
        mode = (QGraphicsView.NoViewportUpdate if snap.running
                else QGraphicsView.MinimalViewportUpdate)
        for view in self._graphics_views:
            if view.viewportUpdateMode() != mode:
                view.setViewportUpdateMode(mode)
        self._update_status(snap)
        self._frame = snap
        self._to_paint = [self.loss_plot, self.decision_plot, self.gradient_plot, self.diagram]
        self.frame_seconds += time.perf_counter() - t0
        self._paint_next()

    def drawn(self):
        """True when the newest snapshot received has been drawn in every view."""
        return (self._pending is None and not self._to_paint
                and self._frame is self.controller.latest)

    def _paint_next(self):
        t0 = time.perf_counter()
        if self._to_paint:
            view = self._to_paint.pop(0)
            view.show_snapshot(self._frame)
            if view.isVisible() and getattr(view, "needs_paint", True):
                (view.viewport() if isinstance(view, QGraphicsView) else view).repaint()
        if self._to_paint:
            self._paint_timer.start()
        self.frame_seconds += time.perf_counter() - t0

    def _engine_stopped(self, message):
        self._frame_timer.stop()  # a snapshot still waiting to be drawn says "running"
        self._pending = None
        self._show_running(False)
        self.statusBar().showMessage(message)

    def _update_status(self, snap):
        self._show_running(snap.running)
        now = time.perf_counter()
        self.plot_frames += 1
        self._fps_window.append(now)
        while self._fps_window and now - self._fps_window[0] > 1.0:
            self._fps_window.pop(0)
        fps = len(self._fps_window) if snap.running else 0
        self.status_step.setText(f"step {snap.step:,}  epoch {snap.epoch:,}")
        self.status_loss.setText(f"loss {_fmt(snap.train_loss)} / {_fmt(snap.test_loss)}")
        self.status_accuracy.setText(f"accuracy {_pct(snap.train_accuracy)} / "
                                     f"{_pct(snap.test_accuracy)}")
        self.status_speed.setText(f"{snap.steps_per_second:,.0f} steps/s  {fps} fps")
        if snap.diverged_at is not None:
            self.statusBar().showMessage(
                f"Training diverged at step {snap.diverged_at}: the loss or a gradient became "
                "NaN/∞. Lower the learning rate, then press Reset.")
        elif snap.message:
            self.statusBar().showMessage(snap.message)
        elif self.statusBar().currentMessage().startswith(("Training diverged", "no training")):
            self.statusBar().clearMessage()

    def _summary(self):
        """One line naming the experiment: data · shape and activations · optimizer."""
        s = self.editor.session()
        hidden = s.network["layers"][:-1]
        shape = "-".join(str(n) for n in [2, *[la["units"] for la in hidden], 1])
        acts = sorted({la["activation"] for la in hidden})
        data = s.data.get("label", s.data["name"])
        return (f"{data} · {shape} {'/'.join(acts) or 'one neuron'} · {s.network['init']} · "
                f"{s.train.optimizer} lr {s.train.lr:g} · batch {s.train.batch_size or 'all'}")

    def _show_layer_activation(self, selection):
        index, layer = selection
        params = {k: v for k, v in layer.items() if k not in ("units", "activation")}
        self.activation_plot.show_activation(layer["activation"], f"layer {index}: ", **params)

    def _set_draw_mode(self, on):
        self.decision_plot.draw_mode = on

    # ---- files -------------------------------------------------------------------------------
    def new_session(self):
        self.path = None
        self.editor.set_session(Session())
        self.setWindowTitle("xorlab")
        self.rebuild()

    def open_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open model", self._last_dir(),
                                              "xorlab models (*.xorlab);;All files (*)")
        if path:
            self.open_path(path)

    def open_path(self, path):
        """Load a model file; on any problem show it and keep the current session."""
        try:
            net, config, doc = load_model(path)
            data = doc.get("dataset") if isinstance(doc.get("dataset"), dict) else None
            session = Session(network=net.spec,
                              data=data if data and "name" in data else self.editor.data_spec(),
                              train=config or self.editor.train_config())
        except ModelFileError as e:
            QMessageBox.critical(self, "Cannot open model", str(e))
            self.statusBar().showMessage(f"Not opened: {e}", 10000)
            return False
        self.editor.set_session(session)
        self.path = str(path)
        self._remember_dir(path)
        self.setWindowTitle(f"xorlab — {Path(path).name}")
        self.rebuild(weights=net.flat.copy())
        self.statusBar().showMessage(f"Opened {path}", 5000)
        return True

    def save(self):
        if self.path is None:
            return self.save_as_dialog()
        return self.save_path(self.path)

    def save_as_dialog(self):
        path, _ = QFileDialog.getSaveFileName(self, "Save model", self._last_dir(),
                                              "xorlab models (*.xorlab)")
        if not path:
            return False
        if not path.endswith(".xorlab"):
            path += ".xorlab"
        return self.save_path(path)

    def save_path(self, path):
        snap = self.controller.latest
        if snap is None or not snap.weights:
            QMessageBox.warning(self, "Nothing to save", "There is no trained network yet.")
            return False
        session = self.editor.session()
        net = Network(session.network)
        if [p.shape for p in net.params] != [w.shape for w in snap.weights]:
            QMessageBox.warning(self, "Not saved", "The network is being rebuilt; try again.")
            return False
        for target, w in zip(net.params, snap.weights):
            target[...] = w
        try:
            save_model(path, net, session.train, step=snap.step, dataset=session.data)
        except (OSError, ModelFileError) as e:
            QMessageBox.critical(self, "Cannot save", f"{path}: {e}")
            return False
        self.path = str(path)
        self._remember_dir(path)
        self.setWindowTitle(f"xorlab — {Path(path).name}")
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def export_plots_dialog(self):
        folder = QFileDialog.getExistingDirectory(self, "Export plots as PNG into",
                                                  self._last_dir())
        if folder:
            self.export_plots(folder)

    def export_plots(self, folder):
        """Write decision.png, loss.png, gradients.png, activation.png and network.png."""
        import pyqtgraph.exporters as exporters
        folder = Path(folder)
        written = []
        for name, item in (("decision", self.decision_plot.getPlotItem()),
                           ("loss", self.loss_plot.ci),
                           ("gradients", self.gradient_plot.ci),
                           ("activation", self.activation_plot.getPlotItem())):
            exporter = exporters.ImageExporter(item)
            exporter.parameters()["width"] = max(int(item.boundingRect().width()), 400)
            exporter.export(str(folder / f"{name}.png"))
            written.append(folder / f"{name}.png")
        self.diagram.grab().save(str(folder / "network.png"))
        written.append(folder / "network.png")
        self.statusBar().showMessage(f"Exported {len(written)} PNG files to {folder}", 5000)
        return written

    def export_history_dialog(self):
        path, _ = QFileDialog.getSaveFileName(self, "Export history", self._last_dir(),
                                              "CSV files (*.csv)")
        if path:
            self.export_history(path)

    def export_history(self, path):
        """CSV of the recorded steps: step, batch loss, gradient norm per layer."""
        import numpy as np
        snap = self.controller.latest
        if snap is None or not len(snap.step_steps):
            QMessageBox.information(self, "No history", "Train for a few steps first.")
            return False
        L = snap.step_grad_norms.shape[1]
        header = "step,batch_loss," + ",".join(f"grad_norm_layer{i + 1}" for i in range(L))
        data = np.column_stack([snap.step_steps, snap.step_loss, snap.step_grad_norms])
        try:
            np.savetxt(path, data, delimiter=",", header=header, comments="",
                       fmt=["%d"] + ["%.10g"] * (L + 1))
        except OSError as e:
            QMessageBox.critical(self, "Cannot export", f"{path}: {e.strerror or e}")
            return False
        self.statusBar().showMessage(f"Exported history to {path}", 5000)
        return True

    def _last_dir(self):
        return str(self.settings.value("lastDir", str(Path.home())))

    def _remember_dir(self, path):
        self.settings.setValue("lastDir", str(Path(path).resolve().parent))

    # ---- layout, help, closing ---------------------------------------------------------------
    def reset_layout(self):
        self.restoreState(self._default_state)
        self.editor_dock.show()
        self.activation_dock.show()

    def show_shortcuts(self):
        text = "\n".join(f"{key:<8}  {what}" for key, what in SHORTCUTS)
        QMessageBox.information(self, "Keyboard shortcuts", text)

    def show_about(self):
        QMessageBox.about(self, "About xorlab",
                          f"xorlab {__version__}\n\nSee how neural networks learn: the XOR "
                          "problem, backpropagation by the chain rule, sigmoid vs ReLU.\n"
                          "Built on the lecture 모두를 위한 딥러닝 (deep learning for everyone).")

    def _restore_settings(self):
        geometry = self.settings.value("geometry")
        state = self.settings.value("windowState")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event):
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self):
        """Stop the training thread (within 1 s) and remember the layout."""
        if self._closed:
            return
        self._closed = True
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        self._frame_timer.stop()
        self._paint_timer.stop()
        self.controller.shutdown(timeout_ms=1000)


def _fmt(v):
    return "—" if v is None else f"{v:.4f}"


def _pct(v):
    return "—" if v is None else f"{v:.1%}"
