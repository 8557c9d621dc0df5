"""The editor's input features: one checkbox per feature of engine.features, labelled with
its formula (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂), as TensorFlow Playground offers them.

It shows the session's features and sends edited sessions (a new network: the input size is
the number of features). At least one stays: unchecking the last one is refused and said.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from ...engine.features import FEATURES
from ...lab.messages import message
from .shown import shown

COLUMNS = 4  # checkboxes a row


class FeaturesBox(QWidget):
    edited = Signal(object)  # a new Session
    problem = Signal(object)  # a lab.messages.Message

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("featuresBox")
        self.session = None
        self.checks = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(1)
        title = QLabel(self.tr("Inputs"))
        title.setToolTip(self.tr("the input features: what the network sees of a point "
                                 "(x₁, x₂); one input neuron each"))
        grid.addWidget(title, 0, 0)
        for i, feature in enumerate(FEATURES.values()):
            check = QCheckBox(feature.label, objectName=f"featureCheck_{feature.name}")
            check.setToolTip(self.tr("input feature {0}").format(feature.label))
            check.setFocusPolicy(Qt.TabFocus)  # a click leaves Space to play/pause
            check.toggled.connect(lambda on, name=feature.name: self._toggled(name, on))
            grid.addWidget(check, i // COLUMNS, 1 + i % COLUMNS)
            self.checks[feature.name] = check
        grid.setColumnStretch(COLUMNS, 1)

    def show_session(self, session):
        self.session = session
        with shown(self):
            for name, check in self.checks.items():
                check.setChecked(name in session.features)
        # images have no input features: the network's inputs are the pixels (the box's
        # own enabled state is a lesson's lock: the checkboxes are switched one by one)
        points = session.image is None
        for feature, check in zip(FEATURES.values(), self.checks.values()):
            check.setEnabled(points)
            check.setToolTip(self.tr("input feature {0}").format(feature.label) if points
                             else self.tr("images have no input features: the network's "
                                          "inputs are the pixels"))

    def _toggled(self, name, on):
        """One feature ticked or unticked: the session's features (in their order) with it
        added at the end or removed; a new network is built either way."""
        features = self.session.features
        chosen = features + (name,) if on and name not in features else \
            tuple(f for f in features if f != name or on)
        if not chosen:  # the network needs an input: the last one stays
            self.show_session(self.session)
            self.problem.emit(message("last_feature"))
            return
        if chosen != features:
            self.edited.emit(self.session.with_features(chosen))
