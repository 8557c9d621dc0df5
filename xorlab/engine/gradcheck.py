"""Checking backpropagation: analytic gradients against central differences.

    ∂L/∂θᵢ ≈ (L(θ + ε·eᵢ) − L(θ − ε·eᵢ)) / 2ε

If backward() and the finite differences agree to about 1e-9, the chain rule was applied
right in every layer.
"""

from __future__ import annotations

import numpy as np


def numeric_grads(net, X, y, loss, eps=1e-6, masks=None):
    """Central differences (L(θ+ε) − L(θ−ε)) / 2ε for every parameter (with fixed dropout
    masks, if given: the same in every evaluation, so L is a smooth function of θ)."""
    grads = []
    for p in net.params:
        g = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            old = p[i]
            p[i] = old + eps
            plus, _ = net.loss_and_grads(X, y, loss, masks=masks)
            p[i] = old - eps
            minus, _ = net.loss_and_grads(X, y, loss, masks=masks)
            p[i] = old
            g[i] = (plus - minus) / (2 * eps)
        grads.append(g)
    return grads


def relative_error(net, X, y, loss, masks=None):
    """max|analytic − numeric| / max(max|analytic|, max|numeric|) over all parameters."""
    _, analytic = net.loss_and_grads(X, y, loss, masks=masks)
    numeric = numeric_grads(net, X, y, loss, masks=masks)
    a = np.concatenate([g.ravel() for g in analytic])
    n = np.concatenate([g.ravel() for g in numeric])
    return float(np.abs(a - n).max() / max(np.abs(a).max(), np.abs(n).max(), 1e-12))


def every_case():
    """(activation, loss, "depth d", max relative error) for every activation × loss ×
    depth {1, 3} of 3-unit layers; then the softmax output of K = 3 classes (cross-entropy,
    "bce") for every activation × depth; then ("features", loss, "all n", error) with every
    input feature at once (φ(x) is fixed: the chain ends at a⁰), ("pixels", ...) of an 8×8
    image network of 10 classes, and ("dropout", loss, "depth 3", error) through fixed
    dropout masks of rate 0.5. `xorlab gradcheck` prints them."""
    from .activations import ACTIVATIONS
    from .features import FEATURES
    from .losses import LOSSES
    from .network import Network, network_spec
    from .schedule import draw_masks

    rng = np.random.default_rng(0)
    X = rng.normal(size=(8, 2))
    y = (rng.random(8) > 0.5).astype(float)
    y3 = np.arange(8) % 3  # every one of the 3 classes present
    for name in ACTIVATIONS:
        for loss in LOSSES:
            for depth in (1, 3):
                spec = network_spec([{"units": 3, "activation": name}] * depth, "xavier", 1)
                yield name, loss, f"depth {depth}", relative_error(Network.from_spec(spec), X,
                                                                   y, loss)
        for depth in (1, 3):
            spec = network_spec([{"units": 3, "activation": name}] * depth, "xavier", 1,
                                classes=3)
            yield name, "bce", f"depth {depth}, softmax of 3 classes", relative_error(
                Network.from_spec(spec), X, y3, "bce")
    for loss in LOSSES:
        spec = network_spec([{"units": 3, "activation": "tanh"}], "xavier", 1,
                            features=tuple(FEATURES))
        yield "features", loss, f"all {len(FEATURES)}", relative_error(Network.from_spec(spec),
                                                                       X, y, loss)
    spec = network_spec([{"units": 3, "activation": "relu"}], "msra", 1, classes=10,
                        image=(8, 8))
    pixels = rng.random((10, 64))
    yield "pixels", "bce", "8×8, softmax of 10 classes", relative_error(
        Network.from_spec(spec), pixels, np.arange(10), "bce")
    for loss in LOSSES:
        for name in ("tanh", "maxout"):
            spec = network_spec([{"units": 3, "activation": name}] * 3, "xavier", 1)
            net = Network.from_spec(spec)
            for layer in net.layers:  # biases off 0: a row whose units are all dropped
                layer.b[...] = rng.normal(scale=0.1, size=layer.b.shape)  # is not at a kink
            masks, _ = draw_masks(np.random.default_rng(2), (0.5, 0.5, 0.5),
                                  [layer.units for layer in net.layers], len(X))
            yield f"dropout {name}", loss, "depth 3", relative_error(net, X, y, loss, masks)
