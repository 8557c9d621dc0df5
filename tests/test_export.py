"""File → Export view: every view of the window as a PNG at 2× its size on screen and as an
SVG; Hangul and spaces in the path; bad paths refused with an ExportError and no file."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from conftest import WINDOW_TIMEOUT, open_window
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from xorlab.app import export
from xorlab.app.export import (
    GAP,
    ExportDialog,
    NotWritten,
    UnknownFormat,
    export_widgets,
)
from xorlab.lab.session import check_data

SVG = "{http://www.w3.org/2000/svg}"
DRAWING = {f"{SVG}{tag}" for tag in ("path", "rect", "polyline", "polygon", "line", "circle",
                                     "ellipse", "text", "image")}


@pytest.fixture
def window(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path)
    w.controller.step(40)
    qtbot.waitUntil(lambda: w.controller.latest.step == 40 and w.drawn(),
                    timeout=WINDOW_TIMEOUT)
    return w


def pixels(path):
    """(height, width) array of a PNG's colours as 0xRRGGBB."""
    image = QImage(str(path)).convertToFormat(QImage.Format_RGB32)
    assert not image.isNull(), path
    rows = np.frombuffer(image.constBits(), np.uint32).reshape(image.height(), -1)
    return rows[:, : image.width()] & 0xFFFFFF


def assert_drawn(path):
    """More than a blank page: many colours, and a good share of pixels not the most
    common one (the background)."""
    colours = pixels(path).ravel()
    values, counts = np.unique(colours, return_counts=True)
    assert len(values) > 16, f"{path.name}: {len(values)} colours"
    assert 1 - counts.max() / colours.size > 0.02, f"{path.name}: all background"


def expected_size(widgets, scale):
    """`scale` × the widgets' size on screen, side by side."""
    width = sum(QWidget.size(w).width() for w in widgets) + GAP * (len(widgets) - 1)
    height = max(QWidget.size(w).height() for w in widgets)
    return width * scale, height * scale


def svg_root(path):
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg", path.name
    return root


IMAGE_VIEWS = {"images": 0, "confusion": 1, "draw": 2, "compare_images": 0}  # their tab


def show(qtbot, w, key):
    """Bring the view `key` on screen (the image views: on the digits)."""
    tabs = {"backprop": w.backprop, "graph": w.backprop, "zoo": w.zoo, "sweep": w.sweep}
    w.tabs.setCurrentWidget(tabs.get(key, w.tabs.widget(0)))
    session, images = w.session(), key in IMAGE_VIEWS
    if images != (session.data["name"] == "digits"):
        session = dataclasses.replace(
            session, data=check_data({"name": "digits"} if images else {"name": "circle"}))
    on = key in ("compare", "compare_images")
    if on != session.compare.on:
        session = dataclasses.replace(session,
                                      compare=dataclasses.replace(session.compare, on=on))
    if session != w.session():
        w.set_session(session)
        qtbot.waitUntil(lambda: w.controller.latest.spec is not None
                        and (w.controller.latest.image is not None) == images,
                        timeout=WINDOW_TIMEOUT)
        w.controller.step(20)
        qtbot.waitUntil(lambda: w.controller.latest.step >= 20 and w.drawn(),
                        timeout=WINDOW_TIMEOUT)
    if images:  # the tab shown is drawn anew
        w.image_panel.setCurrentIndex(IMAGE_VIEWS[key])
    qtbot.waitUntil(lambda: w.view_export.views[key].shown() and (w.drawn() or not images),
                    timeout=WINDOW_TIMEOUT)
    if on:  # the second run drawn
        qtbot.waitUntil(lambda: w.controller.latest.twin is not None and w.drawn(),
                        timeout=WINDOW_TIMEOUT)


