"""The lab layer (xorlab.lab): session, protocol, training loop, engines; no Qt."""

import json
import os
import pickle
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from xorlab.engine import ConfigError, TrainConfig
from xorlab.lab.messages import TEMPLATES, Message
from xorlab.lab.pictures import contour_segments, grid_resolution, unit_picture
from xorlab.lab.protocol import (
    Pause,
    Play,
    ProtocolError,
    Rebuild,
    SetHyper,
    SetSpeed,
    SetView,
    SetWeight,
    Shutdown,
    Step,
)
from xorlab.lab.runner import EngineProcess, EngineThread, local_pipe, one_blas_thread
from xorlab.lab.session import Session, SessionError
from xorlab.lab.snapshot import refrozen, with_points, without_points
from xorlab.lab.trainloop import PUBLISH_INTERVAL, TrainingLoop, _guarded, latest_commands


def xor_session(**training):
    return Session(hidden=({"units": 4, "activation": "tanh"},),
                   data={"name": "xor", "n": 4, "noise": 0.0, "test_fraction": 0.0, "seed": 0},
                   training=TrainConfig(lr=training.get("lr", 0.5), batch_size=None,
                                        eval_every=0))


def rebuilt(session, generation=1, **kw):
    loop = TrainingLoop()
    loop.handle(Rebuild(session, generation, **kw))
    return loop


def finish_steps(loop):
    while loop.pending_steps:
        loop.advance()


