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

    The per-run constants are kept as arrays of the layer's full shape (runs, batch, units),
    one set per batch size: an operation between arrays of one shape runs as one flat loop,
    where a (runs, 1, 1) operand would make NumPy loop over rows of `units` numbers."""

    def __init__(self, layers, dtype):
        first = layers[0]
        self.units = first.units
        names = [layer.activation.name for layer in layers]
        self.kind = family(names[0]) if len(set(names)) > 1 or names[0] in FAMILIES else None
        self.activation, self.options = first.activation, first.options
        self.constants = {}
        if self.kind == "relu":
            slope = [layer.options.get("slope", 0.0) for layer in layers]
            self.constants["slope"] = np.array(slope, dtype=dtype)[:, None, None]
            self.constants["one_minus"] = 1 - self.constants["slope"]
        elif self.kind == "tanh":
            c = np.array([TANH_FORM[name] for name in names], dtype=dtype)
            c1, c2, c3 = (c[:, i, None, None] for i in range(3))
            # f(z) = c₂·tanh(c₁z) + c₃ = 2c₂·σ(2c₁z) + c₃ − c₂, σ(x) = 1/(1 + e⁻ˣ): an exp is
            # cheaper than a tanh; f′(z) = c₁c₂ − (c₁/c₂)·(f(z) − c₃)²
            self.constants.update(minus_2c1=-2 * c1, two_c2=2 * c2, c3_c2=c3 - c2,
                                  c3=c3, c1c2=c1 * c2, c1_c2=c1 / c2)
        self._full = {}  # shape -> {name: constant of that shape}

    def full(self, shape):
        """The constants as arrays of `shape`, made once a shape."""
        made = self._full.get(shape)
        if made is None:
            made = self._full[shape] = {k: np.ascontiguousarray(np.broadcast_to(v, shape))
                                        for k, v in self.constants.items()}
        return made

    def forward(self, z, out):
        if self.kind == "relu":  # max(s·z, z)
            c = self.full(z.shape)
            np.multiply(z, c["slope"], out=out)
            np.maximum(out, z, out=out)
        elif self.kind == "tanh":  # 2c₂ / (1 + e^(−2c₁z)) + c₃ − c₂
            c = self.full(z.shape)
            np.multiply(z, c["minus_2c1"], out=out)
            np.exp(out, out=out)
            out += 1.0
            np.divide(c["two_c2"], out, out=out)
            out += c["c3_c2"]
        elif self.activation.name == "maxout":  # pieces stored piece by piece (Stack)
            z4 = z.reshape(z.shape[0], -1, self.units, z.shape[2])
            np.maximum(z4[:, 0], z4[:, 1], out=out)
            for j in range(2, z4.shape[1]):
                np.maximum(out, z4[:, j], out=out)
        else:
            self.activation.forward(z, out, **self.options)
        return out

    def backward(self, z, a, da, out):
        """out = da · f′(z)."""
        if self.kind == "relu":  # 1 if z > 0 else s: s + (1 − s)·[z > 0]
            c = self.full(z.shape)
            np.greater(z, 0.0, out=out)
            np.multiply(out, c["one_minus"], out=out)
            np.add(out, c["slope"], out=out)
            np.multiply(out, da, out=out)
        elif self.kind == "tanh":  # c₁c₂ − (c₁/c₂)·(a − c₃)²
            c = self.full(z.shape)
            np.subtract(a, c["c3"], out=out)
            np.multiply(out, out, out=out)
            out *= c["c1_c2"]
            np.subtract(c["c1c2"], out, out=out)
            out *= da
        elif self.activation.name == "maxout":  # the gradient goes to the largest piece
            R, B = da.shape[0], da.shape[2]
            z4, out4 = z.reshape(R, -1, self.units, B), out.reshape(R, -1, self.units, B)
            np.equal(z4, a[:, None], out=out4)
            out4 *= da[:, None]
        else:
            self.activation.backward(z, a, da, out, **self.options)
        return out


def piece_major(layer):
    """The column order a stacked layer keeps: a maxout layer's (unit, piece) columns piece
    by piece; any other layer's as they are."""
    k = getattr(layer, "k", 1)
    return np.arange(layer.width).reshape(layer.units, k).T.ravel() if k > 1 \
        else np.arange(layer.width)


