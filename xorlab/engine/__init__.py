"""The xorlab engine: a neural network with hand-written backpropagation, in NumPy only.

No Qt is imported anywhere under this package: the CLI, the tests and the app all use it.
"""

from .activations import ACTIVATIONS, Activation, get_activation
from .datasets import DATASETS, Dataset, DatasetError, load_csv, make_dataset
from .graph import Value
from .history import History
from .initializers import INITIALIZERS, get_initializer
from .losses import LOSSES
from .modelfile import ModelFileError, load_model, save_model
from .network import Network, SpecError, grid_points, network_spec, normalize_spec
from .optimizers import OPTIMIZERS
from .training import ConfigError, Metrics, TrainConfig, Trainer, evaluate

__all__ = [
    "ACTIVATIONS", "Activation", "get_activation",
    "DATASETS", "Dataset", "DatasetError", "load_csv", "make_dataset",
    "Value", "History", "INITIALIZERS", "get_initializer", "LOSSES",
    "ModelFileError", "load_model", "save_model",
    "Network", "SpecError", "grid_points", "network_spec", "normalize_spec", "OPTIMIZERS",
    "ConfigError", "Metrics", "TrainConfig", "Trainer", "evaluate",
]
