"""The desktop app, driven through its widgets (pytest-qt, offscreen)."""

import csv

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QMessageBox, QPushButton, QSpinBox

from xorlab.app import MainWindow
from xorlab.app.controller import Mailbox
from xorlab.app.session import Session

TIMEOUT = 20_000  # ms; the machines here are slow and noisy


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
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
    while w.editor.rows and len(w.editor.rows) > 1:
        remove.click()
    find(w, QSpinBox, "layer1UnitsSpin").setValue(4)
    find(w, QComboBox, "layer1ActivationCombo").setCurrentText("tanh")
    find(w, QComboBox, "initCombo").setCurrentText("xavier")
    enter_learning_rate(w, 0.5)
    find(w, QSpinBox, "batchSizeSpin").setValue(0)  # all
    assert w.editor.network_spec()["layers"] == [{"units": 4, "activation": "tanh"},
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
    layers = len(w.editor.rows) + 1
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
    assert w.editor.network_spec()["layers"][0]["activation"] == "relu"


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
    assert w.editor.train_config().momentum == 0.5


def test_speed_control_trains_a_set_number_of_steps_per_frame(qtbot, window):
    w = window
    w.speed.setCurrentIndex(w.speed.findData(10))
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.step >= 50
                    and w.controller.latest.steps_per_second > 0, timeout=TIMEOUT)
    # about 30 updates a second: ~300 steps/s, far below the thousands flat out
    assert 0 < w.controller.latest.steps_per_second < 1000
    w.controller.pause()
    qtbot.waitUntil(lambda: not w.controller.latest.running, timeout=TIMEOUT)
    assert w.controller.latest.step % 10 == 0  # whole updates of 10 steps
    w.speed.setCurrentIndex(w.speed.findData(0))
    before = w.controller.latest.step
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.step > before + 2000, timeout=TIMEOUT)


def test_bad_learning_rate_is_refused_with_a_message(qtbot, window):
    w = window
    enter_learning_rate(w, "fast")
    assert "not a number" in w.statusBar().currentMessage()
    assert w.editor.train_config().lr == 0.03
    enter_learning_rate(w, -1)
    assert "> 0" in w.statusBar().currentMessage()


def test_divergence_pauses_with_a_message(qtbot, window):
    """lr 10 on spiral. With a sigmoid output and cross-entropy a ReLU net does not overflow
    at lr 10 (its units die instead), so the hidden layers are linear here: they do."""
    w = window
    choose(find(w, QComboBox, "datasetCombo"), "spiral")
    w.editor.set_all.setCurrentIndex(w.editor.set_all.findData("linear"))
    w.editor.set_all.activated.emit(w.editor.set_all.currentIndex())
    enter_learning_rate(w, 10)
    qtbot.waitUntil(lambda: w.controller.latest.config.lr == 10, timeout=TIMEOUT)
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.diverged_at is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not w.controller.latest.running, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert "diverged at step" in w.statusBar().currentMessage()
    assert "Lower the learning rate" in w.statusBar().currentMessage()
    assert "diverged at step" in w.loss_plot.divergence_message()
    assert all(np.isfinite(p).all() for p in w.controller.latest.weights)
    gen = w.controller.latest.generation
    w.reset()  # Reset recovers
    wait_for_generation_after(qtbot, w, gen)
    assert w.controller.latest.diverged_at is None and w.controller.latest.step == 0
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert w.loss_plot.divergence_message() == ""


def test_close_while_training_stops_the_thread(qtbot, qtlog, tmp_path):
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.show()
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest is not None and w.controller.latest.step > 100,
                    timeout=TIMEOUT)
    w.close()
    assert w.controller.thread.wait(1000)
    assert w.controller.thread.isFinished()
    assert not w.controller.process.is_alive()
    assert w.controller.process.exitcode == 0  # it ended on the shutdown command, not killed
    assert not [r for r in qtlog.records if "QThread" in r.message or "Timer" in r.message]


def test_open_corrupt_file_keeps_the_network(qtbot, window, tmp_path, monkeypatch):
    w = window
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    before_spec, gen = w.editor.network_spec(), w.controller.latest.generation
    bad = tmp_path / "bad.xorlab"
    bad.write_text('{"format": "xorlab-model", "version": 1, "spec": {"layers": [')
    assert w.open_path(bad) is False
    assert shown and "truncated" in shown[0]
    assert w.editor.network_spec() == before_spec
    qtbot.wait(100)
    assert w.controller.latest.generation == gen


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
    qtbot.waitUntil(lambda: "no training points" in w.statusBar().currentMessage(),
                    timeout=TIMEOUT)
    assert w.decision_plot.draw_mode
    for x, y, label in [(-0.5, -0.5, 1), (0.5, 0.5, 1), (-0.5, 0.5, 0), (0.5, -0.5, 0)]:
        w.decision_plot.pointAdded.emit(x, y, label)
    find(w, QDoubleSpinBox, "testFractionSpin").setValue(0.0)
    qtbot.waitUntil(lambda: len(w.controller.latest.X_train) == 4, timeout=TIMEOUT)
    assert sorted(w.controller.latest.y_train.tolist()) == [0, 0, 1, 1]
    find(w, QPushButton, "clearPointsButton").click()
    qtbot.waitUntil(lambda: len(w.controller.latest.X_train) == 0, timeout=TIMEOUT)


