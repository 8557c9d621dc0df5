"""The desktop app, driven through its widgets (pytest-qt, offscreen)."""

import csv

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from xorlab.app import MainWindow
from xorlab.app.controller import Mailbox
from xorlab.lab.session import Session

TIMEOUT = 20_000  # ms; the machines here are slow and noisy


def make_window(qtbot, tmp_path, session=None, engine="process"):
    w = MainWindow(session, settings=QSettings(str(tmp_path / "settings.ini"),
                                               QSettings.IniFormat), engine=engine)
    w.ask_to_save = False  # tests that ask are explicit about it
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    return w


@pytest.fixture(params=["process", "thread"])
def window(request, qtbot, tmp_path):
    """The window, with training in an engine process and in a thread: both must pass."""
    w = make_window(qtbot, tmp_path, engine=request.param)
    assert w.controller.kind == request.param
    yield w
    w.close()
    assert w.controller.thread.isFinished()


def find(w, cls, name):
    widget = w.findChild(cls, name)
    assert widget is not None, name
    return widget


def choose(combo: QComboBox, text):
    """Pick an item as a user would (activated is emitted only for user choices)."""
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def enter_learning_rate(w, value):
    lr = find(w, QComboBox, "learningRateCombo")
    lr.setEditText(str(value))
    lr.lineEdit().editingFinished.emit()


def wait_for_generation_after(qtbot, w, generation):
    qtbot.waitUntil(lambda: w.controller.latest.generation > generation, timeout=TIMEOUT)


def test_builds_2_4_1_tanh_on_xor_and_solves_it(qtbot, window):
    w = window
    choose(find(w, QComboBox, "datasetCombo"), "XOR truth table")
    remove = find(w, QPushButton, "removeLayerButton")
    while len(w.session().hidden) > 1:
        remove.click()
    find(w, QSpinBox, "layer1UnitsSpin").setValue(4)
    find(w, QComboBox, "layer1ActivationCombo").setCurrentText("tanh")
    choose(find(w, QComboBox, "initCombo"), "xavier")
    enter_learning_rate(w, 0.5)
    find(w, QSpinBox, "batchSizeSpin").setValue(0)  # all
    assert w.session().network_spec()["layers"] == [{"units": 4, "activation": "tanh"},
                                                     {"units": 1, "activation": "sigmoid"}]
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes == (2, 4, 1)
                    and w.controller.latest.X_train.shape == (4, 2), timeout=TIMEOUT)
    first_image = w.decision_plot.image_bytes()
    qtbot.mouseClick(find(w, QPushButton, "playPauseButton"), Qt.LeftButton)
    status = w.findChild(object, "statusAccuracy")
    qtbot.waitUntil(lambda: status.text().startswith("accuracy 100.0%"), timeout=TIMEOUT)
    assert w.controller.latest.train_accuracy == 1.0
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert w.decision_plot.image_bytes() != first_image
    assert w.controller.latest.step > 0


