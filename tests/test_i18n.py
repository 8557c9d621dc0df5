"""Korean and English: every string the window shows has its Korean, and the window speaks
Korean when the Korean translation is installed (and English again without it)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QPushButton, QTextBrowser

from xorlab.app.fonts import FAMILY
from xorlab.app.i18n import choose_language, install, remove

ROOT = Path(__file__).resolve().parent.parent


def test_every_string_has_a_finished_korean_translation(tmp_path):
    """The .ts made afresh from the code (lupdate, in a copy) has no unfinished entry, and
    the committed .qm is what lrelease makes of the committed .ts."""
    ts = ROOT / "resources" / "translations" / "xorlab_ko.ts"
    copy = tmp_path / "xorlab_ko.ts"
    copy.write_bytes(ts.read_bytes())
    script = str(ROOT / "scripts" / "translations.py")
    run = subprocess.run([sys.executable, script, "--check", "--ts", str(copy)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout  # the committed .ts is complete
    update = subprocess.run([sys.executable, script, "--ts", str(copy)], capture_output=True,
                            text=True)
    assert update.returncode == 0 and update.stdout == "", update.stdout + update.stderr
    # ... and nothing in the code is missing from it
    assert (tmp_path / "xorlab_ko.qm").read_bytes() == ts.with_suffix(".qm").read_bytes()


@pytest.fixture
def korean(qapp):
    install(qapp, "ko")
    yield
    remove(qapp)


def test_the_window_speaks_korean(qtbot, korean, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from xorlab.app import MainWindow
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    w.ask_to_save = False
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.controller.latest is not None, timeout=30_000)
    menus = [a.text() for a in w.menuBar().actions()]
    assert menus == ["파일(&F)", "보기(&V)", "도움말(&H)"]
    assert w.findChild(QPushButton, "playPauseButton").text() == "재생"
    assert w.findChild(QPushButton, "addLayerButton").text() == "+ 층"
    assert w.editor.training.title() == "학습"
    assert w.findChild(QComboBox, "datasetCombo").itemText(0) == "XOR 진리표"
    assert w.tabs.tabText(1) == "역전파: 연쇄 법칙"
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[1:3]) or QMessageBox.Cancel)
    w.ask_to_save = True
    w.controller.step(3)
    qtbot.waitUntil(lambda: w.controller.latest.step == 3, timeout=30_000)
    w.new_session()  # a message box, in Korean
    assert asked and asked[0][0] == "저장하지 않은 학습" and "3 스텝" in asked[0][1]
    w.ask_to_save = False
    w.editor.training.learning_rate.setEditText("fast")
    w.editor.training.learning_rate.lineEdit().editingFinished.emit()
    assert w.statusBar().currentMessage().startswith("학습률 'fast'은(는) 쓸 수 없습니다")
    assert w.open_lesson("vanishing-gradient")  # the lesson panel speaks Korean too
    assert w.lesson_dock.windowTitle() == "수업"
    assert "기울기 소실" in w.findChild(QTextBrowser, "lessonText").toPlainText()
    assert w.findChild(QLabel, "lessonGoalLabel").text().startswith("○ 목표:")
    w.close()


def test_english_again_without_the_translation(qtbot, qapp, tmp_path):
    install(qapp, "ko")
    remove(qapp)
    from PySide6.QtCore import QSettings

    from xorlab.app import MainWindow
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    w.ask_to_save = False
    qtbot.addWidget(w)
    assert [a.text() for a in w.menuBar().actions()] == ["&File", "&View", "&Help"]
    w.close()


def test_the_language_is_chosen_and_remembered(qapp, tmp_path):
    from PySide6.QtCore import QSettings
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    assert choose_language(settings, "ko") == "ko"
    settings.setValue("language", "en")
    assert choose_language(settings) == "en"
    assert choose_language(settings, "ko") == "ko"  # --lang wins


KOREAN = "역전파와 기울기 소실"


def glyph_runs(text, font):
    """[(family, glyph indexes)] as Qt lays out `text` in `font`, fallbacks included;
    glyph index 0 is the font's .notdef: the empty box drawn for a missing character."""
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes()))
            for run in layout.glyphRuns()]


