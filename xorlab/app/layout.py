"""The window's layout pieces: the Training tab's page, the headline beside the tabs, a
column, the scrolled editor, and the saved layout restored."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QGridLayout, QScrollArea, QVBoxLayout, QWidget


def training_page(bar, top_left, top_right, bottom_left, bottom_right, history):
    """The Training tab: the training bar, four views in a 2 × 2 grid (a widget of its own,
    `trainingViews`: File → Export view draws it as one picture), the history bar."""
    page = QWidget()
    v = QVBoxLayout(page)
    v.setContentsMargins(4, 4, 4, 4)
    v.addWidget(bar)
    views = QWidget(objectName="trainingViews")
    grid = QGridLayout(views)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setSpacing(4)
    for i, view in enumerate((top_left, top_right, bottom_left, bottom_right)):
        grid.addWidget(view, i // 2, i % 2)
    for i in range(2):
        grid.setColumnStretch(i, 1)
        grid.setRowStretch(i, 1)
    v.addWidget(views, 1)
    v.addWidget(history)
    return page


def headline_beside_tabs(tabs, headline):
    """The training bar's headline at the right of the tab row, which at 1366 px has the room
    the bar's buttons leave it none of: as wide as its text, up to what the tabs leave (an
    ElidedLabel: cut with "…" beyond)."""
    headline.room = lambda: tabs.width() - tabs.tabBar().sizeHint().width() - 16
    tabs.setCornerWidget(headline, Qt.TopRightCorner)


def column(first, second):
    """`first` over `second`, which takes only the height it needs."""
    page = QWidget()
    box = QVBoxLayout(page)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    box.addWidget(first, 1)
    box.addWidget(second)
    return page


def scrolled(editor):
    """The editor in a scroll area as wide as it needs, with its vertical bar always there,
    so the panel keeps its width (and "+ Layer" its place) as rows come."""
    scroll = QScrollArea()
    scroll.setWidget(editor)
    scroll.setWidgetResizable(True)
    scroll.setMinimumWidth(editor.minimumSizeHint().width()
                           + scroll.verticalScrollBar().sizeHint().width() + 4)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    scroll.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOn)
    return scroll


def restore_layout(window, settings):
    """The layout saved in `settings` (geometry, docks), fitted to the screen the window
    opens on."""
    geometry = settings.value("geometry")
    state = settings.value("windowState")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    if isinstance(state, QByteArray):
        window.restoreState(state)
    screen = window.screen().availableGeometry() if window.screen() else None
    if isinstance(geometry, QByteArray) and screen is not None and (
            window.width() > screen.width() or window.height() > screen.height()):
        window.resize(min(window.width(), screen.width()),
                      min(window.height(), screen.height()))
