"""The lecture's last slide, reproduced: an initializer × activation sweep (Mishkin & Matas,
"All you need is a good init", ICLR 2016, Table 3), on a small deep network and a 2-D toy set.

Every cell (initializer, activation) trains the same deep network from several seeds and
reports the test accuracy (mean and spread), how many seeds converged, and the median ratio
‖∂L/∂W¹‖ / ‖∂L/∂W_last‖ at the first step (the vanishing number of that cell).

n/c ("did not converge"), per seed: the run diverged, or its test accuracy is not above
chance (the larger class's share of the test set) + CONVERGED_MARGIN. Per cell: n/c when
fewer than half of its seeds converged.

Vectorised: the runs that share an activation (any initializer, any seed) train together as
one stacked model — weights (runs, fan_in, units), batched matmuls over the run axis — each
run with its own initial weights, seed and minibatch order. In float64 a stacked run equals
the same run trained alone by `Trainer` (to rounding; the tests check 1e-10). The sweep
itself runs in float32, which halves the memory traffic of the element-wise passes.

The inputs are the plain x₁, x₂ (features.DEFAULT_FEATURES): the table is about depth,
initialization and activation, as the paper's is.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field, replace

import numpy as np

from .activations import get_activation
from .datasets import CLASS_GENERATORS, GENERATORS, IMAGES, make_dataset
from .errors import Phrase
from .initializers import INITIALIZERS
from .network import Network, network_spec
from .spec import MAX_HIDDEN_LAYERS, MAX_UNITS, PENALTY_RANGE
from .training import DIVERGED_LOSS, ConfigError, TrainConfig, Trainer

CONVERGED_MARGIN = 0.15  # above chance by this much, or the seed did not converge
PAPER_INITS = ("lsuv", "orthonormal", "orthonorm_msra", "xavier", "msra")
PAPER_ACTIVATIONS = ("maxout", "relu", "vlrelu", "tanh", "sigmoid")
# the paper's Table 3 (CIFAR-10 test accuracy, %, of FitNet4); None: "n/c"; "–": not run
PAPER_TABLE = {
    "lsuv": {"maxout": 93.94, "relu": 92.11, "vlrelu": 92.97, "tanh": 89.28, "sigmoid": None},
    "orthonormal": {"maxout": 93.78, "relu": 91.74, "vlrelu": 92.40, "tanh": 89.48,
                    "sigmoid": None},
    "orthonorm_msra": {"maxout": "–", "relu": 91.93, "vlrelu": 93.09, "tanh": "–",
                       "sigmoid": None},
    "xavier": {"maxout": 91.75, "relu": 90.63, "vlrelu": 92.27, "tanh": 89.82, "sigmoid": None},
    "msra": {"maxout": None, "relu": 90.91, "vlrelu": 92.43, "tanh": 89.54, "sigmoid": None},
}


# what the sweep trains on: the point sets (two classes or more) and the digits' images
SWEEP_DATASETS = ("xor", *GENERATORS, *CLASS_GENERATORS, "digits")


@dataclass(frozen=True)
class SweepConfig:
    inits: tuple = PAPER_INITS
    activations: tuple = PAPER_ACTIVATIONS
    depth: int = 8  # hidden layers
    width: int = 16  # units per hidden layer
    dataset: str = "spiral"
    n: int = 320  # 256 to train on (four full minibatches of 64), 64 to test
    noise: float = 0.0
    seeds: int = 3
    steps: int = 3000
    optimizer: str = "momentum"
    lr: float = 0.03
    momentum: float = 0.9
    batch_size: int = 64
    weight_decay: float = 0.0  # λ of the L2 penalty (λ/2)·Σ W², as TrainConfig.l2
    data_seed: int = 0
    dtype: str = "float32"

    @classmethod
    def preset(cls, dataset="spiral", **changes):
        """The default sweep of a dataset: DIGITS_SWEEP for the digits, else the 2-D one."""
        return cls(**{"dataset": dataset, **(DIGITS_SWEEP if dataset == "digits" else {}),
                      **changes})

    @property
    def images(self):
        """True when the data are images (the digits): inputs are the pixels."""
        return self.dataset in IMAGES

    def validated(self):
        for name in self.inits:
            if name not in INITIALIZERS:
                raise ConfigError("unknown initializer {name!r}; allowed: {allowed}", name=name,
                                  allowed=', '.join(INITIALIZERS))
        for name in self.activations:
            get_activation(name)
        if not self.inits or not self.activations:
            raise ConfigError("a sweep needs at least one initializer and one activation")
        if not 1 <= self.depth <= MAX_HIDDEN_LAYERS:
            raise ConfigError("depth must be from 1 to {limit}, got {depth}",
                              limit=MAX_HIDDEN_LAYERS, depth=self.depth)
        if not 1 <= self.width <= MAX_UNITS:
            raise ConfigError("width must be from 1 to {limit}, got {width}", limit=MAX_UNITS,
                              width=self.width)
        if not 1 <= self.seeds <= 20:
            raise ConfigError("seeds must be from 1 to 20, got {seeds}", seeds=self.seeds)
        if not 1 <= self.steps <= 100_000:
            raise ConfigError("steps must be from 1 to 100000, got {steps}", steps=self.steps)
        if self.optimizer not in ("sgd", "momentum"):
            raise ConfigError("the sweep trains with sgd or momentum")
        if not PENALTY_RANGE[0] <= self.weight_decay <= PENALTY_RANGE[1]:
            raise ConfigError("weight decay must be from {low:g} to {high:g}, got {value!r}",
                              low=PENALTY_RANGE[0], high=PENALTY_RANGE[1],
                              value=self.weight_decay)
        if self.dataset not in SWEEP_DATASETS:
            raise ConfigError("the sweep trains on {allowed}; got {dataset!r}",
                              allowed=', '.join(SWEEP_DATASETS), dataset=self.dataset)
        if self.dtype not in ("float32", "float64"):
            raise ConfigError("dtype must be float32 or float64")
        self.train_config(0).validated()
        return self

    def train_config(self, seed):
        return TrainConfig(optimizer=self.optimizer, lr=self.lr, momentum=self.momentum,
                           batch_size=self.batch_size, l2=self.weight_decay, seed=seed,
                           eval_every=0)

    def spec(self, init, activation, seed, classes=2):
        hidden = [{"units": self.width, "activation": activation}] * self.depth
        if self.images:
            return network_spec(hidden, init, seed, classes=classes, image=IMAGES[self.dataset])
        return network_spec(hidden, init, seed, classes=classes)

    def data(self):
        """The sweep's data. The digits' pixels are standardized on the training images
        (x ← (x − mean) / std per pixel, a pixel that never changes left at 0), as the paper's
        CIFAR-10 inputs are: with raw [0, 1] pixels the inits differ in ways the paper's
        table is not about."""
        if not self.images:
            return make_dataset(self.dataset, n=self.n, noise=self.noise, test_fraction=0.2,
                                seed=self.data_seed)
        data = make_dataset(self.dataset, test_fraction=0.2, seed=self.data_seed)
        mean = data.X_train.mean(axis=0)
        std = data.X_train.std(axis=0)
        std[std == 0] = 1.0
        return replace(data, X_train=(data.X_train - mean) / std,
                       X_test=(data.X_test - mean) / std)


# The default sweep on the digits, as measured when it was chosen (issue 19): 8 hidden
# layers of 32, momentum 0.9, γ 0.01, weight decay 5e-4, batch 64, 1,500 steps, 2 seeds.
# Its table has the paper's n/c cells: sigmoid under every init, maxout under MSRA.
DIGITS_SWEEP = {"width": 32, "steps": 1500, "seeds": 2, "lr": 0.01, "weight_decay": 5e-4}


@dataclass
class RunResult:
    init: str
    activation: str
    seed: int
    test_accuracy: float
    diverged: bool
    start_ratio: float  # ‖∂L/∂W¹‖ / ‖∂L/∂W_last‖ at the first step


@dataclass
class CellResult:
    init: str
    activation: str
    runs: list = field(default_factory=list)
    chance: float = 0.5

    def converged(self, run):
        return not run.diverged and run.test_accuracy > self.chance + CONVERGED_MARGIN

    @property
    def accuracies(self):
        return [r.test_accuracy for r in self.runs]

    @property
    def mean(self):
        return float(np.mean(self.accuracies))

    @property
    def std(self):
        return float(np.std(self.accuracies))

    @property
    def n_converged(self):
        return sum(self.converged(r) for r in self.runs)

    @property
    def not_converged(self):
        """The cell is "n/c": fewer than half of its seeds converged."""
        return self.n_converged * 2 < len(self.runs)

    @property
    def ratio(self):
        return float(np.median([r.start_ratio for r in self.runs]))

    def to_dict(self):
        return {"init": self.init, "activation": self.activation,
                "mean": finite_or_none(self.mean), "std": finite_or_none(self.std),
                "converged": self.n_converged, "seeds": len(self.runs),
                "nc": self.not_converged, "ratio": finite_or_none(self.ratio),
                "accuracies": [finite_or_none(a) for a in self.accuracies]}


# ---- one stack: the runs of one activation, trained together ---------------------------------
# Activations that train in one stack, each run with its own constants: the ReLU family is
# max(s·z, z) with a slope s per run (ReLU: s = 0), the tanh family c₂·tanh(c₁·z) + c₃
# (tanh: 1, 1, 0; sigmoid: ½, ½, ½ — σ(z) = ½·tanh(z/2) + ½, as the engine computes it).
FAMILIES = {"relu": "relu", "leaky_relu": "relu", "vlrelu": "relu",
            "tanh": "tanh", "sigmoid": "tanh"}
TANH_FORM = {"tanh": (1.0, 1.0, 0.0), "sigmoid": (0.5, 0.5, 0.5)}


def family(activation):
    return FAMILIES.get(activation, activation)


def train_stack(config, runs, data=None):
    """Train runs [(activation, init, seed), ...] of one family as one stacked model;
    returns a RunResult per run (and the final parameters per run, in the engine's
    order)."""
    data = data or config.data()
    dtype = np.dtype(config.dtype)
    nets = [Network.from_spec(config.spec(init, activation, seed, data.classes),
                              data=data.X_train)
            for activation, init, seed in runs]
    stack = Stack(nets, data.X_train, data.y_train, [s for *_, s in runs], config, dtype)
    stack.train(config.steps)
    accuracy = stack.accuracy(data.X_test, data.y_test)
    results = [RunResult(init, activation, seed, float(accuracy[r]), bool(stack.diverged[r]),
                         float(stack.start_ratio[r]))
               for r, (activation, init, seed) in enumerate(runs)]
    return results, stack.params()


class StackedActivation:
    """One hidden layer's activation for every run of a stack: a single activation, or a
    family with per-run constants (FAMILIES).

    `kernels(shape)` gives its forward and backward passes for arrays of one shape, with the
    per-run constants as arrays of that full shape (units, runs, batch), the Stack's
    unit-major layout (Pass), made once a shape: an operation between arrays of one shape
    runs as one flat loop, where a (1, runs, 1) operand would make NumPy loop over rows of
    `batch` numbers. A constant that changes nothing (a slope of 0 in every run, c₃ = 0,
    c₁/c₂ = 1) costs no pass."""

    def __init__(self, layers, dtype):
        first = layers[0]
        self.units = first.units
        self.dtype = dtype
        names = [layer.activation.name for layer in layers]
        self.kind = family(names[0]) if len(set(names)) > 1 or names[0] in FAMILIES else None
        self.activation, self.options = first.activation, first.options
        self.constants = {}
        if self.kind == "relu":
            slope = np.array([layer.options.get("slope", 0.0) for layer in layers], dtype=dtype)
            self.constants["slope"] = slope[None, :, None]
        elif self.kind == "tanh":
            c = np.array([TANH_FORM[name] for name in names], dtype=dtype)
            c1, c2, c3 = (c[None, :, i, None] for i in range(3))
            # f(z) = c₂·tanh(c₁z) + c₃ = 2c₂·σ(2c₁z) + c₃ − c₂, σ(x) = 1/(1 + e⁻ˣ): an exp is
            # cheaper than a tanh; f′(z) = c₁c₂ − (c₁/c₂)·(f(z) − c₃)²
            self.constants.update(minus_2c1=-2 * c1, two_c2=2 * c2, c3_c2=c3 - c2,
                                  c3=c3, c1c2=c1 * c2, c1_c2=c1 / c2)
        self._kernels = {}  # shape -> (forward, backward)

    def full(self, shape):
        """The constants as arrays of `shape`; None for one that changes nothing (an added 0
        or a factor 1 in every run)."""
        trivial = {"c3_c2": 0.0, "c3": 0.0, "c1_c2": 1.0, "slope": 0.0}
        return {k: None if k in trivial and np.all(v == trivial[k])
                else np.ascontiguousarray(np.broadcast_to(v, shape))
                for k, v in self.constants.items()}

    def kernels(self, shape):
        """(forward(z, out), backward(z, a, da, out)) for arrays of `shape`: out = f(z), and
        out = da · f′(z) with a = f(z)."""
        made = self._kernels.get(shape)
        if made is None:
            made = self._kernels[shape] = self._make(shape)
        return made

    def _make(self, shape):
        c = self.full(shape)
        mul, sub = np.multiply, np.subtract
        if self.kind == "relu" and c["slope"] is None:  # every run a ReLU: max(z, 0)
            zero = np.zeros(shape, dtype=self.dtype)  # an array: a scalar 0 is a slow path

            def forward(z, out):
                np.maximum(z, zero, out=out)

            def backward(z, a, da, out):  # [z > 0]·da
                np.greater(z, zero, out)
                mul(out, da, out)
        elif self.kind == "relu":  # max(s·z, z); f′ = 1 if z > 0 else s: max([z > 0], s)
            slope = c["slope"]  # 0 ≤ s < 1 (FAMILIES)

            def forward(z, out):
                mul(z, slope, out)
                np.maximum(out, z, out=out)

            def backward(z, a, da, out):
                np.greater(z, 0.0, out)
                np.maximum(out, slope, out=out)
                mul(out, da, out)
        elif self.kind == "tanh":  # 2c₂ / (1 + e^(−2c₁z)) + c₃ − c₂;  c₁c₂ − (c₁/c₂)·(a − c₃)²
            minus_2c1, two_c2, c3_c2 = c["minus_2c1"], c["two_c2"], c["c3_c2"]
            c3, c1c2, c1_c2 = c["c3"], c["c1c2"], c["c1_c2"]

            def forward(z, out):
                mul(z, minus_2c1, out)
                np.exp(out, out)
                out += 1.0
                np.divide(two_c2, out, out)
                if c3_c2 is not None:
                    out += c3_c2

            def backward(z, a, da, out):
                if c3 is None:
                    mul(a, a, out)
                else:
                    sub(a, c3, out)
                    mul(out, out, out)
                if c1_c2 is not None:
                    out *= c1_c2
                sub(c1c2, out, out)
                out *= da
        elif self.activation.name == "maxout":  # pieces stored piece by piece (Stack)
            # z as (pieces, units·runs·batch) and a, ∂L/∂a as (1, units·runs·batch): NumPy
            # then broadcasts over the pieces in blocks of units·runs·batch numbers
            k = shape[0] // self.units

            def forward(z, out):
                z2, a1 = z.reshape(k, -1), out.reshape(-1)
                np.maximum(z2[0], z2[1], out=a1)
                for j in range(2, k):
                    np.maximum(a1, z2[j], out=a1)

            mask = np.empty((k, math.prod(shape) // k), dtype=bool)

            def backward(z, a, da, out):  # the gradient goes to the largest piece
                np.equal(z.reshape(k, -1), a.reshape(1, -1), mask)
                mul(mask, da.reshape(1, -1), out.reshape(k, -1))
        else:
            activation, options = self.activation, self.options

            def forward(z, out):
                activation.forward(z, out, **options)

            def backward(z, a, da, out):
                activation.backward(z, a, da, out, **options)
        return forward, backward


def piece_major(layer):
    """The column order a stacked layer keeps: a maxout layer's (unit, piece) columns piece
    by piece; any other layer's as they are."""
    k = getattr(layer, "k", 1)
    return np.arange(layer.width).reshape(layer.units, k).T.ravel() if k > 1 \
        else np.arange(layer.width)


