"""Guards the Qt pin: PySide6-Essentials 6.12.0 on Python 3.11 crashed a live plot within a few
hundred repaints (Fatal Python error: none_dealloc). An upgrade that brings it back fails here."""

import numpy as np
import pyqtgraph as pg


def test_live_plot_survives_thousands_of_repaints(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    curve = widget.plot(pen="y")
    widget.getPlotItem().setLogMode(y=True)
    image = pg.ImageItem()
    widget.addItem(image)
    x = np.arange(200, dtype=float)
    rng = np.random.default_rng(0)
    grid = rng.random((50, 50))
    for i in range(3000):
        curve.setData(x, np.exp(-x / (i + 1)) + 1e-3)
        if i % 10 == 0:
            image.setImage(np.roll(grid, i, axis=0), levels=(0, 1), autoLevels=False)
        widget.repaint()
    assert curve.yData[0] == 1.0 + 1e-3
    assert image.image.shape == (50, 50)


def test_resources_are_found():
    from xorlab.resources_path import resource_path

    assert resource_path("xorlab.svg").read_text().startswith("<svg")
    assert resource_path("xor-example.csv").is_file()
