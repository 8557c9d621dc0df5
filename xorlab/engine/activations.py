"""Activation functions f and their derivatives f', one registry for the whole app.

Each activation works in place on preallocated arrays so the training loop allocates
nothing per step:

    forward(z, out)            out = f(z)
    backward(z, a, da, out)    out = da * f'(z)      (a = f(z), reused where f' needs it)

`f(z)` and `df(z)` are the plain versions used by plots and tests.
Maxout is not an element-wise function: its layer keeps k linear pieces per unit and takes
their maximum (see `network.MaxoutLayer`); the registry lists it so every menu shows it, and
its `f(z)` plots the maximum of k example pieces (`Maxout.pieces`).

Each parameter's range, step and label are declared once in `spec.PARAMS`; an entry here
names the parameters it takes with its own defaults.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np

from .errors import XorlabError

# Constants as 0-d arrays: NumPy combines these with an array about twice as fast as it
# does a Python float, which matters when a step is a few microseconds.
ZERO, HALF, ONE = np.array(0.0), np.array(0.5), np.array(1.0)


@dataclass(frozen=True)
class Activation:
    """One entry of the registry: name, formula, parameters with defaults."""

    name: str
    formula: str  # a template: "max({slope:g}·z, z)" is filled in with the parameters
    derivative: str
    params: dict = field(default_factory=dict)  # parameter name -> default
    value_range: str = "(−∞, ∞)"  # the values f can take
    notes: str = ""  # what it fixes and what it costs, in one line

    def formula_text(self, template=None, /, **p):
        """The formula with these parameter values (the defaults where none is given);
        `template`: the formula in another language (the window's translation of it)."""
        return (template or self.formula).format(**{**self.params, **p})

    def derivative_text(self, **p):
        return self.derivative.format(**{**self.params, **p})

    def forward(self, z, out, **p):
        raise NotImplementedError

    def backward(self, z, a, da, out, **p):
        raise NotImplementedError

    def f(self, z, **p):
        """f(z) on a fresh array."""
        z = np.asarray(z, dtype=float)
        return self.forward(z, np.empty_like(z), **{**self.params, **p})

    def df(self, z, **p):
        """f'(z) on a fresh array."""
        z = np.asarray(z, dtype=float)
        p = {**self.params, **p}
        a = self.forward(z, np.empty_like(z), **p)
        return self.backward(z, a, np.ones_like(z), np.empty_like(z), **p)


class Linear(Activation):
    def forward(self, z, out, **p):
        np.copyto(out, z)
        return out

    def backward(self, z, a, da, out, **p):
        np.copyto(out, da)
        return out


class Sigmoid(Activation):
    def forward(self, z, out, **p):
        # σ(z) = 1/(1+e^−z) = ½·tanh(z/2) + ½, which never overflows.
        np.multiply(z, HALF, out)
        np.tanh(out, out)
        np.multiply(out, HALF, out)
        np.add(out, HALF, out)
        return out

    def backward(self, z, a, da, out, **p):
        # σ'(z) = σ(z)·(1 − σ(z))
        np.subtract(ONE, a, out)
        np.multiply(out, a, out)
        np.multiply(out, da, out)
        return out


class Tanh(Activation):
    def forward(self, z, out, **p):
        return np.tanh(z, out)

    def backward(self, z, a, da, out, **p):
        # tanh'(z) = 1 − tanh²(z)
        np.multiply(a, a, out)
        np.subtract(ONE, out, out)
        np.multiply(out, da, out)
        return out


class ReLU(Activation):
    def forward(self, z, out, **p):
        return np.maximum(z, ZERO, out=out)

    def backward(self, z, a, da, out, **p):
        # relu'(z) = 1 if z > 0 else 0
        np.greater(z, ZERO, out)
        np.multiply(out, da, out)
        return out


class LeakyReLU(Activation):
    def forward(self, z, out, slope=0.1, **p):
        # max(slope·z, z) for 0 ≤ slope ≤ 1
        np.multiply(z, slope, out=out)
        np.maximum(out, z, out=out)
        return out

    def backward(self, z, a, da, out, slope=0.1, **p):
        # f'(z) = 1 if z > 0 else slope
        np.greater(z, 0.0, out=out)
        out *= 1.0 - slope
        out += slope
        out *= da
        return out


class ELU(Activation):
    def forward(self, z, out, alpha=1.0, **p):
        # z if z > 0 else α(e^z − 1)
        np.minimum(z, 0.0, out=out)
        np.expm1(out, out=out)
        out *= alpha
        np.copyto(out, z, where=z > 0)
        return out

    def backward(self, z, a, da, out, alpha=1.0, **p):
        # f'(z) = 1 if z > 0 else f(z) + α
        np.add(a, alpha, out=out)
        np.copyto(out, 1.0, where=z > 0)
        out *= da
        return out


def max_of_pieces(z, out):
    """out = the maximum over the last axis of z (maxout's k pieces), one np.maximum per
    piece: about 40× faster than np.max over a last axis of length 2."""
    np.maximum(z[..., 0], z[..., 1], out=out)
    for j in range(2, z.shape[-1]):
        np.maximum(out, z[..., j], out=out)
    return out


class Maxout(Activation):
    """max over k pieces; here z has the pieces on its last axis."""

    def forward(self, z, out, **p):
        return max_of_pieces(z, out)

    def backward(self, z, a, da, out, **p):
        # the gradient flows only to the largest piece
        np.equal(z, a[..., None], out=out)
        out *= da[..., None]
        return out

    @staticmethod
    def pieces(z, k=2):
        """k example affine pieces sᵢ·z + cᵢ for a plot, shape (k, len(z)): slopes spread
        from −½ to 1, the inner ones lifted so that each piece is the maximum somewhere.
        (In a network each unit learns its own pieces over x; these only show the shape.)"""
        z = np.asarray(z, dtype=float)
        slopes = np.linspace(-0.5, 1.0, int(k))
        lifts = 0.6 * np.sin(np.pi * np.linspace(0.0, 1.0, int(k)))
        return slopes[:, None] * z[None, :] + lifts[:, None]

    def f(self, z, **p):
        """For a plot: the maximum of the k example pieces (convex, piecewise linear)."""
        return self.pieces(z, p.get("k", self.params["k"])).max(axis=0)

    def df(self, z, **p):
        """The slope of the piece that is the maximum."""
        k = p.get("k", self.params["k"])
        return np.linspace(-0.5, 1.0, int(k))[self.pieces(z, k).argmax(axis=0)]


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in [
        Linear("linear", "z", "1", value_range="(−∞, ∞)",
               notes="no bend: any number of linear layers is still one straight line"),
        Sigmoid("sigmoid", "σ(z) = 1 / (1 + e^−z)", "σ'(z) = σ(z)(1 − σ(z))",
                value_range="(0, 1)",
                notes="smooth, a probability; σ′ ≤ 0.25, so n layers pass back at most "
                      "0.25ⁿ: the vanishing gradient"),
        Tanh("tanh", "tanh(z)", "1 − tanh²(z)", value_range="(−1, 1)",
             notes="centred on 0, slope up to 1; still saturates for large |z|"),
        ReLU("relu", "max(0, z)", "1 if z > 0 else 0", value_range="[0, ∞)",
             notes="no saturation for z > 0, cheap; a unit with z < 0 everywhere is dead"),
        LeakyReLU("leaky_relu", "max({slope:.3g}·z, z)", "1 if z > 0 else {slope:.3g}",
                  {"slope": 0.1}, value_range="(−∞, ∞)",
                  notes="a small slope for z < 0: no dead units"),
        LeakyReLU("vlrelu", "max({slope:.3g}·z, z)  (very leaky)",
                  "1 if z > 0 else {slope:.3g}", {"slope": 1.0 / 3.0}, value_range="(−∞, ∞)",
                  notes="a larger slope for z < 0 (1/3): the paper's VLReLU"),
        ELU("elu", "z if z > 0 else {alpha:.3g}(e^z − 1)", "1 if z > 0 else f(z) + {alpha:.3g}",
            {"alpha": 1.0}, value_range="(−α, ∞)",
            notes="smooth, outputs with a mean near 0; costs an exp"),
        Maxout("maxout", "max of {k} pieces (x·Wᵢ + bᵢ)", "1 for the largest piece, else 0",
               {"k": 2}, value_range="(−∞, ∞)",
               notes="learns its own convex shape; k pieces: k times the weights"),
    ]
}