class Stack:
    """R networks of one shape as stacked arrays, each layer computed unit by example, its
    bias folded into its weights (the bias trick): zᵀ = [Wᵀ | b]·[aᵀ; 1] = Wᵀ·aᵀ + b, with
    [Wᵀ | b] (R, width, fan_in + 1), [aᵀ; 1] (R, fan_in + 1, batch) — the layer's input with
    a row of ones under it, written once — and zᵀ (R, width, batch). So a layer is one matmul
    forward and one backward for its parameters, ∂L/∂[Wᵀ | b] = ∂L/∂zᵀ·[aᵀ; 1]ᵀ, and one for
    its input, ∂L/∂aᵀ = W·∂L/∂zᵀ (W a strided view of the Wᵀ columns, no copy); an
    activation writes into the first rows of the next layer's [aᵀ; 1].

    The layers' values are stored unit-major, (rows, R, batch), and the matmuls take them as
    (R, rows, batch) views (each run's matrix with row stride R·batch, no copy; Pass). So a
    layer's a is a contiguous block of the next layer's [a; 1], the element-wise passes run
    over whole contiguous arrays (over the strided (R, units, batch) rows of [aᵀ; 1] they
    took 2.5× as long), and a maxout layer's pieces (its rows stored piece by piece) are
    contiguous blocks, so its max and its mask read whole blocks.

    Every run's parameters lie in one row of a flat (R, total) array, layer after layer
    [[W¹ᵀ | b¹] … [Wᴸᵀ | bᴸ]], and [Wᵀ | b] is a view into it (the gradients likewise), so
    the momentum update and the weight decay of the whole stack are a handful of NumPy
    calls.

    The output: one sigmoid unit with binary cross-entropy for two classes, K softmax units
    with cross-entropy for K ≥ 3 (spec.output_layer); ∂L/∂z = (p − y)/B for both."""

    def __init__(self, nets, X, y, seeds, config, dtype=np.float64):
        self.R = R = len(nets)
        self.dtype = dtype
        first = nets[0]
        self.layers = first.layers  # shapes
        self.net = first  # its targets (0/1 or one-hot) and predictions (≥ ½ or argmax)
        self.softmax = first.classes > 2
        hidden = len(first.layers) - (1 if self.softmax else 0)  # softmax is the Stack's own
        self.acts = [StackedActivation([net.layers[i] for net in nets], dtype)
                     for i in range(hidden)]
        # a maxout layer's units are stored piece by piece (all units' piece 1, then all
        # units' piece 2, ...), so that its max and its mask read contiguous blocks
        self.columns = [piece_major(layer) for layer in first.layers]
        shapes = [(layer.width, layer.fan_in + 1) for layer in self.layers]
        ends = np.cumsum([math.prod(shape) for shape in shapes])
        self.P = np.empty((R, ends[-1]), dtype=dtype)  # parameters, a row per run
        self.G = np.zeros_like(self.P)  # their gradients
        self.V = np.zeros_like(self.P)  # momentum's velocity
        self.WbT = [self.P[:, end - math.prod(s):end].reshape((R,) + s)
                    for s, end in zip(shapes, ends)]  # [Wᵀ | b] (R, width, fan_in + 1)
        self.gWbT = [self.G[:, end - math.prod(s):end].reshape((R,) + s)
                     for s, end in zip(shapes, ends)]
        self.WT = [WbT[:, :, :-1] for WbT in self.WbT]
        self.b = [WbT[:, :, -1] for WbT in self.WbT]
        self.gWT = [gWbT[:, :, :-1] for gWbT in self.gWbT]
        for i, cols in enumerate(self.columns):
            self.WT[i][...] = np.stack([net.layers[i].W2[:, cols].T for net in nets])
            self.b[i][...] = np.stack([net.layers[i].b.reshape(-1)[cols] for net in nets])
        self.XT = with_ones(np.asarray(X, dtype=dtype).T)  # [xᵀ; 1] (inputs + 1, n)
        self.yT = np.ascontiguousarray(first.targets(y).T, dtype=dtype)  # (1 or K, n)
        self.n = self.yT.shape[1]
        self.batch = min(config.batch_size or self.n, self.n)
        self.rngs = [np.random.default_rng(seed) for seed in seeds]
        self.orders = np.tile(np.arange(self.n), (R, 1))
        self.cursor = self.n
        self.X_epoch = np.empty((R, self.XT.shape[0], self.n), dtype=dtype)
        self.y_epoch = np.empty((R,) + self.yT.shape, dtype=dtype)
        self.lr, self.mu = config.lr, (config.momentum if config.optimizer == "momentum"
                                       else 0.0)
        # the L2 penalty: ∂L/∂W += λ·W, the weights only — λ in a weight's place of a row,
        # 0 in a bias's
        self.decay = None
        if config.weight_decay:
            self.decay = np.full(self.P.shape[1], config.weight_decay, dtype=dtype)
            for s, end in zip(shapes, ends):
                self.decay[end - math.prod(s):end].reshape(s)[:, -1] = 0.0
            self.penalty = np.empty_like(self.P)
        self.active = np.ones(R, dtype=bool)  # runs still training (not diverged)
        self.diverged = np.zeros(R, dtype=bool)
        self.start_ratio = np.full(R, np.nan)
        self.steps_done = 0
        self.W = [WT.transpose(0, 2, 1) for WT in self.WT]  # (R, fan_in, width), for ∂L/∂aᵀ
        # the gradients of the first and the last layer, (R, n): checked every step
        self.gW_ends = (self.G[:, :ends[0]], self.G[:, ends[-2] if len(ends) > 1 else 0:])
        self._passes = {}  # batch size -> Pass

    def _batch(self):
        """Each run's next minibatch, as Trainer._next_batch takes it (its own order), as
        [xᵀ; 1] (R, inputs + 1, B) and (R, 1 or K, B)."""
        n, b = self.n, self.batch
        if b >= n:
            return (np.broadcast_to(self.XT, (self.R,) + self.XT.shape),
                    np.broadcast_to(self.yT, (self.R,) + self.yT.shape))
        if self.cursor >= n:
            for r, rng in enumerate(self.rngs):
                rng.shuffle(self.orders[r])
            self.X_epoch[...] = np.take(self.XT, self.orders, axis=1).transpose(1, 0, 2)
            self.y_epoch[...] = np.take(self.yT, self.orders, axis=1).transpose(1, 0, 2)
            self.cursor = 0
        start = self.cursor
        self.cursor = min(start + b, n)
        return self.X_epoch[:, :, start:self.cursor], self.y_epoch[:, :, start:self.cursor]

    def _pass(self, B):
        """The arrays of a batch size, made once (no allocation per step)."""
        made = self._passes.get(B)
        if made is None:
            made = self._passes[B] = Pass(self, B)
        return made

    def forward(self, XT):
        """Every layer's z and a for per-run inputs [xᵀ; 1] (R, inputs + 1, B), into the
        arrays of that batch size (Pass); the last a is the output p."""
        space = self._pass(XT.shape[2])
        space.inputs_r[0] = XT
        for WbT, x, z_r, z, out, (forward, _) in zip(self.WbT, space.inputs_r, space.z_r,
                                                     space.z, space.a, space.kernels):
            np.matmul(WbT, x, z_r)
            forward(z, out)
        if self.softmax:  # softmax over the K units of each example: e^(z − m) / Σ e^(z − m)
            z, out = space.z_r[-1], space.a_r[-1]
            np.matmul(self.WbT[-1], space.inputs_r[-1], z)
            np.subtract(z, z.max(axis=1, keepdims=True), out=out)
            np.exp(out, out=out)
            out /= out.sum(axis=1, keepdims=True)
        return space

    def train(self, steps):
        with np.errstate(all="ignore"):
            for _ in range(steps):
                self._step()

    def _loss(self, space, yb):
        """Every run's mean loss on its batch, (R,)."""
        z, B = space.z_r[-1], yb.shape[2]
        if self.softmax:  # L = mean(logsumexp(z) − z_y), the loss of losses.cross_entropy
            m = z.max(axis=1, keepdims=True)
            return (m.sum(axis=(1, 2)) + np.log(np.exp(z - m).sum(axis=1)).sum(axis=1)
                    - (yb * z).sum(axis=(1, 2))) / B
        # L = mean(log(1 + e^z) − y·z) (losses.bce) = mean(softplus(x)) with x = z − 2y·z
        # (y ∈ {0, 1}), softplus(x) = max(x, 0) + log(1 + e^−|x|): a few passes over (R, B)
        # numbers cost less than one logaddexp
        x, t, zero = space.loss
        z = z[:, 0]
        np.multiply(yb[:, 0], z, t)
        np.subtract(z, t, x)
        x -= t
        np.abs(x, t)
        np.negative(t, t)
        np.exp(t, t)
        t += 1.0
        np.log(t, t)
        np.maximum(x, zero, out=x)
        x += t
        return np.add.reduce(x, 1) / B

    def _step(self):
        Xb, yb = self._batch()
        space = self.forward(Xb)
        B = Xb.shape[2]
        loss = self._loss(space, yb)
        dz = space.dz_r[-1]
        np.subtract(space.a_r[-1], yb, dz)  # ∂L/∂z = (p − y) / B for both outputs
        dz /= B
        for i in range(len(self.layers) - 1, -1, -1):
            np.matmul(space.dz_r[i], space.inputs_r[i].transpose(0, 2, 1), self.gWbT[i])
            if i:
                np.matmul(self.W[i], space.dz_r[i], space.da_r[i])
                space.kernels[i - 1][1](space.z[i - 1], space.a[i - 1], space.da[i],
                                        space.dz[i - 1])
        # diverged: a loss that is not finite or above DIVERGED_LOSS, or a gradient that is
        # not finite — checked at both ends of the backward chain (a NaN or ∞ anywhere in it
        # reaches the first layer's gradient, through the matmuls)
        if self.decay is not None:  # as Trainer: the penalty's gradient before the check
            np.multiply(self.P, self.decay, self.penalty)
            self.G += self.penalty
        ok = np.isfinite(loss) & (loss <= DIVERGED_LOSS)
        first, last = self.gW_ends
        ok &= np.isfinite(np.add.reduce(first, 1)) & np.isfinite(np.add.reduce(last, 1))
        if self.steps_done == 0:
            norms = np.sqrt(np.stack([(g * g).sum(axis=(1, 2)) for g in self.gWT], axis=1))
            self.start_ratio = norms[:, 0] / np.where(norms[:, -1] > 0, norms[:, -1], np.nan)
        if not ok.all() or not self.active.all():  # stopped runs take no more steps
            stopped = self.active & ~ok
            self.diverged |= stopped
            self.active &= ok
            self.G[~self.active] = 0.0
            self.V[stopped] = 0.0
        G = self.G
        G *= self.dtype.type(self.lr)
        if self.mu:  # v ← μ·v − γ·g,  θ ← θ + v
            self.V *= self.dtype.type(self.mu)
            self.V -= G
            self.P += self.V
        else:  # θ ← θ − γ·g
            self.P -= G
        self.steps_done += 1

    def accuracy(self, X, y):
        """Test accuracy of every run (the network's predictions: p ≥ 0.5 is class 1 for two
        classes, the most probable class for more)."""
        if not len(y):
            return np.full(self.R, np.nan)
        XT = with_ones(np.asarray(X, dtype=self.dtype).T)
        with np.errstate(all="ignore"):
            p = self.forward(np.broadcast_to(XT, (self.R,) + XT.shape)).a_r[-1]
        predicted = (p[:, 0, :] >= 0.5) if not self.softmax else p.argmax(axis=1)
        return (predicted == np.asarray(y).astype(np.intp)[None, :]).mean(axis=1)

    def params(self):
        """Per run, the parameters in the engine's order [W1, b1, W2, b2, ...]."""
        out = []
        for r in range(self.R):
            run = []
            for layer, cols, WT, b in zip(self.layers, self.columns, self.WT, self.b):
                back = np.argsort(cols)
                run.append(WT[r][back, :].T.reshape(layer.shapes[0]))
                run.append(b[r][back].reshape(layer.shapes[1]))
            out.append(run)
        return out


