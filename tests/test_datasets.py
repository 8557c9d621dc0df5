import numpy as np
import pytest

from xorlab.engine import DATASETS, DatasetError, load_csv, make_dataset


@pytest.mark.parametrize("name", [d for d in DATASETS if d not in ("csv", "xor")])
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
    ("0,0,0\n1,1,2\n", ":2: label must be 0 or 1"),
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
