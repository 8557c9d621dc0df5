"""The window's session API, its engines, and the defects found when the app was tried as a
new user would (issue 7). Driven through `session()` / `set_session()` and object names."""

import functools
import json
import os
from dataclasses import replace

import numpy as np
import pytest
from conftest import open_window
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QPushButton, QWidget

from xorlab.app import MainWindow
from xorlab.engine import TrainConfig
from xorlab.lab.session import Session

TIMEOUT = 20_000


@pytest.fixture
def window(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path)
    yield w
    w.close()


XOR_241 = Session(data={"name": "xor", "n": 4, "noise": 0.0, "test_fraction": 0.0, "seed": 0},
                  hidden=({"units": 4, "activation": "tanh"},), init="xavier",
                  training=TrainConfig(lr=0.5, batch_size=None, eval_every=0))


@pytest.mark.parametrize("engine", ["process", "thread"])
def test_the_app_driven_by_its_session_alone(qtbot, tmp_path, engine):
    """A session that went through JSON drives the whole app: the editor shows it, the
    engine builds it, Play (by object name) trains it to 100 % on XOR."""
    w = open_window(qtbot, tmp_path, engine=engine)
    session = Session.from_dict(json.loads(json.dumps(XOR_241.to_dict())))
    w.set_session(session)
    assert w.session() == XOR_241
    assert w.findChild(QComboBox, "datasetCombo").currentData() == "xor"
    assert w.findChild(QComboBox, "layer1ActivationCombo").currentText() == "tanh"
    assert w.findChild(QComboBox, "learningRateCombo").currentText() == "0.5"
    assert w.findChild(QComboBox, "layer2ActivationCombo") is None
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes == (2, 4, 1), timeout=TIMEOUT)
    assert w.controller.latest.spec == XOR_241.network_spec() | {"seed": 0}
    qtbot.mouseClick(w.findChild(QPushButton, "playPauseButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: w.controller.latest.train_accuracy == 1.0, timeout=TIMEOUT)
    # a training setting changes in place: same network, same run
    generation, step = w.controller.latest.generation, w.controller.latest.step
    w.set_session(w.session().with_training(lr=0.1))
    qtbot.waitUntil(lambda: w.controller.latest.config.lr == 0.1, timeout=TIMEOUT)
    assert w.controller.latest.generation == generation
    assert w.controller.latest.step >= step
    assert w.findChild(QComboBox, "learningRateCombo").currentText() == "0.1"
    # the view changes in place too
    w.set_session(replace(w.session(), view=(0, 3)))
    qtbot.waitUntil(lambda: w.controller.latest.view == (0, 3), timeout=TIMEOUT)
    assert w.controller.latest.generation == generation
    w.close()


def test_a_process_that_dies_while_starting_falls_back_to_a_thread(qtbot, tmp_path,
                                                                   monkeypatch):
    """As a user script without the __main__ guard makes it: the child fails at once."""
    import xorlab.app.controller as controller
    monkeypatch.setattr(controller, "serve", functools.partial(os._exit, 3))
    w = open_window(qtbot, tmp_path, XOR_241)
    assert w.controller.kind == "thread"
    assert w.last_problem.code == "engine_fallback"
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes == (2, 4, 1), timeout=TIMEOUT)
    w.controller.step(10)
    qtbot.waitUntil(lambda: w.controller.latest.step == 10, timeout=TIMEOUT)
    w.close()
    assert not w.controller.engine.is_alive()


def test_a_process_that_cannot_start_falls_back_to_a_thread(qtbot, tmp_path, monkeypatch):
    import xorlab.app.controller as controller
    real = controller.start_engine

    def no_processes(kind="process", target=None):
        if kind == "process":
            raise PermissionError("no new processes here")
        return real(kind)

    monkeypatch.setattr(controller, "start_engine", no_processes)
    messages = []
    monkeypatch.setattr(MainWindow, "show_problem",
                        lambda self, msg, timeout=0: messages.append(msg))
    w = open_window(qtbot, tmp_path)
    assert w.controller.kind == "thread"
    qtbot.waitUntil(lambda: [m.code for m in messages] == ["engine_fallback"],
                    timeout=TIMEOUT)  # said once
    w.controller.step(5)
    qtbot.waitUntil(lambda: w.controller.latest.step == 5, timeout=TIMEOUT)
    w.close()


def test_a_saved_run_reopens_with_its_step_and_curves(qtbot, window, tmp_path):
    w = window
    w.set_session(XOR_241)
    w.controller.step(700)
    qtbot.waitUntil(lambda: w.controller.latest.step == 700, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    saved = w.controller.latest
    curve = w.gradient_plot.curves[0].getData()
    path = tmp_path / "run.xorlab"
    assert w.save_path(path)
    w.new_session()
    qtbot.waitUntil(lambda: w.controller.latest.step == 0
                    and w.controller.latest.layer_sizes == (2, 4, 2, 1), timeout=TIMEOUT)
    assert w.open_path(path)
    assert w.session() == XOR_241
    qtbot.waitUntil(lambda: w.controller.latest.step == 700, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    again = w.controller.latest
    assert again.epoch == saved.epoch
    assert np.array_equal(again.step_steps, saved.step_steps)
    assert np.allclose(again.step_loss, saved.step_loss, rtol=1e-12)
    assert np.allclose(again.step_grad_norms, saved.step_grad_norms, rtol=1e-12)
    assert all(np.array_equal(a, b) for a, b in zip(again.weights, saved.weights))
    reopened = w.gradient_plot.curves[0].getData()
    assert np.array_equal(curve[0], reopened[0]) and np.allclose(curve[1], reopened[1])
    assert not w.files.unsaved()
    w.controller.step(5)  # and training goes on from there
    qtbot.waitUntil(lambda: w.controller.latest.step == 705, timeout=TIMEOUT)
    assert w.files.unsaved()


def test_the_wheel_changes_only_a_field_with_focus(qtbot, window):
    w = window
    combo = w.findChild(QComboBox, "datasetCombo")
    before, generation = w.session(), w.controller.generation
    assert not combo.hasFocus()
    centre = QPointF(combo.width() / 2, combo.height() / 2)
    event = QWheelEvent(centre, combo.mapToGlobal(centre), QPoint(0, 0), QPoint(0, -120),
                        Qt.NoButton, Qt.NoModifier, Qt.NoScrollPhase, False)
    QApplication.sendEvent(combo, event)
    assert combo.currentData() == "xor-quadrants"
    assert w.session() is before and w.controller.generation == generation
    assert combo.focusPolicy() == Qt.StrongFocus


def type_into_learning_rate(qtbot, w):
    """The learning-rate field with the keyboard focus and its text selected, as a user
    who clicked into it."""
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=TIMEOUT)
    field = w.findChild(QComboBox, "learningRateCombo")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=TIMEOUT)
    field.lineEdit().selectAll()
    return field


def test_enter_in_a_field_gives_the_shortcuts_back(qtbot, window):
    w = window
    field = type_into_learning_rate(qtbot, w)
    qtbot.keyClicks(field.lineEdit(), "0.1")
    qtbot.keyClick(field.lineEdit(), Qt.Key_Return)
    qtbot.waitUntil(lambda: not field.hasFocus(), timeout=TIMEOUT)
    assert w.session().training.lr == 0.1
    qtbot.keyClick(w, Qt.Key_S)  # the single-key shortcut works at once
    qtbot.waitUntil(lambda: w.controller.latest.step == 1, timeout=TIMEOUT)


def test_add_layer_stays_where_it_is(qtbot, window):
    w = window
    button = w.findChild(QPushButton, "addLayerButton")
    where = button.mapTo(w, QPoint(0, 0))
    for _ in range(8):  # up to the limit, past the point where the panel scrolls
        qtbot.mouseClick(button, Qt.LeftButton)
        QApplication.processEvents()  # the layout is done: the rows stand where they will
        assert w.findChild(QWidget, f"layer{len(w.session().hidden)}Row").isVisible()
        assert button.mapTo(w, QPoint(0, 0)) == where
    assert len(w.session().hidden) == 10


def test_the_window_fits_1366_px_whatever_the_network(qtbot, window):
    w = window
    names = ["sigmoid", "tanh", "relu", "leaky_relu", "vlrelu", "elu", "maxout", "linear",
             "relu", "tanh"]
    w.set_session(Session(hidden=tuple({"units": 64, "activation": n} for n in names),
                          init="orthonorm_msra"))
    assert w.minimumSizeHint().width() <= 1366
    assert w.minimumWidth() <= 1366 and w.width() <= 1366
    assert "maxout" in w.training_bar.headline.toolTip()  # the whole text, where it is cut short


def test_a_saved_geometry_wider_than_the_screen_is_fitted(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.resize(5000, 3000)
    w.close()
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    screen = again.screen().availableGeometry()
    assert again.width() <= screen.width() and again.height() <= screen.height()
    again.close()


def test_gradient_axis_at_step_0_and_after_a_rebuild(qtbot, window):
    w = window
    axis = w.gradient_plot.history.getAxis("left")
    labels = [text for _, text in axis._tickLevels[0]]
    assert labels and all(text in ("0.1", "1") for text in labels)  # decades, no "9 8 7"
    w.controller.step(3000)
    qtbot.waitUntil(lambda: w.controller.latest.step == 3000, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    assert w.gradient_plot.history.viewRange()[0][1] >= 3000
    w.findChild(QPushButton, "addLayerButton").click()
    qtbot.waitUntil(lambda: w.controller.latest.step == 0
                    and len(w.controller.latest.layer_sizes) == 5, timeout=TIMEOUT)
    qtbot.waitUntil(w.drawn, timeout=TIMEOUT)
    for plot in (w.gradient_plot.history, w.loss_plot.loss):
        assert plot.viewRange()[0][1] == pytest.approx(100)


def test_the_activation_view_draws_what_the_layer_has(qtbot, window):
    w = window
    w.set_session(w.session().with_layer(0, activation="vlrelu", slope=0.2))
    title = w.activation_plot.getPlotItem().titleLabel.text
    assert "0.2·z" in title and "0.333" not in title
    x, y = w.activation_plot.f_curve.getData()
    assert y[0] == pytest.approx(-1.0)  # 0.2 · (−5)
    w.set_session(w.session().with_layer(0, activation="maxout", k=3))
    _, f = w.activation_plot.f_curve.getData()
    assert not np.allclose(f, np.maximum(x, 0))  # not drawn as a ReLU
    assert len(w.activation_plot.piece_curves) == 3  # the pieces, faintly
    pieces = np.array([c.getData()[1] for c in w.activation_plot.piece_curves])
    assert np.allclose(f, pieces.max(axis=0))


def test_the_decision_plot_has_a_colour_key(window):
    key = window.decision_plot.key
    assert key.isVisible() and len(key.items) == 2


def test_new_asks_before_dropping_an_unsaved_run(qtbot, window, monkeypatch):
    w = window
    w.ask_to_save = True
    w.controller.step(20)
    qtbot.waitUntil(lambda: w.controller.latest.step == 20, timeout=TIMEOUT)
    answers = [QMessageBox.Cancel]
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or answers.pop(0))
    generation = w.controller.generation
    w.findChild(QComboBox, "datasetCombo")  # (the editor is not involved)
    w.new_session()
    assert len(asked) == 1 and w.controller.generation == generation  # cancelled: kept
    answers.append(QMessageBox.Cancel)
    w.close()
    assert w.isVisible()  # Quit cancelled too
    answers.append(QMessageBox.Discard)
    w.new_session()
    assert w.controller.generation == generation + 1 and len(asked) == 3
    w.ask_to_save = False


def test_reset_asks_before_dropping_an_unsaved_run(qtbot, window, monkeypatch):
    """Reset drops the run's weights and history like New: it asks the same question."""
    w = window
    w.ask_to_save = True
    w.controller.step(20)
    qtbot.waitUntil(lambda: w.controller.latest.step == 20, timeout=TIMEOUT)
    answers = [QMessageBox.Cancel]
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or answers.pop(0))
    generation = w.controller.generation
    w.reset()
    assert len(asked) == 1 and w.controller.generation == generation  # cancelled: kept
    assert w.controller.latest.step == 20
    answers.append(QMessageBox.Discard)
    w.reset()
    assert len(asked) == 2 and w.controller.generation == generation + 1
    w.ask_to_save = False
    w.reset()  # nothing asked when asking is off
    assert len(asked) == 2 and w.controller.generation == generation + 2


def test_closing_during_big_updates_in_a_thread_is_clean(qtbot, tmp_path):
    """A set speed of 1000 steps a frame on a big net is trained slice by slice, so the
    thread engine reads Shutdown at once and the window closes without an abort."""
    big = Session(hidden=({"units": 64, "activation": "tanh"},) * 6,
                  data={"name": "spiral", "n": 2000, "noise": 0.0, "test_fraction": 0.0,
                        "seed": 0},
                  training=TrainConfig(lr=0.01, batch_size=None, eval_every=0))
    w = open_window(qtbot, tmp_path, big, engine="thread")
    w.training_bar.speed.setCurrentIndex(w.training_bar.speed.findData(1000))
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.running, timeout=TIMEOUT)
    w.close()
    assert w.controller.thread.isFinished() and not w.controller.engine.is_alive()


