"""The editor's Data group: which points, how many, how noisy, how many held out for testing,
how many classes (blobs and drawn points choose K).

It shows the session's data part and sends edited sessions; it keeps no data of its own.
The class a left click draws is the one state of its own: a choice of the hand, not of the
session.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
    QSpinBox,
)

from ...engine import DatasetError
from ...engine.datasets import BLOBS_CLASSES, CLASS_GENERATORS, GENERATORS, IMAGES, SQUARE
from ...engine.spec import CLASSES, MAX_POINTS, MIN_POINTS, NOISE_RANGE, TEST_FRACTION_RANGE
from ...lab.messages import message
from ...lab.session import csv_data, default_data, points_data
from ...resources_path import resource_path
from ..colors import CLASS_COLORS
from ..i18n import error_text
from .shown import may_show, shown

NOISE_STEPS = 100  # the noise slider's positions per 1.0 of noise


def dataset_names():
    """{key: name in the user's language} of the generated data sets and the digits (the
    editor's combo and the sweep's)."""
    return {"xor-quadrants": QCoreApplication.translate("DataGroup", "XOR quadrants"),
            "circle": QCoreApplication.translate("DataGroup", "circle"),
            "gaussian": QCoreApplication.translate("DataGroup", "gaussian"),
            "spiral": QCoreApplication.translate("DataGroup", "spiral"),
            "moons": QCoreApplication.translate("DataGroup", "moons"),
            "spiral3": QCoreApplication.translate("DataGroup", "spiral, 3 classes"),
            "blobs": QCoreApplication.translate("DataGroup", "blobs, K classes"),
            "digits": QCoreApplication.translate("DataGroup",
                                                 "handwritten digits (8×8 images)")}


def dataset_key(data):
    """The Dataset combo's item for a session's data: a generated name, "csv" or "draw"."""
    if data["name"] == "points":
        return "csv" if data.get("label") == "csv" else "draw"
    return data["name"]


class DataGroup(QGroupBox):
    edited = Signal(object)  # a new Session
    problem = Signal(object)  # a lab.messages.Message
    drawClassChanged = Signal(int)  # the class a left click on the decision plot adds

    def __init__(self, settings=None, parent=None):
        super().__init__(self.tr("Data"), parent)
        self.settings = settings
        self.session = None
        self.dataset = QComboBox(objectName="datasetCombo")
        self.dataset.addItem(self.tr("XOR truth table"), "xor")
        names = dataset_names()
        for name in (*GENERATORS, *CLASS_GENERATORS, *IMAGES):
            self.dataset.addItem(names.get(name, name), name)
        self.dataset.addItem(self.tr("CSV file…"), "csv")
        self.dataset.addItem(self.tr("draw your own"), "draw")
        self.dataset.setAccessibleName(self.tr("Data set"))
        self.noise = QSlider(Qt.Horizontal, objectName="noiseSlider")
        self.noise.setRange(*(round(v * NOISE_STEPS) for v in NOISE_RANGE))
        self.noise.setToolTip(self.tr("noise: standard deviation added to every point"))
        self.noise.setAccessibleName(self.tr("Noise"))
        self.noise_label = QLabel("0.00")
        self.noise_label.setMinimumWidth(30)
        self.points = QSpinBox(objectName="pointsSpin")
        self.points.setRange(MIN_POINTS, MAX_POINTS)
        self.points.setSingleStep(50)
        self.points.setKeyboardTracking(False)
        self.points.setPrefix(self.tr("n "))
        self.points.setToolTip(self.tr("number of points"))
        self.points.setAccessibleName(self.tr("Number of points"))
        self.test_fraction = QDoubleSpinBox(objectName="testFractionSpin")
        self.test_fraction.setRange(*TEST_FRACTION_RANGE)
        self.test_fraction.setSingleStep(0.05)
        self.test_fraction.setKeyboardTracking(False)
        self.test_fraction.setToolTip(self.tr("share of the points held out for testing"))
        self.test_fraction.setAccessibleName(self.tr("Test share"))
        self.regenerate = QPushButton(self.tr("Regenerate"), objectName="regenerateButton")
        self.regenerate.setToolTip(self.tr("new random points with the same settings"))
        self.clear_points = QPushButton(self.tr("Clear"), objectName="clearPointsButton")
        self.clear_points.setToolTip(self.tr("remove every drawn point"))
        self.classes = QSpinBox(objectName="classesSpin")
        self.classes.setRange(*CLASSES)
        self.classes.setKeyboardTracking(False)
        self.classes.setToolTip(self.tr("number of classes K (labels 0 … K−1); fewer classes "
                                        "remove the drawn points of the others"))
        self.classes.setAccessibleName(self.tr("Number of classes"))
        self.draw_class = QComboBox(objectName="drawClassCombo")
        self.draw_class.setToolTip(self.tr("the class a left click adds"))
        self.draw_class.setAccessibleName(self.tr("Class to draw"))
        self.draw_hint = QLabel(self.tr("Click the decision plot: left = the class chosen "
                                        "above, right = class 0 (orange)."))
        self.draw_hint.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(3)
        grid.addWidget(self.dataset, 0, 0, 1, 4)
        grid.addWidget(QLabel(self.tr("Noise")), 1, 0)
        noise_row = QHBoxLayout()
        noise_row.addWidget(self.noise, 1)
        noise_row.addWidget(self.noise_label)
        grid.addLayout(noise_row, 1, 1, 1, 2)
        grid.addWidget(self.points, 1, 3)
        grid.addWidget(QLabel(self.tr("Test")), 2, 0)
        grid.addWidget(self.test_fraction, 2, 1)
        grid.addWidget(self.regenerate, 2, 2)
        grid.addWidget(self.clear_points, 2, 3)
        grid.addWidget(QLabel(self.tr("Classes")), 3, 0)
        grid.addWidget(self.classes, 3, 1)
        grid.addWidget(self.draw_class, 3, 2, 1, 2)
        grid.addWidget(self.draw_hint, 4, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        self.dataset.activated.connect(self._dataset_chosen)
        self.noise.valueChanged.connect(self._noise_changed)
        self.points.valueChanged.connect(lambda n: self._edit(n=n))
        self.test_fraction.valueChanged.connect(lambda f: self._edit(test_fraction=round(f, 4)))
        self.regenerate.clicked.connect(lambda: self._edit(seed=self.session.data["seed"] + 1))
        self.clear_points.clicked.connect(lambda: self._edit(X=[], y=[]))
        self.classes.valueChanged.connect(self._classes_changed)
        self.draw_class.currentIndexChanged.connect(
            lambda: self.drawClassChanged.emit(self.draw_class.currentData()))

    def show_session(self, session):
        old = self.session.data if self.session is not None else {}
        self.session = session
        data = session.data
        key = dataset_key(data)
        generated = data["name"] != "points" and data["name"] not in IMAGES  # (images: fixed)
        with shown(self):
            self.dataset.setCurrentIndex(self.dataset.findData(key))
            if generated:
                if may_show(self.points, old.get("n") != data.get("n")):
                    self.points.setValue(int(data.get("n", 200)))
                self.noise.setValue(round(NOISE_STEPS * data.get("noise", 0.0)))
            self.noise_label.setText(f"{data.get('noise', 0.0):.2f}")
            if may_show(self.test_fraction,
                        old.get("test_fraction") != data.get("test_fraction")):
                self.test_fraction.setValue(data.get("test_fraction", 0.0))
        self.noise.setEnabled(generated)
        self.points.setEnabled(generated and key != "xor")
        self.test_fraction.setEnabled(key != "xor" and data["name"] not in IMAGES)
        self.regenerate.setEnabled(generated)
        self.clear_points.setVisible(key == "draw")
        self.draw_hint.setVisible(key == "draw")
        self._show_classes(key, session.classes)

    def _show_classes(self, key, classes):
        """K in the spin box (chosen for blobs and drawn points), and the classes to draw."""
        with shown(self):
            self.classes.setRange(*(BLOBS_CLASSES if key == "blobs" else CLASSES))
            if may_show(self.classes, self.classes.value() != classes):
                self.classes.setValue(classes)
        self.classes.setEnabled(key in ("blobs", "draw"))
        self.draw_class.setVisible(key == "draw")
        if self.draw_class.count() != classes:
            chosen = self.draw_class.currentData()
            with shown(self):
                self.draw_class.clear()
                for k in range(classes):
                    self.draw_class.addItem(_swatch(CLASS_COLORS[k]),
                                            self.tr("draw class {0}").format(k), k)
                # class 1 at first (as a left click always drew), else the nearest one left
                self.draw_class.setCurrentIndex(min(1 if chosen is None else chosen,
                                                    classes - 1))
            self.drawClassChanged.emit(self.draw_class.currentData())

    def _classes_changed(self, classes):
        data = self.session.data
        if data["name"] != "points":
            self._edit(classes=classes)
            return
        kept = [i for i, label in enumerate(data["y"]) if label < classes]
        self.edited.emit(replace(self.session, data=points_data(
            [data["X"][i] for i in kept], [data["y"][i] for i in kept], data["label"],
            data.get("test_fraction", 0.0), data.get("seed", 0), data.get("extent", SQUARE),
            data.get("path"), classes)))

    def _edit(self, **changes):
        self.edited.emit(self.session.with_data(**changes))

    def _noise_changed(self, value):
        self.noise_label.setText(f"{value / NOISE_STEPS:.2f}")
        self._edit(noise=value / NOISE_STEPS)

    def _dataset_chosen(self):
        key = self.dataset.currentData()
        old = self.session.data
        if key == dataset_key(old) and key != "csv":
            return
        if key == "csv":
            data = self._choose_csv()
            if data is None:  # cancelled or refused: keep what was there
                self.dataset.setCurrentIndex(self.dataset.findData(dataset_key(old)))
                return
        elif key == "draw":  # drawn points all train unless the student asks for a split
            data = points_data([], [], "drawn")
        else:
            base = {**default_data(), **old} if old["name"] != "points" else default_data()
            data = {"name": key, "n": base["n"], "noise": base["noise"],
                    "test_fraction": base["test_fraction"], "seed": base["seed"]}
        self.edited.emit(replace(self.session, data=data))

    def _choose_csv(self):
        start = self.settings.value("csvDir", "") if self.settings is not None else ""
        if not start or not Path(str(start)).is_dir():
            start = str(resource_path("xor-example.csv").parent)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open points (x1,x2,label)"),
                                              str(start),
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if not path:
            return None
        return self.read_csv(path)

    def read_csv(self, path):
        """The data part for a CSV file of points, or None after saying what is wrong."""
        try:
            data = csv_data(path, self.session.data.get("test_fraction", 0.0))
        except DatasetError as e:
            msg = message("bad_csv", detail=e)
            QMessageBox.warning(self, self.tr("Cannot use this CSV file"), error_text(e))
            self.problem.emit(msg)
            return None
        if self.settings is not None:
            self.settings.setValue("csvDir", str(Path(path).resolve().parent))
        return data


def _swatch(rgb, size=12):
    """An icon filled with a class's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(*rgb))
    return QIcon(pixmap)
