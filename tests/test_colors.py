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