def test_a_replaced_engine_keeps_the_edits_made_in_place(qtbot, window):
    w = window
    w.set_session(w.session().with_training(lr=0.3))
    w.set_session(replace(w.session(), view=(0, 1)))
    qtbot.waitUntil(lambda: w.controller.latest.config.lr == 0.3
                    and w.controller.latest.view == (0, 1), timeout=TIMEOUT)
    old = w.controller.engine
    old.process.kill()
    qtbot.waitUntil(lambda: w.last_problem is not None
                    and w.last_problem.code == "engine_died", timeout=TIMEOUT)
    w.step_once()  # a new engine, with the session as it is now
    qtbot.waitUntil(lambda: w.controller.engine is not old
                    and w.controller.latest.step == 1, timeout=TIMEOUT)
    assert w.controller.latest.config.lr == 0.3 and w.controller.latest.view == (0, 1)
    # and the decision plot takes the new engine's points, not the old ones
    w.findChild(QComboBox, "datasetCombo").setCurrentIndex(
        w.findChild(QComboBox, "datasetCombo").findData("spiral"))
    w.findChild(QComboBox, "datasetCombo").activated.emit(
        w.findChild(QComboBox, "datasetCombo").currentIndex())
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes and w.drawn()
                    and w.session().data["name"] == "spiral"
                    and len(w.decision_plot.train_points.data) ==
                    len(w.controller.latest.X_train)
                    and np.allclose(w.decision_plot.train_points.getData()[0],
                                    w.controller.latest.X_train[:, 0]), timeout=TIMEOUT)