class Pass:
    """A stack's arrays for one batch size B, stored unit-major, (rows, R, B): every layer's
    z (width, R, B), its input [a; 1] (fan_in + 1, R, B) — the first layer's is the batch's
    own — whose first rows are the previous layer's a (units, R, B), the output's a, ∂L/∂z
    and ∂L/∂a of each layer's input (fan_in, R, B); and the activations' kernels with their
    constants of that shape.

    Unit-major, a layer's a is a contiguous block of its [a; 1] and the element-wise passes
    (the activations) run over whole contiguous arrays; the matmuls take them as (R, rows, B)
    views, the `_r` lists (each run's matrix with a row stride of R·B, no copy)."""

    def __init__(self, stack, B):
        R, dtype, layers = stack.R, stack.dtype, stack.layers
        self.z = [np.empty((layer.width, R, B), dtype=dtype) for layer in layers]
        self.inputs = [None] + [np.ones((layer.fan_in + 1, R, B), dtype=dtype)
                                for layer in layers[1:]]
        self.a = ([x[:-1] for x in self.inputs[1:]]
                  + [np.empty((layers[-1].units, R, B), dtype=dtype)])
        self.dz = [np.empty_like(z) for z in self.z]
        self.da = [np.empty((layer.fan_in, R, B), dtype=dtype) for layer in layers]
        self.kernels = [act.kernels(z.shape) for act, z in zip(stack.acts, self.z)]
        self.z_r, self.a_r, self.dz_r, self.da_r = (
            [x.transpose(1, 0, 2) for x in xs] for xs in (self.z, self.a, self.dz, self.da))
        self.inputs_r = [None] + [x.transpose(1, 0, 2) for x in self.inputs[1:]]
        self.loss = (np.empty((R, B), dtype=dtype), np.empty((R, B), dtype=dtype),
                     np.zeros((R, B), dtype=dtype))


