"""Dropout, the learning-rate schedule and the stop conditions in the engine
(engine/schedule.py, engine/training.py)."""

import math

import numpy as np
import pytest

from xorlab.engine import ConfigError, Network, TrainConfig, Trainer, make_dataset
from xorlab.engine.gradcheck import every_case, relative_error
from xorlab.engine.network import network_spec
from xorlab.engine.schedule import draw_masks, lr_at
from xorlab.engine.training import evaluate


def _net(hidden=(8,), activation="tanh", seed=0):
    return Network.from_spec(network_spec([{"units": u, "activation": activation}
                                           for u in hidden], "xavier", seed))


def _masks(net, rates, n, seed=3):
    return draw_masks(np.random.default_rng(seed), rates, [la.units for la in net.layers], n)


# ---- dropout -------------------------------------------------------------------------------
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "elu", "maxout"])
@pytest.mark.parametrize("loss", ["bce", "mse"])
def test_gradcheck_through_a_fixed_dropout_mask(activation, loss):
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(8, 2)), (rng.random(8) > 0.5).astype(float)
    net = _net((4, 4), activation, seed=1)
    for layer in net.layers:  # biases off 0: a row with every unit dropped then has z = b,
        layer.b[...] = rng.normal(scale=0.1, size=layer.b.shape)  # away from ReLU's kink
    masks, _ = _masks(net, (0.5, 0.3), len(X))
    assert any((m == 0).any() for m in masks if m is not None)  # some units really dropped
    assert relative_error(net, X, y, loss, masks) < 1e-6
    # the masked gradient is not the unmasked one: the masks are used in the backward pass
    _, plain = net.loss_and_grads(X, y, loss)
    _, masked = net.loss_and_grads(X, y, loss, masks=masks)
    assert not np.allclose(plain[0], masked[0])


def test_gradcheck_command_cases_include_dropout():
    cases = [(case, err) for case, _, _, err in every_case() if case.startswith("dropout")]
    assert cases and all(err < 1e-6 for _, err in cases)


def test_mask_keeps_one_minus_p_and_preserves_the_expected_activation():
    net = _net((50,))
    masks, dropped = _masks(net, (0.3,), 4000)
    m = masks[0]
    kept = m > 0
    assert kept.mean() == pytest.approx(0.7, abs=0.01)
    assert m.mean() == pytest.approx(1.0, abs=0.02)  # E[m/(1-p)] = 1: inverted scaling
    assert np.allclose(m[kept], 1 / 0.7)
    assert masks[1] is None  # never on the output layer
    assert dropped[0].tolist() == (~kept[0]).tolist()


def test_no_dropout_at_evaluation():
    ds = make_dataset("circle", n=100, test_fraction=0.2)
    net = _net((8, 8))
    trainer = Trainer(net, ds, TrainConfig(lr=0.1, batch_size=10, dropout=(0.5, 0.5),
                                           eval_every=0))
    trainer.run(30)
    clean = net.copy()
    # the trainer's evaluation equals that of a network that has no dropout at all
    m = trainer.evaluate()
    assert m.train_loss == evaluate(clean, ds.X_train, ds.y_train)[0]
    assert np.array_equal(net.forward(ds.X_test), clean.forward(ds.X_test))
    assert np.array_equal(net.decision_grid(20), clean.decision_grid(20))
    assert any(d.any() for d in trainer.last_dropped)


def test_dropout_changes_training_and_is_reproducible():
    ds = make_dataset("circle", n=100)

    def trained(rates, seed=0):
        net = _net((8, 8))
        Trainer(net, ds, TrainConfig(lr=0.1, batch_size=10, dropout=rates, seed=seed)).run(40)
        return net.flat.copy()

    assert np.array_equal(trained((0.5,)), trained((0.5,)))
    assert not np.array_equal(trained((0.5,)), trained(()))
    assert not np.array_equal(trained((0.5,)), trained((0.5,), seed=1))


def test_twin_following_batches_draws_the_same_masks():
    ds = make_dataset("circle", n=100)
    config = TrainConfig(lr=0.1, batch_size=10, dropout=(0.5,))
    first = Trainer(_net((8,)), ds, config)
    first.run(7)
    twin = Trainer(_net((8,), "relu"), ds, config)
    twin.follow_batches(first)
    first.run(1)
    twin.run(1)
    assert [d.tolist() for d in first.last_dropped] == [d.tolist() for d in twin.last_dropped]


def test_dropout_rates_checked():
    ds = make_dataset("xor")
    for bad in ((0.95,), (-0.1,), (math.nan,), ("0.2",)):
        with pytest.raises(ConfigError):
            TrainConfig(dropout=bad).validated()
    with pytest.raises(ConfigError):  # more rates than hidden layers
        Trainer(_net((4,)), ds, TrainConfig(dropout=(0.1, 0.1)))
    trainer = Trainer(_net((4,)), ds, TrainConfig())
    with pytest.raises(ConfigError):
        trainer.set_config(dropout=(0.1, 0.2))


