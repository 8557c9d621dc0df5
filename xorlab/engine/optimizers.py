"""Optimizers: how a gradient becomes a weight update, on the flat parameter vector θ.

    sgd        θ⁺ = θ − γ·g                                  (the lecture's w⁺ = w − γ·∂f/∂w)
    momentum   v⁺ = μ·v − γ·g,   θ⁺ = θ + v⁺
    adam       m⁺ = β₁m + (1−β₁)g,  v⁺ = β₂v + (1−β₂)g²,
               θ⁺ = θ − γ·m̂ / (√v̂ + ε)   with m̂ = m⁺/(1−β₁ᵗ), v̂ = v⁺/(1−β₂ᵗ)
               (computed in Kingma & Ba's cheaper order, ε added before the bias correction)
"""

from __future__ import annotations

import numpy as np


class SGD:
    name = "sgd"

    def __init__(self, size):
        self.tmp = np.empty(size)

    def update(self, theta, g, lr):
        np.multiply(g, lr, out=self.tmp)
        theta -= self.tmp


class Momentum(SGD):
    name = "momentum"

    def __init__(self, size, momentum=0.9):
        super().__init__(size)
        self.mu = momentum
        self.v = np.zeros(size)

    def update(self, theta, g, lr):
        self.v *= self.mu
        np.multiply(g, lr, out=self.tmp)
        self.v -= self.tmp
        theta += self.v


class Adam(SGD):
    name = "adam"

    def __init__(self, size, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(size)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.m = np.zeros(size)
        self.v = np.zeros(size)
        self.t = 0

    def update(self, theta, g, lr):
        b1, b2 = self.beta1, self.beta2
        self.t += 1
        self.m *= b1
        self.m += (1.0 - b1) * g
        np.multiply(g, g, out=self.tmp)
        self.tmp *= 1.0 - b2
        self.v *= b2
        self.v += self.tmp
        # fold both bias corrections into the step size
        step = lr * np.sqrt(1.0 - b2**self.t) / (1.0 - b1**self.t)
        np.sqrt(self.v, out=self.tmp)
        self.tmp += self.eps
        np.divide(self.m, self.tmp, out=self.tmp)
        self.tmp *= step
        theta -= self.tmp


OPTIMIZERS = {o.name: o for o in (SGD, Momentum, Adam)}


def make_optimizer(name, size, **options):
    try:
        cls = OPTIMIZERS[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown optimizer {name!r}; allowed: {', '.join(OPTIMIZERS)}") from None
    return cls(size, **options)
