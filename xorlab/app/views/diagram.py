"""The network diagram: neurons as circles per layer, edges coloured by the sign of the weight
and drawn thicker by its magnitude. Clicking a hidden neuron asks for that neuron's output in
the decision plot (`neuronClicked`); clicking it again, or the output neuron, goes back. The
neuron shown is the session's view: the diagram draws it from the snapshot, it keeps none.
Clicking an edge asks for that weight (`edgeClicked`): the window shows its value and ∂L/∂w
and lets the student change it."""

from __future__ import annotations

import functools

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPaintEngine, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ...engine.features import feature_labels
from ..colors import CLASS0, CLASS1, layer_color, weight_color

MAX_DRAWN_UNITS = 16  # a layer wider than this is drawn with its first units and "+n"
EDGE_LEVELS = 6  # edge strengths are drawn in this many widths
INPUT_LABEL_WIDTH = 40.0  # room left of the input neurons for their features' formulas


def layout(layer_sizes, width, height, margin=28.0, left=None):
    """Centre (x, y) of every drawn neuron: a list per layer of (n, 2) arrays.

    Layers are spread evenly from `left` (the margin by default) to the right margin, neurons
    evenly from top to bottom."""
    count = len(layer_sizes)
    left = margin if left is None else left
    xs = np.linspace(left, width - margin, count) if count > 1 else np.array([width / 2])
    positions = []
    for x, size in zip(xs, layer_sizes):
        shown = min(size, MAX_DRAWN_UNITS)
        step = min((height - 2 * margin) / max(shown - 1, 1), 48.0)
        top = height / 2 - step * (shown - 1) / 2
        ys = top + step * np.arange(shown)
        positions.append(np.column_stack([np.full(shown, x), ys]))
    return positions


def edge_weights(weights):
    """Per weight layer, a (fan_in, units) matrix; maxout pieces are averaged for drawing."""
    out = []
    for W in weights[0::2]:
        out.append(W.mean(axis=2) if W.ndim == 3 else W)
    return out


def edge_levels(W, scale):
    """The drawn strength level 0 … EDGE_LEVELS−1 of every weight, signed by the weight."""
    if scale <= 0:
        return np.zeros(W.shape, dtype=np.int8)
    level = np.minimum((np.abs(W) / scale * EDGE_LEVELS).astype(np.int8), EDGE_LEVELS - 1)
    return np.where(W >= 0, level, -1 - level).astype(np.int8)


@functools.lru_cache(maxsize=2 * EDGE_LEVELS)
def _edge_pen(signed_level):
    """The pen of an edge level from edge_levels: −1 … −EDGE_LEVELS negative, 0 … positive."""
    positive = signed_level >= 0
    level = signed_level if positive else -1 - signed_level
    rgba, width = weight_color((level + 0.5) / EDGE_LEVELS * (1 if positive else -1), 1.0)
    return QPen(QColor(*rgba), width)


