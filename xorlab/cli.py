"""The `xorlab` command: train, sweep, gradcheck, list; with no subcommand it opens the app.

Bad input exits with status 2 and one line on stderr saying what is wrong and what is allowed.
"""
# ruff: noqa: E402  (the BLAS thread count is set before NumPy is imported, below)

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time
from dataclasses import replace

# One BLAS thread, set before NumPy is loaded: xorlab's matrices are small, and in the
# window's process spare BLAS threads spin against the painting (measured with the thread
# engine: 15-21 instead of 25-30 frames/s). A user's own setting is kept.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

from .engine import (
    ACTIVATIONS,
    DATASETS,
    INITIALIZERS,
    LOSSES,
    OPTIMIZERS,
    ConfigError,
    DatasetError,
    ModelFileError,
    Network,
    SpecError,
    TrainConfig,
    Trainer,
)
from .engine.datasets import BLOBS_CLASSES, CHOSEN_CLASSES, DATASET_HELP, DEFAULT_BLOBS, IMAGES
from .engine.features import DEFAULT_FEATURES, FEATURES, FeatureError, check_features
from .engine.gradcheck import every_case
from .engine.network import normalize_spec
from .engine.schedule import LR_SCHEDULES
from .engine.spec import (
    CLASSES,
    DROPOUT_RANGE,
    INIT_STD_RANGE,
    LR_EVERY_RANGE,
    LR_FACTOR_RANGE,
    LR_RANGE,
    MAX_HIDDEN_LAYERS,
    MAX_POINTS,
    MAX_STEPS,
    MAX_UNITS,
    MIN_POINTS,
    MOMENTUM_RANGE,
    NOISE_RANGE,
    PARAMS,
    PENALTY_RANGE,
    SEED_MAX,
    STOP_ACCURACY_RANGE,
    STOP_MIN_DELTA_RANGE,
    STOP_PLATEAU_RANGE,
    STOP_STEPS_RANGE,
    TEST_FRACTION_RANGE,
    is_finite_number,
)
from .engine.sweep import SWEEP_DATASETS, SweepConfig
from .engine.training import DIVERGED_LOSS
from .lab.runfile import read_run, run_of_trainer, write_run
from .lab.session import Session, SessionError, check_data, csv_data


