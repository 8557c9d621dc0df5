"""Draw a digit, see what the network says: an 8×8 canvas and the network's probability of
each class, computed here from the newest snapshot's weights (lab.predict) as the student
draws and as training goes on.

The mouse: the left button paints (the pixel black, its four neighbours grey: strokes as
thick and soft as the bundled digits'), the right button erases. The keyboard: the arrows
move the cursor, Space or Enter paints, Delete or Backspace erases."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ...lab.predict import Predictor
from ..colors import CLASS1
from .painted import INK, MUTED, RIGHT, PaintedView

STROKE = 1.0  # the pixel under the pen
EDGE = 0.35  # its four neighbours, at least
KEYS = {Qt.Key_Left: (0, -1), Qt.Key_Right: (0, 1), Qt.Key_Up: (-1, 0), Qt.Key_Down: (1, 0)}


class DigitCanvas(QWidget):
    """An image (rows, columns) of values in [0, 1] painted with the mouse or the keys;
    `changed` after every stroke. 1 is black ink, as the network reads the digits."""

    changed = Signal()

    def __init__(self, shape=(8, 8), parent=None):
        super().__init__(parent)
        self.setObjectName("digitCanvas")
        self.setAccessibleName(self.tr("Canvas to draw a digit on"))
        self.setAccessibleDescription(self.tr(
            "left button paints, right button erases; arrows move, Space paints, Delete "
            "erases"))
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMinimumSize(96, 96)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.image = np.zeros(shape)
        self.cursor = (0, 0)
        self._button = None

    def set_shape(self, shape):
        if tuple(shape) != self.image.shape:
            self.image = np.zeros(shape)
            self.cursor = (0, 0)
            self.update()
            self.changed.emit()

    def clear(self):
        self.set_image(np.zeros(self.image.shape))

    def set_image(self, image):
        """Show `image` (rows, columns) of values in [0, 1], to change by hand."""
        self.image = np.clip(np.array(image, dtype=float), 0.0, 1.0)
        self.update()
        self.changed.emit()

    def paint_at(self, row, col, erase=False):
        """Paint (or erase) the pixel (row, col): the pen's pixel black, its neighbours at
        least grey; erasing clears the pixel only."""
        rows, cols = self.image.shape
        if not (0 <= row < rows and 0 <= col < cols):
            return
        image = self.image.copy()
        if erase:
            image[row, col] = 0.0
        else:
            image[row, col] = STROKE
            for dr, dc in KEYS.values():
                r, c = row + dr, col + dc
                if 0 <= r < rows and 0 <= c < cols:
                    image[r, c] = max(image[r, c], EDGE)
        if not np.array_equal(image, self.image):
            self.image = image
            self.update()
            self.changed.emit()

    # ---- geometry ----------------------------------------------------------------------------
    def square(self):
        """The drawing area: the largest square that fits, centred."""
        side = min(self.width(), self.height()) - 2
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def pixel_at(self, pos):
        """(row, column) of the pixel under a widget position, or None."""
        area = self.square()
        rows, cols = self.image.shape
        r = int((pos.y() - area.top()) / area.height() * rows)
        c = int((pos.x() - area.left()) / area.width() * cols)
        return (r, c) if area.contains(pos) and r < rows and c < cols else None

    def pixel_centre(self, row, col):
        area = self.square()
        rows, cols = self.image.shape
        return area.left() + (col + 0.5) * area.width() / cols, \
            area.top() + (row + 0.5) * area.height() / rows

    # ---- mouse and keys ----------------------------------------------------------------------
    def mousePressEvent(self, event):
        if event.button() in (Qt.LeftButton, Qt.RightButton):
            self._button = event.button()
            self._stroke(event)

    def mouseMoveEvent(self, event):
        if self._button is not None:
            self._stroke(event)

    def mouseReleaseEvent(self, event):
        self._button = None

    def _stroke(self, event):
        where = self.pixel_at(event.position())
        if where is not None:
            self.cursor = where
            self.paint_at(*where, erase=self._button == Qt.RightButton)

    def event(self, event):
        # Space paints here, not the window's play / pause
        if event.type() == QEvent.ShortcutOverride and event.key() == Qt.Key_Space:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event):
        key = event.key()
        rows, cols = self.image.shape
        if key in KEYS:
            dr, dc = KEYS[key]
            self.cursor = (min(max(self.cursor[0] + dr, 0), rows - 1),
                           min(max(self.cursor[1] + dc, 0), cols - 1))
            self.update()
        elif key in (Qt.Key_Space, Qt.Key_Return, Qt.Key_Enter):
            self.paint_at(*self.cursor)
        elif key in (Qt.Key_Delete, Qt.Key_Backspace):
            self.paint_at(*self.cursor, erase=True)
        else:
            super().keyPressEvent(event)

    # ---- painting ------------------------------------------------------------------------
    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.white)
        area = self.square()
        rows, cols = self.image.shape
        w, h = area.width() / cols, area.height() / rows
        for r in range(rows):
            for c in range(cols):
                grey = int(round(255 * (1 - float(np.clip(self.image[r, c], 0, 1)))))
                painter.fillRect(QRectF(area.left() + c * w, area.top() + r * h, w, h),
                                 QColor(grey, grey, grey))
        painter.setPen(QPen(QColor(210, 210, 210), 1))
        for k in range(1, cols):
            painter.drawLine(area.left() + k * w, area.top(), area.left() + k * w,
                             area.bottom())
        for k in range(1, rows):
            painter.drawLine(area.left(), area.top() + k * h, area.right(), area.top() + k * h)
        painter.setPen(QPen(MUTED, 1))
        painter.drawRect(area)
        if self.hasFocus():  # the keyboard's cursor
            r, c = self.cursor
            painter.setPen(QPen(QColor(*CLASS1), 2))
            painter.drawRect(QRectF(area.left() + c * w + 1, area.top() + r * h + 1,
                                    w - 2, h - 2))
        painter.end()


class ProbabilityBars(PaintedView):
    """The network's probability of each class for the drawn image, one bar per class, the
    most probable one darker with its percentage."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("probabilityBars")
        self.setAccessibleName(self.tr("The network's probability of each digit"))
        self.setMinimumSize(150, 110)
        self.probabilities = None  # (K,) shown

    def set_probabilities(self, p):
        """Take new probabilities; True when they differ visibly from those shown. A
        diverged network's (not finite) are no answer: nothing is shown."""
        if p is not None and not np.all(np.isfinite(p)):
            p = None
        if p is None and self.probabilities is None:
            return False
        if p is not None and self.probabilities is not None \
                and p.shape == self.probabilities.shape \
                and np.abs(p - self.probabilities).max() < 1 / 256:
            return False
        self.probabilities = None if p is None else np.array(p, dtype=float)
        self.setAccessibleDescription(self.readout())
        return True

    def readout(self):
        p = self.probabilities
        if p is None:
            return ""
        best = int(p.argmax())
        return self.tr("most probable {0} ({1:.0%}); ").format(best, p[best]) + ", ".join(
            f"{k}: {v:.0%}" for k, v in enumerate(p))

    def bar_rects(self):
        """The full-height slot of each class's bar (the bar fills its share from below)."""
        k = len(self.probabilities)
        line = self.text_height()
        top, bottom = 2 * line + 4, self.height() - line - 4
        slot = (self.width() - 8) / k
        return [QRectF(4 + i * slot + slot * 0.15, top, slot * 0.7, bottom - top)
                for i in range(k)]

    def paint(self, painter):
        painter.setFont(self.small_font())
        line = painter.fontMetrics().height()
        painter.setPen(INK)
        painter.drawText(QRectF(4, 0, self.width() - 8, line + 2),
                         Qt.AlignLeft | Qt.AlignVCenter,
                         painter.fontMetrics().elidedText(self.tr("The network says"),
                                                          Qt.ElideRight, self.width() - 8))
        if self.probabilities is None:
            return
        p = self.probabilities
        best = int(p.argmax())
        for k, slot in enumerate(self.bar_rects()):
            height = slot.height() * float(np.clip(np.nan_to_num(p[k]), 0, 1))
            painter.fillRect(QRectF(slot.left(), slot.bottom() - height, slot.width(),
                                    height), RIGHT if k == best else QColor(*CLASS1))
            painter.setPen(INK if k == best else MUTED)
            painter.drawText(QRectF(slot.left() - 4, slot.bottom() + 2, slot.width() + 8,
                                    line), Qt.AlignCenter, str(k))
        slot = self.bar_rects()[best]
        top = slot.bottom() - slot.height() * float(np.clip(np.nan_to_num(p[best]), 0, 1))
        painter.setPen(INK)
        painter.drawText(QRectF(slot.center().x() - 30, top - line - 1, 60, line),
                         Qt.AlignCenter, f"{p[best]:.0%}")
        painter.setPen(QPen(QColor(200, 200, 200), 1))
        painter.drawLine(4, slot.bottom(), self.width() - 4, slot.bottom())


