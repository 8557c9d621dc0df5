"""Saturation: per hidden layer, how the units' values a and their slopes f′(z) spread over
the training data — a row per layer, darker where more (point, unit) pairs fall.

A deep sigmoid net shows its units pinned near 0 and 1 and its f′ piled up at 0: that is why
the gradient vanishes (backpropagation multiplies by f′ at every layer). A ReLU net keeps f′
at 1 wherever a unit is on. In compare mode the second run is shown below the first.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from ..colors import sequential_lut
from .common import cache_static_parts
from .decision import Heatmap

X_MARGIN = 0.08  # of the map's width, each side


def scale_ticks(lo, hi):
    """The x scale of a histogram whose bins span lo … hi, drawn over 0 … 1: its ends and
    middle labelled, quarters marked."""
    return [[(t, f"{lo + t * (hi - lo):.3g}") for t in (0.0, 0.5, 1.0)],
            [(t, "") for t in (0.25, 0.75)]]


class ActivationHistogramPlot(pg.GraphicsLayoutWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("activationHistogramPlot")
        self.panels = []  # per run: (label item, a plot, a heatmap, f′ plot, f′ heatmap)
        self._shape = None
        self.shown = []  # per run: (a histograms, f′ histograms) as drawn

    def _make_panels(self, runs, layers):
        self.clear()
        self.panels = []
        lut = sequential_lut()
        for r in range(runs):
            row = []
            # short titles, in a small size: each panel has a quarter of the window's width
            # less its axis (at 1366 px about 180 px)
            for c, title in enumerate((self.tr("a: the layer's values"),
                                       self.tr("f′(z): slopes passed back"))):
                plot = self.addPlot(row=r, col=c)
                plot.setTitle(title, size="9pt")
                plot.setMouseEnabled(x=False, y=False)
                plot.setMenuEnabled(False)
                plot.hideButtons()
                heatmap = Heatmap(lut)
                plot.addItem(heatmap)
                plot.setYRange(-0.5, layers - 0.5, padding=0)
                # a margin at the sides, for the scale's end labels under the map's edges
                plot.setXRange(-X_MARGIN, 1 + X_MARGIN, padding=0)
                plot.getAxis("bottom").setStyle(hideOverlappingLabels=8)
                plot.getAxis("left").setTicks([[(i, str(i + 1)) for i in range(layers)]])
                if c == 0:  # (the f′ panel's rows are the same layers)
                    plot.setLabel("left", self.tr("layer"))
                cache_static_parts(plot)
                row.extend([plot, heatmap])
            self.panels.append(row)

    def show_snapshot(self, snap):
        runs = [snap] + ([snap.twin] if snap.twin is not None else [])
        runs = [r for r in runs if r.saturation and len(r.saturation[0])]
        layers = max((len(r.saturation[0]) for r in runs), default=0)
        if (len(runs), layers) != self._shape:
            self._shape = (len(runs), layers)
            self._make_panels(len(runs), max(layers, 1))
        self.shown = []
        for run, (a_plot, a_map, d_plot, d_map) in zip(runs, self.panels):
            a, ranges, d = run.saturation
            for plot, lo_hi in ((a_plot, ranges[0]), (d_plot, (0.0, 1.0))):
                plot.getAxis("bottom").setTicks(scale_ticks(*lo_hi))
            a_plot.setLabel("left", f"{run.label} · " + self.tr("layer") if run.label
                            else self.tr("layer"))
            levels = (0.0, max(float(np.max(a)), float(np.max(d)), 1e-9))
            rows = len(a)
            a_map.set_grid(np.asarray(a), levels, QRectF(0, -0.5, 1, rows))
            d_map.set_grid(np.asarray(d), levels, QRectF(0, -0.5, 1, rows))
            self.shown.append((np.asarray(a), np.asarray(d)))