class UsageError(Exception):
    """Bad input from the command line: reported on one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(f"{self.prog}: {message}")


def _shown(text, limit=40):
    """A value as a message repeats it: a 400-digit number is cut, so the line stays one."""
    return text if len(text) <= limit else f"{text[:limit - 3]}..."


def _number(kind, lowest, allow_equal):
    """An argparse type: a finite int or float above (or from) `lowest`. (A whole number too
    large for a float, 400 digits, is not finite: math.isfinite would raise.)"""
    noun = "whole number" if kind is int else "number"
    rule = f"a finite {noun} {'>=' if allow_equal else '>'} {lowest}"

    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{_shown(text)!r} is not a {noun}") from None
        if (not is_finite_number(value) or value < lowest
                or (value == lowest and not allow_equal)):
            raise argparse.ArgumentTypeError(f"must be {rule}, got {_shown(text)}")
        return value

    return parse


_positive_int = _number(int, 1, allow_equal=True)
_positive_float = _number(float, 0.0, allow_equal=False)


def _in_range(kind, low, high, what):
    """An argparse type: a finite int or float from `low` to `high`."""
    noun = "whole number" if kind is int else "number"

    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{_shown(text)!r} is not a {noun}") from None
        if not is_finite_number(value) or not low <= value <= high:
            shown = (f"{low} to {high}" if kind is int else f"{low:g} to {high:g}")
            raise argparse.ArgumentTypeError(f"{what} must be a {noun} from {shown}, got "
                                             f"{_shown(text)}")
        return value

    return parse


def _file_name(text):
    """An argparse type: a file name that is not empty or only spaces."""
    if not text.strip():
        raise argparse.ArgumentTypeError(f"needs a file name, got {text!r}")
    return text


def _hidden(text):
    """'4,4' -> [4, 4]; '' or '0' -> [] (no hidden layer: a single neuron)."""
    if text.strip() in ("", "0", "none"):
        return []
    try:
        sizes = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{_shown(text)!r} is not a comma-separated list of layer sizes like 4,4") from None
    if any(not 1 <= s <= MAX_UNITS for s in sizes):
        raise argparse.ArgumentTypeError(f"layer sizes must be from 1 to {MAX_UNITS}, "
                                         f"got {_shown(text)}")
    if len(sizes) > MAX_HIDDEN_LAYERS:
        raise argparse.ArgumentTypeError(f"at most {MAX_HIDDEN_LAYERS} hidden layers, "
                                         f"got {len(sizes)} ({_shown(text)})")
    return sizes


def _features(text):
    """'x1,x2,x1x2' -> ("x1", "x2", "x1x2"): distinct names from engine.features."""
    try:
        return check_features([n.strip() for n in text.split(",") if n.strip()], "")
    except FeatureError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _dropout(text):
    """'0.2,0.1' -> (0.2, 0.1): a rate per hidden layer, or one for all of them."""
    low, high = DROPOUT_RANGE
    try:
        rates = tuple(float(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{_shown(text)!r} is not a comma-separated list of rates like 0.2,0.2") from None
    if not all(is_finite_number(p) and low <= p <= high for p in rates):
        raise argparse.ArgumentTypeError(f"dropout rates must be from {low:g} to {high:g}, "
                                         f"got {_shown(text)}")
    return rates


def _lr_decay(text):
    """'step:0.5:1000' -> {"lr_schedule": "step", "lr_factor": 0.5, "lr_every": 1000};
    KIND alone keeps the factor 0.5 and 1000 steps; 'none' turns the schedule off."""
    parts = text.split(":")
    kind = parts[0].strip()
    if kind not in LR_SCHEDULES or len(parts) > 3 or (kind == "none" and len(parts) > 1):
        raise argparse.ArgumentTypeError(
            f"{_shown(text)!r} is not KIND[:FACTOR[:EVERY]] with KIND one of "
            f"{', '.join(LR_SCHEDULES)}, e.g. step:0.5:1000 (γ halves every 1000 steps)")
    out = {"lr_schedule": kind}
    if len(parts) > 1:
        out["lr_factor"] = _in_range(float, *LR_FACTOR_RANGE, "the decay factor")(parts[1])
    if len(parts) > 2:
        out["lr_every"] = _in_range(int, *LR_EVERY_RANGE, "the decay's steps")(parts[2])
    return out


STOP_AT_KEYS = {  # --stop-at KEY=VALUE -> (TrainConfig field, kind, allowed range)
    "accuracy": ("stop_accuracy", float, STOP_ACCURACY_RANGE),
    "plateau": ("stop_plateau", int, STOP_PLATEAU_RANGE),
    "min_delta": ("stop_min_delta", float, STOP_MIN_DELTA_RANGE),
    "steps": ("stop_steps", int, STOP_STEPS_RANGE),
}


def _stop_at(text):
    """'accuracy=0.95,plateau=500,steps=20000' -> the TrainConfig stop fields; 'none'
    turns every stop off."""
    off = {field: None for field, _, _ in STOP_AT_KEYS.values() if field != "stop_min_delta"}
    if text.strip() == "none":
        return off
    out = {}
    for part in text.split(","):
        key, sep, value = part.partition("=")
        key = key.strip()
        if not sep or key not in STOP_AT_KEYS:
            raise argparse.ArgumentTypeError(
                f"{_shown(part)!r} is not KEY=VALUE with KEY one of "
                f"{', '.join(STOP_AT_KEYS)}, e.g. accuracy=0.95,plateau=500,steps=20000")
        field, kind, bounds = STOP_AT_KEYS[key]
        if field in out:
            raise argparse.ArgumentTypeError(f"{key} is given twice")
        out[field] = _in_range(kind, *bounds, key)(value.strip())
    if set(out) == {"stop_min_delta"}:
        raise argparse.ArgumentTypeError("min_delta applies to plateau=STEPS: give that too")
    return {**off, **out}


def build_parser():
    p = Parser(prog="xorlab", description="See how neural networks learn: XOR, "
               "backpropagation, sigmoid vs ReLU. With no subcommand, opens the app.")
    p.add_argument("--version", action="version", version=_version())
    sub = p.add_subparsers(dest="command",
                           metavar="{train,sweep,gradcheck,list,lessons,app}")

    t = sub.add_parser("train", help="train a network in the terminal")
    # dataset, n and noise default to None: given with --csv they are a mistake (cmd_train)
    t.add_argument("--dataset", choices=[d for d in DATASETS if d != "csv"],
                   help="dataset (default xor)")
    t.add_argument("--csv", metavar="FILE", type=_file_name,
                   help="train on points from a CSV file x1,x2,label (labels 0 ... K-1)")
    t.add_argument("--classes", type=_in_range(int, *CLASSES, "classes"),
                   help=f"number of classes K, {CLASSES[0]} to {CLASSES[1]}: of --dataset "
                        f"blobs ({BLOBS_CLASSES[0]} to {BLOBS_CLASSES[1]}, default "
                        f"{DEFAULT_BLOBS}) or of a --csv file (default: its largest label + 1)")
    t.add_argument("--n", type=_in_range(int, MIN_POINTS, MAX_POINTS, "number of points"),
                   help=f"number of points, {MIN_POINTS} to {MAX_POINTS} (default 200)")
    t.add_argument("--noise", type=_in_range(float, *NOISE_RANGE, "noise"),
                   help=f"noise std, {NOISE_RANGE[0]:g} to {NOISE_RANGE[1]:g} (default 0)")
    t.add_argument("--test-fraction",
                   type=_in_range(float, *TEST_FRACTION_RANGE, "test fraction"),
                   help=f"share of points held out for testing, {TEST_FRACTION_RANGE[0]:g} to "
                        f"{TEST_FRACTION_RANGE[1]:g} (default 0.2)")
    t.add_argument("--features", type=_features,
                   help=f"input features, comma-separated from {','.join(FEATURES)} "
                        f"(default {','.join(DEFAULT_FEATURES)})")
    t.add_argument("--hidden", type=_hidden,
                   help="hidden layer sizes, e.g. 4,4; 0 for none (default 4)")
    t.add_argument("--activation", choices=list(ACTIVATIONS),
                   help="activation of every hidden layer (default tanh)")
    for name, kind, help_text in (("slope", float, "leaky_relu / vlrelu slope"),
                                  ("alpha", float, "elu alpha (default 1.0)"),
                                  ("k", int, "maxout pieces per unit (default 2)")):
        param = PARAMS[name]
        t.add_argument(f"--{name}", type=_in_range(kind, param.low, param.high, name),
                       help=f"{help_text}, {param.low:g} to {param.high:g}")
    t.add_argument("--init", choices=list(INITIALIZERS), help="weight initializer (default "
                   "xavier)")
    t.add_argument("--init-std", type=_in_range(float, *INIT_STD_RANGE, "init std"),
                   help=f"std of the normal init, {INIT_STD_RANGE[0]:g} to "
                        f"{INIT_STD_RANGE[1]:g} (default 0.1)")
    t.add_argument("--loss", choices=list(LOSSES), help="loss (default bce)")
    t.add_argument("--optimizer", choices=list(OPTIMIZERS), help="optimizer (default sgd)")
    t.add_argument("--lr", type=_in_range(float, *LR_RANGE, "learning rate"),
                   help=f"learning rate, {LR_RANGE[0]:g} to {LR_RANGE[1]:g} (default 0.5; "
                        "with --optimizer adam 0.01)")
    t.add_argument("--momentum", type=_in_range(float, *MOMENTUM_RANGE, "momentum"),
                   help=f"momentum optimizer's mu, {MOMENTUM_RANGE[0]:g} to "
                        f"{MOMENTUM_RANGE[1]:g} (default 0.9)")
    t.add_argument("--batch-size", type=_positive_int, help="minibatch size (default: all)")
    t.add_argument("--steps", type=_in_range(int, 1, MAX_STEPS, "steps"), default=5000,
                   help=f"training steps, 1 to {MAX_STEPS:,} (default 5000; with --load, "
                        "steps more)")
    t.add_argument("--seed", type=_in_range(int, 0, SEED_MAX, "seed"),
                   help=f"seed of the weights, the data and the batch order, 0 to {SEED_MAX} "
                        "(default 0)")
    for name in ("l1", "l2"):
        t.add_argument(f"--{name}", type=_in_range(float, *PENALTY_RANGE, f"{name} strength"),
                       help=f"{name.upper()} strength, {PENALTY_RANGE[0]:g} to "
                            f"{PENALTY_RANGE[1]:g} (default 0)")
    t.add_argument("--dropout", type=_dropout,
                   help=f"dropout rate of each hidden layer while training, e.g. 0.2,0.2 "
                        f"(one rate: every layer), {DROPOUT_RANGE[0]:g} to "
                        f"{DROPOUT_RANGE[1]:g} (default 0: none)")
    t.add_argument("--lr-decay", type=_lr_decay, metavar="KIND[:FACTOR[:EVERY]]",
                   help="learning-rate schedule: step (γ × FACTOR every EVERY steps), exp "
                        "(the same, smoothly: γ·FACTOR^(t/EVERY)) or none; FACTOR "
                        f"{LR_FACTOR_RANGE[0]:g} to {LR_FACTOR_RANGE[1]:g} (default 0.5), EVERY "
                        "steps (default 1000), e.g. step:0.5:1000")
    t.add_argument("--stop-at", type=_stop_at, metavar="KEY=VALUE,...",
                   help="stop early: accuracy=A (test accuracy, or training accuracy without "
                        "test points, reaches A), plateau=N (the training loss has not fallen "
                        "by min_delta, default 1e-4, for N steps), steps=N (the run's step "
                        "counter reaches N, with --load too); e.g. "
                        "accuracy=0.95,plateau=500,steps=20000; none: no stop")
    t.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    t.add_argument("--save", metavar="FILE", type=_file_name,
                   help="save the run (.xorlab: session, weights, step, history; it opens "
                        "in the app); Ctrl-C saves what was trained")
    t.add_argument("--load", metavar="FILE", type=_file_name,
                   help="continue a saved run (of the app or of --save): its network, "
                        "weights, data, settings, step and history; data and training flags "
                        "given change those, network flags are refused")
    t.add_argument("--quiet", action="store_true", help="no progress line")

    g = sub.add_parser("gradcheck", help="compare backprop gradients with finite differences")
    g.add_argument("--tolerance", type=_positive_float, default=1e-6)

    sub.add_parser("list", help="datasets, activations, initializers, optimizers")
    sub.add_parser("lessons", help="the lessons, in the lecture's order")

    w = sub.add_parser("sweep", help="the lecture's last slide: initializer × activation "
                                     "on a deep net, test accuracy per cell")
    defaults, digits = SweepConfig(), SweepConfig.preset("digits")

    def default(name):  # the 2-D default, and the digits' where it differs
        a, b = getattr(defaults, name), getattr(digits, name)
        return f"default {a:g}" + (f"; {b:g} on digits" if a != b else "")

    w.add_argument("--inits", type=_names(INITIALIZERS), default=defaults.inits,
                   help=f"comma-separated (default {','.join(defaults.inits)})")
    w.add_argument("--activations", type=_names(ACTIVATIONS), default=defaults.activations,
                   help=f"comma-separated (default {','.join(defaults.activations)})")
    w.add_argument("--depth", type=_in_range(int, 1, MAX_HIDDEN_LAYERS, "depth"),
                   help=f"hidden layers ({default('depth')})")
    w.add_argument("--width", type=_in_range(int, 1, MAX_UNITS, "width"),
                   help=f"units a layer ({default('width')})")
    w.add_argument("--dataset", default=defaults.dataset, choices=SWEEP_DATASETS,
                   help=f"default {defaults.dataset}; digits: the 8×8 handwritten digits, "
                        f"10 classes, with their own defaults")
    w.add_argument("--n", type=_in_range(int, MIN_POINTS, MAX_POINTS, "number of points"),
                   help=f"points, {MIN_POINTS} to {MAX_POINTS} (default {defaults.n}; not "
                        f"for digits)")
    w.add_argument("--seeds", type=_in_range(int, 1, 20, "seeds"),
                   help=default("seeds"))
    w.add_argument("--steps", type=_in_range(int, 1, 100_000, "steps"),
                   help=default("steps"))
    w.add_argument("--lr", type=_in_range(float, *LR_RANGE, "learning rate"),
                   help=default("lr"))
    w.add_argument("--weight-decay", type=_in_range(float, *PENALTY_RANGE, "weight decay"),
                   help=f"λ of the L2 penalty ({default('weight_decay')})")
    w.add_argument("--optimizer", choices=["sgd", "momentum"], default=defaults.optimizer)
    w.add_argument("--batch-size", type=_positive_int, help=default("batch_size"))
    w.add_argument("--workers", type=_in_range(int, 1, 8, "workers"), default=2,
                   help="processes (default 2: both cores)")
    form = w.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="one JSON object")
    form.add_argument("--csv", action="store_true", help="the table as CSV")
    form.add_argument("--markdown", action="store_true", help="the table as Markdown")
    a = sub.add_parser("app", help="open the desktop app (the default)")
    a.add_argument("model", nargs="?", help="a .xorlab model file to open")
    a.add_argument("--self-test", type=_in_range(float, 0.1, 3600, "--self-test"),
                   metavar="SECONDS",
                   help="train the default network in the window for SECONDS (0.1 to 3600), "
                        "close it and report (a packaged build's smoke test)")
    a.add_argument("--lesson", metavar="ID|FILE", help="open the lessons at this one (xorlab "
                   "lessons lists them), or a lesson file (.json) made with File → Save as "
                   "lesson")
    a.add_argument("--lang", choices=["ko", "en"],
                   help="the window's language: ko (한국어) or en (default: the one chosen "
                        "in View → Language, else the system's)")
    a.add_argument("--engine", choices=["process", "thread"], default="process",
                   help="where training runs: its own process (the default; the window "
                        "falls back to a thread when a process cannot start) or a thread")
    return p


def _names(registry):
    """An argparse type: comma-separated names from a registry."""
    def parse(text):
        names = tuple(n.strip() for n in text.split(",") if n.strip())
        bad = [n for n in names if n not in registry]
        if bad or not names:
            raise argparse.ArgumentTypeError(
                f"unknown {', '.join(bad) or 'empty list'}; allowed: {', '.join(registry)}")
        return names
    return parse


def cmd_sweep(args, out=None, err=None):
    from .lab.sweep_runner import run_sweep
    out, err = out or sys.stdout, err or sys.stderr
    given = {name: getattr(args, name) for name in (
        "inits", "activations", "depth", "width", "n", "seeds", "steps", "lr", "optimizer",
        "batch_size", "weight_decay") if getattr(args, name) is not None}
    config = SweepConfig.preset(args.dataset, **given).validated()

    def progress(done, total, cells):
        print(f"\rsweep: {done}/{total} stacks done, {len(cells)} cells", end="", file=err,
              flush=True)

    result = run_sweep(config, progress=progress, workers=args.workers)
    print(file=err)
    if not result.complete:
        print(f"xorlab sweep: stopped before the end ({result.error or 'cancelled'}); the "
              "table holds the finished cells only", file=err)
    if args.json:
        print(json.dumps(result.to_dict()), file=out)
    elif args.csv:
        print(result.csv(), end="", file=out)
    else:
        print(result.markdown(), end="", file=out)
        if not args.markdown:
            print(f"{result.seconds:.1f} s", file=out)
    return 0 if result.complete else 1


def _version():
    from . import __version__
    return f"xorlab {__version__}"


# what `xorlab train` uses for a flag not given; with --load, the file's value instead
TRAIN_DEFAULTS = {"dataset": "xor", "n": 200, "noise": 0.0, "test_fraction": 0.2,
                  "features": DEFAULT_FEATURES, "hidden": [4], "activation": "tanh",
                  "init": "xavier", "seed": 0, "loss": "bce", "optimizer": "sgd", "lr": 0.5,
                  "l1": 0.0, "l2": 0.0}
# Adam's default learning rate: each of its steps moves a weight by about lr whatever the
# gradient's size, so SGD's 0.5 would throw the weights about (a 64-32-32-10 relu net on the
# digits died at 0.5; from 0.001 to 0.03 it reached 96-97 % test accuracy)
ADAM_LR = 0.01
# flags that make the network: with --load its network and weights come from the file
NETWORK_FLAGS = ("features", "hidden", "activation", "slope", "alpha", "k", "init",
                 "init_std", "seed")
TRAINING_FLAGS = ("loss", "optimizer", "lr", "momentum", "batch_size", "l1", "l2")


def check_train_args(args):
    """A flag that training would ignore is a mistake the user should hear about, not a
    silent no-op. Flags not given stay None here: with --load the file's run supplies them."""
    prog = "xorlab train"
    if args.csv is not None:
        for flag, value in (("--dataset", args.dataset), ("--n", args.n),
                            ("--noise", args.noise)):
            if value is not None:
                raise UsageError(f"{prog}: {flag} cannot be used with --csv (the points come "
                                 "from the file)")
    if args.classes is not None and args.csv is None and args.dataset not in CHOSEN_CLASSES:
        raise UsageError(f"{prog}: --classes applies to --dataset blobs and to --csv; "
                         + (f"{args.dataset} has classes of its own" if args.dataset
                            else "choose one of them"))
    if args.dataset == "blobs" and args.classes is not None and args.classes < BLOBS_CLASSES[0]:
        raise UsageError(f"{prog}: --dataset blobs needs --classes from {BLOBS_CLASSES[0]} to "
                         f"{BLOBS_CLASSES[1]}, got {args.classes} (two blobs: --dataset "
                         "gaussian)")
    if args.dataset in IMAGES:
        for flag in ("n", "noise", "test_fraction", "features"):
            if getattr(args, flag) is not None:
                raise UsageError(f"{prog}: --{flag.replace('_', '-')} cannot be used with "
                                 f"--dataset {args.dataset} (its images and their test split "
                                 "are fixed; the pixels are the inputs)")
    if args.load is not None:
        for name in NETWORK_FLAGS:
            if getattr(args, name) is not None:
                raise UsageError(f"{prog}: --{name.replace('_', '-')} cannot be used with "
                                 "--load (the network and its weights come from the file)")
    else:
        activation = args.activation or TRAIN_DEFAULTS["activation"]
        for name in ("slope", "alpha", "k"):
            takes = [a for a in ACTIVATIONS if name in ACTIVATIONS[a].params]
            if getattr(args, name) is not None and activation not in takes:
                raise UsageError(f"{prog}: --{name} applies to --activation "
                                 f"{' or '.join(takes)}, not {activation}")
        init = args.init or TRAIN_DEFAULTS["init"]
        if args.init_std is not None and "std" not in INITIALIZERS[init].params:
            raise UsageError(f"{prog}: --init-std applies to --init normal, not {init}")
        optimizer = args.optimizer or TRAIN_DEFAULTS["optimizer"]
        if args.momentum is not None and optimizer != "momentum":
            raise UsageError(f"{prog}: --momentum applies to --optimizer momentum, "
                             f"not {optimizer}")
    if args.save is not None:
        check_save_path(args.save, prog)


