#!/usr/bin/env python3
"""Render resources/xorlab.svg to the icons in resources/icons/ (run from the .venv).

    python scripts/make_icons.py

Writes xorlab-16.png … xorlab-256.png, xorlab.ico (Windows: the executable's icon) and
xorlab.icns (macOS: the .app's icon). Qt draws the PNGs (QtSvg, offscreen); the two container
formats are written here, each a short header and a table of PNG entries, because Qt's image
plugins write .ico only with BMP entries and .icns not at all. Run it again after changing
the SVG and commit the results: the app, the tests and the build use the committed files.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "xorlab.svg"
OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
# .icns entry types holding PNG data, by pixel size (the @2x types reuse the larger images)
ICNS_TYPES = [(b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
              (b"ic11", 32), (b"ic12", 64), (b"ic13", 256)]


def render(size):
    """The SVG drawn on a transparent size × size image, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico(pngs):
    """A Windows .ico: ICONDIR, one 16-byte ICONDIRENTRY per image, then the PNGs."""
    header = struct.pack("<HHH", 0, 1, len(pngs))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in pngs.items():
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(pngs):
    """A macOS .icns: 'icns' and the file's length, then (type, length, PNG) per entry."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs one
    OUT.mkdir(exist_ok=True)
    pngs = {size: render(size) for size in SIZES}
    for size, png in pngs.items():
        (OUT / f"xorlab-{size}.png").write_bytes(png)
    (OUT / "xorlab.ico").write_bytes(ico(pngs))
    (OUT / "xorlab.icns").write_bytes(icns(pngs))
    print(f"wrote {len(pngs)} PNGs, xorlab.ico and xorlab.icns to {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
