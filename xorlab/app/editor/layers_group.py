"""The editor's Network group: the input features, the hidden layers (units, activation and
its parameter, dropout rate), the initializer. The output layer (engine.spec.OUTPUT_LAYER)
always follows; with no hidden layer the network is the single neuron of the lecture's first
lesson.

It shows the session's layers and sends edited sessions. Which row is selected (for the
activation view and for where "+ Layer" inserts) is the only thing it keeps: how the panel
looks, not what is trained.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
)

from ...engine import ACTIVATIONS, INITIALIZERS
from ...engine.spec import DROPOUT_RANGE, MAX_HIDDEN_LAYERS, MAX_UNITS, PARAMS
from ...lab.messages import message
from .features_box import FeaturesBox
from .shown import may_show, shown


class LayerRow(QFrame):
    """One hidden layer: units, activation (with its parameter), dropout rate, move up/down,
    remove. Its signals name the change; the group makes the edited session."""

    edited = Signal(object, dict)  # (row, changes to its layer)
    dropoutEdited = Signal(object, float)  # (row, its new dropout rate)
    selected = Signal(object)
    moveRequested = Signal(object, int)
    removeRequested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(3, 1, 3, 1)
        row.setSpacing(3)
        self.label = QLabel()
        self.label.setMinimumWidth(16)
        self.units = QSpinBox()
        self.units.setRange(1, MAX_UNITS)
        self.units.setToolTip(self.tr("neurons in this layer (1–{0})").format(MAX_UNITS))
        self.units.setKeyboardTracking(False)  # typing 16 builds one network, not 1 and 16
        self.activation = QComboBox()
        for name in ACTIVATIONS:
            self.activation.addItem(name, name)
        self.param = QDoubleSpinBox()
        self.param.setKeyboardTracking(False)
        self.param_name = None
        self.dropout = QDoubleSpinBox()
        self.dropout.setRange(*DROPOUT_RANGE)
        self.dropout.setSingleStep(0.1)
        self.dropout.setDecimals(2)
        self.dropout.setPrefix(self.tr("drop "))
        self.dropout.setSpecialValueText(self.tr("no drop"))
        self.dropout.setKeyboardTracking(False)
        self.dropout.setMinimumWidth(64)  # the row stays about as narrow as without it
        self.dropout.setToolTip(self.tr(
            "dropout: while training, each unit of this layer is left out of a step with this "
            "probability (the others are scaled by 1/(1 − p)); never when evaluating. Dropped "
            "units are grey in the network diagram ({0:g}–{1:g})").format(*DROPOUT_RANGE))
        self.up = QToolButton(text="▲", toolTip=self.tr("move this layer up"))
        self.down = QToolButton(text="▼", toolTip=self.tr("move this layer down"))
        self.remove = QToolButton(text="✕", toolTip=self.tr("remove this layer"))
        for w in (self.label, self.units, self.activation, self.param, self.dropout, self.up,
                  self.down, self.remove):
            row.addWidget(w)
        row.setStretch(2, 1)
        self.units.valueChanged.connect(lambda n: self._edit(units=n))
        self.activation.currentIndexChanged.connect(
            lambda: self._edit(activation=self.activation.currentData()))
        self.param.valueChanged.connect(self._param_changed)
        self.dropout.valueChanged.connect(self._dropout_changed)
        self.up.clicked.connect(lambda: self.moveRequested.emit(self, -1))
        self.down.clicked.connect(lambda: self.moveRequested.emit(self, +1))
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))

    def set_index(self, i, count):
        """Number the row (1-based) and name its widgets after it (stable names for tests)."""
        self.label.setText(str(i))
        self.units.setObjectName(f"layer{i}UnitsSpin")
        self.activation.setObjectName(f"layer{i}ActivationCombo")
        self.param.setObjectName(f"layer{i}ParamSpin")
        self.dropout.setObjectName(f"layer{i}DropoutSpin")
        self.setObjectName(f"layer{i}Row")
        for w, name in ((self.units, self.tr("Neurons in hidden layer {0}")),
                        (self.activation, self.tr("Activation of hidden layer {0}")),
                        (self.param, self.tr("Parameter of hidden layer {0}")),
                        (self.dropout, self.tr("Dropout rate of hidden layer {0}")),
                        (self.up, self.tr("Move hidden layer {0} up")),
                        (self.down, self.tr("Move hidden layer {0} down")),
                        (self.remove, self.tr("Remove hidden layer {0}"))):
            w.setAccessibleName(name.format(i))
        self.up.setEnabled(i > 1)
        self.down.setEnabled(i < count)

    def show_layer(self, layer, old=None):
        """Show one layer dict (signals blocked by the caller); a field being typed in keeps
        its text while its value is the same as in `old`, the layer shown before."""
        old = old or {}
        if may_show(self.units, old.get("units") != layer["units"]):
            self.units.setValue(layer["units"])
        self.activation.setCurrentIndex(self.activation.findData(layer["activation"]))
        params = ACTIVATIONS[layer["activation"]].params
        self.param_name = next(iter(params), None)
        if self.param_name is None:
            self.param.hide()
            return
        p = PARAMS[self.param_name]
        self.param.setDecimals(p.decimals)
        self.param.setRange(p.low, p.high)
        self.param.setSingleStep(p.step)
        self.param.setPrefix(f"{p.label} ")
        value = layer.get(self.param_name, params[self.param_name])
        if may_show(self.param, old.get(self.param_name) != value):
            self.param.setValue(value)
        self.param.show()

    def show_dropout(self, rate, old=None):
        """Show the layer's dropout rate (`old`: the rate shown before, as in show_layer)."""
        if may_show(self.dropout, old != rate):
            self.dropout.setValue(rate)

    def _dropout_changed(self, value):
        self.selected.emit(self)
        self.dropoutEdited.emit(self, round(value, 2))

    def _param_changed(self, value):
        if self.param_name is not None:
            self._edit(**{self.param_name: int(value) if PARAMS[self.param_name].whole
                          else float(value)})

    def _edit(self, **changes):
        self.selected.emit(self)
        self.edited.emit(self, changes)

    def mousePressEvent(self, event):
        self.selected.emit(self)
        super().mousePressEvent(event)


