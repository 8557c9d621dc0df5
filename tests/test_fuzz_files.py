"""Files that must never crash anything: random bytes, every truncation of a good file and
random changes to its JSON structure either load or raise the project's own error type.
(A few thousand cases here; XORLAB_FUZZ_EXAMPLES sets how many a property runs.)"""

import json
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xorlab.engine import DatasetError, ModelFileError, Network, TrainConfig, load_csv, save_model
from xorlab.engine.textfile import MAX_CSV_BYTES, read_text
from xorlab.lab.session import Session, SessionError

# cases per property: a few thousand in all for CI; XORLAB_FUZZ_EXAMPLES=50000 for a long run
EXAMPLES = int(os.environ.get("XORLAB_FUZZ_EXAMPLES", "600"))
FAST = settings(max_examples=EXAMPLES,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def good_model(path):
    net = Network.from_spec(Session(hidden=({"units": 3, "activation": "maxout", "k": 2},
                                            {"units": 2, "activation": "elu"})).network_spec())
    history = {"steps": np.arange(1, 6), "values": np.random.default_rng(0).random((5, 4)),
               "eval_steps": np.array([5]), "eval_values": np.array([[0.5, 0.5, np.nan,
                                                                      np.nan]])}
    save_model(path, net, TrainConfig(), step=5, epoch=1, history=history,
               dataset={"name": "points", "label": "drawn", "X": [[0.1, 0.2], [0.3, -0.4]],
                        "y": [0, 1], "test_fraction": 0.0, "seed": 0},
               session=Session().to_dict())
    return path.read_text()


def open_like_the_app(path):
    """What File → Open does before it touches the run: load, then make the session."""
    from xorlab.lab.runfile import saved_run, saved_session
    net, config, doc = load_model_checked(path)
    if net is None:
        return
    try:
        saved_session(doc, net, config, Session())
        saved_run(doc, net.n_weight_layers)
    except (SessionError, ValueError) as e:  # SpecError and ConfigError are ValueErrors
        assert type(e).__name__ in ("SessionError", "SpecError", "ConfigError"), e


def load_model_checked(path):
    from xorlab.engine import load_model
    try:
        return load_model(path)
    except ModelFileError:
        return None, None, None


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused_cleanly(tmp_path, data):
    path = tmp_path / "random.xorlab"
    path.write_bytes(data)
    open_like_the_app(path)
    (tmp_path / "random.csv").write_bytes(data)
    try:
        load_csv(tmp_path / "random.csv")
    except DatasetError:
        pass


def test_every_truncation_of_a_good_file(tmp_path):
    text = good_model(tmp_path / "good.xorlab")
    cut = tmp_path / "cut.xorlab"
    for end in range(0, len(text), max(1, len(text) // 1500)):
        cut.write_text(text[:end])
        open_like_the_app(cut)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


@FAST
@given(st.data())
def test_random_changes_to_the_json_structure(tmp_path, data):
    path = tmp_path / "m.xorlab"
    doc = json.loads(good_model(path))
    # replace one value somewhere in the document by random JSON
    node, target = doc, None
    for _ in range(data.draw(st.integers(1, 4))):
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        target = (node, key)
        if isinstance(node[key], (dict, list)) and data.draw(st.booleans()):
            node = node[key]
        else:
            break
    if target is not None:
        parent, key = target
        parent[key] = data.draw(JSON)
    path.write_text(json.dumps(doc, allow_nan=True))
    open_like_the_app(path)


@pytest.mark.parametrize("text", ["[" * 100_000, "1" * 5000, '{"format": "xorlab-model", '
                                  '"version": 2, "step": ' + "9" * 400 + "}"])
def test_hostile_json_is_refused(tmp_path, text):
    path = tmp_path / "h.xorlab"
    path.write_text(text)
    with pytest.raises(ModelFileError):
        load_model_checked_strict(path)


def load_model_checked_strict(path):
    from xorlab.engine import load_model
    return load_model(path)


def test_special_files_and_huge_files_are_refused_at_once(tmp_path):
    if os.path.exists("/dev/zero"):
        with pytest.raises(ModelFileError, match="not a regular file"):
            load_model_checked_strict("/dev/zero")
        with pytest.raises(DatasetError, match="not a regular file"):
            load_csv("/dev/zero")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(DatasetError, match="not a regular file"):
        load_csv(fifo)
    big = tmp_path / "big.csv"
    with open(big, "wb") as f:
        f.truncate(MAX_CSV_BYTES + 1)
    with pytest.raises(DatasetError, match="too large"):
        load_csv(big)
    (tmp_path / "small.txt").write_text("ok")
    assert read_text(tmp_path / "small.txt", 10) == "ok"
