"""The session: everything that decides what is trained and what is shown, as one value.

    data       which points: {"name": "spiral", "n": 200, "noise": 0.1, "test_fraction": 0.2,
               "seed": 0}, or given points {"name": "points", "label": "drawn" | "csv",
               "X": [[x1, x2], ...], "y": [0, 1, ...], "test_fraction": 0.0, "seed": 0,
               "extent": [lo, hi], "path": "...", "classes": K}, or the bundled images
               {"name": "digits"} (their split is fixed). "classes": K (3 … 10) is there for
               blobs and for given points of more than two classes; absent (all older
               files) it is 2, or the dataset's own (spiral3 3, digits 10): `classes`
    features   the network's input features, ("x1", "x2") by default (engine.features)
    hidden     the hidden layers, [{"units": 4, "activation": "tanh"}, ...]; the output layer
               of the data's K classes (engine.spec.output_layer) always follows them
    init       the weight initializer's name
    training   an engine TrainConfig (loss, optimizer, learning rate, ...)
    seed       one seed for the weights and the minibatch order
    view       what the decision plot shows: None for the output, (layer, unit) for a hidden
               neuron (both 0-based)
    compare    a second run that varies one setting (lab.compare), on or off

A Session is immutable: an edit makes a new one (`dataclasses.replace` or the `with_…`
helpers). The window holds the current one; the editor shows it and sends edited copies; the
engine builds from it. `to_dict()` / `from_dict()` make it plain JSON, with a version number.

Edits are of four kinds, told apart by comparing two sessions:
    structural (`structure()` differs)   rebuild the network, step 0
    hyper-parameters (`hyper()` differs) change the running trainer in place
    view (`view` differs)                show another neuron
    compare (`compare` differs)          add, change or drop the second run; the first
                                         keeps its step and its history
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from ..engine import ConfigError, Dataset, DatasetError, SpecError, TrainConfig, make_dataset
from ..engine.datasets import (
    BLOBS_CLASSES,
    CLASS_GENERATORS,
    DATASETS,
    IMAGES,
    SQUARE,
    check_classes,
    check_points,
    dataset_classes,
)
from ..engine.errors import XorlabError
from ..engine.features import DEFAULT_FEATURES, FeatureError, check_features
from ..engine.network import network_spec, normalize_spec
from ..engine.spec import (
    MAX_HIDDEN_LAYERS,
    MAX_POINTS,
    MIN_POINTS,
    NOISE_RANGE,
    OUTPUT_LAYER,
    SEED_MAX,
    TEST_FRACTION_RANGE,
    is_finite_number,
)
from .compare import Compare, twin_session

SESSION_VERSION = 1
HYPER_KEYS = ("lr", "optimizer", "batch_size", "l1", "l2", "momentum", "dropout", "lr_schedule",
              "lr_factor", "lr_every", "stop_accuracy", "stop_plateau", "stop_min_delta",
              "stop_steps")
GENERATED = [name for name in DATASETS if name != "csv"]
POINT_SOURCES = ("drawn", "csv")
# the keys of the data part; others in a file are dropped when it is read
DATA_KEYS = {"points": ("name", "label", "X", "y", "test_fraction", "seed", "extent", "path",
                        "classes"),
             "generated": ("name", "n", "noise", "test_fraction", "seed", "classes"),
             "images": ("name",)}


class SessionError(XorlabError):
    """A session (or its dict) that is not valid; the message says which part and why."""


def default_hidden():
    return ({"units": 4, "activation": "tanh"}, {"units": 2, "activation": "tanh"})


def default_data():
    return {"name": "xor-quadrants", "n": 200, "noise": 0.0, "test_fraction": 0.2, "seed": 0}


def default_training():
    return TrainConfig(lr=0.03, batch_size=10, eval_every=0)


@dataclass(frozen=True)
class Session:
    data: dict = field(default_factory=default_data)
    hidden: tuple = field(default_factory=default_hidden)
    init: str = "xavier"
    training: TrainConfig = field(default_factory=default_training)
    seed: int = 0
    view: tuple | None = None
    init_std: float | None = None  # the "normal" initializer's standard deviation
    compare: Compare = field(default_factory=Compare)  # a second run varying one setting
    features: tuple = DEFAULT_FEATURES  # the network's input features (engine.features)

    # ---- what the engine builds ----------------------------------------------------------
    def network_spec(self):
        """The engine's network spec: the hidden layers, then the output layer of the data's
        classes; on the input features of points, or on the pixels of images (the features
        are then not used)."""
        std = self.init_std if self.init == "normal" else None
        return network_spec(self.hidden, self.init, self.seed, init_std=std,
                            features=self.features, classes=self.classes, image=self.image)

    @property
    def classes(self):
        """K, the number of classes of the data (2 … 10): labels 0 … K−1."""
        return data_classes(self.data)

    @property
    def image(self):
        """(rows, columns) when the data are images (digits), None for points."""
        return IMAGES.get(self.data["name"])

    def train_config(self):
        """The engine's TrainConfig, with the session's seed for the minibatch order (and
        the dropout masks); dropout rates for layers this network lacks (a compare run with
        fewer layers) are left out."""
        return replace(self.training, seed=self.seed, eval_every=0,
                       dropout=_rates(self.training.dropout[: len(self.hidden)]))

    def dropout_of(self, index):
        """The dropout rate of hidden layer `index` (0-based): 0.0 where none is set."""
        rates = self.training.dropout
        return rates[index] if index < len(rates) else 0.0

    def with_dropout(self, index, rate):
        """Hidden layer `index` (0-based) drops units at `rate` while training (in place:
        the network stays)."""
        rates = [self.dropout_of(i) for i in range(max(len(self.hidden), index + 1))]
        rates[index] = rate
        return self.with_training(dropout=_rates(rates))

    def twin(self):
        """The compare mode's second run (None while compare is off): lab.compare."""
        return twin_session(self)

    def dataset(self) -> Dataset:
        """The engine Dataset of the data part (DatasetError when it cannot be made)."""
        return build_dataset(self.data)

    # ---- kinds of edit -------------------------------------------------------------------
    def structure(self):
        """What a rebuild depends on: two sessions with equal structures share a network."""
        return (self.data, self.features, self.hidden, self.init, self.init_std, self.seed,
                self.training.loss)

    def hyper(self):
        """The training settings that change in place."""
        return {key: getattr(self.training, key) for key in HYPER_KEYS}

    # ---- edits -------------------------------------------------------------------------------
    def with_training(self, **changes):
        return replace(self, training=replace(self.training, **changes).validated())

    def with_data(self, **changes):
        return replace(self, data={**self.data, **changes})

    def with_features(self, features):
        """Other input features: a new network (the view goes back to the output)."""
        return replace(self, features=tuple(features), view=None)

    def with_hidden(self, hidden, dropout=None):
        """Other hidden layers; `dropout`: their rates, in the same order (None: the rates
        the layers at these places had, as far as there are layers)."""
        hidden = tuple(dict(layer) for layer in hidden)
        rates = self.training.dropout if dropout is None else dropout
        training = replace(self.training, dropout=_rates(rates[: len(hidden)])).validated()
        return replace(self, hidden=hidden, view=None, training=training)

    def with_layer(self, index, **changes):
        """Layer `index` (0-based) changed. A new activation starts from its own defaults:
        the old one's parameters go, unless given with it."""
        layers = [dict(layer) for layer in self.hidden]
        layer = {**layers[index], **changes}
        if "activation" in changes:
            layer = {k: v for k, v in layer.items()
                     if k in ("units", "activation") or k in changes}
        layers[index] = layer
        return self.with_hidden(layers)

    # ---- plain data ----------------------------------------------------------------------
    def to_dict(self):
        training = self.training.to_dict()
        del training["seed"], training["eval_every"]  # the session's seed; no evaluation
        return {"version": SESSION_VERSION, "data": _plain(self.data),
                "network": {"features": list(self.features),
                            "hidden": [dict(layer) for layer in self.hidden],
                            "init": self.init, "init_std": self.init_std},
                "training": training, "seed": self.seed,
                "view": None if self.view is None else list(self.view),
                "compare": self.compare.to_dict()}

    @classmethod
    def from_dict(cls, d):
        """A validated Session from a dict made by to_dict (SessionError when it is not)."""
        if not isinstance(d, dict):
            raise SessionError("a session must be an object")
        version = d.get("version")
        if isinstance(version, bool) or not isinstance(version, int) \
                or version != SESSION_VERSION:
            raise SessionError("unsupported session version {version!r}; this xorlab reads "
                               "version {readable}", version=d.get('version'),
                               readable=SESSION_VERSION)
        network = d.get("network")
        if not isinstance(network, dict) or not isinstance(network.get("hidden"), list):
            raise SessionError("network must be an object with a list of hidden layers")
        seed = d.get("seed", 0)
        try:
            features = check_features(network.get("features", DEFAULT_FEATURES),
                                      "network.features")
        except FeatureError as e:
            raise SessionError(e.template, **e.params) from None
        data = check_data(d.get("data"))
        try:
            spec = normalize_spec(network_spec(
                network["hidden"], network.get("init", "xavier"), seed,
                init_std=network.get("init_std"), features=features,
                classes=data_classes(data), image=IMAGES.get(data["name"])))
            training = d.get("training", {})
            if not isinstance(training, dict):
                raise ConfigError("training must be an object")
            config = TrainConfig.from_dict({**training, "seed": 0, "eval_every": 0})
            compare = Compare.from_dict(d.get("compare", {}))
        except (SpecError, ConfigError, TypeError, ValueError) as e:
            raise SessionError("{reason}", reason=e) from None
        if len(config.dropout) > len(spec["layers"]) - 1:
            raise SessionError("training dropout gives {count} rates but the network has "
                               "{hidden} hidden layer(s)", count=len(config.dropout),
                               hidden=len(spec["layers"]) - 1)
        config = replace(config, dropout=_rates(config.dropout))
        session = cls(data=data, hidden=tuple(spec["layers"][:-1]),
                      init=spec["init"], training=config, seed=spec["seed"],
                      view=_check_view(d.get("view"), spec),
                      init_std=network.get("init_std") if spec["init"] == "normal" else None,
                      compare=compare, features=features)
        return session

    @classmethod
    def from_model(cls, spec, config=None, data=None, fallback=None):
        """The session of a model file: its network spec, its training settings and data
        (the `fallback` session's where the file has none; an image network's, its images).
        SessionError when the network does not fit the data (its inputs or classes)."""
        fallback = fallback or cls()
        spec = normalize_spec(spec)
        training = fallback.training if config is None else replace(config, eval_every=0)
        if data is None and "image" in spec:  # the images of that shape: their dataset
            data = {"name": next(name for name, shape in IMAGES.items()
                                 if list(shape) == spec["image"])}
        data = check_data(data) if data is not None else fallback.data
        session = cls(data=data, hidden=tuple(spec["layers"][:-1]), init=spec["init"],
                      training=training, seed=spec["seed"], init_std=spec.get("init_std"),
                      features=tuple(spec["features"]) or DEFAULT_FEATURES)
        if normalize_spec(session.network_spec()) != spec:
            raise SessionError("the network ({inputs} inputs, {classes} classes) does not fit "
                               "the data ({data_inputs} inputs, {data_classes} classes)",
                               inputs=spec["inputs"], classes=spec_classes(spec),
                               data_inputs=session.network_spec()["inputs"],
                               data_classes=session.classes)
        return session


