"""Model files (`.xorlab`): the network spec, the training config, the data, the weights and
the run so far (step, epoch and the recorded history), as JSON.

Weights are written with Python's shortest round-trip float repr, so save → load is
bit-exact, and a student can open the file and read every weight. Saving goes to a temp
file that is renamed over the target, so a crash never leaves a half-written file.

Version 2 added "epoch" and "history"; version 1 files (without them) still open.
The spec's output layer says the number of classes (spec.output_layer: one sigmoid unit for
two, K softmax units for K ≥ 3) and an image network's spec has "image": [rows, columns];
a file of two classes is written as it was before classes existed, and every older file
opens as two classes.

    "history": {"steps": [...], "values": [[loss, ‖∂L/∂W¹‖, …], ...],     one row a step
                "eval_steps": [...], "eval_values": [[train loss, train acc,
                                                      test loss, test acc], ...]}
    (a missing test set's values are null)
"""

from __future__ import annotations

import json
import math

import numpy as np

from .errors import XorlabError
from .history import thin
from .network import Network, SpecError
from .spec import is_finite_number
from .textfile import MAX_MODEL_BYTES, TextFileError, json_int, read_text, write_atomically
from .training import ConfigError, TrainConfig

FORMAT = "xorlab-model"
VERSION = 2
READABLE_VERSIONS = (1, 2)
HISTORY_ROWS = 1000  # history rows written at the most (thinned evenly over the steps)


class ModelFileError(XorlabError):
    """A model file that cannot be read; the message names the file and the problem."""


def save_model(path, net: Network, config: TrainConfig | None = None, step=0, dataset=None,
               epoch=0, history=None, session=None):
    """Write the model atomically. Refuses non-finite weights rather than store them.

    history: None or a dict of arrays "steps", "values", "eval_steps", "eval_values" (as
    `Trainer.step_history` / `eval_history` hold them); more than HISTORY_ROWS rows are
    thinned. session: the app's whole session as a plain dict (xorlab.lab.Session.to_dict),
    kept as it is; readers that do not know it use "spec", "train" and "dataset"."""
    write_model(path, model_document(net, config, step, dataset, epoch, history, session))


def model_document(net: Network, config: TrainConfig | None = None, step=0, dataset=None,
                   epoch=0, history=None, session=None):
    """The document save_model writes, as plain values (lists, dicts, numbers): it can be
    written later, or by another thread, whatever happens to the network meanwhile."""
    if not np.isfinite(net.flat).all():
        raise ModelFileError("the weights contain NaN or infinity; reset before saving")
    return {
        "format": FORMAT,
        "version": VERSION,
        "spec": net.spec,
        "train": None if config is None else config.to_dict(),
        "dataset": dataset,
        "step": int(step),
        "epoch": int(epoch),
        "history": None if history is None else _history_record(history),
        "session": session,
        "params": [{"shape": list(p.shape), "data": p.ravel().tolist()} for p in net.params],
    }


def write_model(path, doc):
    """Write a model_document to `path` atomically (JSON, one value a line)."""
    if not str(path).strip():
        raise ModelFileError("a model file needs a name")
    try:
        text = json.dumps(doc, indent=1, allow_nan=False)
    except ValueError:  # NaN or infinity: JSON has no such numbers
        raise ModelFileError("{path}: the run holds a value that is not a finite number; "
                             "nothing was written", path=path) from None
    write_atomically(path, text)


