"""The Backprop view (the chain rule, stepped) and weights edited from the network diagram."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableWidget

from xorlab.lab.chain_rule import PRESETS

TIMEOUT = 20_000


@pytest.fixture
def window(app_window):
    return app_window


@pytest.fixture
def view(window, qtbot):
    window.tabs.setCurrentWidget(window.backprop)
    qtbot.waitUntil(window.backprop.isVisible, timeout=TIMEOUT)
    return window.backprop


def click(qtbot, view, name):
    qtbot.mouseClick(view.findChild(QPushButton, name), Qt.LeftButton)


def table(view, name, column):
    t = view.findChild(QTableWidget, "graphTable")
    row = next(r for r in range(t.rowCount()) if t.item(r, 0).text() == name)
    header = [t.horizontalHeaderItem(c).text() for c in range(t.columnCount())]
    return t.item(row, header.index(view.tr(column)))


def test_the_lecture_stepped_by_its_buttons(qtbot, view):
    assert view.findChild(QLineEdit, "graphExpressionEdit").text() == "f = w*x + b"
    assert table(view, "g", "value").text() == ""  # nothing computed yet
    click(qtbot, view, "graphForwardButton")
    assert table(view, "g", "value").text() == "−10" and table(view, "f", "value").text() == ""
    click(qtbot, view, "graphForwardButton")
    assert table(view, "f", "value").text() == "−7"
    assert not view.findChild(QPushButton, "graphForwardButton").isEnabled()
    filled = []
    for _ in range(5):  # the seed ∂f/∂f = 1, then one edge a step
        click(qtbot, view, "graphBackwardButton")
        for name in ("g", "b", "w", "x"):
            text = table(view, name, "gradient ∂f/∂·").text()
            if text and not text.endswith("…") and name not in [n for n, _ in filled]:
                filled.append((name, text))
    assert filled == [("g", "1"), ("b", "1"), ("w", "5"), ("x", "−2")]
    sentence = view.findChild(QLabel, "graphSentenceLabel").text()
    assert sentence == "∂f/∂x = ∂f/∂g · ∂g/∂x = 1 · −2 = −2"
    assert table(view, "w", "parameter").checkState() == Qt.Checked
    assert table(view, "b", "parameter").checkState() == Qt.Checked
    assert table(view, "x", "parameter").checkState() == Qt.Unchecked
    view.findChild(type(view.learning_rate), "graphLearningRateSpin").setValue(0.1)
    click(qtbot, view, "graphUpdateButton")
    assert table(view, "w", "value").text() == "−2.5"
    assert table(view, "b", "value").text() == "2.9"
    assert table(view, "x", "value").text() == "5"
    assert table(view, "f", "value").text() == "−9.6"  # lower than −7, as promised
    assert view.chain.previous_root_value == -7
    assert "−7 → −9.6" in view.findChild(QLabel, "graphSentenceLabel").text()


def test_a_leaf_can_become_data_and_then_update_leaves_it(qtbot, view):
    table(view, "b", "parameter").setCheckState(Qt.Unchecked)
    click(qtbot, view, "graphUpdateButton")
    assert table(view, "b", "value").text() == "3"
    assert table(view, "w", "value").text() == "−2.5"


def test_editing_a_leaf_recomputes_what_depends_on_it(qtbot, view):
    click(qtbot, view, "graphRunButton")
    view.timer.stop()
    view.chain.run_all()
    view.set_value("x", 4)
    view.chain.run_all()
    view._show(view.chain)
    assert table(view, "g", "value").text() == "−8" and table(view, "f", "value").text() == "−5"
    assert table(view, "w", "gradient ∂f/∂·").text() == "4"


def test_the_sigmoid_preset_shows_both_numbers(qtbot, view):
    combo = view.findChild(QComboBox, "graphPresetCombo")
    combo.setCurrentIndex(combo.findData("sigmoid"))
    combo.activated.emit(combo.currentIndex())
    assert [n.op for n in view.chain.nodes if n.op] == ["*", "exp", "+", "/"]
    view.chain.run_all()
    view._show(view.chain)
    check = view.findChild(QLabel, "graphCheckLabel").text()
    s = 1 / (1 + np.exp(-0.5))
    expected = f"{s * (1 - s):.4g}"
    assert check.count(expected) == 2  # the chain's product and σ(1 − σ), side by side


@pytest.mark.parametrize("bad", ["w*", "foo(x)", "__import__('os')", "1/0"])
def test_a_bad_expression_keeps_the_old_graph(qtbot, view, bad):
    field = view.findChild(QLineEdit, "graphExpressionEdit")
    before = view.chain
    field.setText(bad)
    field.editingFinished.emit()
    error = view.findChild(QLabel, "graphErrorLabel")
    assert error.isVisible() and error.text()
    assert view.chain is before
    field.setText("e = (y - (w*x + b))**2 + w**2")
    field.editingFinished.emit()
    assert not error.isVisible() and view.chain.nodes[view.chain.root].name == "e"


def test_keys_step_through_and_a_click_shows_the_expansion(qtbot, view):
    view.canvas.setFocus()
    qtbot.waitUntil(view.canvas.hasFocus, timeout=TIMEOUT)
    qtbot.keyClick(view.canvas, Qt.Key_Right)
    qtbot.keyClick(view.canvas, Qt.Key_Right)
    assert view.chain.done == 2
    qtbot.keyClick(view.canvas, Qt.Key_Left)
    assert view.chain.done == 1
    qtbot.keyClick(view.canvas, Qt.Key_Space)  # runs on as an animation, not Play/Pause
    assert view.timer.isActive() and not view.window().controller.running
    qtbot.waitUntil(lambda: view.chain.finished, timeout=TIMEOUT)
    w_index = next(n.index for n in view.chain.nodes if n.name == "w")
    centre = view.canvas.node_center(w_index)
    qtbot.mouseClick(view.canvas, Qt.LeftButton, pos=QPoint(int(centre.x()), int(centre.y())))
    assert view.findChild(QLabel, "graphSentenceLabel").text() == \
        "∂f/∂w = ∂f/∂g·∂g/∂w = (1)·(5) = 5"


def test_all_presets_draw(view):
    for preset in PRESETS:
        view.show_preset(preset.key)
        view.chain.run_all()
        view._show(view.chain)
        assert view.chain.finished and view.canvas.minimumWidth() > 0


def test_a_diagram_edge_shows_its_weight_and_gradient_and_takes_a_new_one(qtbot, window):
    w = window
    w.controller.step(3)
    qtbot.waitUntil(lambda: w.controller.latest.step == 3, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    # hidden 1.3 → hidden 2.2, clicked a third of the way along (edges cross mid-way)
    x, y = (round(v) for v in w.diagram.edge_point(1, 2, 1, 0.3))
    assert w.diagram.edge_at(x, y) == (1, 2, 1)
    qtbot.mouseClick(w.diagram, Qt.LeftButton, pos=QPoint(x, y))
    inspector = w.findChild(QLabel, "edgeLabel")
    assert inspector.isVisible()
    snap = w.controller.latest
    assert f"{snap.weights[2][2, 1]:.4g}" in inspector.text()
    assert f"{snap.grads[2][2, 1]:.3g}" in inspector.text()
    assert snap.grads[2][2, 1] != 0  # a real gradient of the last step
    field = w.findChild(QLineEdit, "edgeWeightEdit")
    field.setText("1.25")
    qtbot.mouseClick(w.findChild(QPushButton, "edgeWeightSetButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: w.controller.latest.weights[2][2, 1] == 1.25, timeout=TIMEOUT)
    assert w.controller.latest.step == 3  # the same run, from the edited weight
    w.controller.step(1)
    qtbot.waitUntil(lambda: w.controller.latest.step == 4, timeout=TIMEOUT)
    field.setText("nan")
    qtbot.mouseClick(w.findChild(QPushButton, "edgeWeightSetButton"), Qt.LeftButton)
    assert w.last_problem.code == "bad_weight"


def test_the_training_views_are_not_drawn_behind_the_backprop_tab(qtbot, window):
    w = window
    w.tabs.setCurrentWidget(w.backprop)
    frames = w.plot_frames
    w.controller.step(5)
    qtbot.waitUntil(lambda: w.controller.latest.step == 5, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    def last_step_drawn():
        curves = w.gradient_plot.curves
        steps = curves[0].getData()[0] if curves else None
        return None if steps is None or not len(steps) else steps[-1]

    assert last_step_drawn() in (None, 0)  # not drawn while hidden
    assert w.plot_frames > frames  # the status bar still follows
    w.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: last_step_drawn() == 5, timeout=TIMEOUT)


@pytest.mark.parametrize("text", ["x/1e-170", "x*0x" + "f" * 280, "1e999*x", "0*1e999",
                                  "1e999-1e999"])
def test_numbers_beyond_a_float_are_refused_inline(view, text):
    field = view.findChild(QLineEdit, "graphExpressionEdit")
    before = view.chain
    field.setText(text)
    field.editingFinished.emit()
    assert view.error_code == "no_value" and view.chain is before


def test_an_update_that_leaves_the_domain_is_refused_and_a_leaf_cannot_be_inf(view):
    assert view.show_expression("f = log(w)", {"w": 1.0}, {"w"})
    view.learning_rate.setValue(2.0)  # w⁺ = 1 − 2·1 = −1: log(−1) has no value
    assert view.gradient_step() is False
    assert view.error_code == "no_value" and view.chain.values() == {"w": 1.0}
    before = view.chain
    view.set_value("w", float("inf"))
    assert view.findChild(QLabel, "graphErrorLabel").isVisible()
    assert view.error_code == "no_value" and view.chain is before
    row = next(n.index for n in view.chain.nodes if n.name == "w")
    view.table.item(row, 2).setText("abc")
    assert view.error_code == "not_a_number" and view.chain is before
    view.set_value("w", 2.0)  # a good value clears the reason
    assert view.error_code is None and view.chain.values() == {"w": 2.0}


def test_editing_a_leaf_keeps_the_step_position(view):
    for _ in range(3):
        view.step_next()
    view.set_value("x", 4)
    assert view.chain.done == 3 and view.chain.values()["x"] == 4
