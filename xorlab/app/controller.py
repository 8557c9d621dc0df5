"""The training controller: a worker in its own QThread owns the engine Trainer.

    window ──commands (queued signals)──▶ TrainingWorker (worker thread)
    window ◀──Snapshot (newest wins)───── Mailbox ◀── worker publishes ≤ 30 per second

The worker trains in short slices driven by a zero-interval QTimer, so between slices its
event loop delivers the commands (pause, rebuild, new learning rate, shutdown). It never
touches a widget: it only puts immutable snapshots in the mailbox. The mailbox keeps just the
newest one and signals only when it goes from empty to full, so a slow paint never queues up
snapshots. `TrainingController` lives in the GUI thread and is what the window talks to; a
compare mode can run two of them side by side.
"""

from __future__ import annotations

import math
import threading
import time

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from ..engine import ConfigError, DatasetError, Network, SpecError, Trainer
from .session import HYPER_KEYS, Session, build_dataset
from .snapshot import Snapshot, frozen, thin

PUBLISH_INTERVAL = 1.0 / 31  # seconds between snapshots while running: ~30 a second, with
# a little margin so that late slices still leave 30 frames a second
SLICE_SECONDS = 0.008  # training time between two visits of the worker's event loop
CHUNK_SECONDS = 0.001  # training time between two looks at the painting gate
GRID_RESOLUTION = 100  # the largest grid side
GRID_BUDGET = 40e6  # multiply-adds one decision picture may cost
SNAPSHOT_SHARE_LIMIT = 5  # publish no more often than every 5× the time a snapshot takes