def points_data(X, y, label="drawn", test_fraction=0.0, seed=0, extent=SQUARE, path=None,
                classes=2):
    """The data part for given points (drawn by hand, or read from a CSV file) of `classes`
    classes: one record for the editor, the CLI's model files and the app that opens them.
    (Two classes write no "classes": such a record is what it was before K existed.)"""
    data = {"name": "points", "label": label, "X": [[float(a), float(b)] for a, b in X],
            "y": [int(v) for v in y], "test_fraction": test_fraction, "seed": seed,
            "extent": [float(v) for v in extent]}
    if path is not None:
        data["path"] = str(path)
    if classes != 2:
        data["classes"] = classes
    return data


def data_classes(data):
    """K of a (checked) data part: its "classes", or the dataset's own number (2 for every
    record written before K existed)."""
    name = data["name"]
    return data.get("classes", 2) if name == "points" else \
        dataset_classes(name, data.get("classes"))


def spec_classes(spec):
    """K of a normalized network spec: the size of its softmax output, 2 for one unit."""
    last = spec["layers"][-1]
    return 2 if last["units"] == 1 else last["units"]


def only_switched(old, new):
    """True when `new` differs from `old` in the layers' activations or the initializer only
    (same layer sizes, same everything else): the window keeps the run before as a faded
    curve to compare with."""
    same_shape = [layer["units"] for layer in old.hidden] == \
        [layer["units"] for layer in new.hidden]
    return same_shape and (old.hidden != new.hidden or old.init != new.init) \
        and replace(old, hidden=new.hidden, init=new.init, view=new.view,
                    compare=new.compare).structure() == new.structure()


