"""Colour maths of the views (plain NumPy, no Qt)."""

import numpy as np

from xorlab.app.colors import diverging_lut, rgb32_pixels, rgb32_table


def test_rgb32_table_packs_opaque_pixels():
    table = rgb32_table([[1, 2, 3], [255, 128, 0]])
    assert table.dtype == np.uint32
    assert table.tolist() == [0xFF010203, 0xFFFF8000]


def test_rgb32_pixels_map_levels_to_the_ends_of_the_table():
    table = rgb32_table(diverging_lut())
    grid = np.array([[0.0, 0.5, 1.0], [-3.0, 7.0, np.nan], [-np.inf, np.inf, 0.999]])
    pixels = rgb32_pixels(grid, (0.0, 1.0), table)
    assert pixels.shape == (3, 3) and pixels.flags.c_contiguous
    assert pixels[0, 0] == table[0] and pixels[0, 2] == table[-1]
    assert pixels[1, 0] == table[0] and pixels[1, 1] == table[-1]  # outside: clipped
    assert pixels[1, 2] == table[len(table) // 2]  # NaN: the neutral middle
    assert pixels[2, 0] == table[0] and pixels[2, 1] == table[-1] and pixels[2, 2] == table[-1]
    # a signed range (a hidden neuron's output): the middle of the range is the middle colour
    assert rgb32_pixels(np.array([[0.0]]), (-2.0, 2.0), table)[0, 0] == table[len(table) // 2]
    # the ends are the class colours, faded: red-dominant for class 0, blue for class 1
    red0, blue1 = (table[0] >> 16) & 0xFF, table[-1] & 0xFF
    assert red0 > (table[0] & 0xFF) and blue1 > (table[-1] >> 16) & 0xFF


def test_layers_get_distinct_colours_ordered_by_lightness():
    """The most hidden layers the editor allows, plus the output: each its own colour, the
    first darkest, the output lightest, with visible steps between neighbours."""
    from xorlab.app.colors import layer_color, lightness
    from xorlab.engine.spec import MAX_HIDDEN_LAYERS
    count = MAX_HIDDEN_LAYERS + 1
    colours = [layer_color(i, count) for i in range(count)]
    assert len(set(colours)) == count
    light = [lightness(c) for c in colours]
    assert all(b - a > 3 for a, b in zip(light, light[1:]))  # L* rises by > 3 a layer
    assert light[-1] < 90  # the output stays visible on white


def _lab(rgb):
    """CIE L*a*b* (D65) of an sRGB colour."""
    c = np.asarray(rgb, dtype=float) / 255
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    xyz = linear @ np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                             [0.0193, 0.1192, 0.9505]]).T / [0.95047, 1.0, 1.08883]
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def _contrast(rgb, background):
    """WCAG contrast ratio of two sRGB colours (1: none … 21: black on white)."""
    def luminance(c):
        c = np.asarray(c, dtype=float) / 255
        return float(np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
                     @ [0.2126, 0.7152, 0.0722])
    lo, hi = sorted((luminance(rgb), luminance(background)))
    return (hi + 0.05) / (lo + 0.05)


def test_layer_colours_are_told_apart_and_none_is_near_black():
    """Ten hidden layers and the output on the plots' white: no two colours alike (CIE76
    ΔE ≥ 20: clearly different hues or lightness, not only neighbours of one map), none
    near black (L* ≥ 35), and every one visible on white."""
    from xorlab.app.colors import layer_color, lightness
    from xorlab.engine.spec import MAX_HIDDEN_LAYERS
    for count in range(1, MAX_HIDDEN_LAYERS + 2):
        colours = [layer_color(i, count) for i in range(count)]
        assert min(lightness(c) for c in colours) >= 35, count
        assert min(_contrast(c, (255, 255, 255)) for c in colours) >= 1.7, count
        lab = [_lab(c) for c in colours]
        gaps = [np.linalg.norm(a - b) for i, a in enumerate(lab) for b in lab[i + 1:]]
        assert not gaps or min(gaps) >= 20, count


def test_every_class_has_its_own_colour_none_near_black():
    """K = 10 classes on white: CIE76 ΔE ≥ 30 between any two (37 as chosen), L* ≥ 40,
    visible on white; classes 0 and 1 keep the orange and blue of two classes."""
    from xorlab.app.colors import CLASS0, CLASS1, CLASS_COLORS, lightness
    from xorlab.engine.spec import CLASSES
    assert len(CLASS_COLORS) == CLASSES[1] and CLASS_COLORS[:2] == (CLASS0, CLASS1)
    assert min(lightness(c) for c in CLASS_COLORS) >= 40
    assert min(_contrast(c, (255, 255, 255)) for c in CLASS_COLORS) >= 2
    lab = [_lab(c) for c in CLASS_COLORS]
    assert min(np.linalg.norm(a - b) for i, a in enumerate(lab) for b in lab[i + 1:]) >= 30


def test_class_shading_runs_from_white_at_chance_to_the_faded_class_colour():
    from xorlab.app.colors import CLASS_COLORS, WHITE, class_codes, class_lut
    lut = class_lut(4, n=64)
    assert lut.shape == (4, 64, 3) and lut.dtype == np.uint8
    assert all(tuple(lut[k, 0]) == WHITE for k in range(4))
    faded = np.array(WHITE) + 0.6 * (np.array(CLASS_COLORS[:4]) - np.array(WHITE))
    assert np.abs(lut[:, -1] - faded).max() <= 0.5
    codes = class_codes(np.array([[0, 3], [2, 1]]), np.array([[0.25, 1.0], [0.625, np.nan]]), 4)
    assert codes.tolist() == [[0, 3 * 64 + 63], [2 * 64 + 32, 64]]  # NaN: chance