class Mailbox:
    """Holds the newest snapshot; `put` says whether the reader must be woken.

    `painting_done` is cleared while the GUI draws a snapshot; the worker waits for it
    between chunks of steps. Python threads share one interpreter lock, and pyqtgraph's
    painting crosses between Python and C++ thousands of times a frame, so a worker running
    during the paint makes both crawl (measured: 18k steps/s alone, 2k while the plots
    painted). Taking turns costs the worker the time a frame takes to draw: about 14 ms of
    every 33 at the default window size (`scripts/bench.py --gui` prints it).
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._snapshot = None
        self._rebuild = None  # the newest (session, weights) not yet built
        self.painting_done = threading.Event()
        self.painting_done.set()

    def post_rebuild(self, session, weights):
        """Leave a rebuild request; True when the worker must be told (none was waiting).
        Quick edits (a spin box held down) thus build only the last network."""
        with self._lock:
            was_empty = self._rebuild is None
            self._rebuild = (session, weights)
        return was_empty

    def take_rebuild(self):
        with self._lock:
            request, self._rebuild = self._rebuild, None
        return request

    def put(self, snapshot):
        with self._lock:
            was_empty = self._snapshot is None
            self._snapshot = snapshot
        return was_empty

    def take(self):
        with self._lock:
            snapshot, self._snapshot = self._snapshot, None
        return snapshot


class TrainingWorker(QObject):
    """Runs in the worker thread. Slots are called through queued signals only."""

    snapshotReady = Signal()

    def __init__(self, mailbox: Mailbox):
        super().__init__()
        self.mailbox = mailbox
        self.session = None
        self.trainer = None
        self.message = ""
        self.running = False
        self.steps_per_update = 0  # 0 = as fast as possible
        self.view = None  # None: the output; (layer, unit): that hidden neuron
        self.generation = 0
        self.data_generation = 0
        self._data_key = None
        self._timer = None
        self._publish_timer = None
        self._data = None
        self._chunk = 16
        self._next_publish = 0.0
        self._rate_window = []  # (time, step) pairs of the last second

    # ---- lifecycle ---------------------------------------------------------------------
    @Slot()
    def start(self):
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)
        self._publish_timer = QTimer(self)
        self._publish_timer.setSingleShot(True)
        self._publish_timer.setInterval(0)
        self._publish_timer.timeout.connect(self.publish)

    def publish_soon(self):
        """Publish once the commands already queued are done: several quick commands (a
        rebuild, then play, then a new view) cost one snapshot, not one each."""
        if self._publish_timer is None:
            self.publish()
        elif not self._publish_timer.isActive():
            self._publish_timer.start()

    @Slot()
    def shutdown(self):
        """Stop training, hand this object back to the GUI thread and end the thread."""
        self.running = False
        if self._timer is not None:
            self._timer.stop()
            self._publish_timer.stop()
        thread = self.thread()
        self.moveToThread(QCoreApplication.instance().thread())
        thread.quit()

    # ---- commands ----------------------------------------------------------------------
    @Slot()
    def rebuild_requested(self):
        request = self.mailbox.take_rebuild()
        if request is not None:
            self.rebuild(*request)

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
        self._update_timer()
        self.publish_soon()

    @Slot(object)
    def set_hyper(self, changes: dict):
        if self.session is None:
            return
        changes = {k: v for k, v in changes.items() if k in HYPER_KEYS}
        self.session = self.session.with_train(**changes)
        if self.trainer is not None:
            self.trainer.set_config(**changes)
        self.publish_soon()

    @Slot()
    def play(self):
        if self.trainer is not None and not self.trainer.diverged:
            self.running = True
            self._update_timer()
        self.publish_soon()  # also when it cannot run, so the window shows it is not running

    @Slot()
    def pause(self):
        self.running = False
        self._update_timer()
        self.publish_soon()

    @Slot(int)
    def step(self, count=1):
        """Run `count` steps now (Step button); count 0 means one epoch."""
        if self.trainer is None:
            return
        self.trainer.run(count or self.trainer.steps_per_epoch)
        if self.trainer.diverged:
            self.running = False
            self._update_timer()
        self.publish_soon()

    @Slot(int)
    def set_speed(self, steps_per_update):
        self.steps_per_update = max(0, int(steps_per_update))
        self._update_timer()

    @Slot(object)
    def set_view(self, view):
        self.view = view
        self.publish_soon()

    # ---- the training loop ---------------------------------------------------------------
    def _update_timer(self):
        if self._timer is None:
            return
        if self.running:
            self._timer.setInterval(round(1000 * PUBLISH_INTERVAL) if self.steps_per_update
                                    else 0)
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()

    @Slot()
    def _tick(self):
        trainer = self.trainer
        if not self.running or trainer is None:
            self._timer.stop()
            return
        if self.steps_per_update:
            self.mailbox.painting_done.wait(0.25)
            trainer.run(self.steps_per_update)
        else:  # as many steps as fit in one slice, in chunks of about CHUNK_SECONDS; between
            # chunks the worker stops while the GUI draws
            t0 = time.perf_counter()
            gate = self.mailbox.painting_done
            while True:
                gate.wait(0.25)  # let the GUI paint alone (see Mailbox)
                t = time.perf_counter()
                done = trainer.run(self._chunk)
                elapsed = time.perf_counter() - t
                if done < self._chunk:
                    break
                if elapsed < CHUNK_SECONDS / 2:
                    self._chunk = min(self._chunk * 2, 1 << 16)
                elif elapsed > CHUNK_SECONDS * 2 and self._chunk > 1:
                    self._chunk //= 2
                if time.perf_counter() - t0 > SLICE_SECONDS:
                    break
        if trainer.diverged:
            self.running = False
            self._timer.stop()
            self.publish()
        elif time.perf_counter() >= self._next_publish:
            self.publish()

    def _steps_per_second(self, now):
        step = self.trainer.step if self.trainer else 0
        window = self._rate_window
        window.append((now, step))
        while len(window) > 2 and now - window[0][0] > 1.0:
            window.pop(0)
        (t0, s0), (t1, s1) = window[0], window[-1]
        return (s1 - s0) / (t1 - t0) if t1 > t0 and self.running else 0.0

    # ---- snapshots -----------------------------------------------------------------------
    def publish(self):
        """Put a fresh snapshot in the mailbox; wake the GUI if it was empty."""
        now, cpu = time.perf_counter(), time.thread_time()
        snapshot = self.make_snapshot(now)
        cost = time.thread_time() - cpu  # this thread's own time, not waits for the GUI
        # a steady 30 per second (the next deadline follows the last one, not `now`), but a
        # big network's snapshot (grid, evaluation) may take at most a fifth of the time
        self._next_publish = max(self._next_publish + PUBLISH_INTERVAL,
                                 now + PUBLISH_INTERVAL / 2, now + SNAPSHOT_SHARE_LIMIT * cost)
        if self.mailbox.put(snapshot):
            self.snapshotReady.emit()

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
            grid=frozen(grid), grid_kind=kind, grid_range=grid_range, extent=tuple(extent),
            step_steps=steps, step_loss=frozen(values[:, 0]),
            step_grad_norms=frozen(values[:, 1:]),
            eval_steps=esteps, eval_values=evalues,
            data_generation=self.data_generation,
            X_train=frozen(d.X_train), y_train=frozen(d.y_train),
            X_test=frozen(d.X_test), y_test=frozen(d.y_test),
            steps_per_second=self._steps_per_second(now),
            diverged_at=t.diverged_at, message=self.message)

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
            steps_per_second=0.0, diverged_at=None, message=self.message)


def grid_resolution(net):
    """Grid side R for the pictures: 100 for the small nets of the lessons, fewer points for
    big ones, so that one picture costs at most about GRID_BUDGET multiply-adds."""
    per_point = sum(layer.fan_in * layer.width for layer in net.layers)
    return int(np.clip(np.sqrt(GRID_BUDGET / per_point), 32, GRID_RESOLUTION))


def _finite_or_none(v):
    return v if v is not None and math.isfinite(v) else None


class TrainingController(QObject):
    """The GUI-thread face of one training worker. `snapshot` carries each new Snapshot."""

    snapshot = Signal(object)
    _rebuild = Signal()
    _set_hyper = Signal(object)
    _play = Signal()
    _pause = Signal()
    _step = Signal(int)
    _set_speed = Signal(int)
    _set_view = Signal(object)
    _shutdown = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.mailbox = Mailbox()
        self.latest = None  # the newest Snapshot received
        self.thread = QThread()
        self.thread.setObjectName("xorlab-training")
        self.worker = TrainingWorker(self.mailbox)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.start)
        self._rebuild.connect(self.worker.rebuild_requested)
        self._set_hyper.connect(self.worker.set_hyper)
        self._play.connect(self.worker.play)
        self._pause.connect(self.worker.pause)
        self._step.connect(self.worker.step)
        self._set_speed.connect(self.worker.set_speed)
        self._set_view.connect(self.worker.set_view)
        self._shutdown.connect(self.worker.shutdown)
        self.worker.snapshotReady.connect(self._on_snapshot_ready)
        self.running = False
        self.thread.start()

    # commands: each is queued to the worker thread
    def rebuild(self, session, weights=None):
        if self.mailbox.post_rebuild(session, weights):
            self._rebuild.emit()

    def set_hyper(self, **changes):
        self._set_hyper.emit(changes)

    def play(self):
        self.running = True
        self._play.emit()

    def pause(self):
        self.running = False
        self._pause.emit()

    def toggle(self):
        self.pause() if self.running else self.play()

    def step(self, count=1):
        self.running = False
        self._pause.emit()
        self._step.emit(count)

    def step_epoch(self):
        self.step(0)

    def set_speed(self, steps_per_update):
        self._set_speed.emit(int(steps_per_update))

    def set_view(self, view):
        self._set_view.emit(view)

    @Slot()
    def _on_snapshot_ready(self):
        snap = self.mailbox.take()
        if snap is None:
            return
        self.latest = snap
        self.running = snap.running
        self.snapshot.emit(snap)

    def shutdown(self, timeout_ms=1000):
        """Stop the worker and its thread; returns True when the thread has finished."""
        if self.thread.isRunning():
            self._shutdown.emit()
            if not self.thread.wait(timeout_ms):
                self.thread.requestInterruption()
                self.thread.quit()
                self.thread.wait(timeout_ms)
        return self.thread.isFinished() or not self.thread.isRunning()
