"""More than two classes (issue 19): the softmax output, the new datasets, the bundled digits,
and the files and command line that carry the number of classes."""

from __future__ import annotations

import json

import numpy as np
import pytest

from xorlab.cli import main
from xorlab.engine import Network, TrainConfig, Trainer, make_dataset
from xorlab.engine.activations import SOFTMAX
from xorlab.engine.gradcheck import relative_error
from xorlab.engine.losses import _cross_entropy_of_logits, bce, cross_entropy
from xorlab.engine.network import SpecError, network_spec
from xorlab.engine.spec import OUTPUT_LAYER, output_layer
from xorlab.lab.runfile import read_run
from xorlab.lab.session import Session, SessionError, check_data


def train_json(capsys, *argv):
    code = main(["train", *argv, "--json", "--quiet"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out.strip().splitlines()[-1])


# ---- the Done-when figures, through the command line's JSON ---------------------------------
def test_digits_command_as_given_reaches_93_percent(capsys):
    summary = train_json(capsys, "--dataset", "digits", "--hidden", "32,32", "--activation",
                         "relu", "--optimizer", "adam", "--steps", "1500")
    assert summary["classes"] == 10 and summary["steps"] == 1500
    assert summary["test_accuracy"] >= 0.93  # measured 0.969


def test_deep_sigmoid_on_digits_does_not_learn_and_the_gradient_ratio_says_why(capsys):
    summary = train_json(capsys, "--dataset", "digits", "--hidden", ",".join(["32"] * 10),
                         "--activation", "sigmoid", "--optimizer", "sgd", "--batch-size",
                         "64", "--steps", "1000")
    assert summary["test_accuracy"] <= 0.3  # chance is 0.1; measured 0.10
    first, last = summary["grad_norms"][0], summary["grad_norms"][-1]
    assert first / last < 1e-3  # the first layer gets a millionth of the output's gradient


def test_spiral3_command_as_given_reaches_90_percent(capsys):
    summary = train_json(capsys, "--dataset", "spiral3", "--hidden", "16,16", "--activation",
                         "relu", "--steps", "5000")
    assert summary["classes"] == 3 and summary["test_accuracy"] >= 0.9  # measured 1.0


# ---- two classes stay as they were ----------------------------------------------------------
def test_two_classes_train_bit_for_bit_as_before(capsys):
    """The numbers of the main branch before K existed (same command, same machine type)."""
    summary = train_json(capsys, "--dataset", "spiral", "--hidden", "8,8", "--activation",
                         "tanh", "--steps", "300", "--batch-size", "10", "--optimizer",
                         "momentum", "--l2", "0.001")
    assert summary["train_loss"] == 0.691951008065159
    assert summary["test_loss"] == 0.7088843201776587 and summary["classes"] == 2


def test_output_layer_of_two_classes_is_the_single_sigmoid_unit():
    assert output_layer(2) == OUTPUT_LAYER == {"units": 1, "activation": "sigmoid"}
    assert output_layer(3) == {"units": 3, "activation": "softmax"}
    spec = Network(network_spec([{"units": 2, "activation": "tanh"}])).spec
    assert "image" not in spec and spec["layers"][-1] == OUTPUT_LAYER  # files unchanged


@pytest.mark.parametrize("last", [{"units": 1, "activation": "softmax"},
                                  {"units": 11, "activation": "softmax"},
                                  {"units": 3, "activation": "sigmoid"},
                                  {"units": 2, "activation": "softmax"}])
def test_other_output_layers_are_refused(last):
    with pytest.raises(SpecError) as e:
        Network({"inputs": 2, "layers": [last]})
    assert e.value.params["low"] == 3 and e.value.params["high"] == 10


# ---- the softmax cross-entropy --------------------------------------------------------------
def test_cross_entropy_is_log_sum_exp_minus_the_true_logit_and_stays_finite():
    z = np.array([[1000.0, 0.0, -1000.0], [0.0, 0.0, 0.0], [-5.0, 3.0, 2.0]])
    Y = np.eye(3)[[2, 0, 1]]
    p = SOFTMAX.forward(z, np.empty_like(z))
    dz = np.empty_like(z)
    loss = cross_entropy(z, p, Y, dz, np.empty((3, 1)))
    by_hand = [2000.0, np.log(3.0), np.log(np.exp(-8) + 1 + np.exp(-1))]
    assert loss == pytest.approx(np.mean(by_hand), rel=1e-12)  # p_y = e^−2000 underflows
    assert np.allclose(dz, (p - Y) / 3)
    ordinary = np.array([[0.5, -1.0, 2.0], [3.0, 3.0, -4.0]])  # read off p, or the logits:
    Y2 = np.eye(3)[[0, 2]]  # the same loss
    p2 = SOFTMAX.forward(ordinary, np.empty_like(ordinary))
    read_off = cross_entropy(ordinary, p2, Y2, np.empty_like(p2), np.empty((2, 1)))
    of_logits = _cross_entropy_of_logits(ordinary, Y2, np.empty_like(p2), np.empty((2, 1)))
    assert read_off == pytest.approx(of_logits, rel=1e-14)


def test_softmax_of_rows_far_apart_is_each_rows_own():
    """The batch's largest logit shifts every row; a row 2000 below it would underflow to
    0 / 0 and is taken with its own maximum."""
    z = np.array([[2000.0, 1999.0, 1990.0], [0.0, -1.0, -10.0], [np.log(2), 0.0, -np.inf]])
    p = SOFTMAX.forward(z, np.empty_like(z))
    first = np.exp([0.0, -1.0, -10.0]) / np.exp([0.0, -1.0, -10.0]).sum()
    assert np.allclose(p[0], first, rtol=1e-14) and np.allclose(p[1], first, rtol=1e-14)
    assert np.allclose(p[2], [2 / 3, 1 / 3, 0.0], rtol=1e-14)


def test_softmax_of_two_classes_equals_the_sigmoid_unit():
    """K = 2 softmax logits (0, z) give the sigmoid's p and loss: the two outputs agree."""
    z = np.linspace(-4, 4, 9).reshape(-1, 1)
    y = (np.arange(9) % 2).astype(float).reshape(-1, 1)
    p = 1 / (1 + np.exp(-z))
    loss2 = bce(z, p, y, np.empty_like(z), np.empty_like(z))
    z2 = np.hstack([np.zeros_like(z), z])
    p2 = np.hstack([1 - p, p])
    lossk = cross_entropy(z2, p2, np.hstack([1 - y, y]), np.empty_like(z2), np.empty_like(z))
    assert lossk == pytest.approx(loss2, rel=1e-12)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "elu", "linear"])  # smooth: no kink
