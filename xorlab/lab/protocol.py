"""The commands the window sends to the training loop: one small class each (no Qt here).

Each command checks its own fields when it is made, so a wrong command fails where it is
sent, with a traceback in the window's code, not later inside the engine process. The loop
takes them in order between slices of training (`TrainingLoop.handle`).

    Rebuild(session, generation, weights=None, run=None)   new network from the session
    SetHyper(changes)                                       learning rate, optimizer, ...
    Play()  Pause()                                         train / stop
    Step(count)                                             `count` steps (0: one epoch)
    SetSpeed(steps_per_update)                              0: as fast as possible
    SetView(view)                                           the picture: None or (layer, unit)
    SetWeight(layer, row, column, value)                    edit one weight of the network
    SetCompare(compare)                                     the second run: on, off, varied
    Shutdown()                                              end the loop
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..engine import Network
from .compare import Compare
from .session import HYPER_KEYS, Session

MAX_WEIGHT = 1e6  # a weight typed in by hand: at most this far from 0


class ProtocolError(TypeError):
    """A command with fields of the wrong kind: a bug in the sender."""


@dataclass(frozen=True)
class SavedRun:
    """Where a saved run stood: its step and epoch counters and its recorded history."""

    step: int
    epoch: int
    steps: np.ndarray  # (m,) steps of the per-step records
    values: np.ndarray  # (m, 1 + L) loss and ‖∂L/∂Wˡ‖ per record
    eval_steps: np.ndarray  # (k,)
    eval_values: np.ndarray  # (k, 4) train loss, train accuracy, test loss, test accuracy

    def __post_init__(self):
        _need(isinstance(self.step, int) and self.step >= 0, "step: a whole number >= 0")
        _need(isinstance(self.epoch, int) and self.epoch >= 0, "epoch: a whole number >= 0")
        _need(len(self.steps) == len(self.values) and len(self.eval_steps) ==
              len(self.eval_values), "history: as many steps as rows")


def run_of(snapshot):
    """(flat weights, SavedRun) of where a snapshot's run stood, for a Rebuild that continues
    it (an engine replacing a dead one); None when the snapshot has no finite network."""
    if snapshot is None or snapshot.spec is None or not snapshot.weights:
        return None
    net = Network(snapshot.spec)
    for target, weights in zip(net.params, snapshot.weights, strict=True):
        target[...] = weights
    if not np.isfinite(net.flat).all():
        return None
    return net.flat.copy(), SavedRun(
        step=int(snapshot.step), epoch=int(snapshot.epoch), steps=snapshot.step_steps,
        values=np.column_stack([snapshot.step_loss, snapshot.step_grad_norms]),
        eval_steps=snapshot.eval_steps, eval_values=snapshot.eval_values)


@dataclass(frozen=True)
class Rebuild:
    session: Session
    generation: int  # numbers the rebuilds; the snapshots of this network carry it
    weights: np.ndarray | None = None  # flat parameter vector to start from (an opened file)
    run: SavedRun | None = None  # the step and history to continue from (an opened file)

    def __post_init__(self):
        _need(isinstance(self.session, Session), "session: a Session")
        _need(isinstance(self.generation, int), "generation: an int")
        if self.weights is not None:
            _need(isinstance(self.weights, np.ndarray) and self.weights.ndim == 1
                  and np.isfinite(self.weights).all(), "weights: a finite 1-D array")
        _need(self.run is None or isinstance(self.run, SavedRun), "run: a SavedRun")


@dataclass(frozen=True)
class SetHyper:
    changes: dict

    def __post_init__(self):
        _need(isinstance(self.changes, dict) and set(self.changes) <= set(HYPER_KEYS),
              f"changes: a dict with keys from {HYPER_KEYS}")
        replace(Session().training, **self.changes).validated()  # ConfigError if out of range


@dataclass(frozen=True)
class Play:
    pass


@dataclass(frozen=True)
class Pause:
    pass


@dataclass(frozen=True)
class Step:
    count: int = 1  # 0: one epoch

    def __post_init__(self):
        _need(_whole(self.count) and self.count >= 0, "count: a whole number >= 0")


@dataclass(frozen=True)
class SetSpeed:
    steps_per_update: int  # 0: as fast as possible

    def __post_init__(self):
        _need(_whole(self.steps_per_update) and self.steps_per_update >= 0,
              "steps_per_update: a whole number >= 0")


@dataclass(frozen=True)
class SetView:
    view: tuple | None  # None: the output; (layer, unit): a hidden neuron, 0-based

    def __post_init__(self):
        _need(self.view is None or (isinstance(self.view, tuple) and len(self.view) == 2
                                    and all(_whole(v) and v >= 0 for v in self.view)),
              "view: None or (layer, unit)")


@dataclass(frozen=True)
class SetWeight:
    layer: int  # weight layer, 0-based (its W is params[2·layer])
    row: int  # the input unit
    column: int  # the unit of this layer
    value: float

    def __post_init__(self):
        _need(all(_whole(v) and v >= 0 for v in (self.layer, self.row, self.column)),
              "layer, row, column: whole numbers >= 0")
        _need(isinstance(self.value, (int, float)) and not isinstance(self.value, bool)
              and abs(self.value) <= MAX_WEIGHT, f"value: a number within ±{MAX_WEIGHT:g}")


@dataclass(frozen=True)
class SetCompare:
    compare: Compare

    def __post_init__(self):
        _need(isinstance(self.compare, Compare), "compare: a lab.compare.Compare")


@dataclass(frozen=True)
class Shutdown:
    pass


COMMANDS = (Rebuild, SetHyper, Play, Pause, Step, SetSpeed, SetView, SetWeight, SetCompare,
            Shutdown)


def _whole(v):
    return isinstance(v, (int, np.integer)) and not isinstance(v, bool)


def _need(condition, what):
    if not condition:
        raise ProtocolError(f"bad command field: {what}")
