"""The views of image data in the window (issue 19): the test images with the network's
answers, the confusion matrix, the canvas to draw a digit on; they stand where the decision
regions stand for points, and go when the data are points again."""

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget

from xorlab.app.views.painted import WRONG
from xorlab.lab.compare import Compare
from xorlab.lab.predict import class_probabilities, network_of
from xorlab.lab.session import check_data

TIMEOUT = 30_000
GRID, CONFUSION, DRAW = range(3)


def digits_session(w, **changes):
    session = replace(w.session(), data=check_data({"name": "digits"}), init="msra",
                      hidden=({"units": 16, "activation": "relu"},), **changes)
    return session.with_training(optimizer="adam", lr=0.01, batch_size=64)


def train(qtbot, w, steps):
    """`steps` more steps, and the snapshot after them drawn."""
    target = w.controller.latest.step + steps
    w.controller.step(steps)
    qtbot.waitUntil(lambda: w.controller.latest.step >= target
                    and not w.controller.latest.running and w.drawn(), timeout=TIMEOUT)
    return w.controller.latest


def show_tab(qtbot, w, index):
    w.image_panel.setCurrentIndex(index)
    view = w.image_panel.views()[index]
    qtbot.waitUntil(lambda: view.isVisible() and w.drawn(), timeout=TIMEOUT)


@pytest.fixture
def digits(qtbot, app_window):
    """The window on the digits, 25 steps trained: some test images right, some wrong."""
    w = app_window
    w.set_session(digits_session(w))
    qtbot.waitUntil(lambda: w.controller.latest.image == (8, 8)
                    and w.controller.latest.spec is not None, timeout=TIMEOUT)
    train(qtbot, w, 25)
    return w


def grabbed(widget):
    return widget.grab().toImage().convertToFormat(QImage.Format_RGB32)


def has_colour(image, rect, colour, tolerance=30):
    """True when some pixel of `rect` in `image` is near `colour`."""
    target = np.array(colour.getRgb()[:3])
    for y in range(max(rect.top(), 0), min(rect.bottom() + 1, image.height())):
        for x in range(max(rect.left(), 0), min(rect.right() + 1, image.width())):
            c = image.pixelColor(x, y)
            if np.abs(np.array([c.red(), c.green(), c.blue()]) - target).max() < tolerance:
                return True
    return False


def test_the_image_views_replace_the_decision_regions(qtbot, app_window):
    w = app_window
    assert w.decision_plot.isVisible() and not w.image_panel.isVisible()
    w.set_session(digits_session(w))
    qtbot.waitUntil(lambda: w.image_panel.isVisible(), timeout=TIMEOUT)
    assert not w.decision_plot.isVisible() and w.image_panel.grid.isVisible()
    combo = w.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("circle"))
    combo.activated.emit(combo.currentIndex())  # as a click on the item does
    qtbot.waitUntil(lambda: w.decision_plot.isVisible(), timeout=TIMEOUT)
    assert not w.image_panel.isVisible()
    qtbot.waitUntil(lambda: w.controller.latest.spec is not None and w.drawn(),
                    timeout=TIMEOUT)
    assert w.controller.latest.image is None and w.decision_plot.isVisible()