def test_gradient_curves_follow_the_layers(qtbot, window):
    w = window
    layers = len(w.session().hidden) + 1
    qtbot.waitUntil(lambda: len(w.gradient_plot.curves) == layers, timeout=TIMEOUT)
    w.controller.step(5)
    gen = w.controller.latest.generation
    find(w, QPushButton, "addLayerButton").click()
    wait_for_generation_after(qtbot, w, gen)
    w.controller.step(5)
    qtbot.waitUntil(lambda: len(w.gradient_plot.curves) == layers + 1, timeout=TIMEOUT)
    assert len(w.gradient_plot.legend.items) == layers + 1
    find(w, QPushButton, "removeLayerButton").click()
    find(w, QPushButton, "removeLayerButton").click()
    qtbot.waitUntil(lambda: len(w.controller.latest.layer_sizes) == layers, timeout=TIMEOUT)
    w.controller.step(5)
    qtbot.waitUntil(lambda: len(w.gradient_plot.curves) == layers - 1, timeout=TIMEOUT)
    # and the curves hold the recorded norms
    qtbot.waitUntil(lambda: len(w.gradient_plot.curves[0].getData()[0]) > 0, timeout=TIMEOUT)
    w.controller.step(2000)  # more steps than the plot shows: its rows are averages
    qtbot.waitUntil(lambda: w.controller.latest.step == 2005, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    bars = w.gradient_plot.bars.opts
    tops = np.asarray(bars["height"]) + bars["y0"]
    ends = [curve.getData()[1][-1] for curve in w.gradient_plot.curves]
    assert np.allclose(tops, ends)  # each bar stands where its curve ends


def test_activation_switch_rebuilds_and_keeps_running(qtbot, window):
    w = window
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.step > 50, timeout=TIMEOUT)
    gen = w.controller.latest.generation
    find(w, QComboBox, "layer1ActivationCombo").setCurrentText("relu")
    qtbot.waitUntil(lambda: w.controller.latest.generation > gen
                    and w.controller.latest.step > 50, timeout=TIMEOUT)
    assert w.controller.latest.running
    assert w.session().hidden[0]["activation"] == "relu"


def test_learning_rate_change_keeps_step_count(qtbot, window):
    w = window
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.step > 100, timeout=TIMEOUT)
    gen, before = w.controller.latest.generation, w.controller.latest.step
    enter_learning_rate(w, 0.003)
    qtbot.waitUntil(lambda: w.controller.latest.config.lr == 0.003, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: w.controller.latest.step > before + 100, timeout=TIMEOUT)
    assert w.controller.latest.generation == gen


def test_momentum_mu_applies_in_place(qtbot, window):
    w = window
    mu = find(w, QDoubleSpinBox, "momentumSpin")
    assert not mu.isEnabled()  # only the momentum optimizer uses μ
    find(w, QComboBox, "optimizerCombo").setCurrentText("momentum")
    assert mu.isEnabled()
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.config.optimizer == "momentum"
                    and w.controller.latest.step > 100, timeout=TIMEOUT)
    gen, before = w.controller.latest.generation, w.controller.latest.step
    mu.setValue(0.5)
    qtbot.waitUntil(lambda: w.controller.latest.config.momentum == 0.5, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: w.controller.latest.step > before + 100, timeout=TIMEOUT)
    assert w.controller.latest.generation == gen
    assert w.session().training.momentum == 0.5


def test_speed_control_trains_a_set_number_of_steps_per_frame(qtbot, window):
    w = window
    w.training_bar.speed.setCurrentIndex(w.training_bar.speed.findData(10))
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.step >= 50
                    and w.controller.latest.steps_per_second > 0, timeout=TIMEOUT)
    # about 30 updates a second: ~300 steps/s, far below the thousands flat out
    assert 0 < w.controller.latest.steps_per_second < 1000
    w.controller.pause()
    qtbot.waitUntil(lambda: not w.controller.latest.running, timeout=TIMEOUT)
    assert w.controller.latest.step % 10 == 0  # whole updates of 10 steps
    w.training_bar.speed.setCurrentIndex(w.training_bar.speed.findData(0))
    before = w.controller.latest.step
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.step > before + 2000, timeout=TIMEOUT)


def test_bad_learning_rate_is_refused_with_a_message(qtbot, window):
    w = window
    enter_learning_rate(w, "fast")
    assert w.last_problem.code == "bad_learning_rate"
    assert w.last_problem.params["text"] == "'fast'"
    assert w.statusBar().currentMessage() == w.message_text(w.last_problem)
    assert w.session().training.lr == 0.03
    assert find(w, QComboBox, "learningRateCombo").currentText() == "0.03"
    w.last_problem = None
    enter_learning_rate(w, 11)  # above the one limit the engine and the CLI share
    assert w.last_problem.code == "bad_learning_rate" and w.last_problem.params["high"] == 10


