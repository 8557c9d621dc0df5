"""The lecture as lessons (no Qt here): each lesson is a JSON file under resources/lessons/.

    {"id": "xor-one-neuron", "order": 1,
     "title": {"en": "...", "ko": "..."}, "text": {"en": "...", "ko": "..."},
     "session": {...},            a Session dict (Session.to_dict) or null: keep the current
     "view": "training",          the tab it opens: training, backprop, zoo or sweep
     "preset": "lecture",         the Backprop tab's preset (with view "backprop")
     "hide": ["compareButton"],   controls hidden while the lesson is open (object names)
     "lock": ["featuresBox"],     controls shown but disabled while it is open (same names)
     "goal": {"kind": "accuracy_at_most", "value": 0.75, "after_steps": 2000,
              "text": {"en": "...", "ko": "..."}}}

A lesson may have several goals instead, each ticked on its own: "goals": [{...}, {...}].
A goal may also say what network and training must reach it ("when": every hidden layer's
activation, the init, the optimizer, at least so many hidden layers, every hidden layer's
dropout rate at least ...: WHEN) and by which step at the latest ("before_steps": read from
the run's evaluations, so a fast run cannot step past it unseen). Kinds on the accuracy or
loss: the training accuracy at least / at most, the test accuracy at least (the training
accuracy where there are no test points), and the test loss minus the training loss at most
(the gap that dropout narrows), each optionally only while the test accuracy is at least
"min_test_accuracy" (a run that learnt nothing has no gap either).

A file that does not parse, or names an unknown control, view or goal, is reported with its
name (and line); the other lessons still load. Goals are checked on each snapshot and on what
the window tells (LessonFacts), and shown as a tick when reached.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..engine.errors import XorlabError
from ..engine.spec import is_finite_number
from ..engine.textfile import TextFileError, json_int, read_text
from ..resources_path import resource_path
from .chain_rule import PRESETS
from .session import Session, SessionError

VIEWS = ("training", "backprop", "zoo", "sweep")
# controls a lesson may hide: the window's object names (a test checks they exist)
CONTROLS = ("compareButton", "compareSettingCombo", "compareValueCombo", "speedCombo",
            "historySlider", "gradientModeCombo", "datasetCombo", "addLayerButton",
            "removeLayerButton", "setAllCombo", "initCombo", "optimizerCombo", "lossCombo",
            "regularizationCombo", "strengthCombo", "graphExpressionEdit", "graphPresetCombo",
            "featuresBox", "classesSpin", "drawClassCombo")
# goal kind -> what it needs, and how it is checked (see Goal.reached)
GOALS = ("accuracy_at_least", "accuracy_at_most", "test_accuracy_at_least", "loss_gap_at_most",
         "first_last_gap", "backprop_gradient", "sigmoid_check", "backprop_update", "zoo_open",
         "sweep_done")
ON_RECORDS = GOALS[:4]  # kinds read from the run's loss and accuracy records
# a goal's "when": what the network and training of the snapshot must be
WHEN = ("activation", "init", "optimizer", "min_hidden", "dropout_at_least")
MAX_LESSON_BYTES = 4 * 1024 * 1024  # a session of 10,000 points is about 1 MB


class LessonError(XorlabError):
    """A lesson file that cannot be used; the message names the file (and line)."""


def lessons_folder():
    """The folder of the lecture's lessons (resources/lessons)."""
    return resource_path("lessons/01-xor-one-neuron.json").parent


@dataclass(frozen=True)
class LessonFacts:
    """What the window tells a lesson's goal besides the snapshot, counted from when the
    lesson opened."""

    generation: int = 0  # the first network the lesson built: older snapshots prove nothing
    backprop_gradients: dict = field(default_factory=dict)  # {name: value} shown (Backprop)
    sigmoid_checked: bool = False  # the Backprop tab's numerical check was run
    backprop_updates: int = 0  # gradient-descent updates made in the Backprop tab
    zoo_open: bool = False  # the Activation zoo is the tab shown
    sweeps_done: int = 0  # complete init × activation sweeps


