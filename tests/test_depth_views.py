"""Sigmoid vs ReLU, seen by depth: the gradient by layer, the colours of depth, the zoo."""

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox, QLabel

from xorlab.engine import ACTIVATIONS, TrainConfig
from xorlab.lab.session import Session

TIMEOUT = 20_000
DEEP = {"name": "xor", "n": 4, "noise": 0.0, "test_fraction": 0.0, "seed": 0}


@pytest.fixture
def window(app_window):
    return app_window


def deep(activation, init):
    return Session(data=DEEP, hidden=({"units": 5, "activation": activation},) * 9, init=init,
                   training=TrainConfig(lr=0.1, batch_size=None, eval_every=0))


def test_the_gradient_by_layer_falls_for_sigmoid_and_not_for_leaky_relu(qtbot, window):
    w = window
    mode = w.findChild(QComboBox, "gradientModeCombo")
    mode.setCurrentIndex(mode.findData("layer"))
    qtbot.waitUntil(w.gradient_depth_plot.isVisible, timeout=TIMEOUT)
    assert not w.gradient_plot.isVisible()
    slopes = {}
    for activation, init in (("sigmoid", "xavier"), ("leaky_relu", "msra")):
        generation = w.set_session(deep(activation, init))
        w.controller.step(1)
        qtbot.waitUntil(lambda g=generation: w.controller.latest.generation == g
                        and w.controller.latest.step == 1, timeout=TIMEOUT)
        qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
        layers, log_norms = w.gradient_depth_plot.values()
        assert list(layers) == list(range(10))
        assert np.allclose(log_norms, np.log10(w.controller.latest.step_grad_norms[-1]))
        slopes[activation] = log_norms[-1] - log_norms[0]  # decades from layer 1 to output
    assert slopes["sigmoid"] > 3  # first/last below 1e-3: the vanishing gradient
    assert abs(slopes["leaky_relu"]) < 2


def test_the_zoo_shows_every_activation(qtbot, window):
    zoo = window.zoo
    assert set(zoo.cards) == set(ACTIVATIONS)
    sigmoid = window.findChild(QLabel, "zoo_sigmoid_text").text()
    assert "largest f′ = 0.25" in sigmoid and "(0, 1)" in sigmoid
    assert "(−1, 1)" in window.findChild(QLabel, "zoo_tanh_text").text()
    z, maxout = zoo.cards["maxout"].f_curve.getData()
    _, relu = zoo.cards["relu"].f_curve.getData()
    assert not np.allclose(maxout, relu)
    assert zoo.cards["sigmoid"].max_slope == pytest.approx(0.25)
    assert all(card.max_slope == pytest.approx(1.0) for name, card in zoo.cards.items()
               if name != "sigmoid")


def test_bar_labels_stay_apart_at_ten_layers():
    from xorlab.app.views.gradients import layer_ticks
    labels = [text for _, text in layer_ticks(11)[0]]
    assert labels == ["1", "4", "7", "out"]  # the ends, and evenly apart between them
    assert [text for _, text in layer_ticks(10)[0]] == ["1", "4", "7", "out"]
    assert [text for _, text in layer_ticks(7)[0]] == ["1", "3", "5", "out"]
    assert [text for _, text in layer_ticks(8)[0]] == ["1", "3", "5", "out"]
    assert [text for _, text in layer_ticks(4)[0]] == ["1", "2", "3", "out"]
    assert [text for _, text in layer_ticks(1)[0]] == ["out"]


def test_switching_the_activation_leaves_a_ghost_that_reset_removes(qtbot, window):
    w = window
    w.set_session(deep("sigmoid", "xavier"))
    w.controller.step(30)
    qtbot.waitUntil(lambda: w.controller.latest.step == 30, timeout=TIMEOUT)
    before = w.controller.latest
    w.set_session(w.session().with_layer(0, activation="relu"))
    label = w.loss_plot.tr("before: {0}").format("sigmoid")
    assert w.loss_plot.ghost_label == label and w.gradient_plot.ghost_label == label
    assert label in w.loss_plot.legend_names()
    assert len(w.gradient_plot.ghost_curves) == 10
    x, y = w.gradient_plot.ghost_curves[0].getData()
    assert np.array_equal(x, before.step_steps)
    assert np.allclose(y, np.log10(before.step_grad_norms[:, 0]))
    w.reset()
    assert w.loss_plot.ghost_label is None and w.gradient_plot.ghost_curves == []
    assert label not in w.loss_plot.legend_names()
    # a change of data is no activation switch: no ghost
    w.controller.step(5)
    qtbot.waitUntil(lambda: w.controller.latest.step == 5, timeout=TIMEOUT)
    w.set_session(w.session().with_data(noise=0.1))
    assert w.loss_plot.ghost_label is None


