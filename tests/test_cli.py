import json
import subprocess
import sys

import pytest

from xorlab.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_train_json_summary(capsys):
    code, out, err = run(capsys, "train", "--dataset", "xor", "--hidden", "4",
                         "--activation", "tanh", "--init", "xavier", "--optimizer", "sgd",
                         "--lr", "0.5", "--batch-size", "4", "--steps", "3000", "--seed", "0",
                         "--json")
    assert code == 0
    summary = json.loads(out.strip().splitlines()[-1])
    for key in ("train_loss", "test_loss", "train_accuracy", "test_accuracy", "steps",
                "steps_per_second", "grad_norms", "diverged", "diverged_at"):
        assert key in summary
    assert summary["train_accuracy"] == 1.0 and summary["steps"] == 3000
    assert len(summary["grad_norms"]) == 2 and summary["diverged"] is False
    assert "step" in err  # the progress line


def test_train_save_and_divergence(capsys, tmp_path):
    path = tmp_path / "m.xorlab"
    code, out, err = run(capsys, "train", "--dataset", "spiral", "--hidden", "8,8",
                         "--activation", "linear", "--lr", "10", "--batch-size", "10",
                         "--steps", "500",
                         "--quiet", "--json", "--save", str(path))
    summary = json.loads(out.strip().splitlines()[-1])
    assert code == 0 and summary["diverged"] is True and summary["diverged_at"] > 0
    assert "diverged at step" in err and "smaller --lr" in err
    assert path.exists()


@pytest.mark.parametrize("argv,match", [
    (["train", "--dataset", "nope"], "invalid choice"),
    (["train", "--activation", "gelu"], "invalid choice"),
    (["train", "--init", "magic"], "invalid choice"),
    (["train", "--optimizer", "rmsprop"], "invalid choice"),
    (["train", "--hidden", "0,4"], "from 1 to 64"),
    (["train", "--hidden", "-3"], "from 1 to 64"),
    (["train", "--hidden", ",".join(["4"] * 11)], "at most 10 hidden layers, got 11"),
    (["train", "--lr", "1e6"], "learning rate must be a number from 1e-06 to 10"),
    (["train", "--n", "20000", "--dataset", "circle"], "from 4 to 10000"),
    (["train", "--activation", "elu", "--alpha", "50"], "alpha must be a number from 0.01"),
    (["app", "--self-test", "1e10"], "--self-test must be a number from 0.1 to 3600"),
    (["train", "--steps", "0"], "steps must be a whole number from 1 to 100000000"),
    (["train", "--steps", "-5"], "steps must be a whole number from 1 to 100000000"),
    (["train", "--steps", str(10**30)], "steps must be a whole number from 1 to 100000000"),
    (["train", "--batch-size", "0"], ">= 1"),
    (["train", "--lr", "0"], "learning rate must be a number from"),
    (["train", "--lr", "-1"], "learning rate must be a number from"),
    (["train", "--lr", "nan"], "learning rate must be a number from"),
    (["train", "--lr", "inf"], "learning rate must be a number from"),
    (["train", "--n", "2", "--dataset", "circle"], "number of points"),
    (["train", "--activation", "leaky_relu", "--slope", "3"], "slope"),
    (["train", "--test-fraction", "0.95", "--dataset", "circle"], "test fraction"),
    (["bogus"], "invalid choice"),
])
def test_bad_input_exits_2_with_one_line(capsys, argv, match):
    code, out, err = run(capsys, *argv)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and match in lines[0]
    assert "Traceback" not in err


def test_bad_csv_and_missing_file(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("0,0,0\n1,1,7\n")
    code, _, err = run(capsys, "train", "--csv", str(bad))
    assert code == 2 and "no point has the label 1, 2, 3, 4, 5, 6" in err \
        and len(err.strip().splitlines()) == 1  # labels 0 … 7 say 8 classes, but 6 are unused
    code, _, err = run(capsys, "train", "--csv", str(tmp_path / "none.csv"))
    assert code == 2 and "cannot read" in err


def test_load_continues_from_a_model_and_bad_models_exit_2(capsys, tmp_path):
    path = tmp_path / "m.xorlab"
    code, out, _ = run(capsys, "train", "--hidden", "3,3", "--steps", "50", "--quiet",
                       "--save", str(path))
    assert code == 0
    code, out, _ = run(capsys, "train", "--load", str(path), "--steps", "10", "--quiet",
                       "--json")
    summary = json.loads(out.strip().splitlines()[-1])
    assert code == 0 and len(summary["grad_norms"]) == 3
    path.write_text(path.read_text()[:100])
    code, _, err = run(capsys, "train", "--load", str(path))
    assert code == 2 and "truncated" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "train", "--load", str(tmp_path / "none.xorlab"))
    assert code == 2 and "cannot read" in err