@dataclass(frozen=True)
class Goal:
    kind: str
    value: float = 0.0
    after_steps: int = 0
    text: dict = field(default_factory=dict)
    before_steps: int = 0  # reached by this step at the latest (0: at any step)
    when: dict = field(default_factory=dict)  # WHEN: the network and training it needs
    min_test_accuracy: float = 0.0  # and the test accuracy at least this (a run that learnt)

    def reached(self, snap, facts: LessonFacts):
        """True when the goal is met by this snapshot and what the window reports."""
        k = self.kind
        if snap is not None and snap.generation < facts.generation:
            snap = None  # a snapshot of the network before the lesson: it proves nothing
        if k in ON_RECORDS:
            if snap is None or not self.fits(snap):
                return False
            return any(self._meets(*record) for record in self._records(snap))
        if k == "first_last_gap":  # compare mode: decades between the two runs' ratios
            if snap is None or snap.twin is None or snap.step < self.after_steps:
                return False
            first, second = (_ratio(snap), _ratio(snap.twin))
            return first is not None and second is not None and second / first >= self.value
        if k == "backprop_gradient":  # e.g. ∂f/∂w shown: {"value": 5}, name in text["name"]
            return facts.backprop_gradients.get(self.text.get("name", "w")) == self.value
        if k == "sigmoid_check":
            return facts.sigmoid_checked
        if k == "backprop_update":
            return facts.backprop_updates >= max(1, int(self.value))
        if k == "zoo_open":
            return facts.zoo_open
        if k == "sweep_done":
            return facts.sweeps_done >= 1
        return False

    def fits(self, snap):
        """Is the snapshot's network and training the one the goal asks for ("when")?"""
        hidden = (snap.spec or {}).get("layers", [None])[:-1]
        config = snap.config
        for key, want in self.when.items():
            allowed = (want,) if isinstance(want, str) else tuple(want) \
                if isinstance(want, list) else ()
            if key == "activation" and not (hidden and all(
                    layer["activation"] in allowed for layer in hidden)):
                return False
            if key == "init" and (snap.spec or {}).get("init") not in allowed:
                return False
            if key == "optimizer" and getattr(config, "optimizer", None) not in allowed:
                return False
            if key == "min_hidden" and len(hidden) < want:
                return False
            if key == "dropout_at_least":
                rates = tuple(getattr(config, "dropout", ()) or ())
                if not hidden or any((rates[i] if i < len(rates) else 0.0) < want
                                     for i in range(len(hidden))):
                    return False
        return True

    def _records(self, snap):
        """(train loss, train accuracy, test loss, test accuracy) to judge: the snapshot's
        own once past after_steps; with before_steps, every evaluation from after_steps to
        before_steps (the run's history)."""
        if not self.before_steps:
            if snap.step < self.after_steps:
                return []
            return [(snap.train_loss, snap.train_accuracy, snap.test_loss, snap.test_accuracy)]
        steps = snap.eval_steps
        keep = (steps >= self.after_steps) & (steps <= self.before_steps)
        return [tuple(row) for row in snap.eval_values[keep]]

    def _meets(self, train_loss, train_accuracy, test_loss, test_accuracy):
        if self.min_test_accuracy and not (_known(test_accuracy)
                                           and test_accuracy >= self.min_test_accuracy):
            return False
        k, v = self.kind, self.value
        if k == "test_accuracy_at_least" and not _known(test_accuracy):
            k, test_accuracy = "accuracy_at_least", None  # no test points: the training
        if k == "accuracy_at_least":
            return _known(train_accuracy) and train_accuracy >= v
        if k == "accuracy_at_most":
            return _known(train_accuracy) and train_accuracy <= v
        if k == "test_accuracy_at_least":
            return test_accuracy >= v
        return _known(train_loss) and _known(test_loss) and test_loss - train_loss <= v


def _known(value):
    return value is not None and value == value  # not None, not NaN


def _ratio(run):
    norms = run.step_grad_norms[-1] if len(run.step_steps) else run.grad_norms
    if len(norms) < 2 or norms[-1] <= 0:
        return None
    return float(norms[0] / norms[-1]) or 1e-300


@dataclass(frozen=True)
class Lesson:
    id: str
    order: int
    title: dict
    text: dict
    session: Session | None
    view: str
    preset: str | None
    hide: tuple
    goals: tuple  # of Goal: none, one, or several ticked one by one
    path: str = ""
    lock: tuple = ()

    @property
    def goal(self):
        """The first goal (None: the lesson has none)."""
        return self.goals[0] if self.goals else None

    def title_in(self, language):
        return self.title.get(language) or self.title.get("en", self.id)

    def text_in(self, language):
        return self.text.get(language) or self.text.get("en", "")

    def goal_text_in(self, language, index=0):
        if index >= len(self.goals):
            return ""
        text = self.goals[index].text
        return text.get(language) or text.get("en", "")


