"""The bundled Hangul font: resources/fonts/xorlab-hangul.otf, "xorlab Hangul", a subset of
Noto Sans CJK KR (SIL OFL 1.1) made by scripts/make_font.py. Registered with Qt at start,
it is one more font Qt's fallback can choose for a character the widget's font lacks: where
no installed font has Hangul, Korean draws with it instead of as empty boxes."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from ..resources_path import resource_path

FAMILY = "xorlab Hangul"
FILE = "fonts/xorlab-hangul.otf"


def install_hangul_font():
    """Register the font with Qt (once; needs a QGuiApplication). Returns its family, or None
    when the file is missing or Qt cannot read it."""
    if FAMILY in QFontDatabase.families():
        return FAMILY
    try:
        path = resource_path(FILE)
    except FileNotFoundError:
        return None
    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(path)))
    return families[0] if families else None