def test_divergence_pauses_with_a_message(qtbot, window):
    """lr 10 on spiral. With a sigmoid output and cross-entropy a ReLU net does not overflow
    at lr 10 (its units die instead), so the hidden layers are linear here: they do."""
    w = window
    choose(find(w, QComboBox, "datasetCombo"), "spiral")
    choose(w.editor.layers.set_all, "linear")
    enter_learning_rate(w, 10)
    qtbot.waitUntil(lambda: w.controller.latest.config.lr == 10, timeout=TIMEOUT)
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.diverged_at is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not w.controller.latest.running, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    snap = w.controller.latest
    assert w.last_problem.code == "diverged"
    assert w.last_problem.params["step"] == snap.diverged_at == snap.step + 1
    assert w.status.step.text().split()[1] == f"{snap.step:,}"  # the last good step
    assert w.loss_plot.diverged_at == snap.diverged_at
    assert not w.loss_plot.loss.getAxis("left").autoSIPrefix  # no "loss (x1e+27)"
    assert all(np.isfinite(p).all() for p in w.controller.latest.weights)
    gen = w.controller.latest.generation
    w.reset()  # Reset recovers
    wait_for_generation_after(qtbot, w, gen)
    assert w.controller.latest.diverged_at is None and w.controller.latest.step == 0
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert w.loss_plot.diverged_at is None and w.last_problem is None


@pytest.mark.parametrize("engine", ["process", "thread"])
def test_close_while_training_stops_the_engine(qtbot, qtlog, tmp_path, engine):
    w = make_window(qtbot, tmp_path, engine=engine)
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.step > 100, timeout=TIMEOUT)
    w.close()
    assert w.controller.thread.wait(1000)
    assert w.controller.thread.isFinished()
    assert not w.controller.engine.is_alive()
    assert w.controller.engine.exitcode == 0  # it ended on the shutdown command, not killed
    assert not [r for r in qtlog.records if "QThread" in r.message or "Timer" in r.message]


def test_open_corrupt_file_keeps_the_network(qtbot, window, tmp_path, monkeypatch):
    w = window
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    before, generation = w.session(), w.controller.generation
    bad = tmp_path / "bad.xorlab"
    bad.write_text('{"format": "xorlab-model", "version": 1, "spec": {"layers": [')
    assert w.open_path(bad) is False
    assert shown and w.last_problem.code == "not_opened"
    assert w.session() is before
    assert w.controller.generation == generation  # no Rebuild was sent


def test_save_and_open_round_trip(qtbot, window, tmp_path):
    w = window
    w.controller.step(20)
    qtbot.waitUntil(lambda: w.controller.latest.step == 20, timeout=TIMEOUT)
    weights = [p.copy() for p in w.controller.latest.weights]
    path = tmp_path / "m.xorlab"
    assert w.save_path(path)
    find(w, QPushButton, "addLayerButton").click()
    qtbot.waitUntil(lambda: len(w.controller.latest.weights) == len(weights) + 2,
                    timeout=TIMEOUT)
    assert w.open_path(path)
    qtbot.waitUntil(lambda: len(w.controller.latest.weights) == len(weights), timeout=TIMEOUT)
    assert all(np.array_equal(a, b) for a, b in zip(weights, w.controller.latest.weights))


def test_draw_your_own_points(qtbot, window):
    w = window
    choose(find(w, QComboBox, "datasetCombo"), "draw your own")
    qtbot.waitUntil(lambda: w.last_problem is not None and w.last_problem.code == "no_points",
                    timeout=TIMEOUT)
    assert w.decision_plot.draw_mode
    for x, y, label in [(-0.5, -0.5, 1), (0.5, 0.5, 1), (-0.5, 0.5, 0), (0.5, -0.5, 0),
                        (0.1, 0.1, 1)]:
        w.decision_plot.pointAdded.emit(x, y, label)
    # drawn points all train: none becomes a test point unless the student asks
    qtbot.waitUntil(lambda: len(w.controller.latest.X_train) == 5, timeout=TIMEOUT)
    assert len(w.controller.latest.X_test) == 0
    assert sorted(w.controller.latest.y_train.tolist()) == [0, 0, 1, 1, 1]
    find(w, QPushButton, "clearPointsButton").click()
    qtbot.waitUntil(lambda: len(w.controller.latest.X_train) == 0, timeout=TIMEOUT)


