"""Colours shared by every view (plain NumPy, no Qt): class 0 orange, class 1 blue,
as in TensorFlow Playground, and a diverging lookup table between them through white; for
K ≥ 3 classes, a colour per class and a table from white to each."""

from __future__ import annotations

import numpy as np

CLASS0 = (232, 116, 79)  # orange: label 0 / negative
CLASS1 = (79, 143, 232)  # blue: label 1 / positive
WHITE = (245, 245, 245)
# The classes 0 … 9: orange and blue, then eight hues picked greedily (each the farthest from
# those before it) among colours of L* 40 … 70 and chroma 40 … 72, legible on white and none
# near black or grey: CIE76 ΔE ≥ 37 between any two, and still apart when faded.
CLASS_COLORS = (CLASS0, CLASS1, (0, 190, 105), (180, 20, 135), (180, 165, 0), (60, 105, 45),
                (205, 135, 250), (250, 75, 120), (30, 180, 170), (135, 90, 0))
# Layers are coloured by depth along one path through colour space: lightness rises evenly
# (CIE L* 38 → 78: the first layer darkest, the output lightest, none near black, all visible
# on the plots' white) while the hue turns 0.8 of a circle (blue, violet, magenta, red,
# orange, olive, green, cyan), so that ten hidden layers and the output are eleven colours
# told apart (CIE76 ΔE ≥ 20 between any two), not eleven shades of one. The anchors are that
# path at elevenths, each as colourful as sRGB allows there.
DEPTH_PATH = np.array([(9, 93, 151), (73, 82, 217), (181, 47, 182), (229, 5, 130),
                       (244, 48, 75), (230, 100, 12), (191, 142, 2), (147, 171, 7),
                       (55, 196, 70), (1, 206, 162), (20, 214, 216)], dtype=float)


def layer_color(i, count):
    """The (r, g, b) of weight layer i of `count` (0-based; the last is the output): the
    path's anchors for eleven layers, points between them for fewer."""
    x = (len(DEPTH_PATH) - 1) * (i / (count - 1) if count > 1 else 0.0)
    k = min(int(x), len(DEPTH_PATH) - 2)
    rgb = DEPTH_PATH[k] + (x - k) * (DEPTH_PATH[k + 1] - DEPTH_PATH[k])
    return tuple(int(round(c)) for c in rgb)


def lightness(rgb):
    """CIE L* (0 black … 100 white) of an sRGB colour: how light it looks."""
    c = np.asarray(rgb, dtype=float) / 255
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    y = float(linear @ [0.2126, 0.7152, 0.0722])
    return 116 * y ** (1 / 3) - 16 if y > 216 / 24389 else y * 24389 / 27


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


def class_lut(classes, n=64, mid=WHITE, strength=0.6):
    """(classes, n, 3) uint8: for each class, white → its colour faded `strength` of the way
    (as diverging_lut's ends), entry j for a winner's share s = j / (n − 1) of the way from
    chance (p = 1/K) to certainty (p = 1)."""
    t = np.linspace(0.0, 1.0, n)[None, :, None]
    mid = np.array(mid, dtype=float)
    ends = mid + (np.array(CLASS_COLORS[:classes], dtype=float) - mid) * strength
    return (mid + (ends[:, None, :] - mid) * t).round().astype(np.uint8)


def class_codes(winner, probability, classes, n=64):
    """(R, C) indices into a flattened class_lut(classes, n): winner · n + level, the level
    s = (p − 1/K) / (1 − 1/K) in n steps (NaN: chance)."""
    s = (np.nan_to_num(np.asarray(probability, dtype=float), nan=0.0) - 1 / classes) \
        * (classes / (classes - 1))
    level = np.clip(np.rint(s * (n - 1)), 0, n - 1).astype(np.intp)
    return np.asarray(winner, dtype=np.intp) * n + level


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


def faded(rgb, amount=0.7):
    """The colour moved `amount` of the way to white: a ghost of a past run."""
    return tuple(int(round(c + (255 - c) * amount)) for c in rgb)


def sequential_lut(n=256, low=(255, 255, 255), high=(30, 60, 140)):
    """(n, 3) uint8 lookup table from white (nothing) to a dark blue (everything): shares
    in a histogram."""
    t = np.linspace(0.0, 1.0, n)[:, None] ** 0.5  # small shares still show
    return (np.array(low) + (np.array(high) - np.array(low)) * t).round().astype(np.uint8)
