import json
import os

import numpy as np
import pytest

from xorlab.engine import ModelFileError, Network, TrainConfig, load_model, save_model


def _net():
    spec = {"inputs": 2, "layers": [{"units": 3, "activation": "maxout", "k": 3},
                                    {"units": 4, "activation": "leaky_relu", "slope": 0.2},
                                    {"units": 1, "activation": "sigmoid"}], "seed": 7}
    net = Network.from_spec(spec)
    net.flat[...] = np.random.default_rng(0).normal(size=net.flat.size) * 1e-3 / 3
    return net


def test_round_trip_is_bit_exact(tmp_path):
    net, path = _net(), tmp_path / "m.xorlab"
    cfg = TrainConfig(lr=0.03, optimizer="adam", batch_size=16, l2=1e-4)
    save_model(path, net, cfg, step=1234)
    back, cfg2, doc = load_model(path)
    assert back.spec == net.spec and cfg2 == cfg and doc["step"] == 1234
    assert back.flat.tobytes() == net.flat.tobytes()
    X = np.random.default_rng(1).normal(size=(5, 2))
    assert np.array_equal(back.forward(X), net.forward(X))


def test_truncated_file_says_so(tmp_path):
    path = tmp_path / "m.xorlab"
    save_model(path, _net())
    text = path.read_text()
    path.write_text(text[: len(text) // 2])
    with pytest.raises(ModelFileError, match="truncated"):
        load_model(path)


@pytest.mark.parametrize("mutate,match", [
    (lambda d: d.pop("format"), "not an xorlab model file"),
    (lambda d: d.update(version=99), "version 99"),
    (lambda d: d["spec"]["layers"][0].update(units=-1), "bad network spec"),
    (lambda d: d["params"].pop(), "expected 6 parameter arrays"),
    (lambda d: d["params"][0].update(shape=[2, 2]), "W1 must have shape"),
    (lambda d: d["params"][3]["data"].__setitem__(0, "x"), "b2 must hold 4 finite numbers"),
    (lambda d: d.update(train={"lr": -1}), "bad training settings"),
])
def test_malformed_files_name_the_problem(tmp_path, mutate, match):
    path = tmp_path / "m.xorlab"
    save_model(path, _net(), TrainConfig())
    doc = json.loads(path.read_text())
    mutate(doc)
    path.write_text(json.dumps(doc))
    with pytest.raises(ModelFileError, match=match):
        load_model(path)


def test_not_json_and_binary(tmp_path):
    (tmp_path / "a").write_text("hello")
    with pytest.raises(ModelFileError, match="not valid JSON"):
        load_model(tmp_path / "a")
    (tmp_path / "b").write_bytes(b"\x80\x81")
    with pytest.raises(ModelFileError, match="not UTF-8"):
        load_model(tmp_path / "b")
    with pytest.raises(ModelFileError, match="cannot read"):
        load_model(tmp_path / "missing")


def test_save_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "m.xorlab"
    save_model(path, _net())
    before = path.read_bytes()

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    other = _net()
    other.flat[...] = 1.0
    with pytest.raises(OSError):
        save_model(path, other)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["m.xorlab"]  # no temp file left behind


def test_refuses_to_save_nan(tmp_path):
    net = _net()
    net.flat[0] = np.nan
    with pytest.raises(ModelFileError, match="NaN"):
        save_model(tmp_path / "m.xorlab", net)
    assert not (tmp_path / "m.xorlab").exists()


def _history(rows, layers=3):
    rng = np.random.default_rng(2)
    steps = np.arange(1, rows + 1) * 3
    evals = np.column_stack([rng.random(rows // 10), rng.random(rows // 10),
                             np.full(rows // 10, np.nan), np.full(rows // 10, np.nan)])
    return {"steps": steps, "values": rng.random((rows, layers + 1)),
            "eval_steps": steps[9::10], "eval_values": evals}


def test_the_run_round_trips_with_the_model(tmp_path):
    net, path = _net(), tmp_path / "m.xorlab"
    history = _history(300)
    save_model(path, net, step=900, epoch=90, history=history)
    _, _, doc = load_model(path)
    assert doc["step"] == 900 and doc["epoch"] == 90 and doc["version"] == 2
    h = doc["history"]
    assert np.array_equal(h["steps"], history["steps"])
    assert np.array_equal(h["values"], history["values"])  # bit-exact, like the weights
    assert np.array_equal(h["eval_values"][:, :2], history["eval_values"][:, :2])
    assert np.isnan(h["eval_values"][:, 2:]).all()  # no test set: written as null


def test_a_long_history_is_thinned_evenly(tmp_path):
    from xorlab.engine.modelfile import HISTORY_ROWS
    net, path = _net(), tmp_path / "m.xorlab"
    save_model(path, net, step=15000, history=_history(5000))
    steps = load_model(path)[2]["history"]["steps"]
    assert len(steps) <= HISTORY_ROWS and steps[-1] == 15000
    gaps = np.diff(steps)
    assert gaps.max() <= 2 * np.median(gaps)


def test_a_version_1_file_still_opens(tmp_path):
    net, path = _net(), tmp_path / "m.xorlab"
    save_model(path, net, step=12)
    doc = json.loads(path.read_text())
    doc["version"] = 1
    del doc["history"], doc["epoch"]
    path.write_text(json.dumps(doc))
    back, _, doc = load_model(path)
    assert back.flat.tobytes() == net.flat.tobytes()
    assert doc["history"] is None and doc["step"] == 12


@pytest.mark.parametrize("history,field", [
    ("x", "history must be an object"),
    ({"steps": [1, 2], "values": [[0.1, 1, 2, 3]]}, "same length"),
    ({"steps": [2, 1], "values": [[0.1, 1, 2, 3]] * 2, "eval_steps": [], "eval_values": []},
     "ascending"),
    ({"steps": [1], "values": [[0.1, 1, 2]], "eval_steps": [], "eval_values": []},
     "rows of 4"),
    ({"steps": [1], "values": [[0.1, 1, 2, "x"]], "eval_steps": [], "eval_values": []},
     "finite numbers"),
])
def test_a_bad_history_is_refused_with_its_field(tmp_path, history, field):
    net, path = _net(), tmp_path / "m.xorlab"
    save_model(path, net)
    doc = json.loads(path.read_text())
    doc["history"] = history
    path.write_text(json.dumps(doc))
    with pytest.raises(ModelFileError, match=field):
        load_model(path)


def test_saving_keeps_permissions_follows_links_and_clears_stale_temp_files(tmp_path):
    import stat
    net, path = _net(), tmp_path / "m.xorlab"
    save_model(path, net)
    os.chmod(path, 0o644)
    stale = tmp_path / ".m.xorlab.abc123.tmp"  # left by a save that was killed
    stale.write_text("half a file")
    save_model(path, net, step=7)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o644  # not 0600
    assert not stale.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["m.xorlab"]
    link = tmp_path / "link.xorlab"
    link.symlink_to(path)
    save_model(link, net, step=9)
    assert link.is_symlink() and load_model(path)[2]["step"] == 9


def test_a_model_file_needs_a_name():
    with pytest.raises(ModelFileError, match="needs a name"):
        save_model("", _net())


def test_saving_over_a_fifo_or_a_folder_is_refused_and_leaves_it(tmp_path):
    """The rename of an atomic save would replace whatever is at the target: a FIFO, or (as
    root) /dev/null. The CLI checks --save before training; this is the engine's own guard,
    which the app's File → Save goes through too."""
    import stat

    from xorlab.engine.network import network_spec

    net = Network.from_spec(network_spec([{"units": 2, "activation": "tanh"}], "xavier", 0))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        save_model(fifo, net)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    with pytest.raises(IsADirectoryError):
        save_model(tmp_path, net)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo"]
