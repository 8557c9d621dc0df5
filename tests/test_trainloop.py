"""The app's engine side (xorlab.app.trainloop): commands in, snapshots out, no Qt."""

import pickle
import subprocess
import sys

import numpy as np
import pytest

from xorlab.app.session import Session
from xorlab.app.snapshot import refrozen, with_points, without_points
from xorlab.app.trainloop import PUBLISH_INTERVAL, TrainingLoop, start_engine_process
from xorlab.engine import TrainConfig


def xor_session(**train):
    return Session(network={"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                                     {"units": 1, "activation": "sigmoid"}],
                            "init": "xavier", "seed": 0},
                   data={"name": "xor", "n": 4, "noise": 0.0, "test_fraction": 0.0, "seed": 0},
                   train=TrainConfig(lr=train.get("lr", 0.5), batch_size=None, eval_every=0))


def test_the_engine_side_does_not_import_qt():
    code = ("import sys, xorlab.app.trainloop; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_loop_trains_on_play_and_keeps_steps_on_a_new_learning_rate():
    loop = TrainingLoop()
    loop.rebuild(xor_session())
    assert loop.publish_due() and loop.publish().step == 0
    assert loop.wait_time() is None  # paused: wait for a command
    loop.handle(("play",))
    assert loop.wait_time() == 0.0
    for _ in range(5):
        loop.advance()
    steps = loop.trainer.step
    assert steps > 0
    loop.handle(("set_hyper", {"lr": 0.1, "seed": 3}))  # seed is structural: ignored here
    snap = loop.publish()
    assert snap.config.lr == 0.1 and snap.step == steps and snap.generation == 1
    loop.handle(("pause",))
    loop.advance()
    assert loop.trainer.step == steps and not loop.publish().running


def test_loop_publishes_about_30_a_second_while_running():
    loop = TrainingLoop()
    loop.rebuild(xor_session())
    loop.publish()
    loop.handle(("play",))
    loop.publish()
    now = loop._next_publish - 0.001
    assert not loop.publish_due(now)
    assert loop.publish_due(now + 0.002)
    before = loop._next_publish
    loop.publish()
    assert loop._next_publish - before == pytest.approx(PUBLISH_INTERVAL, abs=0.02)


def test_loop_step_and_epoch_commands():
    loop = TrainingLoop()
    loop.rebuild(xor_session())
    loop.handle(("step", 7))
    assert loop.trainer.step == 7
    loop.handle(("step", 0))  # one epoch: one full-batch step on XOR
    assert loop.trainer.step == 8 and loop.publish_requested


def test_loop_reports_a_bad_session_without_raising():
    loop = TrainingLoop()
    bad = Session(network={"inputs": 2, "layers": [{"units": 1, "activation": "tanh"}]})
    loop.rebuild(bad)
    snap = loop.publish()
    assert loop.trainer is None
    assert "last layer must be the output" in snap.message
    loop.handle(("play",))
    assert not loop.running


def test_loop_stops_at_divergence():
    session = Session(network={"inputs": 2, "layers": [{"units": 16, "activation": "linear"}] * 2
                               + [{"units": 1, "activation": "sigmoid"}], "seed": 0},
                      data={"name": "spiral", "n": 200, "noise": 0.0, "test_fraction": 0.0,
                            "seed": 0},
                      train=TrainConfig(lr=10, batch_size=10, eval_every=0))
    loop = TrainingLoop()
    loop.rebuild(session)
    loop.handle(("play",))
    for _ in range(200):
        loop.advance()
        if not loop.running:
            break
    snap = loop.publish()
    assert snap.diverged_at is not None and not snap.running
    assert all(np.isfinite(w).all() for w in snap.weights)


def test_an_internal_error_stops_training_with_a_message(capsys):
    from xorlab.app import trainloop

    loop = TrainingLoop()
    loop.rebuild(xor_session())
    loop.handle(("play",))
    loop.trainer.run = None  # any bug in a slice
    assert trainloop._guarded(loop, loop.advance) is True
    assert not loop.running
    assert "internal error: TypeError" in loop.publish().message
    assert "Traceback" in capsys.readouterr().err  # the details, for whoever reports it


def test_neuron_view_and_speed_setting():
    loop = TrainingLoop()
    loop.rebuild(xor_session())
    loop.handle(("set_view", [0, 2]))
    snap = loop.publish()
    assert snap.grid_kind == "neuron 1.3" and snap.grid_range[0] < 0  # tanh: signed range
    loop.handle(("set_speed", 10))
    loop.handle(("play",))
    loop.advance()
    assert loop.trainer.step == 10
    loop.advance()  # the next update waits for its time
    assert loop.trainer.step == 10
    assert 0 < loop.wait_time() <= PUBLISH_INTERVAL


def test_snapshot_survives_the_pipe_read_only_and_without_resending_points():
    loop = TrainingLoop()
    loop.rebuild(xor_session())
    first = loop.publish()
    loop.handle(("step", 3))
    second = loop.publish()
    sent = pickle.loads(pickle.dumps(without_points(second)))
    assert sent.X_train is None
    received = refrozen(with_points(sent, first))
    assert received.step == 3
    assert np.array_equal(received.X_train, first.X_train)
    assert not received.grid.flags.writeable and not received.weights[0].flags.writeable
    assert received.grid.dtype == np.float32


def test_serve_answers_commands_and_ends_on_shutdown():
    process, commands_out, snapshots_in = start_engine_process()
    try:
        commands_out.send(("rebuild", xor_session(), None))
        assert snapshots_in.poll(20)
        first = snapshots_in.recv()
        assert first.step == 0 and first.X_train.shape == (4, 2)
        commands_out.send(("step", 25))
        assert snapshots_in.poll(20)
        second = snapshots_in.recv()
        assert second.step == 25
        assert second.X_train is None  # the same points: not sent again
        commands_out.send(("shutdown",))
        process.join(5)
        assert process.exitcode == 0
        with pytest.raises(EOFError):
            snapshots_in.recv()
    finally:
        if process.is_alive():
            process.kill()


def test_serve_ends_when_the_window_is_gone():
    process, commands_out, snapshots_in = start_engine_process()
    commands_out.close()  # the GUI process died: its end of the pipe closes
    process.join(10)
    assert process.exitcode == 0


def test_engine_process_gets_one_blas_thread_and_ours_is_left_alone(monkeypatch):
    import os

    from xorlab.app.trainloop import one_blas_thread

    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    monkeypatch.setenv("MKL_NUM_THREADS", "4")  # the user's own choice is kept
    with one_blas_thread():
        assert os.environ["OMP_NUM_THREADS"] == "1"
        assert os.environ["MKL_NUM_THREADS"] == "4"
    assert "OMP_NUM_THREADS" not in os.environ
    assert os.environ["MKL_NUM_THREADS"] == "4"
