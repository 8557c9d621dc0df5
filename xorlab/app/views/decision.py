"""The decision view: what the network (or one neuron) says over the input square."""

from __future__ import annotations

from functools import cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGraphicsItem

from ..colors import (
    CLASS_COLORS,
    class_codes,
    class_lut,
    diverging_lut,
    rgb32_pixels,
    rgb32_table,
)
from .common import cache_static_parts, pen, side_legend


class Heatmap(pg.GraphicsObject):
    """A grid of values shown through a colour table, drawn as one RGB32 image over `rect`.

    Row 0 of the grid is the bottom row (y = rect.top() in view coordinates). pyqtgraph's
    ImageItem makes an 8-bit indexed image from a float grid and a table, which Qt's painter
    scales about 15× slower than RGB32 (2.3 ms against 0.15 ms a frame here)."""

    def __init__(self, lut):
        super().__init__()
        self.table = rgb32_table(lut)
        self.values = None  # the grid shown
        self.rect = QRectF(0, 0, 1, 1)
        self._pixels = None  # the image's memory: kept alive as long as the QImage
        self.qimage = None

    def set_grid(self, grid, levels, rect):
        self.set_pixels(rgb32_pixels(grid, levels, self.table), grid, rect)

    def set_pixels(self, pixels, values, rect):
        """Show (R, C) uint32 RGB32 pixels (C-contiguous) that picture `values`."""
        self._pixels = pixels
        rows, cols = pixels.shape
        self.qimage = QImage(pixels.data, cols, rows, 4 * cols, QImage.Format_RGB32)
        self.values = values
        if rect != self.rect:
            self.prepareGeometryChange()
            self.rect = QRectF(rect)
        self.update()

    def boundingRect(self):
        return QRectF(self.rect)

    def paint(self, painter, *args):
        if self.qimage is not None:
            painter.drawImage(self.rect, self.qimage)


