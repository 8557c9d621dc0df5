"""The xorlab desktop app (PySide6 + pyqtgraph). `main()` runs it; `MainWindow` is the window."""

from __future__ import annotations

import gc
import sys


def main(model=None):
    """Run the application until its window closes; returns the exit status."""
    from PySide6.QtWidgets import QApplication

    from .window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("xorlab")
    app.setOrganizationName("xorlab")
    window = MainWindow()
    app.aboutToQuit.connect(window.shutdown)  # however the app ends, stop the engine first
    window.show()
    # the window's objects live until it closes: the garbage collector need not look at them
    # again (a full collection over them paused the event loop for ~20 ms)
    gc.freeze()
    if model:
        window.open_path(model)
    return app.exec()


def __getattr__(name):
    if name == "MainWindow":
        from .window import MainWindow

        return MainWindow
    raise AttributeError(name)
