"""Datasets, seeded, split into train and test: two-dimensional toys, and handwritten digits.

Labels are whole numbers 0 … K−1 (float64, shape (n,)) for K = `Dataset.classes` classes.
`xor` is the lecture's truth table; the two-class point sets (GENERATORS) follow TensorFlow
Playground's shapes, scaled to lie in about [−1, 1]². CLASS_GENERATORS make K ≥ 3 classes
of points: `spiral3` (three arms) and `blobs` (K chosen, 3 … 10). A CSV file holds points
x1,x2,label with labels 0 … K−1.

`digits` is not points but images: the 1,797 8×8 handwritten digits (10 classes) of UCI's
"Optical Recognition of Handwritten Digits" (CC BY 4.0), bundled in resources/data/digits.npz
(made by scripts/make_digits.py); X is (n, 64), the pixels row by row scaled to [0, 1], and
`Dataset.image` is (8, 8). Its split is fixed: the file marks a stratified 20 % as the test
set, so every run is measured on the same 360 images.
"""

from __future__ import annotations

import csv
import functools
import io
import math
from dataclasses import dataclass, field

import numpy as np

from .errors import Phrase, XorlabError
from .spec import (
    CLASSES,
    MAX_COORDINATE,
    MAX_POINTS,
    MIN_POINTS,
    NOISE_RANGE,
    TEST_FRACTION_RANGE,
)
from .textfile import MAX_CSV_BYTES, TextFileError, read_text

XOR_TABLE = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_LABELS = np.array([0.0, 1.0, 1.0, 0.0])  # 1 where the two inputs differ
SQUARE = (-1.25, 1.25)


class DatasetError(XorlabError):
    """Bad dataset parameters or a malformed CSV file; the message says what is allowed."""


@dataclass
class Dataset:
    name: str
    X_train: np.ndarray  # (n, 2) float64: points; (n, rows·columns) pixels of images
    y_train: np.ndarray  # (n,) float64 of whole numbers 0 … classes−1
    X_test: np.ndarray
    y_test: np.ndarray
    extent: tuple = SQUARE  # the input square (lo, hi) shown in the decision plot
    params: dict = field(default_factory=dict)
    test_is_train: bool = False  # the XOR truth table: its 4 points are both sets
    classes: int = 2  # K: the labels are 0 … K−1
    image: tuple | None = None  # (rows, columns) when X holds images, None for points

    @property
    def n_train(self):
        return len(self.y_train)

    @property
    def n_test(self):
        return len(self.y_test)

    @classmethod
    def from_points(cls, X, y, name="drawn", test_fraction=0.0, seed=0, extent=SQUARE,
                    classes=2):
        """A dataset from given points (drawn by hand or read from a file) of `classes`
        classes."""
        try:
            X = np.asarray(X, dtype=float).reshape(-1, 2)
            y = np.asarray(y, dtype=float).reshape(-1)
        except (TypeError, ValueError, OverflowError) as e:
            raise DatasetError("{name}: points must be pairs of numbers: {reason}", name=name,
                               reason=e) from None
        check_points(X, y, name, classes)
        ds = _split(name, X, y, test_fraction, seed, extent,
                    {"test_fraction": test_fraction, "seed": seed})
        ds.classes = classes
        return ds


def check_classes(classes, where=None):
    """K as an int; DatasetError unless it is a whole number in spec.CLASSES (2 … 10)."""
    if isinstance(classes, bool) or not isinstance(classes, (int, np.integer)) \
            or not CLASSES[0] <= classes <= CLASSES[1]:
        raise DatasetError("{where}the number of classes must be a whole number from {low} to "
                           "{high}, got {classes!r}", where=f"{where}: " if where else "",
                           low=CLASSES[0], high=CLASSES[1], classes=classes)
    return int(classes)


def check_points(X, y, where="points", classes=2):
    """Points must be at most MAX_POINTS, finite, within ±MAX_COORDINATE, labelled with
    whole numbers 0 … classes−1 (0 or 1 for two)."""
    if len(X) != len(y):
        raise DatasetError("{where}: {points} points but {labels} labels", where=where,
                           points=len(X), labels=len(y))
    if len(y) > MAX_POINTS:
        raise DatasetError("{where}: at most {max_points} points are allowed, got {points}",
                           where=where, max_points=MAX_POINTS, points=len(y))
    if not np.isfinite(X).all() or (np.abs(X) > MAX_COORDINATE).any():
        raise DatasetError("{where}: x1 and x2 must be finite numbers from {low:g} to {high:g}",
                           where=where, low=-MAX_COORDINATE, high=MAX_COORDINATE)
    if not np.isin(y, np.arange(classes)).all():
        if classes == 2:
            raise DatasetError("{where}: every label must be 0 or 1", where=where)
        raise DatasetError("{where}: every label must be a whole number from 0 to {last} "
                           "({classes} classes)", where=where, last=classes - 1, classes=classes)


