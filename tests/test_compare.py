"""Compare mode: two networks in lockstep on the same minibatches, one setting apart."""

import re
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from xorlab.engine import TrainConfig
from xorlab.lab.compare import Compare, twin_session
from xorlab.lab.protocol import Rebuild, SetCompare, Step
from xorlab.lab.session import Session
from xorlab.lab.trainloop import TrainingLoop

TIMEOUT = 30_000
XOR = {"name": "xor", "n": 4, "noise": 0.0, "test_fraction": 0.0, "seed": 0}
DEEP_SIGMOID = Session(data=XOR, hidden=({"units": 5, "activation": "sigmoid"},) * 9,
                       init="xavier", training=TrainConfig(lr=0.1, batch_size=None,
                                                           eval_every=0))


@pytest.fixture
def window(app_window):
    return app_window


def readout(w):
    """{run label: ratio or None (all layers ≈ 0)} from the vanishingLabel."""
    text = w.findChild(QLabel, "vanishingLabel").text()
    zero = w.gradient_panel.tr("all layers ≈ 0")
    out = {}
    for part in text.split(": ", 1)[1].split(" · "):
        label, value = part.rsplit(" ", 1) if not part.endswith(zero) else \
            (part[: -len(zero)].strip(), None)
        out[label] = None if value is None else float(value)
    return out


def test_sigmoid_vs_leaky_relu_in_lockstep_read_from_the_widgets(qtbot, window):
    w = window
    w.set_session(DEEP_SIGMOID)
    qtbot.waitUntil(lambda: len(w.controller.latest.layer_sizes) == 11, timeout=TIMEOUT)
    setting = w.findChild(QComboBox, "compareSettingCombo")
    assert setting.currentData() == "activation"
    value = w.findChild(QComboBox, "compareValueCombo")
    value.setCurrentText("leaky_relu")
    value.activated.emit(value.currentIndex())
    qtbot.mouseClick(w.findChild(QPushButton, "compareButton"), Qt.LeftButton)
    assert w.session().compare == Compare("activation", "leaky_relu", True)
    assert w.session().twin().init == "msra"  # the initializer that suits it
    w.reset()  # both from step 0, on the same batches
    qtbot.waitUntil(lambda: w.controller.latest.twin is not None
                    and w.controller.latest.step == 0, timeout=TIMEOUT)
    assert w.compare_plot.isVisible() and not w.diagram.isVisible()
    for step in range(1, 101):
        w.step_once()
        qtbot.waitUntil(lambda s=step: w.controller.latest.step == s and w.drawn(),
                        timeout=TIMEOUT)
        snap = w.controller.latest
        assert snap.twin.step == step and snap.batches == snap.twin.batches
        ratios = readout(w)
        assert ratios["sigmoid"] is not None and ratios["sigmoid"] < 1e-3, step
        assert ratios["leaky_relu"] > 1e-2, step
    w.controller.step(2900)
    qtbot.waitUntil(lambda: w.controller.latest.step == 3000 and w.drawn(), timeout=TIMEOUT)
    snap = w.controller.latest
    assert snap.train_accuracy <= 0.75 and snap.twin.train_accuracy == 1.0
    assert snap.batches == snap.twin.batches
    assert readout(w)["sigmoid"] is None  # "all layers ≈ 0", not a misleading ratio
    accuracy = w.findChild(QLabel, "statusAccuracy").text()
    assert re.search(r"leaky_relu 100\.0%", accuracy)
    assert w.compare_plot.caption.toPlainText().startswith("leaky_relu")


