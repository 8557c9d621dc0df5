"""The training loop: owns the engine Trainer, turns commands into training and training into
Snapshots. No Qt here; it runs in the engine process (or, as a fallback, a thread).

    window ──commands (protocol.py)──▶  serve(): a TrainingLoop owns the Trainer
    window ◀──Snapshots (~30 a second)──

`serve(commands, snapshots)` reads commands from one connection and sends snapshots on the
other; runner.py starts it in a process (multiprocessing pipes) or a thread (in-process
pipes with the same methods). Commands are handled in order between slices of about
SLICE_SECONDS of training, so a command never waits long, and a long Step is trained slice
by slice too.
"""

from __future__ import annotations

import math
import os
import sys
import time
import traceback
from dataclasses import replace

import numpy as np

from ..engine import ConfigError, DatasetError, Network, SpecError, Trainer
from ..engine.errors import XorlabError
from ..engine.history import thin
from ..engine.network import add_penalty
from ..engine.schedule import accuracy_watched
from ..engine.training import DIVERGED_LOSS, Metrics, evaluate
from .classes import class_report, decision_picture, sample_answers, sample_indices
from .compare import run_label
from .messages import message
from .pictures import grid_resolution, picture_cost, saturation
from .protocol import (
    Pause,
    Play,
    Rebuild,
    SetCompare,
    SetHyper,
    SetSpeed,
    SetView,
    SetWeight,
    Shutdown,
    Step,
)
from .snapshot import Snapshot, frozen, without_points

PUBLISH_INTERVAL = 1.0 / 31  # seconds between snapshots while running: ~30 a second, with
# a little margin so that a late slice still leaves 30 frames a second
SLICE_SECONDS = 0.004  # training time between two looks at the commands
SNAPSHOT_SHARE_LIMIT = 5  # publish no more often than every 5× the time a snapshot takes
ENGINE_NICENESS = 10  # the engine process runs at a lower priority than the window: when the
# scheduler puts both on one core, a frame is not stretched to twice its time
MAX_CHUNK = 1 << 16
SATURATION_EVERY = 6  # snapshots between two saturation histograms while training runs
PICTURE_EVERY = 2  # ... between two decision pictures of a deep network (of any network in
# a thread engine, where the picture's time is taken from training, not from another core)
DEEP_PICTURE_COST = 4000  # multiply-adds a grid point: above it, a network counts as deep