class Softmax(Activation):
    """pₖ = e^(zₖ − m) / Σⱼ e^(zⱼ − m) over each row: the same value for any shift m, and
    with m at least the row's largest logit no e^z overflows (the log-sum-exp trick). The
    shift is the batch's largest logit (one reduction over the batch: a reduction along each
    row of 10 costs about twice as much); a row whose own largest lies so far below it (about
    700) that its sum would underflow is taken again with its own maximum. Not element-wise,
    and only ever the output layer of K ≥ 3 classes (spec.output_layer), whose ∂L/∂z comes
    from the loss in one piece (losses.cross_entropy): so it is not in ACTIVATIONS (no hidden
    layer offers it)."""

    def forward(self, z, out, **p):
        np.subtract(z, np.maximum.reduce(z, None), out)
        np.exp(out, out)
        # each row's sum as one BLAS call (e · ones): twice as fast as a sum along rows of 10
        sums = np.dot(out, ones(out.shape[-1]))
        if not np.minimum.reduce(sums, None) >= TINY_SUM:  # (NaN too) a row underflowed
            np.subtract(z, np.maximum.reduce(z, axis=-1, keepdims=True), out)
            np.exp(out, out)
            sums = np.dot(out, ones(out.shape[-1]))
        np.divide(out, sums[..., None], out)
        return out

    def backward(self, z, a, da, out, **p):
        # the Jacobian of softmax times da: ∂L/∂zₖ = pₖ·(∂L/∂pₖ − Σⱼ pⱼ·∂L/∂pⱼ)
        np.subtract(da, (da * a).sum(axis=-1, keepdims=True), out)
        np.multiply(out, a, out)
        return out


TINY_SUM = 1e-290  # a row's Σ e^(z − m) below this has lost precision to underflow


@functools.lru_cache(maxsize=16)
def ones(k):
    """A read-only vector of k ones: a row sum as one BLAS call, `np.dot(rows, ones(k))`."""
    v = np.ones(k)
    v.flags.writeable = False
    return v


# The output layer's own activations (spec.output_layer): sigmoid for two classes is the
# registry's; softmax for more is here only.
SOFTMAX = Softmax("softmax", "pₖ = e^zₖ / Σⱼ e^zⱼ", "∂pₖ/∂zⱼ = pₖ(δₖⱼ − pⱼ)",
                  value_range="(0, 1), Σₖ pₖ = 1",
                  notes="K outputs that sum to 1: the probability of each class")
OUTPUT_ACTIVATIONS = {"sigmoid": ACTIVATIONS["sigmoid"], "softmax": SOFTMAX}


def get_activation(name: str) -> Activation:
    """Look up an activation by name (softmax too: the output layer's); a clear error lists
    the allowed names."""
    try:
        return ACTIVATIONS[name] if name != "softmax" else SOFTMAX
    except (KeyError, TypeError):
        raise XorlabError("unknown activation {name!r}; allowed: {allowed}", name=name,
                          allowed=", ".join(ACTIVATIONS)) from None