def test_another_edit_does_not_wipe_a_field_being_typed_in(qtbot, window):
    w = window
    field = type_into_learning_rate(qtbot, w)
    qtbot.keyClicks(field.lineEdit(), "0.3")  # typed, not yet entered
    w.set_session(replace(w.session(), view=(0, 0)))  # as a click on the diagram does
    assert field.currentText() == "0.3"
    assert w.session().training.lr == 0.03


def test_regularization_starts_from_the_default_strength(qtbot, window):
    w = window
    w.set_session(w.session().with_training(l2=0.1))
    w.new_session()
    combo = w.findChild(QComboBox, "regularizationCombo")
    combo.setCurrentIndex(combo.findData("l1"))
    assert (w.session().training.l1, w.session().training.l2) == (0.001, 0.0)
    combo.setCurrentIndex(combo.findData("l2"))  # another kind keeps the strength in use
    assert (w.session().training.l1, w.session().training.l2) == (0.0, 0.001)


def test_two_quick_clicks_on_a_neuron_go_back_to_the_output(qtbot, window):
    w = window
    w.diagram.click_neuron(1, 0)
    w.diagram.click_neuron(1, 0)  # before any snapshot showed the first click
    assert w.session().view is None
    w.diagram.click_neuron(1, 1)
    assert w.session().view == (0, 1)