def test_clicking_a_hidden_neuron_shows_its_output(qtbot, window):
    w = window
    diagram = w.findChild(object, "networkDiagram")
    x, y = diagram.neuron_center(1, 0)
    from PySide6.QtCore import QPoint
    qtbot.mouseClick(diagram, Qt.LeftButton, pos=QPoint(int(x), int(y)))
    qtbot.waitUntil(lambda: w.controller.latest.view == (0, 0), timeout=TIMEOUT)
    assert w.session().view == (0, 0)  # the one place the selected neuron lives
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert w.decision_plot.title.toPlainText() != "" and diagram.selected == (0, 0)
    qtbot.mouseClick(diagram, Qt.LeftButton, pos=QPoint(int(x), int(y)))
    qtbot.waitUntil(lambda: w.controller.latest.view is None, timeout=TIMEOUT)
    assert w.session().view is None


def test_keyboard_shortcuts(qtbot, window):
    w = window
    w.setFocus()
    qtbot.keyClick(w, Qt.Key_S)
    qtbot.waitUntil(lambda: w.controller.latest.step == 1, timeout=TIMEOUT)
    qtbot.keyClick(w, Qt.Key_Space)
    qtbot.waitUntil(lambda: w.controller.latest.running, timeout=TIMEOUT)
    qtbot.keyClick(w, Qt.Key_Space)
    qtbot.waitUntil(lambda: not w.controller.latest.running, timeout=TIMEOUT)
    gen = w.controller.latest.generation
    qtbot.keyClick(w, Qt.Key_R)
    wait_for_generation_after(qtbot, w, gen)
    assert w.controller.latest.step == 0


def test_exports(qtbot, window, tmp_path):
    w = window
    w.controller.step(30)
    qtbot.waitUntil(lambda: w.controller.latest.step == 30, timeout=TIMEOUT)
    files = w.files.export_plots(tmp_path)
    assert {f.name for f in files} == {"decision.png", "loss.png", "gradients.png",
                                      "activation.png", "network.png"}
    assert all(f.stat().st_size > 1000 for f in files)
    assert w.files.export_history(tmp_path / "h.csv")
    rows = list(csv.reader(open(tmp_path / "h.csv")))
    assert rows[0][:2] == ["step", "batch_loss"] and len(rows) == 31


def test_default_layout_fits_a_small_screen(window):
    w = window
    assert w.width() <= 1366 and w.height() <= 768
    for view in (w.decision_plot, w.loss_plot, w.gradient_plot, w.diagram):
        assert view.isVisible() and view.width() > 250 and view.height() > 200
    # the training settings are in view without scrolling
    viewport = w.editor_scroll.viewport()
    for name in ("learningRateCombo", "batchSizeSpin", "regularizationCombo", "seedSpin",
                 "lossCombo", "optimizerCombo"):
        field = find(w, QWidget, name)
        top_left = field.mapTo(viewport, field.rect().topLeft())
        bottom_right = field.mapTo(viewport, field.rect().bottomRight())
        assert viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right), \
            name


def test_activation_plot_follows_the_selected_layer(qtbot, window):
    w = window
    find(w, QComboBox, "layer1ActivationCombo").setCurrentText("leaky_relu")
    assert w.activation_plot.name == "leaky_relu"
    x, y = w.activation_plot.f_curve.getData()
    assert y[0] == pytest.approx(-0.5)  # 0.1 · (−5)
    x, dy = w.activation_plot.df_curve.getData()
    assert dy[0] == pytest.approx(0.1) and dy[-1] == pytest.approx(1.0)


def test_mailbox_keeps_only_the_newest():
    box = Mailbox()
    assert box.put("a") is True
    assert box.put("b") is False  # the reader was already woken
    assert box.take() == "b" and box.take() is None