# ---- learning-rate schedule ----------------------------------------------------------------
def test_schedule_values():
    step = TrainConfig(lr=0.8, lr_schedule="step", lr_factor=0.5, lr_every=100)
    assert [lr_at(step, t) for t in (0, 99, 100, 250)] == [0.8, 0.8, 0.4, 0.2]
    exp = TrainConfig(lr=0.8, lr_schedule="exp", lr_factor=0.5, lr_every=100)
    assert lr_at(exp, 0) == 0.8 and lr_at(exp, 200) == pytest.approx(0.2)
    assert lr_at(exp, 50) == pytest.approx(0.8 * 0.5 ** 0.5)
    assert lr_at(TrainConfig(lr=0.8, lr_factor=0.5), 10_000) == 0.8  # "none"


def test_schedule_is_what_the_trainer_steps_with():
    ds = make_dataset("gaussian", n=60)
    net = _net((4,))
    twin = net.copy()
    trainer = Trainer(net, ds, TrainConfig(lr=0.4, lr_schedule="step", lr_factor=0.25,
                                           lr_every=2))
    trainer.run(2)
    assert trainer.current_lr == pytest.approx(0.1)
    before = net.flat.copy()
    twin.flat[...] = before
    _, grads = twin.loss_and_grads(ds.X_train, ds.y_train)
    trainer.run(1)  # the third step uses γ = 0.4 · 0.25
    assert np.allclose(net.params[0], before[: grads[0].size].reshape(grads[0].shape)
                       - 0.1 * grads[0], atol=1e-15)
    assert trainer.summary()["lr"] == pytest.approx(0.1)


@pytest.mark.parametrize("changes", [{"lr_schedule": "cosine"}, {"lr_factor": 0.0},
                                     {"lr_factor": 1.5}, {"lr_every": 0},
                                     {"lr_every": 2.5}])
def test_bad_schedule_refused(changes):
    with pytest.raises(ConfigError):
        TrainConfig(**changes).validated()


# ---- stop conditions ------------------------------------------------------------------------
def test_stop_at_accuracy_uses_the_test_points():
    ds = make_dataset("xor-quadrants", n=200, test_fraction=0.2)
    trainer = Trainer(_net((8,)), ds, TrainConfig(lr=0.5, stop_accuracy=0.9, eval_every=0))
    done = trainer.run(5000)
    assert trainer.stopped_because == "accuracy" and done < 5000
    assert trainer.last_metrics.test_accuracy >= 0.9
    assert trainer.step % 10 == 0 and trainer.stopped_at == trainer.step
    # once spent, it does not stop the run again: training goes on
    assert trainer.run(20) == 20 and trainer.stopped_because is None


def test_stop_at_accuracy_without_test_points_uses_training_accuracy():
    ds = make_dataset("xor-quadrants", n=100, test_fraction=0.0)
    trainer = Trainer(_net((8,)), ds, TrainConfig(lr=0.5, stop_accuracy=0.9))
    trainer.run(5000)
    assert trainer.stopped_because == "accuracy"
    assert trainer.last_metrics.test_accuracy is None
    assert trainer.last_metrics.train_accuracy >= 0.9


def test_stop_on_a_plateau():
    ds = make_dataset("xor", test_fraction=0.0)
    # a tiny γ: the loss hardly moves, so it never improves by min_delta
    trainer = Trainer(_net((4,)), ds, TrainConfig(lr=1e-6, stop_plateau=50,
                                                  stop_min_delta=0.01))
    trainer.run(1000)
    assert trainer.stopped_because == "plateau" and trainer.step == 60
    # a learning network does not stop there
    moving = Trainer(_net((4,)), ds, TrainConfig(lr=1.0, stop_plateau=50,
                                                 stop_min_delta=1e-6))
    moving.run(200)
    assert moving.stopped_because is None


def test_step_budget_counts_the_whole_run():
    ds = make_dataset("xor")
    trainer = Trainer(_net((4,)), ds, TrainConfig(stop_steps=25))
    assert trainer.run(10) == 10 and trainer.stopped_because is None
    assert trainer.run(100) == 15
    assert trainer.stopped_because == "steps" and trainer.step == 25
    assert trainer.summary()["stopped_because"] == "steps"
    # new stop settings arm the conditions again
    trainer.set_config(stop_steps=30)
    assert trainer.run(100) == 5 and trainer.stopped_because == "steps"


@pytest.mark.parametrize("changes", [{"stop_accuracy": 1.5}, {"stop_plateau": 0},
                                     {"stop_steps": -3}, {"stop_min_delta": -1.0},
                                     {"stop_plateau": 2.5}])
def test_bad_stops_refused(changes):
    with pytest.raises(ConfigError):
        TrainConfig(**changes).validated()


def test_config_round_trip_and_older_dicts():
    config = TrainConfig(dropout=(0.2, 0.0), lr_schedule="exp", lr_factor=0.3, lr_every=50,
                         stop_accuracy=0.95, stop_plateau=500, stop_steps=20000)
    assert TrainConfig.from_dict(config.to_dict()) == config
    old = {k: v for k, v in TrainConfig().to_dict().items()
           if k in ("loss", "optimizer", "lr", "batch_size", "momentum", "l1", "l2")}
    assert TrainConfig.from_dict(old) == TrainConfig()
