"""Never lose the user's work: the user data folder, the autosave and the crash marker.

    <data folder>/autosave.xorlab      this run, every minute while it changes and at quit
    <data folder>/last-session.xorlab  the run before this one (File → Restore last session)
    <data folder>/running.lock         held while xorlab runs (process id inside)
    <data folder>/xorlab.log           tracebacks and crashes (crash_report.py)

The autosave is a model file like any other (network, settings, data, weights, step, the
last 1000 history rows), written atomically; the timer's writes run in a thread of their own
(the JSON of the largest run takes 0.2 s), the one at quit is waited for.

At start, the last run's autosave becomes last-session.xorlab, so that this run's autosaves
never write over it. A clean quit removes `running.lock`; when the next start finds it left
by a process that is gone, xorlab crashed, and the window asks "Restore the last session?".
A damaged file is set aside (renamed `autosave-damaged-<time>.xorlab`) with a message, never
a crash. A second xorlab started beside the first does not autosave (it says so) until the
first quits; if the first crashed meanwhile, its run becomes the last session, not lost.

The data folder is Qt's AppDataLocation (Linux: ~/.local/share/xorlab/xorlab), or the
folder in the environment variable XORLAB_DATA_DIR (the tests use their own); where it cannot
be written, a folder of this user's own in the temporary folder (said in the status bar);
where neither can, xorlab runs without autosave and says so.
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
from ..lab.runfile import read_run, write_run
from ..lab.session import SessionError
from .gui_gc import collect_garbage_in_gui_thread
from .i18n import message_text

AUTOSAVE_SECONDS = 60
AUTOSAVE_NAME = "autosave.xorlab"
LAST_NAME = "last-session.xorlab"
LOCK_NAME = "running.lock"
# A lock file not touched for this long is stale even when its process cannot be checked
# (a home folder shared between machines); the holder touches it at every autosave tick.
STALE_LOCK_MS = 10 * 60 * 1000


def data_folder():
    """The user data folder (made if missing); a folder of this user's own in the temporary
    folder when that cannot be made or written (a read-only home), None when neither can."""
    preferred = os.environ.get("XORLAB_DATA_DIR") or QStandardPaths.writableLocation(
        QStandardPaths.AppDataLocation) or str(Path.home() / ".xorlab")
    for folder in (preferred, temporary_folder()):
        path = Path(folder)
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(path, os.W_OK) and _own(path):
            return path
    return None


def temporary_folder():
    """<temporary folder>/xorlab-data-<user id>: the fallback data folder."""
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return Path(tempfile.gettempdir()) / f"xorlab-data-{user}"


def _own(path):
    """A real folder of this user's (not a link another user laid in the temporary
    folder)."""
    if path.is_symlink():
        return False
    return not hasattr(os, "getuid") or path.stat().st_uid == os.getuid()


class Recovery(QObject):
    """The autosave of one window's run, and what the last start left behind. It writes
    and restores through the window's ModelFiles (`files`: run_shown, adopt, the session
    and the newest snapshot); start() takes the lock and starts the timer.

    `crashed`: the previous xorlab did not quit cleanly (its lock was left, its process is
    gone); offer_restore() asks about it. `previous`: a last session can be restored. Only
    the xorlab that holds the lock autosaves."""

    written = Signal()  # a write by the writer thread ended (queued to this thread)
    problem = Signal(object, int)  # a lab.messages.Message to show, for so many ms
    titleChanged = Signal(str)  # the window's title, after a restore
    previousChanged = Signal(bool)  # whether a last session can be restored

    def __init__(self, files, folder, seconds=AUTOSAVE_SECONDS, parent=None):
        super().__init__(parent)
        self.files = files
        self.folder = None if folder is None else Path(folder)
        try:
            if self.folder is not None:
                self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            self.folder = None
        self.saved_state = None  # what was written last: (generation, step, config, view)
        self._writer = None  # the thread writing the autosave, while it does
        self._result = None  # (state, problem) of the writer's last write, not yet applied
        self.written.connect(self._apply_result)
        self.timer = QTimer(self)
        self.timer.setInterval(round(1000 * seconds))
        self.timer.timeout.connect(lambda: self.save_if_changed(wait=False))
        self.active = self.crashed = self.previous = False
        if self.folder is not None:
            self.path = self.folder / AUTOSAVE_NAME
            self.last_path = self.folder / LAST_NAME
            self._lock_path = self.folder / LOCK_NAME
            self._lock = QLockFile(str(self._lock_path))
            self._lock.setStaleLockTime(STALE_LOCK_MS)

    def start(self):
        """Take the lock (or say why this xorlab does not autosave) and start the timer."""
        if self.folder is None:  # no folder to write in: say so once
            self.problem.emit(message("autosave_no_folder"), 15000)
            return self
        self.previous = self.last_path.exists()
        self._take_over()
        if not self.active:
            self.problem.emit(message("autosave_elsewhere"), 15000)
        elif self.folder == temporary_folder():
            self.problem.emit(message("autosave_temporary", folder=str(self.folder)), 15000)
        self.timer.start()
        return self

    def _take_over(self):
        """Hold running.lock. Found left behind by a process that is gone (or cut short by
        a power cut), it means that xorlab crashed: its autosave becomes the last session,
        to be offered, before this run writes any."""
        left_behind = self._lock_path.exists()
        self.active = self._lock.tryLock(0)
        if not self.active:
            pid, _host, _app = self._lock.getLockInfo()
            if not pid and self._lock.removeStaleLockFile():  # unreadable: cut short
                self.active = self._lock.tryLock(0)
        if self.active:
            self._keep_last_session()
            self.crashed = left_behind and self.previous
        return self.active

    def _keep_last_session(self):
        """The autosave of the run before becomes last-session.xorlab."""
        if self.path.exists():
            try:
                os.replace(self.path, self.last_path)
                self.previous = True
            except OSError:
                pass
        self.previousChanged.emit(self.previous)

    def _state(self):
        """What an autosave now would write: the snapshot's run (its network was built from
        one session per generation) and its settings."""
        snap = self.files.latest()
        if snap is None:
            return None
        return snap.generation, snap.step, snap.config, snap.view

    def save_if_changed(self, wait=True):
        """Write the autosave when the run changed since it was last written; True when it
        was written (wait=False, the timer's way: when a thread started writing it, so that
        a large run's JSON does not hold the window up)."""
        if self.folder is None:
            return False
        if not self.active:  # another xorlab holds the lock: take it over once it quits
            if not self._take_over():
                return False
            if self.crashed:  # it crashed: its run is the last session now
                self.crashed = False
                self.problem.emit(message("other_crashed"), 15000)
        try:
            os.utime(self._lock_path)  # alive: the lock is not stale
        except OSError:
            pass
        if self._writer is not None and self._writer.is_alive():
            if not wait:
                return False  # the last one is still being written
            self._writer.join()
        self._apply_result()
        state = self._state()
        if state is None or state == self.saved_state:
            return False
        run, problem = self.files.run_shown()
        if problem is not None:
            return self._written(state, problem)
        if wait:
            return self._written(state, write_run(self.path, run))
        collect_garbage_in_gui_thread()  # no cycle collection in the writer (gui_gc.py)
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
        self._result = (state, problem)
        self.written.emit()

    def _apply_result(self):
        """The writer's result, once, in the window's thread (after a join, or queued)."""
        result, self._result = self._result, None
        if result is not None:
            self._written(*result)

    def _written(self, state, problem):
        """After a write: say a failure, or remember what is saved."""
        if problem is not None:
            if problem.code == "not_saved":
                self.problem.emit(message("not_autosaved", detail=problem.params["detail"]),
                                  10000)
            return False
        self.saved_state = state
        return True

    def restore(self):
        """Continue the last session's run; a damaged file is set aside with a message.
        True when the run was restored."""
        try:
            session, net, run = read_run(self.last_path, self.files.session())
        except (ModelFileError, SessionError, SpecError) as e:
            aside = self.set_aside()
            damaged = message("autosave_damaged", detail=e, path=str(aside))
            QMessageBox.warning(self.parent(), self.tr("Cannot restore"), message_text(damaged))
            self.problem.emit(damaged, 10000)
            return False
        if not self.files.adopt(session, net, run, path=None):
            return False
        self.titleChanged.emit(self.tr("xorlab — restored session"))
        self.problem.emit(message("restored", step=run.step), 8000)
        return True

    def set_aside(self):
        """Rename a damaged last session so that it is neither read again nor lost."""
        aside = self.folder / time.strftime("autosave-damaged-%Y%m%d-%H%M%S.xorlab")
        try:
            os.replace(self.last_path, aside)
        except OSError:
            return self.last_path
        self.previous = False
        self.previousChanged.emit(False)
        return aside

    def offer_restore(self, ask=None):
        """After a crash: ask "Restore the last session?" (`ask`: a function returning
        True/False instead of the dialog, for tests) and restore when the answer is yes."""
        if not self.crashed:
            return False
        self.crashed = False
        if not self.last_path.exists():
            return False
        if ask is None:
            answer = QMessageBox.question(
                self.parent(), self.tr("Restore the last session?"),
                self.tr("xorlab did not quit normally last time. Restore the session it "
                        "autosaved?"), QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
            yes = answer == QMessageBox.Yes
        else:
            yes = ask()
        return self.restore() if yes else False

    def shutdown(self):
        """At quit: write the run one last time (taking over from another xorlab that has
        quit meanwhile) and release the lock (a clean quit)."""
        self.timer.stop()
        self.save_if_changed()
        if self.active:
            self._lock.unlock()
            self.active = False