def check_save_path(path, prog):
    """Before training, not after: refuse a --save path the model cannot be written to."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    problem = None
    if os.path.isdir(target):
        problem = "it is a folder; give a file name"
    elif os.path.exists(target) and not os.path.isfile(target):
        problem = "not a regular file"
    elif not os.path.isdir(folder):
        problem = f"no folder {folder}"
    else:
        try:  # the save writes a temporary file beside the target, then renames it
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as e:
            problem = e.strerror or str(e)
    if problem:
        raise UsageError(f"{prog}: cannot save {path}: {problem}")


def _given(args, name):
    """A flag's value, or its default when it was not given."""
    value = getattr(args, name)
    if value is None and name == "lr" and _given(args, "optimizer") == "adam":
        return ADAM_LR
    return TRAIN_DEFAULTS.get(name) if value is None else value


def new_session(args):
    """The Session of a new run, as the app's editor would make it from the same choices:
    one rule for which activation takes which parameter (the registry's)."""
    seed = _given(args, "seed")
    activation = _given(args, "activation")
    options = {name: getattr(args, name) for name in ACTIVATIONS[activation].params
               if getattr(args, name) is not None}
    hidden = tuple({"units": u, "activation": activation, **options}
                   for u in _given(args, "hidden"))
    training = TrainConfig(**{name: _given(args, name) for name in TRAINING_FLAGS
                              if _given(args, name) is not None}, eval_every=0,
                           **schedule_changes(args, len(hidden))).validated()
    session = Session(data=_data(args, None, seed), hidden=hidden, init=_given(args, "init"),
                      training=training, seed=seed, init_std=args.init_std,
                      features=tuple(_given(args, "features")))
    normalize_spec(session.network_spec())  # SpecError: said and exit 2
    return session