def _split(name, X, y, test_fraction, seed, extent, params):
    rng = np.random.default_rng([seed, 1])
    order = rng.permutation(len(y))
    n_test = int(round(len(y) * test_fraction))
    if len(y) - n_test < 1:
        n_test = len(y) - 1
    test, train = order[:n_test], order[n_test:]
    return Dataset(name, X[train].copy(), y[train].copy(), X[test].copy(), y[test].copy(),
                   extent, params)


# ---- generators: (n, noise, rng) -> X (n, 2), y (n,) -------------------------------------
def _xor_quadrants(n, noise, rng):
    """Uniform in [−1, 1]²; class 1 where x1 and x2 have different signs (XOR of the signs)."""
    X = rng.uniform(-1.0, 1.0, size=(n, 2))
    y = (X[:, 0] * X[:, 1] < 0).astype(float)
    return X + noise * rng.normal(size=X.shape), y


def _circle(n, noise, rng):
    """Class 1 inside radius 0.5, class 0 on a ring from 0.7 to 1."""
    y = (np.arange(n) % 2 == 0).astype(float)
    r = np.where(y == 1, rng.uniform(0.0, 0.5, n), rng.uniform(0.7, 1.0, n))
    angle = rng.uniform(0.0, 2 * np.pi, n)
    X = np.column_stack([r * np.cos(angle), r * np.sin(angle)])
    return X + noise * rng.normal(size=X.shape), y


def _gaussian(n, noise, rng):
    """Two Gaussian blobs centred at (0.5, 0.5) (class 1) and (−0.5, −0.5) (class 0)."""
    y = (np.arange(n) % 2 == 0).astype(float)
    centre = np.where(y[:, None] == 1, 0.5, -0.5)
    return centre + (0.2 + noise) * rng.normal(size=(n, 2)), y


def _spiral(n, noise, rng):
    """Two interleaved spiral arms, one per class."""
    y = (np.arange(n) % 2 == 0).astype(float)
    t = rng.uniform(0.0, 1.0, n)
    angle = 1.75 * 2 * np.pi * t + np.pi * y
    X = np.column_stack([t * np.sin(angle), t * np.cos(angle)])
    return X + noise * rng.normal(size=X.shape), y


def _moons(n, noise, rng):
    """Two interleaving half circles."""
    y = (np.arange(n) % 2 == 0).astype(float)
    angle = rng.uniform(0.0, np.pi, n)
    upper = np.column_stack([np.cos(angle), np.sin(angle)])
    lower = np.column_stack([1.0 - np.cos(angle), 0.5 - np.sin(angle)])
    X = np.where(y[:, None] == 1, upper, lower)
    X = (X - [0.5, 0.25]) * 0.8
    return X + noise * rng.normal(size=X.shape), y


def _spiral3(n, noise, rng, classes=3):
    """Three interleaved spiral arms, one per class (1.5 turns each)."""
    y = (np.arange(n) % classes).astype(float)
    t = rng.uniform(0.05, 1.0, n)
    angle = 1.5 * 2 * np.pi * t + 2 * np.pi * y / classes
    X = np.column_stack([t * np.sin(angle), t * np.cos(angle)])
    return X + noise * rng.normal(size=X.shape), y


def _blobs(n, noise, rng, classes=3):
    """K Gaussian blobs (std 0.1 + noise) centred on a circle of radius 0.7, one a class."""
    y = (np.arange(n) % classes).astype(float)
    angle = 2 * np.pi * y / classes
    centre = 0.7 * np.column_stack([np.cos(angle), np.sin(angle)])
    return centre + (0.1 + noise) * rng.normal(size=(n, 2)), y


GENERATORS = {  # two classes of points: what the editor and the sweep offer
    "xor-quadrants": _xor_quadrants,
    "circle": _circle,
    "gaussian": _gaussian,
    "spiral": _spiral,
    "moons": _moons,
}
CLASS_GENERATORS = {  # K ≥ 3 classes of points: (n, noise, rng, classes) -> X, y
    "spiral3": _spiral3,
    "blobs": _blobs,
}
FIXED_CLASSES = {"spiral3": 3, "digits": 10}  # datasets whose K is theirs, not chosen
CHOSEN_CLASSES = ("blobs", "csv")  # datasets whose K is a parameter ("classes")
DEFAULT_BLOBS = 3  # blobs' K when none is given
BLOBS_CLASSES = (3, CLASSES[1])  # blobs' K: lowest and highest (two blobs: gaussian)
IMAGES = {"digits": (8, 8)}  # datasets of images: their (rows, columns)
DATASETS = ["xor", *GENERATORS, *CLASS_GENERATORS, "digits", "csv"]
DATASET_HELP = {
    "xor": "the 4-row XOR truth table (n and test fraction ignored; test = train)",
    "xor-quadrants": "uniform in [-1,1]^2, class 1 where sign(x1) != sign(x2)",
    "circle": "a disc (class 1) inside a ring (class 0)",
    "gaussian": "two Gaussian blobs",
    "spiral": "two interleaved spiral arms",
    "moons": "two interleaving half circles",
    "spiral3": "three interleaved spiral arms (3 classes)",
    "blobs": "K Gaussian blobs on a circle (--classes K, 3 to 10; default 3)",
    "digits": "1,797 handwritten digits, 8x8 pixels, 10 classes (fixed 20 % test split; "
              "UCI, CC BY 4.0)",
    "csv": "your own points from a CSV file x1,x2,label (label 0 ... K-1)",
}


