"""The training controller: the window's handle on the training loop.

    window ──▶ TrainingController ──commands (lab.protocol)──▶ engine: lab.trainloop.serve()
    window ◀── Snapshot (newest wins) ◀── SnapshotReader (its own QThread) ◀── Snapshots

The loop runs in an engine process of its own (lab.runner says why), or in a thread where a
process cannot start. The SnapshotReader, a QObject in its own QThread, waits for snapshots
and puts each in the mailbox, which keeps just the newest and signals only when it goes from
empty to full: a slow paint never queues snapshots up.

Fallback: when the process cannot be started, or ends before it has sent a single snapshot
(a sandbox that forbids it, a user script without the `__main__` guard), the controller
starts the same loop in a thread, sends it the last Rebuild again, and says so once
(`engineFellBack`). An engine that dies or freezes later is reported (`engineStopped`, or the
window's watchdog); Play, Step or Restart engine start a new one that continues the run from
the newest snapshot — its weights, step, epoch and history; an optimizer's state (momentum,
Adam's averages) is not in a snapshot and starts afresh — and say what was kept
(`engineContinued`). Reset starts a new one at step 0.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from ..lab.messages import message
from ..lab.protocol import (
    Pause,
    Play,
    Rebuild,
    SetCompare,
    SetHyper,
    SetSpeed,
    SetView,
    SetWeight,
    Step,
    run_of,
)
from ..lab.runner import ENGINE_KINDS, importing_main_for_a_child, start_engine
from ..lab.snapshot import refrozen, with_points
from ..lab.trainloop import serve
from .gui_gc import collect_garbage_in_gui_thread


class Mailbox:
    """Holds the newest snapshot; `put` says whether the reader must be woken."""

    def __init__(self):
        self._lock = threading.Lock()
        self._snapshot = None

    def put(self, snapshot):
        with self._lock:
            was_empty = self._snapshot is None
            self._snapshot = snapshot
        return was_empty

    def take(self):
        with self._lock:
            snapshot, self._snapshot = self._snapshot, None
        return snapshot


class SnapshotReader(QObject):
    """Runs in the reader thread: receives the engine's snapshots until its pipe closes."""

    snapshotReady = Signal()
    ended = Signal()  # the engine has gone (asked to, or not)

    def __init__(self, connection, mailbox: Mailbox):
        super().__init__()
        self.connection = connection
        self.mailbox = mailbox

    @Slot()
    def run(self):
        previous = None
        while True:
            try:
                snapshot = self.connection.recv()
            except (EOFError, OSError):
                break
            snapshot = previous = refrozen(with_points(snapshot, previous))
            if self.mailbox.put(snapshot):
                self.snapshotReady.emit()
        self.connection.close()
        self.ended.emit()
        self.thread().quit()