def test_session_defaults_are_valid():
    s = Session()
    assert s.network_spec()["layers"][-1] == {"units": 1, "activation": "sigmoid"}
    assert s.training.validated() is s.training


def test_mouse_clicks_draw_points(qtbot, window):
    w = window
    choose(find(w, QComboBox, "datasetCombo"), "draw your own")
    qtbot.waitUntil(lambda: w.controller.latest.X_train.shape[0] == 0, timeout=TIMEOUT)
    from PySide6.QtCore import QPointF
    vb = w.decision_plot.plot_item.vb
    target = vb.mapViewToScene(QPointF(0.5, -0.25))
    pos = w.decision_plot.mapFromScene(target)
    viewport = w.decision_plot.viewport()
    qtbot.mouseClick(viewport, Qt.LeftButton, pos=pos)
    qtbot.mouseClick(viewport, Qt.RightButton, pos=pos)
    qtbot.waitUntil(lambda: w.controller.latest.X_train.shape[0] == 2, timeout=TIMEOUT)
    snap = w.controller.latest
    assert sorted(snap.y_train.tolist()) == [0.0, 1.0]
    assert np.allclose(snap.X_train, [[0.5, -0.25]] * 2, atol=0.05)


def test_csv_file_choice(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    w = window
    combo = find(w, QComboBox, "datasetCombo")
    before = combo.currentText()
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n0,0,0\n1,1,5\n")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    started_in = []

    def open_file(parent, title, folder, *rest):
        started_in.append(folder)
        return str(bad), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    choose(combo, "CSV file…")
    assert warned and w.last_problem.code == "bad_csv"
    assert combo.currentText() == before  # the current data stays
    from xorlab.resources_path import resource_path
    assert started_in == [str(resource_path("xor-example.csv").parent)]  # the examples
    one_class = tmp_path / "one.csv"
    one_class.write_text("0,0,1\n1,1,1\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(one_class), ""))
    choose(combo, "CSV file…")
    assert len(warned) == 2 and combo.currentText() == before
    good = tmp_path / "good.csv"
    good.write_text("0,0,0\n0,1,1\n1,0,1\n1,1,0\n2,2,0\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_file)
    find(w, QDoubleSpinBox, "testFractionSpin").setValue(0.0)
    bad = good  # noqa: F841 - open_file now returns the good file
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda parent, title, folder, *rest: (started_in.append(folder)
                                                              or (str(good), "")))
    choose(combo, "CSV file…")
    qtbot.waitUntil(lambda: w.controller.latest.X_train.shape == (5, 2), timeout=TIMEOUT)
    assert w.controller.latest.extent[1] >= 2.0
    choose(combo, "XOR truth table")
    choose(combo, "CSV file…")  # the next dialog starts where the last file was
    assert started_in[-1] == str(tmp_path.resolve())


def test_single_neuron_cannot_solve_xor_in_the_app(qtbot, window):
    """The lecture's first lesson: no hidden layer, one straight line, at most 3 of 4 right."""
    w = window
    choose(find(w, QComboBox, "datasetCombo"), "XOR truth table")
    while w.session().hidden:
        find(w, QPushButton, "removeLayerButton").click()
    assert not find(w, QPushButton, "removeLayerButton").isEnabled()
    assert w.session().network_spec()["layers"] == [{"units": 1, "activation": "sigmoid"}]
    enter_learning_rate(w, 0.5)
    find(w, QSpinBox, "batchSizeSpin").setValue(0)
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes == (2, 1), timeout=TIMEOUT)
    assert w.activation_plot.name == "sigmoid"  # the output neuron is what is left
    assert w.activation_plot.tr("output") in w.activation_plot.getPlotItem().titleLabel.text
    w.controller.step(3000)
    qtbot.waitUntil(lambda: w.controller.latest.step == 3000, timeout=TIMEOUT)
    assert w.controller.latest.train_accuracy <= 0.75
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert len(w.gradient_plot.curves) == 1
    # the map is flat at p = 0.5: no boundary line is drawn across it
    assert np.ptp(w.controller.latest.grid) < 1 / 256
    x, _ = w.decision_plot.boundary.getData()
    assert x is None or len(x) == 0
    # the XOR truth table: train and test are the same 4 points, so one curve is named
    tr = w.loss_plot.tr
    assert w.loss_plot.legend_names() == [tr("batch"), tr("train = test")]


def test_close_is_prompt_with_a_big_network(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path, Session(hidden=({"units": 64, "activation": "relu"},) * 10,
                                             init="msra"))
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest is not None and w.controller.latest.step > 10,
                    timeout=TIMEOUT)
    import time
    t0 = time.perf_counter()
    w.close()
    assert w.controller.thread.isFinished()
    assert not w.controller.engine.is_alive()
    assert time.perf_counter() - t0 < 1.0


