"""Issue 17, defects 1, 6 and 7: an engine that replaces a killed or frozen one continues the
run; a weight edited while paused is evaluated at once; no gradient is shown before there is
one. Driven through the window, compared by codes and numbers."""

import os
import signal
from dataclasses import replace

import numpy as np
import pytest
from conftest import open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from xorlab.engine import Network, TrainConfig
from xorlab.lab.session import Session

TIMEOUT = 20_000

XOR_241 = Session(data={"name": "xor", "n": 4, "noise": 0.0, "test_fraction": 0.0, "seed": 0},
                  hidden=({"units": 4, "activation": "tanh"},), init="xavier",
                  training=TrainConfig(lr=0.5, batch_size=None, eval_every=0))
# minibatches and an evaluation every 50 steps: epoch, step and evaluation history all move
MOONS = Session(data={"name": "moons", "n": 100, "noise": 0.1, "test_fraction": 0.2,
                      "seed": 0},
                hidden=({"units": 6, "activation": "tanh"}, {"units": 4, "activation": "relu"}),
                training=TrainConfig(lr=0.05, batch_size=10, eval_every=50))


def train_then(qtbot, w, steps=300):
    """Train until past `steps` (training goes on)."""
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.step > steps, timeout=TIMEOUT)


def train_then_kill(qtbot, w):
    """Train past step 300, kill the engine process, wait until the window says it died;
    (the dead engine, the last snapshot before it died)."""
    train_then(qtbot, w)
    old = w.controller.engine
    old.process.kill()
    qtbot.waitUntil(lambda: w.last_problem is not None
                    and w.last_problem.code == "engine_died", timeout=TIMEOUT)
    return old, w.controller.latest


def assert_continues(snap, before):
    """`snap`, the first snapshot of a new engine, stands where `before` stood."""
    assert (snap.step, snap.epoch, snap.generation) == (before.step, before.epoch,
                                                        before.generation)
    for new, old in zip(snap.weights, before.weights, strict=True):
        np.testing.assert_array_equal(new, old)
    np.testing.assert_array_equal(snap.step_steps, before.step_steps)
    np.testing.assert_allclose(snap.step_loss, before.step_loss)
    np.testing.assert_allclose(snap.step_grad_norms, before.step_grad_norms)
    np.testing.assert_array_equal(snap.eval_steps, before.eval_steps)
    np.testing.assert_allclose(snap.eval_values, before.eval_values)


@pytest.mark.parametrize("optimizer,said", [("sgd", "engine_continued"),
                                            ("adam", "engine_continued_optimizer_reset")])
def test_a_killed_engine_is_replaced_by_one_that_continues_the_run(qtbot, tmp_path,
                                                                   optimizer, said):
    w = open_window(qtbot, tmp_path, MOONS.with_training(optimizer=optimizer))
    old, before = train_then_kill(qtbot, w)
    assert before.step > 300 and len(before.eval_steps) > 1
    w.status.restart_engine()
    qtbot.waitUntil(lambda: w.controller.engine is not old
                    and w.controller.latest is not before, timeout=TIMEOUT)
    assert_continues(w.controller.latest, before)
    qtbot.waitUntil(lambda: w.last_problem is not None and w.last_problem.code == said,
                    timeout=TIMEOUT)
    assert w.last_problem.params["step"] == before.step
    w.step_once()
    qtbot.waitUntil(lambda: w.controller.latest.step == before.step + 1, timeout=TIMEOUT)
    assert w.controller.kind == "process"


def test_play_after_a_death_continues_the_run(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, MOONS)
    old, before = train_then_kill(qtbot, w)
    w.play_pause()
    qtbot.waitUntil(lambda: w.controller.engine is not old
                    and w.controller.latest.step > before.step + 100, timeout=TIMEOUT)
    snap = w.controller.latest
    assert snap.eval_steps[0] == before.eval_steps[0] and snap.epoch > before.epoch


