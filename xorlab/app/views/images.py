"""The views of image data (issue 19): they stand where the decision regions stand for
points (`ImagePanel`, switched by `ImageSwitch`).

    SampleGrid     the fixed test images with the network's answer under each, wrong ones
                   framed in red
    ConfusionView  (confusion.py) the confusion matrix and each class's accuracy
    DrawPanel      (canvas.py) an 8×8 canvas to draw a digit on, and the network's bars

Each is a plain QWidget painted with QPainter: one `paintEvent`, no child items, so that a
frame costs one paint, and `needs_paint` is False when nothing visible changed (FramePacer).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPen
from PySide6.QtWidgets import QStackedWidget, QTabWidget

from .canvas import DrawPanel
from .confusion import ConfusionView
from .painted import INK, MUTED, WRONG, PaintedView


def grey_pixels(images):
    """(n, rows, columns) values in [0, 1] as RGB32 pixels of one strip (rows, n·columns):
    1 is black ink on white paper."""
    images = np.clip(np.nan_to_num(np.asarray(images, dtype=float)), 0.0, 1.0)
    n, rows, cols = images.shape
    grey = np.round(255 * (1.0 - images)).astype(np.uint32)
    strip = grey.transpose(1, 0, 2).reshape(rows, n * cols)
    return np.ascontiguousarray(0xFF000000 | (strip << 16) | (strip << 8) | strip)


class SampleGrid(PaintedView):
    """The snapshot's fixed test images (4 of each class), one column per class, with the
    network's answer under each: "predicted (true)". A wrong answer is framed in red with a
    red "!" in its corner (`marked`: their indices)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sampleGrid")
        self.setAccessibleName(self.tr("Test images with the network's answers"))
        self.setMinimumSize(240, 150)
        self.images = None  # (m, rows, columns) shown
        self.labels = np.empty(0, np.intp)
        self.predictions = None
        self.marked = np.empty(0, np.intp)  # indices of the wrong answers framed
        self._pixels = None  # the QImage's memory, kept alive with it
        self._strip = None  # all images side by side, as one QImage
        self._key = None

    def show_snapshot(self, snap):
        images, labels, predicted = snap.sample_images, snap.sample_labels, \
            snap.sample_predictions
        key = (snap.data_generation, None if predicted is None else predicted.tobytes())
        if key == self._key and images is self.images:
            self.needs_paint = False
            return
        self._key, self.needs_paint = key, True
        if images is not self.images:
            self.images = images
            self._pixels = None if images is None or not len(images) else grey_pixels(images)
            self._strip = None if self._pixels is None else QImage(
                self._pixels.data, self._pixels.shape[1], self._pixels.shape[0],
                4 * self._pixels.shape[1], QImage.Format_RGB32)
        self.labels = np.empty(0, np.intp) if labels is None else np.asarray(labels)
        self.predictions = None if predicted is None or len(predicted) != len(self.labels) \
            else np.asarray(predicted)
        self.marked = np.empty(0, np.intp) if self.predictions is None else \
            np.flatnonzero(self.predictions != self.labels)
        self.setAccessibleDescription(self.readout())

    def readout(self):
        """The grid in words: how many right, and each wrong answer."""
        if self.predictions is None:
            return ""
        wrong = ", ".join(self.tr("{0} taken for {1}").format(self.labels[i],
                                                               self.predictions[i])
                          for i in self.marked)
        text = self.tr("{0} of {1} test images right").format(
            len(self.labels) - len(self.marked), len(self.labels))
        return f"{text}; {wrong}" if wrong else text

    # ---- geometry ----------------------------------------------------------------------------
    def columns(self):
        """One column per class (the images come class by class, 4 of each)."""
        classes = int(self.labels.max()) + 1 if len(self.labels) else 1
        return max(classes, 1)

    def header_height(self):
        return self.text_height() + 6

    def cell_rects(self):
        """(image rectangle, label rectangle) of every image: column = its class, row = its
        place among its class's images."""
        n = len(self.labels)
        if not n:
            return []
        cols = self.columns()
        rank = np.zeros(n, np.intp)
        for k in range(cols):
            where = np.flatnonzero(self.labels == k)
            rank[where] = np.arange(len(where))
        rows = int(rank.max()) + 1
        text = self.text_height()
        top = self.header_height()
        cell_w = (self.width() - 8) / cols
        cell_h = (self.height() - top - 4) / rows
        side = int(max(8, min(cell_w - 8, cell_h - text - 8)))
        out = []
        for i in range(n):
            x = 4 + (self.labels[i] if self.labels[i] < cols else 0) * cell_w
            y = top + rank[i] * cell_h
            image = QRect(int(x + (cell_w - side) / 2), int(y + 3), side, side)
            label = QRect(int(x), image.bottom() + 1, int(cell_w), text + 2)
            out.append((image, label))
        return out

    # ---- painting ----------------------------------------------------------------------------
    def paint(self, painter):
        painter.setFont(self.small_font())
        painter.setPen(INK)
        title = self.tr("Test images: predicted (true); wrong answers framed in red")
        painter.drawText(QRect(4, 0, self.width() - 8, self.header_height()),
                         Qt.AlignLeft | Qt.AlignVCenter | Qt.TextSingleLine,
                         painter.fontMetrics().elidedText(title, Qt.ElideRight,
                                                          self.width() - 8))
        if self._strip is None:
            return
        cols = self.images.shape[2]
        wrong = set(self.marked.tolist())
        for i, (image, label) in enumerate(self.cell_rects()):
            painter.drawImage(QRectF(image), self._strip,
                              QRectF(i * cols, 0, cols, self.images.shape[1]))
            if self.predictions is None:
                text, colour = f"? ({self.labels[i]})", MUTED
            else:
                text = f"{self.predictions[i]} ({self.labels[i]})"
                colour = WRONG if i in wrong else INK
            if i in wrong:
                painter.setPen(QPen(WRONG, 2))
                painter.setBrush(Qt.NoBrush)
                painter.drawRect(image.adjusted(-2, -2, 2, 2))
                badge = QRect(image.right() - 9, image.top() - 2, 12, 12)
                painter.fillRect(badge, WRONG)
                painter.setPen(Qt.white)
                painter.drawText(badge, Qt.AlignCenter, "!")
            else:
                painter.setPen(QPen(QColor(200, 200, 200), 1))
                painter.drawRect(image.adjusted(-1, -1, 0, 0))
            painter.setPen(colour)
            painter.drawText(label, Qt.AlignHCenter | Qt.AlignTop, text)


