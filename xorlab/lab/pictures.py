"""The decision plot's picture, computed where the network is (no Qt here): how fine a grid
a network can afford, and the line where a unit's pre-activation z crosses 0.

Every neuron draws one line, z = w·x + b = 0 (the lecture's "one neuron, one straight line";
for the output, z = 0 is where p = 0.5). Its side of the line is where the unit is on.
"""

from __future__ import annotations

import numpy as np

GRID_RESOLUTION = 100  # the largest grid side
GRID_BUDGET = 40e6  # multiply-adds one decision picture may cost
FLAT = 1 / 256  # a map that varies less than this share of its colour range looks flat


def picture_cost(net):
    """Multiply-adds one grid point costs through the network."""
    return sum(layer.fan_in * layer.width for layer in net.layers)


def grid_resolution(net):
    """Grid side R for the pictures: 100 for the small nets of the lessons, fewer points for
    big ones, so that one picture costs at most about GRID_BUDGET multiply-adds."""
    return int(np.clip(np.sqrt(GRID_BUDGET / picture_cost(net)), 32, GRID_RESOLUTION))


def unit_picture(net, resolution, extent, view=None):
    """(grid, colour range, boundary) of the unit shown: the output (view None) or hidden
    neuron (layer, unit). The boundary is the line z = 0 as (x, y) segment end pairs; none
    where the map is flat (one colour: nothing is separated)."""
    layer, unit = (-1, 0) if view is None else view
    with np.errstate(all="ignore"):
        a, z = net.unit_grid(resolution, extent, layer, unit)
    name = net.spec["layers"][layer]["activation"]
    if name == "sigmoid":
        lo, hi = 0.0, 1.0
    else:
        reach = max(float(np.nanmax(np.abs(a))) if a.size else 1.0, 1e-6)
        lo, hi = -reach, reach
    spread = float(np.nanmax(a) - np.nanmin(a)) if a.size else 0.0
    if not np.isfinite(spread) or spread < FLAT * (hi - lo):
        line = (np.empty(0), np.empty(0))
    else:
        line = contour_segments(a if z is None else z, 0.0, *extent)
    return a, (lo, hi), line


def contour_segments(grid, level, lo, hi):
    """Line segments where the grid crosses `level` (marching squares, vectorised).

    grid is (R, R) with row i at y = ys[i], column j at x = xs[j], both linspace(lo, hi, R).
    Returns (x, y) arrays of 2·m points: each consecutive pair is one segment.
    """
    r = grid.shape[0]
    t = np.linspace(lo, hi, r)
    above = grid >= level
    # crossings on horizontal edges (between columns j, j+1) and vertical edges (rows i, i+1)
    with np.errstate(divide="ignore", invalid="ignore"):
        fh = (level - grid[:, :-1]) / (grid[:, 1:] - grid[:, :-1])
        fv = (level - grid[:-1, :]) / (grid[1:, :] - grid[:-1, :])
    hx = t[:-1][None, :] + fh * (t[1] - t[0])  # x of the crossing on edge (i, j)-(i, j+1)
    vy = t[:-1][:, None] + fv * (t[1] - t[0])  # y of the crossing on edge (i, j)-(i+1, j)
    hcross = above[:, :-1] != above[:, 1:]
    vcross = above[:-1, :] != above[1:, :]
    crossed, xs, ys, count = cell_edges(t, hcross, hx, vcross, vy)
    # a cell crossed on 2 edges holds one segment, on 4 edges (a saddle) two; nonzero lists
    # the crossed edges cell by cell, so consecutive pairs are the segments
    keep = crossed & ((count == 2) | (count == 4))[..., None]
    return xs[keep], ys[keep]


# ---- saturation: how the hidden units' values spread -----------------------------------------
HISTOGRAM_BINS = 24
HISTOGRAM_SAMPLE = 256  # training points used at the most
VALUE_RANGES = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}  # others: WIDE
WIDE = (-3.0, 3.0)


def cell_edges(t, hcross, hx, vcross, vy):
    """The crossings of a grid's cells, edge by edge (marching squares): for each cell
    (i, j) of the grid over t × t, whether its 4 edges are crossed (bottom, top, left,
    right), the crossings' x and y, and how many of its edges are crossed. hcross, hx: the
    horizontal edges (i, j)-(i, j+1) crossed and the x of the crossing; vcross, vy: the
    vertical edges (i, j)-(i+1, j) and the y."""
    edges = [
        (hcross[:-1, :], hx[:-1, :], np.broadcast_to(t[:-1, None], hx[:-1, :].shape)),
        (hcross[1:, :], hx[1:, :], np.broadcast_to(t[1:, None], hx[1:, :].shape)),
        (vcross[:, :-1], np.broadcast_to(t[None, :-1], vy[:, :-1].shape), vy[:, :-1]),
        (vcross[:, 1:], np.broadcast_to(t[None, 1:], vy[:, 1:].shape), vy[:, 1:]),
    ]
    crossed = np.stack([e[0] for e in edges], axis=-1)  # (R-1, R-1, 4)
    xs = np.stack([e[1] for e in edges], axis=-1)
    ys = np.stack([e[2] for e in edges], axis=-1)
    return crossed, xs, ys, crossed.sum(axis=-1)


def saturation(net, X, bins=HISTOGRAM_BINS, sample=HISTOGRAM_SAMPLE):
    """Per hidden layer, the share of (point, unit) pairs in each bin of the activation a
    and of f′(z) at those points, on (a sample of) the training data:
        (a (L, bins), the a range of each layer (L, 2), f′ (L, bins) over [0, 1]).
    A saturated sigmoid layer has its a piled at 0 and 1 and its f′ piled at 0: the cause
    of the vanishing gradient, not only its symptom. A maxout unit's f′ is 1 (the largest
    piece) everywhere."""
    hidden = net.layers[:-1]
    if not hidden or not len(X):
        return (np.zeros((0, bins)), np.zeros((0, 2)), np.zeros((0, bins)))
    X = net.inputs_of(X[:sample])  # through the network's input features
    ws = net.workspace(len(X))
    with np.errstate(all="ignore"):
        net._forward(X, ws)
    a_hist, ranges, d_hist = [], [], []
    for layer, z, a in zip(hidden, ws.z, ws.a):
        name = layer.activation.name
        lo, hi = VALUE_RANGES.get(name, WIDE)
        a_hist.append(_shares(a, lo, hi, bins))
        if name == "maxout":
            d = np.ones(a.shape)
        else:
            with np.errstate(all="ignore"):
                d = layer.activation.df(z, **layer.options)
        d_hist.append(_shares(d, 0.0, 1.0, bins))
        ranges.append((lo, hi))
    return np.array(a_hist), np.array(ranges), np.array(d_hist)


def _shares(values, lo, hi, bins):
    """The share of values in each of `bins` equal bins over [lo, hi] (the ends take what
    lies beyond them; NaN counts in no bin). A bincount: np.histogram took 5 ms a snapshot
    on a 10 × 32 net."""
    v = values.ravel()
    index = np.clip(((v - lo) * (bins / (hi - lo))), 0, bins - 1)
    index = index[np.isfinite(index)].astype(np.intp)
    return np.bincount(index, minlength=bins) / max(v.size, 1)
