"""The live pyqtgraph views. Each has `show_snapshot(snapshot)`, cheap enough to run 30 times
a second: data is replaced in place with setData / setImage, image levels are fixed, nothing is
rebuilt unless the network's shape changed."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGraphicsItem

from ..engine import ACTIVATIONS
from .colors import (
    CLASS0,
    CLASS1,
    contour_segments,
    diverging_lut,
    layer_color,
    rgb32_pixels,
    rgb32_table,
)

# Qt's raster painter is slow with antialiasing, dashed or wide pens on long curves, and with
# anything translucent over a large area: curves are drawn 1 px wide, solid, told apart by
# colour; the live plots have no (translucent) grid lines and opaque legends.
pg.setConfigOptions(antialias=False, background="w", foreground="k")


def cache_static_parts(plot_item):
    """Keep axes and legends as pixmaps: they change only when a range does, but replaying
    their text every frame cost about 1 ms per axis."""
    for name in ("left", "bottom", "right", "top"):
        axis = plot_item.getAxis(name)
        axis.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
    if plot_item.legend is not None:
        plot_item.legend.setBrush(pg.mkBrush(255, 255, 255, 255))
        plot_item.legend.setPen(pg.mkPen(200, 200, 200))
        plot_item.legend.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
    plot_item.titleLabel.setCacheMode(QGraphicsItem.DeviceCoordinateCache)


def step_axis_end(step):
    """A round upper end for a step axis, ahead of `step`: 100, 200, 500, 1000, 2000, …"""
    end = 100
    while end < step * 1.05:
        end = end * 5 // 2 if str(end).startswith("2") else end * 2
    return end


class StableRanges:
    """Sets a plot's ranges only when the data leaves them: x grows in round steps, a log-y
    range in whole decades. Redrawing axes every frame was the largest cost of a frame."""

    def __init__(self, plot_item, log_y=True):
        self.plot = plot_item
        self.log_y = log_y
        self.x = None
        self.y = None
        plot_item.disableAutoRange()

    def reset(self):
        self.x = self.y = None

    def update(self, last_step, values):
        x = (0, step_axis_end(max(last_step, 1)))
        if x != self.x:
            self.x = x
            self.plot.setXRange(*x, padding=0)
        v = np.asarray(values, dtype=float)
        v = v[np.isfinite(v) & (v > 0)] if self.log_y else v[np.isfinite(v)]
        if not v.size:
            return
        if self.log_y:
            lo, hi = np.floor(np.log10(v.min())), np.ceil(np.log10(v.max()))
            lo, hi = max(lo, -12), max(hi, lo + 1)
        else:
            lo, hi = float(v.min()), float(v.max())
        if self.y is None or lo < self.y[0] or hi > self.y[1] or (self.y[1] - self.y[0]) > \
                2 * (hi - lo) + 2:
            self.y = (lo, hi)
            self.plot.setYRange(lo, hi, padding=0.02)
            if self.log_y:
                self.plot.getAxis("left").setTicks(decade_ticks(int(lo), int(hi)))


def decade_ticks(lo, hi):
    """Labels at whole decades only (pyqtgraph labels every minor tick of a short log axis,
    and the labels then overlap); unlabelled minor ticks at 2× and 5×."""
    step = max(1, (hi - lo + 4) // 5)  # at most about five labels
    major = [(d, _decade_label(d)) for d in range(lo, hi + 1) if (d - lo) % step == 0]
    minor = [(d + np.log10(m), "") for d in range(lo, hi) for m in (2, 5)] if step == 1 else []
    return [major, minor]


def _decade_label(d):
    return f"{10.0 ** d:g}" if -3 <= d <= 3 else f"1e{d}"


def add_curve(plot_item, pen, name=None):
    """A bare PlotCurveItem (PlotDataItem's extra machinery cost ~0.3 ms per setData).
    On a log-y plot, give it log10 values: see `log10`."""
    curve = pg.PlotCurveItem(pen=pen, skipFiniteCheck=True)
    plot_item.addItem(curve)
    if name is not None and plot_item.legend is not None:
        plot_item.legend.addItem(curve, name)
    return curve


def log10(v):
    """Values for a log-y axis: log10, with zero or tiny values clamped to 1e-12."""
    return np.log10(np.maximum(np.asarray(v, dtype=float), 1e-12))


def row_legend(columns, **spacing):
    """A legend placed in a layout row of its own (under the plots), so it never hides a
    curve; cached as a pixmap since it changes only with the curves it names."""
    legend = pg.LegendItem(colCount=columns, **spacing)
    legend.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
    return legend


def _pen(rgb, width=1):
    return pg.mkPen(color=QColor(*rgb), width=width)


class LossPlot(pg.GraphicsLayoutWidget):
    """Train and test loss against step (log y) above accuracy against step."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lossPlot")
        self.loss = self.addPlot(row=0, col=0, title="Loss")
        self.loss.setLogMode(y=True)
        self.loss.setLabel("left", "loss")
        self.legend = row_legend(3, horSpacing=12)  # names the curves of both panels
        self.batch_curve = add_curve(self.loss, _pen((170, 170, 170)))
        self.train_curve = add_curve(self.loss, _pen((20, 20, 20)))
        self.test_curve = add_curve(self.loss, _pen(CLASS0))
        for curve, name in ((self.batch_curve, "batch"), (self.train_curve, "train"),
                            (self.test_curve, "test")):
            self.legend.addItem(curve, name)
        self.acc = self.addPlot(row=1, col=0)
        self.acc.setXLink(self.loss)
        self.acc.setYRange(0, 1.02)
        self.acc.setLabel("left", "accuracy")
        self.acc.setLabel("bottom", "step")
        self.acc.setMouseEnabled(y=False)
        self.train_acc = add_curve(self.acc, _pen((40, 40, 40)))
        self.test_acc = add_curve(self.acc, _pen(CLASS0))
        self.addItem(self.legend, row=2, col=0)
        self.ci.layout.setRowStretchFactor(0, 2)
        self.ci.layout.setRowStretchFactor(1, 1)
        self._generation = None
        cache_static_parts(self.loss)
        cache_static_parts(self.acc)
        self.ranges = StableRanges(self.loss)
        self.acc.disableAutoRange()
        self.acc.setYRange(0, 1.02, padding=0)
        self.divergence_line = pg.InfiniteLine(angle=90, pen=_pen((200, 0, 0), 2))
        self.divergence_text = pg.TextItem(color=(200, 0, 0), anchor=(1, 0))
        self.divergence_line.setZValue(10)
        self.divergence_text.setZValue(10)

    def show_snapshot(self, snap):
        self.batch_curve.setData(snap.step_steps, log10(snap.step_loss))
        ev = snap.eval_values
        self.train_curve.setData(snap.eval_steps, log10(ev[:, 0]))
        self.train_acc.setData(snap.eval_steps, ev[:, 1])
        has_test = len(ev) and np.isfinite(ev[:, 2]).any()
        none = np.empty(0)
        self.test_curve.setData(snap.eval_steps if has_test else none,
                                log10(ev[:, 2]) if has_test else none)
        self.test_acc.setData(snap.eval_steps if has_test else none,
                              ev[:, 3] if has_test else none)
        if snap.generation != self._generation:
            self._generation = snap.generation
            self.ranges.reset()
        self.ranges.update(snap.step, np.concatenate([snap.step_loss, ev[:, 0], ev[:, 2]]))
        self.show_divergence(snap.diverged_at)

    def show_divergence(self, step):
        if step is None:
            if self.divergence_line.scene() is not None:
                self.loss.removeItem(self.divergence_line)
                self.loss.removeItem(self.divergence_text)
            return
        if self.divergence_line.scene() is None:
            self.loss.addItem(self.divergence_line, ignoreBounds=True)
            self.loss.addItem(self.divergence_text, ignoreBounds=True)
        self.divergence_line.setPos(step)
        self.divergence_text.setText(f"diverged at step {step}: lower the learning rate")
        (x0, x1), (y0, y1) = self.loss.viewRange()
        self.divergence_text.setPos(x1, y1)

    def divergence_message(self):
        return self.divergence_text.toPlainText() if self.divergence_line.scene() else ""


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
        self._pixels = rgb32_pixels(grid, levels, self.table)
        rows, cols = self._pixels.shape
        self.qimage = QImage(self._pixels.data, cols, rows, 4 * cols, QImage.Format_RGB32)
        self.values = grid
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
    """P(y = 1) over the input square, the 0.5 boundary, train points filled, test hollow.

    In draw mode a left click adds a class-1 point, a right click a class-0 point."""

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
        # the decision boundary: our vectorised contour (pyqtgraph's IsocurveItem took
        # ~17 ms a frame on a 100×100 grid)
        self.boundary = pg.PlotCurveItem(connect="pairs", pen=_pen((30, 30, 30), 2))
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
        self.draw_mode = False
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
        if self._extent != snap.extent:
            self._extent = snap.extent
            self.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0)
        grid = snap.grid
        key = (snap.generation, snap.data_generation, snap.grid_kind, snap.grid_range,
               snap.extent, grid.shape)
        span = snap.grid_range[1] - snap.grid_range[0]
        if key == self._key and np.abs(grid - self._shown).max() < span / 512:
            self.needs_paint = False  # below one step of the 256-colour table
            return
        self._key, self._shown, self.needs_paint = key, grid, True
        r = grid.shape[0]
        px = (hi - lo) / max(r - 1, 1)  # grid values sit at pixel centres
        levels = snap.grid_range
        self.image.set_grid(grid, levels, QRectF(lo - px / 2, lo - px / 2, px * r, px * r))
        level = 0.0 if levels[0] < 0 else 0.5
        x, y = contour_segments(grid, level, lo, hi)
        self.boundary.setData(x, y)
        self.title.setText("" if snap.grid_kind == "output" else snap.grid_kind)
        self.title.setPos(lo, hi)
        if snap.data_generation != self._data_generation:
            self._data_generation = snap.data_generation
            self.set_points(snap.X_train, snap.y_train, snap.X_test, snap.y_test)

    def set_points(self, X_train, y_train, X_test, y_test):
        self.train_points.setData(pos=X_train, brush=[_brush(c) for c in y_train],
                                  pen=[pg.mkPen("w", width=1)] * len(y_train))
        self.test_points.setData(pos=X_test, brush=[pg.mkBrush(None)] * len(y_test),
                                 pen=[_pen(_class_rgb(c), 2) for c in y_test])

    def image_bytes(self):
        """The image's current data (for tests that check it changes)."""
        return None if self.image.values is None else self.image.values.tobytes()

    def _clicked(self, event):
        if not self.draw_mode:
            return
        pos = self.plot_item.vb.mapSceneToView(event.scenePos())
        label = 1 if event.button() == Qt.LeftButton else 0
        if event.button() in (Qt.LeftButton, Qt.RightButton):
            event.accept()
            self.pointAdded.emit(float(pos.x()), float(pos.y()), label)


