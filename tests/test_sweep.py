"""The initializer × activation sweep: stacked training equals the ordinary Trainer, the
table has the paper's shape, the CLI's formats, and the app's Sweep view."""

import csv
import io
import json
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget

from xorlab.app.views.sweep import cell_session
from xorlab.cli import main
from xorlab.engine.datasets import Dataset
from xorlab.engine.sweep import (
    PAPER_ACTIVATIONS,
    PAPER_INITS,
    SweepConfig,
    blocks,
    chance_level,
    sweep,
    train_sequentially,
    train_stack,
)
from xorlab.lab.sweep_runner import COST, run_sweep, work_items

TIMEOUT = 60_000


@pytest.mark.parametrize("activation", ["maxout", "relu", "leaky_relu", "vlrelu", "tanh",
                                        "sigmoid", "elu", "linear"])
def test_a_stacked_run_equals_the_same_run_alone(activation):
    """float64: every run of a stack ends with the weights the Trainer gives it, to 1e-10
    (each its own initializer, seed and minibatch order; ReLU and VLReLU, tanh and
    sigmoid share a stack)."""
    config = SweepConfig(steps=40, dtype="float64", depth=4, width=6, seeds=2,
                         inits=("xavier", "msra", "lsuv"), activations=(activation,))
    (_, runs), = blocks(config)
    if activation in ("relu", "tanh"):  # a mixed family stack
        other = {"relu": "vlrelu", "tanh": "sigmoid"}[activation]
        runs = runs + [(other, init, seed) for _, init, seed in runs]
    results, params = train_stack(config, runs)
    accuracies, reference = train_sequentially(config, runs)
    for got, want in zip(params, reference):
        for a, b in zip(got, want):
            assert a.shape == b.shape
            assert np.abs(a - b).max() < 1e-10
    assert [r.test_accuracy for r in results] == pytest.approx(accuracies)


@pytest.mark.parametrize("activation", ["maxout", "relu", "tanh"])
def test_a_stacked_softmax_run_with_weight_decay_equals_the_same_run_alone(activation,
                                                                          monkeypatch):
    """K = 4 classes (softmax output, one-hot targets, cross-entropy) and an L2 weight decay:
    the stack still ends where the Trainer does, to 1e-10, and predicts by the argmax."""
    rng = np.random.default_rng(3)
    X = rng.normal(size=(120, 2))
    y = (np.arctan2(X[:, 1], X[:, 0]) + np.pi) // (np.pi / 2) % 4  # four quadrants
    data = Dataset("quadrants4", X[:96], y[:96], X[96:], y[96:], classes=4)
    config = SweepConfig(steps=30, dtype="float64", depth=3, width=5, seeds=2,
                         weight_decay=0.01, batch_size=32, inits=("xavier", "lsuv"),
                         activations=(activation,))
    monkeypatch.setattr(SweepConfig, "data", lambda self: data)
    (_, runs), = blocks(config)
    results, params = train_stack(config, runs)
    accuracies, reference = train_sequentially(config, runs)
    for got, want in zip(params, reference):
        assert got[-1].shape == (4,)  # the output layer's biases: one per class
        for a, b in zip(got, want):
            assert np.abs(a - b).max() < 1e-10
    assert [r.test_accuracy for r in results] == pytest.approx(accuracies)
    assert max(accuracies) > 0.5  # learnt something: chance is about 0.25


def test_chance_is_the_largest_class_share():
    y = np.array([0, 1, 2, 2, 2, 1, 0, 2, 2, 2])
    data = Dataset("four", np.zeros((10, 2)), y, np.zeros((10, 2)), y, classes=3)
    assert chance_level(data) == pytest.approx(0.6)


def test_on_a_reduced_grid_the_shape_holds():
    """3 inits × {relu, sigmoid} × 2 seeds: sigmoid n/c in every row, ReLU converged in
    most."""
    config = SweepConfig(inits=("lsuv", "orthonormal", "msra"), activations=("relu", "sigmoid"),
                         seeds=2, steps=1500)
    result = sweep(config)
    assert result.complete and len(result.cells) == 6
    assert all(result.cells[(i, "sigmoid")].not_converged for i in config.inits)
    assert sum(not result.cells[(i, "relu")].not_converged for i in config.inits) >= 2
    assert all(np.isfinite(result.cells[(i, "sigmoid")].ratio) for i in config.inits)
    assert all(result.cells[(i, "sigmoid")].ratio < result.cells[(i, "relu")].ratio
               for i in config.inits)  # the vanishing number of each cell