def load_model(path):
    """Read a model file; returns (network, train config or None, document dict). Every
    field is checked before anything is built; any problem is a ModelFileError."""
    try:
        text = read_text(path, MAX_MODEL_BYTES)
    except TextFileError as e:
        raise ModelFileError(e.template, **e.params) from None
    try:
        doc = json.loads(text, parse_int=json_int)
    except json.JSONDecodeError as e:
        # the text ends inside the document, or inside a string (no closing quote follows)
        truncated = e.pos >= len(text.rstrip()) or e.msg.startswith("Unterminated string")
        if truncated:
            raise ModelFileError("{path}: not valid JSON at line {line}, column {column}: "
                                 "{reason} (the file looks truncated)", path=path,
                                 line=e.lineno, column=e.colno, reason=e.msg) from None
        raise ModelFileError("{path}: not valid JSON at line {line}, column {column}: "
                             "{reason}", path=path, line=e.lineno, column=e.colno,
                             reason=e.msg) from None
    except RecursionError:
        raise ModelFileError("{path}: JSON nested too deeply", path=path) from None
    except ValueError as e:  # e.g. an integer of more digits than Python converts
        raise ModelFileError("{path}: not valid JSON: {reason}", path=path, reason=e) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ModelFileError('{path}: not an xorlab model file (missing "format": "{format}")',
                             path=path, format=FORMAT)
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) \
            or version not in READABLE_VERSIONS:
        raise ModelFileError("{path}: unsupported model file version {version!r}; this xorlab "
                             "reads versions {readable}", path=path, version=doc.get('version'),
                             readable=', '.join(map(str, READABLE_VERSIONS)))
    try:
        net = Network(doc.get("spec"))
    except SpecError as e:
        raise ModelFileError("{path}: bad network spec: {reason}", path=path, reason=e) from None
    params = doc.get("params")
    if not isinstance(params, list) or len(params) != len(net.params):
        raise ModelFileError("{path}: expected {arrays} parameter arrays for this network, found "
                             "{found}", path=path, arrays=len(net.params),
                             found=len(params) if isinstance(params, list) else 0)
    for i, (entry, target) in enumerate(zip(params, net.params)):
        name = f"{'Wb'[i % 2]}{i // 2 + 1}"
        found = entry.get("shape") if isinstance(entry, dict) else entry
        if found != list(target.shape):
            raise ModelFileError("{path}: {name} must have shape {shape}, found {found!r}",
                                 path=path, name=name, shape=list(target.shape), found=found)
        data = entry.get("data") if isinstance(entry, dict) else None
        if (not isinstance(data, list) or len(data) != target.size
                or not all(is_finite_number(v) for v in data)):
            raise ModelFileError("{path}: {name} must hold {size} finite numbers", path=path,
                                 name=name, size=target.size)
        target.ravel()[:] = data  # ravel of a contiguous view is a view: writes into net.flat
    config = None
    if doc.get("train") is not None:
        try:
            if not isinstance(doc["train"], dict):
                raise ConfigError("must be an object")
            config = TrainConfig.from_dict(doc["train"])
        except (ConfigError, TypeError) as e:
            raise ModelFileError("{path}: bad training settings: {reason}", path=path,
                                 reason=e) from None
    for key in ("step", "epoch"):
        value = doc.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**53:
            raise ModelFileError("{path}: {key} must be a whole number >= 0, got {value!r}",
                                 path=path, key=key, value=value)
    doc["history"] = _read_history(path, doc.get("history"), net.n_weight_layers)
    step = doc.get("step", 0)
    for key in ("steps", "eval_steps"):
        if doc["history"] is not None and len(doc["history"][key]) \
                and doc["history"][key][-1] > step:
            raise ModelFileError("{path}: history {key} go past the file's step {step}",
                                 path=path, key=key, step=step)
    return net, config, doc


def _history_record(history):
    def rows(values):
        return [[None if not math.isfinite(v) else v for v in row] for row in values.tolist()]

    steps, values = thin(history["steps"], history["values"], HISTORY_ROWS)
    esteps, evalues = thin(history["eval_steps"], history["eval_values"], HISTORY_ROWS)
    return {"steps": steps.tolist(), "values": rows(values),
            "eval_steps": esteps.tolist(), "eval_values": rows(evalues)}


def _read_history(path, record, n_layers):
    """The history of a model file as arrays (None when the file has none); ModelFileError
    when any part is malformed."""
    if record is None:
        return None
    if not isinstance(record, dict):
        raise ModelFileError("{path}: history must be an object", path=path)
    out = {}
    for steps_key, values_key, width in (("steps", "values", n_layers + 1),
                                         ("eval_steps", "eval_values", 4)):
        steps, values = record.get(steps_key), record.get(values_key)
        if not isinstance(steps, list) or not isinstance(values, list) \
                or len(steps) != len(values):
            raise ModelFileError("{path}: history {steps_key} and {values_key} must be lists of "
                                 "the same length", path=path, steps_key=steps_key,
                                 values_key=values_key)
        if not all(isinstance(s, int) and not isinstance(s, bool) and 0 <= s < 2**53
                   for s in steps) or steps != sorted(steps):
            raise ModelFileError("{path}: history {steps_key} must be ascending whole numbers",
                                 path=path, steps_key=steps_key)
        if not all(isinstance(row, list) and len(row) == width
                   and all(v is None or is_finite_number(v) for v in row)
                   for row in values):
            raise ModelFileError("{path}: history {values_key} must be rows of {width} finite "
                                 "numbers (or null)", path=path, values_key=values_key, width=width)
        out[steps_key] = np.array(steps, dtype=np.int64)
        out[values_key] = np.array([[math.nan if v is None else v for v in row]
                                    for row in values], dtype=float).reshape(-1, width)
    return out
