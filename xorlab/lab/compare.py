"""Compare mode as data (no Qt here): which one setting the second run varies, and the second
run's session made from the first's.

    Compare("activation", "relu", on=True)   the second run: every hidden layer ReLU (with
                                             the initializer that suits it), all else alike

Both runs train in lockstep on the same minibatches (the training loop sees to that), so
"same data, same steps, one difference" is literally true.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..engine import ACTIVATIONS, INITIALIZERS, OPTIMIZERS, ConfigError
from ..engine.spec import LR_RANGE, MAX_HIDDEN_LAYERS

SETTINGS = ("activation", "init", "optimizer", "lr", "depth")
SIGMOID_LIKE = ("sigmoid", "tanh", "linear")  # Xavier suits these; MSRA the ReLU family


def suited_init(activation):
    """The initializer a run of this activation gets when the init is not what is varied:
    Xavier for sigmoid and tanh, MSRA (He) for the ReLU family and maxout."""
    return "xavier" if activation in SIGMOID_LIKE else "msra"


def choices(setting):
    """The values the second run may take for a setting (as text, for a menu)."""
    if setting == "activation":
        return list(ACTIVATIONS)
    if setting == "init":
        return list(INITIALIZERS)
    if setting == "optimizer":
        return list(OPTIMIZERS)
    if setting == "lr":
        return ["0.0001", "0.001", "0.003", "0.01", "0.03", "0.1", "0.3", "1", "3"]
    if setting == "depth":
        return [str(d) for d in range(1, MAX_HIDDEN_LAYERS + 1)]
    raise ConfigError("unknown compare setting {setting!r}; allowed: {allowed}",
                      setting=setting, allowed=", ".join(SETTINGS))


@dataclass(frozen=True)
class Compare:
    setting: str = "activation"
    value: str = "relu"
    on: bool = False

    def __post_init__(self):
        if self.setting not in SETTINGS:
            raise ConfigError("unknown compare setting {setting!r}; allowed: {allowed}",
                              setting=self.setting, allowed=", ".join(SETTINGS))
        if self.setting == "lr":
            try:
                lr = float(self.value)
            except (TypeError, ValueError):
                lr = -1.0
            if not LR_RANGE[0] <= lr <= LR_RANGE[1]:
                raise ConfigError("compare learning rate must be a number from {low:g} to "
                                  "{high:g}, got {value!r}", low=LR_RANGE[0],
                                  high=LR_RANGE[1], value=self.value)
        elif self.value not in choices(self.setting):
            raise ConfigError("compare {setting} must be one of {allowed}, got {value!r}",
                              setting=self.setting, allowed=", ".join(choices(self.setting)),
                              value=self.value)
        if not isinstance(self.on, bool):
            raise ConfigError("compare on must be true or false")

    def to_dict(self):
        return {"setting": self.setting, "value": self.value, "on": self.on}

    @classmethod
    def from_dict(cls, d):
        if not isinstance(d, dict):
            raise ConfigError("compare must be an object")
        return cls(d.get("setting", "activation"), d.get("value", "relu"), d.get("on", False))


def twin_session(session):
    """The second run's session: the first's with the compared setting changed (None when
    compare is off)."""
    c = session.compare
    if not c.on:
        return None
    twin = replace(session, compare=Compare(c.setting, c.value, False), view=None)
    if c.setting == "activation":
        twin = replace(twin, hidden=tuple({"units": layer["units"], "activation": c.value}
                                          for layer in session.hidden),
                       init=suited_init(c.value))
    elif c.setting == "init":
        twin = replace(twin, init=c.value)
    elif c.setting == "optimizer":
        twin = twin.with_training(optimizer=c.value)
    elif c.setting == "lr":
        twin = twin.with_training(lr=float(c.value))
    elif c.setting == "depth":
        layer = dict(session.hidden[0]) if session.hidden else {"units": 4,
                                                                "activation": "tanh"}
        twin = replace(twin, hidden=tuple(dict(layer) for _ in range(int(c.value))))
    return twin


def run_label(session, setting):
    """What a run is called in compare mode: its value of the compared setting."""
    if setting == "activation":
        names = sorted({layer["activation"] for layer in session.hidden})
        return "/".join(names) or "one neuron"
    if setting == "init":
        return session.init
    if setting == "optimizer":
        return session.training.optimizer
    if setting == "lr":
        return f"γ {session.training.lr:g}"
    if setting == "depth":
        return f"{len(session.hidden)} layers"
    raise ConfigError("unknown compare setting {setting!r}", setting=setting)


def default_value(setting, session):
    """The second run's value when a setting is chosen: the lecture's pair where there is
    one (sigmoid vs ReLU), else something that differs from the first run."""
    if setting == "activation":
        mine = {layer["activation"] for layer in session.hidden}
        return "sigmoid" if mine == {"relu"} else "relu"
    if setting == "init":
        return "xavier" if session.init == "msra" else "msra"
    if setting == "optimizer":
        return "sgd" if session.training.optimizer == "adam" else "adam"
    if setting == "lr":
        lr = session.training.lr
        return next((v for v in choices("lr") if float(v) >= 10 * lr), choices("lr")[-1])
    return str(len(session.hidden) * 2) if 0 < len(session.hidden) <= 5 else "2"


def vanishing_ratio(norms, floor=1e-6):
    """‖∂L/∂W¹‖ / ‖∂L/∂W_last‖, or None when every layer's gradient is below `floor`
    (a collapsed run: the ratio of two vanished numbers tells nothing)."""
    if len(norms) < 2 or max(norms) < floor:
        return None
    return float(norms[0] / norms[-1]) if norms[-1] > 0 else float("inf")
