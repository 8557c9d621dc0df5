"""The editor's Training group: loss, optimizer (with μ), learning rate γ, batch size,
L1/L2 regularization, seed, then γ's schedule and the stop conditions (engine/schedule.py) —
in five compact rows, so all of it is in view at 1366×768.

It shows the session's training settings and sends edited sessions. Loss and seed are
structural (the window rebuilds); the rest change the running trainer in place. A stop
field at 0 is off; the plateau's min_delta is the engine's default here (lesson files and
`xorlab train --stop-at` can set it).
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

from ...engine import LOSSES, OPTIMIZERS, TrainConfig
from ...engine.schedule import LR_SCHEDULES
from ...engine.spec import (
    LR_EVERY_RANGE,
    LR_FACTOR_RANGE,
    LR_RANGE,
    MAX_POINTS,
    MOMENTUM_RANGE,
    PENALTY_RANGE,
    SEED_MAX,
    STOP_PLATEAU_RANGE,
    STOP_STEPS_RANGE,
)
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
        self._make_schedule_and_stops()
        for field, name in ((self.loss, self.tr("Loss function")),
                            (self.optimizer, self.tr("Optimizer")),
                            (self.momentum, self.tr("Momentum μ")),
                            (self.learning_rate, self.tr("Learning rate γ")),
                            (self.batch_size, self.tr("Batch size")),
                            (self.regularization, self.tr("Regularization")),
                            (self.strength, self.tr("Regularization strength")),
                            (self.seed, self.tr("Seed")),
                            (self.lr_schedule, self.tr("Learning-rate schedule")),
                            (self.lr_factor, self.tr("Learning-rate decay factor")),
                            (self.lr_every, self.tr("Steps between learning-rate decays")),
                            (self.stop_accuracy, self.tr("Stop at accuracy")),
                            (self.stop_plateau, self.tr("Stop on a loss plateau of steps")),
                            (self.stop_steps, self.tr("Stop at step"))):
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
        grid.addWidget(QLabel(self.tr("γ decay")), 3, 0)
        grid.addWidget(self.lr_schedule, 3, 1)
        grid.addWidget(self.lr_factor, 3, 2)
        grid.addWidget(self.lr_every, 3, 3)
        grid.addWidget(QLabel(self.tr("Stop")), 4, 0)
        grid.addWidget(self.stop_accuracy, 4, 1)
        grid.addWidget(self.stop_plateau, 4, 2)
        grid.addWidget(self.stop_steps, 4, 3)
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

    def _make_schedule_and_stops(self):
        self.lr_schedule = QComboBox(objectName="lrScheduleCombo")
        for text, key in zip((self.tr("none"), self.tr("step"), self.tr("exp")), LR_SCHEDULES):
            self.lr_schedule.addItem(text, key)
        self.lr_schedule.setToolTip(self.tr(
            "γ over the steps t: none (constant), step (γ·factorᵏ with k = ⌊t / every⌋) or "
            "exp (γ·factor^(t / every): the same decay, smoothly)"))
        self.lr_factor = QDoubleSpinBox(objectName="lrFactorSpin")
        self.lr_factor.setRange(*LR_FACTOR_RANGE)
        self.lr_factor.setSingleStep(0.05)
        self.lr_factor.setDecimals(2)
        self.lr_factor.setPrefix("× ")
        self.lr_factor.setToolTip(self.tr("γ is multiplied by this every 'every' steps"))
        self.lr_every = QSpinBox(objectName="lrEverySpin")
        self.lr_every.setRange(*LR_EVERY_RANGE)
        self.lr_every.setSingleStep(100)
        self.lr_every.setPrefix(self.tr("every "))
        self.stop_accuracy = QSpinBox(objectName="stopAccuracySpin")
        self.stop_accuracy.setRange(0, 100)
        self.stop_accuracy.setSingleStep(5)
        self.stop_accuracy.setPrefix("≥ ")  # the accuracy: "acc. off" at 0, and the tooltip
        self.stop_accuracy.setSuffix(" %")
        self.stop_accuracy.setSpecialValueText(self.tr("acc. off"))
        self.stop_accuracy.setToolTip(self.tr(
            "pause when the test accuracy (the training accuracy when there are no test "
            "points) reaches this; 0: off"))
        self.stop_plateau = QSpinBox(objectName="stopPlateauSpin")
        self.stop_plateau.setRange(0, STOP_PLATEAU_RANGE[1])
        self.stop_plateau.setSingleStep(100)
        self.stop_plateau.setPrefix(self.tr("plateau "))
        self.stop_plateau.setSpecialValueText(self.tr("plateau off"))
        self.stop_plateau.setToolTip(self.tr(
            "pause when the training loss has not fallen by {0:g} for this many steps; 0: off")
            .format(TrainConfig.stop_min_delta))
        self.stop_steps = QSpinBox(objectName="stopStepsSpin")
        self.stop_steps.setRange(0, STOP_STEPS_RANGE[1])
        self.stop_steps.setSingleStep(1000)
        self.stop_steps.setPrefix(self.tr("at step "))
        self.stop_steps.setSpecialValueText(self.tr("steps off"))
        self.stop_steps.setToolTip(self.tr("pause when the step counter reaches this (a step "
                                           "budget for the run); 0: off"))
        for spin in (self.lr_factor, self.lr_every, self.stop_accuracy, self.stop_plateau,
                     self.stop_steps):
            spin.setKeyboardTracking(False)
            spin.setMinimumWidth(60)  # not as wide as 100,000,000 and its prefix: the
            # editor keeps its width at 1366 px (the text shows in full when there is room)
        self.lr_schedule.currentIndexChanged.connect(
            lambda: self._edit(lr_schedule=self.lr_schedule.currentData()))
        self.lr_factor.valueChanged.connect(lambda f: self._edit(lr_factor=round(f, 2)))
        self.lr_every.valueChanged.connect(lambda n: self._edit(lr_every=n))
        self.stop_accuracy.valueChanged.connect(
            lambda v: self._edit(stop_accuracy=v / 100 if v else None))
        self.stop_plateau.valueChanged.connect(lambda n: self._edit(stop_plateau=n or None))
        self.stop_steps.valueChanged.connect(lambda n: self._edit(stop_steps=n or None))

    def _show_schedule_and_stops(self, t, changed):
        self.lr_schedule.setCurrentIndex(self.lr_schedule.findData(t.lr_schedule))
        for spin, name, value in (
                (self.lr_factor, "lr_factor", t.lr_factor),
                (self.lr_every, "lr_every", t.lr_every),
                (self.stop_accuracy, "stop_accuracy",
                 round(100 * t.stop_accuracy) if t.stop_accuracy is not None else 0),
                (self.stop_plateau, "stop_plateau", t.stop_plateau or 0),
                (self.stop_steps, "stop_steps", t.stop_steps or 0)):
            if may_show(spin, changed(name)):
                spin.setValue(value)
        self.lr_factor.setEnabled(t.lr_schedule != "none")
        self.lr_every.setEnabled(t.lr_schedule != "none")

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
            self._show_schedule_and_stops(t, changed)
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
