"""The window's icon: the PNGs that scripts/make_icons.py renders from resources/xorlab.svg
(no SVG plugin needed to show them)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ..resources_path import resource_path

SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon():
    """xorlab's icon in every size there is (an empty QIcon if none is found)."""
    icon = QIcon()
    for size in SIZES:
        try:
            icon.addFile(str(resource_path(f"icons/xorlab-{size}.png")))
        except FileNotFoundError:
            pass
    return icon
