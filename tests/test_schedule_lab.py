"""Dropout, the learning-rate schedule and the stop conditions through the lab layer: the
session, the training loop and its snapshots, run files and lessons."""

import json

import numpy as np
import pytest

from xorlab.engine import TrainConfig
from xorlab.lab import Session
from xorlab.lab.compare import Compare
from xorlab.lab.protocol import Play, Rebuild, SetCompare, SetHyper, Step
from xorlab.lab.runfile import read_run, run_of_trainer, write_run
from xorlab.lab.session import SessionError
from xorlab.lab.trainloop import TrainingLoop


def session(hidden=(8,), data=None, **training):
    data = data or {"name": "xor-quadrants", "n": 200, "noise": 0.0, "test_fraction": 0.2,
                    "seed": 0}
    return Session(hidden=tuple({"units": u, "activation": "tanh"} for u in hidden),
                   data=data, training=TrainConfig(**{"lr": 0.5, "batch_size": None,
                                                      "eval_every": 0, **training}))


def played(s, advances=2000):
    loop = TrainingLoop()
    loop.handle(Rebuild(s, 1))
    loop.handle(Play())
    for _ in range(advances):
        loop.advance()
        if not loop.running:
            break
    return loop, loop.publish()


@pytest.mark.parametrize("stops, code", [
    ({"stop_accuracy": 0.9}, "stopped_test_accuracy"),
    ({"stop_plateau": 30, "stop_min_delta": 0.5}, "stopped_plateau"),
    ({"stop_steps": 77}, "stopped_steps"),
])
def test_each_stop_condition_pauses_the_loop_and_says_why(stops, code):
    loop, snap = played(session(**stops))
    assert not snap.running and snap.problem.code == code
    assert snap.stopped_because == {"stopped_test_accuracy": "accuracy",
                                    "stopped_plateau": "plateau",
                                    "stopped_steps": "steps"}[code]
    assert snap.problem.params["step"] == snap.step
    if code == "stopped_steps":
        assert snap.step == 77
    # Play trains on past the condition that fired, and the message goes
    loop.handle(Play())
    loop.advance()
    assert loop.running and loop.trainer.step > snap.step
    assert loop.publish().problem is None


@pytest.mark.parametrize("data", [
    {"name": "xor", "n": 4, "noise": 0.0, "test_fraction": 0.0, "seed": 0},  # train = test
    {"name": "xor-quadrants", "n": 100, "noise": 0.0, "test_fraction": 0.0, "seed": 0}])
def test_accuracy_stop_without_test_points_says_training_accuracy(data):
    _, snap = played(session(hidden=(4,), data=data, stop_accuracy=0.95, lr=2.0))
    assert snap.problem.code == "stopped_train_accuracy"
    assert snap.problem.params["accuracy"] >= 0.95


def test_a_step_command_stops_early_too():
    loop = TrainingLoop()
    loop.handle(Rebuild(session(stop_steps=5), 1))
    loop.handle(Step(50))
    while loop.pending_steps:
        loop.advance()
    assert loop.trainer.step == 5 and loop.publish().problem.code == "stopped_steps"


def test_the_compare_run_keeps_step_with_a_stopped_first_run():
    s = session(stop_steps=40)
    loop = TrainingLoop()
    loop.handle(Rebuild(s, 1))
    loop.handle(SetCompare(Compare("activation", "relu", on=True)))
    loop.handle(Play())
    for _ in range(500):
        loop.advance()
        if not loop.running:
            break
    assert loop.trainer.step == loop.twin.step == 40
    assert loop.twin.config.stop_steps is None


def test_snapshot_carries_the_dropped_units_and_the_scheduled_lr():
    s = session(hidden=(8, 4), dropout=(0.5, 0.25), lr_schedule="step", lr_factor=0.5,
                lr_every=10)
    loop = TrainingLoop()
    loop.handle(Rebuild(s, 1))
    loop.handle(Step(25))
    while loop.pending_steps:
        loop.advance()
    snap = loop.publish()
    assert [d.shape for d in snap.dropped] == [(8,), (4,)]
    assert snap.dropped[0].dtype == bool and not snap.dropped[0].flags.writeable
    assert snap.lr == pytest.approx(0.5 * 0.25)
    # dropout off in place: same network, same step, no dropped units shown
    loop.handle(SetHyper({"dropout": ()}))
    snap2 = loop.publish()
    assert snap2.dropped == () and snap2.step == snap.step
    assert np.array_equal(snap2.weights[0], snap.weights[0])


