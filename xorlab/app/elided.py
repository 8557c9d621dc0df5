"""A one-line label cut with "…" where its room ends (the training bar's headline, the status
bar's message)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel


class ElidedLabel(QLabel):
    """A one-line label that never widens its row: a text too long for the width it is given
    ends in "…", and then (only then) the whole text is its tooltip. `room`: a function
    giving the most width it may ask for (None: its text's width)."""

    room = None

    def minimumSizeHint(self):
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self):
        width = self.fontMetrics().horizontalAdvance(self.text()) + 8
        if self.room is not None:
            width = max(40, min(width, self.room()))
        return QSize(width, super().sizeHint().height())

    def elided(self):
        """True when the text is cut short."""
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def setText(self, text):
        super().setText(text)
        self.updateGeometry()
        self._show_tip()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._show_tip()

    def _show_tip(self):
        tip = self.text() if self.elided() else ""
        if self.toolTip() != tip:
            self.setToolTip(tip)

    def paintEvent(self, event):
        p = QPainter(self)
        p.setPen(self.palette().windowText().color())
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.ElideRight, rect.width())
        p.drawText(rect, int(self.alignment()) | Qt.AlignVCenter, text)
        p.end()
