"""What a run does besides the plain step: dropout, a decaying learning rate, stop conditions.

All three are training settings (TrainConfig fields), so they change in place, are saved
with the run and can be set by a lesson file or the command line.

Dropout (Srivastava et al. 2014), per hidden layer l with a rate pˡ ∈ DROPOUT_RANGE:
    training:    ãˡ = fˡ(zˡ) · mˡ / (1 − pˡ),   mˡ ~ Bernoulli(1 − pˡ) per example and unit
    backward:    ∂L/∂aˡ = ∂L/∂ãˡ · mˡ / (1 − pˡ)    (the same mask)
    evaluation:  ãˡ = fˡ(zˡ)   (no mask: the loss, accuracy and pictures see the whole net)
"Inverted" dropout scales at training time, so the expected ãˡ equals aˡ and nothing
changes at test time. The masks come from a generator seeded by the run's seed (its own
stream, apart from the batch order), so a run is reproducible, and compare mode's second
run, which copies the first's generators, draws the same masks while its layers are as wide.

Learning-rate schedule, γₜ for the step from step t to t + 1 (γ the set learning rate):
    none   γₜ = γ
    step   γₜ = γ · factor^⌊t / every⌋     (e.g. halved every 1000 steps: factor 0.5)
    exp    γₜ = γ · factor^(t / every)     the same decay, smoothly: the two agree whenever
                                           t is a multiple of `every`

Stop conditions (any that are set; each stops the run once, see StopWatch):
    accuracy   the accuracy reaches stop_accuracy: on the test points when there are any,
               else on the training points
    plateau    the training loss (over the whole training set, no dropout) has not fallen
               by stop_min_delta below its best for stop_plateau steps
    steps      the run's step counter reaches stop_steps (a budget for the whole run)
Accuracy and plateau are checked on an evaluation every STOP_CHECK_EVERY steps (recorded in
the history like any other); the budget on every step.
"""

from __future__ import annotations

import math

import numpy as np

from .errors import XorlabError
from .spec import (
    DROPOUT_RANGE,
    LR_EVERY_RANGE,
    LR_FACTOR_RANGE,
    STOP_ACCURACY_RANGE,
    STOP_MIN_DELTA_RANGE,
    STOP_PLATEAU_RANGE,
    STOP_STEPS_RANGE,
)

LR_SCHEDULES = ("none", "step", "exp")
STOP_REASONS = ("accuracy", "plateau", "steps")
STOP_CHECK_EVERY = 10  # steps between the evaluations that accuracy and plateau look at
DROPOUT_STREAM = 1  # the mask generator's seed is (run seed, this): apart from the batches


def lr_at(config, step):
    """γₜ: the learning rate of the step that starts at step counter `step`."""
    kind = config.lr_schedule
    if kind == "none":
        return config.lr
    periods = step // config.lr_every if kind == "step" else step / config.lr_every
    return config.lr * config.lr_factor ** periods


class ScheduleError(XorlabError):
    """A dropout, schedule or stop setting out of range (TrainConfig.validated says it as a
    ConfigError)."""


def check_settings(config):
    """Check the dropout, schedule and stop fields of a TrainConfig (ScheduleError)."""
    rates = config.dropout
    if not isinstance(rates, tuple) or not all(_number(p) and DROPOUT_RANGE[0] <= p
                                               <= DROPOUT_RANGE[1] for p in rates):
        raise ScheduleError("dropout must be a list of rates, one a hidden layer, each from "
                            "{low:g} to {high:g}, got {value!r}", low=DROPOUT_RANGE[0],
                            high=DROPOUT_RANGE[1], value=rates)
    if config.lr_schedule not in LR_SCHEDULES:
        raise ScheduleError("unknown learning-rate schedule {value!r}; allowed: {allowed}",
                            value=config.lr_schedule, allowed=", ".join(LR_SCHEDULES))
    for name, bounds, whole, optional in (
            ("lr_factor", LR_FACTOR_RANGE, False, False),
            ("lr_every", LR_EVERY_RANGE, True, False),
            ("stop_accuracy", STOP_ACCURACY_RANGE, False, True),
            ("stop_plateau", STOP_PLATEAU_RANGE, True, True),
            ("stop_min_delta", STOP_MIN_DELTA_RANGE, False, False),
            ("stop_steps", STOP_STEPS_RANGE, True, True)):
        value = getattr(config, name)
        if optional and value is None:
            continue
        low, high = bounds
        ok = _number(value) and low <= value <= high
        if whole and not (ok and isinstance(value, (int, np.integer))):
            if optional:
                raise ScheduleError("{name} must be a whole number from {low} to {high}, or "
                                    "null (off), got {value!r}", name=name, low=low,
                                    high=high, value=value)
            raise ScheduleError("{name} must be a whole number from {low} to {high}, got "
                                "{value!r}", name=name, low=low, high=high, value=value)
        if not ok:
            if optional:
                raise ScheduleError("{name} must be a number from {low:g} to {high:g}, or "
                                    "null (off), got {value!r}", name=name, low=low,
                                    high=high, value=value)
            raise ScheduleError("{name} must be a number from {low:g} to {high:g}, got "
                                "{value!r}", name=name, low=low, high=high, value=value)


def _number(v):
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) \
        and math.isfinite(v)


def has_stops(config):
    return any(v is not None for v in (config.stop_accuracy, config.stop_plateau,
                                       config.stop_steps))


def stop_key(config):
    """The stop settings: when they change, every condition is armed again."""
    return (config.stop_accuracy, config.stop_plateau, config.stop_min_delta,
            config.stop_steps)


class StopWatch:
    """Which stop condition has been met. Each fires once: pressing Play (or running on)
    after a stop trains on until another fires; new stop settings arm all of them again."""

    def __init__(self, step=0):
        self.spent = set()
        self.best_loss = math.inf
        self.best_step = step

    def over_budget(self, config, step):
        return (config.stop_steps is not None and "steps" not in self.spent
                and step >= config.stop_steps)

    def after_evaluation(self, config, metrics):
        """The condition an evaluation (engine.training.Metrics) meets, or None."""
        target = config.stop_accuracy
        if target is not None and "accuracy" not in self.spent:
            accuracy = accuracy_watched(metrics)
            if accuracy is not None and accuracy >= target:
                return "accuracy"
        if config.stop_plateau is not None and "plateau" not in self.spent:
            loss = metrics.train_loss
            if loss < self.best_loss - config.stop_min_delta:
                self.best_loss, self.best_step = loss, metrics.step
            elif metrics.step - self.best_step >= config.stop_plateau:
                return "plateau"
        return None


def accuracy_watched(metrics):
    """The accuracy the accuracy stop looks at: the test points' when there are any."""
    return metrics.train_accuracy if metrics.test_accuracy is None else metrics.test_accuracy


def mask_generator(seed):
    return np.random.default_rng((seed, DROPOUT_STREAM))


def draw_masks(rng, rates, widths, n):
    """Scaled dropout masks m/(1 − p), (n, units) each, for the hidden layers whose rate is
    above 0 (None for the others and for the output layer), and each hidden layer's
    dropped units for the batch's first example (bool (units,): what the diagram greys)."""
    masks, dropped = [], []
    for i, units in enumerate(widths):
        p = rates[i] if i < len(rates) else 0.0
        if p <= 0.0 or i == len(widths) - 1:
            masks.append(None)
            if i < len(widths) - 1:
                dropped.append(np.zeros(units, dtype=bool))
            continue
        kept = rng.random((n, units)) >= p
        masks.append(kept / (1.0 - p))
        dropped.append(~kept[0])
    return masks, dropped
