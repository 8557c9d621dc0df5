"""What the live pyqtgraph views share: cheap axes, stable ranges, bare curves.

Each view has `show_snapshot(snapshot)`, cheap enough to run 30 times a second: data is
replaced in place with setData, image levels are fixed, nothing is rebuilt unless the
network's shape changed."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QSizePolicy

# Qt's raster painter is slow with antialiasing, dashed or wide pens on long curves, and with
# anything translucent over a large area: curves are drawn 1 px wide, solid, told apart by
# colour; the live plots have no (translucent) grid lines and opaque legends.
pg.setConfigOptions(antialias=False, background="w", foreground="k")


def cache_static_parts(plot_item):
    """Keep axes and legends as pixmaps: they change only when a range does, but replaying
    their text every frame cost about 1 ms per axis. No SI prefix on the y axis: a log axis
    would read "loss (x1e+27)" beside its decade labels."""
    for name in ("left", "bottom", "right", "top"):
        axis = plot_item.getAxis(name)
        axis.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
    plot_item.getAxis("left").enableAutoSIPrefix(False)
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
        self.reset()

    def reset(self):
        """A new run: x back to the first round range, y to one decade until data comes."""
        self.x = self.y = None
        self.update(0, [])
        if self.log_y:
            self.plot.setYRange(-1, 0, padding=0.02)
            self.plot.getAxis("left").setTicks(decade_ticks(-1, 0))

    def update(self, last_step, values):
        x = (0, step_axis_end(max(last_step, 1)))
        if x != self.x:
            self.x = x
            self.plot.setXRange(*x, padding=0)
        self.update_y(values)

    def update_y(self, values):
        """The y range only (a plot whose x is not steps)."""
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


def side_legend(plot_item, **options):
    """A legend in a column of its own right of a plot's area (past its right axis), top
    aligned, so it never covers a point or a curve; opaque and cached as a pixmap. It takes
    width only: an aspect-locked plot keeps its size while its area stays wider than high."""
    legend = pg.LegendItem(**options)
    legend.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)  # its rows' size, no more
    plot_item.layout.addItem(legend, 2, 3, Qt.AlignTop)
    plot_item.layout.setColumnSpacing(2, 4)  # a gap between the plot and the legend
    legend.setBrush(pg.mkBrush(255, 255, 255, 255))
    legend.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
    return legend


def pen(rgb, width=1, style=None):
    p = pg.mkPen(color=QColor(*rgb), width=width)
    if style is not None:
        p.setStyle(style)
    return p
