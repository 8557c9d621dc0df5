"""Never lose the user's work: autosave, restore after a crash, recent files, and the
dialog + log file for unexpected errors."""

import os
import subprocess
import sys
import textwrap
import threading

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from xorlab.app.crash_report import CrashReporter
from xorlab.app.recovery import AUTOSAVE_NAME, LOCK_NAME
from xorlab.engine import load_model

TIMEOUT = 30_000  # ms


def make_window(qtbot, tmp_path, name="window.ini"):
    from xorlab.app import MainWindow

    w = MainWindow(settings=QSettings(str(tmp_path / name), QSettings.IniFormat),
                   engine="thread")
    w.ask_to_save = False
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=TIMEOUT)
    return w


def train(qtbot, w, steps):
    target = w.controller.latest.step + steps
    w.controller.step(steps)
    qtbot.waitUntil(lambda: w.controller.latest.step == target, timeout=TIMEOUT)


def leave_stale_lock(folder):
    """What a crashed xorlab leaves: its lock file, held by a process that is gone."""
    code = textwrap.dedent(f"""
        import os
        from PySide6.QtCore import QLockFile
        lock = QLockFile({str(folder / LOCK_NAME)!r})
        assert lock.tryLock(0)
        os._exit(0)  # no unlock: as if it crashed
    """)
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert (folder / LOCK_NAME).exists()


def crash(w, recovery, folder):
    """`w` "crashes": no last autosave, and its lock stays behind, held by a process that
    is gone."""
    recovery.timer.stop()
    recovery.active = False
    recovery._lock.unlock()
    leave_stale_lock(folder)
    w.recovery = None  # no autosave at quit either
    w.close()


def test_autosave_writes_the_run_when_it_changed(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    recovery = w.enable_recovery(tmp_path / "data")
    assert recovery.active and not recovery.crashed
    train(qtbot, w, 25)
    assert recovery.save_if_changed()
    net, _, doc = load_model(recovery.path)
    assert doc["step"] == 25
    assert all(np.array_equal(a, b) for a, b in zip(net.params, w.controller.latest.weights))
    assert not recovery.save_if_changed()  # nothing changed: nothing written
    train(qtbot, w, 5)
    assert recovery.save_if_changed()
    assert load_model(recovery.path)[2]["step"] == 30
    assert w.files.path is None  # the autosave does not name the run after its file


def test_autosave_runs_on_its_timer_and_at_quit(qtbot, tmp_path, monkeypatch):
    """The timer's autosave is written by a thread of its own (a large run's JSON takes
    0.2 s); the one at quit is written before the window goes."""
    from xorlab.app import recovery as recovery_module

    threads = []
    write = recovery_module.write_run
    monkeypatch.setattr(recovery_module, "write_run", lambda *a: threads.append(
        threading.current_thread().name) or write(*a))
    w = make_window(qtbot, tmp_path)
    recovery = w.enable_recovery(tmp_path / "data", seconds=0.2)
    path = recovery.path
    train(qtbot, w, 10)
    qtbot.waitUntil(lambda: path.exists() and load_model(path)[2]["step"] == 10,
                    timeout=TIMEOUT)
    train(qtbot, w, 7)
    recovery.timer.stop()  # only the quit may write now
    w.close()
    assert load_model(path)[2]["step"] == 17
    assert not (tmp_path / "data" / LOCK_NAME).exists()  # a clean quit leaves no lock
    assert threads[0] == "xorlab-autosave" and threads[-1] == "MainThread"


def test_restore_after_a_crash(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "data"
    w = make_window(qtbot, tmp_path)
    w.set_session(w.session().with_training(lr=0.2))
    recovery = w.enable_recovery(folder)
    train(qtbot, w, 40)
    assert recovery.save_if_changed()
    session, weights = w.session(), [p.copy() for p in w.controller.latest.weights]
    crash(w, recovery, folder)

    w2 = make_window(qtbot, tmp_path, "window2.ini")
    assert w2.session() != session
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[1]) or QMessageBox.Yes)
    recovery2 = w2.enable_recovery(folder)
    assert recovery2.crashed and recovery2.active
    assert recovery2.offer_restore()
    assert asked  # the user was asked
    qtbot.waitUntil(lambda: w2.controller.latest.step == 40, timeout=TIMEOUT)
    assert w2.session().to_dict() == session.to_dict()
    assert all(np.array_equal(a, b) for a, b in zip(weights, w2.controller.latest.weights))
    assert w2.last_problem.code == "restored"
    assert w2.files.path is None and w2.files.unsaved()  # not in a file yet: Quit asks
    assert not recovery2.offer_restore()  # asked once