def loaded_session(args, session):
    """A loaded run's Session with the data and training flags that were given."""
    changes = {name: getattr(args, name) for name in TRAINING_FLAGS
               if getattr(args, name) is not None}
    optimizer = changes.get("optimizer", session.training.optimizer)
    if args.momentum is not None and optimizer != "momentum":
        raise UsageError(f"xorlab train: --momentum applies to --optimizer momentum, and the "
                         f"run of {args.load} uses {optimizer}")
    data = _data(args, session.data, session.data.get("seed", session.seed))
    changes.update(schedule_changes(args, len(session.hidden), args.load))
    new = replace(session.with_training(**changes), data=data, view=None,
                  compare=replace(session.compare, on=False))
    if (new.classes, new.image) != (session.classes, session.image):
        raise UsageError(f"xorlab train: the network of {args.load} has "
                         f"{_inputs_text(session)} and {session.classes} classes; the data "
                         f"given have {_inputs_text(new)} and {new.classes}")
    return new


def _inputs_text(session):
    image = session.image
    return "2-D points as inputs" if image is None else \
        f"{image[0]}x{image[1]} images as inputs"


def schedule_changes(args, hidden, loaded=None):
    """The TrainConfig fields of --dropout, --lr-decay and --stop-at (only those given)."""
    changes = {**(args.lr_decay or {}), **(args.stop_at or {})}
    if args.dropout is not None:
        rates = args.dropout * hidden if len(args.dropout) == 1 else args.dropout
        if len(rates) != hidden:
            network = f"the run of {loaded} has" if loaded else "--hidden gives"
            raise UsageError(f"xorlab train: --dropout gives {len(rates)} rates but {network} "
                             f"{hidden} hidden layer(s): give one rate a layer, or one for all")
        changes["dropout"] = tuple(rates)
    return changes