def _class_rgb(label):
    return CLASS1 if label == 1 else CLASS0


def _brush(label):
    return pg.mkBrush(QColor(*_class_rgb(label)))


class GradientPlot(pg.GraphicsLayoutWidget):
    """‖∂L/∂Wˡ‖ per weight layer against step (log y), and bars of the current values (where
    the curves end)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("gradientPlot")
        self.history = self.addPlot(row=0, col=0, title="Gradient magnitude ‖∂L/∂W‖ per layer")
        self.history.setLogMode(y=True)
        self.history.setLabel("bottom", "step")
        self.legend = row_legend(4, horSpacing=8, verSpacing=-6)
        self.bars_plot = self.addPlot(row=0, col=1, title="now")
        # the bars share the history's y axis (the same log10 values), so their height reads
        # off its decade labels, and their range moves only when the history's does
        self.bars_plot.setYLink(self.history)
        self.bars_plot.hideAxis("left")
        self.bars_plot.setMouseEnabled(x=False, y=False)
        self.bars_plot.setMenuEnabled(False)
        self.bars_plot.disableAutoRange()
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, y0=-12)
        self.bars_plot.addItem(self.bars)
        self.ci.layout.setColumnStretchFactor(0, 3)
        self.ci.layout.setColumnStretchFactor(1, 1)
        self.addItem(self.legend, row=1, col=0)
        self.curves = []
        self.ranges = StableRanges(self.history)
        self.bar_count = None
        self._generation = None
        cache_static_parts(self.history)
        cache_static_parts(self.bars_plot)

    def _set_layer_count(self, count):
        if count == len(self.curves):
            return
        for curve in self.curves:
            self.history.removeItem(curve)
        self.legend.clear()
        self.curves = []
        for i in range(count):
            name = "output" if i == count - 1 else f"layer {i + 1}"
            curve = add_curve(self.history, _pen(layer_color(i)))
            self.legend.addItem(curve, name)
            self.curves.append(curve)
        ax = self.bars_plot.getAxis("bottom")
        ax.setTicks([[(i, "out" if i == count - 1 else str(i + 1)) for i in range(count)]])

    def show_snapshot(self, snap):
        norms = snap.step_grad_norms
        count = norms.shape[1] if norms.ndim == 2 and norms.shape[1] else len(snap.grad_norms)
        if not snap.weights:
            count = 0
        self._set_layer_count(count)
        for i, curve in enumerate(self.curves):
            if len(snap.step_steps):
                curve.setData(snap.step_steps, log10(norms[:, i]))
            else:
                curve.setData(np.empty(0), np.empty(0))
        if snap.generation != self._generation:
            self._generation = snap.generation
            self.ranges.reset()
        if len(snap.step_steps):
            self.ranges.update(snap.step, norms)
        # the bars stand where the curves end (the mean over the last plotted interval): one
        # step's minibatch gradient jumps by decades from step to step
        if len(snap.step_steps):
            now = log10(norms[-1, :count])
        else:
            now = log10(snap.grad_norms) if len(snap.grad_norms) else np.empty(0)
        floor = -12.0
        self.bars.setOpts(x=np.arange(len(now)), height=now - floor, y0=floor,
                          brushes=[pg.mkBrush(QColor(*layer_color(i))) for i in range(len(now))])
        if len(now) != self.bar_count:
            self.bar_count = len(now)
            self.bars_plot.setXRange(-0.6, len(now) - 0.4, padding=0)


class ActivationPlot(pg.PlotWidget):
    """The selected layer's activation f and its derivative f' over [−5, 5]."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("activationPlot")
        self.showGrid(x=True, y=True, alpha=0.2)  # static plot: a grid costs nothing here
        self.legend = self.getPlotItem().addLegend(offset=(10, 10))
        self.f_curve = add_curve(self.getPlotItem(), _pen((0, 114, 178), 2), "f(z)")
        self.df_curve = add_curve(self.getPlotItem(), _pen((213, 94, 0), 2), "f′(z)")
        self.z = np.linspace(-5, 5, 401)
        self.name = None
        cache_static_parts(self.getPlotItem())

    def show_activation(self, name, layer_label="", **params):
        act = ACTIVATIONS[name]
        self.name = name
        self.f_curve.setData(self.z, act.f(self.z, **params))
        self.df_curve.setData(self.z, act.df(self.z, **params))
        shown = ", ".join(f"{k}={v:g}" for k, v in params.items() if k != "k")
        self.setTitle(f"{layer_label}{name}: {act.formula}" + (f"  ({shown})" if shown else ""),
                      size="9pt")
