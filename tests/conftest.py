import os

# Qt tests run without a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# One BLAS thread: small matrices are faster, and results do not depend on thread timing.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from hypothesis import settings  # noqa: E402

# Timing deadlines would make property tests flaky on busy CI machines; every test still
# asserts its property.
settings.register_profile("xorlab", deadline=None)
settings.load_profile("xorlab")

import pytest  # noqa: E402

WINDOW_TIMEOUT = 30_000  # ms; the machines here are slow and noisy


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, with the bundled Hangul font registered as main() does."""
    from xorlab.app.fonts import install_hangul_font

    install_hangul_font()
    return qapp


@pytest.fixture
def app_window(qtbot, tmp_path):
    """The main window (engine in a process, its own settings file, no "save?" questions),
    shown, with its first snapshot received; closed after the test."""
    from PySide6.QtCore import QSettings

    from xorlab.app import MainWindow

    w = MainWindow(settings=QSettings(str(tmp_path / "window.ini"), QSettings.IniFormat))
    w.ask_to_save = False
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=WINDOW_TIMEOUT)
    yield w
    w.close()


def open_window(qtbot, tmp_path, session=None, engine="process"):
    """A MainWindow with its own settings file and no "save?" questions, shown, its first
    snapshot drawn; closed by qtbot after the test."""
    from PySide6.QtCore import QSettings

    from xorlab.app import MainWindow

    w = MainWindow(session, settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat),
                   engine=engine)
    w.ask_to_save = False
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=WINDOW_TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=WINDOW_TIMEOUT)
    return w


def trained(qtbot, w, session, steps=30):
    """Set the session on window `w`, take `steps` steps, and return the snapshot drawn
    after them."""
    w.set_session(session)
    qtbot.waitUntil(lambda: w.controller.latest.spec is not None
                    and w.controller.latest.classes == session.classes,
                    timeout=WINDOW_TIMEOUT)
    w.controller.step(steps)
    qtbot.waitUntil(lambda: w.controller.latest.step >= steps
                    and not w.controller.latest.running, timeout=WINDOW_TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=WINDOW_TIMEOUT)
    return w.controller.latest
