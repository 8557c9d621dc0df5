"""Export a view as a picture: File → Export view… and "Export view…" in each view's
context menu.

A view is one widget, or a few drawn side by side as one picture (compare mode's two
decision maps). PNG is drawn at 1–4 × the view's size on screen (2 × by default: sharp on a
slide and on a high-resolution screen); SVG keeps lines and text as vectors (the decision
map's colours stay a picture inside it). Both draw the widgets as Qt paints them on screen
(QWidget.render), plots antialiased, so a view of plots and Qt widgets together (the
Training tab's four views, the Backprop tab's graph and table, the sweep's tables) comes out
whole and looks as it does in the window. pyqtgraph's exporters draw one scene only, and its
SVGExporter fails on the SVG paths of the Qt in use (pyqtgraph issue #3485), so the plots'
own "Export..." entry opens this export instead.

A file is written whole or not at all (engine.textfile.write_atomically). What can go wrong
is an ExportError: UnknownFormat (the name ends in neither .png nor .svg), NothingShown (a
view of no size) or NotWritten (the folder or the file cannot be written).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGraphicsView,
    QMessageBox,
    QWidget,
)

from ..engine.errors import XorlabError
from ..engine.textfile import write_atomically
from ..lab.messages import message
from .i18n import error_text

SCALES = (1, 2, 3, 4)  # a PNG's size as a multiple of the view's size on screen
DEFAULT_SCALE = 2
FORMATS = ("png", "svg")
GAP = 6  # pixels between widgets drawn side by side
INCH = 0.0254  # metres


class ExportError(XorlabError):
    """A view that cannot be exported as asked; the message says why."""


class UnknownFormat(ExportError):
    """The file name ends in neither .png nor .svg."""


class NothingShown(ExportError):
    """The view has no size: it is not shown."""


class NotWritten(ExportError):
    """The folder or the file cannot be written."""


# ---- drawing ------------------------------------------------------------------------------
def _size(widget):
    return QWidget.size(widget)  # (not widget.size(): a view may have a field of that name)


def picture_size(widgets, scale=1):
    """The size in pixels of `widgets` side by side, times `scale`."""
    width = sum(_size(w).width() for w in widgets) + GAP * (len(widgets) - 1)
    height = max((_size(w).height() for w in widgets), default=0)
    return QSize(width * scale, height * scale)


@contextmanager
def _antialiased(widgets):
    """The plots in `widgets` drawn antialiased while exported (on screen pyqtgraph draws
    them without, for speed)."""
    views = [view for w in widgets for view in (w, *w.findChildren(QGraphicsView))
             if isinstance(view, QGraphicsView)]
    hints = [view.renderHints() for view in views]
    for view in views:
        view.setRenderHint(QPainter.Antialiasing, True)
    try:
        yield
    finally:
        for view, hint in zip(views, hints):
            view.setRenderHints(hint)


def _paint(widgets, painter):
    x = 0
    with _antialiased(widgets):
        for w in widgets:
            # QWidget's render, also for a QGraphicsView (whose own render draws its scene
            # without the view's frame and scroll position)
            QWidget.render(w, painter, QPoint(x, 0))
            x += _size(w).width() + GAP


def _buffer():
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    return buffer


def _dpi(widgets):
    return widgets[0].logicalDpiX() if widgets else 96


def png_bytes(widgets, scale=DEFAULT_SCALE):
    """`widgets` side by side as a PNG of `scale` × their size on screen. The file says
    `scale` × the screen's dots per inch, so that a word processor places it at the size
    it has on screen."""
    image = QImage(picture_size(widgets, scale), QImage.Format_ARGB32)
    image.setDevicePixelRatio(scale)  # widgets draw as on a screen of that density
    image.fill(Qt.white)
    dots_per_metre = round(_dpi(widgets) * scale / INCH)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    _paint(widgets, painter)
    painter.end()
    buffer = _buffer()
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def svg_bytes(widgets, title="xorlab"):
    """`widgets` side by side as an SVG drawing of their size on screen."""
    size = picture_size(widgets)
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)  # 1.1: the plots' clip paths
    buffer = _buffer()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(QPoint(0, 0), size))
    generator.setResolution(_dpi(widgets))
    generator.setTitle(title)
    generator.setDescription("xorlab")
    painter = QPainter(generator)
    _paint(widgets, painter)
    painter.end()
    return bytes(buffer.data())


def export_widgets(widgets, path, scale=DEFAULT_SCALE, title="xorlab"):
    """Write `widgets` side by side as one picture to `path`: PNG (at `scale` × their size
    on screen) or SVG, as the name ends. Returns the picture's size in pixels (an SVG's
    size at 1 ×); raises an ExportError, leaving no file behind."""
    path = Path(path)
    kind = path.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        raise UnknownFormat("Cannot export as “{name}”: the file name must end in .png "
                            "(a picture) or .svg (a drawing).", name=path.name)
    if scale not in SCALES:
        raise ValueError(f"scale {scale!r}: one of {SCALES}")
    size = picture_size(widgets, scale if kind == "png" else 1)
    if size.isEmpty():
        raise NothingShown("There is nothing to export: the view is not shown.")
    data = png_bytes(widgets, scale) if kind == "png" else svg_bytes(widgets, title)
    try:
        write_atomically(path, data)
    except OSError as e:
        raise NotWritten("Cannot write {path}: {reason}", path=str(path),
                         reason=e.strerror or e) from None
    return size


# ---- the window's views ----------------------------------------------------------------------
@dataclass(frozen=True)
class View:
    """What one entry of the export draws: `widgets()` side by side, saved as
    `<file_name>.png`."""

    key: str
    title: str
    widgets: object  # () -> tuple of widgets (a view can change: compare mode, the gradient mode)

    @property
    def file_name(self):
        return f"xorlab-{self.key}"

    def shown(self):
        widgets = self.widgets()
        return bool(widgets) and all(w.isVisible() for w in widgets)


class ViewExport(QObject):
    """The window's export: its views by key, the dialog, the views' context-menu entries,
    and the folder, format and scale used last (in the window's settings)."""

    problem = Signal(object, int)  # a lab.messages.Message to show, for so many ms

    def __init__(self, window):
        super().__init__(window)
        self.settings = window.settings
        self.views = {view.key: view for view in self._views(window)}
        self.tabs = window.tabs
        # the view of each tab, for File → Export view…
        self.tab_views = {0: "training", self.tabs.indexOf(window.backprop): "backprop",
                          self.tabs.indexOf(window.zoo): "zoo",
                          self.tabs.indexOf(window.sweep): "sweep"}
        self._context_menus(window)

    def _views(self, w):
        training = w.tabs.widget(0).findChild(QWidget, "trainingViews")
        gradients = w.gradient_panel.stack
        return [
            View("training", self.tr("Training: the four views"), lambda: (training,)),
            View("decision", self.tr("Decision regions"), lambda: (w.decision_plot,)),
            View("compare", self.tr("Compare: both decision maps"),
                 lambda: (w.decision_plot, w.compare_plot)),
            View("images", self.tr("Test images and the network's answers"),
                 lambda: (w.image_panel.grid,)),
            View("confusion", self.tr("Confusion matrix and accuracy per class"),
                 lambda: (w.image_panel.confusion,)),
            View("draw", self.tr("A drawn digit and the network's probabilities"),
                 lambda: (w.image_panel.draw,)),
            View("compare_images", self.tr("Compare: the image views and the second run's "
                                           "confusion matrix"),
                 lambda: (w.image_panel, w.twin_confusion)),
            View("network", self.tr("Network diagram"), lambda: (w.diagram,)),
            View("loss", self.tr("Loss and accuracy"), lambda: (w.loss_plot,)),
            View("gradients", self.tr("Gradients (as shown: over time, by layer or "
                                      "saturation)"), lambda: (gradients.currentWidget(),)),
            View("activation", self.tr("Activation f and f′"), lambda: (w.activation_plot,)),
            View("backprop", self.tr("Backprop: graph, table and controls"),
                 lambda: (w.backprop,)),
            View("graph", self.tr("Backprop: the computation graph"),
                 lambda: (w.backprop.canvas,)),
            View("zoo", self.tr("Activation zoo"), lambda: (w.zoo,)),
            View("sweep", self.tr("Init × activation sweep"), lambda: (w.sweep,)),
        ]

    def _context_menus(self, w):
        """"Export view…" in the context menu of each view: in a plot's own menu in place of
        pyqtgraph's English "Export...", in the others' as their one entry."""
        plots = {"decision": w.decision_plot, "compare": w.compare_plot, "loss": w.loss_plot,
                 "activation": w.activation_plot, **{
                     f"gradients{i}": view for i, view in enumerate(
                         (w.gradient_plot, w.gradient_depth_plot, w.histogram_plot))}}
        for key, plot in plots.items():
            scene = plot.scene()
            scene.contextMenu[:] = [self._action(key.rstrip("012"), scene)]
        for key, widget in (("network", w.diagram), ("graph", w.backprop.canvas),
                            ("backprop", w.backprop.table), ("zoo", w.zoo),
                            ("sweep", w.sweep.table), ("sweep", w.sweep.paper),
                            ("images", w.image_panel.grid),
                            ("confusion", w.image_panel.confusion),
                            ("draw", w.image_panel.draw.bars),
                            ("compare_images", w.twin_confusion)):
            widget.setContextMenuPolicy(Qt.ActionsContextMenu)
            widget.addAction(self._action(key, widget))

    def _action(self, key, parent):
        action = QAction(self.tr("Export view…"), parent)
        action.setObjectName(f"exportAction_{key}")
        action.triggered.connect(lambda: self.dialog(key))
        return action

    # ---- what is shown, what was chosen last --------------------------------------------------
    def current(self):
        """The key of the view of the tab shown."""
        return self.tab_views.get(self.tabs.currentIndex(), "training")

    def shown(self):
        """The views that can be exported now (those on screen), in the menu's order."""
        return [view for view in self.views.values() if view.shown()]

    def last_dir(self):
        return str(self.settings.value("exportDir", self.settings.value("lastDir",
                                                                        str(Path.home()))))

    def last_scale(self):
        try:
            scale = int(self.settings.value("exportScale", DEFAULT_SCALE))
        except (TypeError, ValueError):  # a settings file edited by hand
            return DEFAULT_SCALE
        return scale if scale in SCALES else DEFAULT_SCALE

    def last_format(self):
        kind = self.settings.value("exportFormat", "png")
        return kind if kind in FORMATS else "png"

    # ---- exporting -----------------------------------------------------------------------------
    def dialog(self, key=None):
        """Ask which view, which format and scale, then where; export it."""
        chooser = ExportDialog(self.shown(), key or self.current(), self.last_format(),
                               self.last_scale(), self.parent())
        if chooser.exec() != QDialog.Accepted:
            return False
        key, kind, scale = chooser.choice()
        filters = {"png": self.tr("PNG pictures (*.png)"),
                   "svg": self.tr("SVG drawings (*.svg)")}
        path, _ = QFileDialog.getSaveFileName(
            self.parent(), self.tr("Export view"),
            str(Path(self.last_dir()) / f"{self.views[key].file_name}.{kind}"), filters[kind])
        if not path:
            return False
        if not Path(path).suffix:
            path += f".{kind}"
        return self.save(key, path, scale)

    def export(self, key, path, scale=DEFAULT_SCALE):
        """Write the view `key` to `path` (.png or .svg); its size in pixels. Raises an
        ExportError; remembers the folder, format and scale."""
        view = self.views[key]
        size = export_widgets(view.widgets(), path, scale, view.title)
        self.settings.setValue("exportDir", str(Path(path).resolve().parent))
        self.settings.setValue("exportFormat", Path(path).suffix.lower().lstrip("."))
        self.settings.setValue("exportScale", scale)
        return size

    def save(self, key, path, scale=DEFAULT_SCALE):
        """export(), saying how it went: in the status bar, and in a dialog when it failed.
        True when written."""
        try:
            size = self.export(key, path, scale)
        except ExportError as e:
            self.problem.emit(message("not_exported", detail=e), 10000)
            QMessageBox.critical(self.parent(), self.tr("Cannot export"), error_text(e))
            return False
        self.problem.emit(message("exported_view", path=str(path), width=size.width(),
                                  height=size.height()), 8000)
        return True


class ExportDialog(QDialog):
    """Which view (`exportViewCombo`), as what (`exportFormatCombo`: PNG or SVG) and, for a
    PNG, how large (`exportScaleCombo`: 1–4 × its size on screen, with its pixels)."""

    def __init__(self, views, key, kind, scale, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export view"))
        self.setObjectName("exportDialog")
        self.views = views
        self.view = QComboBox(objectName="exportViewCombo")
        for view in views:
            self.view.addItem(view.title, view.key)
        self.view.setCurrentIndex(max(self.view.findData(key), 0))
        self.format = QComboBox(objectName="exportFormatCombo")
        self.format.addItem(self.tr("PNG picture"), "png")
        self.format.addItem(self.tr("SVG drawing (lines and text stay sharp at any size)"),
                            "svg")
        self.format.setCurrentIndex(max(self.format.findData(kind), 0))
        self.scale = QComboBox(objectName="exportScaleCombo")
        self.scale.setToolTip(self.tr("The picture's size as a multiple of the view's size "
                                      "on screen: 2 × or more is sharp on a slide"))
        self._fill_scales(scale)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Export…"))
        form = QFormLayout(self)
        form.addRow(self.tr("View"), self.view)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Size"), self.scale)
        form.addRow(buttons)
        for combo, name in ((self.view, self.tr("View to export")),
                            (self.format, self.tr("File format")),
                            (self.scale, self.tr("Picture size"))):
            combo.setAccessibleName(name)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.view.currentIndexChanged.connect(lambda: self._fill_scales(self.scale.currentData()))
        self.format.currentIndexChanged.connect(
            lambda: self.scale.setEnabled(self.format.currentData() == "png"))
        self.scale.setEnabled(self.format.currentData() == "png")
        buttons.button(QDialogButtonBox.Ok).setEnabled(bool(views))

    def _fill_scales(self, chosen):
        self.scale.clear()
        view = self.views[self.view.currentIndex()] if self.views else None
        for scale in SCALES:
            size = picture_size(view.widgets(), scale) if view else QSize()
            self.scale.addItem(self.tr("{0} × ({1} × {2} px)").format(
                scale, size.width(), size.height()), scale)
        self.scale.setCurrentIndex(max(self.scale.findData(chosen), 0))

    def choice(self):
        """(view key, "png" or "svg", scale)."""
        return self.view.currentData(), self.format.currentData(), self.scale.currentData()