# within ε of a point (relu and maxout: engine.gradcheck, `xorlab gradcheck`)
@pytest.mark.parametrize("classes", [3, 10])
def test_softmax_gradients_match_finite_differences(activation, classes):
    rng = np.random.default_rng(classes)
    X, y = rng.normal(size=(12, 2)), np.arange(12) % classes
    net = Network.from_spec(network_spec([{"units": 4, "activation": activation}] * 2,
                                         "xavier", 3, classes=classes))
    assert relative_error(net, X, y, "bce") < 1e-6


def test_accuracy_is_the_share_of_most_probable_classes():
    data = make_dataset("blobs", n=90, classes=3, test_fraction=0.0)
    net = Network.from_spec(network_spec([{"units": 8, "activation": "tanh"}], classes=3))
    trainer = Trainer(net, data, TrainConfig(lr=0.5))
    trainer.run(300)
    p = net.forward(data.X_train)
    assert p.shape == (90, 3) and np.allclose(p.sum(axis=1), 1.0)
    expected = np.mean(p.argmax(axis=1) == data.y_train)
    assert trainer.evaluate().train_accuracy == expected > 0.9


# ---- sessions and files carry K ----------------------------------------------------------
def test_session_takes_its_classes_and_inputs_from_the_data():
    blobs = Session(data=check_data({"name": "blobs", "n": 60, "classes": 5}))
    assert blobs.classes == 5 and blobs.network_spec()["layers"][-1] == output_layer(5)
    digits = Session(data=check_data({"name": "digits", "n": 7, "noise": 0.5}))
    assert digits.data == {"name": "digits"}  # nothing to choose: the split is fixed
    spec = Network(digits.network_spec()).spec
    assert digits.classes == 10 and spec["inputs"] == 64 and spec["image"] == [8, 8]
    again = Session.from_dict(json.loads(json.dumps(digits.to_dict())))
    assert again == digits and Session.from_dict(blobs.to_dict()) == blobs


def test_a_session_without_classes_is_two_classes():
    old = Session().to_dict()
    assert "classes" not in json.dumps(old)  # what every earlier file holds
    assert Session.from_dict(old).classes == 2


@pytest.mark.parametrize("data", [{"name": "blobs", "classes": 2},
                                  {"name": "blobs", "classes": 11},
                                  {"name": "blobs", "classes": "3"},
                                  {"name": "points", "X": [[0, 0], [1, 1]], "y": [0, 3],
                                   "classes": 3},
                                  {"name": [], "X": [[0, 0], [1, 1]], "y": [0, 1]},
                                  {"name": {"digits": 1}},
                                  {"name": ["blobs"], "classes": 3}])
def test_bad_classes_in_a_session_are_refused(data):
    with pytest.raises(SessionError):
        check_data(data)


@pytest.mark.parametrize("argv,classes,inputs", [
    (["--dataset", "blobs", "--classes", "5"], 5, 2),
    (["--dataset", "digits", "--hidden", "8"], 10, 64),
])
def test_run_files_keep_the_classes_and_continue(capsys, tmp_path, argv, classes, inputs):
    path = tmp_path / "run.xorlab"
    summary = train_json(capsys, *argv, "--steps", "20", "--save", str(path))
    assert summary["classes"] == classes
    session, net, run = read_run(path, Session())
    assert (session.classes, net.classes, net.spec["inputs"], run.step) == \
        (classes, classes, inputs, 20)
    again = train_json(capsys, "--load", str(path), "--steps", "5")
    assert again["steps"] == 25 and again["classes"] == classes


