#!/usr/bin/env python3
"""Update resources/translations/xorlab_ko.ts from the code and compile it to xorlab_ko.qm.

    python scripts/translations.py          update the .ts (new strings: unfinished), compile
    python scripts/translations.py --check  exit 1 when a string has no finished translation
    ... --ts FILE                           another .ts (its .qm beside it), e.g. a copy

pyside6-lupdate finds the `self.tr("...")` strings of xorlab/app; the strings that are data
(the message templates of xorlab.lab.messages, the activations' notes, the backprop presets'
titles, the kinds of node and the table columns) are added here under the context the app
translates them in. Translate in Qt Linguist (`pyside6-linguist`) or any editor; the words
follow resources/translations/GLOSSARY.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def data_strings():
    """{context: [source, ...]} of the strings that are data, not literals in the code."""
    sys.path.insert(0, str(ROOT))
    from xorlab.app.views.backprop import COLUMNS
    from xorlab.engine import ACTIVATIONS
    from xorlab.lab.chain_rule import PRESETS
    from xorlab.lab.messages import TEMPLATES
    return {"messages": list(TEMPLATES.values()),
            "ZooCard": [a.notes for a in ACTIVATIONS.values() if a.notes],
            "BackpropView": [p.title for p in PRESETS] + list(COLUMNS)
            + ["parameter", "data", "constant", "operation"]}


def update(ts):
    sources = [str(p) for p in sorted((ROOT / "xorlab" / "app").rglob("*.py"))]
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(ts)], check=True,
                   capture_output=True)
    tree = ET.parse(ts)
    root = tree.getroot()
    for context, texts in data_strings().items():
        node = next((c for c in root.findall("context") if c.findtext("name") == context),
                    None)
        if node is None:
            node = ET.SubElement(root, "context")
            ET.SubElement(node, "name").text = context
        have = {m.findtext("source"): m for m in node.findall("message")}
        for text in texts:
            message = have.get(text)
            if message is None:
                message = have[text] = ET.SubElement(node, "message")
                ET.SubElement(message, "source").text = text
                ET.SubElement(message, "translation", type="unfinished")
            elif message.find("translation").get("type") in ("vanished", "obsolete"):
                del message.find("translation").attrib["type"]  # used again, as data
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                   check=True, capture_output=True)


def missing(ts):
    """Sources whose translation is missing, unfinished, or has other {placeholders}."""
    out = []
    for context in ET.parse(ts).getroot().findall("context"):
        for message in context.findall("message"):
            t = message.find("translation")
            if t.get("type") in ("vanished", "obsolete"):
                continue
            source = message.findtext("source")
            if t.get("type") == "unfinished" or not (t.text or "").strip():
                out.append((context.findtext("name"), source))
            elif sorted(re.findall(r"\{[^}]*\}", source)) != \
                    sorted(re.findall(r"\{[^}]*\}", t.text)):
                out.append((context.findtext("name"), f"{source}  (placeholders differ)"))
    return out


if __name__ == "__main__":
    args = sys.argv[1:]
    ts = Path(args[args.index("--ts") + 1]) if "--ts" in args else \
        ROOT / "resources" / "translations" / "xorlab_ko.ts"
    if "--check" not in args:
        update(ts)
    gaps = missing(ts)
    for context, source in gaps:
        print(f"untranslated [{context}] {source}")
    sys.exit(1 if gaps and "--check" in args else 0)