def test_dropout_is_a_hyper_parameter_of_the_session():
    s = session(hidden=(8, 4))
    d = s.with_dropout(1, 0.3)
    assert d.training.dropout == (0.0, 0.3) and d.dropout_of(1) == 0.3
    assert d.structure() == s.structure() and d.hyper() != s.hyper()
    assert d.with_dropout(1, 0.0).training.dropout == ()  # "none" is always ()
    # removing a layer drops its rate; moving keeps each with its layer when given
    assert d.with_hidden(d.hidden[:1]).training.dropout == ()
    swapped = d.with_hidden(d.hidden[::-1], dropout=(0.3, 0.0))
    assert swapped.dropout_of(0) == 0.3
    # a compare run with fewer layers gets the rates of its layers only
    assert replace_hidden(d, 1).train_config().dropout == ()


def replace_hidden(s, n):
    from dataclasses import replace
    return replace(s, hidden=s.hidden[:n])


def test_session_round_trip_and_older_session_dicts():
    s = session(hidden=(8, 4), dropout=(0.2, 0.1), lr_schedule="exp", lr_factor=0.3,
                lr_every=200, stop_accuracy=0.95, stop_plateau=500, stop_steps=9000)
    again = Session.from_dict(json.loads(json.dumps(s.to_dict())))
    assert again.training == s.training
    old = s.to_dict()
    for key in ("dropout", "lr_schedule", "lr_factor", "lr_every", "stop_accuracy",
                "stop_plateau", "stop_min_delta", "stop_steps"):
        del old["training"][key]
    t = Session.from_dict(old).training
    assert t.dropout == () and t.lr_schedule == "none" and t.stop_steps is None


@pytest.mark.parametrize("change", [{"dropout": [0.1, 0.1, 0.1]}, {"dropout": [1.2]},
                                    {"lr_schedule": "cosine"}, {"stop_accuracy": 2}])
def test_bad_session_settings_are_refused(change):
    d = session(hidden=(8, 4)).to_dict()
    d["training"].update(change)
    with pytest.raises(SessionError):
        Session.from_dict(d)


def test_run_file_keeps_dropout_schedule_and_stops(tmp_path):
    s = session(hidden=(8, 4), dropout=(0.2,), lr_schedule="step", stop_steps=30)
    loop = TrainingLoop()
    loop.handle(Rebuild(s, 1))
    loop.handle(Step(10))
    while loop.pending_steps:
        loop.advance()
    path = tmp_path / "run.xorlab"
    assert write_run(path, run_of_trainer(loop.trainer, s)) is None
    again, _, run = read_run(path, Session())
    assert again.training == s.training and run.step == 10
    # the engine-only part (an older reader's "train") keeps them too
    doc = json.loads(path.read_text())
    assert doc["train"]["dropout"] == [0.2] and doc["train"]["stop_steps"] == 30
    # a file of an older xorlab: no such settings at all
    for part in (doc["train"], doc["session"]["training"]):
        for key in ("dropout", "lr_schedule", "lr_factor", "lr_every", "stop_accuracy",
                    "stop_plateau", "stop_min_delta", "stop_steps"):
            del part[key]
    path.write_text(json.dumps(doc))
    old, _, _ = read_run(path, Session())
    assert old.training.dropout == () and old.training.stop_steps is None


def test_a_lesson_file_can_set_dropout_schedule_and_stops(tmp_path):
    from xorlab.lab.lessons import read_lesson
    s = session(hidden=(8,), dropout=(0.3,), lr_schedule="exp", stop_accuracy=0.9)
    lesson = {"id": "dropout-try", "order": 50, "title": {"en": "t", "ko": "t"},
              "text": {"en": "x", "ko": "x"}, "session": s.to_dict(), "view": "training"}
    path = tmp_path / "lesson.json"
    path.write_text(json.dumps(lesson))
    got = read_lesson(path).session
    assert got.training.dropout == (0.3,) and got.training.stop_accuracy == 0.9
    assert got.training.lr_schedule == "exp"
