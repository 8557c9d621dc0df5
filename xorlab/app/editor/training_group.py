"""The editor's Training group: loss, optimizer (with μ), learning rate γ, batch size,
L1/L2 regularization, seed — in three compact rows, so all of it is in view at 1366×768.

It shows the session's training settings and sends edited sessions. Loss and seed are
structural (the window rebuilds); the rest change the running trainer in place.
"""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
)

from ...engine import LOSSES, OPTIMIZERS
from ...engine.spec import LR_RANGE, MAX_POINTS, MOMENTUM_RANGE, PENALTY_RANGE, SEED_MAX
from ...lab.messages import message
from .shown import may_show, shown

LEARNING_RATES = ["0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "0.5",
                  "1", "3", "10"]
STRENGTHS = ["0.0001", "0.001", "0.003", "0.01", "0.03", "0.1"]
DEFAULT_STRENGTH = 0.001  # L1 / L2 strength when regularization is switched on


def penalty_kind(config):
    """"l1", "l2" or "none": the regularization a TrainConfig uses."""
    return "l1" if config.l1 else ("l2" if config.l2 else "none")


def strength_text(config):
    """The strength field's text: the strength in use, or the default one while off."""
    key = penalty_kind(config)
    return f"{getattr(config, key) if key != 'none' else DEFAULT_STRENGTH:g}"


def parse_number(text, low, high):
    """A finite number low ≤ x ≤ high from free text, else None."""
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) and low <= value <= high else None