def test_close_is_prompt_while_the_engine_is_busy_in_a_long_step(qtbot, tmp_path):
    """A Step of many epochs is trained slice by slice: the engine still reads the shutdown
    command and ends on it, within 1 s."""
    w = make_window(qtbot, tmp_path)
    w.controller.step(10_000_000)
    qtbot.waitUntil(lambda: w.controller.latest.steps_per_second > 0, timeout=TIMEOUT)
    import time
    t0 = time.perf_counter()
    w.close()
    assert time.perf_counter() - t0 < 1.0
    assert w.controller.thread.isFinished()
    assert not w.controller.engine.is_alive() and w.controller.engine.exitcode == 0


def test_engine_process_crash_is_reported_and_reset_restarts_it(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path)
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.step > 10, timeout=TIMEOUT)
    w.controller.engine.process.kill()
    qtbot.waitUntil(lambda: w.last_problem is not None
                    and w.last_problem.code == "engine_died", timeout=TIMEOUT)
    assert not w.controller.running \
        and w.training_bar.play_button.text() == w.training_bar.tr("Play")
    old = w.controller.engine
    w.reset()
    qtbot.waitUntil(lambda: w.controller.engine is not old and w.controller.latest.step == 0,
                    timeout=TIMEOUT)
    assert w.controller.kind == "process"
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.step > 10, timeout=TIMEOUT)


@pytest.mark.parametrize("data_args,dataset_text", [
    (["--dataset", "moons", "--n", "120", "--noise", "0.1"], "moons"),
    (["--csv", "CSV"], "CSV file…"),
])
def test_model_trained_on_the_command_line_opens_with_its_data(qtbot, window, tmp_path,
                                                                data_args, dataset_text):
    from xorlab.cli import main
    csv_path = tmp_path / "p.csv"
    csv_path.write_text("0,0,0\n0,1,1\n1,0,1\n1,1,0\n0.5,0.5,1\n")
    args = [str(csv_path) if a == "CSV" else a for a in data_args]
    model = tmp_path / "m.xorlab"
    assert main(["train", *args, "--hidden", "5", "--steps", "20", "--quiet",
                 "--test-fraction", "0.2", "--save", str(model)]) == 0
    w = window
    assert w.open_path(model)
    assert find(w, QComboBox, "datasetCombo").currentText() == dataset_text
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes == (2, 5, 1), timeout=TIMEOUT)
    snap = w.controller.latest
    total = len(snap.X_train) + len(snap.X_test)
    assert total == (120 if dataset_text == "moons" else 5)


def test_the_shortcuts_dialog_lists_every_shortcut_the_window_has(app_window):
    """One actions table builds the menus and the shortcuts dialog: the dialog lists each
    key bound in the window, and no other."""
    from PySide6.QtGui import QAction, QKeySequence

    w = app_window
    listed = [key for key, _ in w.action_table.shortcuts()]
    bound = [a.shortcut().toString(QKeySequence.NativeText)
             for a in w.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert sorted(listed) == sorted(bound)
    assert {"Space", "S", "E", "R", "Ctrl+N", "Ctrl+O", "Ctrl+S", "Ctrl+Q", "Ctrl+L"} <= set(listed)
