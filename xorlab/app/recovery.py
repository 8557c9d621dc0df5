"""Never lose the user's work: the user data folder, the autosave and the crash marker.

    <data folder>/autosave.xorlab   the run, every minute while it changes and at quit
    <data folder>/running.lock      held while xorlab runs (process id inside)
    <data folder>/xorlab.log        tracebacks and crashes (crash_report.py)

The autosave is a model file like any other (network, settings, data, weights, step, the
last 1000 history rows), written atomically; the timer's writes run in a thread of their own
(the JSON of the largest run takes 0.2 s), the one at quit is waited for. A clean quit
removes `running.lock`; when the next start finds it left by a process that is gone, xorlab
crashed, and the window asks
"Restore the last session?". File → Restore last session brings back the run of the last
quit too, until this run's first autosave replaces it. A damaged autosave is set aside
(renamed `autosave-damaged-<time>.xorlab`) with a message, never a crash.

The data folder is Qt's AppDataLocation (Linux: ~/.local/share/xorlab/xorlab), or the
folder in the environment variable XORLAB_DATA_DIR (the tests use their own); where it cannot
be written, <temporary folder>/xorlab-data; where neither can, xorlab runs without autosave
and says so.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from ..engine import ModelFileError, SpecError
from ..lab.messages import message
from ..lab.session import SessionError
from . import collect_garbage_in_gui_thread
from .files import read_run, write_run

AUTOSAVE_SECONDS = 60
AUTOSAVE_NAME = "autosave.xorlab"
LOCK_NAME = "running.lock"


def data_folder():
    """The user data folder (made if missing); a folder in the temporary folder when that
    cannot be made or written (a read-only home), None when neither can."""
    preferred = os.environ.get("XORLAB_DATA_DIR") or QStandardPaths.writableLocation(
        QStandardPaths.AppDataLocation) or str(Path.home() / ".xorlab")
    for folder in (preferred, os.path.join(tempfile.gettempdir(), "xorlab-data")):
        try:
            path = Path(folder)
            path.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(path, os.W_OK):
            return path
    return None


class Recovery(QObject):
    """The autosave of one window, and what the last start left behind.

    `crashed`: the previous xorlab did not quit cleanly (its lock was left, its process is
    gone); until offer_restore() has asked, nothing is autosaved over that run. Only the
    xorlab that holds the lock autosaves: a second one started beside it does not overwrite
    the first one's autosave (it says so, and takes over when the first one quits)."""

    written = Signal(object, object)  # (state, None or the Message): a write ended

    def __init__(self, window, folder, seconds=AUTOSAVE_SECONDS):
        super().__init__(window)
        self.window = window
        self.folder = None if folder is None else Path(folder)
        try:
            if self.folder is not None:
                self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            self.folder = None
        self.saved_state = None  # what was written last: (generation, step, config, view)
        self._writer = None  # the thread writing the autosave, while it does
        self.written.connect(self._written)  # from the writer, queued to this thread
        self.timer = QTimer(self)
        self.timer.setInterval(round(1000 * seconds))
        self.timer.timeout.connect(lambda: self.save_if_changed(wait=False))
        self.active = self.crashed = self.previous = False
        if self.folder is None:  # no folder to write in: say so once
            window.show_problem(message("autosave_no_folder"), 15000)
            return
        self.path = self.folder / AUTOSAVE_NAME
        self._lock = QLockFile(str(self.folder / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, however old
        left_behind = (self.folder / LOCK_NAME).exists()
        self.active = self._take_lock()
        self.crashed = left_behind and self.active
        self.previous = self.path.exists() and self.active  # the last run's autosave is there
        if not self.active:
            window.show_problem(message("autosave_elsewhere"), 15000)
        self.timer.start()

    def _take_lock(self):
        """Hold running.lock; a lock file that cannot be read (cut short by a power cut) is
        removed first."""
        if self._lock.tryLock(0):
            return True
        pid, _host, _app = self._lock.getLockInfo()
        if not pid and self._lock.removeStaleLockFile():
            return self._lock.tryLock(0)
        return False

    def _state(self):
        """What an autosave now would write: the snapshot's run (its network was built from
        one session per generation) and its settings."""
        snap = self.window.controller.latest
        if snap is None:
            return None
        return snap.generation, snap.step, snap.config, snap.view

    def save_if_changed(self, wait=True):
        """Write the autosave when the run changed since it was last written; True when it
        was written (wait=False, the timer's way: when a thread started writing it, so that
        a large run's JSON does not hold the window up)."""
        if self.folder is None or self.crashed:  # nowhere to write / the crashed run waits
            return False
        if not self.active:  # another xorlab holds the lock: take it over once it quits
            self.active = self._take_lock()
            if not self.active:
                return False
        if self._writer is not None and self._writer.is_alive():
            if not wait:
                return False  # the last one is still being written
            self._writer.join()
        state = self._state()
        if state is None or state == self.saved_state:
            return False
        run, problem = self.window.files.run_shown()
        if problem is not None:
            self._written(state, problem)
            return False
        if wait:
            return self._written(state, write_run(self.path, run))
        collect_garbage_in_gui_thread()  # no cycle collection in the writer (app/__init__)
        self._writer = threading.Thread(target=self._write_in_thread, args=(state, run),
                                        name="xorlab-autosave", daemon=True)
        self._writer.start()
        return True

    def _write_in_thread(self, state, run):
        """The writer thread. Python hands the interpreter lock between threads every 5 ms
        by default; the window's thread wants it back after each Qt call, so while this
        thread writes it is handed over every 0.5 ms instead (measured: the longest pause
        of the window while the largest run is written fell from 200 ms, written in the
        window's thread, to 16-39 ms; 15-17 ms with no autosave)."""
        interval = sys.getswitchinterval()
        sys.setswitchinterval(0.0005)
        try:
            problem = write_run(self.path, run)
        finally:
            sys.setswitchinterval(interval)
        self.written.emit(state, problem)

    def _written(self, state, problem):
        """In the window's thread, after a write: say a failure, or remember what is saved."""
        if problem is not None:
            if problem.code == "not_saved":
                self.window.show_problem(message("not_autosaved", detail=problem.params[
                    "detail"]), 10000)
            return False
        self.saved_state = state
        if self.previous:  # this run has replaced the last run's autosave
            self.previous = False
            self.window.restore_action.setEnabled(False)
        return True

    def restore(self):
        """Continue the autosaved run; a damaged autosave is set aside with a message.
        True when the run was restored."""
        w = self.window
        try:
            session, net, run = read_run(self.path, w.session())
        except (ModelFileError, SessionError, SpecError) as e:
            aside = self.set_aside()
            QMessageBox.warning(w, self.tr("Cannot restore"), w.message_text(
                message("autosave_damaged", detail=e, path=str(aside))))
            w.show_problem(message("autosave_damaged", detail=e, path=str(aside)), 10000)
            return False
        if not w.files.adopt(session, net, run, path=None):
            return False
        self.previous = False
        w.restore_action.setEnabled(False)
        w.setWindowTitle(self.tr("xorlab — restored session"))
        w.show_problem(message("restored", step=run.step), 8000)
        return True

    def set_aside(self):
        """Rename a damaged autosave so that it is neither read again nor lost."""
        aside = self.folder / time.strftime("autosave-damaged-%Y%m%d-%H%M%S.xorlab")
        try:
            os.replace(self.path, aside)
        except OSError:
            return self.path
        self.previous = False
        return aside

    def offer_restore(self, ask=None):
        """After a crash: ask "Restore the last session?" (`ask`: a function returning
        True/False instead of the dialog, for tests) and restore when the answer is yes."""
        if not self.crashed:
            return False
        try:  # while the question is open, the timer writes nothing over the crashed run
            if not self.path.exists():
                return False
            if ask is None:
                answer = QMessageBox.question(
                    self.window, self.tr("Restore the last session?"),
                    self.tr("xorlab did not quit normally last time. Restore the session it "
                            "autosaved?"), QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
                yes = answer == QMessageBox.Yes
            else:
                yes = ask()
            return self.restore() if yes else False
        finally:
            self.crashed = False

    def shutdown(self):
        """At quit: write the run one last time and release the lock (a clean quit)."""
        self.timer.stop()
        if self.active:
            self.crashed = False  # quitting at the question: this run is the last one now
            self.save_if_changed()
            self._lock.unlock()
            self.active = False