def test_saturation_shows_where_the_slopes_pile_up(qtbot, window):
    """Sigmoid: every f′ is at most 0.25, so all of each layer's f′ histogram lies in its
    first quarter; leaky ReLU 0.1: f′ is 0.1 or 1, nothing in between."""
    w = window
    mode = w.findChild(QComboBox, "gradientModeCombo")
    mode.setCurrentIndex(mode.findData("saturation"))
    qtbot.waitUntil(w.histogram_plot.isVisible, timeout=TIMEOUT)
    for activation, init in (("sigmoid", "xavier"), ("leaky_relu", "msra")):
        generation = w.set_session(deep(activation, init))
        w.controller.step(1)
        qtbot.waitUntil(lambda g=generation: w.controller.latest.generation == g
                        and w.controller.latest.step == 1 and w.drawn(), timeout=TIMEOUT)
        (a, d), = w.histogram_plot.shown
        assert a.shape == d.shape == (9, 24)
        assert np.allclose(d.sum(axis=1), 1.0) and np.allclose(a.sum(axis=1), 1.0)
        bins = np.linspace(0, 1, 25)
        if activation == "sigmoid":
            assert d[:, bins[:-1] > 0.2501].sum() == 0  # σ′ = 0.25 at z = 0 at the most
        else:
            inner = (bins[:-1] > 0.11) & (bins[1:] < 0.99)
            assert d[:, inner].sum() == 0 and d[:, -1].sum() > 0


def test_the_history_slider_shows_a_past_step_in_the_bars_and_by_layer(qtbot, window):
    from PySide6.QtWidgets import QSlider
    w = window
    w.controller.step(400)
    qtbot.waitUntil(lambda: w.controller.latest.step == 400 and w.drawn(), timeout=TIMEOUT)
    snap = w.controller.latest
    image = w.decision_plot.image_bytes()
    slider = w.findChild(QSlider, "historySlider")
    slider.setValue(slider.maximum() // 4)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    at = w.gradient_plot.history_at
    first, last = snap.step_steps[0], snap.step_steps[-1]
    assert at == first + round((last - first) / 4)
    row = np.searchsorted(snap.step_steps, at, "right") - 1
    bars = w.gradient_plot.bars.opts
    tops = np.asarray(bars["height"]) + bars["y0"]
    assert np.allclose(tops, np.log10(snap.step_grad_norms[row]))
    assert not np.allclose(tops, np.log10(snap.step_grad_norms[-1]))
    mode = w.findChild(QComboBox, "gradientModeCombo")
    mode.setCurrentIndex(mode.findData("layer"))
    w.on_snapshot(w.controller.latest)
    qtbot.waitUntil(lambda: w.gradient_depth_plot.isVisible() and w.drawn(), timeout=TIMEOUT)
    _, by_layer = w.gradient_depth_plot.values()
    assert np.allclose(by_layer, np.log10(snap.step_grad_norms[row]))
    assert f"{at:,}" in w.findChild(QLabel, "historyLabel").text()
    assert w.decision_plot.image_bytes() == image  # the map stays live, not scrubbed
    mode.setCurrentIndex(mode.findData("time"))
    slider.setValue(slider.maximum())
    qtbot.waitUntil(lambda: w.gradient_plot.isVisible() and w.drawn(), timeout=TIMEOUT)
    bars = w.gradient_plot.bars.opts
    assert np.allclose(np.asarray(bars["height"]) + bars["y0"],
                       np.log10(snap.step_grad_norms[-1]))