def test_compare_on_and_off_keeps_the_first_run(qtbot, window):
    w = window
    w.controller.step(40)
    qtbot.waitUntil(lambda: w.controller.latest.step == 40, timeout=TIMEOUT)
    generation = w.controller.latest.generation
    history = w.controller.latest.step_loss.copy()
    w.findChild(QPushButton, "compareButton").click()
    assert w.last_problem.code == "twin_starts_now"  # said: the second run starts here
    assert w.last_problem.params["step"] == 40
    qtbot.waitUntil(lambda: w.controller.latest.twin is not None, timeout=TIMEOUT)
    snap = w.controller.latest
    assert snap.generation == generation and snap.step == 40 and snap.twin.step == 40
    assert np.array_equal(snap.step_loss, history)
    w.controller.step(10)
    qtbot.waitUntil(lambda: w.controller.latest.step == 50, timeout=TIMEOUT)
    assert w.controller.latest.twin.step == 50
    assert w.controller.latest.batches == w.controller.latest.twin.batches
    w.findChild(QPushButton, "compareButton").click()
    qtbot.waitUntil(lambda: w.controller.latest.twin is None, timeout=TIMEOUT)
    snap = w.controller.latest
    assert snap.generation == generation and snap.step == 50
    assert np.array_equal(snap.step_loss[:40], history)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert w.diagram.isVisible() and not w.compare_plot.isVisible()


@pytest.mark.parametrize("compare,check", [
    (Compare("activation", "relu", True),
     lambda s: {la["activation"] for la in s.hidden} == {"relu"} and s.init == "msra"),
    (Compare("init", "lsuv", True), lambda s: s.init == "lsuv"),
    (Compare("optimizer", "adam", True), lambda s: s.training.optimizer == "adam"),
    (Compare("lr", "0.3", True), lambda s: s.training.lr == 0.3),
    (Compare("depth", "5", True), lambda s: len(s.hidden) == 5),
    (Compare("depth", "5", False), lambda s: s is None),
])
def test_the_second_run_varies_one_setting(compare, check):
    assert check(twin_session(replace(Session(), compare=compare)))


def test_a_new_learning_rate_reaches_both_runs_unless_it_is_compared():
    loop = TrainingLoop()
    loop.handle(Rebuild(replace(Session(), compare=Compare("activation", "relu", True)), 1))
    loop.handle(Step(5))
    while loop.pending_steps:
        loop.advance()
    from xorlab.lab.protocol import SetHyper
    loop.handle(SetHyper({"lr": 0.2}))
    assert loop.twin.config.lr == 0.2
    loop.handle(SetCompare(Compare("lr", "0.01", True)))
    assert loop.trainer.step == 5 and loop.twin.step == 5  # a new second run, in step
    assert loop.twin.config.lr == 0.01
    loop.handle(SetHyper({"lr": 0.3}))
    assert loop.twin.config.lr == 0.01 and loop.trainer.config.lr == 0.3


def test_a_diverged_second_run_is_reported_and_starts_again_with_a_new_value():
    s = Session(hidden=({"units": 16, "activation": "linear"},) * 2,
                data={"name": "spiral", "n": 200, "noise": 0.0, "test_fraction": 0.0,
                      "seed": 0},
                training=TrainConfig(lr=0.01, batch_size=10, eval_every=0),
                compare=Compare("lr", "3", True))
    loop = TrainingLoop()
    loop.handle(Rebuild(s, 1))
    loop.handle(Step(300))
    while loop.pending_steps:
        loop.advance()
    snap = loop.publish()
    assert snap.step == 300 and snap.twin.diverged_at is not None
    assert snap.problem.code == "twin_diverged"
    loop.handle(SetCompare(Compare("lr", "0.03", True)))  # a new value: a new second run
    assert not loop.twin.diverged and loop.twin.step == 300
    assert loop.publish().problem is None


def test_a_saved_model_opens_with_compare_off(qtbot, window, tmp_path):
    w = window
    w.set_session(replace(w.session(), compare=Compare("activation", "relu", True)))
    w.controller.step(20)
    qtbot.waitUntil(lambda: w.controller.latest.step == 20
                    and w.controller.latest.twin is not None, timeout=TIMEOUT)
    assert w.save_path(tmp_path / "m.xorlab")
    assert w.open_path(tmp_path / "m.xorlab")
    assert not w.session().compare.on
    qtbot.waitUntil(lambda: w.controller.latest.step == 20
                    and w.controller.latest.twin is None, timeout=TIMEOUT)
