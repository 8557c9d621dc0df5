"""Facts every part of xorlab shares, defined once: the output layer, the limits, and each
activation's parameters as declared data.

The engine checks specs against these, the CLI builds its flags and messages from them, and
the editor sets its widgets' ranges from them, so a network the command line saves is one the
app can open, and a value one refuses the other refuses too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .errors import Phrase, XorlabError

CLASSES = (2, 10)  # the number of classes K a dataset may have: lowest and highest
MAX_CLASSES = CLASSES[1]


def output_layer(classes=2):
    """The network's last layer for K = `classes` classes, labelled 0 … K−1:

    K = 2   one sigmoid unit, p = σ(z) = P(y = 1 | x), with binary cross-entropy (or MSE)
    K ≥ 3   K softmax units, pₖ = e^zₖ / Σⱼ e^zⱼ = P(y = k | x), with cross-entropy

    Two classes keep the single unit of the lecture (and every file written before K
    existed). The number of classes of a spec is read from its last layer (`classes_of`)."""
    if classes == 2:
        return {"units": 1, "activation": "sigmoid"}
    return {"units": classes, "activation": "softmax"}


def classes_of(layer):
    """K of an output layer made by `output_layer`; None for any other layer."""
    for k in range(CLASSES[0], CLASSES[1] + 1):
        if layer == output_layer(k):
            return k
    return None


# The two-class output layer: one sigmoid unit (see output_layer).
OUTPUT_LAYER = output_layer(2)

MAX_HIDDEN_LAYERS = 10  # hidden layers between the inputs and the output
MAX_UNITS = 64  # units in one hidden layer
MAX_POINTS = 10_000  # points of a dataset: generated, drawn or read from a CSV file
MIN_POINTS = 4
MAX_COORDINATE = 1e6  # |x1|, |x2| of a point
IMAGE_SHAPES = ((8, 8),)  # the (rows, columns) an image input may have: the bundled digits
LR_RANGE = (1e-6, 10.0)  # learning rate γ: lowest and highest allowed
MOMENTUM_RANGE = (0.0, 0.99)
PENALTY_RANGE = (0.0, 10.0)  # L1 / L2 strength
NOISE_RANGE = (0.0, 1.0)
TEST_FRACTION_RANGE = (0.0, 0.9)
MAX_STEPS = 100_000_000  # steps of one `xorlab train` (a tiny net: about an hour)
SEED_MAX = 2**31 - 1
INIT_STD_RANGE = (1e-6, 100.0)
DROPOUT_RANGE = (0.0, 0.9)  # dropout rate p of a hidden layer: 0 = off (engine/schedule.py)
LR_FACTOR_RANGE = (0.01, 1.0)  # a decaying γ is multiplied by this every `lr_every` steps
LR_EVERY_RANGE = (1, MAX_STEPS)  # steps between two such multiplications
STOP_ACCURACY_RANGE = (0.0, 1.0)  # stop when the accuracy reaches this share
STOP_PLATEAU_RANGE = (1, MAX_STEPS)  # ... when the loss has not improved for this many steps
STOP_MIN_DELTA_RANGE = (0.0, 1.0)  # ... by at least this much
STOP_STEPS_RANGE = (1, MAX_STEPS)  # ... when the run's step counter reaches this


def is_finite_number(v):
    """True for an int or float (not a bool) that is a finite float: an integer too large
    for a float (JSON allows 400 digits) is not."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return False
    try:
        return math.isfinite(v)
    except OverflowError:
        return False


@dataclass(frozen=True)
class Param:
    """One parameter of an activation: its name, allowed range, the editor's step and the
    label a student reads. (Each activation gives its own default: activations.py.)"""

    name: str
    low: float
    high: float
    step: float
    label: str
    whole: bool = False  # a whole number (maxout's k)
    decimals: int = 3

    def check(self, value, where=None):
        """The value as float or int; XorlabError (a ValueError) saying what is allowed.
        `where`: whose parameter it is, e.g. Phrase("layer {number}", number=2)."""
        name = self.name if where is None else Phrase("{where} {name}", where=where,
                                                      name=self.name)
        ok = is_finite_number(value)
        if ok and self.whole:
            ok = isinstance(value, int) or float(value).is_integer()
        if not ok or not self.low <= value <= self.high:
            if self.whole:
                raise XorlabError("{name} must be a whole number from {low:g} to {high:g}, "
                                  "got {value!r}", name=name, low=self.low, high=self.high,
                                  value=value)
            raise XorlabError("{name} must be a number from {low:g} to {high:g}, got "
                              "{value!r}", name=name, low=self.low, high=self.high,
                              value=value)
        return int(value) if self.whole else float(value)


# Parameters by name: an activation lists the names it takes (activations.py).
PARAMS = {
    "slope": Param("slope", 0.0, 1.0, 0.01, "slope"),
    "alpha": Param("alpha", 0.01, 10.0, 0.1, "α", decimals=2),
    "k": Param("k", 2, 8, 1, "k", whole=True, decimals=0),
}
