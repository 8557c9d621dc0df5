"""The activation view: the selected layer's f(z) and f′(z) over [−5, 5], with its formula
for the parameters the layer has. Maxout is drawn as what it is: the maximum (bold) of k
affine pieces (faint)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from ...engine import ACTIVATIONS
from ...engine.activations import Maxout
from ...engine.spec import OUTPUT_LAYER
from ..i18n import formula_text
from .common import add_curve, cache_static_parts, pen, side_legend


class ActivationPlot(pg.PlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("activationPlot")
        self.showGrid(x=True, y=True, alpha=0.2)  # static plot: a grid costs nothing here
        # beside the plot: f′ runs along the bottom and f along the top, a corner would hide
        # one of them
        self.legend = self.getPlotItem().legend = side_legend(self.getPlotItem())
        self.f_curve = add_curve(self.getPlotItem(), pen((0, 114, 178), 2), "f(z)")
        self.df_curve = add_curve(self.getPlotItem(), pen((213, 94, 0), 2), "f′(z)")
        self.piece_curves = []
        self.z = np.linspace(-5, 5, 401)
        self.name = None
        cache_static_parts(self.getPlotItem())

    def show_layer(self, session, index):
        """The activation of hidden layer `index` of a Session (past the last: the output)."""
        hidden = session.hidden
        index = min(index, len(hidden))
        layer = hidden[index] if index < len(hidden) else OUTPUT_LAYER
        label = self.tr("layer {0}").format(index + 1) if index < len(hidden) \
            else self.tr("output")
        params = {k: v for k, v in layer.items() if k not in ("units", "activation")}
        self.show_activation(layer["activation"], label, **params)

    def show_activation(self, name, layer_label="", **params):
        """Draw activation `name` with these parameters; `layer_label` names the layer."""
        act = ACTIVATIONS[name]
        self.name = name
        self.f_curve.setData(self.z, act.f(self.z, **params))
        self.df_curve.setData(self.z, act.df(self.z, **params))
        self._show_pieces(Maxout.pieces(self.z, params.get("k", 2)) if name == "maxout" else ())
        self.setTitle(f"{layer_label}: {name} — {formula_text(act, **params)}", size="9pt")

    def _show_pieces(self, pieces):
        for curve in self.piece_curves:
            self.getPlotItem().removeItem(curve)
        self.piece_curves = []
        for piece in pieces:
            curve = add_curve(self.getPlotItem(), pen((120, 150, 200), 1, Qt.DashLine))
            curve.setData(self.z, piece)
            self.piece_curves.append(curve)