def _data(args, data, seed):
    """The data part: the flags' (a CSV file or a generated dataset), or a loaded run's
    `data` with --n, --noise and --test-fraction applied."""
    prog = "xorlab train"
    if args.csv is not None:
        return csv_data(args.csv, _given(args, "test_fraction"), seed, args.classes)
    if data is None or args.dataset is not None:
        classes = {} if args.classes is None else {"classes": args.classes}
        return check_data({"name": _given(args, "dataset"), "n": _given(args, "n"),
                           "noise": _given(args, "noise"),
                           "test_fraction": _given(args, "test_fraction"), "seed": seed,
                           **classes})
    changes = {k: getattr(args, k) for k in ("n", "noise", "test_fraction")
               if getattr(args, k) is not None}
    if data["name"] == "points" and ({"n", "noise"} & set(changes)):
        raise UsageError(f"{prog}: --n and --noise apply to a generated dataset; the run of "
                         f"{args.load} trains on given points (drawn or from a CSV file)")
    if data["name"] in IMAGES and changes:
        raise UsageError(f"{prog}: --n, --noise and --test-fraction do not apply to the run "
                         f"of {args.load}: it trains on {data['name']}, whose images and "
                         "test split are fixed")
    return check_data({**data, **changes})


class Interrupt:
    """Ctrl-C while training: the step under way ends, then training stops, so that what
    was trained can be saved; a second Ctrl-C stops at once. (Only the main thread can take
    signals: elsewhere this does nothing.)"""

    def __init__(self):
        self.pressed = False
        self._old = None

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            self._old = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, signum, frame):
        if self.pressed:
            raise KeyboardInterrupt
        self.pressed = True

    def __exit__(self, *exc):
        if self._old is not None:
            signal.signal(signal.SIGINT, self._old)


