"""The lessons: data files that load (a bad one is named), a panel that opens them, and a
goal in each that a student reaches by doing what its text says (driven here)."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidget, QPushButton, QTextBrowser, QWidget

from xorlab.cli import main
from xorlab.lab.lessons import CONTROLS, LessonError, lessons_folder, load_lessons, parse_lesson

TIMEOUT = 60_000
FOLDER = lessons_folder()


def test_the_lessons_load_in_the_lectures_order():
    lessons, problems = load_lessons(FOLDER)
    assert problems == []
    assert [x.id for x in lessons] == ["xor-one-neuron", "one-neuron-better-input",
                                       "xor-hidden-layer",
                                       "backprop-chain-rule", "sigmoid-graph",
                                       "gradient-descent", "vanishing-gradient", "relu-family",
                                       "init-matters", "softmax-three-classes",
                                       "digits-next-lecture"]
    assert all(x.title_in("ko") != x.title_in("en") and x.text_in("ko") for x in lessons)


def test_a_bad_lesson_file_is_named_and_the_others_still_load(tmp_path):
    for path in sorted(FOLDER.glob("*.json"))[:2]:
        (tmp_path / path.name).write_text(path.read_text())
    (tmp_path / "50-broken.json").write_text('{"id": "x",\n "title": \n')
    doc = json.loads((FOLDER / "01-xor-one-neuron.json").read_text())
    doc["id"], doc["hide"] = "unknown-control", ["noSuchButton"]
    (tmp_path / "51-control.json").write_text(json.dumps(doc))
    lessons, problems = load_lessons(tmp_path)
    assert len(lessons) == 2 and len(problems) == 2
    assert str(problems[0]).startswith("50-broken.json:3:")  # the file and the line
    assert "51-control.json" in str(problems[1]) and "noSuchButton" in str(problems[1])
    with pytest.raises(LessonError, match="unknown view"):
        parse_lesson(json.dumps({**doc, "hide": [], "view": "nowhere"}))


def test_every_control_a_lesson_may_hide_exists(app_window):
    for name in CONTROLS:
        assert app_window.findChild(QWidget, name) is not None, name


def test_xorlab_lessons_lists_them(capsys):
    assert main(["lessons"]) == 0
    out = capsys.readouterr().out
    assert "xor-one-neuron" in out and "기울기 소실" in out


def test_xorlab_app_lesson_checks_its_lesson_file(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    for lesson in (str(bad), str(tmp_path / "missing.json"), "no-such-lesson"):
        assert main(["app", "--lesson", lesson]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err
        assert lesson.rsplit("/", 1)[-1] in err


def open_lesson(qtbot, w, lesson_id):
    assert w.open_lesson(lesson_id)
    panel = w.lessons
    assert panel.current.id == lesson_id and w.lesson_dock.isVisible()
    return panel


def ticked(w):
    return w.findChild(QLabel, "lessonGoalLabel").text().startswith("✓")


def test_an_earlier_run_does_not_tick_a_lesson(qtbot, app_window):
    w = app_window
    w.controller.step(3000)  # the default network: 100 % on xor-quadrants' training set
    qtbot.waitUntil(lambda: w.controller.latest.step == 3000, timeout=TIMEOUT)
    open_lesson(qtbot, w, "xor-hidden-layer")
    w.lesson_mode.check()  # the snapshot shown is still the old network's
    assert not ticked(w)


def test_a_lesson_asks_before_it_drops_an_unsaved_run(qtbot, app_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    w = app_window
    w.ask_to_save = True
    w.controller.step(30)
    qtbot.waitUntil(lambda: w.controller.latest.step == 30, timeout=TIMEOUT)
    before = w.session()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Cancel)
    w.open_lesson("xor-one-neuron")
    assert w.session() is before and w.lessons.current is None
    w.ask_to_save = False


def test_closing_the_lessons_brings_hidden_controls_back(qtbot, app_window):
    w = app_window
    open_lesson(qtbot, w, "xor-one-neuron")
    assert w.findChild(QPushButton, "compareButton").isHidden()
    w.lesson_dock.close()
    assert not w.findChild(QPushButton, "compareButton").isHidden()
    assert not w.lesson_mode.timer.isActive()


@pytest.mark.parametrize("change,message", [
    ({"preset": "nope"}, "unknown preset"),
    ({"title": {"en": "t", "ko": 5}}, "title must be an object of texts"),
    ({"order": True}, "order must be a whole number"),
    ({"goal": {"kind": "zoo_open", "value": float("nan")}}, "finite number"),
    ({"goal": {"kind": "zoo_open", "after_steps": -1}}, "after_steps"),
])
def test_a_bad_field_is_named(change, message):
    doc = json.loads((FOLDER / "04-backprop-chain-rule.json").read_text())
    doc.update(change)
    with pytest.raises(LessonError, match=message):
        parse_lesson(json.dumps(doc), "bad.json")


def test_lesson_1_one_neuron_stays_at_75_percent(qtbot, app_window):
    w = app_window
    open_lesson(qtbot, w, "xor-one-neuron")
    assert not w.findChild(QPushButton, "compareButton").isVisible()  # hidden here
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes == (2, 1), timeout=TIMEOUT)
    assert not ticked(w)
    qtbot.keyClick(w, Qt.Key_Space)  # "Press Play (Space)"
    qtbot.waitUntil(lambda: ticked(w), timeout=TIMEOUT)
    assert w.controller.latest.step >= 2000 and w.controller.latest.train_accuracy <= 0.75
    w.findChild(QPushButton, "lessonNextButton").click()  # the next lesson
    assert w.lessons.current.id == "one-neuron-better-input"


def test_lesson_2_one_neuron_solves_xor_with_x1x2(qtbot, app_window):
    w = app_window
    open_lesson(qtbot, w, "one-neuron-better-input")
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes == (2, 1), timeout=TIMEOUT)
    box = w.findChild(QCheckBox, "featureCheck_x1x2")
    assert box.isVisible() and box.isEnabled() and not box.isChecked()
    qtbot.mouseClick(box, Qt.LeftButton)  # "under Inputs, tick x₁x₂"
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes == (3, 1), timeout=TIMEOUT)
    assert w.session().features == ("x1", "x2", "x1x2") and not ticked(w)
    qtbot.keyClick(w, Qt.Key_Space)  # "Press Play (Space)"
    qtbot.waitUntil(lambda: ticked(w), timeout=TIMEOUT)
    snap = w.controller.latest
    assert snap.train_accuracy == 1.0 and snap.spec["features"] == ["x1", "x2", "x1x2"]
    # "Then untick x₁x₂ again: one straight line, and at most 75 % once more"
    qtbot.mouseClick(box, Qt.LeftButton)
    qtbot.waitUntil(lambda: w.controller.latest.layer_sizes == (2, 1), timeout=TIMEOUT)
    if not w.controller.latest.running:
        qtbot.keyClick(w, Qt.Key_Space)
    seen = []

    def trained_2000():
        snap = w.controller.latest
        if snap.layer_sizes == (2, 1) and snap.train_accuracy is not None:
            seen.append(snap.train_accuracy)
        return snap.layer_sizes == (2, 1) and snap.step >= 2000

    qtbot.waitUntil(trained_2000, timeout=TIMEOUT)
    assert seen and max(seen) <= 0.75
    w.findChild(QPushButton, "lessonNextButton").click()  # the next lesson
    assert w.lessons.current.id == "xor-hidden-layer"
    assert w.findChild(QPushButton, "compareButton").isHidden()  # hidden here as well
    w.controller.play()
    qtbot.waitUntil(lambda: ticked(w), timeout=TIMEOUT)
    assert w.controller.latest.train_accuracy == 1.0


def test_lessons_4_to_6_backprop(qtbot, app_window):
    w = app_window
    open_lesson(qtbot, w, "backprop-chain-rule")
    view = w.backprop
    assert w.tabs.currentWidget() is view
    view.forward()
    view.forward()  # "Press Forward twice"
    while not ticked(w) and view.chain.done < len(view.chain.steps):
        view.backward()  # "then Backward, step by step"
        w.lesson_mode.check()  # (what the lesson timer does every 200 ms)
    assert ticked(w) and view.known_gradients()["w"] == 5
    open_lesson(qtbot, w, "sigmoid-graph")
    w.lesson_mode.check()
    assert not ticked(w)
    view.chain.run_all()  # "Press Run all" (without the animation's wait)
    view._show(view.chain)
    w.lesson_mode.check()
    assert ticked(w)
    open_lesson(qtbot, w, "gradient-descent")
    w.lesson_mode.check()
    assert not ticked(w)
    qtbot.mouseClick(view.findChild(QPushButton, "graphUpdateButton"), Qt.LeftButton)
    w.lesson_mode.check()
    assert ticked(w) and view.chain.values()["w"] == pytest.approx(-2.5)


def test_lesson_7_the_vanishing_gradient(qtbot, app_window):
    w = app_window
    open_lesson(qtbot, w, "vanishing-gradient")
    qtbot.waitUntil(lambda: w.controller.latest.twin is not None
                    and len(w.controller.latest.layer_sizes) == 11, timeout=TIMEOUT)
    w.step_once()  # "Press Step"
    qtbot.waitUntil(lambda: ticked(w), timeout=TIMEOUT)


def test_lessons_8_and_9_the_zoo_and_the_sweep(qtbot, app_window):
    w = app_window
    open_lesson(qtbot, w, "relu-family")
    w.lesson_mode.check()
    assert not ticked(w) and w.tabs.currentWidget() is not w.zoo
    qtbot.keyClick(w, Qt.Key_3, Qt.ControlModifier)  # "Open the Activation zoo tab"
    assert w.tabs.currentWidget() is w.zoo
    qtbot.waitUntil(lambda: ticked(w), timeout=TIMEOUT)
    open_lesson(qtbot, w, "init-matters")
    w.lesson_mode.check()
    assert w.tabs.currentWidget() is w.sweep and not ticked(w)
    qtbot.mouseClick(w.findChild(QPushButton, "sweepRunButton"), Qt.LeftButton)
    qtbot.waitUntil(lambda: ticked(w), timeout=TIMEOUT)
    open_lesson(qtbot, w, "relu-family")
    open_lesson(qtbot, w, "init-matters")  # an earlier sweep does not count again
    w.lesson_mode.check()
    assert not ticked(w)


def test_the_lesson_list_and_save_as_lesson(qtbot, app_window, tmp_path):
    w = app_window
    before = w.session()
    w.show_lessons()  # Help → Lessons opens the panel; the network stays (issue 18.7)
    assert w.findChild(QListWidget, "lessonList").count() == len(load_lessons(FOLDER)[0])
    assert w.lessons.current is None and w.session() is before
    w.findChild(QPushButton, "lessonNextButton").click()  # picking one sets it up
    assert w.lessons.current.id == "xor-one-neuron" and w.session().hidden == ()
    w.save_lesson(tmp_path / "mine.json")
    lesson = parse_lesson((tmp_path / "mine.json").read_text(), "mine.json")
    assert lesson.session == w.session() and lesson.id == "mine"


def test_a_teachers_lesson_file_opens_in_the_panel(qtbot, app_window, tmp_path, monkeypatch):
    """File → Save as lesson, the teacher writes its text and goal, and the lesson opens
    from its file (Open… in the panel, or `xorlab app --lesson FILE`)."""
    import json

    from PySide6.QtWidgets import QMessageBox

    w = app_window
    w.set_session(w.session().with_training(lr=0.3))
    path = tmp_path / "teacher.json"
    assert w.save_lesson(path)
    panel = w.findChild(QListWidget, "lessonList")
    bundled = len(load_lessons(FOLDER)[0])
    assert panel.count() == bundled + 1 and w.last_problem.code == "saved_lesson"
    lesson = json.loads(path.read_text())
    lesson["title"] = {"en": "My XOR", "ko": "나의 XOR"}
    lesson["text"] = {"en": "Train it.", "ko": "학습하세요."}
    lesson["session"]["training"]["lr"] = 0.1
    lesson["goal"] = {"kind": "accuracy_at_least", "value": 0.0,
                      "text": {"en": "any", "ko": "아무거나"}}
    path.write_text(json.dumps(lesson))
    w.set_session(w.session().with_training(lr=0.5))
    assert w.open_lesson(str(path))
    assert panel.count() == bundled + 1  # the same lesson, read again: replaced, not added
    assert w.lessons.current.title["en"] == "My XOR"
    assert w.session().training.lr == 0.1  # its session is set up
    assert "Train it." in w.findChild(QTextBrowser, "lessonText").toPlainText()
    # a file that is not a lesson: said, nothing changed
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": "x", "title": {"ko": "제목"}}')
    before = w.session()
    assert not w.open_lesson(str(bad))
    assert shown and "bad.json" in shown[0] and w.last_problem.code == "not_opened"
    assert w.session() is before and panel.count() == bundled + 1


def test_a_lesson_of_the_largest_session_saves_and_opens(qtbot, app_window, tmp_path):
    """10,000 points (the most a session holds) in a lesson file: saved and read back."""
    import numpy as np

    from xorlab.engine.spec import MAX_POINTS
    from xorlab.lab.session import points_data

    w = app_window
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, (MAX_POINTS, 2))
    w.set_session(w.session().with_data(**points_data(X, (X[:, 0] > 0).astype(float), "csv")))
    path = tmp_path / "big.json"
    assert w.save_lesson(path) and w.last_problem.code == "saved_lesson"
    assert path.stat().st_size > 256 * 1024
    assert w.open_lesson(str(path))
    assert len(w.session().data["X"]) == MAX_POINTS


def test_goals_read_typed_facts():
    """A goal reads the window's facts by field (LessonFacts), not by string keys."""
    import dataclasses

    from xorlab.lab.lessons import Goal, LessonFacts

    facts = LessonFacts()
    assert not any(Goal(kind).reached(None, facts) for kind in
                   ("sigmoid_check", "backprop_update", "zoo_open", "sweep_done",
                    "backprop_gradient"))
    assert Goal("zoo_open").reached(None, LessonFacts(zoo_open=True))
    assert Goal("sweep_done").reached(None, LessonFacts(sweeps_done=1))
    assert Goal("backprop_update", 2).reached(None, LessonFacts(backprop_updates=2))
    assert not Goal("backprop_update", 2).reached(None, LessonFacts(backprop_updates=1))
    assert Goal("backprop_gradient", 5, text={"name": "w"}).reached(
        None, LessonFacts(backprop_gradients={"w": 5}))
    with pytest.raises(dataclasses.FrozenInstanceError):
        facts.zoo_open = True
