"""Input features, as TensorFlow Playground offers them: what the network sees of a point.

A point is (x₁, x₂); the network's input a⁰ is one column per chosen feature,
a⁰ = φ(x) = (φ₁(x), …, φₖ(x)), so the first layer computes z = Σⱼ wⱼ·φⱼ(x) + b. With
x₁·x₂ among them one neuron separates XOR: its line z = 0 in feature space is a curve in
the (x₁, x₂) plane. The features are fixed, so backpropagation stops at a⁰ unchanged.

One registry, read by the network, the CLI's --features, the model file reader and the
editor's checkboxes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .errors import XorlabError


@dataclass(frozen=True)
class Feature:
    """One input feature: its name in files and on the command line, its formula as the
    student reads it, and the column it makes from the points' coordinates."""

    name: str
    label: str
    column: Callable[[np.ndarray, np.ndarray], np.ndarray]  # (x₁, x₂) -> φ(x), each (n,)


FEATURES = {f.name: f for f in (
    Feature("x1", "x₁", lambda x1, x2: x1),
    Feature("x2", "x₂", lambda x1, x2: x2),
    Feature("x1_sq", "x₁²", lambda x1, x2: x1 * x1),
    Feature("x2_sq", "x₂²", lambda x1, x2: x2 * x2),
    Feature("x1x2", "x₁x₂", lambda x1, x2: x1 * x2),
    Feature("sin_x1", "sin x₁", lambda x1, x2: np.sin(x1)),
    Feature("sin_x2", "sin x₂", lambda x1, x2: np.sin(x2)),
)}
DEFAULT_FEATURES = ("x1", "x2")  # the plain coordinates: a⁰ = x


class FeatureError(XorlabError):
    """A list of features that cannot be used; the message says what is allowed."""


def check_features(names, where="features"):
    """The names as a tuple, in the order given (the weights' rows follow it); FeatureError
    for anything but a non-empty list of distinct known names. `where` starts the message."""
    allowed = ", ".join(FEATURES)
    prefix = f"{where}: " if where else ""
    if isinstance(names, str) or not isinstance(names, (list, tuple)) or not names:
        raise FeatureError("{prefix}a non-empty list of feature names from {allowed} is "
                           "needed; got {names!r}", prefix=prefix, allowed=allowed,
                           names=names)
    unknown = [n for n in names if not isinstance(n, str) or n not in FEATURES]
    if unknown:
        raise FeatureError("{prefix}unknown feature(s) {unknown}; allowed: {allowed}",
                           prefix=prefix, unknown=", ".join(map(repr, unknown)),
                           allowed=allowed)
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise FeatureError("{prefix}{twice} given more than once; each of {allowed} may "
                           "appear once", prefix=prefix, twice=", ".join(twice),
                           allowed=allowed)
    return tuple(names)


def feature_matrix(X, names):
    """a⁰ = φ(X): one column per feature for the points X (n, 2), shape (n, len(names)).
    The plain coordinates (x1, x2) are X itself, not a copy: the default costs nothing."""
    if tuple(names) == DEFAULT_FEATURES:
        return X
    x1, x2 = X[:, 0], X[:, 1]
    out = np.empty((X.shape[0], len(names)))
    for j, name in enumerate(names):
        out[:, j] = FEATURES[name].column(x1, x2)
    return out


def feature_labels(names):
    """The formulas of the features, in order: ("x₁", "x₁x₂", …)."""
    return tuple(FEATURES[n].label for n in names)