DIVERGED_BECAUSE = {"nan": "NaN (not a number) in the loss or a gradient",
                    "inf": "an infinite loss or gradient",
                    "large": "a loss above {limit:g}"}


def cmd_train(args, out=None, err=None):
    out, err = out or sys.stdout, err or sys.stderr
    check_train_args(args)
    if args.load is not None:
        fallback = Session(data=check_data({"name": "xor", "seed": 0}))
        session, net, run = read_run(args.load, fallback)
        session = loaded_session(args, session)
        data = session.dataset()
    else:
        session, run = new_session(args), None
        data = session.dataset()
        net = Network.from_spec(session.network_spec(), data=data.X_train)
    trainer = Trainer(net, data, session.train_config())
    if run is not None:
        trainer.resume(run.step, run.epoch, (run.steps, run.values),
                       (run.eval_steps, run.eval_values))
    first, target = trainer.step, trainer.step + args.steps
    progress = not args.quiet
    t0 = time.perf_counter()
    last_print = 0.0
    chunk = 10  # steps between looks at the clock and at Ctrl-C: about 0.1 s of training
    with Interrupt() as interrupt:
        while trainer.step < target and not trainer.diverged and not interrupt.pressed \
                and not trainer.stopped_because:
            began = time.perf_counter()
            done = trainer.run(min(chunk, target - trainer.step))
            now = time.perf_counter()
            chunk = max(1, min(500, int(done * 0.1 / max(now - began, 1e-6))))
            if progress and (now - last_print > 0.2 or trainer.step >= target):
                last_print = now
                print(f"\rstep {trainer.step:>7}/{target}  loss {trainer.last_loss:<10.5g}  "
                      f"{(trainer.step - first) / max(now - t0, 1e-9):,.0f} steps/s", end="",
                      file=err, flush=True)
    elapsed = max(time.perf_counter() - t0, 1e-9)
    if progress:
        print(file=err)
    if interrupt.pressed:
        print(f"interrupted at step {trainer.step}", file=err)
    if trainer.stopped_because:
        print(f"stopped at step {trainer.stopped_at}: {stop_reason(trainer)}", file=err)
    summary = trainer.summary()
    summary["steps_per_second"] = (trainer.step - first) / elapsed
    summary["classes"] = net.classes
    if trainer.diverged:
        because = DIVERGED_BECAUSE[trainer.diverged_because].format(limit=DIVERGED_LOSS)
        print(f"training diverged at step {trainer.diverged_at} ({because}); try a smaller "
              "--lr", file=err)
    print(f"train loss {summary['train_loss']:.5g}  accuracy {summary['train_accuracy']:.1%}",
          file=out)
    if summary["test_loss"] is not None:
        print(f"test  loss {summary['test_loss']:.5g}  accuracy {summary['test_accuracy']:.1%}",
              file=out)
    if args.save is not None:
        problem = write_run(args.save, run_of_trainer(trainer, session))
        if problem is not None:
            raise UsageError(f"xorlab train: cannot save {args.save}: "
                             f"{problem.params['detail']}")
        print(f"saved {args.save}", file=out)
    if args.json:
        print(json.dumps(summary), file=out)
    return 130 if interrupt.pressed else 0


