"""The window's one actions table: each row a menu, a text, a slot and a shortcut. The table
builds the menus and the window-wide shortcuts, and the Keyboard shortcuts dialog lists it,
so that a shortcut cannot be in one and missing from the other."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from .. import __version__
from .i18n import LANGUAGES, current_language

SEPARATOR = "-"


@dataclass(frozen=True)
class Row:
    """One action. `menu`: "file", "view", "help", or "" for a window-wide shortcut alone;
    `slot`: what it does (a QAction made elsewhere, such as a dock's toggle, is added as it
    is); `submenu`: fills a submenu of this title instead; `name`: its object name."""

    menu: str
    text: str = SEPARATOR
    slot: object = None
    shortcut: object = None  # a QKeySequence.StandardKey or a key text ("Ctrl+1")
    name: str = ""
    submenu: object = None  # a function(QMenu) that fills it (called when it is made)


class Actions(QObject):
    """Builds the window's menus and shortcuts from `rows(w)`; `named[name]`: the QAction
    (or QMenu) of a row with an object name."""

    def __init__(self, window):
        super().__init__(window)
        self.settings, self.status_bar = window.settings, window.statusBar()
        self.named = {}
        self.rows = self._rows(window)
        menus = {"file": window.menuBar().addMenu(self.tr("&File")),
                 "view": window.menuBar().addMenu(self.tr("&View")),
                 "help": window.menuBar().addMenu(self.tr("&Help")),
                 "": window}  # training shortcuts: window-wide; a field being edited keeps
        # its keys until Enter hands the focus back (editor/fields.py)
        for row in self.rows:
            menu = menus[row.menu]
            if row.submenu is not None:
                sub = menu.addMenu(row.text)
                sub.setObjectName(row.name)
                row.submenu(sub)
                self.named[row.name] = sub
            elif row.text == SEPARATOR:
                menu.addSeparator()
            elif isinstance(row.slot, QAction):
                menu.addAction(row.slot)
            else:
                action = QAction(row.text, window)
                if row.shortcut is not None:
                    action.setShortcut(QKeySequence(row.shortcut))
                action.triggered.connect(row.slot)
                if row.name:
                    action.setObjectName(row.name)
                    self.named[row.name] = action
                menu.addAction(action)

    def _rows(self, w):
        files, tabs = w.files, w.tabs
        return [
            Row("file", self.tr("&New"), w.new_session, QKeySequence.New),
            Row("file", self.tr("&Open…"), files.open_dialog, QKeySequence.Open),
            Row("file", self.tr("Open &Recent"), name="recentMenu",
                submenu=lambda menu: menu.aboutToShow.connect(
                    lambda: files.fill_recent_menu(menu))),
            Row("file", self.tr("Restore &last session"), w.restore_last_session,
                name="restoreAction"),
            Row("file", self.tr("&Save"), files.save, QKeySequence.Save),
            Row("file", self.tr("Save &As…"), files.save_as_dialog, QKeySequence.SaveAs),
            Row("file"),
            Row("file", self.tr("&Export view…"), lambda: w.view_export.dialog(), "Ctrl+E",
                name="exportViewAction"),
            Row("file", self.tr("Export plots as &PNG…"), files.export_plots_dialog),
            Row("file", self.tr("Export history as &CSV…"), files.export_history_dialog),
            Row("file", self.tr("Save as &lesson…"), w.lesson_mode.save_lesson_dialog),
            Row("file"),
            # (not QKeySequence.Quit: some platforms have none, and the dialog says Ctrl+Q)
            Row("file", self.tr("&Quit"), w.close, "Ctrl+Q"),
            Row("view", self.tr("&Training views"), lambda: tabs.setCurrentIndex(0), "Ctrl+1"),
            Row("view", self.tr("&Backprop: the chain rule"),
                lambda: tabs.setCurrentWidget(w.backprop), "Ctrl+2"),
            Row("view", self.tr("Activation &zoo"),
                lambda: tabs.setCurrentWidget(w.zoo), "Ctrl+3"),
            Row("view", self.tr("&Init × activation sweep"),
                lambda: tabs.setCurrentWidget(w.sweep), "Ctrl+4"),
            Row("view"),
            Row("view", slot=w.editor_dock.toggleViewAction()),
            Row("view", slot=w.activation_dock.toggleViewAction()),
            Row("view"),
            Row("view", self.tr("&Reset layout"), w.reset_layout),
            Row("view", self.tr("&Language"), name="languageMenu",
                submenu=self._fill_languages),
            Row("view", slot=w.lesson_dock.toggleViewAction()),
            Row("help", self.tr("&Lessons"), w.show_lessons, "Ctrl+L"),
            Row("help", self.tr("&Keyboard shortcuts"), self.show_shortcuts),
            Row("help", self.tr("&About xorlab"), self.show_about),
            Row("", self.tr("Play/Pause"), w.play_pause, "Space"),
            Row("", self.tr("Step"), w.step_once, "S"),
            Row("", self.tr("Step epoch"), w.step_epoch, "E"),
            Row("", self.tr("Reset"), w.reset, "R"),
        ]

    def _fill_languages(self, menu):
        current = current_language()  # the one in use, however it was chosen
        for code, name in LANGUAGES.items():  # each language in its own words
            action = menu.addAction(name)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setObjectName(f"language_{code}")
            self.named[f"language_{code}"] = action

    def set_language(self, code):
        """Remember the language; it applies when xorlab starts next."""
        self.settings.setValue("language", code)
        for name, action in self.named.items():
            if name.startswith("language_"):
                action.setChecked(name == f"language_{code}")
        self.status_bar.showMessage(self.tr("The language changes when xorlab starts next."),
                                    8000)

    def shortcuts(self):
        """[(key, what it does), ...] of every row with a shortcut, keys as the system
        writes them, the training keys first."""
        rows = sorted((r for r in self.rows if r.shortcut is not None), key=lambda r: r.menu != "")
        keys = [(QKeySequence(r.shortcut).toString(QKeySequence.NativeText),
                 re.sub(r"\(&\w\)|&", "", r.text).rstrip("…")) for r in rows]
        return [(key, what) for key, what in keys if key]  # (a standard key may have none)

    def show_shortcuts(self):
        QMessageBox.information(self.parent(), self.tr("Keyboard shortcuts"), "\n".join(
            f"{key:<12}  {what}" for key, what in self.shortcuts()))

    def show_about(self):
        QMessageBox.about(self.parent(), self.tr("About xorlab"), self.tr(
            "xorlab {0}\n\nSee how neural networks learn: the XOR problem, backpropagation by "
            "the chain rule, sigmoid vs ReLU.\nBuilt on the lecture 모두를 위한 딥러닝 (deep "
            "learning for everyone).").format(__version__))
