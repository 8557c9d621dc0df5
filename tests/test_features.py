"""Input features (engine.features): the registry, the network on φ(x), backprop through it,
model files, sessions and the command line."""

import json

import numpy as np
import pytest

from xorlab.cli import main
from xorlab.engine import (
    LOSSES,
    ModelFileError,
    Network,
    SpecError,
    TrainConfig,
    Trainer,
    grid_points,
    load_model,
    make_dataset,
    save_model,
)
from xorlab.engine.features import (
    DEFAULT_FEATURES,
    FEATURES,
    FeatureError,
    check_features,
    feature_matrix,
)
from xorlab.engine.gradcheck import relative_error
from xorlab.engine.network import network_spec
from xorlab.lab.pictures import saturation, unit_picture
from xorlab.lab.session import Session, SessionError

ALL = tuple(FEATURES)
XOR_FEATURES = ("x1", "x2", "x1x2")


def _net(features, hidden=(), seed=1, activation="tanh"):
    layers = [{"units": u, "activation": activation} for u in hidden]
    return Network.from_spec(network_spec(layers, "xavier", seed, features=features))


def test_each_feature_is_its_formula():
    X = np.random.default_rng(0).normal(size=(50, 2))
    x1, x2 = X[:, 0], X[:, 1]
    expected = {"x1": x1, "x2": x2, "x1_sq": x1 ** 2, "x2_sq": x2 ** 2, "x1x2": x1 * x2,
                "sin_x1": np.sin(x1), "sin_x2": np.sin(x2)}
    assert set(expected) == set(FEATURES)
    phi = feature_matrix(X, ALL)
    for j, name in enumerate(ALL):
        np.testing.assert_allclose(phi[:, j], expected[name], rtol=0, atol=1e-15)
    assert feature_matrix(X, DEFAULT_FEATURES) is X  # the default costs nothing


@pytest.mark.parametrize("names", [[], "x1", ["x1", "x3"], ["x1", "x1"], [1, 2], None])
def test_bad_feature_lists_are_refused(names):
    with pytest.raises(FeatureError, match="features"):
        check_features(names)
    with pytest.raises(SpecError, match="features"):
        Network.from_spec({"features": names, "layers": [{"units": 1,
                                                          "activation": "sigmoid"}]})


def test_inputs_follow_the_features():
    net = _net(XOR_FEATURES, hidden=(4,))
    assert net.spec["inputs"] == 3 and net.params[0].shape == (3, 4)
    assert Network.from_spec({"inputs": 2, "layers": [{"units": 1, "activation": "sigmoid"}]}
                             ).spec["features"] == list(DEFAULT_FEATURES)
    with pytest.raises(SpecError, match="inputs"):
        Network.from_spec({"inputs": 2, "features": list(XOR_FEATURES),
                           "layers": [{"units": 1, "activation": "sigmoid"}]})


@pytest.mark.parametrize("loss", list(LOSSES))
@pytest.mark.parametrize("hidden", [(), (3,), (3, 2)])
def test_backprop_with_features_matches_finite_differences(loss, hidden):
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(8, 2)), (rng.random(8) > 0.5).astype(float)
    assert relative_error(_net(ALL, hidden), X, y, loss) < 1e-6


def test_pictures_pass_the_grid_through_the_features():
    net = _net(("x1_sq", "x2_sq", "sin_x1"), hidden=(3,))
    extent, r = (-2.0, 2.0), 20
    grid = net.decision_grid(r, extent)
    np.testing.assert_allclose(grid.ravel(), net.forward(grid_points(r, extent))[:, 0])
    hidden = net.neuron_grids(r, extent)[0]
    np.testing.assert_allclose(hidden.reshape(3, -1).T,
                               net.layer_outputs(grid_points(r, extent))[0])
    a, _, (bx, by) = unit_picture(net, r, extent, (0, 1))
    assert a.shape == (r, r)
    a_hist, _, d_hist = saturation(net, np.random.default_rng(0).normal(size=(30, 2)))
    assert a_hist.shape[0] == 1 and d_hist.sum() == pytest.approx(1.0)


