"""Lessons 10 and 11 (issue 19): softmax on three classes, and the next lecture on the
digits. Their goals are trained for here, as a student would reach them, and the goal rules
("goals", "when", "before_steps", "min_test_accuracy") are checked against snapshots."""

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel

from xorlab.engine import Network, Trainer
from xorlab.lab.lessons import (
    Goal,
    LessonError,
    LessonFacts,
    lessons_folder,
    load_lessons,
    parse_lesson,
)

FACTS = LessonFacts()


def lesson(lesson_id):
    lessons, problems = load_lessons(lessons_folder())
    assert not problems
    return next(x for x in lessons if x.id == lesson_id)


def train(session, steps, eval_every=0):
    """Train a session as the window does; the snapshot-like record a goal reads."""
    data = session.dataset()
    net = Network.from_spec(session.network_spec(), data=data.X_train)
    trainer = Trainer(net, data, replace(session.train_config(), eval_every=eval_every))
    trainer.run(steps)
    return snapshot_of(trainer)


def snapshot_of(trainer):
    m = trainer.evaluate()
    steps, values = trainer.eval_history.steps, trainer.eval_history.values
    return SimpleNamespace(generation=0, spec=trainer.net.spec, config=trainer.config,
                           step=trainer.step, train_loss=m.train_loss, test_loss=m.test_loss,
                           train_accuracy=m.train_accuracy, test_accuracy=m.test_accuracy,
                           eval_steps=np.asarray(steps), eval_values=np.asarray(values),
                           twin=None)


def with_hidden(session, hidden, init=None, **training):
    return replace(session, hidden=tuple(hidden), init=init or session.init,
                   training=replace(session.training, **training))


def test_the_softmax_lesson_reaches_its_goal():
    ten = lesson("softmax-three-classes")
    assert ten.session.classes == 3 and ten.session.network_spec()["layers"][-1] == {
        "units": 3, "activation": "softmax"}
    snap = train(ten.session, 2000)
    assert ten.goal.reached(snap, FACTS)


def test_the_digits_lesson_goals_hold_as_its_text_says():
    """1. ten sigmoid layers stay at chance, their first/last gradient ratio tiny; 2. ReLU
    with He learns (and the sigmoid run does not count for it); 3. Adam gets to 80 % within
    200 steps, SGD does not; 4. dropout 0.5 keeps the loss gap small at 95 %+, without
    dropout the gap is larger than the goal allows."""
    eleven = lesson("digits-next-lecture")
    fails, learns, fast, gap = eleven.goals
    start = eleven.session
    assert start.classes == 10 and start.image == (8, 8) and len(start.hidden) == 10

    sigmoid = train(start, 1000)
    assert fails.reached(sigmoid, FACTS) and not learns.reached(sigmoid, FACTS)
    data = start.dataset()
    net = Network.from_spec(start.network_spec(), data=data.X_train)
    trainer = Trainer(net, data, start.train_config())
    trainer.run(1)
    norms = trainer.last_grad_norms
    assert norms[0] / norms[-1] < 1e-3  # why: the gradient vanished on its way down

    relu = with_hidden(start, [{"units": 32, "activation": "relu"}] * 10, "msra")
    relu_run = train(relu, 1500)
    assert learns.reached(relu_run, FACTS) and not fails.reached(relu_run, FACTS)

    adam = with_hidden(relu, relu.hidden, optimizer="adam", lr=0.01)
    assert fast.reached(train(adam, 200, eval_every=20), FACTS)
    assert not fast.reached(train(relu, 200, eval_every=20), FACTS)  # SGD: slower

    wide = [{"units": 64, "activation": "relu"}] * 2
    dropout = with_hidden(adam, wide, dropout=(0.5, 0.5))
    assert gap.reached(train(dropout, 6000), FACTS)
    plain = train(with_hidden(adam, wide), 6000)
    assert plain.test_loss - plain.train_loss > gap.value  # the gap dropout narrows
    assert not gap.reached(plain, FACTS)  # (and without dropout it does not count)


