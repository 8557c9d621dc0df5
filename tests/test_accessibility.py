"""Accessibility: what a screen reader hears of the window, and the window driven by the
keyboard alone (issue 18, point 5)."""

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QWidget,
)

from xorlab.app.i18n import install, remove

TIMEOUT = 30_000  # ms


def heard_name(widget):
    """The name a screen reader says for `widget`. Qt's text(Name), except for a combo box:
    on Linux Qt reports a combo's current value as its Name and gives its label through the
    "labelled by" relation, so a combo counts as named by its accessibleName or by a label
    whose buddy it is (what Orca and NVDA read), never by its value."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if isinstance(widget, QComboBox):
        if widget.accessibleName():
            return widget.accessibleName()
        labels = [label.text() for label in widget.window().findChildren(QWidget)
                  if getattr(label, "buddy", lambda: None)() is widget]
        return " ".join(labels)
    return iface.text(QAccessible.Name) if iface is not None else ""


def is_named(name):
    """A name says something in words: "▲" or "✕" alone is not a name."""
    return any(ch.isalpha() for ch in name)


def show_every_part(w):
    """Every tab and dock shown once, so that lazily built parts exist; back to Training."""
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        QApplication.processEvents()
    w.tabs.setCurrentIndex(0)
    w.lesson_dock.show()
    w.edge_inspector.show()
    QApplication.processEvents()


def controls(w):
    """The window's focusable, enabled controls as a screen reader meets them.

    Left out by one rule each: a widget with a focus proxy hands its focus to that widget,
    which is judged instead (Qt's `qt_spinbox_lineedit` of a spin box, an editable combo's
    line edit, a QTabWidget's tab bar, the viewport inside a pyqtgraph plot); a widget in
    another window is not in this one's Tab chain (a combo box's popup list, a floating
    dialog)."""
    return [x for x in w.findChildren(QWidget)
            if x.focusPolicy() & Qt.TabFocus and x.isEnabled() and x.focusProxy() is None
            and x.window() is w]


def unnamed(w):
    found = [x for x in controls(w) if not is_named(heard_name(x))]
    # the app's buttons are named even where Tab does not stop (they are still clicked, and
    # read by a screen reader's object navigation); Qt's own parts (object names "qt_...":
    # a table's corner button, the menu bar's extension) are Qt's to name
    found += [b for b in w.findChildren(QAbstractButton)
              if b.window() is w and not b.focusPolicy() & Qt.TabFocus
              and not b.objectName().startswith("qt_") and not is_named(heard_name(b))]
    return [f"{type(x).__name__} {x.objectName() or '?'} in "
            f"{type(x.parent()).__name__} {x.parent().objectName()}" for x in found]


def test_every_control_has_a_name(app_window):
    """Every focusable control of the shown window (every tab shown once, the lessons, the
    weight editor) has a name in words, as a screen reader hears it; so has every button."""
    w = app_window
    show_every_part(w)
    missing = unnamed(w)
    assert not missing, "\n".join(missing)


def test_a_name_says_which_one(app_window):
    """Two controls of the same kind never share a name (a spin box's group title, "Data",
    is Qt's fallback name for every field in the group: no help)."""
    w = app_window
    show_every_part(w)
    seen = {}
    for x in controls(w):
        seen.setdefault((type(x).__name__, heard_name(x)), []).append(x.objectName())
    assert {k: v for k, v in seen.items() if len(v) > 1} == {}


def test_the_plots_numbers_are_text(qtbot, app_window):
    """Each live plot's description says the numbers it draws, kept current from the
    snapshot: step, loss, accuracy, the first/last gradient ratio."""
    w = app_window
    w.step_once()
    qtbot.waitUntil(lambda: w.controller.latest.step == 1 and w.drawn(), timeout=TIMEOUT)
    w.controller.step(40)
    qtbot.waitUntil(lambda: w.controller.latest.step == 41 and w.drawn(), timeout=TIMEOUT)
    snap = w.controller.latest
    loss = w.loss_plot.accessibleDescription()
    assert "41" in loss and f"{snap.train_loss:.4f}" in loss
    decision = w.decision_plot.accessibleDescription()
    assert f"{snap.train_accuracy:.1%}" in decision and "41" in decision
    gradients = w.gradient_plot.accessibleDescription()
    assert "41" in gradients and re.search(r"\d", gradients.split("41", 1)[1])
    for plot in (w.loss_plot, w.decision_plot, w.gradient_plot):
        iface = QAccessible.queryAccessibleInterface(plot)
        assert iface.text(QAccessible.Description) == plot.accessibleDescription()


def focus_by_tab(qtbot, w, target, limit=200):
    """Press Tab (on whatever has the focus) until `target` has it."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName()}")


def press(qtbot, key, modifier=Qt.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_tab_order_follows_the_panels(app_window):
    """Tab goes through the editor from top to bottom, then the training bar, then the
    view tabs."""
    w = app_window
    chain, x = [], w.editor.data.dataset
    start = x
    for _ in range(300):
        chain.append(x)
        x = x.nextInFocusChain()
        if x is start:
            break
    order = [c.objectName() for c in chain]
    editor = ["datasetCombo", "noiseSlider", "pointsSpin", "testFractionSpin", "lossCombo",
              "optimizerCombo", "learningRateCombo", "seedSpin", "featureCheck_x1",
              "addLayerButton", "initCombo", "layer1UnitsSpin", "layer2UnitsSpin"]
    bar = ["playPauseButton", "stepButton", "resetButton", "speedCombo", "compareButton"]
    at = [order.index(name) for name in editor + bar]
    assert at == sorted(at)
    assert order.index("compareValueCombo") < order.index("qt_tabwidget_tabbar")


def test_a_training_run_by_keys_alone(qtbot, app_window):
    """Tab to the training bar, then: Space plays, Space pauses, Tab and Space step once,
    Tab to Reset and Space starts again at step 0, Compare is switched on and its value
    chosen with an arrow key, and Ctrl+2 and the arrow keys switch tabs."""
    w = app_window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=TIMEOUT)
    w.editor.data.dataset.setFocus()
    bar = w.training_bar
    focus_by_tab(qtbot, w, bar.play_button)
    press(qtbot, Qt.Key_Space)
    qtbot.waitUntil(lambda: w.controller.latest.running and w.controller.latest.step > 0,
                    timeout=TIMEOUT)
    press(qtbot, Qt.Key_Space)
    qtbot.waitUntil(lambda: not w.controller.latest.running, timeout=TIMEOUT)
    paused_at = w.controller.latest.step
    press(qtbot, Qt.Key_Tab)
    assert QApplication.focusWidget() is bar.step_button
    press(qtbot, Qt.Key_Space)
    qtbot.waitUntil(lambda: w.controller.latest.step == paused_at + 1, timeout=TIMEOUT)
    assert not w.controller.latest.running
    focus_by_tab(qtbot, w, bar.reset_button)
    gen = w.controller.latest.generation
    press(qtbot, Qt.Key_Space)
    qtbot.waitUntil(lambda: w.controller.latest.generation > gen, timeout=TIMEOUT)
    assert w.controller.latest.step == 0
    focus_by_tab(qtbot, w, bar.compare_button)
    press(qtbot, Qt.Key_Space)
    qtbot.waitUntil(lambda: w.session().compare.on, timeout=TIMEOUT)
    value = w.session().compare.value
    focus_by_tab(qtbot, w, bar.compare_value)
    press(qtbot, Qt.Key_Down)  # the second run's value, chosen by the arrow keys
    qtbot.waitUntil(lambda: w.session().compare.value != value, timeout=TIMEOUT)
    press(qtbot, Qt.Key_2, Qt.ControlModifier)
    assert w.tabs.currentIndex() == 1
    focus_by_tab(qtbot, w, w.tabs.tabBar())
    press(qtbot, Qt.Key_Right)
    assert w.tabs.currentIndex() == 2
    press(qtbot, Qt.Key_Left)
    press(qtbot, Qt.Key_Left)
    assert w.tabs.currentIndex() == 0


def test_the_window_opens_with_the_focus_on_play(app_window):
    """The keys start in the training bar: Space presses Play, Tab goes on to Step. (With
    the Tab order starting at the editor, the first field, Dataset, took the focus.)"""
    w = app_window
    w.activateWindow()
    assert QApplication.focusWidget() is w.training_bar.play_button


def test_space_after_a_mouse_click_still_plays(qtbot, app_window):
    """A button clicked with the mouse does not keep the focus: Space then plays and pauses
    (it would press Step again if Step kept the focus)."""
    w = app_window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=TIMEOUT)
    qtbot.mouseClick(w.training_bar.step_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: w.controller.latest.step == 1, timeout=TIMEOUT)
    assert QApplication.focusWidget() is not w.training_bar.step_button
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key_Space)
    qtbot.waitUntil(lambda: w.controller.latest.running, timeout=TIMEOUT)


@pytest.fixture
def korean(qapp):
    install(qapp, "ko")
    yield
    remove(qapp)


def test_korean_names(qtbot, korean, tmp_path):
    """In the Korean UI every accessible name and description the window sets is the
    translator's Korean (Hangul in each), e.g. the speed's and the decision plot's."""
    from PySide6.QtCore import QSettings

    from xorlab.app import MainWindow
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    w.ask_to_save = False
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=TIMEOUT)
    show_every_part(w)
    named = [x for x in w.findChildren(QWidget) if x.accessibleName()]
    assert len(named) > 50
    english = [x.accessibleName() for x in named
               if not re.search("[\uac00-\ud7a3]", x.accessibleName())]
    assert not english, "\n".join(english)
    for widget, context, source in ((w.training_bar.speed, "TrainingBar", "Training speed"),
                                    (w.decision_plot, "ScreenReader", "Decision regions plot")):
        assert widget.accessibleName() == QCoreApplication.translate(context, source)
        assert widget.accessibleName() != source
    w.close()


@pytest.mark.parametrize("tab", range(4))
def test_tab_reaches_every_control_and_comes_back(qtbot, app_window, tab):
    """On each view tab, pressing Tab visits every visible control once and comes back to
    the first: no control is out of reach, none traps Tab."""
    w = app_window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=TIMEOUT)
    w.tabs.setCurrentIndex(tab)
    w.editor.data.dataset.setFocus()
    start = QApplication.focusWidget()
    visited = []
    for _ in range(300):
        press(qtbot, Qt.Key_Tab)
        visited.append(QApplication.focusWidget())
        if visited[-1] is start:
            break
    assert w.tabs.currentIndex() == tab
    assert visited[-1] is start
    assert len(visited) == len(set(map(id, visited)))
    visible = {id(x) for x in controls(w) if x.isVisible()}
    assert visible - set(map(id, visited)) == set()
