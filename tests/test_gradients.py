"""Backpropagation against central differences, for every activation, loss and depth."""

import numpy as np
import pytest

from xorlab.engine import ACTIVATIONS, LOSSES, Network
from xorlab.engine.gradcheck import numeric_grads, relative_error


def _net(activation, depth, seed=1, init="xavier"):
    layers = [{"units": 3, "activation": activation}] * depth
    return Network.from_spec({"inputs": 2, "layers": layers + [{"units": 1,
                              "activation": "sigmoid"}], "init": init, "seed": seed})


@pytest.fixture(scope="module")
def batch():
    rng = np.random.default_rng(0)
    return rng.normal(size=(8, 2)), (rng.random(8) > 0.5).astype(float)


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
@pytest.mark.parametrize("loss", list(LOSSES))
@pytest.mark.parametrize("depth", [1, 3])
def test_backprop_matches_finite_differences(activation, loss, depth, batch):
    X, y = batch
    assert relative_error(_net(activation, depth), X, y, loss) < 1e-6


@pytest.mark.parametrize("l1,l2", [(0.01, 0.0), (0.0, 0.1), (0.01, 0.1)])
def test_regularized_gradients(l1, l2, batch):
    X, y = batch
    net = _net("tanh", 2)
    _, analytic = net.loss_and_grads(X, y, "bce", l1=l1, l2=l2)
    eps = 1e-6
    W = net.params[0]
    old = W[0, 0]
    W[0, 0] = old + eps
    plus, _ = net.loss_and_grads(X, y, "bce", l1=l1, l2=l2)
    W[0, 0] = old - eps
    minus, _ = net.loss_and_grads(X, y, "bce", l1=l1, l2=l2)
    W[0, 0] = old
    assert analytic[0][0, 0] == pytest.approx((plus - minus) / (2 * eps), rel=1e-6)
    # biases are not penalised
    _, plain = net.loss_and_grads(X, y, "bce")
    assert np.array_equal(plain[1], analytic[1])


def test_maxout_with_more_pieces(batch):
    X, y = batch
    net = Network.from_spec({"inputs": 2, "layers": [{"units": 3, "activation": "maxout",
                             "k": 4}, {"units": 1, "activation": "sigmoid"}], "seed": 3})
    assert net.params[0].shape == (2, 3, 4) and net.params[1].shape == (3, 4)
    assert relative_error(net, X, y, "bce") < 1e-6


def test_bce_matches_textbook_formula(batch):
    X, y = batch
    net = _net("tanh", 1)
    p = net.forward(X)[:, 0]
    loss, _ = net.loss_and_grads(X, y, "bce")
    assert loss == pytest.approx(np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)), rel=1e-12)
    loss, _ = net.loss_and_grads(X, y, "mse")
    assert loss == pytest.approx(np.mean((p - y) ** 2), rel=1e-12)


def test_params_are_live_views():
    net = _net("tanh", 1)
    X = np.array([[0.3, -0.7]])
    before = net.forward(X)
    net.params[2][...] = 0.0  # output weights
    net.params[3][...] = 2.0  # output bias
    assert not np.allclose(before, net.forward(X))
    assert net.forward(X)[0, 0] == pytest.approx(1 / (1 + np.exp(-2.0)))


def test_numeric_grads_sees_a_wrong_gradient(batch):
    """The checker itself can fail: a corrupted analytic gradient is caught."""
    X, y = batch
    net = _net("sigmoid", 1)
    _, analytic = net.loss_and_grads(X, y, "bce")
    numeric = numeric_grads(net, X, y, "bce")
    analytic[0][0, 0] *= 1.01
    a = np.concatenate([g.ravel() for g in analytic])
    n = np.concatenate([g.ravel() for g in numeric])
    assert np.abs(a - n).max() / np.abs(a).max() > 1e-6