def dataset_classes(name, classes=None):
    """K of a dataset: its own (spiral3 3, digits 10), the chosen one (blobs, csv: None
    means blobs' default, or for a CSV file as many as its labels say), or 2."""
    if name in FIXED_CLASSES:
        return FIXED_CLASSES[name]
    if name in CHOSEN_CLASSES:
        return classes if classes is not None or name == "csv" else DEFAULT_BLOBS
    return 2


def make_dataset(name, n=200, noise=0.0, test_fraction=0.2, seed=0, path=None,
                 classes=None):
    """Make a named dataset. Parameters: n points, noise (std, 0…1), test fraction, seed;
    `classes` K for blobs (3 … 10) and for a CSV file (None: its labels say). The digits
    take none of them: their images and split are fixed."""
    if name not in DATASETS:
        raise DatasetError("unknown dataset {name!r}; allowed: {allowed}", name=name,
                           allowed=', '.join(DATASETS))
    if classes is not None and name not in CHOSEN_CLASSES:
        raise DatasetError("{name} has {classes} classes of its own; the number of classes "
                           "is chosen for {allowed} only", name=name,
                           classes=dataset_classes(name), allowed=', '.join(CHOSEN_CLASSES))
    if name == "blobs" and classes is not None and check_classes(classes) < BLOBS_CLASSES[0]:
        raise DatasetError("blobs need {low} to {high} classes, got {classes} (two blobs: "
                           "the gaussian dataset)", low=BLOBS_CLASSES[0], high=BLOBS_CLASSES[1],
                           classes=classes)
    if name == "digits":
        return load_digits()
    _check_number(test_fraction, *TEST_FRACTION_RANGE, Phrase("test fraction"))
    _check_number(noise, *NOISE_RANGE, Phrase("noise"))
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise DatasetError("seed must be a whole number >= 0, got {seed!r}", seed=seed)
    if name == "csv":
        if path is None:
            raise DatasetError("the csv dataset needs a file path")
        return load_csv(path, test_fraction, seed, classes)
    params = {"n": n, "noise": noise, "test_fraction": test_fraction, "seed": seed}
    if name == "xor":
        X = XOR_TABLE + noise * np.random.default_rng(seed).normal(size=XOR_TABLE.shape)
        return Dataset("xor", X, XOR_LABELS.copy(), X.copy(), XOR_LABELS.copy(),
                       (-0.5, 1.5), params, test_is_train=True)
    if (isinstance(n, bool) or not isinstance(n, (int, np.integer))
            or not MIN_POINTS <= n <= MAX_POINTS):
        raise DatasetError("number of points must be a whole number from {min_points} to "
                           "{max_points}, got {n!r}", min_points=MIN_POINTS, max_points=MAX_POINTS,
                           n=n)
    rng = np.random.default_rng(seed)
    if name in CLASS_GENERATORS:
        k = dataset_classes(name, classes)
        X, y = CLASS_GENERATORS[name](int(n), float(noise), rng, k)
        if name in CHOSEN_CLASSES:
            params["classes"] = k
        ds = _split(name, X, y, test_fraction, seed, SQUARE, params)
        ds.classes = k
        return ds
    X, y = GENERATORS[name](int(n), float(noise), rng)
    return _split(name, X, y, test_fraction, seed, SQUARE, params)


def _check_number(value, lo, hi, what):
    try:
        ok = lo <= float(value) <= hi
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise DatasetError("{what} must be a number from {lo} to {hi}, got {value!r}", what=what,
                           lo=lo, hi=hi, value=value)


def check_two_classes(y, where):
    """Training needs points of at least two classes: one class teaches nothing (a
    meaningless 100 %). DatasetError naming `where` (a file) otherwise."""
    labels = np.unique(y)
    if len(labels) < 2:
        raise DatasetError("{path}: every point is of class {label}; training needs points "
                           "of both classes", path=where, label=int(labels[0]))


