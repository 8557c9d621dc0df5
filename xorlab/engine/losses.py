"""Losses on the output layer, with their gradient with respect to its logits z.

Each function returns the mean loss over the n samples and writes ∂L/∂z into `dz`.
Working from z keeps cross-entropy finite even when p rounds to exactly 0 or 1.

Two classes (one sigmoid unit p = σ(z)): `bce` or `mse`; y is (n, 1) of 0 / 1.
K ≥ 3 classes (K softmax units): `cross_entropy`; y is (n, K) one-hot (Network.targets).
The loss named "bce" (cross-entropy) is the softmax cross-entropy there (`get_loss`).
"""

from __future__ import annotations

import numpy as np

from .activations import ones
from .errors import XorlabError


class LossError(XorlabError):
    """A loss that does not fit the network's output; the message says which one does."""


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


def cross_entropy(z, p, Y, dz, tmp):
    """Softmax cross-entropy  L = mean(−log p_y) = mean(logsumexp(z) − z_y), y the class of
    each row (Y one-hot), p the softmax of the logits z as the forward pass made it
    (activations.Softmax, with the log-sum-exp trick: p = e^(z − m) / Σⱼ e^(zⱼ − m),
    m = maxⱼ zⱼ, so no e^z overflows). Its log is then the log-sum-exp form itself,
    log p_y = (z_y − m) − log Σⱼ e^(zⱼ − m), read off p. Where a p_y is 0 (its logit more
    than 745 below its row's largest: the exponential underflowed) its log is −∞, and the
    loss comes from the logits instead (`_cross_entropy_of_logits`).

    ∂L/∂z = (p − onehot(y)) / n
    """
    n = z.shape[0]
    np.multiply(p, Y, dz)  # dz as scratch: p_y in each row, 0 elsewhere
    p_y = np.dot(dz, ones(z.shape[1]))  # each row's p_y, as one BLAS call
    if np.minimum.reduce(p_y) > 0.0:
        loss = -np.add.reduce(np.log(p_y, p_y)) / n
    else:
        loss = _cross_entropy_of_logits(z, Y, dz, tmp)
    np.subtract(p, Y, dz)
    np.divide(dz, n, dz)
    return float(loss)


def _cross_entropy_of_logits(z, Y, scratch, tmp):
    """mean(logsumexp(z) − z_y) from the logits alone: logsumexp(z) = m + log Σⱼ e^(zⱼ − m)."""
    np.maximum.reduce(z, axis=1, keepdims=True, out=tmp)  # m
    np.subtract(z, tmp, scratch)
    np.exp(scratch, scratch)
    logsumexp = np.add.reduce(tmp, None) + np.add.reduce(np.log(scratch.sum(axis=1)), None)
    return (logsumexp - np.vdot(Y, z)) / z.shape[0]


LOSSES = {"bce": bce, "mse": mse}


def get_loss(name: str, classes=2):
    """The loss function of `name` for a network of `classes` outputs: for K ≥ 3 classes
    "bce" (cross-entropy) is `cross_entropy`, and mse is refused (its gradient through
    softmax is not the one a student reads in the lecture)."""
    try:
        fn = LOSSES[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown loss {name!r}; allowed: {', '.join(LOSSES)}") from None
    if classes == 2:
        return fn
    if fn is not bce:
        raise LossError("the {loss} loss works with 2 classes only; {classes} classes train "
                        "with bce (cross-entropy)", loss=name, classes=classes)
    return cross_entropy
