"""Unexpected errors are never silent: a dialog with the traceback, and a log file.

`install(folder)` (called by `main()`) makes every uncaught exception — in a slot of the
window, or in a Python thread of this process — go to <data folder>/xorlab.log with the time,
and to a dialog that says where the log is and shows the traceback under "Show Details".
`faulthandler` writes to the same log, so a hard crash (a segmentation fault in a library)
leaves its Python stack there too. The log is kept under 1 MB: a bigger one moves to
xorlab.log.1 at start.
"""

from __future__ import annotations

import faulthandler
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

LOG_NAME = "xorlab.log"
LOG_BYTES = 1_000_000


class CrashReporter(QObject):
    """Writes tracebacks to the log and shows them, one dialog at a time, on the GUI
    thread (an exception in another thread reaches the dialog through a queued signal)."""

    report = Signal(str)

    def __init__(self, log_path):
        super().__init__()
        self.log_path = Path(log_path)
        self.dialog = None  # the dialog shown, if any: later errors go to the log only
        self.count = 0  # errors logged
        self._reporting = False  # an error is being shown
        self.report.connect(self._show)

    def write(self, text):
        with open(self.log_path, "a", encoding="utf-8") as log:
            log.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} ---\n{text}\n")

    def excepthook(self, kind, value, tb):
        """sys.excepthook: log, show, and print to stderr (a windowed build has none). An
        error while reporting an error is logged, never reported again (no loop)."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        text = "".join(traceback.format_exception(kind, value, tb))
        self.count += 1
        try:
            self.write(text)
        except OSError:
            pass  # the dialog still shows it
        if self._reporting:
            return
        self._reporting = True
        try:
            self.report.emit(text)
        except Exception as e:  # noqa: BLE001 - the report itself failed: the log has it
            try:
                self.write(f"(the error dialog failed: {e!r})")
            except OSError:
                pass
        finally:
            self._reporting = False
        if sys.stderr is not None:
            sys.stderr.write(text)

    def thread_excepthook(self, args):
        """threading.excepthook: the same for a Python thread."""
        if args.exc_type is SystemExit:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, text):
        if self.dialog is not None and shiboken6.isValid(self.dialog) and \
                self.dialog.isVisible():
            return  # one at a time: the log has every one
        box = QMessageBox(QMessageBox.Critical, self.tr("Unexpected error"), self.tr(
            "xorlab hit an unexpected error. Your run is still here: save it if you can.\n\n"
            "The details are in the log file {0}; please send it with a description of what "
            "you did.").format(self.log_path), QMessageBox.Ok, _main_window())
        box.setObjectName("crashDialog")
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.setDetailedText(text)
        box.open()  # not modal to the event loop: training and drawing go on
        self.dialog = box


def _main_window():
    """The xorlab window (the one main window), or None: never a passing dialog, which may
    be deleted while the error box is open."""
    app = QApplication.instance()
    windows = [w for w in (app.topLevelWidgets() if app is not None else [])
               if isinstance(w, QMainWindow) and w.isVisible()]
    return windows[0] if windows else None


_reporter = None
_fault_log = None


def install(folder):
    """Send uncaught exceptions and faults of this process to <folder>/xorlab.log (folder
    None: the temporary folder) and a dialog; returns the CrashReporter (the same one when
    called again)."""
    global _reporter, _fault_log
    if _reporter is not None:
        return _reporter
    log_path = Path(folder if folder is not None else tempfile.gettempdir()) / LOG_NAME
    try:
        if log_path.stat().st_size > LOG_BYTES:
            log_path.replace(log_path.with_name(LOG_NAME + ".1"))
    except OSError:
        pass
    _reporter = CrashReporter(log_path)
    sys.excepthook = _reporter.excepthook
    threading.excepthook = _reporter.thread_excepthook
    try:
        _fault_log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - open while running
        faulthandler.enable(file=_fault_log, all_threads=True)
    except OSError:
        if sys.stderr is not None:  # a windowed build on Windows has no stderr
            faulthandler.enable()  # to stderr at least
    return _reporter
