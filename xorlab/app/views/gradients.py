"""The gradient view: ‖∂L/∂Wˡ‖ of every weight layer, over the steps and now."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...lab.compare import vanishing_ratio
from ..colors import faded, layer_color
from .common import StableRanges, add_curve, cache_static_parts, log10, pen, row_legend


def layer_count(snap):
    """Weight layers in a snapshot (0 when nothing is built)."""
    return len(snap.weights) // 2


def current_norms(snap, at=None):
    """‖∂L/∂Wˡ‖ "now": where the plotted curves end (the mean over the last plotted span),
    since one step's minibatch gradient jumps by decades from step to step. With `at` (a
    step): the recorded row at that step (the history slider)."""
    if not len(snap.step_steps):
        return snap.grad_norms
    if at is None:
        return snap.step_grad_norms[-1]
    row = int(np.clip(np.searchsorted(snap.step_steps, at, "right") - 1, 0,
                      len(snap.step_steps) - 1))
    return snap.step_grad_norms[row]


def layer_ticks(count, out="out"):
    """Axis labels 1 … L−1, out; past 6 layers the first, the output and at most two between,
    evenly apart, so that they stay apart under narrow bars (11 layers: 1, 4, 7, out)."""
    every = 1 if count <= 6 else -(-(count - 1) // 4)
    shown = [i for i in range(0, count - 1, every) if count - 1 - i >= every] + [count - 1]
    return [[(i, out if i == count - 1 else str(i + 1)) for i in shown if i >= 0]]


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
        # the first and last labels ("1", "out") stand at the ends, wider than their bars: let
        # them reach past the axis's ends (into the plot's margin) instead of vanishing
        self.bars_plot.getAxis("bottom").setStyle(hideOverlappingLabels=12)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, y0=-12)
        self.bars_plot.addItem(self.bars)
        self.ci.layout.setColumnStretchFactor(0, 5)
        self.ci.layout.setColumnStretchFactor(1, 2)
        self.addItem(self.legend, row=1, col=0)
        self.curves = []
        self.twin_curves = []  # compare mode: the second run's, dashed
        self.twin_label = None
        self.ghost_curves = []  # the run before an activation or init switch, faded
        self.ghost_label = None
        self.history_at = None  # the history slider's step (None: now)
        self.cursor = pg.InfiniteLine(angle=90, pen=pen((120, 120, 120), 1, Qt.DashLine))
        self.ranges = StableRanges(self.history)
        self.bar_count = None
        self._generation = None
        cache_static_parts(self.history)
        cache_static_parts(self.bars_plot)

    def _set_layer_count(self, count, twin_count=0, twin_label=None, force=False):
        if not force and (count, twin_count, twin_label) == (
                len(self.curves), len(self.twin_curves), self.twin_label):
            return
        for curve in self.curves + self.twin_curves:
            self.history.removeItem(curve)
        self.legend.clear()
        self.curves = []
        for i in range(count):
            name = self.tr("output") if i == count - 1 else self.tr("layer {0}").format(i + 1)
            curve = add_curve(self.history, pen(layer_color(i, count)))
            self.legend.addItem(curve, name)
            self.curves.append(curve)
        self.twin_curves = [add_curve(self.history, pen(layer_color(i, twin_count), 1,
                                                         Qt.DashLine))
                            for i in range(twin_count)]
        self.twin_label = twin_label
        if twin_count:  # one legend entry names the dashed run
            self.legend.addItem(self.twin_curves[-1], f"┄ {twin_label}")
        if self.ghost_label and self.ghost_curves:
            self.legend.addItem(self.ghost_curves[-1], self.ghost_label)
        self.bars_plot.getAxis("bottom").setTicks(layer_ticks(count, self.tr("out")))

    def set_ghost(self, snap, label=None):
        """Show a past run's gradient curves faded behind the new ones (None: none)."""
        for curve in self.ghost_curves:
            self.history.removeItem(curve)
        self.ghost_curves, self.ghost_label = [], None
        if snap is not None and len(snap.step_steps):
            count = layer_count(snap)
            for i in range(count):
                curve = add_curve(self.history, pen(faded(layer_color(i, count))))
                curve.setZValue(-1)
                curve.setData(snap.step_steps, log10(snap.step_grad_norms[:, i]))
                self.ghost_curves.append(curve)
            self.ghost_label = label
        self._set_layer_count(len(self.curves), len(self.twin_curves), self.twin_label,
                              force=True)  # the legend names the ghost

    def show_snapshot(self, snap):
        norms = snap.step_grad_norms
        count = layer_count(snap)
        twin = snap.twin
        self._set_layer_count(count, layer_count(twin) if twin else 0,
                              twin.label if twin else None)
        for run, curves in ((snap, self.curves), (twin, self.twin_curves)):
            for i, curve in enumerate(curves):
                if len(run.step_steps):
                    curve.setData(run.step_steps, log10(run.step_grad_norms[:, i]))
                else:
                    curve.setData(np.empty(0), np.empty(0))
        if snap.generation != self._generation:
            self._generation = snap.generation
            self.ranges.reset()
        if len(snap.step_steps):
            both = [norms.ravel()] + ([twin.step_grad_norms.ravel()] if twin else [])
            self.ranges.update(snap.step, np.concatenate(both))
        now = log10(current_norms(snap, self.history_at)) if count else np.empty(0)
        if self.history_at is None and self.cursor.scene() is not None:
            self.history.removeItem(self.cursor)
        elif self.history_at is not None:
            if self.cursor.scene() is None:
                self.history.addItem(self.cursor, ignoreBounds=True)
            self.cursor.setPos(self.history_at)
        floor = -12.0
        self.bars.setOpts(x=np.arange(len(now)), height=now - floor, y0=floor,
                          brushes=[pg.mkBrush(QColor(*layer_color(i, len(now))))
                                   for i in range(len(now))])
        if len(now) != self.bar_count:
            self.bar_count = len(now)
            self.bars_plot.setXRange(-0.6, len(now) - 0.4, padding=0)