class DrawPanel(QWidget):
    """The canvas with its buttons (Clear; Test image: the next test image, to change), and
    the bars. `show_snapshot` keeps the newest
    snapshot (its weights answer for the drawing as it changes) and repaints the bars only,
    and only when they change visibly: `needs_paint` stays False (FramePacer need not
    repaint the canvas)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("drawPanel")
        self.canvas = DigitCanvas()
        self.clear_button = QPushButton(self.tr("Clear"), objectName="clearCanvasButton")
        self.clear_button.setAccessibleName(self.tr("Clear the canvas"))
        self.sample_button = QPushButton(self.tr("Test image"), objectName="sampleToCanvasButton")
        self.sample_button.setAccessibleName(self.tr("Put the next test image on the canvas"))
        self.sample_button.setToolTip(self.tr("The next of the test images on the canvas: "
                                              "change it and see what the network says"))
        self.sample = -1  # the test image put on the canvas last
        self.bars = ProbabilityBars()
        self.needs_paint = False
        self.predictor = Predictor()
        self._snap = None
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.canvas, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.sample_button)
        left.addLayout(buttons)
        box = QHBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(left, 2)
        box.addWidget(self.bars, 3)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.sample_button.clicked.connect(self.next_sample)
        self.canvas.changed.connect(self._redraw_bars)

    def show_snapshot(self, snap):
        self._snap = snap
        if snap.image is not None:
            self.canvas.set_shape(snap.image)
        if self.bars.set_probabilities(self.probabilities()):
            self.bars.repaint()

    def next_sample(self):
        """Put the next of the snapshot's test images on the canvas."""
        images = None if self._snap is None else self._snap.sample_images
        if images is None or not len(images):
            return
        self.sample = (self.sample + 1) % len(images)
        self.canvas.set_image(images[self.sample])

    def probabilities(self):
        """The network's probabilities (K,) for the canvas's image (None: no network)."""
        return self.predictor.probabilities(self._snap, self.canvas.image)

    def _redraw_bars(self):
        if self.bars.set_probabilities(self.probabilities()):
            self.bars.update()
