"""Errors that the window can translate: a sentence template with named parameters.

    raise DatasetError("{path}:{line}: label must be 0 or 1, got {label!r}",
                       path=path, line=lineno, label=row[2])

`str(error)` is the English sentence (the command line prints it). Words inside a sentence
(not a value) are a Phrase: `where=Phrase("layer {number}", number=2)`. The window looks the
template up in Qt's translation (context "errors") and fills in the same parameters, so no
English sentence is ever taken apart; a parameter that is itself such an error is translated
the same way (xorlab.app.i18n.error_text). scripts/translations.py collects the templates
from the source, so every raise must give its template as a string literal.
"""

from __future__ import annotations


class XorlabError(ValueError):
    """An error of the user's input (a file, a setting, an expression), said as
    `template.format(**params)`."""

    def __init__(self, template, /, **params):
        self.template = template
        # another kind of exception as a parameter is kept as its text: it stays the same
        # after a trip through a pipe, and says the same in every language
        self.params = {key: str(v) if isinstance(v, BaseException) and
                       not isinstance(v, XorlabError) else v for key, v in params.items()}
        super().__init__(template.format(**self.params) if params else template)

    def __eq__(self, other):  # the same problem, also after a trip through a pipe
        return type(other) is type(self) and (other.template, other.params) == \
            (self.template, self.params)

    def __hash__(self):
        return hash((type(self), self.template))

    def __reduce__(self):  # to cross into or out of the engine process as it is
        return _rebuild, (type(self), self.template, self.params, self.__dict__)


class Phrase:
    """Words inside an error's sentence, translated with it: `Phrase("layer {number}",
    number=2)` is "layer 2" in English and "2번째 층" in Korean."""

    def __init__(self, template, /, **params):
        self.template = template
        self.params = params

    def __str__(self):
        return self.template.format(**self.params) if self.params else self.template

    def __eq__(self, other):
        return type(other) is Phrase and (other.template, other.params) == \
            (self.template, self.params)

    def __hash__(self):
        return hash(self.template)


def _rebuild(kind, template, params, attributes):
    error = kind.__new__(kind)
    XorlabError.__init__(error, template, **params)
    error.__dict__.update(attributes)
    return error