def test_no_question_after_a_clean_quit_but_the_menu_restores(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "data"
    w = make_window(qtbot, tmp_path)
    w.enable_recovery(folder)
    train(qtbot, w, 12)
    w.close()  # writes the autosave and releases the lock
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: pytest.fail("asked after a clean quit"))
    w2 = make_window(qtbot, tmp_path, "window2.ini")
    recovery = w2.enable_recovery(folder)
    assert not recovery.crashed and not recovery.offer_restore()
    assert w2.restore_action.isEnabled()
    train(qtbot, w2, 3)
    assert recovery.save_if_changed()  # this run's autosave does not replace the last one
    w2.restore_action.trigger()
    qtbot.waitUntil(lambda: w2.controller.latest.step == 12, timeout=TIMEOUT)


def test_a_damaged_autosave_is_set_aside(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / AUTOSAVE_NAME).write_text('{"format": "xorlab-model", "version": 2, "sp')
    leave_stale_lock(folder)
    warned = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    w = make_window(qtbot, tmp_path)
    before = w.session()
    recovery = w.enable_recovery(folder)
    assert recovery.crashed
    assert recovery.offer_restore() is False
    assert warned and w.last_problem.code == "autosave_damaged"
    assert w.session() is before
    assert not (folder / AUTOSAVE_NAME).exists()
    aside = list(folder.glob("autosave-damaged-*.xorlab"))
    assert len(aside) == 1 and aside[0].read_text().endswith('"sp')  # kept, not lost


def test_a_second_window_does_not_overwrite_the_first_ones_autosave(qtbot, tmp_path):
    folder = tmp_path / "data"
    w = make_window(qtbot, tmp_path)
    first = w.enable_recovery(folder)
    w2 = make_window(qtbot, tmp_path, "window2.ini")
    second = w2.enable_recovery(folder)
    assert first.active and not second.active and not second.crashed
    train(qtbot, w2, 3)
    assert not second.save_if_changed()
    assert not first.path.exists()


