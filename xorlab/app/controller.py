"""The training controller: the window's handle on the engine process.

    window ──▶ TrainingController ──commands (a pipe)────▶ engine process: trainloop.serve()
                                                           a TrainingLoop owns the Trainer
    window ◀── Snapshot (newest wins) ◀── SnapshotReader (its own QThread) ◀── Snapshots

The engine trains in a process of its own, so training and painting do not share Python's
interpreter lock (trainloop.py says why, with the figures). The SnapshotReader, a QObject in
its own QThread, waits on the pipe and puts each snapshot in the mailbox, which keeps just the
newest one and signals only when it goes from empty to full: a slow paint never queues
snapshots up. Nothing on this side touches engine state; the engine never touches a widget.
`TrainingController` lives in the GUI thread; a compare mode can run two of them side by side.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QThread, Signal, Slot

from .snapshot import refrozen, with_points
from .trainloop import start_engine_process


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
    ended = Signal()  # the engine process has gone (asked to, or not)

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
    """The GUI-thread face of one engine process. `snapshot` carries each new Snapshot;
    `engineStopped` a message when the process ended without being asked to."""

    snapshot = Signal(object)
    engineStopped = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.mailbox = Mailbox()
        self.latest = None  # the newest Snapshot received
        self.running = False
        self.process = self.thread = self.reader = self._commands = None
        self._speed = 0
        self._view = None
        self._closing = False
        self._start_engine()

    def _start_engine(self):
        self.process, self._commands, snapshots_in = start_engine_process()
        self.thread = QThread()
        self.thread.setObjectName("xorlab-snapshots")
        self.reader = SnapshotReader(snapshots_in, self.mailbox)
        self.reader.moveToThread(self.thread)
        self.thread.started.connect(self.reader.run)
        self.reader.snapshotReady.connect(self._on_snapshot_ready)
        self.reader.ended.connect(self._on_engine_ended)
        self.thread.start()
        if self._speed:
            self._send("set_speed", self._speed)
        if self._view is not None:
            self._send("set_view", self._view)

    def _send(self, *command):
        try:
            self._commands.send(command)
        except (OSError, ValueError):  # the engine is gone: _on_engine_ended says so
            pass

    # commands: each goes down the pipe; the engine carries them out in order
    def rebuild(self, session, weights=None):
        """New data, network and trainer (step 0); starts a new engine if the last one died."""
        if self.process is not None and not self.process.is_alive() and not self._closing:
            self.thread.wait(1000)
            self._start_engine()
        self._send("rebuild", session, weights)

    def set_hyper(self, **changes):
        self._send("set_hyper", changes)

    def play(self):
        self.running = True
        self._send("play")

    def pause(self):
        self.running = False
        self._send("pause")

    def toggle(self):
        self.pause() if self.running else self.play()

    def step(self, count=1):
        self.running = False
        self._send("pause")
        self._send("step", int(count))

    def step_epoch(self):
        self.step(0)

    def set_speed(self, steps_per_update):
        self._speed = int(steps_per_update)
        self._send("set_speed", self._speed)

    def set_view(self, view):
        self._view = view
        self._send("set_view", view)

    @Slot()
    def _on_snapshot_ready(self):
        snap = self.mailbox.take()
        if snap is None:
            return
        self.latest = snap
        self.running = snap.running
        self.snapshot.emit(snap)

    @Slot()
    def _on_engine_ended(self):
        if self._closing:
            return
        self.process.join(1.0)
        self.running = False
        self.engineStopped.emit(
            f"The training process stopped unexpectedly (exit code {self.process.exitcode}). "
            "Press Reset to start it again.")

    def shutdown(self, timeout_ms=1000):
        """End the engine process and the reader thread; True when both are gone."""
        self._closing = True
        deadline = time.monotonic() + timeout_ms / 1000
        self._send("shutdown")
        self._commands.close()
        self.process.join(0.6 * timeout_ms / 1000)
        if self.process.is_alive():  # busy in a long step: it cannot read the command
            self.process.terminate()
            self.process.join(max(0.0, deadline - time.monotonic() - 0.1))
        if self.process.is_alive():
            self.process.kill()
            self.process.join(0.1)
        self.thread.wait(max(1, round(1000 * (deadline - time.monotonic()))))
        return self.thread.isFinished() and not self.process.is_alive()
