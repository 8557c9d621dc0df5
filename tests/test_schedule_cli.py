"""`xorlab train --dropout/--lr-decay/--stop-at`: what they do and what the JSON says (bad
values: tests/test_cli_bad_inputs.py)."""

import json

import pytest

from xorlab.cli import main
from xorlab.lab import Session
from xorlab.lab.runfile import read_run


def train(capsys, *argv):
    code = main(["train", "--quiet", "--json", *argv])
    out, err = capsys.readouterr()
    return code, json.loads(out.strip().splitlines()[-1]), err


@pytest.mark.parametrize("stop, because", [
    ("accuracy=0.9", "accuracy"), ("plateau=50,min_delta=0.5", "plateau"),
    ("steps=123", "steps")])
def test_each_stop_condition_ends_training_and_the_json_says_why(capsys, stop, because):
    code, summary, err = train(capsys, "--dataset", "xor-quadrants", "--steps", "20000",
                               "--stop-at", stop)
    assert code == 0 and summary["stopped_because"] == because
    assert summary["steps"] == summary["stopped_at"] < 20000
    assert "stopped at step" in err
    if because == "steps":
        assert summary["steps"] == 123
    if because == "accuracy":
        assert summary["test_accuracy"] >= 0.9


def test_no_stop_runs_all_steps(capsys):
    _, summary, _ = train(capsys, "--steps", "300")
    assert summary["stopped_because"] is None and summary["steps"] == 300


def test_lr_decay_shows_in_the_json(capsys):
    _, summary, _ = train(capsys, "--lr", "0.8", "--steps", "250", "--lr-decay", "step:0.5:100")
    assert summary["lr"] == pytest.approx(0.2)
    _, summary, _ = train(capsys, "--lr", "0.8", "--steps", "200", "--lr-decay", "exp:0.5:100")
    assert summary["lr"] == pytest.approx(0.2)
    _, summary, _ = train(capsys, "--lr", "0.8", "--steps", "200")
    assert summary["lr"] == 0.8


def test_dropout_one_rate_a_layer_or_one_for_all_and_saved(capsys, tmp_path):
    path = tmp_path / "run.xorlab"
    _, plain, _ = train(capsys, "--hidden", "8,8", "--steps", "50")
    code, dropped, _ = train(capsys, "--hidden", "8,8", "--steps", "50", "--dropout", "0.5",
                             "--lr-decay", "exp", "--stop-at", "plateau=400",
                             "--save", str(path))
    assert code == 0 and dropped["train_loss"] != plain["train_loss"]
    session, _, _ = read_run(path, Session())
    t = session.training
    assert t.dropout == (0.5, 0.5) and t.lr_schedule == "exp" and t.stop_plateau == 400
    # --load keeps them, and --stop-at none / --lr-decay none turn them off
    code, summary, _ = train(capsys, "--load", str(path), "--steps", "10", "--stop-at", "none",
                             "--lr-decay", "none", "--dropout", "0.1,0.2", "--save",
                             str(path))
    t = read_run(path, Session())[0].training
    assert t.dropout == (0.1, 0.2) and t.lr_schedule == "none" and t.stop_plateau is None
    assert summary["steps"] == 60


def test_step_budget_counts_a_loaded_run(capsys, tmp_path):
    path = tmp_path / "run.xorlab"
    train(capsys, "--steps", "100", "--save", str(path))
    _, summary, _ = train(capsys, "--load", str(path), "--steps", "500", "--stop-at",
                          "steps=150")
    assert summary["steps"] == 150 and summary["stopped_because"] == "steps"


def test_dropout_count_must_match_a_loaded_run(capsys, tmp_path):
    path = tmp_path / "run.xorlab"
    train(capsys, "--hidden", "4", "--steps", "5", "--save", str(path))
    code = main(["train", "--load", str(path), "--dropout", "0.1,0.1"])
    assert code == 2 and "--dropout" in capsys.readouterr().err
