"""The status bar: step, loss, accuracy and speed of the frame shown, the last problem said,
and the engine watchdog (an engine that stops answering while it should train is said, with a
Restart engine button). Messages stand in a field of their own (MessageBar)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QStatusBar

from ..lab.messages import message
from .elided import ElidedLabel
from .i18n import message_text

FROZEN_SECONDS = 3.0  # silence of an engine asked to train before the window says so


class MessageBar(QStatusBar):
    """A status bar whose messages (`showMessage`, `currentMessage`, `clearMessage`) stand in
    a field of their own, `message`, which takes the width the permanent fields leave: a
    message too long for it ends in "…" (all of it in the tooltip) and never runs into
    them. (QStatusBar drew its message across the bar, cut off wherever the first field
    began.)"""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.message = ElidedLabel(objectName="statusMessage")
        # a new text must not lay the bar out again: the field takes the width it is given
        self.message.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.addWidget(self.message, 1)
        self._timeout = QTimer(self, singleShot=True)
        self._timeout.timeout.connect(self.clearMessage)

    def showMessage(self, text, timeout=0):
        """Show `text` (for `timeout` ms; 0: until replaced)."""
        self.message.setText(text)
        if timeout > 0:
            self._timeout.start(timeout)
        else:
            self._timeout.stop()
        self.messageChanged.emit(text)

    def clearMessage(self):
        self._timeout.stop()
        if self.message.text():
            self.message.setText("")
            self.messageChanged.emit("")

    def currentMessage(self):
        return self.message.text()


class Status(QObject):
    """The window's status bar and what it says. `last_problem`: the lab.messages.Message
    shown last (None once it is cleared)."""

    frozen = Signal()  # the engine stopped answering: training is not running any more

    def __init__(self, bar, controller, parent=None):
        super().__init__(parent)
        self.bar = bar
        self.controller = controller
        self.last_problem = None
        self._snapshot_problem = None  # the snapshot's problem being shown, if any
        self.step = QLabel(objectName="statusStep")
        self.loss = QLabel(objectName="statusLoss")
        self.accuracy = QLabel(objectName="statusAccuracy")
        self.speed = QLabel(objectName="statusSpeed")
        self.learning_rate = QLabel(objectName="statusLearningRate")  # shown with a schedule
        for w in (self.step, self.loss, self.accuracy, self.learning_rate, self.speed):
            w.setMinimumWidth(110)
            bar.addPermanentWidget(w)
        self.learning_rate.hide()
        self.restart_button = QPushButton(self.tr("Restart engine"),
                                          objectName="restartEngineButton")
        self.restart_button.hide()
        self.restart_button.clicked.connect(self.restart_engine)
        bar.addPermanentWidget(self.restart_button)
        self.watchdog = QTimer(self)
        self.watchdog.setInterval(1000)
        self.watchdog.timeout.connect(self._watch_engine)
        self.watchdog.start()

    def show_problem(self, msg, timeout=0):
        """Show a Message in the status bar (timeout in ms; 0 until replaced)."""
        self.last_problem = msg
        self.bar.showMessage(message_text(msg), timeout)

    def clear_problem(self):
        self.bar.clearMessage()
        self.last_problem = None

    def show_snapshot(self, snap, fps):
        """The frame's figures, and the snapshot's problem (said once, cleared with it)."""
        self.step.setText(self.tr("step {0:,}  epoch {1:,}").format(snap.step, snap.epoch))
        self.loss.setText(self.tr("loss {0} / {1}").format(_fmt(snap.train_loss),
                                                           _fmt(snap.test_loss)))
        self.accuracy.setText(self.tr("accuracy {0} / {1}").format(
            _pct(snap.train_accuracy), _pct(snap.test_accuracy)) + (
            "" if snap.twin is None else f"  · {snap.twin.label} "
            f"{_pct(snap.twin.train_accuracy)} / {_pct(snap.twin.test_accuracy)}"))
        self.speed.setText(self.tr("{0:,.0f} steps/s  {1} fps").format(
            snap.steps_per_second, fps))
        scheduled = snap.config is not None and snap.config.lr_schedule != "none" \
            and snap.lr is not None
        if scheduled:  # the γ the next step takes, after the schedule
            self.learning_rate.setText(self.tr("γ now {0:.3g}").format(snap.lr))
        self.learning_rate.setVisible(scheduled)
        if snap.problem is not None:
            if snap.problem != self._snapshot_problem or self.last_problem != snap.problem:
                self.show_problem(snap.problem)
            self._snapshot_problem = snap.problem
        elif self._snapshot_problem is not None:
            if self.last_problem == self._snapshot_problem:
                self.clear_problem()
            self._snapshot_problem = None

    def engine_answers(self):
        """A snapshot came: an engine said to be frozen answers again after all."""
        if self.restart_button.isVisible():
            self.restart_button.hide()
            if self.last_problem is not None and self.last_problem.code == "engine_frozen":
                self.clear_problem()

    def _watch_engine(self):
        silent = self.controller.silent_for()
        if silent > FROZEN_SECONDS and not self.restart_button.isVisible():
            self.show_problem(message("engine_frozen", seconds=silent))
            self.restart_button.show()
            self.frozen.emit()

    def restart_engine(self):
        """A new engine with the session as it is now (the frozen one is ended)."""
        self.restart_button.hide()
        self.controller.restart()
        self.clear_problem()


def _fmt(v):
    """A loss for the status bar: 4 decimals, or 3 significant digits when it is huge."""
    if v is None:
        return "—"
    return f"{v:.4f}" if abs(v) < 1e4 else f"{v:.3g}"


def _pct(v):
    return "—" if v is None else f"{v:.1%}"