def test_clicking_a_hidden_neuron_shows_its_output(qtbot, window):
    w = window
    diagram = w.findChild(object, "networkDiagram")
    x, y = diagram.neuron_center(1, 0)
    from PySide6.QtCore import QPoint
    qtbot.mouseClick(diagram, Qt.LeftButton, pos=QPoint(int(x), int(y)))
    qtbot.waitUntil(lambda: w.controller.latest.grid_kind == "neuron 1.1", timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert w.decision_plot.title.toPlainText() == "neuron 1.1"
    qtbot.mouseClick(diagram, Qt.LeftButton, pos=QPoint(int(x), int(y)))
    qtbot.waitUntil(lambda: w.controller.latest.grid_kind == "output", timeout=TIMEOUT)


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
    files = w.export_plots(tmp_path)
    assert {f.name for f in files} == {"decision.png", "loss.png", "gradients.png",
                                      "activation.png", "network.png"}
    assert all(f.stat().st_size > 1000 for f in files)
    assert w.export_history(tmp_path / "h.csv")
    rows = list(csv.reader(open(tmp_path / "h.csv")))
    assert rows[0][:2] == ["step", "batch_loss"] and len(rows) == 31


def test_default_layout_fits_a_small_screen(window):
    w = window
    assert w.width() <= 1366 and w.height() <= 768
    for view in (w.decision_plot, w.loss_plot, w.gradient_plot, w.diagram):
        assert view.isVisible() and view.width() > 250 and view.height() > 200


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
    assert s.network["layers"][-1] == {"units": 1, "activation": "sigmoid"}
    assert s.train.validated() is s.train


def test_mouse_clicks_draw_points(qtbot, window):
    w = window
    choose(find(w, QComboBox, "datasetCombo"), "draw your own")
    find(w, QDoubleSpinBox, "testFractionSpin").setValue(0.0)
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
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    choose(combo, "CSV file…")
    assert warned and "label must be 0 or 1" in warned[0]
    assert combo.currentText() == before  # the current data stays
    good = tmp_path / "good.csv"
    good.write_text("0,0,0\n0,1,1\n1,0,1\n1,1,0\n2,2,0\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    find(w, QDoubleSpinBox, "testFractionSpin").setValue(0.0)
    choose(combo, "CSV file…")
    qtbot.waitUntil(lambda: w.controller.latest.X_train.shape == (5, 2), timeout=TIMEOUT)
    assert w.controller.latest.extent[1] >= 2.0


def test_single_neuron_cannot_solve_xor_in_the_app(qtbot, window):
    """The lecture's first lesson: no hidden layer, one straight line, at most 3 of 4 right."""
    w = window
    choose(find(w, QComboBox, "datasetCombo"), "XOR truth table")
    while w.editor.rows:
        find(w, QPushButton, "removeLayerButton").click()
    assert not find(w, QPushButton, "removeLayerButton").isEnabled()
    assert w.editor.network_spec()["layers"] == [{"units": 1, "activation": "sigmoid"}]
    enter_learning_rate(w, 0.5)
    find(w, QSpinBox, "batchSizeSpin").setValue(0)
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes == (2, 1), timeout=TIMEOUT)
    assert w.activation_plot.name == "sigmoid"  # the output neuron is what is left
    w.controller.step(3000)
    qtbot.waitUntil(lambda: w.controller.latest.step == 3000, timeout=TIMEOUT)
    assert w.controller.latest.train_accuracy <= 0.75
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert len(w.gradient_plot.curves) == 1


def test_quick_edits_build_only_the_last_network():
    from xorlab.app.trainloop import latest_commands
    batch = [("rebuild", "first", None), ("play",), ("rebuild", "second", None),
             ("set_view", None)]
    assert latest_commands(batch) == [("play",), ("rebuild", "second", None), ("set_view", None)]


def test_big_networks_get_a_coarser_grid():
    from xorlab.app.trainloop import grid_resolution
    from xorlab.engine import Network

    def net(units, depth):
        layers = [{"units": units, "activation": "tanh"}] * depth
        return Network({"inputs": 2, "layers": layers + [{"units": 1, "activation": "sigmoid"}]})

    assert grid_resolution(net(8, 2)) == 100
    assert 32 <= grid_resolution(net(64, 10)) < grid_resolution(net(32, 10)) < 100


def test_close_is_prompt_with_a_big_network(qtbot, tmp_path):
    w = MainWindow(Session(network={"inputs": 2, "layers": [{"units": 64, "activation": "relu"}]
                                    * 10 + [{"units": 1, "activation": "sigmoid"}],
                                    "init": "msra", "seed": 0}),
                   settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.show()
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest is not None and w.controller.latest.step > 10,
                    timeout=TIMEOUT)
    import time
    t0 = time.perf_counter()
    w.close()
    assert w.controller.thread.isFinished()
    assert not w.controller.process.is_alive()
    assert time.perf_counter() - t0 < 1.0


def test_close_is_prompt_while_the_engine_is_busy_in_a_long_step(qtbot, tmp_path):
    """A Step of many epochs keeps the engine from reading the shutdown command: it is
    stopped anyway, within 1 s."""
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=TIMEOUT)
    w.controller.step(10_000_000)
    import time
    time.sleep(0.2)  # let the engine start the long step (there is no signal to wait for)
    t0 = time.perf_counter()
    w.close()
    assert time.perf_counter() - t0 < 1.0
    assert w.controller.thread.isFinished()
    assert not w.controller.process.is_alive()


def test_engine_process_crash_is_reported_and_reset_restarts_it(qtbot, window):
    w = window
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.step > 10, timeout=TIMEOUT)
    w.controller.process.kill()
    qtbot.waitUntil(lambda: "stopped unexpectedly" in w.statusBar().currentMessage(),
                    timeout=TIMEOUT)
    assert w.play_button.text() == "Play"
    old = w.controller.process
    w.reset()
    qtbot.waitUntil(lambda: w.controller.process is not old and w.controller.latest.step == 0,
                    timeout=TIMEOUT)
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
