"""What the keyboard and a screen reader get of the window.

- `layout_order(widget)`: its focusable controls in the order its layouts place them (top to
  bottom, left to right); `chain_tabs(widgets)` makes that the Tab order. The window chains
  the editor, the lessons, the activation plot, the training bar, then the view tabs.
- `keyboard_rules`: Space presses the focused button (the window-wide Space of play / pause
  would take it otherwise: `SpaceOnButtons`); a button clicked with the mouse does not keep
  the focus (`Qt.TabFocus`), so Space after a click still plays and pauses; Tab leaves a
  table (it went from cell to cell and never out).
- `PlotReadout`: each live plot's accessible description says in words the numbers it
  draws (step, loss, accuracy, the first/last gradient ratio), from the snapshot shown;
  while training runs at most once a second (a screen reader reads it on demand), at once
  when it stops.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QWidget,
)

from .status import _fmt, _pct
from .views.gradients import current_norms, layer_count, vanishing_ratio

READOUT_SECONDS = 1.0  # while training runs, the plots' descriptions change at most this often


def layout_order(widget):
    """The controls in `widget` that Tab stops at, in the order its layouts place them."""
    found = []
    _walk(widget, found)
    return found


def _walk(w, found):
    if w.focusPolicy() & Qt.TabFocus and w.focusProxy() is None:
        found.append(w)
    if isinstance(w, (QAbstractSpinBox, QComboBox)) or (
            isinstance(w, QAbstractScrollArea) and not isinstance(w, QScrollArea)):
        return  # a control: its children are its own parts (line edit, viewport)
    if isinstance(w, QTabWidget):  # Qt puts its tab bar (its focus proxy) where it stands
        found.append(w)
        children = [w.widget(i) for i in range(w.count())]
    elif isinstance(w, (QStackedWidget, QSplitter)):
        children = [w.widget(i) for i in range(w.count())]
    elif isinstance(w, (QScrollArea, QDockWidget)):
        children = [w.widget()]
    elif w.layout() is not None:
        _walk_layout(w.layout(), found)
        return
    else:
        return
    for child in children:
        if child is not None:
            _walk(child, found)


def _walk_layout(layout, found):
    items = [(i, layout.itemAt(i)) for i in range(layout.count())]
    if isinstance(layout, QGridLayout):  # row by row, each left to right
        items.sort(key=lambda item: layout.getItemPosition(item[0])[:2])
    for _, item in items:
        if item.widget() is not None:
            _walk(item.widget(), found)
        elif item.layout() is not None:
            _walk_layout(item.layout(), found)


def chain_tabs(widgets):
    """Make Tab go through `widgets` in this order (each once)."""
    seen, chain = set(), []
    for w in widgets:
        if id(w) not in seen:
            seen.add(id(w))
            chain.append(w)
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)
    return chain


def follow_panels(panels, guard):
    """Tab goes through the controls of each widget in `panels` in turn, each in its layout
    order; `keyboard_rules` hold for them. Returns the chain."""
    chain = chain_tabs([w for panel in panels for w in layout_order(panel)])
    keyboard_rules(chain, guard)
    return chain


class SpaceOnButtons(QObject):
    """Installed on buttons: Space presses the focused button, as everywhere else, instead of
    the window's play / pause shortcut."""

    def eventFilter(self, obj, event):
        if event.type() == QEvent.ShortcutOverride and event.key() == Qt.Key_Space \
                and isinstance(obj, QAbstractButton) and not event.modifiers():
            event.accept()
            return True
        return False


def keyboard_rules(widgets, guard):
    """Every button in `widgets`: Space presses it while it has the focus; a mouse click
    does not give it the focus (Space after a click still plays and pauses). Every table or
    list: Tab leaves it (the arrow keys move inside), so that Tab is never trapped."""
    for w in widgets:
        if isinstance(w, QAbstractButton):
            w.setFocusPolicy(Qt.TabFocus)
            w.installEventFilter(guard)
        elif isinstance(w, QAbstractItemView):
            w.setTabKeyNavigation(False)