class TrainingController(QObject):
    """The GUI-thread face of the training loop. `snapshot` carries each new Snapshot;
    `engineStopped`, `engineFellBack` and `engineContinued` a lab.messages.Message."""

    snapshot = Signal(object)
    engineStopped = Signal(object)
    engineFellBack = Signal(object)
    engineContinued = Signal(object)  # a new engine took over the run: what it kept

    def __init__(self, parent=None, engine="process", target=None):
        super().__init__(parent)
        if engine not in ENGINE_KINDS:
            raise ValueError(f"unknown engine {engine!r}; allowed: {', '.join(ENGINE_KINDS)}")
        if importing_main_for_a_child():
            raise RuntimeError(
                "xorlab: this script opens the xorlab window again in its engine process; "
                "put the code that opens it under  if __name__ == \"__main__\":  (the window "
                "trains in a thread meanwhile)")
        self.mailbox = Mailbox()
        self.latest = None  # the newest Snapshot received
        self.running = False
        self.generation = 0  # numbers the Rebuild commands
        self.engine = self.thread = self.reader = None
        self._target = target or serve  # what the engine process runs
        self._last_rebuild = None
        self._received = False  # has this engine sent a snapshot yet?
        self._speed = 0
        self._closing = False
        self.last_heard = self._asked = time.monotonic()
        collect_garbage_in_gui_thread()  # before the snapshot reader (and any engine thread)
        self._start_engine(engine)

    @property
    def kind(self):
        """"process" or "thread": where training runs now."""
        return self.engine.kind

    def _start_engine(self, kind):
        try:
            self.engine = start_engine(kind, self._target)
        except Exception as e:  # noqa: BLE001 - any reason a process cannot start
            if kind != "process":
                raise
            self.engine = start_engine("thread")
            self._fell_back(type(e).__name__)
        self._received = False
        self.mailbox = Mailbox()  # a new one: nothing of the old engine is taken for this one
        self.thread = QThread()
        self.thread.setObjectName("xorlab-snapshots")
        self.reader = SnapshotReader(self.engine.snapshots, self.mailbox)
        self.reader.moveToThread(self.thread)
        self.thread.started.connect(self.reader.run)
        self.reader.snapshotReady.connect(self._on_snapshot_ready)
        self.reader.ended.connect(self._on_engine_ended)
        self.thread.start()
        if self._speed:
            self._send(SetSpeed(self._speed))

    def _fell_back(self, reason):
        """Say once that training runs in a thread (after the window has connected to us)."""
        msg = message("engine_fallback", reason=reason)
        QTimer.singleShot(0, lambda: self.engineFellBack.emit(msg))

    def _replace_dead_engine(self, continue_run=True):
        """Start a new engine when the current one has ended, and send it the last network,
        continued from the newest snapshot of it (`continue_run`) or built anew: a thread
        when the process ended before it sent a single snapshot (it cannot start here), else
        the same kind. True when one was started."""
        if self._closing or self.engine.is_alive():
            return False
        old = self.engine
        failed_to_start = old.kind == "process" and not self._received
        self.thread.wait(1000)
        self._start_engine("thread" if failed_to_start else old.kind)
        if failed_to_start:
            self._fell_back(f"exit code {old.exitcode}")
        if self._last_rebuild is not None:
            self._send(self._continued() if continue_run else self._last_rebuild)
        return True

    def _continued(self):
        """The last Rebuild, continued where the newest snapshot of its network stood (same
        generation: the window keeps its curves and its session for it); said once."""
        rebuild, snap = self._last_rebuild, self.latest
        saved = run_of(snap) if snap is not None and snap.generation == rebuild.generation \
            else None
        if saved is None:
            return rebuild
        weights, run = saved
        stateful = rebuild.session.training.optimizer != "sgd"  # SGD keeps no state
        msg = message("engine_continued_optimizer_reset" if stateful else "engine_continued",
                      step=run.step)
        QTimer.singleShot(0, lambda: self.engineContinued.emit(msg))
        return replace(rebuild, weights=weights, run=run)

    def _send(self, command):
        self.engine.send(command)  # False when it is gone: _on_engine_ended says so

    # ---- commands: each goes to the loop, which carries them out in order ---------------
    def rebuild(self, session, weights=None, run=None):
        """New data, network and trainer from the session; returns the new generation."""
        self.generation += 1
        self._last_rebuild = Rebuild(session, self.generation, weights, run)
        if not self._replace_dead_engine(continue_run=False):
            self._send(self._last_rebuild)
        return self.generation

    def set_hyper(self, **changes):
        self._send(SetHyper(changes))
        if self._last_rebuild is not None:
            self._follow(self._last_rebuild.session.with_training(**changes))

    def _follow(self, session):
        """Changes made in place are kept in the last Rebuild too: an engine that replaces a
        dead one starts from the session as it is now."""
        if self._last_rebuild is not None:
            self._last_rebuild = replace(self._last_rebuild, session=session)

    def play(self):
        self._replace_dead_engine()
        self.running = True
        self._asked = time.monotonic()
        self._send(Play())

    def pause(self):
        self.running = False
        self._send(Pause())

    def play_pause(self):
        self.pause() if self.running else self.play()

    def step(self, count=1):
        """`count` training steps (0: one epoch), then paused."""
        self._replace_dead_engine()
        self.running = False
        self._send(Step(int(count)))

    def step_epoch(self):
        self.step(0)

    def set_speed(self, steps_per_update):
        self._speed = int(steps_per_update)
        self._send(SetSpeed(self._speed))

    def set_view(self, view):
        view = None if view is None else tuple(view)
        self._send(SetView(view))
        if self._last_rebuild is not None:
            self._follow(replace(self._last_rebuild.session, view=view))

    def set_compare(self, compare):
        """Compare mode on, off, or varying something else (lab.compare.Compare)."""
        self._send(SetCompare(compare))
        if self._last_rebuild is not None:
            self._follow(replace(self._last_rebuild.session, compare=compare))

    def set_weight(self, layer, row, column, value):
        """One weight of the running network becomes `value`; training goes on from it."""
        self._send(SetWeight(layer, row, column, float(value)))

    # ---- from the reader ---------------------------------------------------------------
    @Slot()
    def _on_snapshot_ready(self):
        if self.sender() is not self.reader:
            return  # a late signal of an engine already replaced
        snap = self.mailbox.take()
        if snap is None:
            return
        self._received = True
        self.last_heard = time.monotonic()
        self.latest = snap
        self.running = snap.running
        self.snapshot.emit(snap)

    def silent_for(self):
        """Seconds since the engine last sent anything (0 when it is not asked to train:
        an idle engine sends nothing, rightly)."""
        if not self.running:
            return 0.0
        return time.monotonic() - max(self.last_heard, self._asked)

    def restart(self):
        """End the engine however it is (frozen, say) and start a new one that continues the
        run with the session as it is now; training is paused."""
        self.engine.stop(0.5)
        self.thread.wait(1000)
        self.running = False
        self._replace_dead_engine()

    @Slot()
    def _on_engine_ended(self):
        if self._closing or self.sender() is not self.reader:
            return  # asked to end, or an engine already replaced
        engine = self.engine
        if engine.kind == "process":
            engine.process.join(1.0)
            if not self._received:  # it died while starting: train in a thread instead
                was_running = self.running
                self._replace_dead_engine()
                if was_running:
                    self._send(Play())
                return
        self.running = False
        self.engineStopped.emit(message("engine_died", exitcode=engine.exitcode))

    def shutdown(self, timeout_ms=1000):
        """End the engine and the reader thread; True when both are gone."""
        self._closing = True
        stopped = self.engine.stop(0.8 * timeout_ms / 1000)
        self.thread.wait(max(1, round(0.2 * timeout_ms)))
        if not self.thread.isFinished():  # Qt aborts when a running QThread is destroyed:
            _UNFINISHED.append((self.thread, self.reader))  # keep it until it ends
        return stopped and self.thread.isFinished()


_UNFINISHED = []  # reader threads still running at shutdown (never seen in the tests)