def record(**changes):
    base = dict(generation=0, spec={"layers": [{"units": 4, "activation": "relu"},
                                               {"units": 1, "activation": "sigmoid"}],
                                    "init": "msra"},
                config=SimpleNamespace(optimizer="adam", dropout=(0.5,)), step=300,
                train_loss=0.1, test_loss=0.2, train_accuracy=0.95, test_accuracy=0.9,
                eval_steps=np.array([100, 200, 300]),
                eval_values=np.array([[0.5, 0.6, 0.6, 0.5], [0.3, 0.85, 0.4, 0.82],
                                      [0.1, 0.95, 0.2, 0.9]]), twin=None)
    return SimpleNamespace(**{**base, **changes})


def test_when_before_steps_and_min_test_accuracy():
    assert Goal("test_accuracy_at_least", 0.8, when={"activation": ["relu", "elu"]}).reached(
        record(), FACTS)
    assert not Goal("test_accuracy_at_least", 0.8, when={"activation": "tanh"}).reached(
        record(), FACTS)
    assert not Goal("test_accuracy_at_least", 0.8, when={"optimizer": "sgd"}).reached(
        record(), FACTS)
    assert not Goal("test_accuracy_at_least", 0.8, when={"min_hidden": 2}).reached(
        record(), FACTS)
    assert not Goal("test_accuracy_at_least", 0.8, when={"dropout_at_least": 0.6}).reached(
        record(), FACTS)
    assert Goal("test_accuracy_at_least", 0.8, before_steps=200).reached(record(), FACTS)
    assert not Goal("test_accuracy_at_least", 0.85, before_steps=200).reached(record(), FACTS)
    assert Goal("loss_gap_at_most", 0.1, min_test_accuracy=0.9).reached(record(), FACTS)
    assert not Goal("loss_gap_at_most", 0.1, min_test_accuracy=0.95).reached(record(), FACTS)
    assert not Goal("loss_gap_at_most", 0.05).reached(record(), FACTS)
    no_test = record(test_accuracy=None, test_loss=None)  # no test points: the training
    assert Goal("test_accuracy_at_least", 0.9).reached(no_test, FACTS)


@pytest.mark.parametrize("bad", [
    '"goal": {"kind": "accuracy_at_least"}, "goals": []',
    '"goals": {"kind": "accuracy_at_least"}',
    '"goal": {"kind": "accuracy_at_least", "when": {"colour": "red"}}',
    '"goal": {"kind": "accuracy_at_least", "when": {"min_hidden": "many"}}',
    '"goal": {"kind": "accuracy_at_least", "before_steps": -1}',
    '"goal": {"kind": "accuracy_at_least", "min_test_accuracy": "high"}',
])
def test_bad_goals_are_refused(bad):
    with pytest.raises(LessonError):
        parse_lesson('{"id": "x", "title": {"en": "x"}, "text": {"en": "x"}, ' + bad + '}')


def test_the_panel_ticks_several_goals_one_by_one(qtbot):
    from xorlab.app.lesson_panel import LessonPanel
    panel = LessonPanel()
    qtbot.addWidget(panel)
    two = parse_lesson('{"id": "two", "title": {"en": "t"}, "text": {"en": "t"}, "goals": ['
                       '{"kind": "zoo_open", "text": {"en": "a"}},'
                       '{"kind": "sweep_done", "text": {"en": "b"}}]}')
    panel.open_lesson(panel.lessons[panel.add_lesson(two)].id)
    label = panel.findChild(QLabel, "lessonGoalLabel")
    assert [line[0] for line in label.text().splitlines()] == ["○", "○"]
    assert not panel.check(None, LessonFacts(zoo_open=True))
    assert [line[0] for line in label.text().splitlines()] == ["✓", "○"]
    assert panel.check(None, LessonFacts(sweeps_done=1))  # the first stays ticked
    assert [line[0] for line in label.text().splitlines()] == ["✓", "✓"]
