"""Start the app: `main()` runs the window until it closes, `self_test()` is a packaged
build's smoke test. A terminal's Ctrl+C or a SIGTERM (a logout, `kill`) quits like File →
Quit: the run is autosaved, the lock released, the engine stopped."""

from __future__ import annotations

import gc
import signal
import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from .. import APP_ID
from .fonts import install_hangul_font
from .window import MainWindow

QUIT_SIGNALS = ("SIGTERM", "SIGINT")  # those that exist here (Windows has no SIGTERM sent)
SIGNAL_POLL_MS = 200  # Python's signal handlers run only when Python runs: wake it this often


def main(model=None, engine="process", language=None, lesson=None):
    """Run the application until its window closes; returns the exit status. `engine`:
    "process" (the default) or "thread", where training runs; `language`: "ko" or "en"
    (default: the one chosen in View → Language, else the system's)."""
    from . import crash_report
    from .i18n import choose_language, install
    from .recovery import data_folder

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("xorlab")
    app.setOrganizationName("xorlab")
    app.setDesktopFileName(APP_ID)  # the desktop matches the window to its .desktop file
    install_hangul_font()
    install(app, choose_language(QSettings("xorlab", "xorlab"), language))
    folder = data_folder()
    crash_report.install(folder)  # tracebacks to a dialog and <data folder>/xorlab.log
    window = MainWindow(engine=engine)
    app.aboutToQuit.connect(window.shutdown)  # however the app ends, stop the engine first
    recovery = window.enable_recovery(folder)  # autosave every minute and at quit
    quit_on_signals(app, window)
    window.show()
    recovery.offer_restore()  # after a crash: "Restore the last session?"
    # the window's objects live until it closes: the garbage collector need not look at them
    # again (a full collection over them paused the event loop for ~20 ms)
    gc.freeze()
    if model:
        window.open_path(model)
    if lesson:
        window.open_lesson(lesson)
    return app.exec()


def quit_on_signals(app, window):
    """SIGTERM and SIGINT end the app as a quit does, without the "save?" question (nobody
    may be there to answer; the autosave keeps the run). The handler only schedules the quit:
    it runs between two lines of whatever Python code the GUI thread is in."""
    def quit_now():
        window.shutdown()  # the last autosave, the lock released, the engine stopped
        window.close()
        app.quit()

    def handler(_signum, _frame):
        QTimer.singleShot(0, quit_now)

    for name in QUIT_SIGNALS:
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, handler)
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)  # a turn of Python, for a handler waiting to run
    wake.start(SIGNAL_POLL_MS)
    return wake


def self_test(seconds=3.0, engine="process"):
    """Open the window, train the default network for `seconds`, close it; 0 when training
    went on, frames were drawn and the engine process ended cleanly (a packaged build's
    smoke test: `xorlab app --self-test 3`)."""
    import tempfile
    from pathlib import Path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_hangul_font()
    result = {}
    with tempfile.TemporaryDirectory(prefix="xorlab-self-test-") as folder:
        settings = QSettings(str(Path(folder) / "self-test.ini"), QSettings.IniFormat)
        window = MainWindow(settings=settings, engine=engine)
        window.ask_to_save = False
        window.show()

        def finish():
            snap = window.controller.latest
            result.update(step=snap.step if snap else 0, frames=window.plot_frames)
            window.close()
            engine = window.controller.engine
            result["clean"] = not engine.is_alive() and engine.exitcode == 0
            result["kind"] = engine.kind
            app.quit()

        QTimer.singleShot(500, window.controller.play)
        QTimer.singleShot(round(500 + 1000 * seconds), finish)
        app.exec()
        settings.sync()  # written now, into the folder about to go: not later, after it
    ok = result.get("step", 0) > 0 and result.get("frames", 0) > 0 and result.get("clean")
    print(f"self-test {'passed' if ok else 'FAILED'}: trained {result.get('step', 0)} steps, "
          f"drew {result.get('frames', 0)} frames, engine {result.get('kind', engine)} "
          f"{'ended cleanly' if result.get('clean') else 'did NOT end cleanly'}")
    return 0 if ok else 1
