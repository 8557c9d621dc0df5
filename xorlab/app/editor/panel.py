"""The network editor panel: the Data, Training and Network groups in one scrolling column.

It shows a Session (`show_session`) and sends edited copies (`edited`); the window decides
what each edit means (rebuild, change in place, or another view) by comparing sessions.
Training sits above the layers so that it stays in view however many layers there are.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .data_group import DataGroup
from .fields import FieldGuard, guard_fields
from .layers_group import LayersGroup
from .training_group import TrainingGroup


class EditorPanel(QWidget):
    edited = Signal(object)  # a new Session
    layerSelected = Signal(int)  # 0-based hidden layer; len(hidden) is the output
    problem = Signal(object)  # a lab.messages.Message for the status bar

    def __init__(self, settings=None, parent=None):
        super().__init__(parent)
        self.setObjectName("networkEditor")
        self.data = DataGroup(settings)
        self.training = TrainingGroup()
        self.layers = LayersGroup()
        self._guard = FieldGuard(self)
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        v.setSpacing(4)
        for group in (self.data, self.training, self.layers):
            v.addWidget(group)
            group.edited.connect(self.edited)
            group.problem.connect(self.problem)
            guard_fields(group, self._guard)
        v.addStretch(1)
        self.layers.layerSelected.connect(self.layerSelected)
        self.layers.rowsChanged.connect(lambda: guard_fields(self.layers, self._guard))

    def show_session(self, session):
        for group in (self.data, self.training, self.layers):
            group.show_session(session)
