"""The icons in resources/icons/ (made by scripts/make_icons.py): the PNGs have their sizes,
the .ico and .icns containers parse and hold PNGs of the sizes they say, and the window
uses them."""

import struct
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data):
    assert data.startswith(PNG_MAGIC)
    image = QImage.fromData(data, "PNG")
    assert not image.isNull()
    return image.width(), image.height()


@pytest.mark.parametrize("size", SIZES)
def test_png_has_its_size(size):
    assert png_size((ICONS / f"xorlab-{size}.png").read_bytes()) == (size, size)


def test_ico_holds_every_size_as_png():
    data = (ICONS / "xorlab.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(SIZES))
    seen = []
    for i in range(count):
        w, h, colors, _, planes, bpp, length, offset = struct.unpack_from("<BBBBHHII",
                                                                          data, 6 + 16 * i)
        side = w or 256
        assert (w, colors, planes, bpp) == (h, 0, 1, 32)
        assert offset + length <= len(data)
        assert png_size(data[offset:offset + length]) == (side, side)
        seen.append(side)
    assert sorted(seen) == list(SIZES)


def test_icns_entries_parse_and_match_their_types():
    data = (ICONS / "xorlab.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    sizes = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256,
             b"ic11": 32, b"ic12": 64, b"ic13": 256}
    pos, kinds = 8, []
    while pos < len(data):
        kind, length = data[pos:pos + 4], struct.unpack_from(">I", data, pos + 4)[0]
        assert length > 8 and pos + length <= len(data)
        side = sizes[kind]
        assert png_size(data[pos + 8:pos + length]) == (side, side)
        kinds.append(kind)
        pos += length
    assert pos == len(data) and sorted(kinds) == sorted(sizes)


def test_the_window_has_the_icon(qapp):
    from xorlab.app.icons import app_icon

    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == list(SIZES)
