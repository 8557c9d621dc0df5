"""The Korean UI: no English left — every text the window shows (menus and their submenus,
the plots' right-click menus, tabs, combo items, labels, buttons, group titles, tooltips,
placeholders, list, tree and table items and headers, the plots' titles and axes, dialogs)
is walked, and each Latin word in it must be one the glossary keeps Latin; and one Korean
word, one meaning."""

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import WINDOW_TIMEOUT, open_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QTabBar,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
    QWidgetAction,
)

from xorlab.app.i18n import install, remove
from xorlab.engine import ACTIVATIONS, INITIALIZERS, LOSSES, OPTIMIZERS

# Latin words the Korean UI keeps (resources/translations/GLOSSARY.md, "Kept in Latin"), in
# any case: names (the app, the problem, activations, initializers, people, papers),
# file formats, abbreviations of math and units, math functions, keys on the keyboard, and
# the English language's own name in the Language menu
KEPT_LATIN = {word.lower() for word in """
    xorlab XOR sigmoid tanh ReLU Leaky VLReLU ELU Maxout Xavier Glorot He MSRA LSUV Adam SGD Mishkin
    Matas CIFAR FitNet Matplotlib
    PNG SVG CSV JSON TIF JPG HDF Markdown FFT fps NaN QR BCE MSE
    max min exp log ln sin cos std var dx dy
    Ctrl Shift Alt Space Enter Esc Del
    English""".split()}
# identifiers the CLI and the files use, shown as they are (in lower case): the keys of the
# activations, initializers, losses and optimizers (the data sets have names in Korean)
IDENTIFIERS = {*ACTIVATIONS, *INITIALIZERS, *LOSSES, *OPTIMIZERS}
# texts of pyqtgraph's export dialog that pyqtgraph writes without translate(): the items
# of its tree (exportDialog.py), its parameter tree's header and top, and the values of the
# CSV exporter's options (pyqtgraph compares them as they are); the rest of it is translated
PYQTGRAPH_FIXED = {"Entire Scene", "Plot", "ViewBox", "Parameter", "Value", "params", "comma",
                   "tab", "(x,y) per plot", "(x,y,y,y) for all plots"}
SUBSCRIPTED = re.compile(r"[A-Za-z]+_[A-Za-z]+")  # W_out, fan_in: a symbol, math
WORD = re.compile(r"[A-Za-z]{2,}")