class ScreenReader(QObject):
    """What a screen reader and the keyboard get of `window`: the views' names, their
    numbers as text (PlotReadout, `show_snapshot`), and Tab through `panels` in turn
    (`order_tabs`, again when the editor's rows change)."""

    def __init__(self, window, views, panels):
        super().__init__(window)
        self.panels = panels
        self.space = SpaceOnButtons(self)
        self.readout = PlotReadout(views["loss"], views["decision"], views["compare"],
                                   views["gradients"], views["by_layer"], self)
        names = {"decision": self.tr("Decision regions plot"),
                 "compare": self.tr("Second run's decision regions plot"),
                 "loss": self.tr("Loss and accuracy plot"),
                 "gradients": self.tr("Gradient size per layer over the steps"),
                 "by_layer": self.tr("Gradient size by layer"),
                 "histograms": self.tr("Saturation histograms of each layer"),
                 "activation": self.tr("Activation function plot"),
                 "gradient_mode": self.tr("Gradient view"),
                 "weight_edit": self.tr("New value of this weight"),
                 "weight_close": self.tr("Close the weight editor")}
        for key, name in names.items():
            views[key].setAccessibleName(name)
        views["activation"].setAccessibleDescription(self.tr(
            "f and f′ of the selected layer's activation"))
        views["histograms"].setAccessibleDescription(self.tr(
            "how the values a and the slopes f′ spread in each layer: f′ near 0 is a "
            "saturated neuron"))
        panels[0].setFocusPolicy(Qt.NoFocus)  # the editor's scroll area: Tab goes into it

    def show_snapshot(self, snap):
        self.readout.show_snapshot(snap)

    def order_tabs(self):
        """Tab follows the panels: the editor from top to bottom, the lessons, the activation
        plot, the training bar, then the view tabs and the current view; Space presses the
        focused button."""
        follow_panels(self.panels, self.space)
        for bar in self.parent().findChildren(QTabBar, options=Qt.FindDirectChildrenOnly):
            bar.setFocusPolicy(Qt.NoFocus)  # the docks' tab bars: Qt keeps an unused one
            # off the window in the Tab chain; Ctrl+L and View → Lessons switch the docks


class PlotReadout(QObject):
    """Keeps the accessible descriptions of the live plots current from the snapshots
    drawn (`show_snapshot`)."""

    def __init__(self, loss, decision, compare, gradients, by_layer, parent=None):
        super().__init__(parent)
        self.loss, self.decision, self.compare = loss, decision, compare
        self.gradients, self.by_layer = gradients, by_layer
        self._last = -1e9

    def show_snapshot(self, snap):
        now = time.perf_counter()
        if snap.running and now - self._last < READOUT_SECONDS:
            return
        self._last = now
        self._set(self.loss, self.loss_text(snap))
        self._set(self.decision, self.accuracy_text(snap))
        self._set(self.compare, self.accuracy_text(snap.twin) if snap.twin else "")
        gradients = self.gradient_text(snap)
        self._set(self.gradients, gradients)
        self._set(self.by_layer, gradients)

    @staticmethod
    def _set(widget, text):
        if widget.accessibleDescription() != text:
            widget.setAccessibleDescription(text)

    def loss_text(self, snap):
        text = self.tr("step {0:,}: training loss {1}, test loss {2}; accuracy {3} on "
                       "training points, {4} on test points").format(
            snap.step, _fmt(snap.train_loss), _fmt(snap.test_loss),
            _pct(snap.train_accuracy), _pct(snap.test_accuracy))
        if snap.twin is not None:
            text += " " + self.tr("Second run {0}: training loss {1}, accuracy {2}").format(
                snap.twin.label, _fmt(snap.twin.train_loss), _pct(snap.twin.train_accuracy))
        return text

    def accuracy_text(self, snap):
        return self.tr("step {0:,}: accuracy {1} on training points, {2} on test "
                       "points").format(snap.step, _pct(snap.train_accuracy),
                                        _pct(snap.test_accuracy))

    def gradient_text(self, snap):
        if not layer_count(snap):
            return ""
        norms = current_norms(snap)
        sizes = ", ".join(f"{v:.2g}" for v in norms)
        text = self.tr("step {0:,}: gradient size per layer, first to output: {1}").format(
            snap.step, sizes)
        if layer_count(snap) >= 2:
            ratio = vanishing_ratio(norms)
            text += "; " + (self.tr("all layers ≈ 0") if ratio is None else self.tr(
                "first/last ratio {0:.2g}").format(ratio))
        return text
