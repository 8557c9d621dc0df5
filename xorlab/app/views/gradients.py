"""The gradient view: ‖∂L/∂Wˡ‖ of every weight layer, over the steps and now."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from ..colors import layer_color
from .common import StableRanges, add_curve, cache_static_parts, log10, pen, row_legend


class GradientPlot(pg.GraphicsLayoutWidget):
    """‖∂L/∂Wˡ‖ per weight layer against step (log y), and bars of the current values (where
    the curves end)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("gradientPlot")
        self.history = self.addPlot(row=0, col=0,
                                    title=self.tr("Gradient magnitude ‖∂L/∂W‖ per layer"))
        self.history.setLogMode(y=True)
        self.history.setLabel("bottom", self.tr("step"))
        self.legend = row_legend(4, horSpacing=8, verSpacing=-6)
        self.bars_plot = self.addPlot(row=0, col=1, title=self.tr("now"))
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
            name = self.tr("output") if i == count - 1 else self.tr("layer {0}").format(i + 1)
            curve = add_curve(self.history, pen(layer_color(i)))
            self.legend.addItem(curve, name)
            self.curves.append(curve)
        ax = self.bars_plot.getAxis("bottom")
        ax.setTicks([[(i, self.tr("out") if i == count - 1 else str(i + 1))
                      for i in range(count)]])

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