def _xor_accuracies(features, steps=2000, seeds=range(5)):
    """Train accuracy after every 100 steps, per seed: one neuron (no hidden layer)."""
    data = make_dataset("xor", n=4)
    runs = []
    for seed in seeds:
        trainer = Trainer(_net(features, seed=seed), data,
                          TrainConfig(lr=0.5, eval_every=100, seed=seed))
        trainer.run(steps)
        runs.append(trainer.eval_history.values[:, 1])
    return runs


def test_one_neuron_needs_x1x2_for_xor():
    """x₁, x₂ alone: one straight line, never more than 3 of the 4 points. With x₁x₂ XOR is
    linearly separable in feature space (y = x₁ + x₂ − 2·x₁x₂) and one neuron gets all 4."""
    assert max(acc.max() for acc in _xor_accuracies(DEFAULT_FEATURES)) <= 0.75
    assert all(acc[-1] == 1.0 for acc in _xor_accuracies(XOR_FEATURES))


def test_minibatches_and_compare_lockstep_with_features():
    data = make_dataset("circle", n=200, test_fraction=0.2, seed=0)
    config = TrainConfig(lr=0.1, batch_size=10, eval_every=0)
    first = Trainer(_net(("x1_sq", "x2_sq"), seed=0), data, config)
    first.run(37)
    second = Trainer(_net(DEFAULT_FEATURES, (4,)), data, config)
    second.follow_batches(first)
    assert second.batch_fingerprint() == first.batch_fingerprint()
    first.run(500)
    second.run(500)
    assert first.evaluate().test_accuracy > 0.95  # a circle is a line in (x₁², x₂²)


def test_model_file_keeps_features(tmp_path):
    path = tmp_path / "m.xorlab"
    net = _net(("sin_x2", "x1"), hidden=(2,))
    save_model(path, net, TrainConfig())
    back, _, _ = load_model(path)
    assert back.features == ("sin_x2", "x1")
    X = np.random.default_rng(1).normal(size=(5, 2))
    assert np.array_equal(back.forward(X), net.forward(X))


@pytest.mark.parametrize("features", [["x1", "nope"], ["x1", "x1"], [], "x1x2", 3])
def test_model_file_with_bad_features_names_the_field(tmp_path, features):
    path = tmp_path / "m.xorlab"
    save_model(path, _net(XOR_FEATURES), TrainConfig())
    doc = json.loads(path.read_text())
    doc["spec"]["features"] = features
    path.write_text(json.dumps(doc))
    with pytest.raises(ModelFileError, match="features"):
        load_model(path)


def test_older_model_file_without_features_loads_with_the_default(tmp_path):
    path = tmp_path / "m.xorlab"
    save_model(path, _net(DEFAULT_FEATURES, hidden=(2,)), TrainConfig())
    doc = json.loads(path.read_text())
    del doc["spec"]["features"]
    path.write_text(json.dumps(doc))
    net, _, _ = load_model(path)
    assert net.features == DEFAULT_FEATURES


def test_session_holds_the_features():
    s = Session().with_features(XOR_FEATURES)
    assert s.structure() != Session().structure()  # a structural change: a new network
    assert s.network_spec()["features"] == list(XOR_FEATURES)
    assert Session.from_dict(json.loads(json.dumps(s.to_dict()))) == s
    old = Session().to_dict()
    del old["network"]["features"]
    assert Session.from_dict(old).features == DEFAULT_FEATURES
    bad = s.to_dict()
    for features in (["x1", "x9"], [], ["x2", "x2"], "x1"):
        bad["network"]["features"] = features
        with pytest.raises(SessionError, match="features"):
            Session.from_dict(bad)
    assert s.twin() is None and s.with_features(ALL).features == ALL


def test_cli_features(capsys):
    code = main(["train", "--dataset", "xor", "--hidden", "0", "--features", "x1,x2,x1x2",
                 "--steps", "2000", "--quiet", "--json"])
    out, _ = capsys.readouterr()
    assert code == 0 and json.loads(out.strip().splitlines()[-1])["train_accuracy"] == 1.0
    for bad in ("x1,x3", "x1,x1", ","):
        assert main(["train", "--features", bad]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "--features" in err[0] and all(n in err[0] for n in FEATURES)
    assert main(["list"]) == 0
    listing = capsys.readouterr().out
    assert all(f.name in listing and f.label in listing for f in FEATURES.values())
