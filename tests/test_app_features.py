"""Input features in the window: the editor's checkboxes edit the session (a new network),
the last one cannot be unchecked, the views and compare mode take any number of inputs, and
model files keep them."""

from dataclasses import replace

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QPushButton, QWidget

from xorlab.engine.features import DEFAULT_FEATURES, FEATURES
from xorlab.lab.compare import Compare

TIMEOUT = 30_000


def check(w, name):
    return w.findChild(QCheckBox, f"featureCheck_{name}")


def test_a_checkbox_per_feature_shows_the_session(app_window):
    w = app_window
    for name in FEATURES:
        box = check(w, name)
        assert box is not None and box.text() == FEATURES[name].label
        assert box.isChecked() == (name in DEFAULT_FEATURES)
    w.set_session(w.session().with_features(("x1_sq", "sin_x2")))
    assert [n for n in FEATURES if check(w, n).isChecked()] == ["x1_sq", "sin_x2"]


def test_ticking_a_feature_rebuilds_the_network_with_one_more_input(qtbot, app_window):
    w = app_window
    generation = w.controller.latest.generation
    qtbot.mouseClick(check(w, "x1x2"), Qt.LeftButton)
    assert w.session().features == ("x1", "x2", "x1x2")
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes[0] == 3, timeout=TIMEOUT)
    snap = w.controller.latest
    assert snap.generation > generation and snap.step == 0  # structural: a new network
    assert snap.spec["features"] == ["x1", "x2", "x1x2"] and snap.weights[0].shape[0] == 3
    assert snap.grid.shape[0] == snap.grid.shape[1]  # the picture through the features
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert w.diagram.input_labels == ("x₁", "x₂", "x₁x₂")
    qtbot.mouseClick(check(w, "x1"), Qt.LeftButton)  # unticked: the inputs in the
    assert w.session().features == ("x2", "x1x2")  # registry's order
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes[0] == 2, timeout=TIMEOUT)


def test_the_last_feature_cannot_be_unchecked(qtbot, app_window):
    w = app_window
    w.set_session(w.session().with_features(("x1x2",)))
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes[0] == 1, timeout=TIMEOUT)
    before = w.session()
    qtbot.mouseClick(check(w, "x1x2"), Qt.LeftButton)
    assert check(w, "x1x2").isChecked() and w.session() is before
    assert w.last_problem is not None and w.last_problem.code == "last_feature"


def test_every_view_and_compare_mode_take_seven_inputs(qtbot, app_window):
    w = app_window
    session = replace(w.session().with_features(tuple(FEATURES)), view=None,
                      compare=Compare(setting="activation", value="relu", on=True))
    w.set_session(session)
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes[0] == 7
                    and w.controller.latest.twin is not None, timeout=TIMEOUT)
    assert w.controller.latest.twin.layer_sizes[0] == 7
    w.controller.step(50)
    qtbot.waitUntil(lambda: w.controller.latest.step == 50, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    snap = w.controller.latest
    assert snap.problem is None and np.isfinite(snap.train_loss)
    assert len(snap.saturation[0]) == len(session.hidden)
    # compare off (the diagram is shown again), a hidden neuron's picture
    w.set_session(replace(w.session(), view=(0, 1), compare=Compare()))
    qtbot.waitUntil(lambda: w.controller.latest.view == (0, 1)
                    and w.controller.latest.twin is None, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert w.controller.latest.layer_sizes[0] == 7 and w.controller.latest.step == 50
    # the diagram's input neurons carry the features' formulas; an edge from one says which
    assert w.diagram.input_labels == tuple(f.label for f in FEATURES.values())
    layer, row, column = 0, 4, 0
    x, y = w.diagram.edge_point(layer, row, column, 0.3)
    assert w.diagram.edge_at(x, y) == (layer, row, column)
    w.edge_inspector.show_edge(layer, row, column, w.controller.latest)
    assert FEATURES["x1x2"].label in w.edge_inspector.label.text()


def test_a_model_file_keeps_the_features(qtbot, app_window, tmp_path):
    w = app_window
    w.set_session(w.session().with_features(("x1", "x2", "x1x2")))
    w.controller.step(20)
    qtbot.waitUntil(lambda: w.controller.latest.step == 20
                    and w.controller.latest.layer_sizes[0] == 3, timeout=TIMEOUT)
    path = tmp_path / "m.xorlab"
    w.save_path(str(path))
    w.set_session(w.session().with_features(DEFAULT_FEATURES))
    w.open_path(str(path))
    assert w.session().features == ("x1", "x2", "x1x2") and check(w, "x1x2").isChecked()
    qtbot.waitUntil(lambda: w.controller.latest.step == 20
                    and w.controller.latest.layer_sizes[0] == 3, timeout=TIMEOUT)


def test_a_lesson_can_lock_the_features(qtbot, app_window):
    w = app_window
    assert w.open_lesson("xor-one-neuron")
    box = w.findChild(QWidget, "featuresBox")
    assert not box.isEnabled() and not check(w, "x1x2").isEnabled()
    w.findChild(QPushButton, "lessonNextButton").click()
    assert w.lessons.current.id == "one-neuron-better-input" and box.isEnabled()