def test_recent_files(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    train(qtbot, w, 3)
    paths = [tmp_path / f"m{i}.xorlab" for i in range(3)]
    for path in paths:
        assert w.save_path(path)
    assert w.files.recent_files() == [str(p.resolve()) for p in reversed(paths)]
    w.recent_menu.aboutToShow.emit()
    names = [a.text() for a in w.recent_menu.actions() if a.text()]
    assert names[:3] == ["&1 m2.xorlab", "&2 m1.xorlab", "&3 m0.xorlab"]
    # a file opened again moves to the top
    assert w.open_recent(str(paths[0].resolve()))
    qtbot.waitUntil(lambda: w.controller.latest.generation == w.controller.generation,
                    timeout=TIMEOUT)
    assert w.files.recent_files()[0] == str(paths[0].resolve())
    # a file that is gone is said and dropped
    paths[1].unlink()
    assert w.open_recent(str(paths[1].resolve())) is False
    assert w.last_problem.code == "recent_missing"
    assert str(paths[1].resolve()) not in w.files.recent_files()
    # remembered across windows (QSettings), at most 8, and the list can be cleared
    for i in range(10):
        assert w.save_path(tmp_path / f"n{i}.xorlab")
    assert len(w.files.recent_files()) == 8
    w.recent_menu.aboutToShow.emit()
    clear = [a for a in w.recent_menu.actions() if a.objectName() == "clearRecentAction"]
    clear[0].trigger()
    assert w.files.recent_files() == []


def test_an_uncaught_exception_goes_to_a_dialog_and_the_log(qtbot, tmp_path):
    reporter = CrashReporter(tmp_path / "xorlab.log")
    try:
        {}["no such key"]
    except KeyError:
        reporter.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    log = (tmp_path / "xorlab.log").read_text()
    assert "KeyError: 'no such key'" in log and "test_recovery.py" in log
    assert "KeyError" in reporter.dialog.detailedText()
    assert str(tmp_path / "xorlab.log") in reporter.dialog.text()
    reporter.dialog.close()

    # an exception in a Python thread reaches the dialog on the GUI thread
    def fail():
        raise RuntimeError("in a thread")

    thread = threading.Thread(target=fail)
    old = threading.excepthook
    threading.excepthook = reporter.thread_excepthook
    try:
        thread.start()
        thread.join()
    finally:
        threading.excepthook = old
    qtbot.waitUntil(lambda: reporter.dialog.isVisible()
                    and "in a thread" in reporter.dialog.detailedText())
    assert reporter.count == 2 and "RuntimeError: in a thread" in \
        (tmp_path / "xorlab.log").read_text()
    reporter.dialog.close()


def test_a_hard_crash_leaves_its_stack_in_the_log(tmp_path):
    """faulthandler writes a segmentation fault's Python stack to the same log."""
    code = textwrap.dedent(f"""
        import faulthandler
        from PySide6.QtWidgets import QApplication
        from xorlab.app import crash_report
        app = QApplication([])
        crash_report.install({str(tmp_path)!r})
        faulthandler._sigsegv()
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          timeout=60)
    assert done.returncode != 0
    log = (tmp_path / "xorlab.log").read_text()
    assert "Segmentation fault" in log and "<string>" in log


def test_the_app_leaves_its_lock_when_killed_and_the_next_start_sees_a_crash(qtbot, tmp_path):
    """`xorlab app` as a user starts it: it holds the lock in the user data folder while it
    runs; killed, it leaves the lock behind, and the next start knows it crashed."""
    import signal

    folder = tmp_path / "data"
    folder.mkdir()
    (folder / AUTOSAVE_NAME).write_text("{}")  # a run autosaved before: the app keeps it
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XORLAB_DATA_DIR": str(folder),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    app = subprocess.Popen([sys.executable, "-m", "xorlab.cli", "app", "--engine", "thread"],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        qtbot.waitUntil(lambda: (folder / LOCK_NAME).exists() or app.poll() is not None,
                        timeout=60_000)
        assert app.poll() is None, "the app ended by itself"
        assert (folder / "xorlab.log").exists()  # crash_report.install made the log
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait(30)
    w = make_window(qtbot, tmp_path)
    recovery = w.enable_recovery(folder)
    assert recovery.crashed and recovery.active


def test_the_crashed_run_is_not_autosaved_over_while_the_question_waits(qtbot, tmp_path,
                                                                          monkeypatch):
    folder = tmp_path / "data"
    w = make_window(qtbot, tmp_path)
    recovery = w.enable_recovery(folder)
    train(qtbot, w, 40)
    assert recovery.save_if_changed()
    crash(w, recovery, folder)

    w2 = make_window(qtbot, tmp_path, "window2.ini")
    recovery2 = w2.enable_recovery(folder, seconds=0.1)
    train(qtbot, w2, 3)  # this run differs from the autosaved one

    def slow_user(*args, **kwargs):  # a user who reads the question for a while
        qtbot.wait(800)
        return QMessageBox.Yes

    monkeypatch.setattr(QMessageBox, "question", slow_user)
    assert recovery2.offer_restore()
    qtbot.waitUntil(lambda: w2.controller.latest.step == 40, timeout=TIMEOUT)


def test_a_lock_file_cut_short_counts_as_a_crash_not_as_another_xorlab(qtbot, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / LOCK_NAME).write_bytes(b"")  # a power cut just after start
    (folder / AUTOSAVE_NAME).write_text("{}")  # ... of a run that had autosaved
    w = make_window(qtbot, tmp_path)
    recovery = w.enable_recovery(folder)
    assert recovery.active and recovery.crashed


def test_a_second_xorlab_says_autosave_is_off_and_takes_over_when_the_first_quits(
        qtbot, tmp_path):
    folder = tmp_path / "data"
    w = make_window(qtbot, tmp_path)
    w.enable_recovery(folder)
    w2 = make_window(qtbot, tmp_path, "window2.ini")
    second = w2.enable_recovery(folder)
    assert not second.active and w2.last_problem.code == "autosave_elsewhere"
    train(qtbot, w2, 4)
    assert not second.save_if_changed()
    w.close()  # the first quits: its lock goes
    assert second.save_if_changed() and second.active
    assert load_model(second.path)[2]["step"] == 4
    assert w2.last_problem.code != "other_crashed"


def test_a_second_xorlab_keeps_the_run_of_a_first_one_that_crashed(qtbot, tmp_path):
    """The first xorlab crashes while a second runs: the second takes over the autosave,
    and the first one's run becomes the last session, not overwritten."""
    folder = tmp_path / "data"
    w = make_window(qtbot, tmp_path)
    first = w.enable_recovery(folder)
    train(qtbot, w, 30)
    assert first.save_if_changed()
    crash(w, first, folder)
    w2 = make_window(qtbot, tmp_path, "window2.ini")
    second = w2.enable_recovery(folder)
    assert second.active and second.crashed  # at start: the crash is seen, and offered
    assert load_model(second.last_path)[2]["step"] == 30
    train(qtbot, w2, 5)
    assert second.save_if_changed()
    assert load_model(second.last_path)[2]["step"] == 30  # kept
    assert load_model(second.path)[2]["step"] == 5


def test_takeover_after_the_other_xorlab_crashed_keeps_its_run(qtbot, tmp_path):
    """A second xorlab that could not autosave takes over when the lock's process is gone;
    the first one's autosave becomes the last session, and this is said."""
    import signal

    folder = tmp_path / "data"
    folder.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from PySide6.QtCore import QLockFile
        lock = QLockFile({str(folder / LOCK_NAME)!r})
        assert lock.tryLock(0)
        print("locked", flush=True)
        time.sleep(120)
    """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        w = make_window(qtbot, tmp_path)
        recovery = w.enable_recovery(folder)
        assert not recovery.active and w.last_problem.code == "autosave_elsewhere"
        # the first xorlab had autosaved its run: the one to keep
        source = make_window(qtbot, tmp_path, "source.ini")
        train(qtbot, source, 30)
        assert source.files.write_run(folder / AUTOSAVE_NAME) is None
        source.close()
        train(qtbot, w, 5)
        assert not recovery.save_if_changed()  # still held
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(30)
    assert recovery.save_if_changed()  # taken over, and this run autosaved
    assert w.last_problem.code == "other_crashed"
    assert load_model(recovery.last_path)[2]["step"] == 30
    assert load_model(recovery.path)[2]["step"] == 5
    assert w.restore_action.isEnabled()


def test_no_data_folder_means_no_autosave_said_once(qtbot, tmp_path, monkeypatch):
    from xorlab.app import recovery as recovery_module

    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XORLAB_DATA_DIR", str(blocked / "data"))
    monkeypatch.setattr(recovery_module.tempfile, "gettempdir", lambda: str(blocked))
    assert recovery_module.data_folder() is None
    w = make_window(qtbot, tmp_path)
    recovery = w.enable_recovery()
    assert not recovery.active and w.last_problem.code == "autosave_no_folder"
    train(qtbot, w, 2)
    assert not recovery.save_if_changed()
    w.close()  # and quitting is fine
    monkeypatch.setattr(recovery_module.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    folder = recovery_module.data_folder()  # the fallback: a folder of this user's own
    assert folder == tmp_path / "tmp" / f"xorlab-data-{os.getuid()}"
    assert folder.stat().st_mode & 0o077 == 0
    w2 = make_window(qtbot, tmp_path, "window2.ini")
    w2.enable_recovery(folder)
    assert w2.last_problem.code == "autosave_temporary"  # said: the system may empty it


def test_the_error_dialog_survives_what_would_make_it_loop(qtbot, tmp_path, monkeypatch):
    """No stderr (a windowed build), a deleted parent, a dialog that fails to open: the
    error is logged, shown where possible, and never reported in a loop."""
    reporter = CrashReporter(tmp_path / "xorlab.log")
    monkeypatch.setattr(sys, "stderr", None)

    def report():
        try:
            raise ValueError("boom")
        except ValueError:
            reporter.excepthook(*sys.exc_info())

    report()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    reporter.dialog.close()  # deleted on close: the next error must not touch it
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(reporter.dialog))
    report()
    qtbot.waitUntil(lambda: __import__("shiboken6").isValid(reporter.dialog)
                    and reporter.dialog.isVisible())
    reporter.dialog.close()
    monkeypatch.setattr(QMessageBox, "open", lambda self: (_ for _ in ()).throw(
        RuntimeError("cannot open")))
    count = reporter.count
    monkeypatch.setattr(sys, "excepthook", reporter.excepthook)  # as install() sets it
    report()
    assert reporter.count <= count + 2  # the failure of the dialog is logged once, no loop
    log = (tmp_path / "xorlab.log").read_text()
    assert log.count("ValueError: boom") == 3


@pytest.mark.skipif(sys.platform == "win32", reason="no SIGTERM on Windows")
@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT"])
def test_a_terminated_app_quits_as_if_closed(tmp_path, signal_name):
    """SIGTERM (a logout, `kill`) or Ctrl+C in the terminal ends xorlab like File → Quit:
    the run is autosaved, the lock released, the engine stopped."""
    import signal

    folder = tmp_path / "data"
    code = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from xorlab.app import MainWindow, main

        app = QApplication(sys.argv[:1])

        def trained():  # say "ready" once the window has trained 25 steps
            for w in app.topLevelWidgets():
                if isinstance(w, MainWindow) and w.controller.latest is not None:
                    if w.controller.latest.step == 0 and not w.controller.running:
                        w.controller.step(25)
                    elif w.controller.latest.step == 25:
                        print("ready", flush=True)
                        return
            QTimer.singleShot(50, trained)

        QTimer.singleShot(0, trained)
        sys.exit(main(engine="thread"))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XORLAB_DATA_DIR": str(folder),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    app = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True)
    try:
        assert app.stdout.readline().strip() == "ready", "the app ended by itself"
        assert (folder / LOCK_NAME).exists()
        app.send_signal(getattr(signal, signal_name))
        assert app.wait(60) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(30)
    assert not (folder / LOCK_NAME).exists()  # released: the next start sees no crash
    assert load_model(folder / AUTOSAVE_NAME)[2]["step"] == 25  # the run, autosaved at quit
