"""What the window needs to show K classes, computed where the network is (no Qt here).

For points of K ≥ 3 classes, the decision picture: the most probable class in every cell of
the grid, how sure the network is there, and the lines between the classes' regions. For
every network, how each class fares on the test set: the confusion matrix and each class's
accuracy. For images, a fixed set of test images with the network's answer for each.
"""

from __future__ import annotations

import numpy as np

from .pictures import cell_edges

SAMPLES_PER_CLASS = 4  # test images of each class shown with their predictions


def class_picture(net, resolution, extent):
    """(most probable class (R, R) uint8, its probability (R, R), boundary) over the grid of
    Network.unit_grid, for a network of K ≥ 3 classes. The boundary is where the most
    probable class changes (`class_boundary`), as (x, y) segment end pairs."""
    pts, ws = net._grid(resolution, extent)
    shape = (resolution, resolution)
    with np.errstate(all="ignore"):
        p = net._forward(pts, ws)
        winner = p.argmax(axis=1).reshape(shape)
        line = class_boundary(winner, ws.z[-1].reshape(*shape, -1), *extent)
        return winner.astype(np.uint8), p.max(axis=1).reshape(shape), line


def class_boundary(winner, z, lo, hi):
    """The lines between the classes' regions: marching squares on the winning class.

    winner (R, R) holds the most probable class at the grid points (row i at y = ys[i],
    column j at x = xs[j], both linspace(lo, hi, R)), z (R, R, K) the logits. Where two
    neighbours' winners a and b differ, the line crosses their edge where zₐ − z_b = 0
    (linear between the two points). A cell crossed on two edges holds one segment; a cell
    crossed on three or four (where three classes meet) joins each crossing to its centre.
    Returns (x, y) arrays of 2·m points: each consecutive pair is one segment."""
    r = winner.shape[0]
    t = np.linspace(lo, hi, r)
    step = t[1] - t[0]

    def crossings(first, second):
        """(crossed, fraction of the way from first to second) for neighbours along an axis:
        f = zₐ − z_b is ≥ 0 at the first point (a wins there), ≤ 0 at the second."""
        za, zb = first, second
        a, b = winner[za], winner[zb]
        pick = np.take_along_axis
        f0 = pick(z[za], a[..., None], 2)[..., 0] - pick(z[za], b[..., None], 2)[..., 0]
        f1 = pick(z[zb], a[..., None], 2)[..., 0] - pick(z[zb], b[..., None], 2)[..., 0]
        return a != b, np.clip(f0 / (f0 - f1), 0.0, 1.0)

    hcross, fh = crossings((slice(None), slice(None, -1)), (slice(None), slice(1, None)))
    vcross, fv = crossings((slice(None, -1), slice(None)), (slice(1, None), slice(None)))
    hx = t[:-1][None, :] + fh * step  # x of the crossing on edge (i, j)-(i, j+1)
    vy = t[:-1][:, None] + fv * step  # y of the crossing on edge (i, j)-(i+1, j)
    crossed, xs, ys, count = cell_edges(t, hcross, hx, vcross, vy)
    two = crossed & (count == 2)[..., None]  # cell by cell: consecutive pairs are segments
    many = crossed & (count >= 3)[..., None]  # each crossing to the cell's centre
    cx = np.broadcast_to((t[:-1] + step / 2)[None, :, None], xs.shape)[many]
    cy = np.broadcast_to((t[:-1] + step / 2)[:, None, None], ys.shape)[many]
    spokes_x = np.column_stack([xs[many], cx]).ravel()
    spokes_y = np.column_stack([ys[many], cy]).ravel()
    return np.concatenate([xs[two], spokes_x]), np.concatenate([ys[two], spokes_y])


def class_report(net, X, y):
    """(confusion (K, K) int64, accuracy of each class (K,)) of the network on X, y:
    confusion[i, j] counts the examples of class i predicted as j; a class with no example
    has accuracy NaN."""
    k = net.classes
    with np.errstate(all="ignore"):
        predicted = net.predictions(net.forward(X)) if len(y) else np.empty(0, np.intp)
    truth = np.asarray(y, dtype=np.intp)
    confusion = np.bincount(truth * k + predicted, minlength=k * k).reshape(k, k)
    totals = confusion.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        accuracy = np.where(totals > 0, np.diag(confusion) / totals, np.nan)
    return confusion, accuracy


def sample_indices(y, classes, per_class=SAMPLES_PER_CLASS):
    """The first `per_class` examples of each class in y, class by class: the fixed set of
    test images the window shows."""
    y = np.asarray(y)
    return np.concatenate([np.flatnonzero(y == k)[:per_class] for k in range(classes)])


def sample_answers(net, X):
    """(predicted class (m,), probabilities (m, K) float32) of the network for images X."""
    if not len(X):
        return np.empty(0, np.intp), np.empty((0, net.classes), np.float32)
    with np.errstate(all="ignore"):
        p = net.forward(X)
    if net.classes == 2:  # one sigmoid unit: P(y = 0), P(y = 1)
        p = np.hstack([1.0 - p, p])
    return p.argmax(axis=1), p.astype(np.float32)


def decision_picture(net, resolution, extent, view=None):
    """The decision plot's picture: (grid, colour range, boundary, class grid, class
    probability). For the output of K ≥ 3 classes (view None) the grid is the most probable
    class scaled to [0, 1] (class / (K − 1)) for a view that knows two colours only, and the
    class grid (uint8) and its probability say the same exactly; otherwise (two classes, or a
    hidden neuron) lab.pictures.unit_picture's, with None for both. An image network has no
    picture over the plane: a flat grid of 0.5 and no boundary."""
    from .pictures import unit_picture

    if net.image is not None:
        empty = np.empty(0)
        return np.full((2, 2), 0.5), (0.0, 1.0), (empty, empty), None, None
    if view is None and net.classes > 2:
        winner, sure, line = class_picture(net, resolution, extent)
        return winner / (net.classes - 1), (0.0, 1.0), line, winner, sure
    return (*unit_picture(net, resolution, extent, view), None, None)
