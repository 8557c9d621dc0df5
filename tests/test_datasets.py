import numpy as np
import pytest

from xorlab.engine import DatasetError, load_csv, make_dataset
from xorlab.engine.datasets import GENERATORS, IMAGES, load_digits


@pytest.mark.parametrize("name", list(GENERATORS))
def test_generated_datasets(name):
    ds = make_dataset(name, n=200, noise=0.1, test_fraction=0.25, seed=4)
    assert ds.X_train.shape == (150, 2) and ds.X_test.shape == (50, 2)
    assert set(np.unique(np.r_[ds.y_train, ds.y_test])) == {0.0, 1.0}
    again = make_dataset(name, n=200, noise=0.1, test_fraction=0.25, seed=4)
    assert np.array_equal(ds.X_train, again.X_train)
    other = make_dataset(name, n=200, noise=0.1, test_fraction=0.25, seed=5)
    assert not np.array_equal(ds.X_train, other.X_train)


def test_xor_is_the_truth_table():
    ds = make_dataset("xor")
    rows = {tuple(x): y for x, y in zip(ds.X_train.tolist(), ds.y_train)}
    assert rows == {(0, 0): 0, (0, 1): 1, (1, 0): 1, (1, 1): 0}


def test_xor_quadrants_labels_by_sign():
    ds = make_dataset("xor-quadrants", n=500, noise=0.0)
    X, y = ds.X_train, ds.y_train
    assert np.array_equal(y, (X[:, 0] * X[:, 1] < 0).astype(float))
    assert np.abs(X).max() <= 1.0


@pytest.mark.parametrize("kwargs,match", [
    (dict(name="nope"), "allowed: xor"), (dict(name="circle", n=0), "number of points"),
    (dict(name="circle", noise=-1), "noise"), (dict(name="circle", test_fraction=1.5),
                                               "test fraction"),
    (dict(name="csv"), "file path"),
])
def test_bad_parameters(kwargs, match):
    with pytest.raises(DatasetError, match=match):
        make_dataset(**kwargs)


def test_csv_round_trip(tmp_path):
    f = tmp_path / "pts.csv"
    f.write_text("x1,x2,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n\n# comment\n2.5,-1,1\n")
    ds = load_csv(f, test_fraction=0.0)
    assert ds.n_train == 5 and ds.n_test == 0
    assert sorted(ds.y_train.tolist()) == [0, 0, 1, 1, 1]
    assert ds.extent[1] >= 2.5


@pytest.mark.parametrize("text,match", [
    ("0,0,0\n1,1\n", ":2: expected 3 columns"),
    ("0,0,0\n1,x,1\n", ":2: not a number"),
    ("0,0,0\n1,1,0.5\n", ":2: label must be a whole number from 0 to 9"),
    ("0,0,0\n1,1,10\n", ":2: label must be a whole number from 0 to 9"),
    ("0,0,0\n1,1,-1\n", ":2: label must be a whole number from 0 to 9"),
    ("0,0,0\nnan,1,1\n", ":2: x1 and x2 must be finite"),
    ("x1,x2,label\n", "at least 2 data rows"),
])
def test_csv_errors_name_line_and_problem(tmp_path, text, match):
    f = tmp_path / "bad.csv"
    f.write_text(text)
    with pytest.raises(DatasetError, match=match):
        load_csv(f)


def test_csv_binary_and_missing(tmp_path):
    f = tmp_path / "bin.csv"
    f.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(DatasetError, match="UTF-8"):
        load_csv(f)
    with pytest.raises(DatasetError, match="cannot read"):
        load_csv(tmp_path / "missing.csv")


@pytest.mark.parametrize("name,classes", [("spiral3", None), ("blobs", None), ("blobs", 3),
                                          ("blobs", 7), ("blobs", 10)])
def test_datasets_of_more_classes(name, classes):
    ds = make_dataset(name, n=300, noise=0.05, test_fraction=0.2, seed=1, classes=classes)
    k = classes or 3
    assert ds.classes == k and ds.image is None
    assert ds.X_train.shape == (240, 2) and ds.X_test.shape == (60, 2)
    labels = np.r_[ds.y_train, ds.y_test]
    assert set(np.unique(labels)) == set(range(k))  # every class, labels 0 … K−1
    assert np.bincount(labels.astype(int)).min() == 300 // k  # as many points of each
    again = make_dataset(name, n=300, noise=0.05, test_fraction=0.2, seed=1, classes=classes)
    assert np.array_equal(ds.X_train, again.X_train)


@pytest.mark.parametrize("kwargs,params", [
    (dict(name="blobs", classes=1), {"low": 2, "high": 10, "classes": 1}),
    (dict(name="blobs", classes=2), {"high": 10, "classes": 2}),
    (dict(name="blobs", classes=11), {"low": 2, "high": 10, "classes": 11}),
    (dict(name="blobs", classes=3.5), {"low": 2, "high": 10, "classes": 3.5}),
    (dict(name="spiral3", classes=4), {"name": "spiral3", "classes": 3}),
    (dict(name="circle", classes=3), {"name": "circle", "classes": 2}),
])
def test_bad_class_counts_say_what_is_allowed(kwargs, params):
    with pytest.raises(DatasetError) as e:
        make_dataset(**kwargs)
    assert params.items() <= e.value.params.items()  # what is wrong and what is allowed


def test_csv_labels_say_the_number_of_classes(tmp_path):
    f = tmp_path / "three.csv"
    f.write_text("x1,x2,label\n0,0,0\n0,1,1\n1,0,2\n1,1,2\n")
    assert load_csv(f).classes == 3  # as many as the labels say
    assert load_csv(f, classes=5).classes == 5  # or as many as asked for, if they fit
    with pytest.raises(DatasetError, match=":4: label must be 0 or 1"):
        load_csv(f, classes=2)
    two = tmp_path / "two.csv"
    two.write_text("0,0,0\n1,1,1\n")
    assert load_csv(two).classes == 2  # a file of 0 / 1 is what it always was


def test_digits_are_bundled_with_a_fixed_stratified_split():
    ds = make_dataset("digits")
    assert ds is not None and ds.classes == 10 and ds.image == IMAGES["digits"] == (8, 8)
    assert ds.n_train + ds.n_test == 1797 and ds.X_train.shape[1] == 64
    assert 0.0 <= ds.X_train.min() and ds.X_train.max() == 1.0  # pixels 0 … 16 scaled
    test_counts = np.bincount(ds.y_test.astype(int))
    all_counts = test_counts + np.bincount(ds.y_train.astype(int))
    assert np.array_equal(test_counts, np.round(0.2 * all_counts))  # 20 % of each digit
    again = load_digits()
    assert np.array_equal(ds.X_test, again.X_test)  # the same split every time
