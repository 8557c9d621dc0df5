"""The loss view: train and test loss against step (log y) above accuracy against step."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from ..colors import CLASS0
from .common import StableRanges, add_curve, cache_static_parts, log10, pen, row_legend


class LossPlot(pg.GraphicsLayoutWidget):
    """Batch, train and test loss (log y) and accuracy against step. On the XOR truth table
    the train and test sets are the same 4 points: one curve, named "train = test"."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lossPlot")
        self.loss = self.addPlot(row=0, col=0, title=self.tr("Loss"))
        self.loss.setLogMode(y=True)
        self.loss.setLabel("left", self.tr("loss"))
        self.legend = row_legend(3, horSpacing=12)  # names the curves of both panels
        self.batch_curve = add_curve(self.loss, pen((170, 170, 170)))
        self.train_curve = add_curve(self.loss, pen((20, 20, 20)))
        self.test_curve = add_curve(self.loss, pen(CLASS0))
        self.acc = self.addPlot(row=1, col=0)
        self.acc.setXLink(self.loss)
        self.acc.setLabel("left", self.tr("accuracy"))
        self.acc.setLabel("bottom", self.tr("step"))
        self.acc.setMouseEnabled(y=False)
        self.train_acc = add_curve(self.acc, pen((40, 40, 40)))
        self.test_acc = add_curve(self.acc, pen(CLASS0))
        self.addItem(self.legend, row=2, col=0)
        self.ci.layout.setRowStretchFactor(0, 2)
        self.ci.layout.setRowStretchFactor(1, 1)
        self._generation = None
        self.test_is_train = None
        self._name_curves(False)
        cache_static_parts(self.loss)
        cache_static_parts(self.acc)
        self.ranges = StableRanges(self.loss)
        self.acc.disableAutoRange()
        self.acc.setYRange(0, 1.02, padding=0)
        self.divergence_line = pg.InfiniteLine(angle=90, pen=pen((200, 0, 0), 2))
        self.divergence_text = pg.TextItem(color=(200, 0, 0), anchor=(1, 0))
        self.divergence_line.setZValue(10)
        self.divergence_text.setZValue(10)

    def _name_curves(self, test_is_train):
        if test_is_train == self.test_is_train:
            return
        self.test_is_train = test_is_train
        self.legend.clear()
        self.legend.addItem(self.batch_curve, self.tr("batch"))
        if test_is_train:
            self.legend.addItem(self.train_curve, self.tr("train = test"))
        else:
            self.legend.addItem(self.train_curve, self.tr("train"))
            self.legend.addItem(self.test_curve, self.tr("test"))

    def legend_names(self):
        return [label.text for _, label in self.legend.items]

    def show_snapshot(self, snap):
        self._name_curves(snap.test_is_train)
        self.batch_curve.setData(snap.step_steps, log10(snap.step_loss))
        ev = snap.eval_values
        self.train_curve.setData(snap.eval_steps, log10(ev[:, 0]))
        self.train_acc.setData(snap.eval_steps, ev[:, 1])
        has_test = len(ev) and np.isfinite(ev[:, 2]).any() and not snap.test_is_train
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
        """A red line at the step that diverged (None: remove it)."""
        if step is None:
            if self.divergence_line.scene() is not None:
                self.loss.removeItem(self.divergence_line)
                self.loss.removeItem(self.divergence_text)
            self.diverged_at = None
            return
        if self.divergence_line.scene() is None:
            self.loss.addItem(self.divergence_line, ignoreBounds=True)
            self.loss.addItem(self.divergence_text, ignoreBounds=True)
        self.diverged_at = step
        self.divergence_line.setPos(step)
        self.divergence_text.setText(self.tr("diverged at step {0}: lower the learning rate")
                                     .format(step))
        (x0, x1), (y0, y1) = self.loss.viewRange()
        self.divergence_text.setPos(x1, y1)