def test_korean_text_has_its_glyphs(qapp):
    """A Korean label draws every character (no empty boxes), with the fonts it falls back
    to here: an installed font with Hangul, else the bundled one."""
    label = QLabel(KOREAN)
    runs = glyph_runs(label.text(), label.font())
    assert sum(len(glyphs) for _, glyphs in runs) >= len(KOREAN.replace(" ", ""))
    assert all(0 not in glyphs for _, glyphs in runs), runs
    assert not label.grab().isNull()


# In a child process where fontconfig hides every font with Korean: the label falls back to
# the bundled font when it is installed, and draws empty boxes when it is not.
CHILD = f"""
import json, sys
from PySide6.QtWidgets import QApplication, QLabel
from xorlab.app.fonts import install_hangul_font
from tests.test_i18n import glyph_runs
app = QApplication([])
if sys.argv[1] == "install":
    install_hangul_font()
label = QLabel({KOREAN!r})
print(json.dumps(glyph_runs(label.text(), label.font())))
"""
NO_KOREAN_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont><pattern>
    <patelt name="lang"><string>ko</string></patelt>
  </pattern></rejectfont></selectfont>
</fontconfig>
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="hides fonts with fontconfig")
def test_the_bundled_font_draws_hangul_where_no_installed_font_has_it(tmp_path):
    config = tmp_path / "fonts.conf"
    config.write_text(NO_KOREAN_FONTS)
    env = dict(os.environ, FONTCONFIG_FILE=str(config), QT_QPA_PLATFORM="offscreen")

    def runs(mode):
        child = subprocess.run([sys.executable, "-c", CHILD, mode], capture_output=True,
                               text=True, env=env, cwd=ROOT, timeout=60)
        assert child.returncode == 0, child.stderr
        return json.loads(child.stdout.splitlines()[-1])

    boxes = runs("without")  # the check can fail: here Hangul has no font
    assert any(0 in glyphs for _, glyphs in boxes), boxes
    hangul = [(family, glyphs) for family, glyphs in runs("install") if family == FAMILY]
    assert hangul and all(0 not in glyphs for _, glyphs in hangul), hangul
    assert sum(len(glyphs) for _, glyphs in hangul) >= len(KOREAN.replace(" ", ""))


