"""Training: minibatch gradient descent with a record of every step.

One step: take a batch, forward, loss, backward (grads), record the loss and the
per-layer gradient norms ‖∂L/∂Wˡ‖₂, then update θ ← optimizer(θ, ∂L/∂θ).

Dropout, a decaying learning rate and stop conditions are settings too (schedule.py): a stop
ends `run` early and says why in `stopped_because` ("accuracy", "plateau" or "steps").

A step whose loss or gradient is not finite, or whose loss exceeds DIVERGED_LOSS, stops
training: `diverged_at` holds that step (the first one that failed; the weights are those
after the step before it), `diverged_because` what tripped ("nan", "inf" or "large": a
finite loss above DIVERGED_LOSS), and nothing is raised. The epoch counts finished passes
over the training set, so it never runs ahead of the steps that were taken.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace

import numpy as np

from .errors import XorlabError
from .history import History
from .losses import LOSSES, get_loss
from .network import Network, add_penalty
from .optimizers import OPTIMIZERS, make_optimizer
from .schedule import (
    STOP_CHECK_EVERY,
    ScheduleError,
    StopWatch,
    check_settings,
    draw_masks,
    lr_at,
    mask_generator,
    stop_key,
)
from .spec import LR_RANGE, MOMENTUM_RANGE, PENALTY_RANGE, SEED_MAX, is_finite_number

# A mean loss above this counts as diverged although it is still a finite number: cross-
# entropy from the logit grows like |z|, so 1e6 means logits of about a million on average
# (ELU at lr 1e12 reached 5e142). The mean squared error never exceeds 1.
DIVERGED_LOSS = 1e6


class ConfigError(XorlabError):
    """A training setting out of range; the message says what is allowed."""


@dataclass(frozen=True)
class TrainConfig:
    loss: str = "bce"
    optimizer: str = "sgd"
    lr: float = 0.1
    batch_size: int | None = None  # None (or ≥ n) = full batch
    momentum: float = 0.9
    l1: float = 0.0
    l2: float = 0.0
    seed: int = 0  # shuffling order
    eval_every: int = 100  # steps between train/test evaluations; 0 = never
    # dropout, learning-rate schedule and stop conditions (schedule.py; None: off)
    dropout: tuple = ()  # rate p of hidden layer 1, 2, ...; layers past the end: none
    lr_schedule: str = "none"  # "none", "step" or "exp"
    lr_factor: float = 0.5  # γ is multiplied by this every lr_every steps
    lr_every: int = 1000
    stop_accuracy: float | None = None  # stop when the (test, else train) accuracy ≥ this
    stop_plateau: int | None = None  # ... when the loss has not improved for this many steps
    stop_min_delta: float = 1e-4  # ... by at least this much
    stop_steps: int | None = None  # ... when the step counter reaches this

    def validated(self):
        if self.loss not in LOSSES:
            raise ConfigError("unknown loss {loss!r}; allowed: {allowed}", loss=self.loss,
                              allowed=', '.join(LOSSES))
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError("unknown optimizer {optimizer!r}; allowed: {allowed}",
                              optimizer=self.optimizer, allowed=', '.join(OPTIMIZERS))
        if not _finite(self.lr) or not LR_RANGE[0] <= self.lr <= LR_RANGE[1]:
            raise ConfigError("learning rate must be a number from {low:g} to {high:g}, got {lr!r}",
                              low=LR_RANGE[0], high=LR_RANGE[1], lr=self.lr)
        if self.batch_size is not None and (not _whole(self.batch_size) or self.batch_size < 1):
            raise ConfigError("batch size must be a whole number >= 1, got {batch_size!r}",
                              batch_size=self.batch_size)
        if not _finite(self.momentum) or not \
                MOMENTUM_RANGE[0] <= self.momentum <= MOMENTUM_RANGE[1]:
            raise ConfigError("momentum must be a number from {low:g} to {high:g}, got "
                              "{momentum!r}", low=MOMENTUM_RANGE[0], high=MOMENTUM_RANGE[1],
                              momentum=self.momentum)
        for name in ("l1", "l2"):
            v = getattr(self, name)
            if not _finite(v) or not PENALTY_RANGE[0] <= v <= PENALTY_RANGE[1]:
                raise ConfigError("{name} strength must be a number from {low:g} to {high:g}, got "
                                  "{v!r}", name=name, low=PENALTY_RANGE[0], high=PENALTY_RANGE[1],
                                  v=v)
        if not _whole(self.seed) or not 0 <= self.seed <= SEED_MAX:
            raise ConfigError("seed must be a whole number from 0 to {limit}, got {seed!r}",
                              limit=SEED_MAX, seed=self.seed)
        if not _whole(self.eval_every) or self.eval_every < 0:
            raise ConfigError("eval_every must be a whole number >= 0, got {eval_every!r}",
                              eval_every=self.eval_every)
        try:
            check_settings(self)
        except ScheduleError as e:
            raise ConfigError(e.template, **e.params) from None
        return self

    def to_dict(self):
        d = asdict(self)
        d["dropout"] = list(self.dropout)
        return d

    @classmethod
    def from_dict(cls, d):
        """A validated TrainConfig from plain values; settings a file of an older xorlab
        lacks (dropout, schedule, stops) are off."""
        names = {f.name for f in fields(cls)}
        unknown = set(d) - names
        if unknown:
            raise ConfigError("unknown training setting(s) {unknown}; allowed: {allowed}",
                              unknown=sorted(unknown), allowed=sorted(names))
        if isinstance(d.get("dropout"), list):
            d = {**d, "dropout": tuple(d["dropout"])}
        return cls(**d).validated()


def diverged_because(value):
    """What tripped the divergence test: "nan", "inf", or "large" (finite, but above
    DIVERGED_LOSS)."""
    return "nan" if math.isnan(value) else "inf" if math.isinf(value) else "large"


def _finite(v):
    return isinstance(v, (np.floating, np.integer)) and math.isfinite(v) \
        or is_finite_number(v)


def _sane(loss):
    return math.isfinite(loss) and loss <= DIVERGED_LOSS


def _whole(v):
    return isinstance(v, (int, np.integer)) and not isinstance(v, bool)


@dataclass(frozen=True)
class Metrics:
    step: int
    train_loss: float
    train_accuracy: float
    test_loss: float | None  # None when there is no test set
    test_accuracy: float | None


def evaluate(net, X, y, loss="bce"):
    """(mean loss, accuracy) of the network on the points X (n, 2) (or images) with labels
    y; accuracy counts the predicted labels (Network.predictions: p ≥ 0.5 for two classes,
    the most probable class for more) equal to y."""
    if len(y) == 0:
        return None, None
    return _evaluate_inputs(net, net.inputs_of(X), y, loss)


def _evaluate_inputs(net, X, y, loss):
    """`evaluate` of the network's inputs a⁰ = φ(points)."""
    y = np.asarray(y, dtype=float).reshape(-1)
    ws = net.workspace(len(y))
    p = net._forward(X, ws)
    value = get_loss(loss, net.classes)(ws.z[-1], p, net.targets(y), np.empty_like(p), ws.tmp)
    accuracy = float(np.mean(net.predictions(p) == y))
    return value, accuracy


