"""One run file for the app and the command line (lab/runfile.py), and the rules for reading
one: `xorlab train --save` writes what the app opens, `--load` continues the run, a file's
unknown keys never break a later save, and odd input is refused with the field named."""

import json
import math
import os
import signal
import subprocess
import sys

import numpy as np
import pytest

from xorlab.cli import main
from xorlab.engine import DatasetError, ModelFileError, load_csv, load_model, make_dataset
from xorlab.engine.network import Network
from xorlab.engine.training import DIVERGED_LOSS, TrainConfig, Trainer
from xorlab.lab.runfile import read_run, write_run
from xorlab.lab.session import Session, SessionError

TIMEOUT = 30_000


def train(capsys, *argv):
    code = main(["train", "--quiet", "--json", *argv])
    out, err = capsys.readouterr()
    return code, (json.loads(out.strip().splitlines()[-1]) if code in (0, 130) else None), err


def test_train_save_writes_the_whole_run(capsys, tmp_path):
    path = tmp_path / "m.xorlab"
    code, summary, _ = train(capsys, "--dataset", "circle", "--n", "100", "--hidden", "5,3",
                             "--activation", "relu", "--lr", "0.2", "--batch-size", "10",
                             "--optimizer", "momentum", "--momentum", "0.8", "--seed", "3",
                             "--steps", "300", "--save", str(path))
    assert code == 0
    session, net, run = read_run(path, Session())
    assert session.data == {"name": "circle", "n": 100, "noise": 0.0, "test_fraction": 0.2,
                            "seed": 3}
    assert [layer["units"] for layer in session.hidden] == [5, 3]
    assert {layer["activation"] for layer in session.hidden} == {"relu"}
    assert (session.training.lr, session.training.batch_size, session.training.optimizer,
            session.training.momentum, session.seed) == (0.2, 10, "momentum", 0.8, 3)
    # the epoch and the curves: 80 training points in batches of 10 make 8 steps an epoch
    assert (run.step, run.epoch) == (300, 300 // 8) == (summary["steps"], summary["epochs"])
    assert len(run.steps) == 300 and run.steps[0] == 1 and run.steps[-1] == 300
    assert run.values.shape == (300, 4) and np.isfinite(run.values).all()
    assert run.eval_steps.tolist() == [300]  # the summary's evaluation
    assert np.isclose(run.eval_values[0, 1], summary["train_accuracy"])


def test_train_load_continues_the_files_run(capsys, tmp_path):
    first, second = tmp_path / "a.xorlab", tmp_path / "b.xorlab"
    train(capsys, "--dataset", "moons", "--n", "60", "--hidden", "6", "--lr", "0.3",
          "--batch-size", "12", "--steps", "200", "--save", str(first))
    code, summary, _ = train(capsys, "--load", str(first), "--steps", "150",
                             "--save", str(second))
    assert code == 0 and summary["steps"] == 350
    session_a, net_a, run_a = read_run(first, Session())
    session_b, net_b, run_b = read_run(second, Session())
    assert session_b == session_a  # the file's data and settings, not the defaults
    assert run_b.step == 350 and run_b.steps[-1] == 350
    assert np.array_equal(run_b.steps[:200], run_a.steps)  # the history goes on
    assert np.allclose(run_b.values[:200], run_a.values)
    assert not np.array_equal(net_a.flat, net_b.flat)  # and it trained


def test_train_load_takes_the_settings_flags_given(capsys, tmp_path):
    first, second = tmp_path / "a.xorlab", tmp_path / "b.xorlab"
    train(capsys, "--dataset", "gaussian", "--steps", "50", "--save", str(first))
    code, summary, _ = train(capsys, "--load", str(first), "--lr", "0.05", "--optimizer",
                             "adam", "--test-fraction", "0.5", "--steps", "10",
                             "--save", str(second))
    assert code == 0 and summary["steps"] == 60
    session, _, _ = read_run(second, Session())
    assert (session.training.lr, session.training.optimizer) == (0.05, "adam")
    assert session.data["name"] == "gaussian" and session.data["test_fraction"] == 0.5


@pytest.mark.parametrize("flag", [["--hidden", "4"], ["--activation", "relu"],
                                  ["--features", "x1,x2,x1x2"], ["--init", "msra"],
                                  ["--slope", "0.2"], ["--seed", "2"],
                                  ["--init-std", "0.5"]])
def test_train_load_refuses_a_flag_that_would_change_the_network(capsys, tmp_path, flag):
    path = tmp_path / "a.xorlab"
    train(capsys, "--steps", "5", "--save", str(path))
    code = main(["train", "--load", str(path), *flag])
    _, err = capsys.readouterr()
    assert code == 2 and len(err.strip().splitlines()) == 1 and flag[0] in err


def test_train_load_refuses_n_for_given_points(capsys, tmp_path):
    csv, path = tmp_path / "p.csv", tmp_path / "a.xorlab"
    csv.write_text("0,0,0\n1,1,0\n0,1,1\n1,0,1\n")
    train(capsys, "--csv", str(csv), "--steps", "5", "--save", str(path))
    code = main(["train", "--load", str(path), "--n", "50"])
    _, err = capsys.readouterr()
    assert code == 2 and "--n" in err


def test_train_on_csv_trains_on_the_split_the_app_shows(capsys, tmp_path):
    """The CLI's CSV data are the editor's (lab.session.csv_data): the file opens in the app
    with the very points the run was trained on."""
    csv, path = tmp_path / "p.csv", tmp_path / "a.xorlab"
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, (40, 2))
    csv.write_text("".join(f"{a},{b},{int(a * b > 0)}\n" for a, b in X))
    train(capsys, "--csv", str(csv), "--test-fraction", "0.25", "--steps", "5",
          "--save", str(path))
    session, _, _ = read_run(path, Session())
    assert session.data["label"] == "csv" and session.data["test_fraction"] == 0.25
    ds = session.dataset()
    assert (ds.n_train, ds.n_test) == (30, 10)
    assert sorted(map(tuple, np.concatenate([ds.X_train, ds.X_test]))) == \
        sorted(map(tuple, load_csv(csv).X_train.tolist() + load_csv(csv).X_test.tolist()))


