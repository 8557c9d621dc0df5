"""The network editor panel: data, hidden layers, training settings.

It edits a `Session` and says what kind of edit happened:
    structuralChanged()   data, layers, units, activation, init, loss or seed: rebuild
    hyperChanged(dict)    learning rate, optimizer, batch size, regularization: apply in place
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..engine import ACTIVATIONS, INITIALIZERS, LOSSES, OPTIMIZERS, DatasetError, load_csv
from ..engine.datasets import GENERATORS
from ..engine.training import TrainConfig
from .session import Session

DATASET_ITEMS = [("XOR truth table", "xor")] + [(n, n) for n in GENERATORS] + [
    ("CSV file…", "csv"), ("draw your own", "draw")]
LEARNING_RATES = ["0.00001", "0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "0.5",
                  "1", "3", "10"]
MAX_UNITS = 64
MAX_HIDDEN_LAYERS = 10
PARAM_SPECS = {  # activation parameter: (label, minimum, maximum, step, decimals)
    "slope": ("slope", 0.0, 1.0, 0.01, 3),
    "alpha": ("α", 0.01, 10.0, 0.1, 2),
    "k": ("k", 2, 8, 1, 0),
}


def parse_learning_rate(text):
    """A learning rate from free text: a finite number with 0 < lr ≤ 10, else ValueError."""
    try:
        value = float(text.strip())
    except ValueError:
        raise ValueError(f"learning rate {text!r} is not a number; allowed: 0.00001 … 10") \
            from None
    if not math.isfinite(value) or not 0 < value <= 10:
        raise ValueError(f"learning rate must be > 0 and ≤ 10, got {text.strip()}")
    return value


class LayerRow(QFrame):
    """One hidden layer: units, activation (with its parameter), move up/down, remove."""

    changed = Signal()
    selected = Signal(object)
    moveRequested = Signal(object, int)
    removeRequested = Signal(object)

    def __init__(self, units=4, activation="tanh", options=None, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        self.label = QLabel()
        self.label.setMinimumWidth(16)
        self.units = QSpinBox()
        self.units.setRange(1, MAX_UNITS)
        self.units.setValue(units)
        self.units.setToolTip("neurons in this layer (1–64)")
        self.activation = QComboBox()
        self.activation.addItems(list(ACTIVATIONS))
        self.activation.setCurrentText(activation)
        self.param = QDoubleSpinBox()
        self.param.setKeyboardTracking(False)
        self.param_name = None
        self.up = QToolButton(text="▲", toolTip="move this layer up")
        self.down = QToolButton(text="▼", toolTip="move this layer down")
        self.remove = QToolButton(text="✕", toolTip="remove this layer")
        for w in (self.label, self.units, self.activation, self.param, self.up, self.down,
                  self.remove):
            row.addWidget(w)
        row.setStretch(2, 1)
        self._options = dict(options or {})
        self._configure_param()
        self.units.valueChanged.connect(self._changed)
        self.activation.currentTextChanged.connect(self._activation_changed)
        self.param.valueChanged.connect(self._changed)
        self.up.clicked.connect(lambda: self.moveRequested.emit(self, -1))
        self.down.clicked.connect(lambda: self.moveRequested.emit(self, +1))
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))

    def set_index(self, i):
        """Name the widgets after the 1-based layer number (stable names for tests)."""
        self.label.setText(str(i))
        self.units.setObjectName(f"layer{i}UnitsSpin")
        self.activation.setObjectName(f"layer{i}ActivationCombo")
        self.param.setObjectName(f"layer{i}ParamSpin")
        self.setObjectName(f"layer{i}Row")

    def _configure_param(self):
        name = self.activation.currentText()
        params = ACTIVATIONS[name].params
        self.param_name = next(iter(params), None)
        self.param.blockSignals(True)
        if self.param_name is None:
            self.param.hide()
        else:
            label, lo, hi, step, decimals = PARAM_SPECS[self.param_name]
            self.param.setDecimals(decimals)
            self.param.setRange(lo, hi)
            self.param.setSingleStep(step)
            self.param.setPrefix(f"{label} ")
            self.param.setValue(self._options.get(self.param_name, params[self.param_name]))
            self.param.show()
        self.param.blockSignals(False)

    def _activation_changed(self):
        self._options = {}
        self._configure_param()
        self._changed()

    def _changed(self):
        self.selected.emit(self)
        self.changed.emit()

    def mousePressEvent(self, event):
        self.selected.emit(self)
        super().mousePressEvent(event)

    def spec(self):
        layer = {"units": self.units.value(), "activation": self.activation.currentText()}
        if self.param_name == "k":
            layer["k"] = int(self.param.value())
        elif self.param_name:
            layer[self.param_name] = float(self.param.value())
        return layer


class NetworkEditor(QWidget):
    structuralChanged = Signal()
    hyperChanged = Signal(object)
    layerSelected = Signal(object)  # the selected layer's spec and its 1-based index
    drawModeChanged = Signal(bool)
    problem = Signal(str)  # a message for the status bar

    def __init__(self, session: Session | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("networkEditor")
        self.rows: list[LayerRow] = []
        self.selected_row = None
        self.drawn_X, self.drawn_y = [], []
        self.csv_points = None  # (X, y, path) of the loaded CSV file
        self.data_seed = 0
        self._updating = False
        self._last_lr = 0.03
        self._last_strength = 0.001
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(self._data_group())
        outer.addWidget(self._network_group())
        outer.addWidget(self._training_group())
        outer.addStretch(1)
        self.set_session(session or Session())

    # ---- building the panel ----------------------------------------------------------------
    def _data_group(self):
        box = QGroupBox("Data")
        form = QFormLayout(box)
        self.dataset = QComboBox(objectName="datasetCombo")
        for text, key in DATASET_ITEMS:
            self.dataset.addItem(text, key)
        self.noise = QSlider(Qt.Horizontal, objectName="noiseSlider")
        self.noise.setRange(0, 50)
        self.noise.setToolTip("noise: standard deviation added to every point (0 … 0.5)")
        self.noise_label = QLabel("0.00")
        noise_row = QHBoxLayout()
        noise_row.addWidget(self.noise, 1)
        noise_row.addWidget(self.noise_label)
        self.points = QSpinBox(objectName="pointsSpin")
        self.points.setRange(10, 5000)
        self.points.setSingleStep(50)
        self.points.setKeyboardTracking(False)
        self.test_fraction = QDoubleSpinBox(objectName="testFractionSpin")
        self.test_fraction.setRange(0.0, 0.9)
        self.test_fraction.setSingleStep(0.05)
        self.test_fraction.setKeyboardTracking(False)
        buttons = QHBoxLayout()
        self.regenerate = QPushButton("Regenerate", objectName="regenerateButton")
        self.regenerate.setToolTip("new random points with the same settings")
        self.clear_points = QPushButton("Clear", objectName="clearPointsButton")
        self.clear_points.setToolTip("remove every drawn point")
        buttons.addWidget(self.regenerate)
        buttons.addWidget(self.clear_points)
        form.addRow("Dataset", self.dataset)
        form.addRow("Noise", noise_row)
        form.addRow("Points", self.points)
        form.addRow("Test fraction", self.test_fraction)
        form.addRow(buttons)
        self.draw_hint = QLabel("Click the decision plot: left = class 1 (blue), "
                                "right = class 0 (orange).")
        self.draw_hint.setWordWrap(True)
        form.addRow(self.draw_hint)
        self.dataset.activated.connect(self._dataset_chosen)
        self.noise.valueChanged.connect(self._noise_changed)
        self.points.valueChanged.connect(self._structural)
        self.test_fraction.valueChanged.connect(self._structural)
        self.regenerate.clicked.connect(self._regenerate)
        self.clear_points.clicked.connect(self.clear_drawn)
        return box

    def _network_group(self):
        box = QGroupBox("Network")
        v = QVBoxLayout(box)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(2)
        self.no_hidden = QLabel("No hidden layer: one neuron, one straight line.")
        self.no_hidden.setWordWrap(True)
        v.addWidget(QLabel("Hidden layers (inputs x₁, x₂ → … → 1 sigmoid output)"))
        v.addLayout(self.rows_box)
        v.addWidget(self.no_hidden)
        buttons = QHBoxLayout()
        self.add_layer = QPushButton("+ Layer", objectName="addLayerButton")
        self.remove_layer = QPushButton("− Layer", objectName="removeLayerButton")
        self.add_layer.setToolTip("add a hidden layer after the selected one")
        self.remove_layer.setToolTip("remove the selected (or last) hidden layer")
        buttons.addWidget(self.add_layer)
        buttons.addWidget(self.remove_layer)
        v.addLayout(buttons)
        form = QFormLayout()
        self.set_all = QComboBox(objectName="setAllCombo")
        self.set_all.addItem("set all layers to …", None)
        for name in ACTIVATIONS:
            self.set_all.addItem(name, name)
        self.init = QComboBox(objectName="initCombo")
        for name, entry in INITIALIZERS.items():
            self.init.addItem(name, name)
            self.init.setItemData(self.init.count() - 1, entry.summary, Qt.ToolTipRole)
        form.addRow(self.set_all)
        form.addRow("Init", self.init)
        v.addLayout(form)
        self.add_layer.clicked.connect(self.add_hidden_layer)
        self.remove_layer.clicked.connect(self.remove_hidden_layer)
        self.set_all.activated.connect(self._set_all_chosen)
        self.init.currentIndexChanged.connect(self._structural)
        return box

    def _training_group(self):
        box = QGroupBox("Training")
        form = QFormLayout(box)
        self.loss = QComboBox(objectName="lossCombo")
        self.loss.addItems(list(LOSSES))
        self.optimizer = QComboBox(objectName="optimizerCombo")
        self.optimizer.addItems(list(OPTIMIZERS))
        self.momentum = QDoubleSpinBox(objectName="momentumSpin")
        self.momentum.setRange(0.0, 0.99)
        self.momentum.setSingleStep(0.05)
        self.momentum.setDecimals(2)
        self.momentum.setValue(0.9)
        self.momentum.setPrefix("μ ")
        self.momentum.setKeyboardTracking(False)
        self.momentum.setToolTip("momentum μ in v⁺ = μ·v − γ·∂L/∂w, w⁺ = w + v⁺ "
                                 "(used by the momentum optimizer)")
        self.momentum.setEnabled(False)
        optimizer_row = QHBoxLayout()
        optimizer_row.addWidget(self.optimizer, 1)
        optimizer_row.addWidget(self.momentum)
        self.learning_rate = QComboBox(objectName="learningRateCombo")
        self.learning_rate.setEditable(True)
        self.learning_rate.addItems(LEARNING_RATES)
        self.learning_rate.setInsertPolicy(QComboBox.NoInsert)
        self.learning_rate.setToolTip("learning rate γ in w⁺ = w − γ·∂L/∂w (0.00001 … 10); "
                                      "type any value and press Enter")
        self.batch_size = QSpinBox(objectName="batchSizeSpin")
        self.batch_size.setRange(0, 100_000)
        self.batch_size.setSpecialValueText("all")
        self.batch_size.setKeyboardTracking(False)
        self.batch_size.setToolTip("samples per step; 'all' = full batch")
        self.regularization = QComboBox(objectName="regularizationCombo")
        self.regularization.addItems(["none", "L1", "L2"])
        self.strength = QComboBox(objectName="strengthCombo")
        self.strength.setEditable(True)
        self.strength.addItems(["0.0001", "0.001", "0.003", "0.01", "0.03", "0.1"])
        reg_row = QHBoxLayout()
        reg_row.addWidget(self.regularization)
        reg_row.addWidget(self.strength, 1)
        self.seed = QSpinBox(objectName="seedSpin")
        self.seed.setRange(0, 1_000_000)
        self.seed.setKeyboardTracking(False)
        self.seed.setButtonSymbols(QAbstractSpinBox.UpDownArrows)
        form.addRow("Loss", self.loss)
        form.addRow("Optimizer", optimizer_row)
        form.addRow("Learning rate", self.learning_rate)
        form.addRow("Batch size", self.batch_size)
        form.addRow("Regularization", reg_row)
        form.addRow("Seed", self.seed)
        self.loss.currentIndexChanged.connect(self._structural)
        self.seed.valueChanged.connect(self._structural)
        self.optimizer.currentIndexChanged.connect(lambda: self._hyper())
        self.optimizer.currentTextChanged.connect(
            lambda name: self.momentum.setEnabled(name == "momentum"))
        self.momentum.valueChanged.connect(lambda: self._hyper())
        self.batch_size.valueChanged.connect(lambda: self._hyper())
        self.learning_rate.activated.connect(lambda: self._lr_entered())
        self.learning_rate.lineEdit().editingFinished.connect(self._lr_entered)
        self.regularization.currentIndexChanged.connect(lambda: self._hyper())
        self.strength.activated.connect(lambda: self._strength_entered())
        self.strength.lineEdit().editingFinished.connect(self._strength_entered)
        return box

    # ---- reading and writing the session -------------------------------------------------
    def network_spec(self):
        layers = [row.spec() for row in self.rows]
        spec = {"inputs": 2, "layers": layers + [{"units": 1, "activation": "sigmoid"}],
                "init": self.init.currentData(), "seed": self.seed.value()}
        return spec

    def data_spec(self):
        key = self.dataset.currentData()
        tf = round(self.test_fraction.value(), 4)
        if key == "draw":
            return {"name": "points", "label": "drawn", "X": [list(p) for p in self.drawn_X],
                    "y": list(self.drawn_y), "test_fraction": tf, "seed": self.data_seed}
        if key == "csv" and self.csv_points is not None:
            X, y, path, extent = self.csv_points
            return {"name": "points", "label": "csv", "path": path, "X": X, "y": y,
                    "test_fraction": tf, "seed": self.data_seed, "extent": extent}
        return {"name": key, "n": self.points.value(), "noise": self.noise.value() / 100,
                "test_fraction": tf, "seed": self.data_seed}

    def train_config(self):
        reg = self.regularization.currentText()
        batch = self.batch_size.value()
        return TrainConfig(loss=self.loss.currentText(), optimizer=self.optimizer.currentText(),
                           lr=self._last_lr, batch_size=batch or None,
                           l1=self._last_strength if reg == "L1" else 0.0,
                           l2=self._last_strength if reg == "L2" else 0.0,
                           momentum=self.momentum.value(), seed=self.seed.value(),
                           eval_every=0)

    def session(self):
        return Session(network=self.network_spec(), data=self.data_spec(),
                       train=self.train_config())

    def set_session(self, session: Session):
        """Show a session in the widgets (no signals are emitted)."""
        self._updating = True
        try:
            data = session.data
            if data["name"] == "points":
                if data.get("label") == "csv":
                    self.csv_points = (data["X"], data["y"], data.get("path", ""),
                                       tuple(data.get("extent", (-1.25, 1.25))))
                    self._select_dataset("csv")
                else:
                    self.drawn_X = [tuple(p) for p in data["X"]]
                    self.drawn_y = [int(v) for v in data["y"]]
                    self._select_dataset("draw")
            else:
                self._select_dataset(data["name"])
                self.points.setValue(int(data.get("n", 200)))
                self.noise.setValue(round(100 * data.get("noise", 0.0)))
            self.noise_label.setText(f"{self.noise.value() / 100:.2f}")
            self.test_fraction.setValue(data.get("test_fraction", 0.2))
            self.data_seed = int(data.get("seed", 0))
            for row in list(self.rows):
                self._drop_row(row)
            for layer in session.network["layers"][:-1]:
                options = {k: v for k, v in layer.items() if k not in ("units", "activation")}
                self._insert_row(len(self.rows), LayerRow(layer["units"], layer["activation"],
                                                          options))
            self.init.setCurrentIndex(self.init.findData(session.network.get("init", "xavier")))
            self.seed.setValue(int(session.network.get("seed", 0)))
            t = session.train
            self.loss.setCurrentText(t.loss)
            self.optimizer.setCurrentText(t.optimizer)
            self.momentum.setValue(t.momentum)
            self.momentum.setEnabled(t.optimizer == "momentum")
            self._last_lr = t.lr
            self.learning_rate.setEditText(f"{t.lr:g}")
            self.batch_size.setValue(t.batch_size or 0)
            if t.l1:
                self.regularization.setCurrentText("L1")
                self._last_strength = t.l1
            elif t.l2:
                self.regularization.setCurrentText("L2")
                self._last_strength = t.l2
            else:
                self.regularization.setCurrentText("none")
            self.strength.setEditText(f"{self._last_strength:g}")
        finally:
            self._updating = False
        self._renumber()
        self._update_data_widgets()
        if self.rows:
            self._select_row(self.rows[0])

    # ---- layers ----------------------------------------------------------------------------
    def _insert_row(self, index, row):
        self.rows.insert(index, row)
        self.rows_box.insertWidget(index, row)
        row.changed.connect(self._structural)
        row.selected.connect(self._select_row)
        row.moveRequested.connect(self.move_layer)
        row.removeRequested.connect(self._remove_row_clicked)

    def _drop_row(self, row):
        self.rows.remove(row)
        self.rows_box.removeWidget(row)
        row.hide()
        row.setParent(None)  # out of the widget tree now, so its object names are free
        row.deleteLater()
        if self.selected_row is row:
            self.selected_row = None

    def _renumber(self):
        for i, row in enumerate(self.rows, start=1):
            row.set_index(i)
            row.up.setEnabled(i > 1)
            row.down.setEnabled(i < len(self.rows))
        self.no_hidden.setVisible(not self.rows)
        self.add_layer.setEnabled(len(self.rows) < MAX_HIDDEN_LAYERS)
        self.remove_layer.setEnabled(bool(self.rows))

    def add_hidden_layer(self):
        if len(self.rows) >= MAX_HIDDEN_LAYERS:
            self.problem.emit(f"at most {MAX_HIDDEN_LAYERS} hidden layers")
            return
        template = self.selected_row or (self.rows[-1] if self.rows else None)
        spec = template.spec() if template else {"units": 4, "activation": "tanh"}
        options = {k: v for k, v in spec.items() if k not in ("units", "activation")}
        index = self.rows.index(template) + 1 if template else 0
        row = LayerRow(spec["units"], spec["activation"], options)
        self._insert_row(index, row)
        self._renumber()
        self._select_row(row)
        self._structural()

    def remove_hidden_layer(self):
        if not self.rows:
            return
        self._remove_row_clicked(self.selected_row or self.rows[-1])

    def _remove_row_clicked(self, row):
        index = self.rows.index(row)
        self._drop_row(row)
        self._renumber()
        if self.rows:
            self._select_row(self.rows[min(index, len(self.rows) - 1)])
        else:
            self.announce_selection()
        self._structural()

    def move_layer(self, row, delta):
        i = self.rows.index(row)
        j = i + delta
        if not 0 <= j < len(self.rows):
            return
        self.rows_box.removeWidget(row)
        self.rows.pop(i)
        self.rows.insert(j, row)
        self.rows_box.insertWidget(j, row)
        self._renumber()
        self._select_row(row)
        self._structural()

    def announce_selection(self):
        """Emit layerSelected for the current row (or for the output when there is none)."""
        if self.selected_row is not None:
            self._select_row(self.selected_row)
        else:
            self.layerSelected.emit((len(self.rows) + 1, {"units": 1, "activation": "sigmoid"}))

    def _select_row(self, row):
        self.selected_row = row
        for r in self.rows:
            r.setStyleSheet("LayerRow { border: 2px solid #4f8fe8; }" if r is row else "")
        self.layerSelected.emit((self.rows.index(row) + 1, row.spec()))

    def _set_all_chosen(self):
        name = self.set_all.currentData()
        self.set_all.setCurrentIndex(0)
        if name is None or not self.rows:
            return
        self._updating = True
        try:
            for row in self.rows:
                row.activation.setCurrentText(name)
        finally:
            self._updating = False
        self._select_row(self.selected_row or self.rows[0])
        self._structural()

    # ---- data ------------------------------------------------------------------------------
    def _select_dataset(self, key):
        self.dataset.setCurrentIndex(self.dataset.findData(key))
        self._dataset_key = key

    def _dataset_chosen(self):
        key = self.dataset.currentData()
        if key == "csv":
            path, _ = QFileDialog.getOpenFileName(self, "Open points (x1,x2,label)", "",
                                                  "CSV files (*.csv);;All files (*)")
            if not path or not self.load_csv_file(path):
                self._select_dataset(self._dataset_key)  # keep what was there
                return
        self._dataset_key = key
        self._update_data_widgets()
        self._structural()

    def load_csv_file(self, path):
        """Read a CSV of points; on a bad file show what is wrong and keep the current data."""
        try:
            ds = load_csv(path, test_fraction=0.0)
        except DatasetError as e:
            QMessageBox.warning(self, "Cannot use this CSV file", str(e))
            self.problem.emit(str(e))
            return False
        self.csv_points = (ds.X_train.tolist(), ds.y_train.tolist(), str(path), ds.extent)
        self._select_dataset("csv")
        self._update_data_widgets()
        return True

    def _update_data_widgets(self):
        key = self.dataset.currentData()
        generated = key not in ("draw", "csv", "xor")
        self.noise.setEnabled(key not in ("draw", "csv"))
        self.points.setEnabled(generated)
        self.test_fraction.setEnabled(key != "xor")
        self.regenerate.setEnabled(key not in ("draw", "csv"))
        self.clear_points.setVisible(key == "draw")
        self.draw_hint.setVisible(key == "draw")
        self.drawModeChanged.emit(key == "draw")

    def _noise_changed(self, value):
        self.noise_label.setText(f"{value / 100:.2f}")
        self._structural()

    def _regenerate(self):
        self.data_seed += 1
        self._structural()

    def add_point(self, x, y, label):
        if self.dataset.currentData() != "draw":
            return
        self.drawn_X.append((x, y))
        self.drawn_y.append(int(label))
        self._structural()

    def clear_drawn(self):
        self.drawn_X, self.drawn_y = [], []
        self._structural()

    # ---- training settings --------------------------------------------------------------
    def _lr_entered(self):
        text = self.learning_rate.currentText()
        try:
            value = parse_learning_rate(text)
        except ValueError as e:
            self.learning_rate.setEditText(f"{self._last_lr:g}")
            self.problem.emit(str(e))
            return
        if value != self._last_lr:
            self._last_lr = value
            self._hyper()

    def _strength_entered(self):
        text = self.strength.currentText()
        try:
            value = float(text)
            if not math.isfinite(value) or not 0 <= value <= 10:
                raise ValueError
        except ValueError:
            self.strength.setEditText(f"{self._last_strength:g}")
            self.problem.emit(f"regularization strength {text!r} must be a number from 0 to 10")
            return
        if value != self._last_strength:
            self._last_strength = value
            if self.regularization.currentText() != "none":
                self._hyper()

    # ---- emitting -------------------------------------------------------------------------
    def _structural(self):
        if not self._updating:
            self.structuralChanged.emit()

    def _hyper(self):
        if self._updating:
            return
        c = self.train_config()
        self.hyperChanged.emit({"lr": c.lr, "optimizer": c.optimizer, "momentum": c.momentum,
                                "batch_size": c.batch_size, "l1": c.l1, "l2": c.l2})