def korean_texts():
    """Every Korean text of the app: the translations and the lessons."""
    import xml.etree.ElementTree as ET

    ts = ET.parse(ROOT / "resources" / "translations" / "xorlab_ko.ts")
    texts = [node.text or "" for node in ts.iter() if node.tag in ("translation",
                                                                    "numerusform")]

    def walk(node):
        if isinstance(node, dict):
            texts.extend(v for k, v in node.items() if k == "ko" and isinstance(v, str))
            node = list(node.values())
        if isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((ROOT / "resources" / "lessons").glob("*.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return texts


# characters the source font (Noto Sans CJK KR) does not have, the superscripts and
# subscripts (U+2070-U+209F: x₁, w⁺, 0.25ⁿ): the UI's Latin font draws them
NOT_IN_NOTO_CJK = {chr(c) for c in range(0x2070, 0x20A0)}


def english_signs():
    """The characters (not Hangul) of the English texts: a formula's √ or ᵢ is drawn in
    Korean by the same font as in English, so the bundled font need not have it."""
    import xml.etree.ElementTree as ET

    ts = ET.parse(ROOT / "resources" / "translations" / "xorlab_ko.ts")
    return {ch for node in ts.iter("source") for ch in node.text or ""
            if not "\u3131" <= ch <= "\ud7a3"}


def test_the_bundled_font_covers_every_korean_text(qapp):
    """Run scripts/make_font.py again when this fails (a new character in a translation or
    a lesson)."""
    from PySide6.QtGui import QRawFont

    font = QRawFont(str(ROOT / "resources" / "fonts" / "xorlab-hangul.otf"), 12)
    assert font.isValid() and font.familyName() == FAMILY
    chars = {ch for text in korean_texts() for ch in text if not ch.isspace()}
    assert any("가" <= ch <= "힣" for ch in chars) and len(chars) > 300
    missing = sorted(ch for ch in chars - NOT_IN_NOTO_CJK - english_signs()
                     if not font.supportsCharacter(ord(ch)))
    assert not missing, f"not in the bundled font: {''.join(missing)}; run scripts/make_font.py"
    assert font.supportsCharacter(ord("가"))
    assert not font.supportsCharacter(ord("漢"))  # a subset: no CJK ideographs


def test_errors_of_the_engine_are_translated_with_their_parameters(qtbot, korean, tmp_path,
                                                                   monkeypatch):
    """A bad CSV, a bad model file and a bad expression: the window says what is wrong in
    Korean, with the file, the line and the values of the error (no English sentence)."""
    import pickle

    from PySide6.QtCore import QSettings

    from xorlab.app import MainWindow
    from xorlab.app.i18n import error_text
    from xorlab.engine import DatasetError, load_csv
    from xorlab.engine.modelfile import ModelFileError

    csv = tmp_path / "points.csv"
    csv.write_text("x1,x2,label\n0,0,0\n1,1,7\n")
    with pytest.raises(DatasetError) as caught:
        load_csv(csv, classes=2)  # (without classes, labels 0 … 7 would be 8 classes)
    e = caught.value
    assert e.template == "{path}:{line}: label must be 0 or 1, got {label!r}"
    assert error_text(e) == f"{csv}:3: 레이블은 0 또는 1이어야 합니다. 받은 값: '7'"
    assert str(e) == f"{csv}:3: label must be 0 or 1, got '7'"  # the CLI's English
    copy = pickle.loads(pickle.dumps(e))  # as it crosses from the engine process
    assert copy == e and type(copy) is DatasetError and error_text(copy) == error_text(e)

    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat),
                   engine="thread")
    w.ask_to_save = False
    qtbot.addWidget(w)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    bad = tmp_path / "bad.xorlab"
    bad.write_text('{"format": "xorlab-model", "version": 2, "spec": {"layers": [{"units": '
                   '4, "activation": "swish"}, {"units": 1, "activation": "sigmoid"}]}}')
    assert w.open_path(bad) is False
    assert isinstance(w.last_problem.params["detail"], ModelFileError)
    # the file's error, with the spec's error inside it, both in Korean
    assert shown == [f"{bad}: 잘못된 네트워크 구성: 1번째 층: 알 수 없는 활성화 함수 'swish'. "
                     f"가능한 값: {', '.join(__import__('xorlab.engine').engine.ACTIVATIONS)}"]
    assert w.statusBar().currentMessage() == "열지 못했습니다: " + shown[0]
    assert not w.backprop.show_expression("w * (x +")
    assert w.backprop.error_code == "syntax"
    assert w.backprop.error.text().startswith("완전한 식이 아닙니다(")
    # the chain rule's sum over the uses of x, in Korean
    assert w.backprop.show_expression("x*x + x")
    sentences = []
    while w.backprop.step_next():
        sentences.append(w.backprop.sentence.text())
    assert any("(3번 중 3번째 사용)" in s for s in sentences)
    assert not any("use" in s for s in sentences)
    w.close()


def test_a_plots_right_click_menu_speaks_korean(qtbot, korean):
    """pyqtgraph's own menus (View All, the axis menus, Mouse Mode, Plot Options, Export…)
    go through Qt's translate(): in the Korean UI none of their items is left in English."""
    import pyqtgraph as pg
    from PySide6.QtCore import QCoreApplication

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    menu = plot.getPlotItem().getViewBox().getMenu(None)
    items = [a.text() for a in menu.actions() if a.text()]
    items += [a.text() for a in menu.mouseModes]
    items += [plot.getPlotItem().ctrlMenu.title(), plot.scene().contextMenu[0].text()]
    english = ["View All", "X axis", "Y axis", "Mouse Mode", "3 button", "1 button",
               "Plot Options", "Export..."]
    assert len(items) >= len(english)
    assert not set(items) & set(english)
    assert QCoreApplication.translate("ViewBox", "View All") in items
    assert all(any("가" <= ch <= "힣" for ch in text) for text in items), items
