#!/usr/bin/env python3
"""Make resources/fonts/xorlab-hangul.otf: the Korean face of Noto Sans CJK, cut down to the
characters xorlab shows, so that Korean never draws as empty boxes where no installed font
has Hangul (the app registers it at start: xorlab/app/fonts.py).

    .venv/bin/python -m pip install -e ".[fonts]"     # fontTools: for this script only
    .venv/bin/python scripts/make_font.py [--source NotoSansCJK-Regular.ttc]

The source is Debian's fonts-noto-cjk (or the upstream NotoSansCJK-Regular.ttc). Kept:
printable ASCII and Latin-1, common punctuation, the Hangul compatibility jamo, the 2,350
Hangul syllables of KS X 1001 (so that a new translation is almost always covered) and every
character of the Korean translation (resources/translations/xorlab_ko.ts), the lessons' Korean
texts and the glossary. Vertical metrics are dropped. A test fails when the translation or a
lesson uses a character the font lacks: run this script again and commit the result.

The font is under the SIL Open Font License 1.1 (resources/fonts/OFL.txt). Its only Reserved
Font Name is "Source" and "Noto" is Google's trademark, so the cut-down font is renamed
"xorlab Hangul" (the OFL's advice for a modified version; it also cannot be mistaken for an
installed Noto Sans CJK KR). fontTools is a build-time tool: nothing else needs it.
"""

from __future__ import annotations

import argparse
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OUT = ROOT / "resources" / "fonts" / "xorlab-hangul.otf"
FAMILY = "xorlab Hangul"
BASE = (list(range(0x20, 0x7F)) + list(range(0xA0, 0x100)) + list(range(0x2010, 0x2028))
        + list(range(0x2030, 0x203B)) + list(range(0x3131, 0x318F)))


def ks_x_1001_hangul():
    """The 2,350 precomposed syllables of KS X 1001 (EUC-KR rows 0xB0-0xC8)."""
    return [bytes([lead, trail]).decode("euc_kr")
            for lead in range(0xB0, 0xC9) for trail in range(0xA1, 0xFF)]


def korean_texts():
    """Every Korean text xorlab shows: the translations, the lessons, the glossary."""
    ts = ET.parse(ROOT / "resources" / "translations" / "xorlab_ko.ts")
    texts = [t.text or "" for t in ts.iter("translation")]
    texts += [n.text or "" for n in ts.iter("numerusform")]

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "ko" and isinstance(value, str):
                    texts.append(value)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((ROOT / "resources" / "lessons").glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    texts.append((ROOT / "resources" / "translations" / "GLOSSARY.md").read_text("utf-8"))
    return texts


def wanted():
    """The code points to keep (whitespace other than the space is left out)."""
    chars = {chr(c) for c in BASE} | set(ks_x_1001_hangul())
    for text in korean_texts():
        chars |= set(text)
    return sorted(ord(c) for c in chars if c == " " or not re.match(r"\s", c))


def korean_face(source):
    from fontTools.ttLib import TTCollection, TTFont

    if source.suffix.lower() != ".ttc":
        return TTFont(source)
    for font in TTCollection(source).fonts:
        if font["name"].getDebugName(1) == "Noto Sans CJK KR":
            return font
    raise SystemExit(f"{source}: no Noto Sans CJK KR face in it")


def rename(font):
    """Call the subset "xorlab Hangul" in the name table and the CFF table."""
    names = {1: FAMILY, 2: "Regular", 3: f"{FAMILY} Regular (subset of Noto Sans CJK KR)",
             4: f"{FAMILY} Regular", 6: "xorlabHangul-Regular"}
    table = font["name"]
    # every language's family and full names go (the Korean ones too), and the typographic ones
    table.names = [n for n in table.names if n.nameID not in (*names, 16, 17)]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    table.setName("Cut down from Noto Sans CJK KR 2.004 by xorlab's scripts/make_font.py.",
                  10, 3, 1, 0x409)
    cff = font["CFF "].cff
    cff.fontNames = [names[6]]
    top = cff.topDictIndex[0]
    for key, value in (("FullName", names[4]), ("FamilyName", FAMILY)):
        if hasattr(top, key):
            setattr(top, key, value)


def main():
    from fontTools import subset

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    args = parser.parse_args()
    font = korean_face(args.source)
    codepoints = wanted()
    missing = [chr(c) for c in codepoints if c not in font.getBestCmap()]
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.drop_tables += ["VORG", "vhea", "vmtx", "BASE"]
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    rename(font)
    OUT.parent.mkdir(exist_ok=True)
    font.save(OUT)
    print(f"{OUT.relative_to(ROOT)}: {len(codepoints) - len(missing)} characters, "
          f"{OUT.stat().st_size / 1024:.0f} KiB")
    if missing:
        print("not in the source font (left to the system's fonts): " + " ".join(missing))


if __name__ == "__main__":
    main()