class Stack:
    """R networks of one shape as stacked arrays, each layer computed unit by example:
    zᵀ = Wᵀ·aᵀ + b, with Wᵀ (R, width, fan_in), aᵀ (R, fan_in, batch), zᵀ (R, width, batch).

    Laid out so, an example's values of one unit are contiguous: a bias adds along rows of a
    whole batch, and a maxout layer's pieces (its rows stored piece by piece) are contiguous
    blocks, so its max and its mask read whole blocks, not rows of `units` numbers.

    Every run's parameters lie in one row of a flat (R, total) array, the weights of every
    layer first, then the biases [W¹ … Wᴸ b¹ … bᴸ], and Wᵀ, b are views into it (the
    gradients likewise), so the momentum update and the weight decay of the whole stack are
    a handful of NumPy calls.

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
        shapes = ([(layer.width, layer.fan_in) for layer in self.layers]
                  + [(layer.width,) for layer in self.layers])
        self.n_weights = sum(layer.fan_in * layer.width for layer in self.layers)
        total = sum(math.prod(s) for s in shapes)
        self.P = np.empty((R, total), dtype=dtype)  # parameters, a row per run
        self.G = np.zeros_like(self.P)  # their gradients
        self.V = np.zeros_like(self.P)  # momentum's velocity
        P_views, G_views, start = [], [], 0
        for shape in shapes:
            end = start + math.prod(shape)
            P_views.append(self.P[:, start:end].reshape((R,) + shape))
            G_views.append(self.G[:, start:end].reshape((R,) + shape))
            start = end
        L = len(self.layers)
        self.WT, self.b = P_views[:L], P_views[L:]
        self.gWT, self.gb = G_views[:L], G_views[L:]
        for i, cols in enumerate(self.columns):
            self.WT[i][...] = np.stack([net.layers[i].W2[:, cols].T for net in nets])
            self.b[i][...] = np.stack([net.layers[i].b.reshape(-1)[cols] for net in nets])
        self.XT = np.ascontiguousarray(np.asarray(X, dtype=dtype).T)  # (inputs, n)
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
        self.decay = config.weight_decay  # the L2 penalty's λ: ∂L/∂W += λ·W (weights only)
        self.active = np.ones(R, dtype=bool)  # runs still training (not diverged)
        self.diverged = np.zeros(R, dtype=bool)
        self.start_ratio = np.full(R, np.nan)
        self.steps_done = 0
        self._ones = {}  # batch size -> (R, B, 1) ones
        self._spaces = {}  # batch size -> the forward pass's z and a arrays

    def _batch(self):
        """Each run's next minibatch, as Trainer._next_batch takes it (its own order), as
        (R, inputs, B) and (R, 1 or K, B)."""
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

    def forward(self, XT):
        """Every layer's zᵀ and aᵀ for per-run inputs XT (R, inputs, B), into arrays kept for
        each batch size (no allocation per step); the last aᵀ is the output p."""
        R, B = XT.shape[0], XT.shape[2]
        space = self._spaces.get(B)
        if space is None:
            space = self._spaces[B] = (
                [np.empty((R, layer.width, B), dtype=self.dtype) for layer in self.layers],
                [np.empty((R, layer.units, B), dtype=self.dtype) for layer in self.layers])
        zs, acts = [], [XT]
        a = XT
        for i, (WT, b, z, out) in enumerate(zip(self.WT, self.b, *space)):
            np.matmul(WT, a, out=z)
            z += b[:, :, None]
            if i < len(self.acts):
                self.acts[i].forward(z, out)
            else:  # softmax over the K units of each example: e^(z − m) / Σ e^(z − m)
                np.subtract(z, z.max(axis=1, keepdims=True), out=out)
                np.exp(out, out=out)
                out /= out.sum(axis=1, keepdims=True)
            zs.append(z)
            acts.append(out)
            a = out
        return zs, acts

    def train(self, steps):
        with np.errstate(all="ignore"):
            for _ in range(steps):
                self._step()

    def _step(self):
        Xb, yb = self._batch()
        zs, acts = self.forward(Xb)
        B = Xb.shape[2]
        z, p = zs[-1], acts[-1]
        if self.softmax:  # L = mean(logsumexp(z) − z_y), the loss of losses.cross_entropy
            m = z.max(axis=1, keepdims=True)
            loss = (m.sum(axis=(1, 2)) + np.log(np.exp(z - m).sum(axis=1)).sum(axis=1)
                    - (yb * z).sum(axis=(1, 2))) / B
        else:  # L = mean(log(1 + e^z) − y·z), losses.bce
            loss = (np.logaddexp(0.0, z).sum(axis=(1, 2)) - (yb * z).sum(axis=(1, 2))) / B
        dz = (p - yb) / B  # ∂L/∂z for both: (p − y) / n
        ones = self._ones.get(B)
        if ones is None:
            ones = self._ones[B] = np.ones((self.R, B, 1), dtype=self.dtype)
        gWT, gb = self.gWT, self.gb
        for i in range(len(self.layers) - 1, -1, -1):
            np.matmul(dz, acts[i].transpose(0, 2, 1), out=gWT[i])
            np.matmul(dz, ones, out=gb[i][:, :, None])  # Σ over the batch, as one BLAS call
            if i:
                da = np.matmul(self.WT[i].transpose(0, 2, 1), dz)
                dz = self.acts[i - 1].backward(zs[i - 1], acts[i], da,
                                               np.empty_like(zs[i - 1]))
        # diverged: a loss that is not finite or above DIVERGED_LOSS, or a gradient that is
        # not finite — checked at both ends of the backward chain (a NaN or ∞ anywhere in it
        # reaches the first layer's gradient, through the matmuls)
        if self.decay:  # as Trainer: the penalty's gradient before the check and the step
            weights = self.P[:, :self.n_weights]
            self.G[:, :self.n_weights] += self.decay * weights
        ok = np.isfinite(loss) & (loss <= DIVERGED_LOSS)
        ok &= np.isfinite(gWT[0].sum(axis=(1, 2))) & np.isfinite(gWT[-1].sum(axis=(1, 2)))
        if self.steps_done == 0:
            norms = np.sqrt(np.stack([(g * g).sum(axis=(1, 2)) for g in gWT], axis=1))
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
        XT = np.ascontiguousarray(np.asarray(X, dtype=self.dtype).T)
        with np.errstate(all="ignore"):
            _, acts = self.forward(np.broadcast_to(XT, (self.R,) + XT.shape))
        p = acts[-1]
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