def with_ones(XT):
    """[xᵀ; 1]: XT (inputs, n) with a row of ones under it, contiguous."""
    return np.ascontiguousarray(np.vstack([XT, np.ones((1, XT.shape[1]), dtype=XT.dtype)]))


# ---- the whole sweep ----------------------------------------------------------------------------
def blocks(config):
    """The stacks of the sweep: one per family of activations (FAMILIES), with every
    (activation, init, seed) of it: [(family, runs), ...]."""
    out = {}
    for activation in config.activations:
        out.setdefault(family(activation), []).extend(
            (activation, init, seed) for init in config.inits for seed in range(config.seeds))
    return list(out.items())


def chance_level(data):
    """The test accuracy of always answering the most common test class."""
    y = np.asarray(data.y_test).astype(np.intp)
    return float(np.bincount(y).max() / len(y)) if len(y) else 0.5


def cells_from_runs(config, runs, chance):
    """CellResults (init, activation) -> cell from the RunResults of finished blocks."""
    cells = {}
    for run in runs:
        cell = cells.setdefault((run.init, run.activation),
                                CellResult(run.init, run.activation, chance=chance))
        cell.runs.append(run)
    return cells


def sweep(config, progress=None, cancelled=None):
    """Train the whole grid here, block after block; progress(done, total, cells) after each
    block; cancelled() True returns at once with the cells finished so far."""
    config = config.validated()
    data = config.data()
    chance = chance_level(data)
    runs, todo = [], blocks(config)
    t0 = time.perf_counter()
    for k, (_, block) in enumerate(todo):
        if cancelled is not None and cancelled():
            break
        results, _ = train_stack(config, block, data)
        runs.extend(results)
        if progress is not None:
            progress(k + 1, len(todo), cells_from_runs(config, runs, chance))
    return SweepResult(config, cells_from_runs(config, runs, chance), chance,
                       time.perf_counter() - t0, complete=len(runs) == sum(
                           len(b) for _, b in todo))


