"""Showing a session in widgets without their change signals: what the editor shows is not
an edit."""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import QWidget


@contextlib.contextmanager
def shown(widget):
    """Block the signals of `widget` and every widget in it while the block runs."""
    widgets = [widget, *widget.findChildren(QWidget)]
    previous = [w.blockSignals(True) for w in widgets]
    try:
        yield
    finally:
        for w, was in zip(widgets, previous):
            w.blockSignals(was)