def plain(text):
    """The text a reader sees: rich text without its tags and entities, no & mnemonics."""
    if re.search(r"<[A-Za-z/][^>]*>|&[#\w]+;", text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def english_words(text):
    """The Latin words of `text` that the glossary does not keep Latin."""
    text = plain(text)
    text = re.sub(r"[A-Za-z_]+", lambda m: " " if m[0] in IDENTIFIERS else m[0], text)
    words = WORD.findall(SUBSCRIPTED.sub(" ", text))
    return [w for w in words if w.lower() not in KEPT_LATIN]


def menu_texts(menu, where):
    """Every action of a menu, its submenus' and its embedded widgets' (pyqtgraph's axis
    menus are widgets in a QWidgetAction)."""
    yield where, menu.title()
    for action in menu.actions():
        yield where, action.text()
        yield where, action.toolTip() if action.toolTip() != action.text().replace("&", "") \
            else ""
        if action.menu() is not None:
            yield from menu_texts(action.menu(), f"{where} › {plain(action.text())}")
        if isinstance(action, QWidgetAction) and action.defaultWidget() is not None:
            yield from widget_texts(action.defaultWidget(), where)


def item_texts(widget, name):
    """Items of combos, lists, tables (with their tooltips and headers), tabs."""
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield name, widget.itemText(i)
            yield name, widget.itemData(i, Qt.ToolTipRole) or ""
    elif isinstance(widget, QListWidget):
        for i in range(widget.count()):
            yield name, widget.item(i).text()
            yield name, widget.item(i).toolTip()
    elif isinstance(widget, QTableWidget):
        for header in (widget.horizontalHeaderItem, widget.verticalHeaderItem):
            for i in range(max(widget.rowCount(), widget.columnCount())):
                item = header(i)
                yield name, item.text() if item is not None else ""
        for r in range(widget.rowCount()):
            for c in range(widget.columnCount()):
                item = widget.item(r, c)
                if item is not None:
                    yield name, item.text()
                    yield name, item.toolTip()
                cell = widget.cellWidget(r, c)
                if isinstance(cell, QLabel):
                    yield name, cell.text()
    elif isinstance(widget, QTreeWidget):
        for i in range(widget.columnCount()):
            yield name, widget.headerItem().text(i)
        items = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
        while items:
            item = items.pop()
            items += [item.child(i) for i in range(item.childCount())]
            for i in range(widget.columnCount()):
                yield name, item.text(i)
                yield name, item.toolTip(i)
    elif isinstance(widget, (QTabWidget, QTabBar)):
        for i in range(widget.count()):
            yield name, widget.tabText(i)
            yield name, widget.tabToolTip(i)


def graphics_texts(view, name):
    """A plot's titles, axis labels, legends and text items, and its right-click menus."""
    scene = view.scene()
    if scene is None:
        return
    for item in scene.items():
        if isinstance(item, QGraphicsTextItem):
            yield name, item.toPlainText()
        menu = getattr(item, "menu", None)  # a ViewBox's menu, made when first asked for
        if hasattr(item, "getMenu") and isinstance(menu, QMenu):
            yield from menu_texts(item.getMenu(None), f"{name} ViewBox menu")
        ctrl = getattr(item, "ctrlMenu", None)  # a PlotItem's "Plot Options"
        if isinstance(ctrl, QMenu):
            yield from menu_texts(ctrl, f"{name} plot options")
    for action in getattr(scene, "contextMenu", []):  # "Export…"
        yield f"{name} scene menu", action.text()


def widget_texts(root, where=""):
    """(where, text) of every text `root` and the widgets in it show."""
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{where}{type(widget).__name__}#{widget.objectName()}"
        yield name, widget.toolTip()
        if widget.isWindow() or isinstance(widget, QDockWidget):
            yield name, widget.windowTitle()
        if isinstance(widget, QLabel):
            yield name, widget.text()
        if isinstance(widget, QAbstractButton):
            yield name, widget.text()
        if isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, QLineEdit):
            yield name, widget.placeholderText()
        if isinstance(widget, QAbstractSpinBox):
            for part in ("prefix", "suffix", "specialValueText"):
                yield name, getattr(widget, part, lambda: "")()
        yield from item_texts(widget, name)
        if isinstance(widget, QGraphicsView):
            yield from graphics_texts(widget, name)
        if isinstance(widget, QMenu) and widget.parent() is not None:
            continue  # walked from its action
        for action in widget.actions():
            yield name, action.text()
            if action.menu() is not None:
                yield from menu_texts(action.menu(), f"{name} › {plain(action.text())}")


def english_in(texts):
    """{where: [text, ...]} of the texts with a word that should have been translated."""
    found = {}
    for where, text in texts:
        if text and english_words(text) and text not in found.get(where, []):
            found.setdefault(where, []).append(text)
    return found


@pytest.fixture
def korean(qapp):
    install(qapp, "ko")
    yield
    remove(qapp)


def test_the_walk_finds_english(qapp):
    """The check can fail: English words are found, in rich text too; the kept ones pass."""
    label = QLabel("<b>A seed converged</b> when max(0, z) &gt; 0: ReLU, xorlab")
    assert english_in(widget_texts(label)) == {"QLabel#": [label.text()]}
    assert english_words(label.text()) == ["seed", "converged", "when"]
    assert english_words("z if z > 0 else 1") == ["if", "else"]
    assert english_words("초기화: leaky_relu, xavier_normal, ‖∂L/∂W_out‖") == []
    assert english_words("파일(&F)") == [] and english_words("&Reset") == ["Reset"]


