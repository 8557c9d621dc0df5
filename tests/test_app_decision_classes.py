"""The decision view and the Data group for K ≥ 3 classes of points (issue 19): each class
its colour on the map, the points and the key; K chosen for blobs and drawn points; a class
chosen to draw."""

from dataclasses import replace

import numpy as np
from conftest import trained
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QComboBox, QSpinBox

from xorlab.app.colors import CLASS_COLORS, WHITE
from xorlab.engine.spec import CLASSES
from xorlab.lab.compare import Compare
from xorlab.lab.session import check_data

TIMEOUT = 30_000



def spiral3(w, **changes):
    session = replace(w.session(), data=check_data({"name": "spiral3", "n": 150}),
                      hidden=({"units": 16, "activation": "relu"},), **changes)
    return session.with_training(optimizer="adam", lr=0.03)


def image_rgb(plot):
    """(R, C, 3) colours of the map as drawn (its QImage; row 0 the bottom row)."""
    image = plot.image.qimage
    words = np.frombuffer(image.constBits(), np.uint32).reshape(image.height(), -1)
    return np.stack([(words >> s) & 0xFF for s in (16, 8, 0)], axis=-1).astype(float)


def hue_class(rgb, classes):
    """The class whose colour points the same way from white as each pixel, (R, C)."""
    away = rgb - np.array(WHITE, dtype=float)
    colours = np.array(CLASS_COLORS[:classes], dtype=float) - np.array(WHITE, dtype=float)
    cosine = away @ colours.T / (np.linalg.norm(away, axis=-1, keepdims=True)
                                 * np.linalg.norm(colours, axis=1) + 1e-9)
    return cosine.argmax(axis=-1), cosine.max(axis=-1)


def assert_map_shows_the_classes(plot, snap):
    k = snap.classes
    rgb = image_rgb(plot)
    assert rgb.shape[:2] == snap.class_grid.shape
    sure = snap.class_probability > 1 / k + 0.2  # well away from chance: clearly tinted
    hue, cosine = hue_class(rgb, k)
    assert np.all(cosine[sure] > 0.98)  # each a shade of one class colour
    assert np.array_equal(hue[sure], snap.class_grid[sure])
    assert set(np.unique(snap.class_grid[sure])) == set(range(k))  # all K hues shown
    # shading: white at chance (p = 1/K), the class colour faded to 60 % at p = 1
    share = np.clip((snap.class_probability - 1 / k) / (1 - 1 / k), 0, 1)
    colour = np.array(CLASS_COLORS[:k], dtype=float)[snap.class_grid]
    expected = WHITE + 0.6 * share[..., None] * (colour - WHITE)
    assert np.abs(rgb - expected).max() <= 2.5  # (64 levels, rounded)


def key_colours(plot):
    return [sample.item.opts["brush"].color().getRgb()[:3] for sample, _ in plot.key.items]


def test_three_classes_colour_the_map_the_points_and_the_key(qtbot, app_window):
    w = app_window
    snap = trained(qtbot, w, spiral3(w), steps=300)
    plot = w.decision_plot
    assert_map_shows_the_classes(plot, snap)
    assert key_colours(plot) == list(CLASS_COLORS[:3])
    train = plot.train_points.data
    assert [b.color().getRgb()[:3] for b in train["brush"]] == \
        [CLASS_COLORS[int(c)] for c in snap.y_train]
    test = plot.test_points.data
    assert [p.color().getRgb()[:3] for p in test["pen"]] == \
        [CLASS_COLORS[int(c)] for c in snap.y_test]
    assert plot.boundary.getData()[0].size > 0  # lines between the regions
    # a hidden neuron: the two-colour map of its output, the points keep their colours
    w.set_session(replace(w.session(), view=(0, 0)))
    qtbot.waitUntil(lambda: w.controller.latest.view == (0, 0), timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert np.array_equal(plot.image.values, w.controller.latest.grid)
    # back to two classes: the two entries of p → 1 and p → 0
    w.set_session(replace(w.session(), data=check_data({"name": "circle"}), view=None))
    qtbot.waitUntil(lambda: w.controller.latest.classes == 2, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert key_colours(plot) == [CLASS_COLORS[1], CLASS_COLORS[0]]


def test_compare_mode_draws_the_second_run_in_the_class_colours(qtbot, app_window):
    w = app_window
    session = spiral3(w, compare=Compare("activation", "tanh", True))
    snap = trained(qtbot, w, session, steps=1000)
    assert snap.twin is not None and snap.twin.class_grid is not None
    qtbot.waitUntil(lambda: w.compare_plot.isVisible(), timeout=TIMEOUT)
    assert_map_shows_the_classes(w.compare_plot, snap.twin)
    assert key_colours(w.compare_plot) == list(CLASS_COLORS[:3])


def choose_data(w, key):
    combo = w.findChild(QComboBox, "datasetCombo")
    index = combo.findData(key)
    assert index >= 0, key
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # as a click on the item does


def test_blobs_take_their_number_of_classes_from_the_spin_box(qtbot, app_window):
    w = app_window
    spin = w.findChild(QSpinBox, "classesSpin")
    assert not spin.isEnabled()  # the spiral's two classes are its own
    choose_data(w, "blobs")
    assert w.session().classes == 3 and spin.value() == 3 and spin.isEnabled()
    assert spin.minimum() == 3 and spin.maximum() == CLASSES[1]  # two blobs: gaussian
    spin.setValue(5)
    assert w.session().data["classes"] == 5 and w.session().classes == 5
    # the headline's shape ends in five outputs, its name says five, so does the layers' title
    headline = w.training_bar.headline.text()
    assert "5" in headline.split(" · ")[0] and "-5 " in headline
    assert "5" in w.editor.layers.heading.text()
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes[-1] == 5, timeout=TIMEOUT)
    snap = w.controller.latest
    assert set(np.unique(snap.y_train)) == set(range(5))
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert key_colours(w.decision_plot) == list(CLASS_COLORS[:5])
    choose_data(w, "spiral3")
    assert spin.value() == 3 and not spin.isEnabled()


def click(qtbot, plot, x, y, button):
    target = plot.plot_item.vb.mapViewToScene(QPointF(x, y))
    qtbot.mouseClick(plot.viewport(), button, pos=plot.mapFromScene(target))


def test_drawing_points_of_a_chosen_class(qtbot, app_window):
    w = app_window
    choose_data(w, "draw")
    spin = w.findChild(QSpinBox, "classesSpin")
    draw = w.findChild(QComboBox, "drawClassCombo")
    assert spin.isEnabled() and spin.minimum() == 2 and not draw.isHidden()
    assert draw.currentData() == 1  # a left click draws class 1, as it always did
    spin.setValue(3)
    assert w.session().classes == 3 and draw.count() == 3
    draw.setCurrentIndex(draw.findData(2))
    plot = w.decision_plot
    click(qtbot, plot, 0.5, -0.25, Qt.LeftButton)
    click(qtbot, plot, -0.5, 0.25, Qt.RightButton)
    assert w.session().data["y"] == [2, 0]
    assert np.allclose(w.session().data["X"], [[0.5, -0.25], [-0.5, 0.25]], atol=0.05)
    qtbot.waitUntil(lambda: len(w.controller.latest.y_train) == 2, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert [b.color().getRgb()[:3] for b in plot.train_points.data["brush"]] == \
        [CLASS_COLORS[2], CLASS_COLORS[0]]
    # two classes again: class 2's point goes, and the record is a two-class one
    spin.setValue(2)
    assert w.session().data["y"] == [0] and "classes" not in w.session().data
    assert draw.count() == 2 and draw.currentData() == 1
