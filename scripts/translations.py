#!/usr/bin/env python3
"""Update resources/translations/xorlab_ko.ts from the code and compile it to xorlab_ko.qm.

    python scripts/translations.py          update the .ts (new strings: unfinished), compile
    python scripts/translations.py --check  exit 1 when a string has no finished translation
    ... --ts FILE                           another .ts (its .qm beside it), e.g. a copy

pyside6-lupdate finds the `self.tr("...")` strings of xorlab/app; the strings that are data
(the message templates of xorlab.lab.messages, the error templates of the engine and the
lab (xorlab/engine/errors.py, found in the source), the activations' formulas and notes, the
initializers' summaries, the backprop presets' titles, the kinds of node and the table columns)
are added here under the context the app translates them in. Translate in Qt Linguist
(`pyside6-linguist`) or any editor; the words follow resources/translations/GLOSSARY.md.
"""

from __future__ import annotations

import ast
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def error_templates():
    """[(template, parameter names, "file:line"), ...] of every error made with a template
    (xorlab/engine/errors.py) in xorlab/: the call of an XorlabError class (or Phrase) whose last
    positional argument is the template. A template that is not a string literal is listed
    with None, so that the check can name it."""
    sys.path.insert(0, str(ROOT))
    import importlib

    from xorlab.engine.errors import Phrase, XorlabError
    found = []
    for path in sorted([*(ROOT / "xorlab" / "engine").glob("*.py"),
                        *(ROOT / "xorlab" / "lab").glob("*.py"),
                        *(ROOT / "xorlab" / "app").rglob("*.py")]):
        module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and
                    isinstance(getattr(module, node.func.id, None), type) and
                    issubclass(getattr(module, node.func.id), (XorlabError, Phrase)) and
                    node.args):
                continue
            if isinstance(node.args[-1], ast.Attribute) and node.args[-1].attr == "template":
                continue  # raise SomeError(e.template, **e.params): the same template again
            last = node.args[-1]
            template = last.value if isinstance(last, ast.Constant) and \
                isinstance(last.value, str) else None
            names = {k.arg for k in node.keywords}
            found.append((template, names, f"{path.relative_to(ROOT)}:{node.lineno}"))
    return found


def bad_error_templates():
    """Problems of the error templates: not a literal, or {placeholders} that are not the
    parameters given."""
    problems = []
    for template, names, where in error_templates():
        if template is None:
            problems.append(f"{where}: the template must be a string literal")
            continue
        used = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        if used != names:
            problems.append(f"{where}: {template!r} uses {sorted(used)} but is given "
                            f"{sorted(names)}")
    return problems


def data_strings():
    """{context: [source, ...]} of the strings that are data, not literals in the code."""
    sys.path.insert(0, str(ROOT))
    from xorlab.app.views.backprop import COLUMNS
    from xorlab.engine import ACTIVATIONS, INITIALIZERS
    from xorlab.lab.chain_rule import PRESETS
    from xorlab.lab.messages import TEMPLATES
    errors = list(dict.fromkeys(t for t, _, _ in error_templates() if t is not None))
    return {"messages": list(TEMPLATES.values()), "errors": errors,
            "ZooCard": [a.notes for a in ACTIVATIONS.values() if a.notes],
            "formulas": [a.formula for a in ACTIVATIONS.values()],
            "LayersGroup": [i.summary for i in INITIALIZERS.values()],
            "BackpropView": [p.title for p in PRESETS] + list(COLUMNS)
            + ["parameter", "data", "constant", "operation"]}


# pyqtgraph's own menus and dialogs that a student meets (a plot's right-click menu, its
# axis settings, Export…): pyqtgraph passes their texts through Qt's translate(), so they are
# translated here under pyqtgraph's contexts (ViewBox, PlotItem, GraphicsScene, Form)
PYQTGRAPH_FILES = ("graphicsItems/ViewBox/ViewBoxMenu.py",
                   "graphicsItems/ViewBox/axisCtrlTemplate_generic.py",
                   "graphicsItems/PlotItem/PlotItem.py",
                   "graphicsItems/PlotItem/plotConfigTemplate_generic.py",
                   "GraphicsScene/GraphicsScene.py",
                   "GraphicsScene/exportDialogTemplate_generic.py",
                   *(f"exporters/{name}.py" for name in ("CSVExporter", "ImageExporter",
                                                        "SVGExporter", "Matplotlib",
                                                        "PrintExporter", "HDF5Exporter")))


def pyqtgraph_strings():
    """{context: [source, ...]} of the translate("Context", "text") calls in PYQTGRAPH_FILES
    of the pyqtgraph that is installed (texts that are only digits or symbols are left), and
    the exporters' names (`Name = "..."`, which the export dialog translates as "Exporter")."""
    import pyqtgraph
    found = {}
    for name in PYQTGRAPH_FILES:
        path = Path(pyqtgraph.__file__).parent / name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in
                                                 node.targets] == ["Name"] and \
                    isinstance(node.value, ast.Constant) and name.startswith("exporters/"):
                found.setdefault("Exporter", []).append(node.value.value)
            func = getattr(node, "func", None)
            called = getattr(func, "attr", None) or getattr(func, "id", None)
            if str(called).endswith("translate") and len(node.args) >= 2 and all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str)
                    for a in node.args[:2]) and re.search("[A-Za-z]", node.args[1].value):
                texts = found.setdefault(node.args[0].value, [])
                if node.args[1].value not in texts:
                    texts.append(node.args[1].value)
    return found


def update(ts):
    sources = [str(p) for p in sorted((ROOT / "xorlab" / "app").rglob("*.py"))]
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(ts)], check=True,
                   capture_output=True)
    tree = ET.parse(ts)
    root = tree.getroot()
    for context, texts in {**data_strings(), **pyqtgraph_strings()}.items():
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
    bad = bad_error_templates()
    for problem in bad:
        print(f"bad error template: {problem}")
    sys.exit(1 if (gaps or bad) and "--check" in args else 0)