class ImagePanel(QTabWidget):
    """The views of image data, one tab each: the test images, the confusion matrix, and the
    canvas to draw on. Hidden tabs are not drawn (FramePacer): `currentChanged` asks the
    window for the newest snapshot."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("imagePanel")
        self.setDocumentMode(True)
        self.grid = SampleGrid()
        self.confusion = ConfusionView()
        self.draw = DrawPanel()
        self.addTab(self.grid, self.tr("Test images"))
        self.addTab(self.confusion, self.tr("Confusion matrix"))
        self.addTab(self.draw, self.tr("Draw a digit"))
        self.setAccessibleName(self.tr("Image views"))

    def views(self):
        """The views FramePacer draws, each when its tab is shown."""
        return [self.grid, self.confusion, self.draw]


class ImageSwitch:
    """Shows, in each of `stacks` (QStackedWidgets of two pages: the view for points, then
    the one for images), the page that fits the snapshot's data. The window calls
    `show_snapshot` when a frame starts, before FramePacer picks the visible views."""

    def __init__(self, *stacks):
        self.stacks = stacks

    def show_snapshot(self, snap):
        page = 0 if snap.image is None else 1
        for stack in self.stacks:
            if stack.currentIndex() != page:
                stack.setCurrentIndex(page)

    @staticmethod
    def stack(points_view, images_view, name):
        stack = QStackedWidget(objectName=name)
        stack.addWidget(points_view)
        stack.addWidget(images_view)
        return stack
