"""The window read at 1366×768 with ten hidden layers, in English and in Korean (issue 18.7):
nothing covers the data, nothing is cut or run together. Geometry and objects only."""

import pytest
from conftest import WINDOW_TIMEOUT
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QLabel, QListWidget

from xorlab.app.i18n import install, remove
from xorlab.engine.spec import MAX_HIDDEN_LAYERS
from xorlab.lab.lessons import lessons_folder, load_lessons
from xorlab.lab.messages import message
from xorlab.lab.session import Session

TEN = Session(hidden=({"units": 4, "activation": "sigmoid"},) * MAX_HIDDEN_LAYERS)


@pytest.fixture(scope="module", params=["en", "ko"])
def window(request, qapp, tmp_path_factory):
    """One window per language (opening one costs seconds), 1366 px wide, the ten-layer
    network built and one step taken."""
    from xorlab.app import MainWindow

    install(qapp, request.param)
    folder = tmp_path_factory.mktemp(request.param)
    w = MainWindow(TEN, settings=QSettings(str(folder / "s.ini"), QSettings.IniFormat))
    w.ask_to_save = False
    w.resize(1366, 740)
    w.show()
    wait_for(lambda: w.controller.latest is not None)
    w.step_once()
    wait_for(lambda: w.controller.latest.step == 1 and w.drawn())
    yield w
    w.close()
    remove(qapp)


def wait_for(condition):
    """qtbot.waitUntil for a module's fixture (qtbot is one test's)."""
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtTest import QTest

    clock = QElapsedTimer()
    clock.start()
    while not condition():
        assert clock.elapsed() < WINDOW_TIMEOUT, "timed out"
        QTest.qWait(20)


def settle(qtbot, w):
    """The newest snapshot drawn and the layout done."""
    qtbot.waitUntil(w.drawn, timeout=WINDOW_TIMEOUT)
    QApplication.processEvents()


def ten_layers(qtbot, w):
    """The ten-layer network shown, one step taken (a test before may have changed it)."""
    if w.session() != TEN:
        w.set_session(TEN)
        w.step_once()
        qtbot.waitUntil(lambda: w.controller.latest.step == 1 and len(
            w.controller.latest.layer_sizes) == MAX_HIDDEN_LAYERS + 2, timeout=WINDOW_TIMEOUT)
    settle(qtbot, w)


def visible_rect(view):
    """The part of a pyqtgraph widget's scene in sight."""
    return view.mapToScene(view.viewport().rect()).boundingRect()


def drawn_labels(axis):
    """The tick labels a pyqtgraph axis draws now: [(scene rect, text)]."""
    image = QImage(1, 1, QImage.Format_RGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(axis.mapRectToScene(rect), text) for rect, _, text in texts]


def apart(rects):
    return all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])


def test_help_lessons_opens_the_panel_and_keeps_the_network(qtbot, window):
    w = window
    ten_layers(qtbot, w)
    before, generation = w.session(), w.controller.generation
    w.lesson_dock.hide()
    w.show_lessons()
    assert w.lesson_dock.isVisible()
    assert w.session() is before and w.controller.generation == generation
    assert w.lessons.current is None
    settle(qtbot, w)
    lessons = w.findChild(QListWidget, "lessonList")
    assert lessons.count() == len(w.lessons.lessons) == len(load_lessons(lessons_folder())[0])
    viewport = lessons.viewport().rect()
    for row in range(lessons.count()):  # every lesson in sight, none cut
        assert viewport.contains(lessons.visualItemRect(lessons.item(row))), row
    w.lesson_dock.hide()
    assert w.session() is before


def test_a_long_status_message_stays_clear_of_the_fields(qtbot, window):
    w = window
    bar = w.statusBar()
    w.show_problem(message("engine_frozen", seconds=5))
    QApplication.processEvents()
    shown = bar.findChild(QLabel, "statusMessage")
    assert shown is not None and shown.isVisible()
    fields = [f for f in (w.status.step, w.status.loss, w.status.accuracy, w.status.speed)
              if f.isVisible()]
    assert fields
    for field in fields:
        assert not shown.geometry().adjusted(0, 0, 4, 0).intersects(field.geometry())
    assert bar.currentMessage() == w.message_text(w.last_problem)
    if shown.fontMetrics().horizontalAdvance(bar.currentMessage()) > shown.width():
        assert shown.toolTip() == bar.currentMessage()  # cut short: all of it in the tooltip
    w.status.clear_problem()
    assert bar.currentMessage() == ""