def test_the_work_is_shared_out_dearest_first():
    items = work_items(SweepConfig())
    runs = sorted(r for *_, part in items for r in part)
    assert runs == sorted((a, i, s) for a in PAPER_ACTIVATIONS for i in PAPER_INITS
                          for s in range(3))
    costs = [COST.get(name, 1.0) * len(part) for _, name, part in items]
    assert costs == sorted(costs, reverse=True) and len(items) >= 4  # both workers, balanced


def test_cancel_returns_with_the_finished_cells():
    config = SweepConfig(inits=("xavier",), activations=("relu", "maxout", "tanh"), seeds=1,
                         steps=200)
    seen = []
    result = run_sweep(config, progress=lambda d, t, c: seen.append(d),
                       cancelled=lambda: len(seen) >= 1, workers=1)
    assert not result.complete and len(result.cells) == 1


@pytest.mark.parametrize("fmt", ["--json", "--csv", "--markdown"])
def test_the_cli_formats_parse(capsys, fmt):
    code = main(["sweep", "--seeds", "1", "--steps", "30", "--depth", "2", "--width", "4",
                 "--workers", "1", fmt])
    out, err = capsys.readouterr()
    assert code == 0 and "sweep:" in err
    if fmt == "--json":
        doc = json.loads(out)
        assert len(doc["cells"]) == 25 and doc["rule"] and doc["settings"]["depth"] == 2
        assert {"mean", "std", "converged", "nc", "ratio"} <= set(doc["cells"][0])
    elif fmt == "--csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == ["init", *PAPER_ACTIVATIONS] and len(rows) == 6
        assert all(len(r) == 6 for r in rows)
    else:
        lines = out.splitlines()
        assert lines[0].startswith("| init |") and len([x for x in lines if x.startswith("|")
                                                         ]) == 7


def test_bad_sweep_input_exits_2(capsys):
    assert main(["sweep", "--activations", "gelu"]) == 2
    assert main(["sweep", "--depth", "11"]) == 2
    assert "depth must be" in capsys.readouterr().err


@pytest.fixture
def window(app_window):
    return app_window


def test_the_sweep_view_fills_its_table_and_loads_a_cell(qtbot, window, tmp_path):
    w = window
    view = w.sweep
    w.tabs.setCurrentWidget(view)
    w.controller.play()
    config = SweepConfig(inits=("lsuv", "msra"), activations=("relu", "sigmoid"), seeds=2,
                         steps=1500)
    assert view.run(config)
    qtbot.waitUntil(lambda: not w.controller.running, timeout=TIMEOUT)  # training paused
    qtbot.waitUntil(lambda: view.result is not None, timeout=TIMEOUT)
    table = w.findChild(QTableWidget, "sweepTable")
    assert table.rowCount() == 2 and table.columnCount() == 2
    assert view.cell_text("lsuv", "sigmoid").startswith("n/c")
    assert view.cell_text("msra", "relu")[0].isdigit()
    assert view.cell_text("lsuv", "sigmoid").endswith("✓")  # n/c as in the paper
    agree, of = view.result.agreement()
    assert of == 4 and view.findChild(QLabel, "sweepAgreementLabel").text()
    assert "seeds:" in table.item(0, 0).toolTip()
    assert w.findChild(QPushButton, "sweepRunButton").isEnabled()
    view.export(tmp_path / "t.md", "md")
    assert (tmp_path / "t.md").read_text().startswith("| init | relu | sigmoid |")
    rect = table.visualItemRect(table.item(1, 0))  # msra × relu, double-clicked as a user does
    from PySide6.QtCore import Qt as QtKeys
    qtbot.mouseClick(table.viewport(), QtKeys.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), QtKeys.LeftButton, pos=rect.center())
    s = w.session()
    assert s.init == "msra" and {la["activation"] for la in s.hidden} == {"relu"}
    assert len(s.hidden) == config.depth and w.tabs.currentIndex() == 0


def test_the_sweep_view_takes_the_digits_defaults_and_loads_a_digits_cell(window):
    """Choosing the digits sets the digits' own sweep (wider, shorter, weight decay), back
    to the 2-D one on the spiral; a digits cell loads as a network on the pixels."""
    view = window.sweep
    view.dataset.setCurrentIndex(view.dataset.findData("digits"))
    config = view.config()
    digits = SweepConfig.preset("digits")
    assert (config.width, config.steps, config.seeds, config.weight_decay, config.lr) == (
        digits.width, digits.steps, digits.seeds, digits.weight_decay, digits.lr)
    assert config.validated().images
    view.dataset.setCurrentIndex(view.dataset.findData("spiral"))
    assert view.config().width == SweepConfig().width and view.config().weight_decay == 0
    session = cell_session("msra", "maxout", config, window.session())
    spec = session.network_spec()
    assert spec["inputs"] == 64 and spec["layers"][-1]["units"] == 10
    assert session.training.l2 == digits.weight_decay


