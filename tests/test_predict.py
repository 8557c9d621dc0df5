"""lab.predict: the network of a snapshot answers for a drawn image as the engine's own
Network does."""

from types import SimpleNamespace

import numpy as np
import pytest

from xorlab.engine.datasets import make_dataset
from xorlab.engine.network import Network, network_spec
from xorlab.lab.predict import Predictor, class_probabilities, network_of


def snapshot_of(net, generation=1):
    """What lab.predict reads of a snapshot: spec, weights (read-only copies), image."""
    weights = tuple(np.array(p) for p in net.params)
    for w in weights:
        w.flags.writeable = False
    image = tuple(net.spec["image"]) if "image" in net.spec else None
    return SimpleNamespace(spec=net.spec, weights=weights, generation=generation,
                           image=image)


def digits_net(seed=0, activation="relu", classes=10):
    hidden = [{"units": 32, "activation": activation}] * 2
    return Network.from_spec(network_spec(hidden, "msra", seed, classes=classes,
                                          image=(8, 8)))


def test_probabilities_equal_the_engine_forward_pass():
    net = digits_net()
    digits = make_dataset("digits")
    images = digits.X_test[:5]
    expected = net.forward(images)
    predictor, snap = Predictor(), snapshot_of(net)
    for x, p in zip(images, expected):
        got = predictor.probabilities(snap, x.reshape(8, 8))
        assert got.shape == (10,) and np.allclose(got, p, rtol=0, atol=1e-12)
    assert np.allclose(class_probabilities(network_of(snap), images.reshape(-1, 8, 8)),
                       expected, atol=1e-12)


def test_new_weights_are_loaded_and_a_new_network_is_built_per_generation():
    predictor = Predictor()
    image = np.zeros((8, 8))
    image[1:7, 3] = 1.0  # a '1'
    first, second = digits_net(seed=0), digits_net(seed=1)
    a = predictor.probabilities(snapshot_of(first), image)
    b = predictor.probabilities(snapshot_of(second), image)  # same generation, new weights
    assert not np.allclose(a, b)
    assert np.allclose(b, second.forward(image.reshape(1, 64))[0])
    tanh = digits_net(activation="tanh")  # a rebuild: another network
    c = predictor.probabilities(snapshot_of(tanh, generation=2), image)
    assert np.allclose(c, tanh.forward(image.reshape(1, 64))[0])


def test_two_classes_give_both_probabilities():
    net = digits_net(classes=2)
    image = np.full((8, 8), 0.5)
    p = Predictor().probabilities(snapshot_of(net), image)
    one = net.forward(image.reshape(1, 64))[0, 0]
    assert np.allclose(p, [1 - one, one])


@pytest.mark.parametrize("case", ["no network", "points", "other size"])
def test_no_answer_without_a_network_of_images_that_size(case):
    net = digits_net()
    snap = snapshot_of(net)
    image = np.zeros((8, 8))
    if case == "no network":
        snap.spec, snap.weights = None, ()
    elif case == "points":
        snap = snapshot_of(Network.from_spec(network_spec([{"units": 4,
                                                            "activation": "tanh"}])))
    else:
        image = np.zeros((7, 7))
    assert Predictor().probabilities(snap, image) is None