def load_csv(path, test_fraction=0.2, seed=0, classes=None):
    """Read points from a CSV file with rows x1,x2,label, the label a whole number 0 … K−1
    (K = `classes`, 2 … 10; None: the largest label + 1, at least 2, so a file of 0 / 1 is
    two classes as ever, and then every label 0 … K−1 must be used: a gap is a mistake).
    The first row is a header when none of its cells is a number; a UTF-8 byte-order mark
    is allowed.

    Raises DatasetError naming the file, line and problem; at most MAX_POINTS rows.
    """
    if classes is not None:
        check_classes(classes, path)
    top = (CLASSES[1] if classes is None else classes) - 1  # the largest label allowed
    rows, labels = [], []
    try:
        text = read_text(path, MAX_CSV_BYTES, encoding="utf-8-sig")
    except TextFileError as e:
        raise DatasetError(e.template, **e.params) from None
    try:
        for lineno, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
            if not row or all(not c.strip() for c in row) or row[0].lstrip().startswith("#"):
                continue
            if not rows and lineno == 1 and not any(_is_number(c) for c in row):
                continue  # a header line
            if len(row) != 3:
                raise DatasetError("{path}:{line}: expected 3 columns x1,x2,label, got {columns}",
                                   path=path, line=lineno, columns=len(row))
            try:
                x1, x2, label = (_number(c) for c in row)
            except ValueError:
                raise DatasetError("{path}:{line}: not a number in {text!r}; expected x1,x2,label",
                                   path=path, line=lineno, text=','.join(row)) from None
            if not all(math.isfinite(v) and abs(v) <= MAX_COORDINATE for v in (x1, x2)):
                raise DatasetError("{path}:{line}: x1 and x2 must be finite numbers from {low:g} "
                                   "to {high:g}", path=path, line=lineno, low=-MAX_COORDINATE,
                                   high=MAX_COORDINATE)
            if len(rows) == MAX_POINTS:
                raise DatasetError("{path}: more than {max_points} points; at most {max_points} "
                                   "are allowed", path=path, max_points=MAX_POINTS)
            if not (0 <= label <= top and float(label).is_integer()):
                if top == 1:
                    raise DatasetError("{path}:{line}: label must be 0 or 1, got {label!r}",
                                       path=path, line=lineno, label=row[2])
                raise DatasetError("{path}:{line}: label must be a whole number from 0 to "
                                   "{last}, got {label!r}", path=path, line=lineno, last=top,
                                   label=row[2])
            rows.append((x1, x2))
            labels.append(label)
    except csv.Error as e:
        raise DatasetError("{path}: malformed CSV: {reason}", path=path, reason=e) from None
    if len(rows) < 2:
        raise DatasetError("{path}: needs at least 2 data rows x1,x2,label, found {rows}",
                           path=path, rows=len(rows))
    X = np.array(rows)
    reach = float(np.abs(X).max()) * 1.1 or 1.0
    ds = _split("csv", X, np.array(labels), test_fraction, seed, (-reach, reach),
                {"path": str(path), "test_fraction": test_fraction, "seed": seed})
    if classes is None:  # as many as the labels say: then every one of them is used
        classes = max(2, int(max(labels)) + 1)
        missing = sorted(set(range(classes)) - {int(v) for v in labels})
        if missing:
            raise DatasetError("{path}: no point has the label {missing}; the labels of {classes} "
                               "classes are 0 to {last}, each used (or give the number of "
                               "classes)", path=path, missing=', '.join(map(str, missing)),
                               classes=classes, last=classes - 1)
    ds.classes = classes
    return ds


DIGITS_FILE = "data/digits.npz"  # under resources/: scripts/make_digits.py writes it


def load_digits():
    """The bundled digits as a Dataset: (n, 64) pixels in [0, 1] (the file's 0 … 16 / 16),
    labels 0 … 9, the file's fixed test split. Read once a process; the arrays are shared,
    read-only."""
    images, labels, test = _digits_arrays()
    return Dataset("digits", images[~test], labels[~test], images[test], labels[test],
                   extent=SQUARE, params={}, classes=10, image=IMAGES["digits"])


@functools.lru_cache(maxsize=1)
def _digits_arrays():
    from ..resources_path import resource_path

    try:
        with np.load(resource_path(DIGITS_FILE), allow_pickle=False) as f:
            images, labels, test = f["images"], f["labels"], f["test"]
    except (OSError, KeyError, ValueError) as e:  # a broken install: said, not a traceback
        raise DatasetError("the bundled digits cannot be read: {reason}", reason=e) from None
    out = (images.reshape(len(images), -1) / 16.0, labels.astype(float), test.astype(bool))
    for a in out:
        a.flags.writeable = False
    return out


def _number(text):
    """A CSV cell as a float: Python's float() but without its digit separators ("1_0" is
    not 10 in a data file)."""
    if "_" in text:
        raise ValueError(text)
    return float(text)


def _is_number(text):
    try:
        _number(text)
    except ValueError:
        return False
    return True
