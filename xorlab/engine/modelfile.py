"""Model files (`.xorlab`): the network spec, the training config and the weights, as JSON.

Weights are written with Python's shortest round-trip float repr, so save → load is
bit-exact, and a student can open the file and read every weight. Saving goes to a temp
file that is renamed over the target, so a crash never leaves a half-written file.
"""

from __future__ import annotations

import json
import math
import os
import tempfile

import numpy as np

from .network import Network, SpecError
from .training import ConfigError, TrainConfig

FORMAT = "xorlab-model"
VERSION = 1


class ModelFileError(ValueError):
    """A model file that cannot be read; the message names the file and the problem."""


def save_model(path, net: Network, config: TrainConfig | None = None, step=0, dataset=None):
    """Write the model atomically. Refuses non-finite weights rather than store them."""
    if not np.isfinite(net.flat).all():
        raise ModelFileError("the weights contain NaN or infinity; reset before saving")
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "spec": net.spec,
        "train": None if config is None else config.to_dict(),
        "dataset": dataset,
        "step": int(step),
        "params": [{"shape": list(p.shape), "data": p.ravel().tolist()} for p in net.params],
    }
    text = json.dumps(doc, indent=1, allow_nan=False)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".xorlab-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def load_model(path):
    """Read a model file; returns (network, train config or None, document dict)."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise ModelFileError(f"cannot read {path}: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise ModelFileError(f"{path}: not an xorlab model file (not UTF-8 text)") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        hint = " (the file looks truncated)" if e.pos >= len(text.rstrip()) else ""
        raise ModelFileError(f"{path}: not valid JSON at line {e.lineno}, column {e.colno}: "
                             f"{e.msg}{hint}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ModelFileError(f"{path}: not an xorlab model file (missing \"format\": "
                             f"\"{FORMAT}\")")
    if doc.get("version") != VERSION:
        raise ModelFileError(f"{path}: unsupported model file version {doc.get('version')!r}; "
                             f"this xorlab reads version {VERSION}")
    try:
        net = Network(doc.get("spec"))
    except SpecError as e:
        raise ModelFileError(f"{path}: bad network spec: {e}") from None
    params = doc.get("params")
    if not isinstance(params, list) or len(params) != len(net.params):
        raise ModelFileError(f"{path}: expected {len(net.params)} parameter arrays for this "
                             f"network, found {len(params) if isinstance(params, list) else 0}")
    for i, (entry, target) in enumerate(zip(params, net.params)):
        name = f"{'Wb'[i % 2]}{i // 2 + 1}"
        found = entry.get("shape") if isinstance(entry, dict) else entry
        if found != list(target.shape):
            raise ModelFileError(f"{path}: {name} must have shape {list(target.shape)}, "
                                 f"found {found!r}")
        data = entry.get("data")
        if (not isinstance(data, list) or len(data) != target.size
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                           and math.isfinite(v) for v in data)):
            raise ModelFileError(f"{path}: {name} must hold {target.size} finite numbers")
        target.ravel()[:] = data  # ravel of a contiguous view is a view: writes into net.flat
    config = None
    if doc.get("train") is not None:
        try:
            if not isinstance(doc["train"], dict):
                raise ConfigError("must be an object")
            config = TrainConfig.from_dict(doc["train"])
        except (ConfigError, TypeError) as e:
            raise ModelFileError(f"{path}: bad training settings: {e}") from None
    return net, config, doc