class DecisionPlot(pg.PlotWidget):
    """P(y = 1) over the input square, the line z = 0 (where p = 0.5), train points filled,
    test points hollow, and a colour key. The line comes with the snapshot, computed in the
    engine (lab.pictures): none where the map is flat.

    For K ≥ 3 classes each cell takes the colour of its most probable class, white at
    chance (p = 1/K) to the faded class colour at p = 1 (colors.class_lut), and the lines
    are where the winner changes; points and the key use the K class colours.
    Showing a hidden neuron, the map is that neuron's output and the line its z = 0.
    In draw mode a left click adds a point of `draw_class` (class 1 unless chosen), a right
    click a class-0 point."""

    pointAdded = Signal(float, float, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("decisionPlot")
        self.plot_item = self.getPlotItem()
        self.plot_item.setAspectLocked(True)
        self.plot_item.setMenuEnabled(False)
        self.plot_item.hideButtons()
        self.setMouseEnabled(x=False, y=False)
        self.image = Heatmap(diverging_lut())
        self.image.set_grid(np.full((2, 2), 0.5), (0.0, 1.0), QRectF(-1.25, -1.25, 2.5, 2.5))
        self.addItem(self.image)
        # the boundary, as segments from the engine (pyqtgraph's IsocurveItem took ~17 ms a
        # frame on a 100×100 grid)
        self.boundary = pg.PlotCurveItem(connect="pairs", pen=pen((30, 30, 30), 2))
        self.addItem(self.boundary)
        self.train_points = pg.ScatterPlotItem(size=8, pxMode=True)
        self.test_points = pg.ScatterPlotItem(size=8, pxMode=True)
        self.addItem(self.train_points)
        self.addItem(self.test_points)
        for points in (self.train_points, self.test_points):  # they change only with the data
            points.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.title = pg.TextItem(color=(60, 60, 60), anchor=(0, 0))
        self.title.setZValue(5)
        self.addItem(self.title, ignoreBounds=True)
        # compare mode: which run this is, and how well it does
        self.caption = pg.TextItem(color=(20, 20, 20), anchor=(1, 0), fill=(255, 255, 255, 220))
        self.caption.setZValue(6)
        self.caption.setVisible(False)
        self.addItem(self.caption, ignoreBounds=True)
        # the colour key, beside the map (the square leaves room at its sides): which colour
        # is which class
        self.key = side_legend(self.plot_item, labelTextSize="8pt", verSpacing=-8)
        self.classes = None  # K of the key
        self.set_classes(2)
        self.draw_mode = False
        self.draw_class = 1  # what a left click adds
        self.needs_paint = True
        self._key = None
        self._shown = None
        self._data_generation = None
        self._extent = None
        self.scene().sigMouseClicked.connect(self._clicked)
        cache_static_parts(self.plot_item)

    def show_snapshot(self, snap):
        """Show the snapshot's grid; `needs_paint` is False when nothing visible changed."""
        lo, hi = snap.extent
        accuracy = "—" if snap.train_accuracy is None else f"{snap.train_accuracy:.0%}"
        caption = f"{snap.label} · {accuracy}" if snap.label else ""
        if caption != self.caption.toPlainText():
            self.caption.setText(caption)
            self.caption.setPos(hi, hi)
            self.caption.setVisible(bool(caption))  # its white box only with a text
            self._key = None  # paint this frame
        if self._extent != snap.extent:
            self._extent = snap.extent
            self.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0)
        self.set_classes(snap.classes)
        grid, winner = snap.grid, snap.class_grid
        key = (snap.generation, snap.data_generation, snap.view, snap.grid_range,
               snap.extent, grid.shape, snap.classes, winner is None)
        if winner is None:
            span = snap.grid_range[1] - snap.grid_range[0]
            same = key == self._key and np.abs(grid - self._shown).max() < span / 512
            shown = grid  # (same: below one step of the 256-colour table)
        else:
            shown = class_codes(winner, snap.class_probability, snap.classes)
            same = key == self._key and np.array_equal(shown, self._shown)
        if same:
            self.needs_paint = False
            return
        self._key, self._shown, self.needs_paint = key, shown, True
        r = grid.shape[0]
        px = (hi - lo) / max(r - 1, 1)  # grid values sit at pixel centres
        rect = QRectF(lo - px / 2, lo - px / 2, px * r, px * r)
        if winner is None:
            self.image.set_grid(grid, snap.grid_range, rect)
        else:
            self.image.set_pixels(_class_table(snap.classes)[shown], shown, rect)
        self.boundary.setData(*snap.boundary)
        self.title.setText("" if snap.view is None else
                           self.tr("neuron {0}.{1}: its output, and its line z = 0")
                           .format(snap.view[0] + 1, snap.view[1] + 1))
        self.title.setPos(lo, hi)
        if snap.data_generation != self._data_generation:
            self._data_generation = snap.data_generation
            self.set_points(snap.X_train, snap.y_train, snap.X_test, snap.y_test)

    def set_classes(self, classes):
        """The key for K classes (rebuilt only when K changes): two classes keep their
        p → 1 / p → 0 entries, more are listed 0 … K−1."""
        if classes == self.classes:
            return
        self.classes = classes
        self.key.clear()
        if classes == 2:
            entries = ((1, self.tr("class 1 (p → 1)")), (0, self.tr("class 0 (p → 0)")))
        else:
            entries = ((k, self.tr("class {0}").format(k)) for k in range(classes))
        for label, name in entries:
            sample = pg.ScatterPlotItem(size=9, brush=_brush(label), pen=pg.mkPen("w"))
            self.key.addItem(sample, name)

    def set_points(self, X_train, y_train, X_test, y_test):
        self.train_points.setData(pos=X_train, brush=[_brush(c) for c in y_train],
                                  pen=[pg.mkPen("w", width=1)] * len(y_train))
        self.test_points.setData(pos=X_test, brush=[pg.mkBrush(None)] * len(y_test),
                                 pen=[_ring(c) for c in y_test])

    def image_bytes(self):
        """The image's current data (for tests that check it changes)."""
        return None if self.image.values is None else self.image.values.tobytes()

    def set_draw_mode(self, on):
        self.draw_mode = on

    def set_draw_class(self, label):
        self.draw_class = int(label)

    def _clicked(self, event):
        if not self.draw_mode:
            return
        pos = self.plot_item.vb.mapSceneToView(event.scenePos())
        label = self.draw_class if event.button() == Qt.LeftButton else 0
        if event.button() in (Qt.LeftButton, Qt.RightButton):
            event.accept()
            self.pointAdded.emit(float(pos.x()), float(pos.y()), label)


@cache
def _class_table(classes):
    """The RGB32 words of colors.class_lut(classes), flattened as class_codes index it."""
    return rgb32_table(class_lut(classes).reshape(-1, 3))


@cache
def _brush(label):
    return pg.mkBrush(QColor(*CLASS_COLORS[int(label)]))


@cache
def _ring(label):
    return pen(CLASS_COLORS[int(label)], 2)