class NetworkDiagram(QWidget):
    neuronClicked = Signal(object)  # the neuron clicked: (layer, unit) of a hidden neuron
    # (0-based), or None for the output; the window toggles the session's view with it
    edgeClicked = Signal(int, int, int)  # weight layer, input unit, unit (0-based)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("networkDiagram")
        self.setMinimumSize(220, 180)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.layer_sizes = ()
        self.input_labels = ()  # the input features' formulas, one per input neuron
        self.weights = ()
        self.selected = None  # the snapshot's view: (hidden layer, unit) or None
        self.dropped = ()  # per hidden layer: the units dropout left out of the last step
        self.needs_paint = True
        self._signature = None
        self._cache_key = None
        self._lines = []  # per weight layer: the QLineF of each drawn edge
        self._neurons = None  # QPixmap of the neurons and labels

    def show_snapshot(self, snap):
        """Take the snapshot's weights; `needs_paint` is False when the drawing would be the
        same (every edge keeps its colour and width level)."""
        self.layer_sizes = snap.layer_sizes
        self.input_labels = feature_labels(snap.spec["features"]) if snap.spec else ()
        self.selected = snap.view
        self.weights = edge_weights(snap.weights)
        self.dropped = tuple(snap.dropped)
        signature = (tuple(self.layer_sizes), self.input_labels, self.selected,
                     tuple(d.tobytes() for d in self.dropped),
                     tuple(edge_levels(W, self.scale()).tobytes() for W in self.weights))
        self.needs_paint = signature != self._signature
        self._signature = signature
        if not snap.running and self.needs_paint:
            self.update()

    def scale(self):
        return max((float(np.abs(W).max()) for W in self.weights if W.size), default=1.0)

    def radius(self):
        return 9.0

    def paintEvent(self, event):
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(255, 255, 255))
        if not self.layer_sizes:
            p.setPen(QColor(120, 120, 120))
            p.drawText(self.rect(), Qt.AlignCenter, self.tr("no network"))
            p.end()
            return
        self._update_cache()
        scale = self.scale()
        # edges grouped into a few pens (sign × strength level), drawn with one call each,
        # weakest first; then the neurons on top, from a cached picture
        buckets = {}
        for W, lines in zip(self.weights, self._lines):
            levels = edge_levels(W[: lines.shape[0], : lines.shape[1]], scale)
            for signed in np.unique(levels):
                buckets.setdefault(int(signed), []).extend(lines[levels == signed])
        for signed in sorted(buckets, key=lambda s: s if s >= 0 else -1 - s):
            p.setPen(_edge_pen(signed))
            p.drawLines(buckets[signed])
        if p.paintEngine().type() == QPaintEngine.Raster and \
                p.device().devicePixelRatioF() == self._neurons.devicePixelRatio():
            p.drawPixmap(0, 0, self._neurons)
        else:  # exported larger, or as SVG: the neurons drawn anew, sharp
            self._paint_neurons(p, self._layout())
        p.end()

    def _update_cache(self):
        """The QLineF of every drawn edge (an object array per weight layer) and a picture of
        the neurons: both change only with the layer sizes, the widget size or the selection."""
        key = (tuple(self.layer_sizes), self.input_labels, self.width(), self.height(),
               self.selected, tuple(d.tobytes() for d in self.dropped))
        if key == self._cache_key:
            return
        self._cache_key = key
        pos = self._layout()
        self._lines = []
        for a, b in zip(pos[:-1], pos[1:]):
            lines = np.empty((len(a), len(b)), dtype=object)
            for i, j in np.ndindex(lines.shape):
                lines[i, j] = QLineF(*a[i], *b[j])
            self._lines.append(lines)
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.transparent)
        p = QPainter(pixmap)
        self._paint_neurons(p, pos)
        p.end()
        self._neurons = pixmap

    def _layout(self):
        """The neurons' centres, with room on the left for the input features' formulas."""
        return layout(self.layer_sizes, self.width(), self.height(),
                      left=28.0 + INPUT_LABEL_WIDTH)

    def is_dropped(self, layer, unit):
        """True when dropout left hidden unit `unit` of hidden layer `layer` (0-based) out of
        the last step (for its batch's first example): drawn grey and dashed."""
        return layer < len(self.dropped) and unit < len(self.dropped[layer]) \
            and bool(self.dropped[layer][unit])

    def _paint_neurons(self, p, pos):
        p.setRenderHint(QPainter.Antialiasing)
        r = self.radius()
        font = QFont(self.font())
        font.setPointSizeF(7.5)
        p.setFont(font)
        last = len(pos) - 1
        for li, layer in enumerate(pos):
            for j, (x, y) in enumerate(layer):
                selected = self.selected == (li - 1, j)
                if li == 0:
                    fill = QColor(230, 230, 230)
                elif li == last:
                    fill = QColor(*CLASS1)
                else:
                    fill = QColor(250, 250, 250)
                dropped = 0 < li < last and self.is_dropped(li - 1, j)
                if dropped:
                    fill = QColor(175, 175, 175)
                p.setBrush(QBrush(fill))
                pen = QPen(QColor(*CLASS0) if selected else QColor(60, 60, 60),
                           3 if selected else 1.2)
                if dropped:
                    pen.setStyle(Qt.DashLine)
                p.setPen(pen)
                p.drawEllipse(QPointF(x, y), r, r)
                if li == 0 and j < len(self.input_labels):  # the feature this input is
                    p.setPen(QColor(40, 40, 40))
                    p.drawText(QRectF(x - r - 4 - INPUT_LABEL_WIDTH - 20, y - 8,
                                      INPUT_LABEL_WIDTH + 20, 16),
                               Qt.AlignRight | Qt.AlignVCenter, self.input_labels[j])
            if self.layer_sizes[li] > len(layer):
                x, y = layer[-1]
                p.setPen(QColor(60, 60, 60))
                p.drawText(QRectF(x - 20, y + r, 40, 14), Qt.AlignCenter,
                           f"+{self.layer_sizes[li] - len(layer)}")
            label = "x" if li == 0 else (self.tr("out") if li == last else f"{li}")
            # the layer's colour by depth, as in the gradient plot (its incoming weights)
            p.setPen(QColor(90, 90, 90) if li == 0 else QColor(*layer_color(li - 1, last)))
            p.drawText(QRectF(layer[0][0] - 20, 2, 40, 14), Qt.AlignCenter, label)

    def neuron_at(self, x, y):
        """(layer index in layer_sizes, unit) of the neuron under (x, y), or None."""
        if not self.layer_sizes:
            return None
        r = self.radius() + 3
        for li, layer in enumerate(self._layout()):
            for j, (nx, ny) in enumerate(layer):
                if (nx - x) ** 2 + (ny - y) ** 2 <= r * r:
                    return li, j
        return None

    def click_neuron(self, layer, unit):
        """What a click on neuron `unit` of layer `layer` (0 = inputs) does."""
        last = len(self.layer_sizes) - 1
        if layer == 0:
            return
        self.neuronClicked.emit(None if layer == last else (layer - 1, unit))

    def neuron_center(self, layer, unit):
        return self._layout()[layer][unit]

    def edge_at(self, x, y, reach=4.0):
        """(weight layer, input unit, unit) of the drawn edge nearest to (x, y) within
        `reach` pixels, or None."""
        if not self.layer_sizes:
            return None
        pos = self._layout()
        best, found = reach, None
        p = np.array([x, y])
        for layer, (a, b) in enumerate(zip(pos[:-1], pos[1:])):
            d = b[None, :, :] - a[:, None, :]  # (fan_in, units, 2) edge directions
            t = np.clip(((p - a[:, None, :]) * d).sum(-1) / (d * d).sum(-1), 0, 1)
            dist = np.linalg.norm(a[:, None, :] + t[..., None] * d - p, axis=-1)
            i, j = np.unravel_index(np.argmin(dist), dist.shape)
            if dist[i, j] <= best:
                best, found = dist[i, j], (layer, int(i), int(j))
        return found

    def edge_point(self, layer, row, column, t=0.5):
        """The point a share t of the way along an edge (for tests and lessons)."""
        pos = self._layout()
        return pos[layer][row] + t * (pos[layer + 1][column] - pos[layer][row])

    def mousePressEvent(self, event):
        super().mousePressEvent(event)
        if event.button() != Qt.LeftButton:  # the right button opens the context menu
            return
        x, y = event.position().x(), event.position().y()
        hit = self.neuron_at(x, y)
        if hit is not None:
            self.click_neuron(*hit)
        else:
            edge = self.edge_at(x, y)
            if edge is not None:
                self.edgeClicked.emit(*edge)