class TrainingLoop:
    """Owns the engine Trainer; turns commands into training and training into Snapshots.
    `in_thread`: the loop runs in a thread of the window's process (runner.EngineThread)."""

    def __init__(self, in_thread=False):
        self.in_thread = in_thread
        self.session = None
        self.trainer = None
        self.twin = None  # compare mode: the second run's Trainer, in lockstep with the first
        self.twin_session = None
        self.problem = None  # a messages.Message for the window, or None
        self.running = False
        self.pending_steps = 0  # steps a Step command still asks for
        self.steps_per_update = 0  # 0 = as fast as possible
        self.view = None  # None: the output; (layer, unit): that hidden neuron
        self.generation = 0
        self.data_generation = 0
        self.publish_requested = False  # a command changed what the window shows
        self._data_key = None
        self._data = None
        self._chunk = 16
        self._next_publish = 0.0
        self._next_update = 0.0
        self._rate_window = []  # (time, step) pairs of the last second
        self._snapshots_made = 0
        self._saturation_cache = {}  # id(trainer) -> (snapshot number, histograms)
        self._picture_cache = {}  # (id(trainer), view) -> (snapshot number, picture)
        self._classes_cache = {}  # id(trainer) -> (snapshot number, class report fields)
        self._without_gradient = set()  # id(trainer) of runs whose grads hold none yet

    # ---- commands ----------------------------------------------------------------------
    def handle(self, command):
        """Carry out one command; False for Shutdown."""
        match command:
            case Rebuild():
                self.rebuild(command)
            case SetHyper(changes=changes):
                self.set_hyper(changes)
            case Play():
                self.play()
            case Pause():
                self.pause()
            case Step(count=count):
                self.step(count)
            case SetSpeed(steps_per_update=n):
                self.set_speed(n)
            case SetView(view=view):
                self.set_view(view)
            case SetWeight(layer=layer, row=row, column=column, value=value):
                self.set_weight(layer, row, column, value)
            case SetCompare(compare=compare):
                self.set_compare(compare)
            case Shutdown():
                return False
            case _:
                raise TypeError(f"not a command: {command!r}")
        return True

    def rebuild(self, command: Rebuild):
        """Build data, network and trainer from the session (step 0, or where a saved run
        stood); keep running or not."""
        session = self.session = command.session
        self.generation = command.generation
        self.view = session.view
        self.trainer, self.problem, self._data = None, None, None
        self.pending_steps = 0
        try:
            data_key = repr(session.data)
            data = session.dataset()
            if data_key != self._data_key:  # numbered by the window's rebuilds, so a new
                self._data_key = data_key  # engine never reuses a number the plot has seen
                self.data_generation = command.generation
            self._data = data
            if data.n_train == 0:
                raise _Problem(message("no_points"))
            if len(np.unique(data.y_train)) < 2:
                raise _Problem(message("one_class"))
            net = Network.from_spec(session.network_spec(), data=data.X_train)
            if command.weights is not None:
                net.flat[...] = command.weights.reshape(net.flat.shape)
            self.trainer = Trainer(net, data, session.train_config())
            self._without_gradient = {id(self.trainer)}
            if command.run is not None:
                run = command.run
                self.trainer.resume(run.step, run.epoch, (run.steps, run.values),
                                    (run.eval_steps, run.eval_values))
                if len(run.eval_steps) and run.eval_steps[-1] == run.step:  # evaluated there:
                    self.trainer.last_metrics = metrics_now(self.trainer)  # not a second row
            self.twin = self.twin_session = None
            self._build_twin()
        except _Problem as p:
            self.trainer, self.problem, self.running = None, p.message, False
        except (DatasetError, SpecError, ConfigError, ValueError) as e:
            self.trainer, self.running = None, False
            self.problem = message("bad_session", detail=_detail(e))
            if self._data is None:  # no data at all: the plot must drop the old points
                self._data_key = None
                self.data_generation = command.generation
        self._rate_window.clear()
        self._saturation_cache.clear()
        self._picture_cache.clear()
        self._classes_cache.clear()
        self._chunk = 16
        self.publish_requested = True

    def set_hyper(self, changes: dict):
        if self.session is None:
            return
        self.session = self.session.with_training(**changes)
        if self.trainer is not None:
            self.trainer.set_config(**_train_changes(changes, self.session))
        self._follow_twin()
        self.publish_requested = True

    def set_compare(self, compare):
        """Compare on, off or varying something else: the first run goes on as it is."""
        if self.session is None:
            return
        self.session = replace(self.session, compare=compare)
        self._follow_twin()
        self.publish_requested = True

    def _follow_twin(self):
        """The second run after a change of the session: dropped, built anew (when its
        network differs), or its training settings changed in place."""
        new = self.session.twin()
        old = self.twin_session
        if new is None or self.trainer is None:
            self.twin = self.twin_session = None
        elif self.twin is None or self.twin.diverged or old.structure() != new.structure():
            self._build_twin()  # (a diverged second run starts again with the new setting)
        else:
            changes = {k: v for k, v in new.hyper().items()
                       if old.hyper()[k] != v and k not in STOP_KEYS}
            if changes:
                self.twin.set_config(**_train_changes(changes, new))
            self.twin_session = new

    def _build_twin(self):
        """A fresh second run that sees the first's minibatches from here on (built at the
        first's step, so both share one step axis)."""
        session = self.session.twin()
        if session is None or self.trainer is None:
            self.twin = self.twin_session = None
            return
        try:
            net = Network.from_spec(session.network_spec(), data=self._data.X_train)
            twin = Trainer(net, self._data, replace(session.train_config(), **NO_STOPS))
            twin.follow_batches(self.trainer)
        except (SpecError, ConfigError, ValueError) as e:
            self.twin = self.twin_session = None
            self.problem = message("bad_session", detail=_detail(e))
            return
        self.twin, self.twin_session = twin, session
        self._without_gradient.add(id(twin))

    def play(self):
        if self.trainer is not None and not self.trainer.diverged:
            self.running = True
            self.pending_steps = 0
            self._next_update = time.perf_counter()
        self.publish_requested = True  # also when it cannot run: the window shows it is not

    def pause(self):
        self.running = False
        self.pending_steps = 0
        self.publish_requested = True

    def step(self, count=1):
        """Train `count` steps (count 0: one epoch), slice by slice; paused afterwards."""
        self.running = False
        if self.trainer is not None:
            self.pending_steps += count or self.trainer.steps_per_epoch
        self.publish_requested = True

    def set_speed(self, steps_per_update):
        self.steps_per_update = steps_per_update
        self._next_update = time.perf_counter()

    def set_view(self, view):
        self.view = view
        self.publish_requested = True

    def set_weight(self, layer, row, column, value):
        """Weight W[row, column] of weight layer `layer` (0-based) becomes `value`; training
        goes on from there. Paused, the loss, accuracy and ∂L/∂θ are evaluated at the new
        weights at once (no step is taken). A maxout layer's pieces are not single edges:
        left as they are."""
        if self.trainer is None:
            return
        W = self.trainer.net.params[2 * layer] if 2 * layer < len(self.trainer.net.params) \
            else None
        if W is None or W.ndim != 2 or not (0 <= row < W.shape[0] and 0 <= column < W.shape[1]):
            return
        W[row, column] = value
        if not (self.running or self.pending_steps):
            self._evaluate_here()
        self.publish_requested = True

    def _evaluate_here(self):
        """Loss, accuracy and ∂L/∂θ (over the whole training set, with the penalty as a
        step adds it) at the weights as they are now, as if a step were about to be taken;
        the step counter and the history stay as they are."""
        trainer = self.trainer
        net, config = trainer.net, trainer.config
        with np.errstate(all="ignore"):
            net.train_pass(trainer.X, trainer.y, trainer.loss_fn)
            add_penalty(net.flat[: net.n_weights], net.grad_flat[: net.n_weights],
                        config.l1, config.l2)
            squares = np.add.reduceat(net.grad_flat ** 2, net.segment_starts)
        trainer.last_grad_norms = np.sqrt(squares[: net.n_weight_layers])
        trainer.last_metrics = metrics_now(trainer)
        self._without_gradient.discard(id(trainer))

    # ---- training ----------------------------------------------------------------------
    def wait_time(self):
        """How long the loop may wait for a command: None while idle (until one comes), 0
        while training flat out or stepping, the time to the next update at a set speed."""
        if self.trainer is None or self.trainer.diverged:
            return None
        if self.pending_steps:
            return 0.0
        if not self.running:
            return None
        if self.steps_per_update:
            return max(0.0, self._next_update - time.perf_counter())
        return 0.0

    def advance(self):
        """Train one slice of about SLICE_SECONDS: flat out, or the next part of a Step or of
        an update at a set speed (both are trained slice by slice, so a command — Pause,
        Shutdown — never waits for a long one)."""
        trainer = self.trainer
        if trainer is None:
            return
        if self.running and self.steps_per_update and not self.pending_steps:
            now = time.perf_counter()
            if now >= self._next_update:  # time for the next update: its steps are due
                self.pending_steps = self.steps_per_update
                self._next_update = max(self._next_update + PUBLISH_INTERVAL, now)
        if self.pending_steps:
            done = self._train_chunk(min(self.pending_steps, self._chunk))
            self.pending_steps = 0 if trainer.diverged else self.pending_steps - done
            if not self.pending_steps:
                self.publish_requested = True
        elif self.running and not self.steps_per_update:
            self._train_chunk(self._chunk)
        if trainer.diverged or trainer.stopped_because:  # a stop condition: paused, and
            self.running = False  # the snapshot says why
            self.pending_steps = 0
            self.publish_requested = True

    def _train_chunk(self, count):
        """`count` steps (of both runs in compare mode: the second takes as many steps as
        the first, on the same batches); the chunk size follows so that one takes about
        SLICE_SECONDS."""
        t = time.perf_counter()
        done = self.trainer.run(count)
        if self.twin is not None and done:
            self.twin.run(done)
        if done and self._without_gradient:
            self._without_gradient.clear()  # (the second run took as many steps)
        elapsed = time.perf_counter() - t
        if done == self._chunk:
            if elapsed < SLICE_SECONDS / 2:
                self._chunk = min(self._chunk * 2, MAX_CHUNK)
            elif elapsed > SLICE_SECONDS * 2 and self._chunk > 1:
                self._chunk //= 2
        return done

    def publish_due(self, now=None):
        """True when a snapshot should go out now."""
        now = time.perf_counter() if now is None else now
        busy = self.running or self.pending_steps
        return self.publish_requested or (busy and now >= self._next_publish)

    def publish(self):
        """A fresh snapshot; paces the next one."""
        now, cpu = time.perf_counter(), time.process_time()
        snapshot = self.make_snapshot(now)
        cost = time.process_time() - cpu
        # a steady 30 per second (the next deadline follows the last one, not `now`), but a
        # big network's snapshot (grid, evaluation) may take at most a fifth of the time
        self._next_publish = max(self._next_publish + PUBLISH_INTERVAL,
                                 now + PUBLISH_INTERVAL / 2, now + SNAPSHOT_SHARE_LIMIT * cost)
        self.publish_requested = False
        return snapshot

    def _steps_per_second(self, now):
        step = self.trainer.step if self.trainer else 0
        window = self._rate_window
        window.append((now, step))
        while len(window) > 2 and now - window[0][0] > 1.0:
            window.pop(0)
        (t0, s0), (t1, s1) = window[0], window[-1]
        busy = self.running or self.pending_steps
        return (s1 - s0) / (t1 - t0) if t1 > t0 and busy else 0.0

    # ---- snapshots -----------------------------------------------------------------------
    def make_snapshot(self, now=None):
        now = time.perf_counter() if now is None else now
        self._snapshots_made += 1
        if self.trainer is None:
            return self._empty_snapshot()
        snapshot = self._run_snapshot(self.trainer, self.session, self.view, now)
        if self.twin is None:
            return snapshot
        setting = self.session.compare.setting
        twin = self._run_snapshot(self.twin, self.twin_session, None, now)
        if snapshot.problem is None and self.twin.diverged:
            snapshot = replace(snapshot, problem=message(
                "twin_diverged", label=run_label(self.twin_session, setting),
                step=self.twin.diverged_at))
        return replace(snapshot, label=run_label(self.session, setting),
                       twin=without_points(replace(twin,
                                                   label=run_label(self.twin_session, setting))))

    def _run_snapshot(self, trainer, session, view, now):
        net, data = trainer.net, trainer.data
        metrics = trainer.last_metrics
        if metrics is None or metrics.step != trainer.step:
            metrics = trainer.evaluate()
        view = view if _is_hidden_unit(net, view) else None
        grid, grid_range, (bx, by), class_grid, class_probability = \
            self._picture(trainer, view)
        points = _points(data)
        steps, values = thin(trainer.step_history.steps, trainer.step_history.values)
        eval_steps, eval_values = thin(trainer.eval_history.steps, trainer.eval_history.values)
        problem = self.problem
        if trainer.diverged:
            problem = message("diverged", step=trainer.diverged_at, limit=DIVERGED_LOSS,
                              last_good=trainer.diverged_at - 1)
        elif trainer.stopped_because:
            problem = stop_message(trainer)
        return Snapshot(
            generation=self.generation, spec=net.spec, step=trainer.step, epoch=trainer.epoch,
            running=self.running, train_loss=_finite_or_none(metrics.train_loss),
            test_loss=_finite_or_none(metrics.test_loss),
            train_accuracy=metrics.train_accuracy, test_accuracy=metrics.test_accuracy,
            grad_norms=frozen(trainer.last_grad_norms),
            weights=tuple(frozen(p) for p in net.params),
            grads=tuple(frozen(g.astype(np.float32)) for g in net.grads),
            layer_sizes=(net.spec["inputs"], *[layer["units"] for layer in net.spec["layers"]]),
            grid=frozen(grid.astype(np.float32)),  # float32: half the bytes on the pipe
            view=view, grid_range=grid_range,
            boundary=(frozen(bx.astype(np.float32)), frozen(by.astype(np.float32))),
            extent=tuple(data.extent),
            step_steps=frozen(steps), step_loss=frozen(values[:, 0]),
            step_grad_norms=frozen(values[:, 1:]),
            eval_steps=frozen(eval_steps), eval_values=frozen(eval_values),
            data_generation=self.data_generation,
            **points, test_is_train=data.test_is_train,
            steps_per_second=self._steps_per_second(now) if trainer is self.trainer else 0.0,
            diverged_at=trainer.diverged_at, problem=problem, config=session.training,
            batches=trainer.batch_fingerprint(),
            saturation=self._saturation(trainer),
            has_gradient=id(trainer) not in self._without_gradient,
            lr=trainer.current_lr, stopped_because=trainer.stopped_because,
            dropped=tuple(frozen(d) for d in trainer.last_dropped)
            if any(trainer.config.dropout) else (),
            classes=net.classes, image=data.image,
            class_grid=None if class_grid is None else frozen(class_grid),
            class_probability=None if class_probability is None
            else frozen(class_probability.astype(np.float32)),
            **self._classes(trainer))

    def _picture(self, trainer, view):
        """The decision picture. A deep network's is made every PICTURE_EVERY snapshots
        while training runs (the map then changes 15 times a second, at full resolution,
        while the curves keep 30): through 10 × 32 units it costs most of a snapshot, and a
        snapshot may take at most a fifth of the engine's time. So is every network's in a
        thread engine: there the picture (4 of a snapshot's 5 ms on case 2 of
        scripts/bench.py) is time the training thread does not train. Paused, always
        fresh."""
        net = trainer.net
        key = (id(trainer), view)
        cached = self._picture_cache.get(key)
        every = PICTURE_EVERY if self.in_thread or picture_cost(net) > DEEP_PICTURE_COST \
            else 1
        if cached is None or not (self.running or self.pending_steps) \
                or self._snapshots_made - cached[0] >= every:
            picture = decision_picture(net, grid_resolution(net), trainer.data.extent, view)
            self._picture_cache = {key: (self._snapshots_made, picture)}
            return picture
        return cached[1]

    def _saturation(self, trainer):
        """The saturation histograms, at most SATURATION_EVERY snapshots apart while training
        runs (they change slowly, and cost as much as the decision picture on a deep net)."""
        key = id(trainer)
        cached = self._saturation_cache.get(key)
        fresh = not (self.running or self.pending_steps) or cached is None \
            or self._snapshots_made - cached[0] >= SATURATION_EVERY
        if fresh:
            result = tuple(frozen(h.astype(np.float32))
                           for h in saturation(trainer.net, trainer.data.X_train))
            self._saturation_cache[key] = cached = (self._snapshots_made, result)
        return cached[1]

    def _classes(self, trainer):
        """The snapshot's class fields (lab.snapshot): the confusion matrix and each class's
        accuracy on the test set (the training set when there is none) and, for images, the
        network's answers for the fixed sample of test images; as often as the saturation
        histograms (a forward pass over the test set: 360 digits cost about 1 ms)."""
        key = id(trainer)
        cached = self._classes_cache.get(key)
        if cached is not None and (self.running or self.pending_steps) \
                and self._snapshots_made - cached[0] < SATURATION_EVERY:
            return cached[1]
        data, net = trainer.data, trainer.net
        which = "test" if data.n_test else "train"
        X, y = (data.X_test, data.y_test) if data.n_test else (data.X_train, data.y_train)
        confusion, accuracy = class_report(net, X, y)
        fields = {"confusion": frozen(confusion), "class_accuracy": frozen(accuracy),
                  "confusion_set": which}
        if data.image is not None:
            predicted, probabilities = sample_answers(net, data.X_test[_samples(data)])
            fields.update(sample_predictions=frozen(predicted),
                          sample_probabilities=frozen(probabilities))
        self._classes_cache[key] = (self._snapshots_made, fields)
        return fields

    def _empty_snapshot(self):
        empty = frozen(np.empty((0,)))
        data = self._data
        points = data is not None and data.image is None  # (images: none on the plane)
        X = frozen(data.X_train if points else np.empty((0, 2)))
        y = frozen(data.y_train if points else empty)
        extent = tuple(data.extent) if data is not None else (-1.25, 1.25)
        return Snapshot(
            generation=self.generation, spec=None, step=0, epoch=0, running=False,
            train_loss=None, test_loss=None, train_accuracy=None, test_accuracy=None,
            grad_norms=empty, weights=(), grads=(), layer_sizes=(),
            grid=frozen(np.full((2, 2), 0.5)),
            view=None, grid_range=(0.0, 1.0), boundary=(empty, empty), extent=extent,
            step_steps=empty, step_loss=empty, step_grad_norms=frozen(np.empty((0, 0))),
            eval_steps=empty, eval_values=frozen(np.empty((0, 4))),
            data_generation=self.data_generation, X_train=X, y_train=y,
            X_test=frozen(np.empty((0, 2))), y_test=empty, test_is_train=False,
            steps_per_second=0.0, diverged_at=None, problem=self.problem,
            config=self.session.training if self.session is not None else None)


