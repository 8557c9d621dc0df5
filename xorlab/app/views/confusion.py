"""The confusion matrix of K classes and each class's accuracy, from the snapshot (computed
in the engine: lab.classes.class_report)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor

from ..colors import CLASS0, CLASS1
from .painted import INK, MUTED, PaintedView


def cell_colour(count, row_total, diagonal):
    """A cell's colour: its share of the true class's examples, blue on the diagonal (right
    answers), red-orange off it (mistakes); white for none."""
    share = count / row_total if row_total else 0.0
    if count and not diagonal:
        share = max(share, 0.12)  # one mistake still shows
    base = np.array(CLASS1 if diagonal else CLASS0, dtype=float) * (0.8 if diagonal else 1)
    rgb = 255 - (255 - base) * min(share, 1.0)
    return QColor(*(int(round(c)) for c in rgb))


class ConfusionView(PaintedView):
    """confusion[i, j]: how many examples of the true class i (row) the network took for j
    (column), as counts on a heatmap; at the right each class's accuracy (the diagonal over
    the row's total) as a bar. `counts` is the matrix shown. In compare mode (`caption`) it
    shows the second run, named by its compared setting."""

    def __init__(self, caption=False, parent=None):
        super().__init__(parent)
        self.setObjectName("twinConfusionView" if caption else "confusionView")
        self.setAccessibleName(self.tr("Second run's confusion matrix") if caption
                               else self.tr("Confusion matrix and accuracy per class"))
        self.setMinimumSize(220, 180)
        self.with_caption = caption
        self.counts = None  # (K, K) shown
        self.accuracy = None  # (K,)
        self.which = "test"
        self.caption = ""
        self._key = None

    def show_snapshot(self, snap):
        counts = snap.confusion
        caption = ""
        if self.with_caption and snap.label:
            caption = f"{snap.label} · " + ("—" if snap.test_accuracy is None
                                            else f"{snap.test_accuracy:.1%}")
        key = (None if counts is None else counts.tobytes(), snap.confusion_set, caption)
        if key == self._key:
            self.needs_paint = False
            return
        self._key, self.needs_paint = key, True
        self.counts, self.accuracy = counts, snap.class_accuracy
        self.which, self.caption = snap.confusion_set, caption
        self.setAccessibleDescription(self.readout())

    def readout(self):
        """The matrix in words: the accuracy of each class and the most common mistake."""
        if self.counts is None:
            return ""
        parts = [f"{k}: " + ("—" if np.isnan(a) else f"{a:.0%}")
                 for k, a in enumerate(self.accuracy)]
        text = self.tr("accuracy per class {0}").format(", ".join(parts))
        off = self.counts * (1 - np.eye(len(self.counts), dtype=self.counts.dtype))
        if off.max() > 0:
            i, j = np.unravel_index(off.argmax(), off.shape)
            text += "; " + self.tr("most often {0} taken for {1} ({2} times)").format(
                i, j, off[i, j])
        return text

    def title(self):
        title = (self.tr("Confusion matrix on the test set") if self.which == "test"
                 else self.tr("Confusion matrix on the training set"))
        return f"{self.caption}  {title}" if self.caption else title

    # ---- geometry ------------------------------------------------------------------------
    def layout_rects(self):
        """(matrix rectangle, accuracy column rectangle, cell side) for the widget's size."""
        k = len(self.counts)
        line = self.text_height()
        top, left = 3 * line + 8, 2.2 * line + 4  # title, "predicted", class numbers
        bar = min(90, max(50, self.width() // 6))
        side = max(4.0, min((self.width() - left - bar - 16) / k,
                            (self.height() - top - 4) / k))
        matrix = QRectF(left, top, side * k, side * k)
        column = QRectF(matrix.right() + 10, top, bar, side * k)
        return matrix, column, side

    def cell_rect(self, i, j):
        matrix, _, side = self.layout_rects()
        return QRectF(matrix.left() + j * side, matrix.top() + i * side, side, side)

    # ---- painting --------------------------------------------------------------------------
    def paint(self, painter):
        painter.setFont(self.small_font())
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.setPen(INK)
        painter.drawText(QRect(4, 0, self.width() - 8, line + 4),
                         Qt.AlignLeft | Qt.AlignVCenter,
                         metrics.elidedText(self.title(), Qt.ElideRight, self.width() - 8))
        if self.counts is None or not len(self.counts):
            return
        k = len(self.counts)
        matrix, column, side = self.layout_rects()
        totals = self.counts.sum(axis=1)
        painter.setFont(self.small_font(0.8 if side < 24 else 0.9))
        for i in range(k):
            for j in range(k):
                cell = self.cell_rect(i, j)
                colour = cell_colour(self.counts[i, j], totals[i], i == j)
                painter.fillRect(cell, colour)
                if self.counts[i, j] or i == j:
                    painter.setPen(Qt.white if colour.lightness() < 140 else INK)
                    painter.drawText(cell, Qt.AlignCenter, str(self.counts[i, j]))
        painter.setPen(QColor(200, 200, 200))
        painter.setBrush(Qt.NoBrush)
        painter.drawRect(matrix)
        self._axes(painter, matrix, side, line)
        self._accuracy(painter, column, side)

    def _axes(self, painter, matrix, side, line):
        """Class numbers along both sides, "predicted" above, "true" at the left (upright)."""
        painter.setFont(self.small_font())
        painter.setPen(MUTED)
        k = len(self.counts)
        for c in range(k):
            painter.drawText(QRectF(matrix.left() + c * side, matrix.top() - line - 2, side,
                                    line), Qt.AlignCenter, str(c))
            painter.drawText(QRectF(matrix.left() - line - 2, matrix.top() + c * side,
                                    line, side), Qt.AlignCenter, str(c))
        painter.drawText(QRectF(matrix.left(), line + 2, matrix.width(), line),
                         Qt.AlignCenter, self.tr("predicted"))
        painter.save()
        painter.translate(matrix.left() - line - 4, matrix.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-matrix.height() / 2, -line, matrix.height(), line),
                         Qt.AlignCenter, self.tr("true"))
        painter.restore()

    def _accuracy(self, painter, column, side):
        """Each class's accuracy as a bar, with its percentage."""
        painter.setPen(MUTED)
        line = painter.fontMetrics().height()
        painter.drawText(QRectF(column.left(), column.top() - line - 2, column.width() + 8,
                                line), Qt.AlignLeft | Qt.AlignVCenter, self.tr("accuracy"))
        for i, a in enumerate(self.accuracy):
            row = QRectF(column.left(), column.top() + i * side + 1, column.width(), side - 2)
            painter.fillRect(row, QColor(238, 238, 238))
            if not np.isnan(a):
                painter.fillRect(QRectF(row.left(), row.top(), row.width() * a, row.height()),
                                 cell_colour(1, 2, True))  # light: the text on it reads
            painter.setPen(INK)
            painter.drawText(row.adjusted(3, 0, -2, 0), Qt.AlignRight | Qt.AlignVCenter,
                             "—" if np.isnan(a) else f"{a:.0%}")