def test_train_steps_are_bounded(capsys):
    code = main(["train", "--steps", str(10**30)])
    _, err = capsys.readouterr()
    assert code == 2 and "--steps" in err


def test_ctrl_c_during_train_saves_what_was_trained(tmp_path):
    path = tmp_path / "m.xorlab"
    child = subprocess.Popen(
        [sys.executable, "-m", "xorlab", "train", "--steps", "100000000", "--json",
         "--save", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONUNBUFFERED="1"))
    try:
        child.stderr.read(len("\rstep"))  # the first progress line: training runs
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 130
    summary = json.loads(out.strip().splitlines()[-1])
    _, _, run = read_run(path, Session())
    assert 0 < run.step == summary["steps"] < 100_000_000
    assert run.steps[-1] == run.step
    assert "Traceback" not in err


def test_a_saved_cli_run_opens_in_the_app_with_its_curves(qtbot, app_window, capsys, tmp_path):
    path = tmp_path / "m.xorlab"
    train(capsys, "--dataset", "xor", "--hidden", "3", "--lr", "0.5", "--steps", "240",
          "--save", str(path))
    w = app_window
    assert w.open_path(path)
    qtbot.waitUntil(lambda: w.controller.latest.step == 240, timeout=TIMEOUT)
    snap = w.controller.latest
    assert snap.epoch == 240  # four points, full batch: one epoch a step
    assert len(snap.step_steps) == 240 and snap.step_steps[-1] == 240
    assert w.session().data["name"] == "xor" and w.session().training.lr == 0.5


# ---- reading: what is dropped, what is refused ---------------------------------------------
def _saved(tmp_path, name="m.xorlab"):
    session = Session()
    net = Network.from_spec(session.network_spec())
    trainer = Trainer(net, session.dataset(), session.train_config())
    trainer.run(20)
    trainer.evaluate()
    from xorlab.lab.runfile import run_of_trainer

    path = tmp_path / name
    assert write_run(path, run_of_trainer(trainer, session)) is None
    return path


def _edit(path, change):
    doc = json.loads(path.read_text())
    change(doc)
    path.write_text(json.dumps(doc))  # allow_nan: NaN is written as the bare word


def test_unknown_keys_holding_nan_are_dropped_and_a_save_works(tmp_path):
    path = _saved(tmp_path)

    def junk(doc):
        doc["dataset"]["junk"] = math.nan
        doc["session"]["data"]["junk"] = math.inf
        doc["junk"] = math.nan
    _edit(path, junk)
    session, net, run = read_run(path, Session())
    assert "junk" not in session.data
    again = tmp_path / "again.xorlab"
    assert write_run(again, {"net": net, "session": session, "step": run.step,
                             "epoch": run.epoch,
                             "history": {"steps": run.steps, "values": run.values,
                                         "eval_steps": run.eval_steps,
                                         "eval_values": run.eval_values}}) is None
    assert read_run(again, Session())[0] == session