# the offscreen platform cannot raise the export dialog above the window
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_no_english_is_left_in_the_korean_ui(qtbot, korean, tmp_path, monkeypatch):
    from xorlab.engine.sweep import SweepConfig

    w = open_window(qtbot, tmp_path, engine="thread")
    for i in range(w.tabs.count()):  # every view is built and shown once
        w.tabs.setCurrentIndex(i)
    for mode in range(w.gradient_panel.mode.count()):
        w.gradient_panel.mode.setCurrentIndex(mode)
    assert w.open_lesson("vanishing-gradient")
    # a tiny sweep, for its result sentence, its cells' tooltips and their labels
    tiny = SweepConfig(inits=("xavier",), activations=("relu",), depth=1, width=2, seeds=1,
                       steps=10)
    with qtbot.waitSignal(w.sweep.finishedRun, timeout=WINDOW_TIMEOUT):
        assert w.sweep.run(tiny)
    assert w.sweep.result.complete
    texts = list(widget_texts(w))
    for data in ({**w.session().data, "name": "xor-quadrants"},  # the headline's data
                 {"name": "points", "label": "drawn", "X": [], "y": []}):
        w.training_bar.show_session(replace(w.session(), data=data))
        texts.append(("headline", w.training_bar.headline.text()))
    for name in ACTIVATIONS:  # the activation view's title: each formula, in Korean
        w.activation_plot.show_activation(name, "1층")
        texts += graphics_texts(w.activation_plot, f"activation view ({name}) ")
    for menu in w.menuBar().actions():
        texts += menu_texts(menu.menu(), plain(menu.text()))
    # the dialogs the Help menu opens
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[1:3]))
    monkeypatch.setattr(QMessageBox, "about", lambda *a: shown.append(a[1:3]))
    w.action_table.show_shortcuts()
    w.action_table.show_about()
    assert len(shown) == 2
    texts += [("dialog", text) for pair in shown for text in pair]
    # pyqtgraph's export dialog, opened from a plot's right-click menu
    scene = w.decision_plot.scene()
    scene.contextMenuItem = w.decision_plot.getPlotItem()  # as a right-click sets it
    scene.showExportDialog()
    texts += [(where, text) for where, text in widget_texts(scene.exportDialog, "export ")
              if text not in PYQTGRAPH_FIXED]
    scene.exportDialog.close()
    assert len(texts) > 500
    found = english_in(texts)
    assert not found, "English in the Korean UI:\n" + "\n".join(
        f"{where}: {text!r} ({', '.join(english_words(text))})"
        for where, bad in found.items() for text in bad)
    w.close()


def translations():
    """[(source, Korean), ...] of the translation in use (resources/translations)."""
    ts = Path(__file__).resolve().parent.parent / "resources" / "translations" / "xorlab_ko.ts"
    return [(m.findtext("source"), m.findtext("translation") or "")
            for m in ET.parse(ts).getroot().iter("message")
            if m.find("translation").get("type") not in ("vanished", "obsolete")]


def test_one_korean_word_one_meaning():
    """초기화 is weight initialization only (so Reset is 처음으로), 배치 the (mini)batch only
    (so the window's layout is 화면 구성): GLOSSARY.md, "One word, one meaning"."""
    pairs = translations()
    assert len(pairs) > 300
    assert [(s, k) for s, k in pairs if "초기화" in k and not re.search("init", s, re.I)] == []
    assert [(s, k) for s, k in pairs if "배치" in k and not re.search("batch", s, re.I)] == []
    resets = [k for s, k in pairs if re.search(r"\breset\b", s, re.I)]
    assert resets and all("처음으로" in k or "되돌리기" in k for k in resets), resets
