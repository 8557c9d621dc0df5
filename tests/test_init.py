import numpy as np
import pytest

from xorlab.engine import INITIALIZERS, Network, SpecError, make_dataset
from xorlab.engine.initializers import orthonormal


def _spec(init, activation="tanh", units=(16, 16, 16)):
    layers = [{"units": u, "activation": activation} for u in units]
    return {"inputs": 2, "layers": layers + [{"units": 1, "activation": "sigmoid"}],
            "init": init, "seed": 0}


def test_lsuv_gives_unit_preactivation_variance():
    X = make_dataset("xor-quadrants", n=256, seed=0).X_train
    for activation in ("tanh", "relu", "sigmoid", "maxout"):
        net = Network.from_spec(_spec("lsuv", activation), data=X)
        a = X
        for layer in net.layers[:-1]:
            z = a @ layer.W2 + layer.b.reshape(-1)
            assert 0.9 <= z.var() <= 1.1, (activation, z.var())
            a = _act(layer, z)


def _act(layer, z):
    a = np.empty((len(z), layer.units))
    Network._activate(layer, z, a)
    return a


def test_lsuv_needs_data():
    with pytest.raises(SpecError, match="lsuv init needs data"):
        Network.from_spec(_spec("lsuv"))


def test_orthonormal_square_is_orthogonal():
    W = orthonormal(32, 32, np.random.default_rng(0))
    assert np.allclose(W.T @ W, np.eye(32), atol=1e-12)
    tall = orthonormal(32, 8, np.random.default_rng(1))
    assert np.allclose(tall.T @ tall, np.eye(8), atol=1e-12)
    wide = orthonormal(8, 32, np.random.default_rng(2))
    assert np.allclose(wide @ wide.T, np.eye(8), atol=1e-12)


def test_orthonorm_msra_is_scaled_by_sqrt2():
    net = Network.from_spec(_spec("orthonorm_msra", units=(16, 16)))
    W = net.params[2]
    assert np.allclose(W.T @ W, 2 * np.eye(16), atol=1e-12)


def test_scales_of_the_random_inits():
    # a 400×400 layer is beyond the network limits (64 units), so the initializers are
    # called directly: 160,000 samples make the standard deviations exact to ~0.2 %
    from xorlab.engine import get_initializer

    def std(name, **options):
        return get_initializer(name)(400, 400, np.random.default_rng(0), **options).std()

    assert std("xavier") == pytest.approx(np.sqrt(2 / 800), rel=0.02)  # U(-a,a): a/√3
    assert std("xavier_normal") == pytest.approx(np.sqrt(2 / 800), rel=0.02)
    assert std("msra") == pytest.approx(np.sqrt(2 / 400), rel=0.02)
    assert std("normal", std=0.5) == pytest.approx(0.5, rel=0.02)


def test_zeros_and_biases():
    net = Network.from_spec(_spec("zeros"))
    assert all(not p.any() for p in net.params)
    net = Network.from_spec(_spec("xavier"))
    assert all(not b.any() for b in net.params[1::2])


def test_every_init_is_seeded():
    X = make_dataset("circle", n=64).X_train
    for name in INITIALIZERS:
        a = Network.from_spec(_spec(name), data=X)
        b = Network.from_spec(_spec(name), data=X)
        assert np.array_equal(a.flat, b.flat), name
