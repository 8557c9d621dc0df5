"""A bounded history of (step, values…) rows: memory stays flat however long training runs.

The most recent quarter of the table is always kept at full resolution. When the table is
full, the older part keeps one row per `stride` steps, and `stride` doubles as often as needed
to leave that part at most half the table. Old history thus gets sparser as training goes on
but stays evenly spread over the steps; new history stays exact; an hour-long run uses the
memory of a minute.
"""

from __future__ import annotations

import numpy as np


class History:
    def __init__(self, columns, capacity=8192):
        if capacity < 16:
            raise ValueError("capacity must be at least 16")
        self.columns = list(columns)
        self.capacity = capacity
        self._steps = np.empty(capacity, dtype=np.int64)
        self._values = np.empty((capacity, len(self.columns)))
        self.size = 0
        self.stride = 1  # the older rows keep one row per `stride` steps

    def __len__(self):
        return self.size

    @property
    def steps(self):
        return self._steps[: self.size]

    @property
    def values(self):
        return self._values[: self.size]

    def append(self, step, values):
        self.extend(np.array([step]), np.asarray(values, dtype=float).reshape(1, -1))

    def extend(self, steps, values):
        """Add rows; steps (m,) ascending, values (m, len(columns))."""
        m = len(steps)
        if m == 0:
            return
        room = self.capacity // 4
        if m > room:  # a huge chunk: keep an even subsample that ends on its last row
            keep = np.arange(m - 1, -1, -int(np.ceil(m / room)))[::-1]
            steps, values, m = steps[keep], values[keep], len(keep)
        while self.size + m > self.capacity:
            self._thin_older_rows()
        self._steps[self.size: self.size + m] = steps
        self._values[self.size: self.size + m] = values
        self.size += m

    def _thin_older_rows(self):
        older = self.size - self.capacity // 4
        buckets = self._steps[:older]
        while True:  # the first row of every span of `stride` steps
            kept = np.flatnonzero(np.diff(buckets // self.stride, prepend=-1))
            if len(kept) <= self.capacity // 2:
                break
            self.stride *= 2
        k = len(kept)
        self._steps[:k] = self._steps[kept]
        self._values[:k] = self._values[kept]
        rest = self.size - older
        self._steps[k: k + rest] = self._steps[older: self.size]
        self._values[k: k + rest] = self._values[older: self.size]
        self.size = k + rest


def thin(steps, values, limit=300):
    """At most `limit` rows for plotting or saving: rows are averaged in `limit` equal spans of
    steps (a smooth curve through noisy minibatch values), each placed at its last step.
    Thinning rows that are already thin returns them unchanged. Returns new arrays."""
    steps, values = np.asarray(steps), np.asarray(values, dtype=float)
    n = len(steps)
    if n <= limit:
        return steps.copy(), values.copy()
    bounds = np.linspace(steps[0], steps[-1] + 1, limit + 1)
    starts = np.unique(np.searchsorted(steps, bounds[:-1]))
    starts = starts[starts < n]
    sums = np.add.reduceat(values, starts, axis=0)
    counts = np.diff(np.append(starts, n)).reshape((-1,) + (1,) * (values.ndim - 1))
    ends = np.append(starts[1:], n) - 1
    return steps[ends], sums / counts
