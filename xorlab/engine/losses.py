"""Losses on the output neuron p = σ(z), with their gradient with respect to the logit z.

Each function returns the mean loss over the n samples and writes ∂L/∂z into `dz`.
Working from z keeps cross-entropy finite even when p rounds to exactly 0 or 1.
"""

from __future__ import annotations

import numpy as np


def bce(z, p, y, dz, tmp):
    """Binary cross-entropy  L = mean(−y·log p − (1−y)·log(1−p)) = mean(log(1+e^z) − y·z).

    ∂L/∂z = (p − y) / n
    """
    n = z.shape[0]
    np.logaddexp(0.0, z, tmp)
    loss = (np.add.reduce(tmp, None) - np.vdot(y, z)) / n  # Σ softplus(z) − Σ y·z
    np.subtract(p, y, dz)
    np.divide(dz, n, dz)
    return float(loss)


def mse(z, p, y, dz, tmp):
    """Mean squared error  L = mean((p − y)²).

    ∂L/∂z = 2(p − y)·p(1 − p) / n      (chain rule through σ)
    """
    n = z.shape[0]
    np.subtract(p, y, out=tmp)
    loss = np.vdot(tmp, tmp) / n
    np.subtract(1.0, p, out=dz)
    dz *= p
    dz *= tmp
    dz *= 2.0 / n
    return float(loss)


LOSSES = {"bce": bce, "mse": mse}


def get_loss(name: str):
    try:
        return LOSSES[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown loss {name!r}; allowed: {', '.join(LOSSES)}") from None