class TrainingGroup(QGroupBox):
    edited = Signal(object)  # a new Session
    problem = Signal(object)  # a lab.messages.Message

    def __init__(self, parent=None):
        super().__init__(self.tr("Training"), parent)
        self.session = None
        self.loss = QComboBox(objectName="lossCombo")
        self.loss.addItems(list(LOSSES))
        self.loss.setToolTip(self.tr("loss: bce (cross-entropy) or mse (mean squared error)"))
        self.optimizer = QComboBox(objectName="optimizerCombo")
        self.optimizer.addItems(list(OPTIMIZERS))
        self.momentum = QDoubleSpinBox(objectName="momentumSpin")
        self.momentum.setRange(*MOMENTUM_RANGE)
        self.momentum.setSingleStep(0.05)
        self.momentum.setDecimals(2)
        self.momentum.setPrefix("μ ")
        self.momentum.setKeyboardTracking(False)
        self.momentum.setToolTip(self.tr("momentum μ in v⁺ = μ·v − γ·∂L/∂w, w⁺ = w + v⁺ "
                                         "(used by the momentum optimizer)"))
        self.learning_rate = QComboBox(objectName="learningRateCombo")
        self.learning_rate.setEditable(True)
        self.learning_rate.addItems(LEARNING_RATES)
        self.learning_rate.setInsertPolicy(QComboBox.NoInsert)
        self.learning_rate.setToolTip(
            self.tr("learning rate γ in w⁺ = w − γ·∂L/∂w ({0:g} … {1:g}); type any value and "
                    "press Enter").format(*LR_RANGE))
        self.batch_size = QSpinBox(objectName="batchSizeSpin")
        self.batch_size.setRange(0, MAX_POINTS)
        self.batch_size.setSpecialValueText(self.tr("all"))
        self.batch_size.setKeyboardTracking(False)
        self.batch_size.setToolTip(self.tr("samples per step; 'all' = full batch"))
        self.regularization = QComboBox(objectName="regularizationCombo")
        for text, key in ((self.tr("none"), "none"), ("L1", "l1"), ("L2", "l2")):
            self.regularization.addItem(text, key)
        self.strength = QComboBox(objectName="strengthCombo")
        self.strength.setEditable(True)
        self.strength.addItems(STRENGTHS)
        self.strength.setEditText("0.001")
        self.strength.setToolTip(self.tr("regularization strength ({0:g} … {1:g})")
                                 .format(*PENALTY_RANGE))
        self.seed = QSpinBox(objectName="seedSpin")
        self.seed.setRange(0, SEED_MAX)
        self.seed.setKeyboardTracking(False)
        self.seed.setToolTip(self.tr("seed of the weights and of the minibatch order"))
        for field, name in ((self.loss, self.tr("Loss function")),
                            (self.optimizer, self.tr("Optimizer")),
                            (self.momentum, self.tr("Momentum μ")),
                            (self.learning_rate, self.tr("Learning rate γ")),
                            (self.batch_size, self.tr("Batch size")),
                            (self.regularization, self.tr("Regularization")),
                            (self.strength, self.tr("Regularization strength")),
                            (self.seed, self.tr("Seed"))):
            field.setAccessibleName(name)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(3)
        grid.addWidget(QLabel(self.tr("Loss")), 0, 0)
        grid.addWidget(self.loss, 0, 1)
        grid.addWidget(self.optimizer, 0, 2)
        grid.addWidget(self.momentum, 0, 3)
        grid.addWidget(QLabel(self.tr("γ")), 1, 0)
        grid.addWidget(self.learning_rate, 1, 1)
        grid.addWidget(QLabel(self.tr("Batch")), 1, 2)
        grid.addWidget(self.batch_size, 1, 3)
        grid.addWidget(QLabel(self.tr("Reg.")), 2, 0)
        grid.addWidget(self.regularization, 2, 1)
        grid.addWidget(self.strength, 2, 2)
        grid.addWidget(self.seed, 2, 3)
        self.seed.setPrefix(self.tr("seed "))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.loss.currentTextChanged.connect(lambda name: self._edit(loss=name))
        self.optimizer.currentTextChanged.connect(lambda name: self._edit(optimizer=name))
        self.momentum.valueChanged.connect(lambda mu: self._edit(momentum=round(mu, 2)))
        self.batch_size.valueChanged.connect(lambda n: self._edit(batch_size=n or None))
        self.learning_rate.activated.connect(lambda: self._learning_rate_entered())
        self.learning_rate.lineEdit().editingFinished.connect(self._learning_rate_entered)
        self.regularization.currentIndexChanged.connect(self._kind_chosen)
        self.strength.activated.connect(lambda: self._strength_entered())
        self.strength.lineEdit().editingFinished.connect(self._strength_entered)
        self.seed.valueChanged.connect(
            lambda seed: self.edited.emit(replace(self.session, seed=seed)))

    def show_session(self, session):
        old = self.session.training if self.session is not None else None
        old_seed = self.session.seed if self.session is not None else None
        self.session = session
        t = session.training

        def changed(name):
            return old is None or getattr(old, name) != getattr(t, name)

        with shown(self):
            self.loss.setCurrentText(t.loss)
            self.optimizer.setCurrentText(t.optimizer)
            if may_show(self.momentum, changed("momentum")):
                self.momentum.setValue(t.momentum)
            if may_show(self.learning_rate, changed("lr")):
                self.learning_rate.setEditText(f"{t.lr:g}")
            if may_show(self.batch_size, changed("batch_size")):
                self.batch_size.setValue(t.batch_size or 0)
            key = penalty_kind(t)
            self.regularization.setCurrentIndex(self.regularization.findData(key))
            if may_show(self.strength, changed("l1") or changed("l2")):
                self.strength.setEditText(strength_text(t))
            if may_show(self.seed, old_seed != session.seed):
                self.seed.setValue(session.seed)
        self.momentum.setEnabled(t.optimizer == "momentum")
        self.strength.setEnabled(key != "none")

    def _edit(self, **changes):
        self.edited.emit(self.session.with_training(**changes))

    def _learning_rate_entered(self):
        text = self.learning_rate.currentText()
        value = parse_number(text, *LR_RANGE)
        if value is None:
            self.learning_rate.setEditText(f"{self.session.training.lr:g}")
            self.problem.emit(message("bad_learning_rate", text=repr(text.strip()),
                                      low=LR_RANGE[0], high=LR_RANGE[1]))
        elif value != self.session.training.lr:
            self._edit(lr=value)

    def _kind_chosen(self):
        """L1, L2 or none: a new kind keeps the strength in use (DEFAULT_STRENGTH after
        none)."""
        t = self.session.training
        old = penalty_kind(t)
        strength = getattr(t, old) if old != "none" else DEFAULT_STRENGTH
        key = self.regularization.currentData()
        self._edit(l1=strength if key == "l1" else 0.0, l2=strength if key == "l2" else 0.0)

    def _strength_entered(self):
        """A typed strength for the kind in use (the field is off while the kind is none)."""
        t = self.session.training
        key = penalty_kind(t)
        text = self.strength.currentText()
        value = parse_number(text, *PENALTY_RANGE)
        if value is None:
            self.strength.setEditText(strength_text(t))
            self.problem.emit(message("bad_strength", text=repr(text.strip()),
                                      low=PENALTY_RANGE[0], high=PENALTY_RANGE[1]))
            return
        if key != "none" and value != getattr(t, key):
            self._edit(**{key: value})
