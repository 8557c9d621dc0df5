"""What the views of image data share: a QWidget painted in one paintEvent, its colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor(30, 30, 30)
WRONG = QColor(214, 39, 40)  # red: a wrong answer
MUTED = QColor(110, 110, 110)
RIGHT = QColor(40, 80, 150)  # dark blue: right answers, the most probable class


class PaintedView(QWidget):
    """A view drawn by `paint(painter)` in one paintEvent; `needs_paint` as FramePacer
    reads it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.needs_paint = True
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setAttribute(Qt.WA_OpaquePaintEvent)  # paint fills it: nothing under it drawn

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.white)
        self.paint(painter)
        painter.end()

    def paint(self, painter):
        raise NotImplementedError

    def small_font(self, scale=0.9, bold=False):
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * scale))
        font.setBold(bold)
        return font

    def text_height(self, scale=0.9):
        return QFontMetrics(self.small_font(scale)).height()