def test_the_editor_offers_the_digits_and_their_inputs_are_the_pixels(qtbot, app_window):
    """Choosing the digits in the Data list trains on the images: no input features to tick
    (the pixels are the inputs), the image views shown; back to points, the features again."""
    w = app_window
    combo = w.findChild(QComboBox, "datasetCombo")
    features = w.findChild(QWidget, "featureCheck_x1")
    assert combo.findData("digits") >= 0 and features.isEnabled()
    combo.setCurrentIndex(combo.findData("digits"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: w.controller.latest.image == (8, 8) and w.image_panel.isVisible(),
                    timeout=TIMEOUT)
    assert w.session().data["name"] == "digits" and w.session().classes == 10
    assert combo.currentData() == "digits" and not features.isEnabled()
    layers = "-".join(str(layer["units"]) for layer in w.session().hidden)
    assert f" 64-{layers}-10 " in w.findChild(QLabel, "headline").text()  # 8×8 pixels
    combo.setCurrentIndex(combo.findData("spiral"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: w.controller.latest.image is None and w.decision_plot.isVisible(),
                    timeout=TIMEOUT)
    assert combo.currentData() == "spiral" and features.isEnabled()


def test_the_grid_shows_the_snapshots_images_and_frames_the_wrong_answers(qtbot, digits):
    w, grid = digits, digits.image_panel.grid
    snap = w.controller.latest
    assert grid.images is snap.sample_images and grid.images.shape == (40, 8, 8)
    wrong = np.flatnonzero(snap.sample_predictions != snap.sample_labels)
    assert np.array_equal(grid.marked, wrong)
    assert 0 < len(wrong) < 40, "25 steps: some right, some wrong"
    picture = grabbed(grid)
    for i, (image, _) in enumerate(grid.cell_rects()):
        # the image itself: its darkest pixel where the digit's ink is darkest
        r, c = np.unravel_index(snap.sample_images[i].argmax(), (8, 8))
        x = image.left() + int((c + 0.5) * image.width() / 8)
        y = image.top() + int((r + 0.5) * image.height() / 8)
        ink = picture.pixelColor(x, y).lightness()
        assert ink < 255 * (1 - snap.sample_images[i].max()) + 12, i
        # a red frame exactly around the wrong answers
        frame = image.adjusted(-3, -3, 3, 3)
        assert has_colour(picture, frame, WRONG) == (i in wrong), i
    assert f"{40 - len(wrong)}" in grid.accessibleDescription()


def test_the_confusion_views_counts_are_the_snapshots(qtbot, digits):
    w = digits
    show_tab(qtbot, w, CONFUSION)
    snap = train(qtbot, w, 40)
    view = w.image_panel.confusion
    assert np.array_equal(view.counts, snap.confusion) and view.counts.sum() == 359
    assert np.array_equal(view.accuracy, snap.class_accuracy, equal_nan=True)
    picture = grabbed(view)
    for k in range(10):  # the diagonal's cells are blue where the class is mostly right
        cell = view.cell_rect(k, k).toRect()
        colour = picture.pixelColor(cell.left() + 2, cell.top() + 2)
        share = snap.confusion[k, k] / snap.confusion[k].sum()
        assert (colour.blue() > colour.red() + 40) == (share > 0.5), k
    assert f"{snap.class_accuracy[0]:.0%}" in view.accessibleDescription()


def drag(qtbot, canvas, pixels, button=Qt.LeftButton):
    """Press on the first pixel (row, column), move over the others, release."""
    points = [QPointF(*canvas.pixel_centre(r, c)) for r, c in pixels]
    qtbot.mousePress(canvas, button, pos=points[0].toPoint())
    for p in points[1:]:
        event = QMouseEvent(QEvent.MouseMove, p, canvas.mapToGlobal(p), Qt.NoButton, button,
                            Qt.NoModifier)
        QApplication.sendEvent(canvas, event)
    qtbot.mouseRelease(canvas, button, pos=points[-1].toPoint())


def forward(snap, image):
    return class_probabilities(network_of(snap), image[None])[0]


def test_drawing_a_digit_shows_the_networks_probabilities(qtbot, digits):
    w = digits
    show_tab(qtbot, w, DRAW)
    draw = w.image_panel.draw
    canvas, bars = draw.canvas, draw.bars
    assert not canvas.image.any()
    blank = bars.probabilities.copy()
    drag(qtbot, canvas, [(r, 4) for r in range(1, 7)])  # a '1'
    assert np.all(canvas.image[1:7, 4] == 1.0) and canvas.image[:, 3].max() < 1
    assert canvas.image[0, 4] > 0  # the pen's soft edge
    snap = w.controller.latest
    assert np.allclose(bars.probabilities, forward(snap, canvas.image), atol=1e-9)
    assert np.abs(bars.probabilities - blank).max() > 1e-3
    drag(qtbot, canvas, [(3, 4)], Qt.RightButton)  # erased
    assert canvas.image[3, 4] == 0.0
    assert np.allclose(bars.probabilities, forward(snap, canvas.image), atol=1e-9)
    before = bars.probabilities.copy()
    snap = train(qtbot, w, 30)  # training goes on: the bars follow
    assert np.allclose(bars.probabilities, forward(snap, canvas.image), atol=1e-9)
    assert not np.allclose(bars.probabilities, before)
    qtbot.mouseClick(draw.clear_button, Qt.LeftButton)
    assert not canvas.image.any()


def test_a_test_image_on_the_canvas_gets_the_engines_answer(qtbot, digits):
    w = digits
    show_tab(qtbot, w, DRAW)
    snap = train(qtbot, w, 100)
    draw = w.image_panel.draw
    for i in range(3):
        qtbot.mouseClick(draw.sample_button, Qt.LeftButton)
        assert np.allclose(draw.canvas.image, snap.sample_images[i])
        assert np.allclose(draw.bars.probabilities, snap.sample_probabilities[i], atol=1e-5)
        assert draw.bars.probabilities.argmax() == snap.sample_predictions[i]


def test_the_canvas_by_keys_alone(qtbot, digits):
    w = digits
    show_tab(qtbot, w, DRAW)
    canvas = w.image_panel.draw.canvas
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus, timeout=TIMEOUT)
    for key in (Qt.Key_Down, Qt.Key_Down, Qt.Key_Right, Qt.Key_Space):
        qtbot.keyClick(canvas, key)
    assert canvas.cursor == (2, 1) and canvas.image[2, 1] == 1.0
    assert not w.controller.running  # Space painted; it did not play
    qtbot.keyClick(canvas, Qt.Key_Delete)
    assert canvas.image[2, 1] == 0.0
    snap = w.controller.latest
    assert np.allclose(w.image_panel.draw.bars.probabilities, forward(snap, canvas.image))


def test_compare_mode_shows_the_second_runs_confusion_matrix(qtbot, app_window):
    w = app_window
    w.set_session(digits_session(w, compare=Compare("activation", "sigmoid", True)))
    qtbot.waitUntil(lambda: w.controller.latest.twin is not None
                    and w.controller.latest.image == (8, 8), timeout=TIMEOUT)
    snap = train(qtbot, w, 20)
    assert w.twin_confusion.isVisible() and not w.compare_plot.isVisible()
    assert np.array_equal(w.twin_confusion.counts, snap.twin.confusion)
    assert snap.twin.label in w.twin_confusion.title()


@pytest.mark.parametrize("key", ["images", "confusion", "draw"])
def test_the_image_views_export(qtbot, digits, tmp_path, key):
    w = digits
    show_tab(qtbot, w, {"images": GRID, "confusion": CONFUSION, "draw": DRAW}[key])
    if key == "draw":
        drag(qtbot, w.image_panel.draw.canvas, [(2, c) for c in range(2, 6)])
    assert key in {v.key for v in w.view_export.shown()}
    png = tmp_path / f"{key}.png"
    size = w.view_export.export(key, png, 2)
    image = QImage(str(png)).convertToFormat(QImage.Format_RGB32)
    widget = w.view_export.views[key].widgets()[0]
    assert (image.width(), image.height()) == (2 * widget.width(), 2 * widget.height())
    assert (size.width(), size.height()) == (image.width(), image.height())
    rows = np.frombuffer(image.constBits(), np.uint32).reshape(image.height(), -1)
    values, counts = np.unique(rows & 0xFFFFFF, return_counts=True)
    assert len(values) > 16 and 1 - counts.max() / counts.sum() > 0.02  # drawn, not blank
    svg = tmp_path / f"{key}.svg"
    w.view_export.export(key, svg)
    text = svg.read_text()
    assert text.count("<text") + text.count("<path") + text.count("<image") > 10


def test_export_offers_the_image_views_only_when_shown(qtbot, app_window):
    w = app_window
    keys = {v.key for v in w.view_export.shown()}
    assert "decision" in keys and not keys & {"images", "confusion", "draw"}
    w.set_session(digits_session(w))
    qtbot.waitUntil(lambda: w.image_panel.isVisible() and w.drawn(), timeout=TIMEOUT)
    keys = {v.key for v in w.view_export.shown()}
    assert "images" in keys and "decision" not in keys


def test_a_diverged_networks_probabilities_are_no_answer(qtbot, digits):
    """NaN probabilities (a diverged run) show no bars and no "nan%", and repaint nothing."""
    bars = digits.image_panel.draw.bars
    assert bars.set_probabilities(np.full(10, 0.1)) and bars.probabilities is not None
    assert bars.set_probabilities(np.full(10, np.nan)) and bars.probabilities is None
    assert bars.readout() == "" and not bars.set_probabilities(np.full(10, np.nan))


def test_a_neuron_click_on_the_digits_keeps_the_session(qtbot, digits):
    """The neuron map needs a plane of inputs: for images a click on a neuron changes nothing
    (the session would otherwise carry a view that nothing shows)."""
    w = digits
    before = w.session()
    w._neuron_clicked((0, 1))
    assert w.session() == before and w.session().view is None
