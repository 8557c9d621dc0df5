"""How the editor's input fields behave, for all of them at once:

- The mouse wheel changes a combo box or spin box only while it has the keyboard focus; over
  an unfocused field the wheel scrolls the editor instead (scrolling through the panel used to
  change Dataset or Init on the way and rebuild the network).
- Enter in a field applies it and hands the focus back to the window, so that the single-key
  shortcuts (Space, S, E, R) work again at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QSlider, QWidget

FIELD_TYPES = (QAbstractSpinBox, QComboBox, QSlider, QLineEdit)


class FieldGuard(QObject):
    def eventFilter(self, obj, event):
        kind = event.type()
        if kind == QEvent.Wheel and not obj.hasFocus():
            parent = obj.parentWidget()
            if parent is not None:  # scroll the panel, as if the field were not there
                QCoreApplication.sendEvent(parent, event)
            return True
        if kind == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter):
            field = obj
            QTimer.singleShot(0, lambda: field.clearFocus() if field.hasFocus() else None)
        return False


def guard_fields(widget, guard):
    """Install `guard` on every input field in `widget` (and on `widget` itself)."""
    fields = [widget] if isinstance(widget, FIELD_TYPES) else []
    fields += [w for w in widget.findChildren(QWidget) if isinstance(w, FIELD_TYPES)]
    for field in fields:
        if isinstance(field, QLineEdit) and isinstance(field.parentWidget(), QComboBox):
            field.installEventFilter(guard)  # an editable combo's own text field
            continue
        field.setFocusPolicy(Qt.StrongFocus)  # not Qt.WheelFocus: a wheel does not focus it
        field.installEventFilter(guard)