def csv_data(path, test_fraction=0.0, seed=0, classes=None):
    """The data part for the points of a CSV file x1,x2,label, labels 0 … K−1 (DatasetError
    when the file cannot be used: engine.datasets.load_csv, and two classes at least must be
    there). `classes` K, or None: as many as the labels say (two for a file of 0 / 1). The
    editor's CSV choice and `xorlab train --csv` both read files here."""
    from ..engine import load_csv
    from ..engine.datasets import check_two_classes

    ds = load_csv(path, test_fraction=0.0, classes=classes)
    check_two_classes(ds.y_train, path)
    return points_data(ds.X_train, ds.y_train, "csv", test_fraction, seed, ds.extent, path,
                       ds.classes)


def build_dataset(data):
    """The engine Dataset for a session's data part."""
    if data["name"] == "points":
        return Dataset.from_points(np.asarray(data["X"], dtype=float).reshape(-1, 2),
                                   np.asarray(data["y"], dtype=float),
                                   name=data.get("label", "points"),
                                   test_fraction=data.get("test_fraction", 0.0),
                                   seed=data.get("seed", 0),
                                   extent=tuple(data.get("extent", SQUARE)),
                                   classes=data_classes(data))
    if data["name"] in IMAGES:
        return make_dataset(data["name"])
    return make_dataset(data["name"], n=data.get("n", 200), noise=data.get("noise", 0.0),
                        test_fraction=data.get("test_fraction", 0.2), seed=data.get("seed", 0),
                        classes=data.get("classes"))


