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
