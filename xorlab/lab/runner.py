"""Starting and stopping the training loop: in a process of its own, or in a thread.

Both kinds of engine have the same face: `send(command)`, `snapshots` (a connection with
`poll`, `recv` and `close`), `is_alive()`, `exitcode` and `stop(timeout)`.

Why a process: Python threads share one interpreter lock. pyqtgraph's painting crosses
between Python and C++ thousands of times a frame, and while a training thread holds the lock
each crossing waits; measured at 1366×740 on case 2 of `scripts/bench.py`, a training thread
kept 0.12–0.41 of its headless speed, the same loop in a process about 0.8–1.0. In its own
process the Trainer has its own interpreter and its own core.

Why a thread as well: some places cannot start a process — a sandbox, a frozen build that
forbids it, a user script without the `if __name__ == "__main__":` guard (the new process
then fails as it imports that script). There the same loop runs in a thread of the window's
process (`EngineThread`): slower while plots are drawn, but it trains. It is a plain Python
thread, not a QThread, so that this layer stays free of Qt and its tests need no Qt; for the
interpreter lock the two are the same.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from collections import deque

from .protocol import Shutdown
from .trainloop import serve

ENGINE_KINDS = ("process", "thread")
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


class EngineProcess:
    """The training loop in a `spawn`ed process, talking over two pipes."""

    kind = "process"

    def __init__(self, target=serve):
        # "spawn": a fresh interpreter; forking a process that runs Qt threads is unsafe
        context = multiprocessing.get_context("spawn")
        commands_in, self._commands = context.Pipe(duplex=False)
        self.snapshots, snapshots_out = context.Pipe(duplex=False)
        self.process = context.Process(target=target, args=(commands_in, snapshots_out),
                                       name="xorlab-engine", daemon=True)
        try:
            with one_blas_thread():
                self.process.start()
        finally:  # the engine's ends: closing ours lets each side see the other go
            commands_in.close()
            snapshots_out.close()

    @property
    def pid(self):
        return self.process.pid

    @property
    def exitcode(self):
        return self.process.exitcode

    def is_alive(self):
        return self.process.is_alive()

    def send(self, command):
        """Send a command; False when the engine is gone."""
        try:
            self._commands.send(command)
            return True
        except (OSError, ValueError):
            return False

    def stop(self, timeout=1.0):
        """End the process: by Shutdown, or terminate/kill when it is busy; True when ended."""
        deadline = time.monotonic() + timeout
        self.send(Shutdown())
        self._commands.close()
        self.process.join(0.6 * timeout)
        if self.process.is_alive():  # busy in a long slice: it cannot read the command
            self.process.terminate()
            self.process.join(max(0.0, deadline - time.monotonic() - 0.1))
        if self.process.is_alive():
            self.process.kill()
            self.process.join(0.1)
        return not self.process.is_alive()


class EngineThread:
    """The same training loop in a thread of this process, over in-process pipes."""

    kind = "thread"
    pid = None

    def __init__(self):
        commands_in, self._commands = local_pipe()
        self.snapshots, snapshots_out = local_pipe()
        self.exitcode = None
        self.thread = threading.Thread(target=self._run, args=(commands_in, snapshots_out),
                                       name="xorlab-engine", daemon=True)
        self.thread.start()

    def _run(self, commands, snapshots):
        try:
            serve(commands, snapshots, in_thread=True)
            self.exitcode = 0
        except BaseException:
            self.exitcode = 1
            raise

    def is_alive(self):
        return self.thread.is_alive()

    def send(self, command):
        try:
            self._commands.send(command)
            return True
        except OSError:
            return False

    def stop(self, timeout=1.0):
        """Ask the loop to end (it reads commands between slices) and wait for it. If it is
        still busy then, its snapshot pipe is closed anyway, so that the window's reader
        ends; the loop ends at its next look at the commands."""
        self.send(Shutdown())
        self._commands.close()
        self.thread.join(timeout)
        if self.thread.is_alive():
            self.snapshots.close()
        return not self.thread.is_alive()


def importing_main_for_a_child():
    """True in a `spawn`ed process while it imports the user's main script (it runs it
    again under the name __mp_main__ before it runs the engine): a script that opens the
    window without the `if __name__ == "__main__":` guard would open a second one there."""
    # the flag multiprocessing itself checks before it refuses to start a process there
    return bool(getattr(multiprocessing.current_process(), "_inheriting", False))


def start_engine(kind="process", target=serve):
    """An EngineProcess or an EngineThread (`kind` from ENGINE_KINDS)."""
    if kind not in ENGINE_KINDS:
        raise ValueError(f"unknown engine kind {kind!r}; allowed: {', '.join(ENGINE_KINDS)}")
    return EngineProcess(target) if kind == "process" else EngineThread()


# ---- in-process pipes --------------------------------------------------------------------
class _Channel:
    def __init__(self):
        self.items = deque()
        self.ready = threading.Condition()
        self.sender_closed = self.receiver_closed = False


class Receiver:
    """The reading end of a local pipe: poll, recv, close, as a multiprocessing Connection."""

    def __init__(self, channel):
        self._c = channel

    def poll(self, timeout=0.0):
        """True when an item (or the end) is there; waits up to `timeout` s (None: forever)."""
        c = self._c
        with c.ready:
            return bool(c.ready.wait_for(lambda: c.items or c.sender_closed, timeout))

    def recv(self):
        c = self._c
        with c.ready:
            c.ready.wait_for(lambda: c.items or c.sender_closed or c.receiver_closed)
            if c.items and not c.receiver_closed:
                return c.items.popleft()
        raise EOFError("the pipe is closed")

    def close(self):
        """Close this end; a recv waiting on it (in another thread) ends with EOFError."""
        c = self._c
        with c.ready:
            c.receiver_closed = True
            c.items.clear()
            c.ready.notify_all()


class Sender:
    """The writing end of a local pipe: send, close."""

    def __init__(self, channel):
        self._c = channel

    def send(self, item):
        c = self._c
        with c.ready:
            if c.receiver_closed:
                raise BrokenPipeError("the receiving end is closed")
            if c.sender_closed:
                raise OSError("this end is closed")
            c.items.append(item)
            c.ready.notify_all()

    def close(self):
        c = self._c
        with c.ready:
            c.sender_closed = True
            c.ready.notify_all()


def local_pipe():
    """(receiver, sender) of a one-way pipe between threads: items are passed as they are,
    not pickled (snapshots are immutable)."""
    channel = _Channel()
    return Receiver(channel), Sender(channel)
