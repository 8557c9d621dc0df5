"""The Korean UI: one Korean word, one meaning."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path


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
