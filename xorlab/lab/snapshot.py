"""The immutable picture of training that the training loop hands to the window (no Qt here).

Every array in a snapshot is a fresh copy marked read-only: the engine keeps training while
the window paints, and neither can change what the other sees. Snapshots travel from the
engine process to the window pickled; `refrozen` marks the received arrays read-only again.
A snapshot names the rebuild it came from (`generation`, the network `spec`, the `config`),
so the window can save exactly the network whose weights it holds.

Classes (issue 19): a snapshot says K (`classes`) and whether the data are images (`image`).
For points of K ≥ 3 classes, the output's picture is `class_grid` (the most probable class
in each cell, uint8) with `class_probability` (how probable it is), and `grid` holds class /
(K − 1) in [0, 1] for a view that knows only two colours; `boundary` is where the winning
class changes. Every run carries its `confusion` matrix and `class_accuracy` on the test set
(`confusion_set` "test", or "train" when there is no test set). For images the points
(X_train, …) are empty (nothing to draw on the plane; `grid` is flat) and the window gets a
fixed set of test images instead: `sample_images` and `sample_labels` (sent with the points:
only when the data change) with the network's `sample_predictions` and
`sample_probabilities`. A view draws a digit's pixels from `sample_images[i]` (values in
[0, 1], row by row as the network reads them).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np


def frozen(a):
    """A read-only copy of an array."""
    a = np.array(a, copy=True)
    a.flags.writeable = False
    return a


@dataclass(frozen=True)
class Snapshot:
    generation: int  # the Rebuild it came from: plots clear their curves when it changes
    spec: dict | None  # the engine network spec that was built (None: nothing was built)
    step: int
    epoch: int
    running: bool
    train_loss: float | None
    test_loss: float | None
    train_accuracy: float | None
    test_accuracy: float | None
    grad_norms: np.ndarray  # ‖∂L/∂Wˡ‖ per weight layer, last step
    weights: tuple  # (W1, b1, W2, b2, ...) copies
    grads: tuple  # ∂L/∂W¹, ∂L/∂b¹, ... of the last step's batch (float32), in the same order
    layer_sizes: tuple  # (inputs, hidden..., outputs): 1 output for 2 classes, else K
    grid: np.ndarray  # (R, R) P(y=1), or the selected neuron's output
    view: tuple | None  # what grid shows: None the output, (layer, unit) a hidden neuron
    grid_range: tuple  # the colour range of grid: (0, 1) or (-1, 1) ...
    boundary: tuple  # (x, y) of the line z = 0 of the unit shown, as segment end pairs
    extent: tuple  # the input square (lo, hi)
    # histories, thinned for plotting
    step_steps: np.ndarray  # steps of the per-step records
    step_loss: np.ndarray  # batch loss per recorded step
    step_grad_norms: np.ndarray  # (m, L) per-layer gradient norm per recorded step
    eval_steps: np.ndarray
    eval_values: np.ndarray  # (k, 4): train loss, train acc, test loss, test acc
    data_generation: int  # changes when the points change
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    test_is_train: bool  # the XOR truth table: one set of 4 points is both
    steps_per_second: float
    diverged_at: int | None
    problem: object = None  # a lab.messages.Message to show, or None
    config: object = None  # the engine TrainConfig in use (learning rate, optimizer, ...)
    batches: int = 0  # Trainer.batch_fingerprint(): equal in lockstep runs
    saturation: tuple = ()  # lab.pictures.saturation: (a histograms, a ranges, f′ histograms)
    twin: Snapshot | None = None  # compare mode: the second run (its points are these)
    label: str = ""  # compare mode: the run's value of the compared setting
    lr: float | None = None  # γ of the next step, after the schedule (engine/schedule.py)
    dropped: tuple = ()  # per hidden layer, bool (units,): dropped in the last step (for
    # its batch's first example); () while no layer has dropout
    stopped_because: str | None = None  # "accuracy", "plateau", "steps": why it paused
    has_gradient: bool = False  # False: no step (nor an evaluation after a weight was set)
    # since the network was built or opened, so `grads` are zeros, not a gradient
    # ---- classes (see the module's docstring) ----
    classes: int = 2  # K: labels 0 … K−1
    image: tuple | None = None  # (rows, columns) when the data are images, None for points
    class_grid: np.ndarray | None = None  # (R, R) uint8 most probable class (K ≥ 3, output)
    class_probability: np.ndarray | None = None  # (R, R) float32: its probability
    confusion: np.ndarray | None = None  # (K, K): confusion[i, j] counts class i taken for j
    class_accuracy: np.ndarray | None = None  # (K,): each class's accuracy (NaN: no example)
    confusion_set: str = "test"  # what `confusion` counts: "test", or "train" without one
    sample_images: np.ndarray | None = None  # images: (m, rows, columns) fixed test images
    sample_labels: np.ndarray | None = None  # (m,) their labels
    sample_predictions: np.ndarray | None = None  # (m,) the network's most probable class
    sample_probabilities: np.ndarray | None = None  # (m, K) float32: its probabilities


POINT_FIELDS = ("X_train", "y_train", "X_test", "y_test", "sample_images", "sample_labels")


def without_points(snapshot):
    """The snapshot to send when the receiver already has its points (same data_generation):
    the points left out, so that a snapshot stays small on the pipe."""
    return replace(snapshot, **{name: None for name in POINT_FIELDS})


def with_points(snapshot, previous):
    """Undo `without_points`: take the points from the previous snapshot received."""
    if snapshot.X_train is not None:
        return snapshot
    return replace(snapshot, **{name: getattr(previous, name) for name in POINT_FIELDS})


def refrozen(snapshot):
    """The snapshot with every array marked read-only (unpickling makes them writeable)."""
    if snapshot.twin is not None:
        refrozen(snapshot.twin)
    for f in fields(snapshot):
        value = getattr(snapshot, f.name)
        for a in value if isinstance(value, tuple) else (value,):
            if isinstance(a, np.ndarray):
                a.flags.writeable = False
    return snapshot
