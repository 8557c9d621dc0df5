"""The network editor: a panel of three groups, each showing one part of the Session and
sending edited Sessions (panel.py, data_group.py, training_group.py, layers_group.py)."""

from .panel import EditorPanel

__all__ = ["EditorPanel"]
