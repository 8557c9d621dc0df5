"""The Backprop view: the lecture's chain rule as a graph a student steps through.

A typed expression (or a preset) is drawn as a computational graph, left to right: a box per
value and per operation with its name, value and — once the backward pass reaches it — its
gradient; each edge carries its local derivative. Forward computes the next node's value,
Backward the next gradient as local × upstream; Update takes one gradient-descent step on
the parameter leaves and shows the new f beside the old. ← / → step back and forth through
the whole sequence, Space runs it at a readable pace. The table under the graph holds the
same numbers, a row a node (leaf values are edited there; a leaf's box or row can be a
parameter or data). Clicking a box shows its whole chain-rule expansion.

The stepping itself is lab.chain_rule (no Qt); this module draws it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...engine.expression import ExpressionError
from ...lab.chain_rule import PRESETS, ChainRule, fmt, layout, sigmoid_check
from ..colors import CLASS0, CLASS1
from ..i18n import error_text

MARGIN = 16.0
MIN_SCALE = 0.55  # the smallest a graph is drawn to fit its area
ANIMATION_MS = 900  # one step of "Run all" / Space: time to read the sentence
COLUMNS = ("name", "operation", "value", "local ∂", "gradient ∂f/∂·", "parameter")
KIND_FILL = {"parameter": QColor(226, 238, 252), "data": QColor(238, 238, 238),
             "constant": QColor(250, 250, 250), "operation": QColor(255, 255, 255)}


class GraphCanvas(QWidget):
    """Paints a ChainRule: boxes, edges with local derivatives, what is known so far."""

    nodeClicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("graphCanvas")
        self.chain = None
        self.boxes = {}
        self.selected = None
        self.graph_size = (1.0, 1.0)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def show_chain(self, chain, selected=None):
        self.chain, self.selected = chain, selected
        self.boxes = {i: QRectF(x + MARGIN, y + MARGIN + 14, w, h)
                      for i, (x, y, w, h) in layout(chain.nodes).items()}
        self.graph_size = (max(b.right() for b in self.boxes.values()) + MARGIN,
                           max(b.bottom() for b in self.boxes.values()) + MARGIN)
        # drawn smaller to fit, down to MIN_SCALE; beyond that the scroll area scrolls
        self.setMinimumSize(int(self.graph_size[0] * MIN_SCALE),
                            int(self.graph_size[1] * MIN_SCALE))
        self.update()

    def _scale(self):
        """Drawn at full size when it fits, smaller (down to MIN_SCALE) when it does not."""
        width, height = self.graph_size
        return max(MIN_SCALE, min(1.0, self.width() / width, self.height() / height))

    def _offset(self):
        """The graph is drawn centred in the canvas."""
        width, height = self.graph_size
        scale = self._scale()
        return QPointF(max(0.0, (self.width() - scale * width) / 2),
                       max(0.0, (self.height() - scale * height) / 2))

    def node_at(self, point):
        point = (point - self._offset()) / self._scale()
        for i, box in self.boxes.items():
            if box.contains(point):
                return i
        return None

    def node_center(self, index):
        """Where node `index` is drawn, in widget coordinates (for tests and lessons)."""
        return self.boxes[index].center() * self._scale() + self._offset()

    def mousePressEvent(self, event):
        hit = self.node_at(event.position())
        if hit is not None and event.button() == Qt.LeftButton:  # right: the context menu
            self.nodeClicked.emit(hit)
        super().mousePressEvent(event)

    def paintEvent(self, event):
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(255, 255, 255))
        chain = self.chain
        if chain is None:
            p.end()
            return
        p.setRenderHint(QPainter.Antialiasing)
        p.translate(self._offset())
        p.scale(self._scale(), self._scale())
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        highlighted = set(chain.highlighted())
        step = chain.current()
        for node in chain.nodes:  # edges first, with their local derivatives
            box = self.boxes[node.index]
            for position, j in enumerate(node.inputs):
                src = self.boxes[j]
                a, b = QPointF(src.right(), src.center().y()), QPointF(box.left(),
                                                                       box.center().y())
                active = step is not None and step.kind == "edge" and \
                    step.node == node.index and step.position == position
                p.setPen(QPen(QColor(*CLASS0) if active else QColor(150, 150, 150),
                              2.5 if active else 1.2))
                path = QPainterPath(a)
                mid = (a.x() + b.x()) / 2
                path.cubicTo(QPointF(mid, a.y()), QPointF(mid, b.y()), b)
                p.drawPath(path)
                if chain.value_known(node.index):
                    p.setFont(small)
                    p.setPen(QColor(200, 90, 40) if active else QColor(90, 90, 90))
                    label = fmt(node.local[position])
                    at = QPointF(mid - 20, (a.y() + b.y()) / 2 - 3)
                    p.drawText(QRectF(at.x(), at.y() - 12, 40, 14), Qt.AlignCenter, label)
        for node in chain.nodes:
            self._paint_node(p, node, node.index in highlighted, small)
        p.end()

    def _paint_node(self, p, node, highlighted, small):
        chain, box = self.chain, self.boxes[node.index]
        border = QColor(*CLASS0) if highlighted else (
            QColor(*CLASS1) if node.index == self.selected else QColor(70, 70, 70))
        p.setPen(QPen(border, 3 if highlighted or node.index == self.selected else 1.2))
        p.setBrush(QBrush(KIND_FILL[node.kind]))
        p.drawRoundedRect(box, 6, 6)
        title = node.name if node.is_leaf else f"{node.name} = {chain.formula(node)}"
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(QColor(20, 20, 20))
        lines = QRectF(box.left() + 4, box.top() + 2, box.width() - 8, 16)
        p.drawText(lines, Qt.AlignCenter, p.fontMetrics().elidedText(title, Qt.ElideRight,
                                                                     int(lines.width())))
        p.setFont(small)
        if chain.value_known(node.index):
            p.drawText(lines.translated(0, 15), Qt.AlignCenter, f"= {fmt(node.value)}")
        grad, complete = chain.gradient_so_far(node.index)
        if grad is not None:
            p.setPen(QColor(20, 90, 180) if complete else QColor(130, 150, 190))
            f = chain.nodes[chain.root].name
            p.drawText(lines.translated(0, 30), Qt.AlignCenter,
                       f"∂{f}/∂{node.name} = {fmt(grad)}" + ("" if complete else " …"))
        if node.index == chain.root and chain.previous_root_value is not None:
            p.setPen(QColor(120, 120, 120))
            p.drawText(QRectF(box.left() - 20, box.bottom() + 2, box.width() + 40, 14),
                       Qt.AlignCenter, self.tr("was {0}").format(fmt(chain.previous_root_value)))


class BackpropView(QWidget):
    """The chain-rule view (object name backpropView)."""

    updated = Signal()  # an Update step was taken

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("backpropView")
        self.chain = None
        self.selected = None
        self.preset = None
        self.timer = QTimer(self)
        self.timer.setInterval(ANIMATION_MS)
        self.timer.timeout.connect(self._animate)
        self.presets = QComboBox(objectName="graphPresetCombo")
        for preset in PRESETS:
            self.presets.addItem(self.tr(preset.title), preset.key)
        self.expression = QLineEdit(objectName="graphExpressionEdit")
        self.expression.setToolTip(self.tr(
            "numbers, names (each a leaf), + - * / **, ( ), exp, log, sigmoid, tanh, relu; "
            "\"e = …\" names the result"))
        self.error = QLabel(objectName="graphErrorLabel")
        self.error.setStyleSheet("color: #b03020;")
        self.error.hide()
        self.error_code = None  # the code of the shown reason (tests compare codes)
        self.canvas = GraphCanvas()
        scroll = QScrollArea()
        scroll.setWidget(self.canvas)
        scroll.setWidgetResizable(True)
        self.table = QTableWidget(0, len(COLUMNS), objectName="graphTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("local ∂"), QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.sentence = QLabel(objectName="graphSentenceLabel")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextSelectableByMouse)
        font = self.sentence.font()
        font.setPointSizeF(font.pointSizeF() + 2)
        self.sentence.setFont(font)
        self.check = QLabel(objectName="graphCheckLabel")
        self.check.setWordWrap(True)
        self.back_button = QPushButton("◀", objectName="graphStepBackButton")
        self.back_button.setToolTip(self.tr("one step back (←)"))
        self.forward_button = QPushButton(self.tr("Forward"), objectName="graphForwardButton")
        self.forward_button.setToolTip(self.tr("compute the next node's value"))
        self.backward_button = QPushButton(self.tr("Backward"),
                                           objectName="graphBackwardButton")
        self.backward_button.setToolTip(self.tr("the next gradient: local × upstream"))
        self.run_button = QPushButton(self.tr("Run all"), objectName="graphRunButton")
        self.run_button.setToolTip(self.tr("step through everything at a readable pace "
                                           "(Space)"))
        self.reset_button = QPushButton(self.tr("Reset"), objectName="graphResetButton")
        self.update_button = QPushButton(self.tr("Update"), objectName="graphUpdateButton")
        self.update_button.setToolTip(self.tr("one step of gradient descent on every "
                                              "parameter: w⁺ = w − γ·∂f/∂w"))
        self.learning_rate = QDoubleSpinBox(objectName="graphLearningRateSpin")
        self.learning_rate.setRange(0.0001, 10.0)
        self.learning_rate.setDecimals(4)
        self.learning_rate.setSingleStep(0.05)
        self.learning_rate.setValue(0.1)
        self.learning_rate.setPrefix("γ ")
        for w, name in ((self, self.tr("Backprop: the chain rule")),
                        (self.presets, self.tr("Example expression")),
                        (self.expression, self.tr("Expression")),
                        (self.canvas, self.tr("Computation graph")),
                        (self.table, self.tr("Values and gradients of each node")),
                        (self.learning_rate, self.tr("Learning rate γ")),
                        (self.back_button, self.tr("One step back"))):
            w.setAccessibleName(name)
        self.setAccessibleDescription(self.tr("→ one step forward or backward, ← one step "
                                              "back, Space runs all"))
        scroll.setFocusPolicy(Qt.NoFocus)  # Tab goes to the graph in it
        top = QHBoxLayout()
        top.addWidget(self.presets)
        top.addWidget(self.expression, 1)
        buttons = QHBoxLayout()
        for w in (self.back_button, self.forward_button, self.backward_button,
                  self.run_button, self.reset_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.learning_rate)
        buttons.addWidget(self.update_button)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(scroll, 1)
        lv.addWidget(self.sentence)
        lv.addWidget(self.check)
        # the graph is wide and short, the table narrow and tall: the graph above, full width
        split = QSplitter(Qt.Vertical)
        split.addWidget(left)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([420, 200])
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        v.addLayout(top)
        v.addWidget(self.error)
        v.addWidget(split, 1)
        v.addLayout(buttons)
        for button in (self.back_button, self.forward_button, self.backward_button,
                       self.run_button, self.reset_button, self.update_button):
            button.setFocusPolicy(Qt.NoFocus)  # keys stay with the view: ←, →, Space
        self.canvas.setFocusPolicy(Qt.StrongFocus)
        self.canvas.installEventFilter(self)  # its scroll area would take the arrow keys
        self.setFocusPolicy(Qt.StrongFocus)
        self.presets.activated.connect(lambda: self.show_preset(self.presets.currentData()))
        self.expression.editingFinished.connect(self._expression_entered)
        self.back_button.clicked.connect(self.step_back)
        self.forward_button.clicked.connect(self.forward)
        self.backward_button.clicked.connect(self.backward)
        self.run_button.clicked.connect(self.run_all)
        self.reset_button.clicked.connect(self.reset)
        self.update_button.clicked.connect(self.gradient_step)
        self.canvas.nodeClicked.connect(self.select)
        self.table.itemChanged.connect(self._table_edited)
        self.show_preset(PRESETS[0].key)

    # ---- what is shown ---------------------------------------------------------------------
    def show_preset(self, key):
        preset = next(p for p in PRESETS if p.key == key)
        self.preset = preset
        self.presets.setCurrentIndex(self.presets.findData(key))
        self.show_expression(preset.text, preset.values, set(preset.parameters))

    def _show_error(self, text, code):
        """The reason under the field; `code` is what tests compare."""
        self.error.setText(text)
        self.error.show()
        self.error_code = code

    def _hide_error(self):
        self.error.hide()
        self.error_code = None

    def show_expression(self, text, values=None, parameters=None):
        """Draw an expression; False (with the reason under the field, the old graph kept)
        when it cannot be drawn."""
        try:
            chain = ChainRule.from_text(text, values, parameters)
        except ExpressionError as e:
            self._show_error(error_text(e), e.code)
            return False
        self._hide_error()
        self.expression.setText(text)
        self.timer.stop()
        self._show(chain, None)
        return True

    def _expression_entered(self):
        text = self.expression.text()
        if self.chain is not None and text == self.chain.expression.text:
            return
        old = self.chain.values() if self.chain is not None else {}
        if self.show_expression(text, old) and self.preset is not None \
                and text != self.preset.text:
            self.preset = None

    def _show(self, chain, sentence=None):
        self.chain = chain
        if self.selected is not None and self.selected >= len(chain.nodes):
            self.selected = None
        self.canvas.show_chain(chain, self.selected)
        self._fill_table()
        if sentence is not None:
            self.sentence.setText(sentence)
        elif self.selected is not None:
            self.sentence.setText(chain.expansion(self.selected))
        else:
            self.sentence.setText(
                chain.sentence(uses=self.tr("(use {0} of {1})"))
                or self.tr("Press Forward to compute the graph node by node."))
        self._show_check()
        done, total = chain.done, len(chain.steps)
        self.back_button.setEnabled(done > 0)
        self.forward_button.setEnabled(done < chain.forward_count)
        self.backward_button.setEnabled(chain.forward_count <= done < total)
        self.update_button.setEnabled(bool(chain.parameters()))

    def _show_check(self):
        preset = self.preset
        if preset is None or preset.sigmoid_of is None or not self.chain.finished:
            self.check.setText("")
            return
        product, closed = sigmoid_check(self.chain, preset.sigmoid_of)
        z = preset.sigmoid_of
        self.check.setText(self.tr("the chain's product of local derivatives: ∂s/∂{0} = {1};  "
                                   "one node sigmoid({0}): σ(1 − σ) = {2}")
                           .format(z, fmt(product), fmt(closed)))

    def _fill_table(self):
        chain = self.chain
        self.table.blockSignals(True)
        self.table.setRowCount(len(chain.nodes))
        for row, node in enumerate(chain.nodes):
            grad, complete = chain.gradient_so_far(node.index)
            local = ", ".join(f"∂{node.name}/∂{chain.nodes[j].name} = {fmt(v)}"
                              for j, v in zip(node.inputs, node.local)) \
                if chain.value_known(node.index) else ""
            cells = [node.name, node.op or self.tr(node.kind),
                     fmt(node.value) if chain.value_known(node.index) else "", local,
                     "" if grad is None else fmt(grad) + ("" if complete else " …")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                editable = col == 2 and node.kind in ("parameter", "data")
                flags = Qt.ItemIsSelectable | Qt.ItemIsEnabled
                item.setFlags(flags | Qt.ItemIsEditable if editable else flags)
                self.table.setItem(row, col, item)
            box = QTableWidgetItem()
            if node.kind in ("parameter", "data"):
                box.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled)
                box.setCheckState(Qt.Checked if node.kind == "parameter" else Qt.Unchecked)
            else:
                box.setFlags(Qt.ItemIsEnabled)
            self.table.setItem(row, len(COLUMNS) - 1, box)
        self.table.blockSignals(False)

    def known_gradients(self):
        """{name: ∂f/∂name} of the nodes whose gradient the steps have completed."""
        out = {}
        for node in self.chain.nodes:
            grad, complete = self.chain.gradient_so_far(node.index)
            if complete:
                out[node.name] = grad
        return out

    def cell(self, name, column):
        """The table's text for node `name` in `column` (a name from COLUMNS)."""
        row = next(n.index for n in self.chain.nodes if n.name == name)
        return self.table.item(row, COLUMNS.index(column)).text()

    # ---- stepping ----------------------------------------------------------------------------
    def forward(self):
        if self.chain.forward():
            self.selected = None
            self._show(self.chain)

    def backward(self):
        if self.chain.backward():
            self.selected = None
            self._show(self.chain)

    def step_next(self):
        """→: the next step of the whole sequence."""
        if self.chain.done < len(self.chain.steps):
            self.chain.step_to(self.chain.done + 1)
            self.selected = None
            self._show(self.chain)
            return True
        return False

    def step_back(self):
        """←: one step back."""
        self.timer.stop()
        if self.chain.done:
            self.chain.step_to(self.chain.done - 1)
            self.selected = None
            self._show(self.chain)

    def run_all(self):
        """Step through the rest as an animation (press again to stop)."""
        if self.timer.isActive():
            self.timer.stop()
            return
        if self.chain.finished:
            self.chain.reset()
        self.timer.start()
        self._animate()

    def _animate(self):
        if not self.step_next():
            self.timer.stop()

    def reset(self):
        self.timer.stop()
        self.chain.reset()
        self.chain.previous_root_value = None
        self.selected = None
        self._show(self.chain)

    def gradient_step(self):
        """Update: w⁺ = w − γ·∂f/∂w on every parameter, then the graph again."""
        self.timer.stop()
        try:
            after, sentence = self.chain.update(self.learning_rate.value())
        except ExpressionError as e:  # e.g. log of a weight the step made negative
            self._show_error(error_text(e), e.code)
            return False
        self._hide_error()
        self.selected = None
        self._show(after, sentence)
        self.updated.emit()
        return True

    def select(self, index):
        """A click on a box: its chain-rule expansion (a second click: the step again)."""
        self.selected = None if self.selected == index else index
        node = self.chain.nodes[index]
        if node.kind in ("parameter", "data"):
            self.table.selectRow(index)
        self._show(self.chain)

    # ---- edits in the table ---------------------------------------------------------------
    def _table_edited(self, item):
        node = self.chain.nodes[item.row()]
        values = self.chain.values()
        parameters = {n.name for n in self.chain.parameters()}
        if item.column() == len(COLUMNS) - 1:
            if item.checkState() == Qt.Checked:
                parameters.add(node.name)
            else:
                parameters.discard(node.name)
        elif item.column() == 2:
            try:
                values[node.name] = float(item.text().replace("−", "-"))
            except ValueError:
                self._show_error(self.tr("{0} must be a number").format(node.name),
                                 "not_a_number")
                self._fill_table()
                return
        else:
            return
        done = self.chain.done
        try:
            chain = self.chain.with_values(values, parameters)
        except ExpressionError as e:  # e.g. log of a value now negative
            self._show_error(error_text(e), e.code)
            self._fill_table()
            return
        self._hide_error()
        chain.step_to(done)
        self._show(chain)

    def set_value(self, name, value):
        """Give leaf `name` a new value (as editing its table cell does)."""
        row = next(n.index for n in self.chain.nodes if n.name == name)
        self.table.item(row, 2).setText(fmt(value))

    # ---- keys -------------------------------------------------------------------------------
    def event(self, event):
        # ←, → and Space belong to this view while it has the focus (not to the window's
        # Play/Pause shortcut), except in the expression field and the table's editors
        if event.type() == QEvent.ShortcutOverride and event.key() in (
                Qt.Key_Left, Qt.Key_Right, Qt.Key_Space) and not self._typing():
            event.accept()
            return True
        return super().event(event)

    def _typing(self):
        focus = self.focusWidget()
        return isinstance(focus, (QLineEdit, QDoubleSpinBox, QComboBox)) or \
            (focus is self.table and self.table.state() == QTableWidget.EditingState)

    def eventFilter(self, obj, event):
        if obj is self.canvas and event.type() == QEvent.KeyPress and self._key(event.key()):
            return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event):
        if not self._key(event.key()):
            super().keyPressEvent(event)

    def _key(self, key):
        """→ next step, ← step back, Space run / stop; True when the key was one of them."""
        if key == Qt.Key_Right:
            self.timer.stop()
            self.step_next()
        elif key == Qt.Key_Left:
            self.step_back()
        elif key == Qt.Key_Space:
            self.run_all()
        else:
            return False
        return True