def check_data(data):
    """The data part, checked for types and ranges (SessionError naming the field); keys it
    does not know are dropped (a file's `"junk": NaN` would otherwise be saved again, and
    JSON has no NaN)."""
    if not isinstance(data, dict):
        raise SessionError("data must be an object")
    name = data.get("name")
    if not isinstance(name, str):  # (a list or an object is no dataset's name)
        raise SessionError("unknown dataset {name!r}; allowed: {allowed}, points", name=name,
                           allowed=', '.join(GENERATED))
    _number(data, "test_fraction", *TEST_FRACTION_RANGE)
    _whole(data, "seed", 0, SEED_MAX)
    if "classes" in data and (name == "points" or name in CLASS_GENERATORS):
        try:
            classes = check_classes(data["classes"], "data")
        except DatasetError as e:
            raise SessionError(e.template, **e.params) from None
        if name in CLASS_GENERATORS and classes != dataset_classes(name, classes):
            raise SessionError("data classes: {name} has {classes} classes, got {value!r}",
                               name=name, classes=dataset_classes(name), value=classes)
        if name == "blobs" and classes < BLOBS_CLASSES[0]:
            raise SessionError("data classes: blobs need {low} to {high} classes, got "
                               "{value!r}", low=BLOBS_CLASSES[0], high=BLOBS_CLASSES[1],
                               value=classes)
    if name in IMAGES:
        pass  # the images and their split are the bundled file's: nothing to choose
    elif name == "points":
        if data.get("label", "drawn") not in POINT_SOURCES:
            raise SessionError("data label must be one of {allowed}",
                               allowed=', '.join(POINT_SOURCES))
        X, y = data.get("X"), data.get("y")
        if not isinstance(X, list) or not isinstance(y, list) or len(X) > MAX_POINTS:
            raise SessionError("data X and y must be lists of at most {max_points} points",
                               max_points=MAX_POINTS)
        try:
            Xa = np.array(X, dtype=float).reshape(-1, 2)
            check_points(Xa, np.array(y, dtype=float), "data", data.get("classes", 2))
        except (TypeError, ValueError, OverflowError, DatasetError) as e:
            raise SessionError("data points: {reason}", reason=e) from None
        extent = data.get("extent", SQUARE)
        if (not isinstance(extent, (list, tuple)) or len(extent) != 2
                or not all(is_finite_number(v) for v in extent)
                or not extent[0] < extent[1]):
            raise SessionError("data extent must be two finite numbers lo < hi")
        if not isinstance(data.get("path", ""), str):
            raise SessionError("data path must be text")
    elif name in GENERATED:
        _whole(data, "n", MIN_POINTS, MAX_POINTS)
        _number(data, "noise", *NOISE_RANGE)
    else:
        raise SessionError("unknown dataset {name!r}; allowed: {allowed}, points", name=name,
                           allowed=', '.join(GENERATED))
    kind = "points" if name == "points" else "images" if name in IMAGES else "generated"
    keys = DATA_KEYS[kind]
    if name not in ("points", "blobs"):  # K is the dataset's own
        keys = tuple(k for k in keys if k != "classes")
    return {k: v for k, v in data.items() if k in keys}


