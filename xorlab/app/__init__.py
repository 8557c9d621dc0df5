"""The xorlab desktop app (PySide6 + pyqtgraph): Qt only. `main()` runs it (launch.py);
`MainWindow` is the window (window.py), with the editor (editor/), the views (views/), the
files (files.py) and the controller of the training loop (controller.py). What is not Qt
lives in xorlab.lab. Nothing is imported until it is asked for: an engine process that
imports xorlab.app loads no Qt."""

from __future__ import annotations

__all__ = ["MainWindow", "main", "self_test"]


def __getattr__(name):
    if name in ("main", "self_test"):
        from . import launch

        return getattr(launch, name)
    if name == "MainWindow":
        from .window import MainWindow

        return MainWindow
    raise AttributeError(name)
