"""The app in Korean or English, through Qt's translation system.

Every user-visible string is written in English in the code (`self.tr(...)`, or a message
template of lab.messages) and translated at run time from resources/translations/
xorlab_ko.qm, compiled from xorlab_ko.ts by `python scripts/translations.py`. Qt's own
qtbase_ko.qm is loaded too, so the standard dialogs speak Korean.

Errors of the engine and the lab (engine/errors.py) and messages (lab/messages.py) are a
template with parameters: `error_text` and `message_text` translate the template (contexts
"errors" and "messages") and fill in the parameters, errors among them translated too.

The language follows the system locale unless one is chosen (View → Language, remembered in
the settings, or `xorlab app --lang ko`); a new choice applies when the app starts next.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..engine.errors import Phrase, XorlabError
from ..lab.messages import TEMPLATES
from ..resources_path import resource_path

LANGUAGES = {"ko": "한국어", "en": "English"}
_installed = []  # the translators in use (Qt keeps no reference of its own)


def choose_language(settings=None, requested=None):
    """"ko" or "en": the one asked for, else the saved choice, else the system's."""
    for choice in (requested, settings.value("language") if settings is not None else None):
        if choice in LANGUAGES:
            return choice
    return "ko" if QLocale.system().language() == QLocale.Korean else "en"


def install(app, language):
    """Install the translators of `language` (none for English); returns them."""
    remove(app)
    if language == "en":
        return []
    found = []
    ours = QTranslator()
    if ours.load(str(resource_path(f"translations/xorlab_{language}.qm"))):
        found.append(ours)
    qt = QTranslator()
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        found.append(qt)
    for translator in found:
        app.installTranslator(translator)
    _installed.extend(found)
    return found


def remove(app):
    """Back to English."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()


def current_language():
    """"ko" while the Korean translation is installed, else "en"."""
    return "ko" if _installed else "en"


def _translated(params):
    return {key: error_text(v) if isinstance(v, (BaseException, Phrase)) else v
            for key, v in params.items()}


def error_text(error):
    """An error in the user's language: an XorlabError's (or a Phrase's) template translated
    (context "errors") and filled in; any other exception as Python says it (say, an
    OSError's text from the system)."""
    if not isinstance(error, (XorlabError, Phrase)):
        return str(error)
    template = QCoreApplication.translate("errors", error.template)
    return template.format(**_translated(error.params)) if error.params else template


def formula_text(activation, **p):
    """An activation's formula in the user's language (context "formulas": some have words,
    "max of {k} pieces"), with these parameter values."""
    return activation.formula_text(QCoreApplication.translate("formulas", activation.formula),
                                   **p)


def message_text(msg):
    """A lab.messages.Message in the user's language."""
    template = QCoreApplication.translate("messages", TEMPLATES[msg.code])
    return template.format(**_translated(msg.params))