def test_a_lesson_with_nan_under_an_unknown_key_saves_again(tmp_path):
    from xorlab.lab.lessons import parse_lesson
    from xorlab.resources_path import resource_path

    doc = json.loads(resource_path("lessons/01-xor-one-neuron.json").read_text("utf-8"))
    doc["session"]["data"]["junk"] = math.nan
    lesson = parse_lesson(json.dumps(doc))
    json.dumps(lesson.session.to_dict(), allow_nan=False)  # raises ValueError on a NaN


def test_a_save_of_a_non_finite_value_is_a_model_file_error_not_a_crash(tmp_path):
    from xorlab.engine.modelfile import write_model

    with pytest.raises(ModelFileError):
        write_model(tmp_path / "m.xorlab", {"format": "xorlab-model", "x": math.nan})
    assert not (tmp_path / "m.xorlab").exists()


@pytest.mark.parametrize("version", [True, 2.0, "2"])
def test_a_version_must_be_a_whole_number(tmp_path, version):
    path = _saved(tmp_path)
    _edit(path, lambda doc: doc.update(version=version))
    with pytest.raises(ModelFileError) as e:
        load_model(path)
    assert e.value.params["version"] == version


def test_a_session_version_must_be_a_whole_number():
    d = Session().to_dict()
    d["version"] = True
    with pytest.raises(SessionError):
        Session.from_dict(d)


@pytest.mark.parametrize("key", ["steps", "eval_steps"])
def test_a_history_past_the_files_step_is_refused(tmp_path, key):
    path = _saved(tmp_path)
    _edit(path, lambda doc: doc["history"][key].__setitem__(-1, doc["step"] + 5))
    with pytest.raises(ModelFileError) as e:
        load_model(path)
    assert e.value.params["key"] == key


def test_a_csv_number_with_a_digit_separator_is_refused(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("0,0,0\n1_0,1,1\n0,1,1\n")
    with pytest.raises(DatasetError) as e:
        load_csv(path)
    assert e.value.params["line"] == 2


def test_model_and_lesson_files_may_start_with_a_byte_order_mark(tmp_path):
    from xorlab.lab.lessons import read_lesson
    from xorlab.resources_path import resource_path

    path = _saved(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert read_run(path, Session())[2].step == 20
    lesson = tmp_path / "lesson.json"
    lesson.write_bytes(b"\xef\xbb\xbf" + resource_path("lessons/01-xor-one-neuron.json")
                       .read_bytes())
    assert read_lesson(lesson).id


def test_a_number_of_5000_digits_names_the_field(tmp_path):
    path = _saved(tmp_path)
    text = path.read_text()
    doc = json.loads(text)
    path.write_text(text.replace(f'"step": {doc["step"]}', '"step": ' + "7" * 5000, 1))
    with pytest.raises(ModelFileError) as e:
        load_model(path)
    assert e.value.params["key"] == "step"


# ---- divergence as the command line reports it ---------------------------------------------
def test_divergence_says_what_tripped():
    ds = make_dataset("spiral", n=200)
    net = Network.from_spec({"layers": [{"units": 8, "activation": "linear"},
                                        {"units": 8, "activation": "linear"},
                                        {"units": 1, "activation": "sigmoid"}], "seed": 0})
    net.flat *= 1e4  # logits of about 1e12: a finite cross-entropy far above the limit
    trainer = Trainer(net, ds, TrainConfig(lr=0.1))
    trainer.run(5)
    assert trainer.diverged_because == "large" and DIVERGED_LOSS < trainer.last_loss < math.inf
    net = Network.from_spec({"layers": [{"units": 8, "activation": "linear"},
                                        {"units": 8, "activation": "linear"},
                                        {"units": 1, "activation": "sigmoid"}], "seed": 0})
    net.flat[0] = math.nan
    trainer = Trainer(net, ds, TrainConfig(lr=0.1))
    trainer.run(5)
    assert trainer.diverged_because == "nan"


def test_full_batch_epochs_never_pass_the_steps(capsys):
    code, summary, err = train(capsys, "--dataset", "spiral", "--hidden", "8,8",
                               "--activation", "linear", "--lr", "10", "--steps", "500")
    assert summary["diverged"] and summary["epochs"] == summary["steps"]
    assert summary["diverged_because"] in ("nan", "inf", "large")