class _Problem(Exception):
    def __init__(self, msg):
        super().__init__(msg.code)
        self.message = msg


# compare mode's second run follows the first's steps: only the first one stops
STOP_KEYS = ("stop_accuracy", "stop_plateau", "stop_min_delta", "stop_steps")
NO_STOPS = {"stop_accuracy": None, "stop_plateau": None, "stop_steps": None}


def _train_changes(changes, session):
    """SetHyper's changes as the trainer takes them: the dropout rates for its layers."""
    if "dropout" in changes:
        return {**changes, "dropout": session.train_config().dropout}
    return changes


def stop_message(trainer):
    """The lab.messages.Message of why the trainer stopped (trainer.stopped_because)."""
    config, m, step = trainer.config, trainer.last_metrics, trainer.stopped_at
    match trainer.stopped_because:
        case "accuracy":
            on_test = m.test_accuracy is not None and not trainer.data.test_is_train
            return message("stopped_test_accuracy" if on_test else "stopped_train_accuracy",
                           step=step, target=config.stop_accuracy,
                           accuracy=accuracy_watched(m))
        case "plateau":
            return message("stopped_plateau", step=step, patience=config.stop_plateau,
                           min_delta=config.stop_min_delta)
        case _:
            return message("stopped_steps", step=step)


