"""Dropout, the learning-rate schedule and the stop conditions in the window: the editor
shows the session's and sends edits, a stop pauses training with its message code, and the
network diagram greys the dropped units (offscreen)."""

import pytest
from conftest import open_window
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QSpinBox, QWidget

from xorlab.engine import TrainConfig
from xorlab.lab.session import Session

TIMEOUT = 30_000

QUADRANTS = {"name": "xor-quadrants", "n": 200, "noise": 0.0, "test_fraction": 0.2, "seed": 0}


def session(**training):
    return Session(data=QUADRANTS, hidden=({"units": 8, "activation": "tanh"},) * 2,
                   training=TrainConfig(**{"lr": 0.3, "batch_size": 10, "eval_every": 0,
                                           **training}))


@pytest.fixture
def window(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, session())
    yield w
    w.close()


def test_editor_shows_the_session_and_sends_edits(window):
    w = window
    w.set_session(w.session().with_training(lr_schedule="step", lr_factor=0.25, lr_every=300,
                                            stop_accuracy=0.9, stop_steps=5000,
                                            dropout=(0.0, 0.3)))
    assert w.findChild(QComboBox, "lrScheduleCombo").currentData() == "step"
    assert w.findChild(QDoubleSpinBox, "lrFactorSpin").value() == 0.25
    assert w.findChild(QSpinBox, "lrEverySpin").value() == 300
    assert w.findChild(QSpinBox, "stopAccuracySpin").value() == 90
    assert w.findChild(QSpinBox, "stopPlateauSpin").value() == 0  # off
    assert w.findChild(QSpinBox, "stopStepsSpin").value() == 5000
    assert w.findChild(QDoubleSpinBox, "layer1DropoutSpin").value() == 0.0
    assert w.findChild(QDoubleSpinBox, "layer2DropoutSpin").value() == 0.3
    # edits go into the session (nothing reads the widgets back)
    w.findChild(QSpinBox, "stopPlateauSpin").setValue(400)
    w.findChild(QSpinBox, "stopStepsSpin").setValue(0)
    w.findChild(QComboBox, "lrScheduleCombo").setCurrentIndex(2)
    w.findChild(QDoubleSpinBox, "layer1DropoutSpin").setValue(0.5)
    t = w.session().training
    assert t.stop_plateau == 400 and t.stop_steps is None and t.lr_schedule == "exp"
    assert t.dropout == (0.5, 0.3)
    # removing layer 1 takes its rate along; layer 2's stays with it
    w.findChild(QWidget, "layer1Row").remove.click()
    assert w.session().training.dropout == (0.3,)
    assert w.findChild(QDoubleSpinBox, "layer1DropoutSpin").value() == 0.3


@pytest.mark.parametrize("stops, code", [({"stop_steps": 300}, "stopped_steps"),
                                         ({"stop_accuracy": 0.9}, "stopped_test_accuracy")])
def test_a_stop_pauses_training_and_says_why(qtbot, window, stops, code):
    w = window
    w.set_session(w.session().with_training(**stops))
    w.controller.play()
    qtbot.waitUntil(lambda: w.last_problem is not None and w.last_problem.code == code,
                    timeout=TIMEOUT)
    snap = w.controller.latest
    qtbot.waitUntil(lambda: not w.controller.latest.running, timeout=TIMEOUT)
    assert w.controller.latest.step == snap.step
    if code == "stopped_steps":
        assert snap.step == 300


def test_the_diagram_greys_dropped_units_and_the_status_shows_gamma(qtbot, window):
    w = window
    w.set_session(w.session().with_training(dropout=(0.5, 0.5), lr_schedule="step",
                                            lr_every=10, lr_factor=0.5))
    w.controller.step(20)
    qtbot.waitUntil(lambda: w.controller.latest.step == 20
                    and bool(w.controller.latest.dropped), timeout=TIMEOUT)
    snap = w.controller.latest

    def greyed():
        return {(i, j) for i in range(2) for j in range(8) if w.diagram.is_dropped(i, j)}

    dropped = {(i, j) for i, d in enumerate(snap.dropped) for j in range(8) if d[j]}
    qtbot.waitUntil(lambda: greyed() == dropped, timeout=TIMEOUT)  # once that frame is drawn
    assert dropped  # p = 0.5 on 16 units
    label = w.findChild(QLabel, "statusLearningRate")
    qtbot.waitUntil(label.isVisible, timeout=TIMEOUT)
    assert snap.lr == pytest.approx(0.3 * 0.25)
    # without dropout nothing is grey
    w.set_session(w.session().with_training(dropout=()))
    w.controller.step(1)
    qtbot.waitUntil(lambda: w.controller.latest.step == 21 and not w.diagram.dropped,
                    timeout=TIMEOUT)
    assert not any(w.diagram.is_dropped(i, j) for i in range(2) for j in range(8))