def test_every_view_as_png_at_2x_and_as_svg(qtbot, window, tmp_path):
    w = window
    exported = set()
    for key, view in w.view_export.views.items():
        show(qtbot, w, key)
        modes = range(w.gradient_panel.mode.count()) if key == "gradients" else [None]
        for mode in modes:  # the gradient view in each of its modes
            if mode is not None:
                w.gradient_panel.mode.setCurrentIndex(mode)  # drawn anew when shown
                qtbot.waitUntil(lambda: w.view_export.views["gradients"].shown()
                                and w.drawn(), timeout=WINDOW_TIMEOUT)
            name = f"{key}{mode if mode is not None else ''}"
            png, svg = tmp_path / f"{name}.png", tmp_path / f"{name}.svg"
            size = w.view_export.export(key, png, 2)
            width, height = expected_size(view.widgets(), 2)
            assert abs(size.width() - width) <= 1 and abs(size.height() - height) <= 1, key
            shape = pixels(png).shape
            assert abs(shape[1] - width) <= 1 and abs(shape[0] - height) <= 1, key
            assert_drawn(png)
            w.view_export.export(key, svg)
            root = svg_root(svg)
            drawn = [e for e in root.iter() if e.tag in DRAWING]
            assert len(drawn) > 10, f"{key}: {len(drawn)} drawing elements"
            view_box = [float(v) for v in root.get("viewBox").split()]
            assert view_box[2:] == [width / 2, height / 2], key
        exported.add(key)
    # every view the dialog offers was tried (a view added later must be added here too)
    assert exported == set(w.view_export.views) and len(exported) >= 15


def test_png_scale_is_honoured(qtbot, window, tmp_path):
    w = window
    for scale in (1, 4):
        size = w.view_export.export("decision", tmp_path / f"d{scale}.png", scale)
        assert (size.width(), size.height()) == expected_size([w.decision_plot], scale)
        image = QImage(str(tmp_path / f"d{scale}.png"))
        assert (image.width(), image.height()) == expected_size([w.decision_plot], scale)
        # the file says scale × the screen's dots per inch: a document shows it at the
        # view's size on screen
        dpi = image.dotsPerMeterX() * export.INCH
        assert abs(dpi - scale * w.decision_plot.logicalDpiX()) < 1


def test_network_exported_as_vectors_not_its_cached_picture(qtbot, window, tmp_path):
    """The diagram keeps its neurons as a picture for speed; exported, they are drawn anew
    (an SVG with a raster image of them would blur when enlarged)."""
    w = window
    w.view_export.export("network", tmp_path / "n.svg")
    tags = {e.tag for e in svg_root(tmp_path / "n.svg").iter()}
    assert f"{SVG}image" not in tags


def test_hangul_and_spaces_in_the_path(qtbot, window, tmp_path):
    w = window
    folder = tmp_path / "내 그림 폴더"
    folder.mkdir()
    for name in ("결정 경계 2배.png", "손실 곡선.svg"):
        assert w.view_export.save("decision", str(folder / name), 2)
        assert (folder / name).stat().st_size > 1000
    assert_drawn(folder / "결정 경계 2배.png")
    svg_root(folder / "손실 곡선.svg")
    assert sorted(p.name for p in folder.iterdir()) == ["결정 경계 2배.png", "손실 곡선.svg"]
    assert w.last_problem.code == "exported_view"
    # the folder, format and scale are remembered for the next export
    assert w.view_export.last_dir() == str(folder)
    assert w.view_export.last_format() == "svg" and w.view_export.last_scale() == 2


@pytest.mark.parametrize("where", ["missing folder", "file as folder"])
def test_unwritable_path_is_an_error_and_leaves_no_file(qtbot, window, tmp_path, where,
                                                        monkeypatch):
    w = window
    out = tmp_path / "out"
    out.mkdir()
    (out / "a file").write_text("x")
    folder = out / ("no such folder" if where == "missing folder" else "a file")
    with pytest.raises(NotWritten) as raised:
        w.view_export.export("loss", folder / "loss.png")
    assert raised.value.params["path"] == str(folder / "loss.png")
    # through the window: a dialog and the status bar say it, nothing is written
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: said.append(args))
    assert not w.view_export.save("loss", str(folder / "loss.png"))
    assert len(said) == 1
    assert w.last_problem.code == "not_exported"
    assert isinstance(w.last_problem.params["detail"], NotWritten)
    assert [p.name for p in out.iterdir()] == ["a file"]


@pytest.mark.parametrize("name", ["view.jpg", "view", "view.png.txt"])
def test_unknown_extension_is_refused(qtbot, window, tmp_path, name):
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UnknownFormat) as raised:
        export_widgets([window.loss_plot], out / name)
    assert raised.value.params["name"] == name
    assert list(out.iterdir()) == []


