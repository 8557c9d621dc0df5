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


def typing_in(widget):
    """True while the user types in `widget` (an editable combo box's text field counts)."""
    edit = getattr(widget, "lineEdit", lambda: None)()
    return widget.hasFocus() or (edit is not None and edit.hasFocus())


def may_show(widget, changed):
    """A field shows a new session's value unless the user is typing in it and the session
    did not change that value: another edit (a click on the diagram, say) must not wipe
    what is being typed."""
    return changed or not typing_in(widget)