def stop_reason(trainer):
    """Why training stopped early, in a few words (the JSON's "stopped_because" names it)."""
    config, m = trainer.config, trainer.last_metrics
    if trainer.stopped_because == "accuracy":
        on_test = m.test_accuracy is not None and not trainer.data.test_is_train
        accuracy = m.test_accuracy if on_test else m.train_accuracy
        return (f"{'test' if on_test else 'training'} accuracy {accuracy:.1%} reached "
                f"{config.stop_accuracy:.1%}")
    if trainer.stopped_because == "plateau":
        return (f"the training loss has not fallen by {config.stop_min_delta:g} for "
                f"{config.stop_plateau} steps")
    return f"the step budget of {config.stop_steps} steps is used up"


def gradcheck(tolerance=1e-6, out=None):
    """Print engine.gradcheck.every_case: backprop against central differences for every
    activation × loss × depth and for all input features; returns the worst error."""
    out = out or sys.stdout
    worst = 0.0
    for case, loss, depth, err in every_case():
        worst = max(worst, err)
        print(f"{case:<11} {loss:<4} {depth}  max relative error {err:.2e}  "
              f"{'ok' if err < tolerance else 'FAIL'}", file=out)
    return worst


def cmd_list(out=None):
    out = out or sys.stdout
    print("datasets:", file=out)
    for name in DATASETS:
        print(f"  {name:<14} {DATASET_HELP[name]}", file=out)
    print("  parameters: --n points, --noise 0..1, --test-fraction 0..0.9, --seed; "
          f"--classes {CLASSES[0]}..{CLASSES[1]} (blobs, csv)", file=out)
    print("features (--features, comma-separated; default x1,x2):", file=out)
    for f in FEATURES.values():
        print(f"  {f.name:<14} {f.label}", file=out)
    print("activations:", file=out)
    for a in ACTIVATIONS.values():
        params = ", ".join(f"{k}={v:.4g}" for k, v in a.params.items())
        print(f"  {a.name:<14} {a.formula_text()}" + (f"   [{params}]" if params else ""),
              file=out)
    print("initializers:", file=out)
    for i in INITIALIZERS.values():
        params = ", ".join(f"{k}={v:g}" for k, v in i.params.items())
        print(f"  {i.name:<14} {i.summary}" + (f"   [{params}]" if params else ""), file=out)
    print("optimizers:", file=out)
    for name, text in (("sgd", "w+ = w - lr * dL/dw   [--lr]"),
                       ("momentum", "v+ = mu*v - lr*g, w+ = w + v+   [--lr, --momentum 0.9]"),
                       ("adam", "Kingma & Ba 2015, beta1=0.9 beta2=0.999   [--lr]")):
        print(f"  {name:<14} {text}", file=out)
    print("losses: bce (cross-entropy), mse;  regularization: --l1, --l2", file=out)
    return 0


