#!/usr/bin/env python3
"""Convert the handwritten digits that scikit-learn ships into resources/data/digits.npz.

    pip download scikit-learn --no-deps -d /tmp/skl
    python scripts/make_digits.py /tmp/skl/scikit_learn-*.whl     (or the digits.csv.gz itself)

The source is UCI's "Optical Recognition of Handwritten Digits" (E. Alpaydin, C. Kaynak,
1998; CC BY 4.0), the 1,797 images of its test set as scikit-learn keeps them in
sklearn/datasets/data/digits.csv.gz: 64 pixels (8×8, each 0 … 16: the number of ink pixels in
a 4×4 block of the 32×32 scan) and the digit, one image a line. The output holds them as
uint8: `images` (1797, 8, 8), `labels` (1797,), and `test` (1797,) bool, a stratified 20 %
test split (seeded: 20 % of each digit's images, rounded; 359 in all). xorlab reads only
this file (engine.datasets.load_digits); nothing is downloaded when it runs. Run it again
only to remake the file, and commit the result.
"""

from __future__ import annotations

import gzip
import io
import sys
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "data" / "digits.npz"
MEMBER = "sklearn/datasets/data/digits.csv.gz"
TEST_SHARE = 0.2
SEED = 0


def read_csv_gz(path):
    """The rows of digits.csv.gz, from a scikit-learn wheel or the file itself, (n, 65)."""
    path = Path(path)
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            raw = wheel.read(MEMBER)
    else:
        raw = path.read_bytes()
    text = gzip.decompress(raw).decode("ascii")
    return np.loadtxt(io.StringIO(text), delimiter=",", dtype=np.int64)


def stratified_test(labels, share=TEST_SHARE, seed=SEED):
    """A bool mask: round(share · count) images of each class, chosen at random (seeded)."""
    rng = np.random.default_rng(seed)
    test = np.zeros(len(labels), dtype=bool)
    for k in np.unique(labels):
        members = np.flatnonzero(labels == k)
        test[rng.permutation(members)[: round(share * len(members))]] = True
    return test


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    rows = read_csv_gz(argv[0])
    assert rows.shape == (1797, 65), rows.shape
    pixels, labels = rows[:, :64], rows[:, 64]
    assert pixels.min() >= 0 and pixels.max() <= 16 and set(labels) == set(range(10))
    test = stratified_test(labels)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, images=pixels.reshape(-1, 8, 8).astype(np.uint8),
                        labels=labels.astype(np.uint8), test=test)
    print(f"{OUT}: {len(labels)} images, {test.sum()} for testing, "
          f"{OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
