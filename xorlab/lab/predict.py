"""The network of a snapshot, run where the window is (no Qt here): what it says of an image
the student draws.

`Predictor.probabilities(snap, image)` builds the engine Network of `snap.spec` once per
rebuild (`generation`), loads the snapshot's weights (W¹, b¹, W², b², …) when they are not
the ones loaded already, and runs the forward pass p = f(… f(x W¹ + b¹) …) on the image's
pixels read row by row, as the network reads the bundled digits. Dropout is off (test time).
A 64-32-32-10 network takes some 30 µs: cheap enough for every frame and every stroke.
"""

from __future__ import annotations

import numpy as np

from ..engine.network import Network


def network_of(snap):
    """A new engine Network of the snapshot's spec holding its weights."""
    net = Network(snap.spec)
    load_weights(net, snap.weights)
    return net


def load_weights(net, weights):
    for target, w in zip(net.params, weights):
        target[...] = w


def class_probabilities(net, images):
    """(n, K) probabilities of each class for images (n, rows, columns) or (n, inputs): the
    softmax output, or (1 − p, p) of a two-class network's one sigmoid unit."""
    x = np.asarray(images, dtype=float).reshape(len(images), -1)
    with np.errstate(all="ignore"):
        p = net.forward(x)
    return np.hstack([1.0 - p, p]) if net.classes == 2 else p


class Predictor:
    """The probabilities of one drawn image under the newest snapshot's network, with the
    network kept between calls (its weights reloaded only when the snapshot's are new)."""

    def __init__(self):
        self._net = None
        self._generation = None
        self._weights = None  # the tuple of arrays loaded (snapshots' arrays are immutable)

    def probabilities(self, snap, image):
        """(K,) probabilities of each class for `image` (rows, columns) in [0, 1]; None when
        the snapshot has no network or is not of images of that size."""
        if snap is None or snap.spec is None or not snap.weights or snap.image is None \
                or tuple(np.shape(image)) != tuple(snap.image):
            return None
        if self._net is None or self._generation != snap.generation:
            self._net, self._generation, self._weights = Network(snap.spec), \
                snap.generation, None
        if self._weights is not snap.weights:
            load_weights(self._net, snap.weights)
            self._weights = snap.weights
        return class_probabilities(self._net, np.asarray(image)[None])[0]
