"""The app's training loop. It runs in a process of its own and never imports Qt.

    GUI process                                         engine process (this module)
    TrainingController ──commands (a pipe)──────────▶  serve(): a TrainingLoop owns the Trainer
    SnapshotReader (QThread) ◀──Snapshots (a pipe)───  publishes ~30 a second

Why a process and not only a thread: Python threads share one interpreter lock (the GIL).
pyqtgraph's painting crosses between Python and C++ thousands of times a frame, and while a
training thread holds the lock each crossing waits; measured at 1366×740, case 2 of
`scripts/bench.py`: a frame took ~20 ms alone but ~30 ms next to a training thread, and the
thread then trained at 0.12-0.41 of its headless speed. In its own process the Trainer has
its own interpreter and its own core: the GUI paints while the engine trains.

Commands are tuples ("name", *args), handled in order between slices of training:
    ("rebuild", session, weights)   new data, network and trainer from the session (step 0)
    ("set_hyper", {key: value})     learning rate, optimizer, ... without a reset
    ("play",) ("pause",)            start / stop training
    ("step", count)                 `count` steps now (0: one epoch)
    ("set_speed", n)                n steps per update (0: as fast as possible)
    ("set_view", view)              the picture: None (the output) or (layer, unit)
    ("shutdown",)                   end the process
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import sys
import time
import traceback

import numpy as np

from ..engine import ConfigError, DatasetError, Network, SpecError, Trainer
from .session import HYPER_KEYS, Session, build_dataset
from .snapshot import Snapshot, frozen, thin, without_points

PUBLISH_INTERVAL = 1.0 / 31  # seconds between snapshots while running: ~30 a second, with
# a little margin so that a late slice still leaves 30 frames a second
SLICE_SECONDS = 0.004  # training time between two looks at the commands
GRID_RESOLUTION = 100  # the largest grid side
GRID_BUDGET = 40e6  # multiply-adds one decision picture may cost
SNAPSHOT_SHARE_LIMIT = 5  # publish no more often than every 5× the time a snapshot takes
ENGINE_NICENESS = 10  # the engine process runs at a lower priority than the window: when the
# scheduler puts both on one core, a frame is not stretched to twice its time


class TrainingLoop:
    """Owns the engine Trainer; turns commands into training and training into Snapshots."""

    def __init__(self):
        self.session = None
        self.trainer = None
        self.message = ""
        self.running = False
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

    # ---- commands ----------------------------------------------------------------------
    def handle(self, command):
        """Carry out one command tuple; False for ("shutdown",)."""
        name, *args = command
        if name == "shutdown":
            return False
        getattr(self, name)(*args)
        return True

    def rebuild(self, session: Session, weights=None):
        """Build data, network and trainer from the session (step 0); keep running or not."""
        self.session = session
        self.generation += 1
        self.trainer, self.message, self._data = None, "", None
        try:
            data_key = repr(session.data)
            data = build_dataset(session.data)
            if data_key != self._data_key:
                self._data_key = data_key
                self.data_generation += 1
            self._data = data
            if data.n_train == 0:
                raise DatasetError("no training points: draw some points first "
                                   "(left click: class 1, right click: class 0)")
            net = Network.from_spec(session.network, data=data.X_train)
            if weights is not None:
                net.flat[...] = np.asarray(weights, dtype=float).reshape(net.flat.shape)
            self.trainer = Trainer(net, data, session.train)
        except (DatasetError, SpecError, ConfigError, ValueError) as e:
            self.message = str(e)
            self.running = False
            if self._data is None:  # no data at all: the plot must drop the old points
                self._data_key = None
                self.data_generation += 1
        self._rate_window.clear()
        self._chunk = 16
        self.publish_requested = True

    def set_hyper(self, changes: dict):
        if self.session is None:
            return
        changes = {k: v for k, v in changes.items() if k in HYPER_KEYS}
        self.session = self.session.with_train(**changes)
        if self.trainer is not None:
            self.trainer.set_config(**changes)
        self.publish_requested = True

    def play(self):
        if self.trainer is not None and not self.trainer.diverged:
            self.running = True
            self._next_update = time.perf_counter()
        self.publish_requested = True  # also when it cannot run: the window shows it is not

    def pause(self):
        self.running = False
        self.publish_requested = True

    def step(self, count=1):
        """Run `count` steps now (Step button); count 0 means one epoch."""
        if self.trainer is None:
            return
        self.trainer.run(count or self.trainer.steps_per_epoch)
        if self.trainer.diverged:
            self.running = False
        self.publish_requested = True

    def set_speed(self, steps_per_update):
        self.steps_per_update = max(0, int(steps_per_update))
        self._next_update = time.perf_counter()

    def set_view(self, view):
        self.view = None if view is None else tuple(view)
        self.publish_requested = True

    # ---- training ----------------------------------------------------------------------
    def wait_time(self):
        """How long the process may wait for a command: None while paused (until one comes),
        0 while training flat out, the time to the next update at a set speed."""
        if not self.running or self.trainer is None:
            return None
        if self.steps_per_update:
            return max(0.0, self._next_update - time.perf_counter())
        return 0.0

    def advance(self):
        """Train one slice: about SLICE_SECONDS of steps, or one update at a set speed."""
        trainer = self.trainer
        if not self.running or trainer is None:
            return
        if self.steps_per_update:
            now = time.perf_counter()
            if now < self._next_update:
                return
            trainer.run(self.steps_per_update)
            self._next_update = max(self._next_update + PUBLISH_INTERVAL, now)
            self.publish_requested = True
        else:  # one chunk of steps, sized to take about SLICE_SECONDS
            t = time.perf_counter()
            done = trainer.run(self._chunk)
            elapsed = time.perf_counter() - t
            if done == self._chunk:
                if elapsed < SLICE_SECONDS / 2:
                    self._chunk = min(self._chunk * 2, 1 << 16)
                elif elapsed > SLICE_SECONDS * 2 and self._chunk > 1:
                    self._chunk //= 2
        if trainer.diverged:
            self.running = False
            self.publish_requested = True

    def publish_due(self, now=None):
        """True when a snapshot should go out now."""
        now = time.perf_counter() if now is None else now
        return self.publish_requested or (self.running and now >= self._next_publish)

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
        return (s1 - s0) / (t1 - t0) if t1 > t0 and self.running else 0.0

    # ---- snapshots -----------------------------------------------------------------------
    def make_snapshot(self, now=None):
        now = time.perf_counter() if now is None else now
        t = self.trainer
        if t is None:
            return self._empty_snapshot()
        net = t.net
        m = t.evaluate() if (t.last_metrics is None or t.last_metrics.step != t.step) \
            else t.last_metrics
        extent = t.data.extent
        grid, kind, grid_range = self._grid(net, extent)
        steps, values = thin(t.step_history.steps, t.step_history.values)
        esteps, evalues = thin(t.eval_history.steps, t.eval_history.values)
        d = t.data
        return Snapshot(
            generation=self.generation, step=t.step, epoch=t.epoch, running=self.running,
            train_loss=_finite_or_none(m.train_loss), test_loss=_finite_or_none(m.test_loss),
            train_accuracy=m.train_accuracy, test_accuracy=m.test_accuracy,
            grad_norms=frozen(t.last_grad_norms),
            weights=tuple(frozen(p) for p in net.params),
            layer_sizes=(net.spec["inputs"], *[la["units"] for la in net.spec["layers"]]),
            grid=frozen(grid.astype(np.float32)),  # float32: half the bytes on the pipe
            grid_kind=kind, grid_range=grid_range, extent=tuple(extent),
            step_steps=steps, step_loss=frozen(values[:, 0]),
            step_grad_norms=frozen(values[:, 1:]),
            eval_steps=esteps, eval_values=evalues,
            data_generation=self.data_generation,
            X_train=frozen(d.X_train), y_train=frozen(d.y_train),
            X_test=frozen(d.X_test), y_test=frozen(d.y_test),
            steps_per_second=self._steps_per_second(now),
            diverged_at=t.diverged_at, message=self.message, config=self.session.train)

    def _grid(self, net, extent):
        resolution = grid_resolution(net)
        with np.errstate(all="ignore"):
            if self.view is not None:
                layer, unit = self.view
                grids = net.neuron_grids(resolution, extent)
                if layer < len(grids) and unit < grids[layer].shape[0]:
                    g = grids[layer][unit]
                    name = net.spec["layers"][layer]["activation"]
                    if name == "sigmoid":
                        rng = (0.0, 1.0)
                    else:
                        reach = float(np.nanmax(np.abs(g))) if g.size else 1.0
                        rng = (-max(reach, 1e-6), max(reach, 1e-6))
                    return g, f"neuron {layer + 1}.{unit + 1}", rng
            return net.decision_grid(resolution, extent), "output", (0.0, 1.0)

    def _empty_snapshot(self):
        empty = frozen(np.empty((0,)))
        data = self._data
        X = frozen(data.X_train if data is not None else np.empty((0, 2)))
        y = frozen(data.y_train if data is not None else empty)
        extent = tuple(data.extent) if data is not None else (-1.25, 1.25)
        return Snapshot(
            generation=self.generation, step=0, epoch=0, running=False, train_loss=None,
            test_loss=None, train_accuracy=None, test_accuracy=None, grad_norms=empty,
            weights=(), layer_sizes=(), grid=frozen(np.full((2, 2), 0.5)), grid_kind="output",
            grid_range=(0.0, 1.0), extent=extent, step_steps=empty, step_loss=empty,
            step_grad_norms=frozen(np.empty((0, 0))), eval_steps=empty,
            eval_values=frozen(np.empty((0, 4))), data_generation=self.data_generation,
            X_train=X, y_train=y, X_test=frozen(np.empty((0, 2))), y_test=empty,
            steps_per_second=0.0, diverged_at=None, message=self.message,
            config=self.session.train if self.session is not None else None)


def grid_resolution(net):
    """Grid side R for the pictures: 100 for the small nets of the lessons, fewer points for
    big ones, so that one picture costs at most about GRID_BUDGET multiply-adds."""
    per_point = sum(layer.fan_in * layer.width for layer in net.layers)
    return int(np.clip(np.sqrt(GRID_BUDGET / per_point), 32, GRID_RESOLUTION))


def _finite_or_none(v):
    return v if v is not None and math.isfinite(v) else None


def latest_commands(commands):
    """The commands waiting in the batch, with every rebuild but the last one dropped: quick
    edits (a spin box held down) build only the newest network."""
    last_rebuild = max((i for i, c in enumerate(commands) if c[0] == "rebuild"), default=-1)
    return [c for i, c in enumerate(commands) if c[0] != "rebuild" or i == last_rebuild]


def serve(commands, snapshots):
    """The engine process: read commands, train, send snapshots, until ("shutdown",) or until
    the GUI process is gone (its end of the pipe closes)."""
    if hasattr(os, "nice"):  # Unix: the window comes first when both want the same core
        os.nice(ENGINE_NICENESS)
    loop = TrainingLoop()
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


BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextlib.contextmanager
def one_blas_thread():
    """The engine process gets one BLAS thread unless the user set a number: its matrices
    are small, and a second BLAS thread would take the core the window paints on. (The
    variables are read when the new process loads NumPy; this process keeps its own.)"""
    saved = {name: os.environ.get(name) for name in BLAS_THREAD_VARIABLES}
    for name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def start_engine_process():
    """Start `serve` in a new process; returns (process, commands, snapshots): send command
    tuples on `commands`, receive Snapshots from `snapshots`."""
    # "spawn": a fresh interpreter; forking a process that runs Qt threads is unsafe
    context = multiprocessing.get_context("spawn")
    commands_in, commands_out = context.Pipe(duplex=False)
    snapshots_in, snapshots_out = context.Pipe(duplex=False)
    process = context.Process(target=serve, args=(commands_in, snapshots_out),
                              name="xorlab-engine", daemon=True)
    with one_blas_thread():
        process.start()
    commands_in.close()  # the engine's ends: closing ours lets each side see the other go
    snapshots_out.close()
    return process, commands_out, snapshots_in


def _guarded(loop, action, *args):
    """Run a command or a slice; an unexpected error stops training and is shown in the
    window's status bar, not lost in a dead process."""
    try:
        return action(*args)
    except Exception as e:  # noqa: BLE001 - reported to the user, with the details on stderr
        traceback.print_exc(file=sys.stderr)
        loop.running = False
        loop.message = f"training stopped by an internal error: {type(e).__name__}: {e}"
        loop.publish_requested = True
        return True
