"""The training bar above the views: play / step / epoch / reset, the speed, the compare
controls, and a headline naming the experiment (which the window shows at the right of the
tab row, where a 1366 px screen has room for it). It says what the user asked (signals); the
window does it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QWidget,
)

from ..lab.compare import SETTINGS as COMPARE_SETTINGS
from ..lab.compare import choices as compare_choices
from ..lab.compare import default_value
from .editor.data_group import dataset_names
from .elided import ElidedLabel


class TrainingBar(QWidget):
    playPause = Signal()
    stepOnce = Signal()
    stepEpoch = Signal()
    reset = Signal()
    speedChanged = Signal(int)  # steps per update, 0: as fast as it goes
    compareEdited = Signal(object)  # the session's lab.compare.Compare, edited

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None  # the Session shown
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
        self.speed.setAccessibleName(self.tr("Training speed"))
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
        self.compare_setting.setAccessibleName(self.tr("Setting the second run changes"))
        self.compare_value = QComboBox(objectName="compareValueCombo")
        self.compare_value.setAccessibleName(self.tr("Second run's value"))
        self.compare_value.setToolTip(self.tr("the second run's value"))
        self.headline = ElidedLabel(objectName="headline")
        self.headline.setAlignment(Qt.AlignRight)
        self.headline.setContentsMargins(0, 0, 6, 0)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.play_button, self.step_button, self.epoch_button, self.reset_button):
            row.addWidget(w)
        row.addWidget(QLabel(self.tr("Speed")))
        row.addWidget(self.speed)
        row.addSpacing(8)
        for w in (self.compare_button, self.compare_setting, self.compare_value):
            row.addWidget(w)
        row.addStretch(1)
        self.play_button.clicked.connect(self.playPause)
        self.step_button.clicked.connect(self.stepOnce)
        self.epoch_button.clicked.connect(self.stepEpoch)
        self.reset_button.clicked.connect(self.reset)
        self.speed.currentIndexChanged.connect(
            lambda: self.speedChanged.emit(self.speed.currentData()))
        self.compare_button.toggled.connect(lambda on: self._compare_edited(on=on))
        self.compare_setting.activated.connect(lambda: self._compare_edited(
            setting=self.compare_setting.currentData(),  # a setting chosen anew: its default
            value=default_value(self.compare_setting.currentData(), self.session)))
        self.compare_value.activated.connect(
            lambda: self._compare_edited(value=self.compare_value.currentText()))

    def _compare_edited(self, **changes):
        self.compareEdited.emit(replace(self.session.compare, **changes))

    def show_running(self, running):
        text = self.tr("Pause") if running else self.tr("Play")
        if self.play_button.text() != text:
            self.play_button.setText(text)
            self.play_button.setIcon(self.style().standardIcon(
                QStyle.SP_MediaPause if running else QStyle.SP_MediaPlay))

    def show_session(self, session):
        """Show the session's compare settings (without sending them back) and its
        summary."""
        self.session = session
        self._show_compare(session.compare)
        self._show_summary(session)

    def _show_compare(self, compare):
        controls = (self.compare_button, self.compare_setting, self.compare_value)
        for w in controls:
            w.blockSignals(True)
        self.compare_button.setChecked(compare.on)
        self.compare_setting.setCurrentIndex(self.compare_setting.findData(compare.setting))
        values = compare_choices(compare.setting)
        if [self.compare_value.itemText(i) for i in range(self.compare_value.count())] != values:
            self.compare_value.clear()
            self.compare_value.addItems(values)
        self.compare_value.setCurrentText(compare.value)
        for w in controls:
            w.blockSignals(False)

    def _show_summary(self, s):
        """The headline: the session `s` in one line, data · shape and activations ·
        optimizer."""
        outputs = 1 if s.classes == 2 else s.classes  # one sigmoid unit, or K softmax units
        inputs = s.network_spec()["inputs"]  # the features, or an image's pixels
        shape = layer_shape([inputs, *[layer["units"] for layer in s.hidden], outputs])
        acts = sorted({layer["activation"] for layer in s.hidden})
        data = s.data.get("label", s.data["name"])  # in the user's words
        data = dataset_names().get(data, {"drawn": self.tr("drawn points")}.get(data, data))
        if s.data["name"] == "blobs":
            data = self.tr("blobs, {0} classes").format(s.classes)
        t = s.training
        one, batch, everything = self.tr("one neuron"), self.tr("batch"), self.tr("all")
        self.headline.setText(f"{data} · {shape} {'/'.join(acts) or one} · {s.init} · "
                              f"{t.optimizer} γ {t.lr:g} · {batch} {t.batch_size or everything}")


def layer_shape(sizes):
    """Layer sizes as "2-4-2-1"; three or more equal layers in a row as one, times their
    count: [2, 4, 4, 4, 1] → "2-4×3-1"."""
    parts, i = [], 0
    while i < len(sizes):
        j = i
        while j < len(sizes) and sizes[j] == sizes[i]:
            j += 1
        parts += [f"{sizes[i]}×{j - i}"] if j - i >= 3 else [str(sizes[i])] * (j - i)
        i = j
    return "-".join(parts)