def parse_lesson(text, path="lesson"):
    """A Lesson from a file's text (LessonError naming the file, and the line of a JSON
    error)."""
    try:
        d = json.loads(text, parse_int=json_int)
    except json.JSONDecodeError as e:
        raise LessonError("{path}:{line}: not valid JSON: {reason}", path=path, line=e.lineno,
                          reason=e.msg) from None
    except (RecursionError, ValueError) as e:
        raise LessonError("{path}: not valid JSON: {reason}", path=path, reason=e) from None
    if not isinstance(d, dict):
        raise LessonError("{path}: a lesson is an object", path=path)

    def need(ok, problem):
        if not ok:
            raise LessonError("{path}: {problem}", path=path, problem=problem)

    need(isinstance(d.get("id"), str) and d["id"], LessonError("id must be a name"))
    need(_whole(d.get("order", 0)), LessonError("order must be a whole number"))
    for key in ("title", "text"):
        need(_texts(d.get(key)) and "en" in d[key],
             LessonError('{key} must be an object of texts with at least an English one, {{"en": '
                         '...}}', key=key))
    view = d.get("view", "training")
    need(view in VIEWS, LessonError("unknown view {view!r}; allowed: {allowed}", view=view,
                                    allowed=', '.join(VIEWS)))
    hide, lock = d.get("hide", []), d.get("lock", [])
    for key, names in (("hide", hide), ("lock", lock)):
        need(isinstance(names, list), LessonError("{key} must be a list of control names",
                                                  key=key))
        unknown = [c for c in names if c not in CONTROLS]
        need(not unknown, LessonError("{key}: unknown control(s) {unknown}; allowed: {allowed}",
                                      key=key, unknown=unknown, allowed=', '.join(CONTROLS)))
    session = None
    if d.get("session") is not None:
        try:
            session = Session.from_dict(d["session"])
        except SessionError as e:
            raise LessonError("{path}: session: {reason}", path=path, reason=e) from None
    need(d.get("goal") is None or d.get("goals") is None,
         LessonError('a lesson has "goal" (one) or "goals" (a list), not both'))
    goals = d.get("goals") if d.get("goals") is not None else (
        [] if d.get("goal") is None else [d["goal"]])
    need(isinstance(goals, list), LessonError('"goals" must be a list of goals'))
    goals = tuple(_goal(g, need) for g in goals)
    preset = d.get("preset")
    names = [p.key for p in PRESETS]
    need(preset is None or preset in names, LessonError("unknown preset {preset!r}; allowed: "
                                                        "{allowed}", preset=preset,
                                                        allowed=', '.join(names)))
    return Lesson(d["id"], d.get("order", 0), dict(d["title"]), dict(d["text"]), session,
                  view, preset, tuple(hide), goals, str(path), tuple(lock))


def _goal(g, need):
    """A Goal from its dict; need(ok, problem) raises the lesson's error."""
    need(isinstance(g, dict) and g.get("kind") in GOALS,
         LessonError("goal kind must be one of {allowed}", allowed=', '.join(GOALS)))
    for key in ("value", "min_test_accuracy"):
        need(is_finite_number(g.get(key, 0)),
             LessonError("goal {key} must be a finite number", key=key))
    for key in ("after_steps", "before_steps"):
        need(_whole(g.get(key, 0)) and g.get(key, 0) >= 0,
             LessonError("goal {key} must be a whole number >= 0", key=key))
    need(_texts(g.get("text", {})), LessonError("goal text must be an object of texts"))
    when = g.get("when", {})
    need(isinstance(when, dict) and all(k in WHEN for k in when),
         LessonError('goal "when" must be an object of {allowed}', allowed=', '.join(WHEN)))
    for key, want in when.items():
        if key in ("min_hidden", "dropout_at_least"):
            need(is_finite_number(want), LessonError('goal "when": {key} must be a number',
                                                     key=key))
        else:
            need(isinstance(want, str) or (isinstance(want, list) and want and all(
                isinstance(w, str) for w in want)),
                LessonError('goal "when": {key} must be a name or a list of names', key=key))
    return Goal(g["kind"], float(g.get("value", 0)), g.get("after_steps", 0),
                dict(g.get("text", {})), g.get("before_steps", 0), dict(when),
                float(g.get("min_test_accuracy", 0)))


def _whole(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _texts(d):
    """An object of language -> text."""
    return isinstance(d, dict) and all(isinstance(k, str) and isinstance(v, str)
                                       for k, v in d.items())


def read_lesson(path):
    """The Lesson in a file of its own (a teacher's, made with File → Save as lesson);
    LessonError naming the file when it cannot be used."""
    try:
        return parse_lesson(read_text(path, MAX_LESSON_BYTES), Path(path).name)
    except TextFileError as e:
        raise LessonError(e.template, **e.params) from None


def load_lessons(folder):
    """(lessons in order, problems): every *.json in the folder; a bad file is a problem
    (its LessonError or TextFileError), not the end of the others."""
    lessons, problems = [], []
    for path in sorted(Path(folder).glob("*.json")):
        try:
            lessons.append(parse_lesson(read_text(path, MAX_LESSON_BYTES), path.name))
        except (LessonError, TextFileError) as e:
            problems.append(e)
    ids = [lesson.id for lesson in lessons]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(LessonError("two lessons have the id {id!r}", id=dup))
    return sorted(lessons, key=lambda lesson: (lesson.order, lesson.id)), problems


def lesson_from_session(session, lesson_id, title, view="training"):
    """A lesson file's dict for the current session (File → Save as lesson…): the teacher
    writes its text and goal."""
    return {"id": lesson_id, "order": 100, "title": {"en": title, "ko": title},
            "text": {"en": "", "ko": ""}, "session": session.to_dict(), "view": view,
            "hide": [], "goal": None}