def train_sequentially(config, runs, data=None):
    """The same runs [(activation, init, seed), ...], one after another, with the ordinary
    Trainer (the bench's baseline and the tests' reference): (test accuracies, final
    parameters per run)."""
    data = data or config.data()
    accuracies, params = [], []
    for activation, init, seed in runs:
        net = Network.from_spec(config.spec(init, activation, seed, data.classes),
                                data=data.X_train)
        trainer = Trainer(net, data, config.train_config(seed))
        trainer.run(config.steps)
        accuracies.append(trainer.evaluate().test_accuracy)
        params.append([p.copy() for p in net.params])
    return accuracies, params


@dataclass
class SweepResult:
    config: SweepConfig
    cells: dict  # (init, activation) -> CellResult
    chance: float
    seconds: float
    complete: bool = True
    error: str = ""  # why it stopped early, when it was not cancelled

    def rule_phrase(self):
        """When a seed and a cell count as converged, as a Phrase (the window translates it)."""
        return Phrase("A seed converged when it did not diverge and its test accuracy is above "
                      "chance ({chance:.0%}) + {margin:.0%}; a cell is n/c when fewer than "
                      "half of its seeds converged", chance=self.chance, margin=CONVERGED_MARGIN)

    def rule(self):
        return str(self.rule_phrase())

    def to_dict(self):
        c = self.config
        return {"settings": {k: getattr(c, k) for k in c.__dataclass_fields__},
                "rule": self.rule(), "chance": self.chance, "seconds": self.seconds,
                "complete": self.complete,
                "inits": list(c.inits), "activations": list(c.activations),
                "cells": [{**cell.to_dict(), "paper_agrees": self.agrees(*key)}
                          for key, cell in self.cells.items()],
                "paper_agreement": dict(zip(("agree", "of"), self.agreement()))}

    def agrees(self, init, activation):
        """Does this cell agree with the paper's (PAPER_TABLE): both n/c, or both converged?
        None where the paper has no such cell (or "–": not run) or the sweep has not run it."""
        paper = PAPER_TABLE.get(init, {}).get(activation, "–")
        cell = self.cells.get((init, activation))
        if paper == "–" or cell is None:
            return None
        return cell.not_converged == (paper is None)

    def agreement(self):
        """(cells that agree with the paper, cells both tables have)."""
        marks = [self.agrees(i, a) for i, a in self.cells]
        return sum(m is True for m in marks), sum(m is not None for m in marks)

    def cell_text(self, init, activation):
        cell = self.cells.get((init, activation))
        if cell is None:
            return ""
        if cell.not_converged:
            return "n/c"
        return f"{100 * cell.mean:.1f}"

    def csv(self):
        c = self.config
        lines = ["init," + ",".join(c.activations)]
        for init in c.inits:
            lines.append(init + "," + ",".join(self.cell_text(init, a) for a in c.activations))
        return "\n".join(lines) + "\n"

    def markdown(self):
        c = self.config
        lines = ["| init | " + " | ".join(c.activations) + " |",
                 "|---" * (len(c.activations) + 1) + "|"]
        for init in c.inits:
            lines.append(f"| {init} | " + " | ".join(self.cell_text(init, a) or " "
                                                    for a in c.activations) + " |")
        agree, of = self.agreement()
        return ("\n".join(lines) + f"\n\n{self.rule()}.\n"
                + f"Converged / n/c as in the paper's table: {agree} of {of} cells.\n")


def finite_or_none(v):
    return v if v is not None and math.isfinite(v) else None
