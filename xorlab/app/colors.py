"""Colours shared by every view (plain NumPy, no Qt): class 0 orange, class 1 blue,
as in TensorFlow Playground, and a diverging lookup table between them through white."""

from __future__ import annotations

import numpy as np

CLASS0 = (232, 116, 79)  # orange: label 0 / negative
CLASS1 = (79, 143, 232)  # blue: label 1 / positive
WHITE = (245, 245, 245)
# one colour per weight layer in the gradient plot (colour-blind friendly, Okabe–Ito)
LAYER_COLORS = [(0, 114, 178), (230, 159, 0), (0, 158, 115), (204, 121, 167), (86, 180, 233),
                (213, 94, 0), (240, 228, 66), (120, 120, 120)]


def layer_color(i):
    return LAYER_COLORS[i % len(LAYER_COLORS)]


def diverging_lut(n=256, low=CLASS0, mid=WHITE, high=CLASS1, strength=0.6):
    """(n, 3) uint8 lookup table: low → mid → high; entry 0 is for the bottom level.

    The ends are the class colours faded towards white (`strength` of the way), so points
    drawn in the full class colours stand out on the region of their own class."""
    t = np.linspace(0.0, 1.0, n)[:, None]
    low, mid, high = (np.array(c, dtype=float) for c in (low, mid, high))
    low, high = mid + (low - mid) * strength, mid + (high - mid) * strength
    lower = mid + (low - mid) * np.clip(1 - 2 * t, 0, 1)
    upper = mid + (high - mid) * np.clip(2 * t - 1, 0, 1)
    rgb = np.where(t < 0.5, lower, upper)
    return rgb.round().astype(np.uint8)


def rgb32_table(lut):
    """An (n, 3) uint8 table as 0xFFRRGGBB words, the pixel layout of QImage.Format_RGB32."""
    lut = np.asarray(lut, dtype=np.uint32)
    return (0xFF000000 | (lut[:, 0] << 16) | (lut[:, 1] << 8) | lut[:, 2]).astype(np.uint32)


def rgb32_pixels(grid, levels, table):
    """The (R, C) uint32 pixels of a grid of values through an rgb32_table: levels[0] maps to
    the first entry, levels[1] to the last; NaN to the middle one, ±∞ to the ends."""
    lo, hi = levels
    n = len(table)
    with np.errstate(invalid="ignore"):
        scaled = np.nan_to_num((np.asarray(grid, dtype=float) - lo) * (n / (hi - lo)),
                               nan=n / 2, posinf=n - 1, neginf=0)
    return np.ascontiguousarray(table[np.clip(scaled, 0, n - 1).astype(np.intp)])


def weight_color(w, scale):
    """Edge colour and width for a weight: blue positive, orange negative, stronger and
    wider with |w|. The colour is opaque, pre-blended with the white background: Qt's
    raster painter draws opaque lines about twice as fast as translucent ones."""
    strength = min(abs(w) / scale, 1.0) if scale > 0 else 0.0
    base = np.array(CLASS1 if w >= 0 else CLASS0, dtype=float)
    alpha = (60 + 195 * strength) / 255
    rgb = 255 - (255 - base) * alpha
    return (*(int(round(c)) for c in rgb), 255), 0.5 + 2.5 * strength