def _samples(data):
    """The indices of the fixed sample of test images (lab.classes.sample_indices)."""
    return sample_indices(data.y_test, data.classes)


def _points(data):
    """The snapshot's point fields: the points of a dataset of points; for images no points
    (the plane has nothing to show) but the fixed sample of test images and their labels."""
    if data.image is None:
        return {"X_train": frozen(data.X_train), "y_train": frozen(data.y_train),
                "X_test": frozen(data.X_test), "y_test": frozen(data.y_test)}
    none, which = frozen(np.empty((0, 2))), _samples(data)
    return {"X_train": none, "y_train": frozen(np.empty(0)), "X_test": none,
            "y_test": frozen(np.empty(0)),
            "sample_images": frozen(data.X_test[which].reshape(-1, *data.image)
                                    .astype(np.float32)),
            "sample_labels": frozen(data.y_test[which].astype(np.intp))}


def metrics_now(trainer):
    """The trainer's Metrics at its weights as they are now, not added to its history."""
    net, data, loss = trainer.net, trainer.data, trainer.config.loss
    with np.errstate(all="ignore"):
        train = evaluate(net, data.X_train, data.y_train, loss)
        test = evaluate(net, data.X_test, data.y_test, loss)
    return Metrics(trainer.step, *train, *test)