def test_cancel_leaves_an_idle_window(qtbot, window):
    w = window
    view = w.sweep
    assert view.run(replace(SweepConfig(), steps=3000))
    view.cancel_sweep()
    qtbot.waitUntil(lambda: view.result is not None, timeout=TIMEOUT)
    assert not view.result.complete
    assert w.findChild(QPushButton, "sweepRunButton").isEnabled()
    assert not w.findChild(QPushButton, "sweepCancelButton").isEnabled()
    w.controller.step(3)  # the window still trains
    qtbot.waitUntil(lambda: w.controller.latest.step == 3, timeout=TIMEOUT)


def test_stacked_equals_alone_with_a_partial_last_batch_and_a_divergence():
    """300 points: 240 to train on, so every epoch ends with a batch of 48; and a learning
    rate at which some maxout runs diverge — at the same step as with Trainer."""
    config = SweepConfig(n=300, steps=120, dtype="float64", depth=3, width=5, seeds=3,
                         inits=("msra", "orthonormal"), activations=("maxout",), lr=0.5)
    (_, runs), = blocks(config)
    results, params = train_stack(config, runs)
    diverged = [r.diverged for r in results]
    assert any(diverged) and not all(diverged)  # both kinds of run are checked
    accuracies, reference = train_sequentially(config, runs)
    # at γ 0.5 the weights grow to ~1e3, and rounding differences grow with them: equal to
    # a relative 1e-5 here (the 1e-10 test above trains at the sweep's γ)
    for got, want in zip(params, reference):
        for a, b in zip(got, want):
            assert np.allclose(a, b, rtol=1e-5, atol=1e-8)
    assert [r.test_accuracy for r in results] == pytest.approx(accuracies)
    from xorlab.engine import Network, Trainer
    data = config.data()
    for (activation, init, seed), result in zip(runs, results):
        net = Network.from_spec(config.spec(init, activation, seed), data=data.X_train)
        trainer = Trainer(net, data, config.train_config(seed))
        trainer.run(config.steps)
        assert result.diverged == trainer.diverged


def test_cancel_ends_the_worker_processes():
    import multiprocessing
    seen = []
    result = run_sweep(SweepConfig(steps=3000), progress=lambda d, t, c: seen.append(d),
                       cancelled=lambda: True, workers=2)
    assert not result.complete and result.cells == {}
    assert [p for p in multiprocessing.active_children() if p.name == "xorlab-sweep"] == []


def test_the_cli_json_is_strict_json_on_two_workers(capsys):
    code = main(["sweep", "--inits", "zeros,xavier", "--activations", "relu", "--seeds", "1",
                 "--steps", "20", "--depth", "2", "--width", "3", "--json"])
    out, _ = capsys.readouterr()

    def no_nan(name):
        raise AssertionError(f"{name} is not JSON")

    doc = json.loads(out, parse_constant=no_nan)
    assert code == 0 and doc["complete"] and len(doc["cells"]) == 2


def test_the_default_digits_sweep_has_the_papers_nc_cells(capsys):
    """Issue 19's table on real images: `xorlab sweep --dataset digits` (its own defaults,
    both cores) shows sigmoid n/c under every init, maxout n/c under MSRA, and every other
    cell converged — the paper's n/c pattern cell for cell."""
    assert main(["sweep", "--dataset", "digits", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["settings"]["width"] == 32 and out["settings"]["weight_decay"] == 5e-4
    nc = {(c["init"], c["activation"]) for c in out["cells"] if c["nc"]}
    assert nc == {(i, "sigmoid") for i in PAPER_INITS} | {("msra", "maxout")}
    converged = [c["mean"] for c in out["cells"] if not c["nc"]]
    assert len(converged) == 19 and min(converged) > 0.9
    assert out["paper_agreement"] == {"agree": 23, "of": 23}
    sigmoid = [c["ratio"] for c in out["cells"] if c["activation"] == "sigmoid"]
    relu = [c["ratio"] for c in out["cells"] if c["activation"] == "relu"]
    assert max(sigmoid) < min(relu)  # the first layer's gradient vanished under sigmoid