class GradientDepthPlot(pg.PlotWidget):
    """‖∂L/∂Wˡ‖ against the layer index now, log y: the textbook picture of the vanishing
    gradient — a line falling towards the first layers for a deep sigmoid net, flat for
    ReLU."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("gradientDepthPlot")
        self.plot_item = self.getPlotItem()
        self.plot_item.setTitle(self.tr("Gradient magnitude ‖∂L/∂W‖ by layer, now"))
        self.plot_item.setLabel("bottom", self.tr("layer"))
        self.plot_item.setMenuEnabled(False)
        self.line = pg.PlotDataItem(pen=pen((90, 90, 90), 1), symbol="o", symbolSize=9)
        self.plot_item.addItem(self.line)
        self.twin_line = pg.PlotDataItem(pen=pen((90, 90, 90), 1, Qt.DashLine), symbol="s",
                                         symbolSize=8)  # compare mode: the second run
        self.plot_item.addItem(self.twin_line)
        self.ranges = StableRanges(self.plot_item)
        cache_static_parts(self.plot_item)
        self._count = None
        self.history_at = None  # the history slider's step (None: now)

    def show_snapshot(self, snap):
        twin = snap.twin
        count = max(layer_count(snap), layer_count(twin) if twin else 0)
        if count != self._count:
            self._count = count
            self.plot_item.getAxis("bottom").setTicks(layer_ticks(count, self.tr("out")))
            self.plot_item.setXRange(-0.5, max(count, 1) - 0.5, padding=0)
        shown = []
        for run, line in ((snap, self.line), (twin, self.twin_line)):
            n = layer_count(run) if run is not None else 0
            if not n:
                line.setData([], [])
                continue
            norms = current_norms(run, self.history_at)
            # layers counted from the output back, so the outputs of two depths line up
            line.setData(np.arange(count - n, count), log10(norms),
                         symbolBrush=[pg.mkBrush(QColor(*layer_color(i, n))) for i in range(n)])
            shown.append(norms)
        if shown:
            self.ranges.update_y(np.concatenate(shown))

    def values(self):
        """The plotted (layer, log10 norm) points."""
        return self.line.getData()


class GradientPanel(QWidget):
    """The gradient view with its mode, chosen in `gradientModeCombo`: "over time"
    (GradientPlot), "by layer" (GradientDepthPlot) or "saturation" (ActivationHistogramPlot:
    why it vanishes). At 1366×768 the gradient's quarter of the window is too small for
    the depth plot and the histograms side by side, so they are one click apart."""

    def __init__(self, over_time, by_layer, saturation, parent=None):
        super().__init__(parent)
        self.setObjectName("gradientPanel")
        self.mode = QComboBox(objectName="gradientModeCombo")
        self.mode.addItem(self.tr("over time"), "time")
        self.mode.addItem(self.tr("by layer"), "layer")
        self.mode.addItem(self.tr("saturation"), "saturation")
        self.mode.setToolTip(self.tr("‖∂L/∂W‖ of every layer over the steps, or against the "
                                     "layer index now"))
        self.stack = QStackedWidget()
        self.stack.addWidget(over_time)
        self.stack.addWidget(by_layer)
        self.stack.addWidget(saturation)  # why the gradient vanishes: f′ ≈ 0 layer by layer
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        self.vanishing = QLabel(objectName="vanishingLabel")
        # a new text every frame must not lay the panel out again: the label takes the
        # width it is given
        self.vanishing.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.vanishing.setToolTip(self.tr("‖∂L/∂W¹‖ / ‖∂L/∂W_out‖: how much of the gradient "
                                          "reaches the first layer"))
        top.addWidget(self.vanishing, 1)
        top.addWidget(QLabel(self.tr("Gradients")))
        top.addWidget(self.mode)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(0)
        v.addLayout(top)
        v.addWidget(self.stack, 1)
        self.mode.currentIndexChanged.connect(self.stack.setCurrentIndex)

    history_at = None  # the history slider's step (None: now)

    def no_gradient_text(self):
        return self.tr("no gradient yet — press Step")

    def show_snapshot(self, snap):
        """The first/last ratio of each run, in numbers (or that it has no gradient yet: no
        step since it was built, nor any recorded)."""
        runs = [snap] + ([snap.twin] if snap.twin is not None else [])
        parts = []
        for run in runs:
            if layer_count(run) < 2:  # one neuron: no first and last to compare
                continue
            if not run.has_gradient and not len(run.step_steps):
                parts.append(f"{run.label} {self.no_gradient_text()}".strip())
                continue
            ratio = vanishing_ratio(current_norms(run, self.history_at))
            text = self.tr("all layers ≈ 0") if ratio is None else f"{ratio:.2g}"
            parts.append(f"{run.label} {text}".strip())
        text = self.tr("first/last: {0}").format(" · ".join(parts)) if parts else ""
        if text != self.vanishing.text():
            self.vanishing.setText(text)