class EdgeInspector(QFrame):
    """Under the diagram: the clicked edge's weight and its ∂L/∂w from the newest snapshot,
    and a field to change the weight (training goes on from the new value)."""

    weightEntered = Signal(int, int, int, float)  # layer, row, column, value
    problem = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("edgeInspector")
        self.setFrameShape(QFrame.StyledPanel)
        self.edge = None  # (weight layer, row, column)
        self.showing_no_gradient = False  # the snapshot shown has no ∂L/∂w yet
        self.label = QLabel(objectName="edgeLabel")
        self.edit = QLineEdit(objectName="edgeWeightEdit")
        self.edit.setMaximumWidth(90)
        self.edit.setToolTip(self.tr("a new value for this weight; Enter sets it"))
        self.set_button = QPushButton(self.tr("Set"), objectName="edgeWeightSetButton")
        self.close_button = QToolButton(text="✕", toolTip=self.tr("close"))
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(self.label, 1)
        row.addWidget(self.edit)
        row.addWidget(self.set_button)
        row.addWidget(self.close_button)
        self.set_button.clicked.connect(self._entered)
        self.edit.returnPressed.connect(self._entered)
        self.close_button.clicked.connect(self.close_edge)
        self.hide()

    def show_edge(self, layer, row, column, snap):
        self.edge = (layer, row, column)
        self.edit.clear()
        self.show()
        self.show_snapshot(snap, force=True)

    def close_edge(self):
        self.edge = None
        self.hide()

    def show_snapshot(self, snap, force=False):
        if self.edge is None or snap is None:
            return
        layer, row, column = self.edge
        if 2 * layer >= len(snap.weights) or row >= snap.weights[2 * layer].shape[0] \
                or column >= snap.weights[2 * layer].shape[1]:
            self.close_edge()  # the network changed under it
            return
        W, G = snap.weights[2 * layer], snap.grads[2 * layer]
        last = len(snap.weights) // 2 - 1
        features = snap.spec["features"] if snap.spec else ()
        source = (feature_labels(features)[row] if row < len(features) else f"x{row + 1}") \
            if layer == 0 else f"{layer}.{row + 1}"
        target = self.tr("out") if layer == last else f"{layer + 1}.{column + 1}"
        if W.ndim == 3:  # maxout: k weights per edge
            self.showing_no_gradient = False
            self.label.setText(self.tr("weights {0} → {1}: maxout, {2} pieces, mean {3:.4g}")
                               .format(source, target, W.shape[2], W[row, column].mean()))
            self.edit.setEnabled(False)
            self.set_button.setEnabled(False)
            return
        self.edit.setEnabled(True)
        self.set_button.setEnabled(True)
        self.showing_no_gradient = not snap.has_gradient
        if self.showing_no_gradient:  # zeros, not a gradient: none was computed yet
            text = self.tr("weight {0} → {1} = {2:.4g}   ∂L/∂w: {3}  (step {4})").format(
                source, target, W[row, column], self.no_gradient_text(), snap.step)
        else:
            text = self.tr("weight {0} → {1} = {2:.4g}   ∂L/∂w = {3:.3g}  (step {4})").format(
                source, target, W[row, column], G[row, column], snap.step)
        self.label.setText(text)
        if force or not self.edit.hasFocus():
            self.edit.setPlaceholderText(f"{W[row, column]:.4g}")

    def no_gradient_text(self):
        return self.tr("no gradient yet — press Step")

    def _entered(self):
        from ...lab.messages import message
        from ...lab.protocol import MAX_WEIGHT
        text = self.edit.text().strip().replace("−", "-")
        try:
            value = float(text)
            if not abs(value) <= MAX_WEIGHT:
                raise ValueError
        except ValueError:
            self.problem.emit(message("bad_weight", text=repr(text), limit=MAX_WEIGHT))
            return
        if self.edge is not None:
            self.weightEntered.emit(*self.edge, value)
            self.edit.clear()