def _is_hidden_unit(net, view):
    return (view is not None and view[0] < len(net.layers) - 1
            and view[1] < net.layers[view[0]].units)


def _finite_or_none(v):
    return v if v is not None and math.isfinite(v) else None


def latest_commands(commands):
    """The commands waiting in the batch, with every Rebuild but the last one dropped: quick
    edits (a spin box held down) build only the newest network."""
    last = max((i for i, c in enumerate(commands) if isinstance(c, Rebuild)), default=-1)
    return [c for i, c in enumerate(commands) if not isinstance(c, Rebuild) or i == last]


def serve(commands, snapshots, in_thread=False):
    """Read commands, train, send snapshots, until Shutdown or until the window is gone (its
    end of the command pipe closes). In a process of its own (not `in_thread`, which shares
    the window's process) it lowers its priority."""
    if not in_thread and hasattr(os, "nice"):  # Unix: the window comes first on one core
        os.nice(ENGINE_NICENESS)
    loop = TrainingLoop(in_thread)
    points_sent = None  # the data_generation whose points the window has
    try:
        while True:
            if commands.poll(loop.wait_time()):
                batch = [commands.recv()]
                while commands.poll(0):
                    batch.append(commands.recv())
                for command in latest_commands(batch):
                    if not _guarded(loop, loop.handle, command):
                        return
            _guarded(loop, loop.advance)
            if loop.publish_due():
                snapshot = loop.publish()
                same_points = snapshot.data_generation == points_sent
                snapshots.send(without_points(snapshot) if same_points else snapshot)
                points_sent = snapshot.data_generation
    except (EOFError, BrokenPipeError, ConnectionResetError, KeyboardInterrupt):
        return  # the window is gone
    finally:
        snapshots.close()


def _guarded(loop, action, *args):
    """Run a command or a slice; an unexpected error stops training and is shown in the
    window's status bar, not lost in a dead process."""
    try:
        return action(*args)
    except Exception as e:  # noqa: BLE001 - reported to the user, with the details on stderr
        traceback.print_exc(file=sys.stderr)
        loop.running = False
        loop.pending_steps = 0
        loop.problem = message("internal_error", detail=f"{type(e).__name__}: {e}")
        loop.publish_requested = True
        return True


def _detail(error):
    """An error as a message's parameter: an XorlabError as it is (the window translates
    it), any other as its text."""
    return error if isinstance(error, XorlabError) else str(error)
