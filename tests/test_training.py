import math

import numpy as np
import pytest

from xorlab.engine import (
    ConfigError,
    Dataset,
    History,
    Network,
    SpecError,
    TrainConfig,
    Trainer,
    make_dataset,
)


def _net(hidden=(8,), activation="tanh", seed=0, init="xavier"):
    layers = [{"units": u, "activation": activation} for u in hidden]
    return Network.from_spec({"inputs": 2, "layers": layers + [{"units": 1,
                              "activation": "sigmoid"}], "init": init, "seed": seed})


def test_records_loss_and_grad_norm_of_every_step():
    ds = make_dataset("circle", n=100, test_fraction=0.0)
    net = _net((8, 8))
    trainer = Trainer(net, ds, TrainConfig(lr=0.1, batch_size=10))
    assert trainer.run(25) == 25
    h = trainer.step_history
    assert h.steps.tolist() == list(range(1, 26))
    assert h.values.shape == (25, 4)  # loss + 3 weight layers
    assert trainer.epoch == 2 and trainer.steps_per_epoch == 10
    # the recorded norm is ‖∂L/∂W‖ of the batch used: replay the last batch on a copy of the
    # weights before the last step and compare with loss_and_grads
    assert np.all(h.values[:, 1:] > 0)
    twin = _net((8, 8))
    replay = Trainer(twin, ds, TrainConfig(lr=0.1, batch_size=10))
    replay.run(24)
    Xb, yb = replay._next_batch()
    loss, grads = twin.loss_and_grads(Xb, yb)
    assert h.values[-1, 0] == pytest.approx(loss, rel=1e-12)
    assert np.allclose(h.values[-1, 1:], [np.linalg.norm(g) for g in grads[0::2]], rtol=1e-12)
    assert trainer.last_grad_norms.tolist() == h.values[-1, 1:].tolist()


def test_recorded_norms_match_loss_and_grads_full_batch():
    ds = make_dataset("gaussian", n=60)
    net = _net((5, 5), activation="sigmoid")
    twin = net.copy()
    trainer = Trainer(net, ds, TrainConfig(lr=0.1))
    trainer.run(1)
    loss, grads = twin.loss_and_grads(ds.X_train, ds.y_train)
    assert trainer.last_loss == pytest.approx(loss, rel=1e-12)
    expected = [np.linalg.norm(g) for g in grads[0::2]]
    assert np.allclose(trainer.last_grad_norms, expected, rtol=1e-12)
    # and the update is exactly w⁺ = w − γ·∂L/∂w
    assert np.allclose(net.params[0], twin.params[0] - 0.1 * grads[0], rtol=0, atol=1e-15)


def test_same_seed_same_run():
    ds = make_dataset("spiral", n=100, seed=3)
    runs = []
    for _ in range(2):
        trainer = Trainer(_net(seed=3), ds, TrainConfig(lr=0.1, batch_size=7, seed=5,
                                                        optimizer="adam"))
        trainer.run(100)
        runs.append(trainer.net.flat.copy())
    assert np.array_equal(*runs)


def test_divergence_is_reported_not_raised():
    ds = make_dataset("spiral", n=200)
    net = _net((8, 8), activation="linear")
    trainer = Trainer(net, ds, TrainConfig(lr=10, batch_size=10))
    done = trainer.run(1000)
    assert trainer.diverged and trainer.diverged_at == done + 1
    assert np.isfinite(net.flat).all()  # the last finite weights are back
    assert np.isfinite(trainer.step_history.values).all()  # no NaN recorded
    assert trainer.run(10) == 0  # it does not go on
    assert trainer.summary()["diverged_at"] == trainer.diverged_at


def test_relu_at_huge_learning_rate_never_raises():
    ds = make_dataset("spiral", n=200)
    trainer = Trainer(_net((8, 8), activation="relu"), ds, TrainConfig(lr=10))
    trainer.run(500)
    assert np.isfinite(trainer.net.flat).all()
    assert math.isfinite(trainer.last_loss) or trainer.diverged


def test_a_finite_but_absurd_loss_counts_as_diverged():
    """Logits of about 1e8 give a finite cross-entropy far above DIVERGED_LOSS."""
    from xorlab.engine.training import DIVERGED_LOSS

    ds = make_dataset("spiral", n=200)
    net = _net((8, 8), activation="linear")
    net.flat *= 1e4  # three layers: logits grow like 1e12 × the old ones
    trainer = Trainer(net, ds, TrainConfig(lr=0.1))
    assert trainer.run(5) == 0
    assert trainer.diverged_at == 1
    assert DIVERGED_LOSS < trainer.last_loss < math.inf
    loss, _ = _net((8, 8), activation="linear").loss_and_grads(ds.X_train, ds.y_train)
    assert loss < DIVERGED_LOSS  # an ordinary start is far below the limit


