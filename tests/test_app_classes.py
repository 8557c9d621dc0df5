"""More than two classes and the digits in the window (issue 19): the window keeps working
on their snapshots, and the snapshot carries what their views need: the classes' picture,
the confusion matrix, the sample of test images (the views: test_app_decision_classes.py,
test_app_images.py)."""

from dataclasses import replace

import numpy as np
from conftest import trained
from PySide6.QtWidgets import QComboBox

from xorlab.lab.compare import Compare
from xorlab.lab.session import check_data

TIMEOUT = 30_000



def test_three_classes_of_points_train_and_show_their_most_probable_class(qtbot, app_window):
    w = app_window
    session = replace(w.session(), data=check_data({"name": "spiral3", "n": 150}),
                      hidden=({"units": 8, "activation": "relu"},))
    snap = trained(qtbot, w, session)
    assert snap.classes == 3 and snap.image is None and snap.layer_sizes[-1] == 3
    assert snap.class_grid.dtype == np.uint8 and snap.class_grid.max() <= 2
    assert snap.class_grid.shape == snap.grid.shape == snap.class_probability.shape
    assert np.allclose(snap.grid, snap.class_grid / 2)  # what a two-colour view can show
    assert np.all(snap.class_probability >= 1 / 3 - 1e-6)  # the winner's share
    assert snap.confusion.shape == (3, 3) and snap.confusion.sum() == len(snap.y_test)
    assert snap.confusion_set == "test" and snap.class_accuracy.shape == (3,)
    assert set(np.unique(snap.y_train)) == {0.0, 1.0, 2.0}  # the points, all three classes
    w.set_session(replace(w.session(), view=(0, 1)))  # a hidden neuron: its own picture
    qtbot.waitUntil(lambda: w.controller.latest.view == (0, 1), timeout=TIMEOUT)
    assert w.controller.latest.class_grid is None


def test_digits_train_in_the_window_and_the_snapshot_holds_sample_images(qtbot, app_window):
    w = app_window
    session = replace(w.session(), data=check_data({"name": "digits"}),
                      hidden=({"units": 16, "activation": "relu"},), init="msra")
    session = session.with_training(optimizer="adam", lr=0.01, batch_size=64)
    snap = trained(qtbot, w, session, steps=200)
    assert snap.classes == 10 and snap.image == (8, 8) and snap.layer_sizes[0] == 64
    assert len(snap.X_train) == 0 and snap.X_train.shape == (0, 2)  # nothing on the plane
    images, labels = snap.sample_images, snap.sample_labels
    assert images.shape == (40, 8, 8) and 0 <= images.min() and images.max() <= 1
    assert np.array_equal(np.bincount(labels), [4] * 10)  # four of each digit
    assert snap.sample_probabilities.shape == (40, 10)
    assert np.allclose(snap.sample_probabilities.sum(axis=1), 1, atol=1e-5)
    assert np.array_equal(snap.sample_predictions, snap.sample_probabilities.argmax(axis=1))
    assert snap.confusion.shape == (10, 10) and snap.confusion.sum() == 359
    assert np.trace(snap.confusion) / 359 == snap.test_accuracy > 0.5  # it learns
    assert w.session().classes == 10


def test_compare_mode_and_leaving_the_digits_work(qtbot, app_window):
    w = app_window
    session = replace(w.session(), data=check_data({"name": "digits"}),
                      hidden=({"units": 8, "activation": "sigmoid"},),
                      compare=Compare("activation", "relu", True))
    snap = trained(qtbot, w, session, steps=10)
    assert snap.twin is not None and snap.twin.classes == 10 and snap.twin.step == 10
    combo = w.findChild(QComboBox, "datasetCombo")
    combo.setCurrentIndex(combo.findData("circle"))
    combo.activated.emit(combo.currentIndex())  # as a click on the item does
    assert w.session().data["name"] == "circle" and w.session().data["n"] == 200
    qtbot.waitUntil(lambda: w.controller.latest.classes == 2
                    and w.controller.latest.spec is not None
                    and w.controller.latest.spec["inputs"] == 2, timeout=TIMEOUT)


def test_the_window_opens_a_digits_run_of_the_command_line(qtbot, app_window, tmp_path):
    from xorlab.cli import main

    path = tmp_path / "digits.xorlab"
    assert main(["train", "--dataset", "digits", "--hidden", "8", "--steps", "5", "--quiet",
                 "--save", str(path)]) == 0
    w = app_window
    w.open_path(str(path))
    qtbot.waitUntil(lambda: w.controller.latest.image == (8, 8)
                    and w.controller.latest.step == 5, timeout=TIMEOUT)
    assert w.session().classes == 10 and w.controller.latest.sample_images is not None
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
