"""The loss view: train and test loss against step (log y) above accuracy against step."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from ..colors import CLASS0, faded
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
        # compare mode: the second run, dashed
        self.twin_train_curve = add_curve(self.loss, pen((20, 20, 20), 1, Qt.DashLine))
        self.twin_test_curve = add_curve(self.loss, pen(CLASS0, 1, Qt.DashLine))
        self.twin_train_acc = add_curve(self.acc, pen((40, 40, 40), 1, Qt.DashLine))
        self.twin_test_acc = add_curve(self.acc, pen(CLASS0, 1, Qt.DashLine))
        self.labels = None  # (first run, second run) in compare mode
        # the run before an activation or init switch, faded, until the next rebuild
        self.ghost_curve = add_curve(self.loss, pen(faded((20, 20, 20))))
        self.ghost_acc = add_curve(self.acc, pen(faded((40, 40, 40))))
        for curve in (self.ghost_curve, self.ghost_acc):
            curve.setZValue(-1)
        self.ghost_label = None
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

    def _name_curves(self, test_is_train, labels=None):
        if (test_is_train, labels) == (self.test_is_train, self.labels):
            return
        self.test_is_train, self.labels = test_is_train, labels
        self.legend.clear()
        # two runs' names are long ("train = test · leaky_relu ┄"): two to a row, not three
        self.legend.setColumnCount(2 if labels else 3)
        self.legend.addItem(self.batch_curve, self.tr("batch"))
        runs = [("", self.train_curve, self.test_curve)] if labels is None else [
            (f" · {labels[0]}", self.train_curve, self.test_curve),
            (f" · {labels[1]} ┄", self.twin_train_curve, self.twin_test_curve)]
        for suffix, train, test in runs:
            if test_is_train:
                self.legend.addItem(train, self.tr("train = test") + suffix)
            else:
                self.legend.addItem(train, self.tr("train") + suffix)
                self.legend.addItem(test, self.tr("test") + suffix)
        if self.ghost_label:
            self.legend.addItem(self.ghost_curve, self.ghost_label)

    def set_ghost(self, snap, label=None):
        """Show a past run's train loss and accuracy faded behind the new ones (None:
        none)."""
        none = np.empty(0)
        if snap is None or not len(snap.eval_steps):
            self.ghost_curve.setData(none, none)
            self.ghost_acc.setData(none, none)
            self.ghost_label = None
        else:
            self.ghost_curve.setData(snap.eval_steps, log10(snap.eval_values[:, 0]))
            self.ghost_acc.setData(snap.eval_steps, snap.eval_values[:, 1])
            self.ghost_label = label
        self.labels = ()  # name the curves again
        self._name_curves(self.test_is_train, None)

    def legend_names(self):
        return [label.text for _, label in self.legend.items]

    def show_snapshot(self, snap):
        twin = snap.twin
        self._name_curves(snap.test_is_train, None if twin is None else (snap.label, twin.label))
        self.batch_curve.setData(snap.step_steps, log10(snap.step_loss))
        self._show_run(snap, self.train_curve, self.test_curve, self.train_acc, self.test_acc)
        self._show_run(twin, self.twin_train_curve, self.twin_test_curve, self.twin_train_acc,
                       self.twin_test_acc, test_is_train=snap.test_is_train)
        if snap.generation != self._generation:
            self._generation = snap.generation
            self.ranges.reset()
        runs = [snap] if twin is None else [snap, twin]
        self.ranges.update(snap.step, np.concatenate(
            [snap.step_loss] + [r.eval_values[:, c] for r in runs for c in (0, 2)]))
        self.show_divergence(snap.diverged_at)

    @staticmethod
    def _show_run(snap, train, test, train_acc, test_acc, test_is_train=None):
        """One run's evaluated curves (none: a run that is not there)."""
        none = np.empty(0)
        if snap is None:
            for curve in (train, test, train_acc, test_acc):
                curve.setData(none, none)
            return
        ev = snap.eval_values
        train.setData(snap.eval_steps, log10(ev[:, 0]))
        train_acc.setData(snap.eval_steps, ev[:, 1])
        same = snap.test_is_train if test_is_train is None else test_is_train
        has_test = len(ev) and np.isfinite(ev[:, 2]).any() and not same
        test.setData(snap.eval_steps if has_test else none, log10(ev[:, 2]) if has_test else none)
        test_acc.setData(snap.eval_steps if has_test else none, ev[:, 3] if has_test else none)

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