def _check_view(view, spec):
    if view is None:
        return None
    hidden = spec["layers"][:-1]
    if (not isinstance(view, (list, tuple)) or len(view) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in view)
            or not 0 <= view[0] < len(hidden) or not 0 <= view[1] < hidden[view[0]]["units"]):
        raise SessionError("view must be null or [layer, unit] of a hidden neuron, got {view!r}",
                           view=view)
    return tuple(view)


def _number(data, key, lo, hi):
    v = data.get(key, lo)
    if not is_finite_number(v) or not lo <= v <= hi:
        raise SessionError("data {key} must be a number from {lo:g} to {hi:g}, got {v!r}", key=key,
                           lo=lo, hi=hi, v=v)


def _whole(data, key, lo, hi):
    v = data.get(key, lo)
    if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
        raise SessionError("data {key} must be a whole number from {lo} to {hi}, got {v!r}",
                           key=key, lo=lo, hi=hi, v=v)


def _rates(rates):
    """Dropout rates as the session keeps them: floats, without trailing zeros (so "none"
    is always ())."""
    rates = [float(p) for p in rates]
    while rates and rates[-1] == 0.0:
        rates.pop()
    return tuple(rates)


def _plain(value):
    """Tuples as lists, recursively: what json.dumps writes and json.loads gives back."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


__all__ = ["Session", "SessionError", "HYPER_KEYS", "OUTPUT_LAYER", "MAX_HIDDEN_LAYERS",
           "build_dataset", "check_data", "csv_data", "points_data"]