def test_a_model_file_keeps_the_whole_session(qtbot, window, tmp_path):
    w = window
    session = replace(XOR_241, view=(0, 2), init="normal", init_std=0.4)
    w.set_session(session)
    w.controller.step(3)
    qtbot.waitUntil(lambda: w.controller.latest.step == 3
                    and w.controller.latest.view == (0, 2), timeout=TIMEOUT)
    assert w.save_path(tmp_path / "m.xorlab")
    w.new_session()
    assert w.open_path(tmp_path / "m.xorlab")
    assert w.session() == session


def test_a_frozen_engine_is_said_and_restarted(qtbot, window):
    """An engine that stops answering while it trains (here: SIGSTOP) is reported within a
    few seconds, with a Restart engine button that starts a new one."""
    import signal
    if not hasattr(signal, "SIGSTOP"):
        pytest.skip("needs SIGSTOP")
    w = window
    w.controller.play()
    qtbot.waitUntil(lambda: w.controller.latest.step > 10, timeout=TIMEOUT)
    frozen = w.controller.engine
    os.kill(frozen.pid, signal.SIGSTOP)
    button = w.findChild(QPushButton, "restartEngineButton")
    qtbot.waitUntil(button.isVisible, timeout=TIMEOUT)
    bar = w.training_bar
    assert w.last_problem.code == "engine_frozen" and bar.play_button.text() == bar.tr("Play")
    qtbot.mouseClick(button, Qt.LeftButton)
    assert not button.isVisible() and w.controller.engine is not frozen
    assert not frozen.is_alive()
    before = w.controller.latest.step  # the new engine continues from there (issue 17)
    w.controller.step(5)
    qtbot.waitUntil(lambda: w.controller.latest.step == before + 5
                    and w.controller.engine is not frozen, timeout=TIMEOUT)