def test_file_menu_and_context_menus_offer_it(qtbot, window):
    w = window
    action = w.action_table.named["exportViewAction"]
    assert action.shortcut().toString() == "Ctrl+E"
    assert "Ctrl+E" in dict(w.action_table.shortcuts())
    # pyqtgraph's own English "Export..." dialog is replaced by ours in every plot
    for plot in (w.decision_plot, w.loss_plot, w.gradient_plot, w.gradient_depth_plot,
                 w.histogram_plot, w.activation_plot, w.compare_plot):
        names = [a.objectName() for a in plot.scene().contextMenu]
        assert len(names) == 1 and names[0].startswith("exportAction_"), names
    for widget, key in ((w.diagram, "network"), (w.backprop.canvas, "graph"),
                        (w.sweep.table, "sweep"), (w.zoo, "zoo")):
        assert widget.contextMenuPolicy() == Qt.ActionsContextMenu
        assert [a.objectName() for a in widget.actions()] == [f"exportAction_{key}"]


def test_right_click_on_a_neuron_leaves_it_to_the_context_menu(qtbot, window):
    w = window
    x, y = w.diagram._layout()[1][0]  # the first hidden neuron
    qtbot.mouseClick(w.diagram, Qt.RightButton, pos=QPoint(int(x), int(y)))
    assert w.session().view is None
    qtbot.mouseClick(w.diagram, Qt.LeftButton, pos=QPoint(int(x), int(y)))
    assert w.session().view == (0, 0)


def test_dialog_exports_the_current_tab_at_the_chosen_scale(qtbot, window, tmp_path,
                                                            monkeypatch):
    w = window
    w.tabs.setCurrentWidget(w.zoo)
    qtbot.waitUntil(w.zoo.isVisible)
    chosen = {}

    def accept(dialog):
        chosen["view"] = dialog.view.currentData()
        chosen["scales"] = [dialog.scale.itemData(i) for i in range(dialog.scale.count())]
        chosen["default"] = dialog.scale.currentData()
        dialog.scale.setCurrentIndex(dialog.scale.findData(3))
        return QDialog.Accepted

    monkeypatch.setattr(ExportDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (str(tmp_path / "동물원 그림"), ""))
    assert w.view_export.dialog()
    assert chosen == {"view": "zoo", "scales": [1, 2, 3, 4], "default": 2}
    image = QImage(str(tmp_path / "동물원 그림.png"))  # the format's suffix added
    assert (image.width(), image.height()) == expected_size([w.zoo], 3)
    assert w.view_export.last_scale() == 3


def test_dialog_lists_only_views_on_screen_and_svg_has_no_scale(qtbot, window):
    w = window
    dialog = ExportDialog(w.view_export.shown(), "loss", "png", 2, w)
    qtbot.addWidget(dialog)
    keys = [dialog.view.itemData(i) for i in range(dialog.view.count())]
    assert {"training", "decision", "loss", "gradients", "network"} <= set(keys)
    assert not {"zoo", "sweep", "compare", "graph"} & set(keys)  # other tabs, compare off
    assert dialog.choice() == ("loss", "png", 2)
    assert dialog.scale.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("svg"))
    assert not dialog.scale.isEnabled() and dialog.choice()[1] == "svg"


def test_export_plots_into_a_folder_draws_each_at_2x(qtbot, window, tmp_path, monkeypatch):
    """File → Export plots as PNG goes the same way: each plot at 2 ×; a folder that
    cannot be written is said, not a traceback."""
    w = window
    files = w.files.export_plots(tmp_path)
    assert len(files) == 5
    image = QImage(str(tmp_path / "decision.png"))
    assert (image.width(), image.height()) == expected_size([w.decision_plot], 2)
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: said.append(args))
    assert w.files.export_plots(tmp_path / "no such folder") == []
    assert len(said) == 1 and w.last_problem.code == "not_exported"


def test_bytes_are_written_whole_and_as_they_are(tmp_path):
    """engine.textfile.write_atomically takes a picture's bytes too: unchanged (no newline
    translation, no encoding), in place of the old file, with no temporary file left."""
    from xorlab.engine.textfile import write_atomically

    path = tmp_path / "그림 1.png"
    path.write_bytes(b"old")
    data = bytes(range(256)) + b"\r\n\n"
    write_atomically(path, data)
    assert path.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["그림 1.png"]