def test_unwritable_save_path(capsys, tmp_path):
    code, _, err = run(capsys, "train", "--steps", "5", "--quiet",
                       "--save", str(tmp_path / "no" / "such" / "dir.xorlab"))
    assert code == 2 and "cannot save" in err


def test_list_names_everything(capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0
    for word in ("xor-quadrants", "spiral", "maxout", "leaky_relu", "lsuv", "orthonorm_msra",
                 "adam", "momentum", "slope=0.1", "spiral3", "blobs", "digits", "--classes"):
        assert word in out


def test_gradcheck_command(capsys):
    code, out, _ = run(capsys, "gradcheck")
    assert code == 0
    # activations × losses × depths {1, 3}, softmax of 3 classes per activation × depth,
    # every input feature at once per loss, a 10-class network on 8×8 pixels, and dropout
    # through fixed masks (tanh and maxout) per loss
    assert out.count(" ok") == 8 * 2 * 2 + 8 * 2 + 2 + 1 + 2 * 2 and "FAIL" not in out
    assert out.count("softmax of 3 classes") == 8 * 2 and "softmax of 10 classes" in out
    assert out.count("dropout") == 4
    code, out, _ = run(capsys, "gradcheck", "--tolerance", "1e-15")
    assert code == 1 and "FAIL" in out


def test_module_entry_point_and_help():
    r = subprocess.run([sys.executable, "-m", "xorlab", "--help"], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0
    for sub in ("train", "gradcheck", "list"):
        assert sub in r.stdout
    r = subprocess.run([sys.executable, "-m", "xorlab", "train", "--lr", "x"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_engine_never_imports_qt():
    code = ("import sys, xorlab.engine, xorlab.cli; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'PyQt'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stdout


def test_app_without_a_display_says_so(monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "linux")
    for var in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)
    code, _, err = run(capsys)
    assert code == 2 and "no display" in err and len(err.strip().splitlines()) == 1


def test_app_self_test_trains_in_the_window_and_ends_the_engine(tmp_path):
    """What `scripts/package` runs on a packaged build, here from the `python -m xorlab`
    entry: the engine process must start from it and end with the window, and nothing is
    left in the temporary folder."""
    pytest.importorskip("PySide6", reason="the desktop app needs PySide6")
    import os
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    r = subprocess.run([sys.executable, "-m", "xorlab", "app", "--self-test", "1.5"],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "self-test passed" in r.stdout
    assert "engine process ended cleanly" in r.stdout
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("xorlab")] == []


def test_self_test_takes_no_model(capsys, monkeypatch):
    pytest.importorskip("PySide6", reason="the desktop app needs PySide6")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert main(["app", "model.xorlab", "--self-test", "1"]) == 2
    assert "--self-test opens no model file" in capsys.readouterr().err


def test_the_progress_line_stays_short_when_the_loss_is_absurd(capsys):
    code, out, err = run(capsys, "train", "--dataset", "spiral", "--hidden", "16,16",
                         "--activation", "linear", "--lr", "10", "--batch-size", "10",
                         "--steps", "300", "--json")
    summary = json.loads(out.strip().splitlines()[-1])
    assert code == 0 and summary["diverged"] is True
    assert max(len(line) for line in err.replace("\r", "\n").splitlines()) < 120


def test_lessons_print_on_a_console_without_hangul():
    """A Western Windows console's code page (cp1252) has no Hangul: the Korean titles come
    out as ?, not as a UnicodeEncodeError."""
    import os

    done = subprocess.run([sys.executable, "-m", "xorlab", "lessons"], capture_output=True,
                          env=dict(os.environ, PYTHONIOENCODING="cp1252"))
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert b"?" in done.stdout and len(done.stdout.splitlines()) >= 9
