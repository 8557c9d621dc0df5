"""Weight initializers: how W starts decides whether a deep net can learn at all.

Each takes (fan_in, fan_out, rng, **params) and returns W of shape (fan_in, fan_out).
Biases always start at zero. LSUV is data-dependent and lives in `lsuv_rescale`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .errors import XorlabError


def zeros(fan_in, fan_out, rng):
    """W = 0: every neuron in a layer stays identical (the symmetry problem)."""
    return np.zeros((fan_in, fan_out))


def normal(fan_in, fan_out, rng, std=0.1):
    """W ~ N(0, std²)."""
    return rng.normal(0.0, std, size=(fan_in, fan_out))


def xavier(fan_in, fan_out, rng):
    """Glorot uniform: W ~ U(−a, a), a = √(6 / (fan_in + fan_out))."""
    a = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-a, a, size=(fan_in, fan_out))


def xavier_normal(fan_in, fan_out, rng):
    """Glorot normal: W ~ N(0, 2 / (fan_in + fan_out))."""
    return rng.normal(0.0, np.sqrt(2.0 / (fan_in + fan_out)), size=(fan_in, fan_out))


def msra(fan_in, fan_out, rng):
    """He normal: W ~ N(0, 2 / fan_in), made for ReLU."""
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_in, fan_out))


def orthonormal(fan_in, fan_out, rng, gain=1.0):
    """Orthonormal rows or columns (Saxe et al.): the QR factor of a Gaussian matrix.

    A square W satisfies WᵀW = I.
    """
    big, small = max(fan_in, fan_out), min(fan_in, fan_out)
    q, r = np.linalg.qr(rng.normal(size=(big, small)))
    q *= np.sign(np.diag(r))  # make the factorisation unique, so q is uniformly distributed
    w = q if fan_in >= fan_out else q.T
    return gain * w


def orthonorm_msra(fan_in, fan_out, rng):
    """Orthonormal scaled by √2 (Mishkin & Matas' "OrthoNorm-MSRA scaled")."""
    return orthonormal(fan_in, fan_out, rng, gain=np.sqrt(2.0))


LSUV_TOL = 0.1  # stop when |Var(z) − 1| < tol ...
LSUV_MAX_ITER = 10  # ... or after this many rescalings of a layer


@dataclass(frozen=True)
class Initializer:
    name: str
    fn: object
    summary: str
    params: dict = field(default_factory=dict)
    needs_data: bool = False

    def __call__(self, fan_in, fan_out, rng, **params):
        return self.fn(fan_in, fan_out, rng, **{**self.params, **params})


INITIALIZERS: dict[str, Initializer] = {
    i.name: i
    for i in [
        Initializer("zeros", zeros, "W = 0"),
        Initializer("normal", normal, "W ~ N(0, std²)", {"std": 0.1}),
        Initializer("xavier", xavier, "Glorot uniform, a = √(6/(fan_in+fan_out))"),
        Initializer("xavier_normal", xavier_normal, "Glorot normal, var = 2/(fan_in+fan_out)"),
        Initializer("msra", msra, "He normal, var = 2/fan_in"),
        Initializer("orthonormal", orthonormal, "orthonormal (QR of a Gaussian matrix)"),
        Initializer("orthonorm_msra", orthonorm_msra, "orthonormal × √2"),
        Initializer("lsuv", orthonormal,
                    "orthonormal, then each layer rescaled to unit output variance on data "
                    "(Mishkin & Matas 2016)", needs_data=True),
    ]
}


def get_initializer(name: str) -> Initializer:
    try:
        return INITIALIZERS[name]
    except (KeyError, TypeError):
        raise XorlabError("unknown initializer {name!r}; allowed: {allowed}", name=name,
                          allowed=", ".join(INITIALIZERS)) from None