class LayersGroup(QGroupBox):
    edited = Signal(object)  # a new Session
    layerSelected = Signal(int)  # 0-based index into the layers; len(hidden) is the output
    problem = Signal(object)
    rowsChanged = Signal()  # rows were made or dropped (new fields to guard)

    def __init__(self, parent=None):
        super().__init__(self.tr("Network"), parent)
        self.session = None
        self.rows: list[LayerRow] = []
        self.selected = 0
        v = QVBoxLayout(self)
        v.setContentsMargins(6, 4, 6, 4)
        v.setSpacing(3)
        self.features = FeaturesBox()
        self.features.edited.connect(self.edited)
        self.features.problem.connect(self.problem)
        v.addWidget(self.features)
        # the buttons stand above the rows, so they stay where they are as rows are added
        header = QHBoxLayout()
        self.heading = title = QLabel(self.tr("Hidden layers (inputs → … → 1 sigmoid output)"))
        title.setWordWrap(True)
        header.addWidget(title, 1)
        self.add_layer = QPushButton(self.tr("+ Layer"), objectName="addLayerButton")
        self.remove_layer = QPushButton(self.tr("− Layer"), objectName="removeLayerButton")
        self.add_layer.setToolTip(self.tr("add a hidden layer after the selected one"))
        self.remove_layer.setToolTip(self.tr("remove the selected hidden layer"))
        header.addWidget(self.add_layer)
        header.addWidget(self.remove_layer)
        v.addLayout(header)
        form = QGridLayout()
        self.set_all = QComboBox(objectName="setAllCombo")
        self.set_all.addItem(self.tr("set all layers to …"), None)
        for name in ACTIVATIONS:
            self.set_all.addItem(name, name)
        self.init = QComboBox(objectName="initCombo")
        for name, entry in INITIALIZERS.items():
            self.init.addItem(name, name)
            self.init.setItemData(self.init.count() - 1, self.tr(entry.summary),
                                  Qt.ToolTipRole)
        self.set_all.setAccessibleName(self.tr("Set the activation of every hidden layer"))
        self.init.setAccessibleName(self.tr("Weight initializer"))
        form.addWidget(self.set_all, 0, 0)
        form.addWidget(QLabel(self.tr("Init")), 0, 1)
        form.addWidget(self.init, 0, 2)
        form.setColumnStretch(0, 1)
        form.setColumnStretch(2, 1)
        v.addLayout(form)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(2)
        v.addLayout(self.rows_box)
        self.no_hidden = QLabel(self.tr("No hidden layer: one neuron, one straight line."))
        self.no_hidden.setWordWrap(True)
        v.addWidget(self.no_hidden)
        self.add_layer.clicked.connect(self.add_hidden_layer)
        self.remove_layer.clicked.connect(self.remove_hidden_layer)
        self.set_all.activated.connect(self._set_all_chosen)
        self.init.activated.connect(
            lambda: self.edited.emit(replace(self.session, init=self.init.currentData())))

    # ---- showing -------------------------------------------------------------------------
    def show_session(self, session):
        before = self.session.hidden if self.session is not None else ()
        old_rates = [self.session.dropout_of(i) for i in range(len(before))] \
            if self.session is not None else []
        self.session = session
        self.features.show_session(session)
        self.heading.setText(self.tr("Hidden layers (inputs → … → 1 sigmoid output)")
                           if session.classes == 2 else
                           self.tr("Hidden layers (inputs → … → {0} softmax outputs)")
                           .format(session.classes))
        hidden = session.hidden
        if len(self.rows) != len(hidden):
            for row in self.rows:
                self.rows_box.removeWidget(row)
                row.hide()
                row.setParent(None)  # out of the widget tree now: its object names are free
                row.deleteLater()
            self.rows = [self._make_row() for _ in hidden]
            for row in self.rows:
                self.rows_box.addWidget(row)
            self.rowsChanged.emit()
        with shown(self):
            same = len(before) == len(hidden)
            for i, (row, layer) in enumerate(zip(self.rows, hidden), start=1):
                row.set_index(i, len(hidden))
                row.show_layer(layer, before[i - 1] if same else None)
                row.show_dropout(session.dropout_of(i - 1),
                                 old_rates[i - 1] if same else None)
            self.init.setCurrentIndex(self.init.findData(session.init))
        self.no_hidden.setVisible(not hidden)
        self.add_layer.setEnabled(len(hidden) < MAX_HIDDEN_LAYERS)
        self.remove_layer.setEnabled(bool(hidden))
        self.select(min(self.selected, len(hidden)))

    def _make_row(self):
        row = LayerRow()
        row.edited.connect(self._row_edited)
        row.dropoutEdited.connect(
            lambda r, rate: self.edited.emit(self.session.with_dropout(self.rows.index(r), rate)))
        row.selected.connect(lambda r: self.select(self.rows.index(r)))
        row.moveRequested.connect(self._move)
        row.removeRequested.connect(lambda r: self._remove(self.rows.index(r)))
        return row

    def select(self, index):
        """Select hidden layer `index` (len(hidden): the output) and say so."""
        self.selected = index
        for i, r in enumerate(self.rows):
            r.setStyleSheet("LayerRow { border: 2px solid #4f8fe8; }" if i == index else "")
        self.layerSelected.emit(index)

    # ---- edits -------------------------------------------------------------------------------
    def _row_edited(self, row, changes):
        self.edited.emit(self.session.with_layer(self.rows.index(row), **changes))

    def add_hidden_layer(self):
        hidden = list(self.session.hidden)
        if len(hidden) >= MAX_HIDDEN_LAYERS:
            self.problem.emit(message("too_many_layers", limit=MAX_HIDDEN_LAYERS))
            return
        at = min(self.selected, len(hidden) - 1)
        template = dict(hidden[at]) if hidden else {"units": 4, "activation": "tanh"}
        rates = self._rates()
        hidden.insert(at + 1, template)
        rates.insert(at + 1, rates[at] if rates else 0.0)  # the copied layer's rate too
        self.selected = at + 1
        self.edited.emit(self.session.with_hidden(hidden, rates))

    def _rates(self):
        """Every hidden layer's dropout rate, in order (each moves with its layer)."""
        return [self.session.dropout_of(i) for i in range(len(self.session.hidden))]

    def remove_hidden_layer(self):
        if self.session.hidden:
            self._remove(min(self.selected, len(self.session.hidden) - 1))

    def _remove(self, index):
        hidden, rates = list(self.session.hidden), self._rates()
        del hidden[index], rates[index]
        self.selected = min(index, max(len(hidden) - 1, 0)) if hidden else 0
        self.edited.emit(self.session.with_hidden(hidden, rates))

    def _move(self, row, delta):
        i = self.rows.index(row)
        j = i + delta
        hidden, rates = list(self.session.hidden), self._rates()
        if not 0 <= j < len(hidden):
            return
        hidden[i], hidden[j] = hidden[j], hidden[i]
        rates[i], rates[j] = rates[j], rates[i]
        self.selected = j
        self.edited.emit(self.session.with_hidden(hidden, rates))

    def _set_all_chosen(self):
        name = self.set_all.currentData()
        self.set_all.setCurrentIndex(0)
        if name is None or not self.session.hidden:
            return
        self.edited.emit(self.session.with_hidden(
            [{"units": layer["units"], "activation": name} for layer in self.session.hidden]))