def test_loading_a_run_with_data_of_other_classes_is_refused(capsys, tmp_path):
    path = tmp_path / "five.xorlab"
    train_json(capsys, "--dataset", "blobs", "--classes", "5", "--steps", "2", "--save",
               str(path))
    for other in (["--dataset", "blobs", "--classes", "4"], ["--dataset", "digits"],
                  ["--dataset", "xor"]):
        code = main(["train", "--load", str(path), *other, "--steps", "1", "--quiet"])
        err = capsys.readouterr().err
        assert code == 2 and len(err.strip().splitlines()) == 1 and "5 classes" in err


def test_csv_of_more_classes_trains(capsys, tmp_path):
    f = tmp_path / "four.csv"
    rng = np.random.default_rng(0)
    rows = [f"{x:.3f},{y:.3f},{k}" for k in range(4)
            for x, y in rng.normal(size=(15, 2)) * 0.1 + [[np.cos(k * 1.6), np.sin(k * 1.6)]]]
    f.write_text("x1,x2,label\n" + "\n".join(rows) + "\n")
    summary = train_json(capsys, "--csv", str(f), "--hidden", "8", "--steps", "300")
    assert summary["classes"] == 4 and summary["train_accuracy"] > 0.9


# ---- the pictures and reports the views get (lab.classes) -----------------------------------
def test_class_boundary_lies_where_the_two_best_logits_meet():
    """Without hidden layers the logits are linear, so the crossings on the grid's edges
    are exact: there the winning class's logit equals the runner-up's."""
    from xorlab.lab.classes import class_picture

    net = Network.from_spec(network_spec([], classes=3))
    net.params[0][...] = [[2.0, -1.0, -1.0], [0.0, 1.7, -1.7]]
    winner, sure, (x, y) = class_picture(net, 60, (-1.0, 1.0))
    assert set(np.unique(winner)) == {0, 1, 2} and sure.min() >= 1 / 3 - 1e-9
    assert len(x) > 0 and len(x) % 2 == 0
    z = np.column_stack([x, y]) @ net.params[0]
    top = np.sort(z, axis=1)
    cell = 2.0 / 59
    centres = np.isclose((x + 1) / cell % 1, 0.5) & np.isclose((y + 1) / cell % 1, 0.5)
    gap = (top[:, -1] - top[:, -2])[~centres]  # (a triple junction's spokes end at centres)
    assert gap.max() < 1e-9


def test_class_report_counts_true_against_predicted():
    from xorlab.lab.classes import class_report

    net = Network.from_spec(network_spec([], classes=3))
    net.params[0][...] = [[1.0, -1.0, 0.0], [0.0, 0.0, 1.0]]  # class 0 right, 1 left, 2 up
    X = np.array([[1.0, 0.0], [2.0, 0.0], [-1.0, 0.0], [0.0, 3.0], [1.0, 0.0]])
    y = np.array([0, 0, 1, 2, 2])
    confusion, accuracy = class_report(net, X, y)
    assert confusion.tolist() == [[2, 0, 0], [0, 1, 0], [1, 0, 1]]
    assert accuracy.tolist() == [1.0, 1.0, 0.5]


def test_a_lesson_keeps_the_classes_of_its_session(tmp_path):
    from xorlab.lab.lessons import lesson_from_session, read_lesson

    session = Session(data=check_data({"name": "blobs", "n": 80, "classes": 6}))
    for data in (session.data, {"name": "digits"}):
        path = tmp_path / "lesson.json"
        path.write_text(json.dumps(lesson_from_session(Session(data=data), "six", "Six")))
        read = read_lesson(path).session
        assert read.data == data and read.classes == (6 if data["name"] == "blobs" else 10)


def test_a_model_file_without_a_session_opens_with_data_that_fit(tmp_path):
    from xorlab.engine import save_model

    digits = Network.from_spec(network_spec([{"units": 4, "activation": "relu"}], classes=10,
                                            image=(8, 8)))
    save_model(tmp_path / "digits.xorlab", digits)  # the engine's API: no session, no data
    session, net, _ = read_run(tmp_path / "digits.xorlab", Session())
    assert session.data == {"name": "digits"} and net.spec == digits.spec
    five = Network.from_spec(network_spec([{"units": 4, "activation": "tanh"}], classes=5))
    save_model(tmp_path / "five.xorlab", five)
    with pytest.raises(SessionError) as e:  # no data of five classes to fall back on
        read_run(tmp_path / "five.xorlab", Session())
    assert e.value.params["classes"] == 5 and e.value.params["data_classes"] == 2
