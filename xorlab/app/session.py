"""What the editor edits and the engine process builds from: plain, JSON-friendly data (no Qt).

A session is three parts:
    network   the engine spec  {"inputs": 2, "layers": [...], "init": ..., "seed": ...}
    data      {"name": "spiral", "n": 200, "noise": 0.1, "test_fraction": 0.2, "seed": 0}
              or {"name": "points", "X": [[x1, x2], ...], "y": [0, 1, ...], ...} for drawn
              or CSV points
    train     an engine TrainConfig

Edits are of two kinds: structural ones rebuild the network and reset training; hyper-parameter
ones (`HYPER_KEYS`) change the running trainer in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from ..engine import Dataset, TrainConfig, make_dataset

HYPER_KEYS = ("lr", "optimizer", "batch_size", "l1", "l2", "momentum")


def default_network():
    return {"inputs": 2,
            "layers": [{"units": 4, "activation": "tanh"}, {"units": 2, "activation": "tanh"},
                       {"units": 1, "activation": "sigmoid"}],
            "init": "xavier", "seed": 0}


def default_data():
    return {"name": "xor-quadrants", "n": 200, "noise": 0.0, "test_fraction": 0.2, "seed": 0}


@dataclass(frozen=True)
class Session:
    network: dict = field(default_factory=default_network)
    data: dict = field(default_factory=default_data)
    train: TrainConfig = field(default_factory=lambda: TrainConfig(lr=0.03, batch_size=10,
                                                                   eval_every=0))

    def with_train(self, **changes):
        return replace(self, train=replace(self.train, **changes).validated())


def build_dataset(data):
    """The engine Dataset for a session's data part."""
    if data["name"] == "points":
        return Dataset.from_points(np.asarray(data["X"], dtype=float).reshape(-1, 2),
                                   np.asarray(data["y"], dtype=float),
                                   name=data.get("label", "points"),
                                   test_fraction=data.get("test_fraction", 0.0),
                                   seed=data.get("seed", 0),
                                   extent=tuple(data.get("extent", (-1.25, 1.25))))
    return make_dataset(data["name"], n=data.get("n", 200), noise=data.get("noise", 0.0),
                        test_fraction=data.get("test_fraction", 0.2), seed=data.get("seed", 0))