def test_lab_and_engine_import_no_qt():
    code = ("import sys, xorlab.lab.trainloop, xorlab.lab.runner, xorlab.lab.session, "
            "xorlab.cli; print(sorted(m for m in sys.modules "
            "if m.startswith(('PySide6', 'pyqtgraph', 'PyQt', 'shiboken'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


# ---- the session ---------------------------------------------------------------------------
def test_session_round_trips_through_json():
    s = Session(hidden=({"units": 3, "activation": "leaky_relu", "slope": 0.2},
                        {"units": 5, "activation": "maxout", "k": 3}),
                data={"name": "points", "label": "drawn", "X": [[0.1, 0.2], [-0.3, 0.4]],
                      "y": [1, 0], "test_fraction": 0.0, "seed": 2},
                init="msra", training=TrainConfig(lr=0.3, optimizer="momentum", momentum=0.5,
                                                  batch_size=7, l2=0.01, eval_every=0),
                seed=9, view=(1, 4))
    d = json.loads(json.dumps(s.to_dict()))
    assert d["version"] == 1
    again = Session.from_dict(d)
    assert again == s
    assert again.network_spec()["layers"][-1] == {"units": 1, "activation": "sigmoid"}
    assert again.train_config().seed == 9


@pytest.mark.parametrize("change,field", [
    (lambda d: d.update(version=99), "version"),
    (lambda d: d["network"].update(hidden=[{"units": 65, "activation": "tanh"}]), "units"),
    (lambda d: d["network"].update(hidden=[{"units": 4, "activation": "gelu"}]), "activation"),
    (lambda d: d["training"].update(lr=50), "learning rate"),
    (lambda d: d["data"].update(n=10**9), "data n"),
    (lambda d: d.update(view=[5, 0]), "view"),
    (lambda d: d.update(data={"name": "points", "X": [[1e308, 0]], "y": [1]}), "data points"),
])
def test_a_bad_session_dict_names_its_field(change, field):
    d = Session().to_dict()
    change(d)
    with pytest.raises(SessionError, match=field):
        Session.from_dict(d)


def test_session_edits_are_classified():
    s = Session()
    assert s.with_training(lr=0.1).structure() == s.structure()
    assert s.with_training(lr=0.1).hyper() != s.hyper()
    assert s.with_training(loss="mse").structure() != s.structure()
    assert replace(s, seed=3).structure() != s.structure()
    assert s.with_layer(0, activation="relu").hidden[0] == {"units": 4, "activation": "relu"}
    with pytest.raises(ConfigError):
        s.with_training(lr=100)


# ---- commands --------------------------------------------------------------------------------
@pytest.mark.parametrize("make", [
    lambda: Rebuild("not a session", 1),
    lambda: Rebuild(Session(), 1, weights=np.array([np.nan])),
    lambda: Step(-1),
    lambda: Step(1.5),
    lambda: SetSpeed(-3),
    lambda: SetView([0, 1]),  # a tuple, not a list
    lambda: SetHyper({"seed": 3}),  # structural: not a hyper-parameter
])
def test_commands_check_their_fields_where_they_are_made(make):
    with pytest.raises(ProtocolError):
        make()


def test_sethyper_checks_its_values():
    with pytest.raises(ConfigError):
        SetHyper({"lr": -1})


def test_loop_trains_on_play_and_keeps_steps_on_a_new_learning_rate():
    loop = rebuilt(xor_session())
    assert loop.publish_due() and loop.publish().step == 0
    assert loop.wait_time() is None  # paused: wait for a command
    loop.handle(Play())
    assert loop.wait_time() == 0.0
    for _ in range(5):
        loop.advance()
    steps = loop.trainer.step
    assert steps > 0
    loop.handle(SetHyper({"lr": 0.1}))
    snap = loop.publish()
    assert snap.config.lr == 0.1 and snap.step == steps and snap.generation == 1
    loop.handle(Pause())
    loop.advance()
    assert loop.trainer.step == steps and not loop.publish().running


def test_loop_publishes_about_30_a_second_while_running():
    loop = rebuilt(xor_session())
    loop.publish()
    loop.handle(Play())
    loop.publish()
    now = loop._next_publish - 0.001
    assert not loop.publish_due(now)
    assert loop.publish_due(now + 0.002)
    before = loop._next_publish
    loop.publish()
    assert loop._next_publish - before == pytest.approx(PUBLISH_INTERVAL, abs=0.02)


def test_steps_are_trained_slice_by_slice():
    loop = rebuilt(xor_session())
    loop.handle(Step(7))
    assert loop.trainer.step == 0 and loop.wait_time() == 0.0  # not yet: between slices
    finish_steps(loop)
    assert loop.trainer.step == 7 and loop.publish_requested
    loop.handle(Step(0))  # one epoch: one full-batch step on XOR
    finish_steps(loop)
    assert loop.trainer.step == 8
    loop.handle(Step(100_000))
    loop.advance()
    assert 0 < loop.pending_steps < 100_000  # a slice, then commands can be read again
    assert loop.handle(Shutdown()) is False


def test_loop_reports_a_bad_session_as_a_code():
    loop = rebuilt(Session(hidden=({"units": 4, "activation": "tanh"},), init="lsuv",
                           data={"name": "points", "label": "drawn", "X": [], "y": [],
                                 "test_fraction": 0.0, "seed": 0}))
    snap = loop.publish()
    assert loop.trainer is None and snap.problem.code == "no_points"
    loop.handle(Play())
    assert not loop.running
    one_class = {"name": "points", "label": "drawn", "X": [[0, 0], [1, 1]], "y": [1, 1],
                 "test_fraction": 0.0, "seed": 0}
    loop.handle(Rebuild(Session(data=one_class), 2))
    assert loop.publish().problem.code == "one_class"


def test_loop_stops_at_divergence_with_consistent_steps():
    session = Session(hidden=({"units": 16, "activation": "linear"},) * 2,
                      data={"name": "spiral", "n": 200, "noise": 0.0, "test_fraction": 0.0,
                            "seed": 0},
                      training=TrainConfig(lr=10, batch_size=10, eval_every=0))
    loop = rebuilt(session)
    loop.handle(Play())
    for _ in range(200):
        loop.advance()
        if not loop.running:
            break
    snap = loop.publish()
    assert snap.diverged_at is not None and not snap.running
    assert snap.problem.code == "diverged"
    assert snap.problem.params["step"] == snap.diverged_at == snap.step + 1
    assert snap.problem.params["last_good"] == snap.step
    assert all(np.isfinite(w).all() for w in snap.weights)


def test_an_internal_error_stops_training_with_a_message(capsys):
    loop = rebuilt(xor_session())
    loop.handle(Play())
    loop.trainer.run = None  # any bug in a slice
    assert _guarded(loop, loop.advance) is True
    assert not loop.running
    problem = loop.publish().problem
    assert problem.code == "internal_error" and "TypeError" in problem.params["detail"]
    assert "Traceback" in capsys.readouterr().err  # the details, for whoever reports it


def test_neuron_view_and_speed_setting():
    loop = rebuilt(xor_session())
    loop.handle(SetView((0, 2)))
    snap = loop.publish()
    assert snap.view == (0, 2) and snap.grid_range[0] < 0  # tanh: signed range
    loop.handle(SetSpeed(10))
    loop.handle(Play())
    loop.advance()
    assert loop.trainer.step == 10
    loop.advance()  # the next update waits for its time
    assert loop.trainer.step == 10
    assert 0 < loop.wait_time() <= PUBLISH_INTERVAL


def test_rebuild_continues_a_saved_run():
    from xorlab.lab.protocol import SavedRun
    run = SavedRun(step=500, epoch=500, steps=np.array([100, 300, 500]),
                   values=np.array([[0.7, 1, 2], [0.5, 1, 2], [0.3, 1, 2]], dtype=float),
                   eval_steps=np.array([500]), eval_values=np.array([[0.3, 0.75, 0.3, 0.75]]))
    loop = rebuilt(xor_session(), run=run)
    snap = loop.publish()
    assert snap.step == 500 and snap.epoch == 500
    assert snap.step_steps.tolist() == [100, 300, 500]
    assert snap.step_loss.tolist() == [0.7, 0.5, 0.3]
    loop.handle(Step(2))
    finish_steps(loop)
    assert loop.publish().step_steps.tolist()[-2:] == [501, 502]


def test_quick_edits_build_only_the_last_network():
    first, second = Rebuild(Session(), 1), Rebuild(Session(), 2)
    batch = [first, Play(), second, SetView(None)]
    assert latest_commands(batch) == [Play(), second, SetView(None)]


# ---- pictures --------------------------------------------------------------------------------
def _net(units, depth, activation="tanh"):
    from xorlab.engine import Network
    return Network.from_spec(Session(hidden=({"units": units, "activation": activation},)
                                     * depth).network_spec())


def test_big_networks_get_a_coarser_grid():
    assert grid_resolution(_net(8, 2)) == 100
    assert 32 <= grid_resolution(_net(64, 10)) < grid_resolution(_net(32, 10)) < 100


def test_the_line_is_drawn_only_where_the_map_crosses_it():
    net = _net(2, 0)  # one neuron
    net.flat[...] = 0.0  # p = 0.5 everywhere: a flat map separates nothing
    grid, rng, (x, y) = unit_picture(net, 50, (-1, 1))
    assert len(x) == 0 and np.allclose(grid, 0.5)
    net.flat[...] = [1.0, 1.0, 0.0]  # z = x1 + x2: the line x2 = −x1
    grid, rng, (x, y) = unit_picture(net, 51, (-1, 1))
    assert len(x) > 0 and np.allclose(x + y, 0, atol=1e-9)


def test_a_relu_neuron_shows_its_z_zero_line():
    net = _net(1, 1, "relu")
    W1, b1, W2, b2 = net.params
    W1[...] = [[1.0], [0.0]]  # z = x1: the neuron is on for x1 > 0
    b1[...] = 0.0
    grid, rng, (x, y) = unit_picture(net, 51, (-1, 1), view=(0, 0))
    assert grid.min() == 0 and len(x) > 0 and np.allclose(x, 0, atol=1e-9)


def test_contour_of_a_plane():
    t = np.linspace(-1, 1, 21)
    grid = t[None, :] - 0.25 + 0 * t[:, None]
    x, y = contour_segments(grid, 0.0, -1, 1)
    assert np.allclose(x, 0.25)


# ---- snapshots over a pipe -------------------------------------------------------------------
def test_snapshot_survives_the_pipe_read_only_and_without_resending_points():
    loop = rebuilt(xor_session())
    first = loop.publish()
    loop.handle(Step(3))
    finish_steps(loop)
    second = loop.publish()
    sent = pickle.loads(pickle.dumps(without_points(second)))
    assert sent.X_train is None
    received = refrozen(with_points(sent, first))
    assert received.step == 3 and received.spec == second.spec
    assert np.array_equal(received.X_train, first.X_train)
    assert not received.grid.flags.writeable and not received.weights[0].flags.writeable
    assert received.grid.dtype == np.float32


@pytest.mark.parametrize("kind", ["process", "thread"])
def test_an_engine_answers_commands_and_ends_on_shutdown(kind):
    engine = EngineProcess() if kind == "process" else EngineThread()
    try:
        engine.send(Rebuild(xor_session(), 1))
        assert engine.snapshots.poll(20)
        first = engine.snapshots.recv()
        assert first.step == 0 and first.X_train.shape == (4, 2)
        engine.send(Step(25))
        assert engine.snapshots.poll(20)
        second = engine.snapshots.recv()
        while second.step < 25:  # a Step publishes when it is done
            assert engine.snapshots.poll(20)
            second = engine.snapshots.recv()
        assert second.step == 25 and second.X_train is None  # same points: not sent again
        assert engine.stop(5)
        assert engine.exitcode == 0
        with pytest.raises(EOFError):
            while True:
                engine.snapshots.recv()
    finally:
        engine.stop(1)


def test_the_engine_process_ends_when_the_window_is_gone():
    engine = EngineProcess()
    engine._commands.close()  # the GUI process died: its end of the pipe closes
    engine.process.join(10)
    assert engine.exitcode == 0


def test_local_pipe_behaves_like_a_pipe():
    receiver, sender = local_pipe()
    assert receiver.poll(0) is False
    sender.send("a")
    assert receiver.poll(0) is True and receiver.recv() == "a"
    sender.close()
    assert receiver.poll(0) is True  # the end is there to be read
    with pytest.raises(EOFError):
        receiver.recv()
    receiver2, sender2 = local_pipe()
    receiver2.close()
    with pytest.raises(BrokenPipeError):
        sender2.send("b")


def test_engine_process_gets_one_blas_thread_and_ours_is_left_alone(monkeypatch):
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    monkeypatch.setenv("MKL_NUM_THREADS", "4")  # the user's own choice is kept
    with one_blas_thread():
        assert os.environ["OMP_NUM_THREADS"] == "1"
        assert os.environ["MKL_NUM_THREADS"] == "4"
    assert "OMP_NUM_THREADS" not in os.environ
    assert os.environ["MKL_NUM_THREADS"] == "4"


def test_every_message_code_formats():
    samples = {"step": 3, "limit": 1e6, "last_good": 2, "detail": "x", "exitcode": 1,
               "reason": "r", "text": "'t'", "low": 0.1, "high": 1.0, "path": "p",
               "count": 2, "folder": "f", "label": "relu", "seconds": 3.2,
               "target": 0.95, "accuracy": 0.96, "patience": 500, "min_delta": 1e-4,
               "width": 946, "height": 606}
    for code in TEMPLATES:
        assert Message(code, samples).text()
    with pytest.raises(ValueError):
        Message("no_such_code")


def test_an_update_at_a_set_speed_is_trained_slice_by_slice():
    big = Session(hidden=({"units": 64, "activation": "tanh"},) * 4,
                  data={"name": "spiral", "n": 2000, "noise": 0.0, "test_fraction": 0.0,
                        "seed": 0},
                  training=TrainConfig(lr=0.01, batch_size=None, eval_every=0))
    loop = rebuilt(big)
    loop.handle(SetSpeed(1000))
    loop.handle(Play())
    loop.advance()
    assert 0 < loop.trainer.step < 1000 and loop.pending_steps == 1000 - loop.trainer.step
    loop.handle(Pause())  # takes effect between slices: the rest of the update is dropped
    loop.advance()
    assert loop.pending_steps == 0 and loop.trainer.step < 1000


def test_closing_a_local_pipe_wakes_a_waiting_reader():
    import threading
    receiver, sender = local_pipe()
    ended = []

    def read():
        try:
            receiver.recv()
        except EOFError:
            ended.append(True)

    reader = threading.Thread(target=read)
    reader.start()
    receiver.close()
    reader.join(5)
    assert ended == [True]


@pytest.mark.parametrize("in_thread,pictures", [(False, 6), (True, 3)])
def test_a_thread_engine_makes_the_decision_picture_every_second_snapshot(monkeypatch,
                                                                        in_thread, pictures):
    """In a thread the picture's time is the training thread's: while training runs it is
    made every PICTURE_EVERY snapshots (in a process, for deep networks only); paused, at
    every snapshot."""
    import xorlab.lab.trainloop as trainloop
    made = []
    real = trainloop.decision_picture
    monkeypatch.setattr(trainloop, "decision_picture", lambda *a: made.append(1) or real(*a))
    loop = TrainingLoop(in_thread=in_thread)
    loop.handle(Rebuild(xor_session(), 1))
    loop.handle(Play())
    made.clear()
    for _ in range(6):
        loop.advance()
        loop.publish()
    assert len(made) == pictures
    loop.handle(Pause())
    made.clear()
    loop.publish()
    loop.publish()
    assert len(made) == 2


def test_a_weight_set_while_paused_is_evaluated_without_a_step():
    """Issue 17, defect 6, in the loop alone: loss, accuracy and ∂L/∂θ at the new weights
    (the whole training set), the step count and history as they were; and no gradient is
    claimed before the first step or that evaluation (defect 7)."""
    from xorlab.engine import Network
    loop = rebuilt(xor_session())
    assert not loop.make_snapshot().has_gradient
    loop.handle(Step(3))
    finish_steps(loop)
    before = loop.make_snapshot()
    assert before.has_gradient and before.step == 3
    loop.handle(SetWeight(0, 1, 2, 0.75))
    snap = loop.make_snapshot()
    assert snap.step == 3 and len(snap.step_steps) == len(before.step_steps)
    net = Network(snap.spec)
    for target, weights in zip(net.params, snap.weights):
        target[...] = weights
    assert net.params[0][1, 2] == 0.75
    loss, grads = net.loss_and_grads(snap.X_train, snap.y_train)
    assert snap.train_loss == pytest.approx(loss, rel=1e-12)
    for shown, exact in zip(snap.grads, grads, strict=True):
        np.testing.assert_allclose(shown, exact, rtol=1e-5, atol=1e-8)
    np.testing.assert_allclose(snap.grad_norms, [np.linalg.norm(g) for g in grads[0::2]])
