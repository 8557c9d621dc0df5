"""The activation zoo: every registered activation side by side — f and f′ over [−5, 5], its
formula, the range of f, the largest f′ and what it fixes and costs.

The largest f′ is the lecture's point: a sigmoid passes back at most 0.25 of the gradient per
layer, so after n layers at most 0.25ⁿ. The lecture says the sigmoid lies between −1 and 1;
that is tanh's range, and the zoo shows both. Maxout is drawn as what it is: the maximum
(bold) of k affine pieces (faint).
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...engine import ACTIVATIONS
from ...engine.activations import Maxout
from ..i18n import formula_text
from .common import add_curve, pen

Z = np.linspace(-5, 5, 401)
COLUMNS = 4


def largest_slope(activation):
    """max f′ over [−5, 5] (measured, not quoted)."""
    return float(np.max(activation.df(np.linspace(-5, 5, 2001))))


class ZooCard(QWidget):
    """One activation: a small plot and three lines of text."""

    def __init__(self, activation, parent=None):
        super().__init__(parent)
        self.setObjectName(f"zoo_{activation.name}")
        self.activation = activation
        self.plot = pg.PlotWidget()
        self.plot.setFixedHeight(170)  # two rows of cards in view at 1366×768
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        item = self.plot.getPlotItem()
        item.setTitle(f"<b>{activation.name}</b>", size="10pt")
        if isinstance(activation, Maxout):
            for piece in Maxout.pieces(Z, activation.params["k"]):
                add_curve(item, pen((150, 175, 215), 1, Qt.DashLine)).setData(Z, piece)
        self.f_curve = add_curve(item, pen((0, 114, 178), 2))
        self.df_curve = add_curve(item, pen((213, 94, 0), 2))
        self.f_curve.setData(Z, activation.f(Z))
        self.df_curve.setData(Z, activation.df(Z))
        item.setYRange(-1.6, 2.6, padding=0)
        self.plot.setAccessibleName(self.tr("{0}: f and f′").format(activation.name))
        self.max_slope = largest_slope(activation)
        self.text = QLabel(objectName=f"zoo_{activation.name}_text")
        self.text.setWordWrap(True)
        self.text.setText(self.tr("f = {0}<br>range {1} · largest f′ = {2:.3g}<br><i>{3}</i>")
                          .format(html.escape(formula_text(activation)),
                                  activation.value_range, self.max_slope,
                                  html.escape(self.tr(activation.notes))))
        v = QVBoxLayout(self)
        v.setContentsMargins(2, 2, 2, 2)
        v.addWidget(self.plot)
        v.addWidget(self.text)
        v.addStretch(1)


class ActivationZoo(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("activationZoo")
        inner = QWidget()
        grid = QGridLayout(inner)
        self.cards = {}
        for i, activation in enumerate(ACTIVATIONS.values()):
            card = ZooCard(activation)
            self.cards[activation.name] = card
            grid.addWidget(card, i // COLUMNS, i % COLUMNS)
        key = QLabel(self.tr("<span style='color:#0072b2'>━ f(z)</span>   "
                             "<span style='color:#d55e00'>━ f′(z)</span>   "
                             "f′ is what backpropagation multiplies by, layer after layer."))
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.NoFocus)  # Tab goes to the plots in it
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        v.addWidget(key)
        v.addWidget(scroll, 1)