class Trainer:
    """Owns a network, a dataset and an optimizer; `run(k)` trains k steps."""

    def __init__(self, net: Network, data, config: TrainConfig = TrainConfig(),
                 history_capacity=8192):
        self.net = net
        self.data = data
        self.config = config.validated()
        # a⁰ = φ(X) of the training and test points, computed once (features.py)
        self.X = net.inputs_of(data.X_train)
        self._X_test = net.inputs_of(data.X_test)
        self.y = net.targets(data.y_train)  # (n, 1) of 0 / 1, or (n, K) one-hot
        if self.X.shape[0] == 0:
            raise ConfigError("the training set is empty")
        try:
            self.loss_fn = get_loss(config.loss, net.classes)
        except XorlabError as e:  # mse with K ≥ 3 classes
            raise ConfigError(e.template, **e.params) from None
        L = net.n_weight_layers
        self.step = 0
        self.epoch = 0
        self.diverged_at = None
        self.diverged_because = None  # "nan", "inf" or "large" (a loss above DIVERGED_LOSS)
        self.last_loss = math.nan
        self.last_grad_norms = np.zeros(L)
        self.last_metrics = None
        self.stopped_because = None  # "accuracy", "plateau" or "steps": why run() stopped
        self.stopped_at = None
        self.last_dropped = []  # per hidden layer: units dropped for the last batch's first
        self._stops = StopWatch()  # example (bool (units,)); empty before a dropout step
        self._check_dropout(config)
        self._masks_rng = mask_generator(config.seed)
        # per-step records: ring buffers the size of one run() chunk, then a bounded history
        self.step_history = History(["loss"] + [f"grad_norm_{i + 1}" for i in range(L)],
                                    history_capacity)
        self.eval_history = History(["train_loss", "train_accuracy", "test_loss",
                                     "test_accuracy"], history_capacity)
        self._log = np.empty((0, L + 2))
        self._sq = np.empty_like(net.flat)
        self._last_good = net.flat.copy()
        self._rng = np.random.default_rng(config.seed)
        self._order = np.arange(self.n_train)
        self._cursor = self.n_train  # forces a shuffle at the first minibatch step
        self._X_epoch = np.empty_like(self.X)
        self._y_epoch = np.empty_like(self.y)
        self.optimizer = make_optimizer(config.optimizer, net.n_params,
                                        **self._optimizer_options(config))

    @property
    def n_train(self):
        return self.X.shape[0]

    @property
    def diverged(self):
        return self.diverged_at is not None

    @property
    def batch_size(self):
        b = self.config.batch_size
        return self.n_train if b is None else min(b, self.n_train)

    @property
    def steps_per_epoch(self):
        return math.ceil(self.n_train / self.batch_size)

    @staticmethod
    def _optimizer_options(config):
        return {"momentum": config.momentum} if config.optimizer == "momentum" else {}

    def set_config(self, **changes):
        """Change hyper-parameters (lr, optimizer, batch size, l1, l2, momentum, eval_every)
        without touching the weights or the step count. A new optimizer starts fresh state;
        a new μ for the momentum optimizer keeps its velocity."""
        if "loss" in changes or "seed" in changes:
            raise ConfigError("loss and seed are structural: build a new Trainer")
        new = replace(self.config, **changes).validated()
        self._check_dropout(new)
        if stop_key(new) != stop_key(self.config):
            self._stops = StopWatch(self.step)
        if new.optimizer != self.config.optimizer:
            self.optimizer = make_optimizer(new.optimizer, self.net.n_params,
                                            **self._optimizer_options(new))
        elif new.optimizer == "momentum":
            self.optimizer.mu = new.momentum
        self.config = new

    def _check_dropout(self, config):
        hidden = self.net.n_weight_layers - 1
        if len(config.dropout) > hidden:
            raise ConfigError("dropout gives {count} rates but the network has {hidden} hidden "
                              "layer(s)", count=len(config.dropout), hidden=hidden)

    @property
    def current_lr(self):
        """γ of the next step, after the schedule (schedule.lr_at)."""
        return lr_at(self.config, self.step)

    # ---- batches -------------------------------------------------------------------------
    def _next_batch(self):
        """Full batch, or the next slice of a shuffled epoch (reshuffled every epoch).

        Each epoch copies the training set once in shuffled order; its minibatches are then
        consecutive rows, taken as views without copying."""
        n, b = self.n_train, self.batch_size
        if b >= n:
            self._cursor = n  # every batch ends a pass
            return self.X, self.y
        if self._cursor >= n:
            self._rng.shuffle(self._order)
            np.take(self.X, self._order, axis=0, out=self._X_epoch)
            np.take(self.y, self._order, axis=0, out=self._y_epoch)
            self._cursor = 0
        start = self._cursor
        self._cursor = min(start + b, n)
        return self._X_epoch[start: self._cursor], self._y_epoch[start: self._cursor]

    # ---- the loop --------------------------------------------------------------------------
    def run(self, steps):
        """Train up to `steps` steps; returns how many were done (fewer if it diverged or
        a stop condition was met: then `stopped_because` says which, until the next run).

        The loss and per-layer gradient norms of those steps are in `self.step_history`.
        """
        self.stopped_because = self.stopped_at = None
        if self.diverged_at is not None or steps <= 0:
            return 0
        if self._stops.over_budget(self.config, self.step):
            self._stop("steps")
            return 0
        with np.errstate(all="ignore"):  # overflow is detected and reported, not warned about
            return self._run(steps)

    def _run(self, steps):
        net, cfg = self.net, self.config
        L = net.n_weight_layers
        if self._log.shape[0] < steps:
            # one row per step: loss, ‖∂L/∂W¹‖² … ‖∂L/∂Wᴸ‖², Σ over all biases of (∂L/∂b)²
            self._log = np.empty((steps, L + 2))
        log, sq = self._log, self._sq
        theta, grad, starts = net.flat, net.grad_flat, net.segment_starts
        nw = net.n_weights
        loss_fn, update, lr = self.loss_fn, self.optimizer.update, cfg.lr
        l1, l2 = cfg.l1, cfg.l2
        eval_every = cfg.eval_every
        last_good = self._last_good
        n_train = self.n_train
        scheduled = cfg.lr_schedule != "none"
        dropout = any(cfg.dropout)
        widths = [layer.units for layer in net.layers]
        check_every = STOP_CHECK_EVERY if cfg.stop_accuracy is not None \
            or cfg.stop_plateau is not None else 0
        budget = cfg.stop_steps if "steps" not in self._stops.spent else None
        if budget is not None:
            steps = min(steps, budget - self.step)
        masks = None
        done = 0
        while done < steps:
            Xb, yb = self._next_batch()
            if dropout:
                masks, self.last_dropped = draw_masks(self._masks_rng, cfg.dropout, widths,
                                                      len(Xb))
            loss = net.train_pass(Xb, yb, loss_fn, masks)
            if l1 or l2:
                add_penalty(theta[:nw], grad[:nw], l1, l2)
            row = log[done]
            row[0] = loss
            np.multiply(grad, grad, sq)
            np.add.reduceat(sq, starts, out=row[1:])  # squared norms per layer, one reduction
            if not math.isfinite(row.sum()) or loss > DIVERGED_LOSS:  # NaN, ∞ or absurd
                self._diverge(loss, row.sum())
                break
            np.copyto(last_good, theta)
            update(theta, grad, lr_at(cfg, self.step) if scheduled else lr)
            done += 1
            self.step += 1
            if self._cursor >= n_train:  # this step's batch ended a pass over the data
                self.epoch += 1
            evaluated = eval_every and self.step % eval_every == 0
            checked = check_every and self.step % check_every == 0
            if evaluated or checked:
                metrics = self.evaluate()
                if self.diverged_at is not None:
                    break
                reason = checked and self._stops.after_evaluation(cfg, metrics)
                if reason:
                    self._stop(reason)
                    break
        if budget is not None and self.step >= budget and self.stopped_because is None:
            self._stop("steps")
        if done:
            records = log[:done, : L + 1]
            np.sqrt(records[:, 1:], out=records[:, 1:])  # squared norms -> norms
            self.step_history.extend(np.arange(self.step - done + 1, self.step + 1), records)
            self.last_loss = float(records[-1, 0])
            self.last_grad_norms = records[-1, 1:].copy()
        return done

    def _stop(self, reason):
        self._stops.spent.add(reason)
        self.stopped_because, self.stopped_at = reason, self.step

    def _diverge(self, loss, record=None):
        """Stop at this step; keep finite weights only. `record`: what else was tested with
        the loss (its sum with the squared gradient norms, or the test loss), which tripped
        the test when the loss itself is sane."""
        self.diverged_at = self.step + 1
        tripped = loss if record is None or not _sane(loss) else record
        self.diverged_because = diverged_because(tripped)
        self.last_loss = loss
        if not np.isfinite(self.net.flat).all():
            self.net.flat[...] = self._last_good

    def evaluate(self):
        """Train/test loss and accuracy on the whole sets; appended to `eval_history`."""
        d, loss = self.data, self.config.loss
        with np.errstate(all="ignore"):
            train_loss, train_acc = _evaluate_inputs(self.net, self.X, d.y_train, loss)
            test_loss, test_acc = (None, None) if len(d.y_test) == 0 else \
                _evaluate_inputs(self.net, self._X_test, d.y_test, loss)
        m = Metrics(self.step, train_loss, train_acc, test_loss, test_acc)
        if not (_sane(train_loss) and (test_loss is None or _sane(test_loss))):
            if self.diverged_at is None:
                self._diverge(train_loss, record=test_loss)
        row = [train_loss, train_acc,
               math.nan if test_loss is None else test_loss,
               math.nan if test_acc is None else test_acc]
        self.eval_history.append(self.step, row)
        self.last_metrics = m
        return m

    def follow_batches(self, other):
        """Take the step counters and the minibatch order of `other`, a Trainer on the same
        data with the same batch size: from here on both see the same batches (compare
        mode's lockstep). The two may differ in their input features: this one takes the
        same rows of its own inputs."""
        if other.n_train != self.n_train or other.batch_size != self.batch_size:
            raise ConfigError("only a trainer on the same data and batch size can follow")
        self.step, self.epoch = other.step, other.epoch
        self._rng.bit_generator.state = other._rng.bit_generator.state
        self._masks_rng.bit_generator.state = other._masks_rng.bit_generator.state
        self._order[...] = other._order
        self._cursor = other._cursor
        np.take(self.X, self._order, axis=0, out=self._X_epoch)
        np.copyto(self._y_epoch, other._y_epoch)

    def batch_fingerprint(self):
        """A number that is equal for two trainers exactly when their next minibatches are
        the same rows (the order of this epoch, and where in it the next batch starts)."""
        return hash((self._order.tobytes(), self._cursor, self.batch_size))

    def resume(self, step, epoch, step_rows=None, eval_rows=None):
        """Continue a saved run: the step and epoch counters and the recorded history
        (step_rows: (steps, values) as in `step_history`; eval_rows likewise)."""
        self.step, self.epoch = int(step), int(epoch)
        for history, rows in ((self.step_history, step_rows), (self.eval_history, eval_rows)):
            if rows is not None and len(rows[0]):
                steps, values = rows
                history.extend(np.asarray(steps, dtype=np.int64),
                               np.asarray(values, dtype=float).reshape(len(steps), -1))
        if len(self.step_history):
            self.last_loss = float(self.step_history.values[-1, 0])
            self.last_grad_norms = self.step_history.values[-1, 1:].copy()

    def summary(self):
        """A plain dict of where training stands (the CLI's --json output)."""
        m = self.last_metrics if (self.last_metrics and self.last_metrics.step == self.step) \
            else self.evaluate()
        return {
            "train_loss": m.train_loss, "test_loss": m.test_loss,
            "train_accuracy": m.train_accuracy, "test_accuracy": m.test_accuracy,
            "steps": self.step, "epochs": self.epoch,
            "grad_norms": [float(g) for g in self.last_grad_norms],
            "diverged": self.diverged, "diverged_at": self.diverged_at,
            "diverged_because": self.diverged_because,
            "lr": self.current_lr, "stopped_because": self.stopped_because,
            "stopped_at": self.stopped_at,
        }
