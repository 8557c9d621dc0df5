"""The history slider under the views: at its right end, now; elsewhere, a recorded step that
the gradient bars, the by-layer view and the ratio readout show (the decision map and the
curves stay live)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

HISTORY_POSITIONS = 1000  # the history slider's steps from the first record to now


class HistoryBar(QWidget):
    """The slider and its label; `views` (each with a `history_at` step, None: now) are set
    by show_step()."""

    moved = Signal()  # the slider moved: show_step() shows its step

    def __init__(self, views, parent=None):
        super().__init__(parent)
        self.views = views
        self.slider = QSlider(Qt.Horizontal, objectName="historySlider")
        self.slider.setRange(0, HISTORY_POSITIONS)
        self.slider.setValue(HISTORY_POSITIONS)
        self.slider.setToolTip(self.tr("move back through the recorded steps: the gradient "
                                       "bars and the by-layer view show that step"))
        self.slider.setAccessibleName(self.tr("History: the step shown"))
        self.label = QLabel(self.tr("now"), objectName="historyLabel")
        self.label.setMinimumWidth(260)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("History")))
        row.addWidget(self.slider, 1)
        row.addWidget(self.label)
        self.slider.valueChanged.connect(self.moved)

    def show_step(self, snap):
        """The views show the recorded step of `snap` that the slider points at (None at
        its right end: now); returns it."""
        position = self.slider.value()
        at = None
        if position < HISTORY_POSITIONS and snap is not None and len(snap.step_steps):
            first, last = int(snap.step_steps[0]), int(snap.step_steps[-1])
            at = first + round((last - first) * position / HISTORY_POSITIONS)
        for view in self.views:
            view.history_at = at
        self.label.setText(self.tr("now") if at is None else self.tr(
            "step {0:,} (the decision map stays live)").format(at))
        return at

    def back_to_now(self):
        """Back to now, when a past step is shown (a new network has no such step)."""
        if self.views[0].history_at is not None:
            self.slider.setValue(HISTORY_POSITIONS)
