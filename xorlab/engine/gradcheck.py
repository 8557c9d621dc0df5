"""Checking backpropagation: analytic gradients against central differences.

    ∂L/∂θᵢ ≈ (L(θ + ε·eᵢ) − L(θ − ε·eᵢ)) / 2ε

If backward() and the finite differences agree to about 1e-9, the chain rule was applied
right in every layer.
"""

from __future__ import annotations

import numpy as np


def numeric_grads(net, X, y, loss, eps=1e-6):
    """Central differences (L(θ+ε) − L(θ−ε)) / 2ε for every parameter."""
    grads = []
    for p in net.params:
        g = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            old = p[i]
            p[i] = old + eps
            plus, _ = net.loss_and_grads(X, y, loss)
            p[i] = old - eps
            minus, _ = net.loss_and_grads(X, y, loss)
            p[i] = old
            g[i] = (plus - minus) / (2 * eps)
        grads.append(g)
    return grads


def relative_error(net, X, y, loss):
    """max|analytic − numeric| / max(max|analytic|, max|numeric|) over all parameters."""
    _, analytic = net.loss_and_grads(X, y, loss)
    numeric = numeric_grads(net, X, y, loss)
    a = np.concatenate([g.ravel() for g in analytic])
    n = np.concatenate([g.ravel() for g in numeric])
    return float(np.abs(a - n).max() / max(np.abs(a).max(), np.abs(n).max(), 1e-12))