def cmd_lessons(out=None):
    from .lab.lessons import lessons_folder, load_lessons
    out = out or sys.stdout
    lessons, problems = load_lessons(lessons_folder())
    for lesson in lessons:
        print(f"{lesson.id:<22} {lesson.title_in('en')}  /  {lesson.title_in('ko')}", file=out)
    for problem in problems:
        print(f"xorlab: {problem}", file=sys.stderr)
    return 1 if problems else 0


def open_app(model=None, self_test=None, engine="process", language=None, lesson=None):
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        raise UsageError("xorlab: no display to open the window on (DISPLAY and WAYLAND_DISPLAY "
                         "are unset); use `xorlab train ...` in a terminal, or set "
                         "QT_QPA_PLATFORM=offscreen")
    try:
        from .app import main as app_main
        from .app import self_test as app_self_test
    except ImportError as e:
        raise UsageError(f"the desktop app cannot start: {e}") from None
    if lesson is not None and lesson.endswith(".json"):  # a lesson file of its own
        from .lab.lessons import LessonError, read_lesson
        try:
            read_lesson(lesson)
        except LessonError as e:
            raise UsageError(f"xorlab app: --lesson: {e}") from None
    elif lesson is not None:
        from .lab.lessons import lessons_folder, load_lessons
        ids = [x.id for x in load_lessons(lessons_folder())[0]]
        if lesson not in ids:
            raise UsageError(f"xorlab app: unknown lesson {lesson!r}; allowed: {', '.join(ids)} "
                             "or a lesson file (.json)")
    if self_test is not None:
        if model:
            raise UsageError("xorlab app: --self-test opens no model file")
        return app_self_test(self_test, engine)
    return app_main(model, engine, language, lesson)


def main(argv=None):
    # a packaged (frozen) xorlab starts its engine process by running itself again; this
    # turns that run into the engine process (a no-op when not frozen)
    multiprocessing.freeze_support()
    for stream in (sys.stdout, sys.stderr):
        # a console whose code page has no Hangul (cp1252 on a Western Windows): print the
        # lesson titles as ?, not a UnicodeEncodeError traceback
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        if args.command == "train":
            return cmd_train(args)
        if args.command == "gradcheck":
            worst = gradcheck(args.tolerance)
            print(f"worst relative error {worst:.2e} (tolerance {args.tolerance:g})")
            return 0 if worst < args.tolerance else 1
        if args.command == "list":
            return cmd_list()
        if args.command == "sweep":
            return cmd_sweep(args)
        if args.command == "lessons":
            return cmd_lessons()
        return open_app(getattr(args, "model", None), getattr(args, "self_test", None),
                        getattr(args, "engine", "process"), getattr(args, "lang", None),
                        getattr(args, "lesson", None))
    except UsageError as e:
        print(str(e), file=sys.stderr)
        return 2
    except (DatasetError, SpecError, ConfigError, ModelFileError, SessionError) as e:
        print(f"xorlab: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `xorlab list | head`: the reader left, nothing is wrong
        sys.stdout = open(os.devnull, "w")
        return 0


if __name__ == "__main__":
    sys.exit(main())