def test_the_headline_shows_in_full_when_there_is_room(qtbot, window):
    w = window
    assert w.width() == 1366
    headline = w.training_bar.headline
    for session in (Session(), TEN):
        w.set_session(session)
        settle(qtbot, w)
        assert headline.isVisible()
        assert headline.width() >= headline.fontMetrics().horizontalAdvance(headline.text())
        assert headline.toolTip() == ""  # a tooltip only where it is cut short
    w.set_session(TEN)
    settle(qtbot, w)


def test_legends_stand_beside_the_data(qtbot, window):
    w = window
    ten_layers(qtbot, w)
    for legend, plot_item in ((w.decision_plot.key, w.decision_plot.plot_item),
                              (w.activation_plot.legend, w.activation_plot.getPlotItem())):
        assert legend.isVisible()
        assert not legend.sceneBoundingRect().intersects(plot_item.vb.sceneBoundingRect())
        # ... and within its widget, not cut off
        assert visible_rect(legend.scene().views()[0]).contains(legend.sceneBoundingRect())


def test_the_now_bars_label_their_layers_apart(qtbot, window):
    w = window
    mode = w.gradient_panel.mode
    mode.setCurrentIndex(mode.findData("time"))
    ten_layers(qtbot, w)
    labels = drawn_labels(w.gradient_plot.bars_plot.getAxis("bottom"))
    texts = [text for _, text in labels]
    assert texts[0] == "1" and texts[-1] == w.gradient_plot.tr("out") and len(texts) >= 3
    assert apart([rect for rect, _ in labels])
    visible = visible_rect(w.gradient_plot)
    assert all(visible.contains(rect) for rect, _ in labels)


def test_the_saturation_histograms_have_a_scale_and_titles_that_fit(qtbot, window):
    w = window
    ten_layers(qtbot, w)
    mode = w.gradient_panel.mode
    mode.setCurrentIndex(mode.findData("saturation"))
    qtbot.waitUntil(lambda: w.histogram_plot.isVisible() and bool(w.histogram_plot.shown),
                    timeout=WINDOW_TIMEOUT)
    w.step_once()
    settle(qtbot, w)
    visible = visible_rect(w.histogram_plot)
    for plot in (w.histogram_plot.panels[0][0], w.histogram_plot.panels[0][2]):
        labels = drawn_labels(plot.getAxis("bottom"))
        assert len(labels) >= 2 and apart([rect for rect, _ in labels])
        assert all(visible.contains(rect) for rect, _ in labels)
        title = plot.titleLabel.item.sceneBoundingRect()
        assert visible.contains(title) and plot.sceneBoundingRect().contains(title)
    mode.setCurrentIndex(mode.findData("time"))


def test_the_loss_legend_fits_in_compare_mode(qtbot, window):
    """Two runs name their curves with their labels ("train · leaky_relu ┄"): the legend row
    under the loss plot stays within the plot, whatever the language."""
    from dataclasses import replace

    from xorlab.lab.compare import Compare

    w = window
    generation = w.set_session(replace(TEN, data={**TEN.data, "name": "xor", "n": 4,
                                                  "test_fraction": 0.0},
                                       compare=Compare("activation", "leaky_relu", on=True)))
    w.step_once()
    qtbot.waitUntil(lambda: w.controller.latest.generation == generation
                    and w.controller.latest.twin is not None, timeout=WINDOW_TIMEOUT)
    settle(qtbot, w)
    legend = w.loss_plot.legend
    visible = visible_rect(w.loss_plot)
    names = [label.sceneBoundingRect() for _, label in legend.items]
    assert len(names) == 3 and all(visible.contains(rect) for rect in names)
    w.set_session(TEN)


def test_the_headline_counts_repeated_layers():
    from xorlab.app.training_bar import layer_shape
    assert layer_shape([2, 4, 2, 1]) == "2-4-2-1"
    assert layer_shape([2, 4, 4, 1]) == "2-4-4-1"
    assert layer_shape([2, *[4] * 10, 1]) == "2-4×10-1"
    assert layer_shape([5, 8, 8, 8, 3, 3, 3, 1]) == "5-8×3-3×3-1"