def test_hyperparameters_change_without_reset():
    ds = make_dataset("moons", n=100)
    trainer = Trainer(_net(), ds, TrainConfig(lr=0.1, batch_size=10))
    trainer.run(30)
    weights = trainer.net.flat.copy()
    trainer.set_config(lr=0.01, optimizer="momentum", batch_size=20, l2=1e-3)
    assert trainer.step == 30 and np.array_equal(trainer.net.flat, weights)
    trainer.run(5)
    assert trainer.step == 35 and trainer.batch_size == 20
    with pytest.raises(ConfigError, match="learning rate"):
        trainer.set_config(lr=float("nan"))
    assert trainer.config.lr == 0.01
    velocity = trainer.optimizer.v.copy()
    assert np.abs(velocity).max() > 0
    trainer.set_config(momentum=0.5)  # a new μ keeps the velocity built up so far
    assert trainer.optimizer.mu == 0.5 and np.array_equal(trainer.optimizer.v, velocity)
    trainer.set_config(optimizer="adam")  # a new optimizer starts from scratch
    assert trainer.optimizer.name == "adam"


@pytest.mark.parametrize("bad,match", [
    (dict(lr=0), "learning rate"), (dict(lr=float("inf")), "learning rate"),
    (dict(batch_size=0), "batch size"), (dict(optimizer="rmsprop"), "allowed: sgd"),
    (dict(loss="hinge"), "allowed: bce"), (dict(l2=-1.0), "l2"),
])
def test_bad_config_is_rejected(bad, match):
    with pytest.raises(ConfigError, match=match):
        TrainConfig(**bad).validated()


@pytest.mark.parametrize("spec,match", [
    ({"layers": []}, "non-empty"),
    ({"layers": [{"units": 0, "activation": "tanh"}, {"units": 1, "activation": "sigmoid"}]},
     "units must be"),
    ({"layers": [{"units": 2, "activation": "tanh"}]}, "last layer"),
    ({"layers": [{"units": 1, "activation": "sigmoid"}], "init": "magic"}, "allowed: zeros"),
    ({"layers": [{"units": 2, "activation": "leaky_relu", "slope": 2},
                 {"units": 1, "activation": "sigmoid"}]}, "slope"),
])
def test_bad_spec_is_rejected(spec, match):
    with pytest.raises(SpecError, match=match):
        Network.from_spec({"inputs": 2, **spec})


def test_evaluation_and_history():
    ds = make_dataset("gaussian", n=100, test_fraction=0.3)
    trainer = Trainer(_net(), ds, TrainConfig(lr=0.5, eval_every=10))
    trainer.run(50)
    assert trainer.eval_history.steps.tolist() == [10, 20, 30, 40, 50]
    m = trainer.last_metrics
    assert m.train_accuracy > 0.9 and m.test_accuracy > 0.9
    assert ds.n_test == 30


def test_history_memory_stays_flat_and_keeps_recent_rows():
    h = History(["loss"], capacity=64)
    for start in range(0, 100_000, 250):
        steps = np.arange(start + 1, start + 251)
        h.extend(steps, steps[:, None].astype(float))
    assert len(h) <= 64
    assert h.steps[-1] == 100_000 and h.steps[0] <= 1000
    assert np.all(np.diff(h.steps) > 0)
    recent = h.steps[-8:]
    assert np.all(np.diff(recent) <= 250)  # recent rows denser than old ones
    assert np.diff(h.steps[:8]).min() > np.diff(recent).max()
    assert np.array_equal(h.values[:, 0], h.steps)  # rows stay aligned


@pytest.mark.parametrize("chunk", [1, 37, 250, 5000])
def test_history_stays_evenly_spread_over_the_steps(chunk):
    """Old rows thin evenly: no stretch of training is left without rows (halving the older
    part again and again once left the first 60 % of a run as one straight line)."""
    capacity, total = 256, 200_000
    h = History(["loss"], capacity=capacity)
    for start in range(0, total, chunk):
        steps = np.arange(start + 1, min(start + chunk, total) + 1)
        h.extend(steps, steps[:, None].astype(float))
    assert len(h) <= capacity and h.steps[-1] == total
    assert np.all(np.diff(h.steps) > 0)
    assert np.diff(h.steps).max() <= 4 * total / capacity
    assert np.array_equal(h.values[:, 0], h.steps)


def test_decision_grid_matches_forward():
    net = _net((4,))
    grid = net.decision_grid(7, (-1, 1))
    t = np.linspace(-1, 1, 7)
    assert grid[2, 5] == pytest.approx(net.forward(np.array([[t[5], t[2]]]))[0, 0])
    neurons = net.neuron_grids(7, (-1, 1))
    assert neurons[0].shape == (4, 7, 7)
    h = np.tanh(np.array([[t[5], t[2]]]) @ net.params[0] + net.params[1])
    assert np.allclose(neurons[0][:, 2, 5], h[0])


def test_drawn_points_dataset():
    ds = Dataset.from_points([[0, 0], [1, 1], [0.5, -0.5]], [0, 1, 1])
    trainer = Trainer(_net(), ds, TrainConfig(lr=0.5))
    trainer.run(10)
    assert trainer.summary()["test_loss"] is None  # no test set, no NaN