def test_reset_after_a_death_still_starts_again_from_step_0(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, XOR_241)
    train_then(qtbot, w, 10)
    w.controller.engine.process.kill()
    qtbot.waitUntil(lambda: w.last_problem is not None
                    and w.last_problem.code == "engine_died", timeout=TIMEOUT)
    old = w.controller.engine
    w.reset()
    qtbot.waitUntil(lambda: w.controller.engine is not old and w.controller.latest.step == 0,
                    timeout=TIMEOUT)


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs SIGSTOP")
def test_a_frozen_engine_is_replaced_by_one_that_continues_the_run(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, MOONS)
    train_then(qtbot, w)
    frozen = w.controller.engine
    os.kill(frozen.pid, signal.SIGSTOP)
    button = w.findChild(QPushButton, "restartEngineButton")
    qtbot.waitUntil(button.isVisible, timeout=TIMEOUT)
    before = w.controller.latest  # the last one the frozen engine sent
    qtbot.mouseClick(button, Qt.LeftButton)
    assert not frozen.is_alive()
    qtbot.waitUntil(lambda: w.controller.latest is not before, timeout=TIMEOUT)
    assert_continues(w.controller.latest, before)
    qtbot.waitUntil(lambda: w.last_problem is not None
                    and w.last_problem.code == "engine_continued", timeout=TIMEOUT)


# ---- defect 6: a weight set while paused is evaluated at once ------------------------------
def set_weight_by_hand(qtbot, w, edge, value):
    w.diagram.edgeClicked.emit(*edge)
    field = w.findChild(QLineEdit, "edgeWeightEdit")
    field.setText(str(value))
    qtbot.mouseClick(w.findChild(QPushButton, "edgeWeightSetButton"), Qt.LeftButton)


@pytest.mark.parametrize("session", [XOR_241, replace(MOONS, training=replace(
    MOONS.training, l2=0.01))], ids=["xor-full-batch", "moons-minibatch-l2"])
def test_a_weight_set_while_paused_is_evaluated_at_once(qtbot, tmp_path, session):
    w = open_window(qtbot, tmp_path, session)
    w.controller.step(10)
    qtbot.waitUntil(lambda: w.controller.latest.step == 10, timeout=TIMEOUT)
    set_weight_by_hand(qtbot, w, (1, 2, 0), 1.5)
    qtbot.waitUntil(lambda: w.controller.latest.weights[2][2, 0] == 1.5, timeout=TIMEOUT)
    snap = w.controller.latest
    assert snap.step == 10 and not snap.running
    net = Network(snap.spec)
    for target, weights in zip(net.params, snap.weights):
        target[...] = weights
    config = snap.config
    loss, grads = net.loss_and_grads(snap.X_train, snap.y_train, loss=config.loss)
    assert snap.train_loss == pytest.approx(loss, rel=1e-9)
    accuracy = np.mean((net.forward(snap.X_train)[:, 0] > 0.5) == snap.y_train)
    assert snap.train_accuracy == pytest.approx(accuracy)
    # ∂L/∂w as training uses it: with the penalty on the weights
    _, grads = net.loss_and_grads(snap.X_train, snap.y_train, loss=config.loss,
                                  l1=config.l1, l2=config.l2)
    for shown, exact in zip(snap.grads, grads, strict=True):
        np.testing.assert_allclose(shown, exact, rtol=1e-5, atol=1e-7)
    assert snap.has_gradient
    w.controller.step(1)  # and training goes on from the new weight
    qtbot.waitUntil(lambda: w.controller.latest.step == 11, timeout=TIMEOUT)


# ---- defect 7: no gradient before there is one ---------------------------------------------
def test_no_gradient_is_shown_before_the_first_step_and_after_opening(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path, XOR_241)
    panel, inspector = w.gradient_panel, w.edge_inspector
    assert not w.controller.latest.has_gradient
    assert panel.vanishing.text() == panel.tr("first/last: {0}").format(
        panel.no_gradient_text())
    w.diagram.edgeClicked.emit(0, 0, 0)
    assert inspector.showing_no_gradient
    w.controller.step(5)
    qtbot.waitUntil(lambda: w.controller.latest.step == 5 and w.drawn(), timeout=TIMEOUT)
    assert w.controller.latest.has_gradient
    assert panel.no_gradient_text() not in panel.vanishing.text()
    assert not inspector.showing_no_gradient
    path = tmp_path / "m.xorlab"
    assert w.save_path(path)
    assert w.open_path(path)
    qtbot.waitUntil(lambda: w.controller.latest.generation == w.controller.generation
                    and w.drawn(), timeout=TIMEOUT)
    assert w.controller.latest.step == 5 and not w.controller.latest.has_gradient
    w.diagram.edgeClicked.emit(0, 0, 0)
    assert inspector.showing_no_gradient
    set_weight_by_hand(qtbot, w, (0, 0, 0), 0.25)  # a re-evaluation gives one
    qtbot.waitUntil(lambda: w.controller.latest.has_gradient and w.drawn(), timeout=TIMEOUT)
    assert not inspector.showing_no_gradient
