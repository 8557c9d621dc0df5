"""A standing battery of bad command-line input (issue 12).

The README promises: bad input from the command line gets one line on stderr saying what is
wrong and what is allowed, exit status 2, never a traceback, never a hang, never a file
written half-way, never NaN printed as a result. Every case below is one bad input; each is
run through `xorlab.cli.main` in this process (a few through a subprocess with a timeout,
where a hang is the thing to rule out) and must

  - exit with status 2 (or the documented status, given per case),
  - print a short message (one line) on stderr naming the offending flag or value, with no
    traceback, and nothing on stdout,
  - leave nothing at the --save path (train cases save to a fresh folder that must stay
    empty).

The CLI is English-only, so a case checks that the message contains the flag's name or the
bad value, never a whole sentence.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from xorlab.cli import main
from xorlab.engine import Network, TrainConfig, save_model
from xorlab.engine.network import network_spec

# ---- the files the cases point at ----------------------------------------------------------

GOOD_CSV = "x1,x2,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n"


def _good_model_doc(folder):
    net = Network.from_spec(network_spec([{"units": 2, "activation": "tanh"}], "xavier", 0))
    path = folder / "good.xorlab"
    save_model(path, net, TrainConfig())
    return json.loads(path.read_text())


def _mutations():
    """name -> a function of the good model document that breaks one field (in place)."""
    def setter(*keys, value):
        def apply(doc):
            target = doc
            for k in keys[:-1]:
                target = target[k]
            target[keys[-1]] = value
        return apply

    def drop(key):
        return lambda doc: doc.pop(key)

    return {
        "no_format": drop("format"),
        "other_format": setter("format", value="xorlab-lesson"),
        "version_3": setter("version", value=3),
        "version_string": setter("version", value="2"),
        "spec_null": setter("spec", value=None),
        "spec_list": setter("spec", value=[1, 2]),
        "units_65": setter("spec", "layers", 0, "units", value=65),
        "units_0": setter("spec", "layers", 0, "units", value=0),
        "units_float": setter("spec", "layers", 0, "units", value=2.5),
        "units_string": setter("spec", "layers", 0, "units", value="2"),
        "activation_gelu": setter("spec", "layers", 0, "activation", value="gelu"),
        "layers_11": lambda doc: doc["spec"].__setitem__(
            "layers", [{"units": 2, "activation": "tanh"}] * 11 + doc["spec"]["layers"][-1:]),
        "init_magic": setter("spec", "init", value="magic"),
        "feature_x3": setter("spec", "features", value=["x1", "x3"]),
        "features_twice": setter("spec", "features", value=["x1", "x1"]),
        "inputs_wrong": setter("spec", "inputs", value=7),
        "output_relu": setter("spec", "layers", -1, "activation", value="relu"),
        "params_missing": drop("params"),
        "params_short": lambda doc: doc["params"].pop(),
        "params_dict": setter("params", value={"W1": []}),
        "W1_shape": setter("params", 0, "shape", value=[3, 2]),
        "W1_data_short": lambda doc: doc["params"][0]["data"].pop(),
        "W1_data_string": setter("params", 0, "data", 0, value="0.5"),
        "W1_data_bool": setter("params", 0, "data", 0, value=True),
        "W1_data_null": setter("params", 0, "data", 0, value=None),
        "train_list": setter("train", value=[0.5]),
        "train_lr_100": setter("train", "lr", value=100),
        "train_lr_string": setter("train", "lr", value="0.5"),
        "train_unknown": setter("train", "bogus", value=1),
        "train_batch_0": setter("train", "batch_size", value=0),
        "train_loss_hinge": setter("train", "loss", value="hinge"),
        "step_negative": setter("step", value=-1),
        "step_float": setter("step", value=1.5),
        "step_huge": setter("step", value=2**64),
        "epoch_string": setter("epoch", value="0"),
        "history_list": setter("history", value=[1, 2]),
        "history_bad_rows": setter("history", value={"steps": [1], "values": [[1.0]],
                                                     "eval_steps": [], "eval_values": []}),
        "top_level_list": lambda doc: (doc.clear(), doc.update({"__list__": True})),
    }


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad-inputs")
    f = {"missing": str(d / "no-such-file"), "dir": str(d), "zero": "/dev/zero",
         "under_file": str(d / "plain.txt" / "m.xorlab")}
    (d / "plain.txt").write_text("not a folder\n")
    fifo = d / "fifo"
    os.mkfifo(fifo)
    f["fifo"] = str(fifo)
    raw = {
        "empty": b"",
        "binary": bytes(range(256)) * 4,
        "utf16": GOOD_CSV.encode("utf-16"),
        "nul": b"0,0,0\n\x00\x00\x00\n1,1,1\n",
        "whitespace": b"   \n\n\t\n",
    }
    for name, data in raw.items():
        (d / name).write_bytes(data)
        f[name] = str(d / name)
    big = d / "big"
    with open(big, "wb") as out:  # sparse: larger than any file xorlab reads, costs nothing
        out.truncate(64 * 2**20)
    f["big"] = str(big)

    doc = _good_model_doc(d)
    text = json.dumps(doc, indent=1)
    models = {
        "truncated": text[: len(text) // 2],
        "truncated_end": text[:-2],
        "json_null": "null",
        "json_number": "42",
        "json_string": '"xorlab-model"',
        "nested": "[" * 100_000,
        "long_int": "1" * 5000,
        "nan_weight": text.replace(str(doc["params"][0]["data"][0]), "NaN", 1),
        "inf_weight": text.replace(str(doc["params"][0]["data"][0]), "1e999", 1),
        "csv_as_model": GOOD_CSV,
        "unicode_garbage": "\u202e\U0001f4a5\ufffd모델\u0000",
    }
    for name, mutate in _mutations().items():
        broken = json.loads(text)
        mutate(broken)
        if broken.get("__list__"):
            broken = [doc]
        models[name] = json.dumps(broken)
    for name, body in models.items():
        (d / f"{name}.xorlab").write_text(body, encoding="utf-8")
        f[f"model_{name}"] = str(d / f"{name}.xorlab")

    csvs = {
        "label_2": "0,0,0\n1,1,2\n",
        "label_minus_1": "0,0,0\n1,1,-1\n",
        "label_half": "0,0,0\n1,1,0.5\n",
        "label_word": "0,0,0\n1,1,yes\n",
        "label_nan": "0,0,0\n1,1,nan\n",
        "x_nan": "0,0,0\nnan,1,1\n",
        "x_inf": "0,0,0\n1,inf,1\n",
        "x_1e309": "0,0,0\n1e309,1,1\n",
        "x_huge": "0,0,0\n1e7,1,1\n",
        "x_word": "0,0,0\nabc,1,1\n",
        "x_empty_cell": "0,0,0\n,1,1\n",
        "two_columns": "0,0\n1,1\n",
        "four_columns": "0,0,0,0\n1,1,1,1\n",
        "ragged": "0,0,0\n1,1\n1,0,1\n",
        "one_row": "0,0,1\n",
        "header_only": "x1,x2,label\n",
        "comments_only": "# nothing\n# here\n",
        "semicolons": "0;0;0\n1;1;1\n",
        "double_bom": "\ufeff\ufeff0,0,0\n1,1,1\n",
        "one_class": "0,0,1\n1,1,1\n0,1,1\n1,0,1\n",
        "one_class_zero": "0,0,0\n1,1,0\n",
        "too_many_rows": "".join(f"{i % 7},{i % 5},{i % 2}\n" for i in range(10_001)),
        "unicode_garbage": "\u202e\U0001f4a5,\ufffd,모델\n0,0,0\n",
    }
    for name, body in csvs.items():
        (d / f"{name}.csv").write_text(body, encoding="utf-8")
        f[f"csv_{name}"] = str(d / f"{name}.csv")
    return f


# ---- the cases -------------------------------------------------------------------------------

CASES = []


def case(case_id, argv, needle, code=2):
    """argv: the command line; '@name' stands for the path files[name]. needle: what the
    message must contain (the flag, or the bad value, or the file)."""
    CASES.append(pytest.param(argv, needle, code, id=case_id))


def train(*args):
    """A train command that would be quick if it ran, saving to the case's --save path."""
    return ["train", "--steps", "2", "--quiet", "--save", "@out", *args]


# flag, bad values, what the message must contain (None: the flag itself)
TRAIN_VALUES = [
    ("--n", ["abc", "", "1.5", "0", "-1", "3", "10001", "1e309", "nan", "inf", "99" * 200],
     "--n"),
    ("--noise", ["x", "", "-0.1", "1.5", "nan", "inf", "-inf", "1e309"], "--noise"),
    ("--test-fraction", ["x", "1", "0.95", "-0.1", "nan", "1e309"], "--test-fraction"),
    ("--features", ["", ",", "x3", "x1,x1", "X1", "x1;x2", "\U0001f4a5", "x1,,x2x"],
     "--features"),
    ("--hidden", ["4,,2", "4,x", "4,", ",4", "4.5", "65", "0,4", "-3", "1e3", "4 4", "4;4",
                  ",".join(["4"] * 11), "9" * 30, "\u0664,\u0664\u0664\u0664"], "--hidden"),
    ("--activation", ["gelu", "", "TANH", "relu ", "léaky"], "--activation"),
    ("--slope", ["2", "-0.1", "nan", "x", "inf"], "--slope"),
    ("--alpha", ["0", "0.001", "11", "nan", "-1"], "--alpha"),
    ("--k", ["1", "9", "2.5", "x", "0", "-2"], "--k"),
    ("--init", ["magic", "", "Xavier"], "--init"),
    ("--init-std", ["0", "-1", "nan", "1e9", "x", "-0"], "--init-std"),
    ("--loss", ["hinge", ""], "--loss"),
    ("--optimizer", ["rmsprop", ""], "--optimizer"),
    ("--lr", ["x", "", "0", "-0", "-1", "11", "1e309", "nan", "inf", "-inf", "1e-7", "0x10",
              "½"], "--lr"),
    ("--momentum", ["1", "1.5", "-0.1", "nan", "x"], "--momentum"),
    ("--batch-size", ["0", "-1", "1.5", "x", "", "nan", "9" * 400], "--batch-size"),
    ("--steps", ["0", "-5", "-0", "1.5", "x", "", "1e3", "nan", "9" * 400], "--steps"),
    ("--seed", ["-1", "1.5", "x", "2147483648", "9" * 40, "9" * 400], "--seed"),
    ("--l1", ["-1", "11", "nan", "inf", "x"], "--l1"),
    ("--l2", ["-1", "11", "nan", "inf", "x"], "--l2"),
    ("--dropout", ["", "x", "0.95", "-0.1", "nan", "inf", "0.2,,0.2", "0.2;0.2", "1"],
     "--dropout"),
    ("--lr-decay", ["", "cosine", "step:", "step:0", "step:1.5", "step:0.5:0", "step:0.5:1.5",
                    "step:0.5:10:3", "none:0.5", "exp:nan", "Step"], "--lr-decay"),
    ("--stop-at", ["", "accuracy", "accuracy=", "accuracy=1.5", "acc=0.9", "plateau=0",
                   "plateau=2.5", "steps=-1", "steps=0", "accuracy=0.9,accuracy=0.8",
                   "min_delta=0.1", "plateau=10,min_delta=-1", "accuracy=nan",
                   "accuracy=0.9;steps=5"], "--stop-at"),
]
for flag, values, needle in TRAIN_VALUES:
    extra = {"--slope": ["--activation", "leaky_relu"], "--alpha": ["--activation", "elu"],
             "--k": ["--activation", "maxout"], "--init-std": ["--init", "normal"],
             "--n": ["--dataset", "circle"], "--noise": ["--dataset", "circle"],
             "--test-fraction": ["--dataset", "circle"]}.get(flag, [])
    for value in values:
        case(f"train{flag}={value[:12]!r}{len(value) if len(value) > 12 else ''}",
             train(*extra, f"{flag}={value}"), needle)

# files given to --load and --csv
for name in ("missing", "dir", "empty", "binary", "utf16", "big", "whitespace"):
    case(f"train--load={name}", train("--load", f"@{name}"), "@" + name)
    case(f"train--csv={name}", train("--csv", f"@{name}"), "@" + name)
for name in ("zero", "fifo"):  # in-process: refused without opening; a subprocess below too
    case(f"train--load={name}", train("--load", f"@{name}"), "@" + name)
    case(f"train--csv={name}", train("--csv", f"@{name}"), "@" + name)
case("train--dropout-count", train("--hidden", "4,4", "--dropout", "0.1,0.2,0.3"),
     "--dropout")
case("train--load=''", train("--load", ""), "--load")
case("train--csv=''", train("--csv", ""), "--csv")
case("train--load=' '", train("--load", " "), "--load")
case("train--csv=model", train("--csv", "@model_truncated"), "@model_truncated")
for name in ("truncated", "truncated_end", "json_null", "json_number", "json_string", "nested",
             "long_int", "nan_weight", "inf_weight", "csv_as_model", "unicode_garbage",
             *_mutations()):
    case(f"train--load={name}", train("--load", f"@model_{name}"), f"@model_{name}")
for name in ("label_2", "label_minus_1", "label_half", "label_word", "label_nan", "x_nan",
             "x_inf", "x_1e309", "x_huge", "x_word", "x_empty_cell", "two_columns",
             "four_columns", "ragged", "one_row", "header_only", "comments_only", "semicolons",
             "double_bom", "one_class", "one_class_zero", "too_many_rows", "unicode_garbage"):
    case(f"train--csv={name}", train("--csv", f"@csv_{name}"), f"@csv_{name}")
case("train--csv+bad-test-fraction", train("--csv", "@csv_label_2", "--test-fraction", "2"),
     "--test-fraction")

# --save
case("train--save=''", ["train", "--steps", "2", "--quiet", "--save", ""], "--save")
case("train--save=' '", ["train", "--steps", "2", "--quiet", "--save", " "], "--save")
case("train--save=dir", ["train", "--steps", "2", "--quiet", "--save", "@dir"], "@dir")
case("train--save=missing-dir", ["train", "--steps", "2", "--quiet", "--save",
                                  "@missing/m.xorlab"], "@missing")
case("train--save=under-a-file", ["train", "--steps", "2", "--quiet", "--save", "@under_file"],
     "@under_file")
case("train--save=fifo", ["train", "--steps", "2", "--quiet", "--save", "@fifo"], "@fifo")
case("train--save=/proc", ["train", "--steps", "2", "--quiet", "--save", "/proc/m.xorlab"],
     "/proc/m.xorlab")
case("train--save=no-value", ["train", "--steps", "2", "--quiet", "--save"], "--save")

# conflicting flags, unknown flags, missing values, stray arguments
case("train--csv+--dataset", train("--csv", "@csv_one_row", "--dataset", "spiral"), "--csv")
case("train--slope-without-leaky", train("--activation", "tanh", "--slope", "0.5"), "--slope")
case("train--alpha-without-elu", train("--activation", "relu", "--alpha", "2"), "--alpha")
case("train--k-without-maxout", train("--activation", "relu", "--k", "3"), "--k")
case("train--init-std-without-normal", train("--init", "xavier", "--init-std", "0.5"),
     "--init-std")
case("train--momentum-with-sgd", train("--optimizer", "sgd", "--momentum", "0.5"), "--momentum")
case("train--momentum-with-adam", train("--optimizer", "adam", "--momentum", "0.5"),
     "--momentum")
case("train--csv+--n", train("--csv", "@csv_one_row", "--n", "50"), "--n")
case("train--csv+--noise", train("--csv", "@csv_one_row", "--noise", "0.1"), "--noise")
# the number of classes (issue 19): what is allowed, and only where it applies
for value in ("1", "11", "0", "-3", "2.5", "x", "1e309", ""):
    case(f"train--classes={value}", train("--dataset", "blobs", "--classes", value),
         "classes")
case("train--classes-with-xor", train("--classes", "3"), "--classes")
case("train--classes-with-spiral3", train("--dataset", "spiral3", "--classes", "4"), "spiral3")
case("train--classes-with-digits", train("--dataset", "digits", "--classes", "10"), "digits")
case("train-blobs-of-2", train("--dataset", "blobs", "--classes", "2"), "--classes")
case("train-csv-labels-above-classes", train("--csv", "@csv_label_2", "--classes", "2"),
     "@csv_label_2")
case("train-csv-label-gap", train("--csv", "@csv_label_2"), "@csv_label_2")
case("train-mse-with-3-classes", train("--dataset", "spiral3", "--loss", "mse"), "mse")
for flag, value in (("--n", "100"), ("--noise", "0.1"), ("--test-fraction", "0.5"),
                    ("--features", "x1,x2")):
    case(f"train-digits+{flag}", train("--dataset", "digits", flag, value), flag)
case("train--unknown-flag", train("--hiden", "4"), "--hiden")
case("train--flag-typo", train("--learning-rate", "0.1"), "--learning-rate")
case("train--json=yes", train("--json=yes"), "--json")
case("train--quiet=1", train("--quiet=1"), "--quiet")
case("train--lr-no-value", train("--lr"), "--lr")
case("train--hidden-no-value", train("--hidden"), "--hidden")
case("train-stray-positional", train("model.xorlab"), "model.xorlab")
case("train-unicode-flag", train("--학습률", "0.1"), "--학습률")
case("train-rtl-garbage", train("\u202e--lr", "0.1"), "--lr")

# sweep: quick if it ran
SWEEP = ["sweep", "--inits", "xavier", "--activations", "relu", "--depth", "1", "--width", "2",
         "--seeds", "1", "--steps", "1", "--workers", "1", "--n", "8"]
for flag, values in (("--inits", ["magic", "", ",", "xavier,magic", "XAVIER"]),
                     ("--activations", ["gelu", "", ",", "relu,gelu"]),
                     ("--depth", ["0", "11", "x", "-1", "nan", "1.5"]),
                     ("--width", ["0", "65", "x", "1e309"]),
                     ("--dataset", ["nope", "csv", ""]),
                     ("--n", ["0", "3", "x", "10001", "1e309"]),
                     ("--seeds", ["0", "21", "x"]),
                     ("--steps", ["0", "100001", "x", "-1"]),
                     ("--lr", ["0", "nan", "inf", "11", "x"]),
                     ("--optimizer", ["adam", "rmsprop", ""]),
                     ("--batch-size", ["0", "-1", "x"]),
                     ("--workers", ["0", "9", "x", "-1", "9" * 400])):
    for value in values:
        case(f"sweep{flag}={value[:12]!r}{len(value) if len(value) > 12 else ''}",
             [*SWEEP, f"{flag}={value}"], flag)
case("sweep--json+--csv", [*SWEEP, "--json", "--csv"], "--csv")
case("sweep--csv+--markdown", [*SWEEP, "--csv", "--markdown"], "--markdown")
case("sweep--unknown-flag", [*SWEEP, "--depths", "3"], "--depths")
case("sweep-stray-positional", [*SWEEP, "extra"], "extra")

# gradcheck, list, lessons
for value in ("0", "-1", "nan", "inf", "x", "", "9" * 400):
    case(f"gradcheck--tolerance={value[:12]!r}", ["gradcheck", f"--tolerance={value}"],
         "--tolerance")
case("gradcheck-stray", ["gradcheck", "now"], "now")
case("list-stray", ["list", "datasets"], "datasets")
case("list--json", ["list", "--json"], "--json")
case("lessons-stray", ["lessons", "1"], "1")

# app: only what is refused before a window opens
for value in ("0", "-1", "nan", "inf", "x", "", "1e10"):
    case(f"app--self-test={value!r}", ["app", f"--self-test={value}"], "--self-test")
case("app--lang=fr", ["app", "--lang", "fr"], "--lang")
case("app--lang=''", ["app", "--lang", ""], "--lang")
case("app--engine=gpu", ["app", "--engine", "gpu"], "--engine")
case("app--lesson=nope", ["app", "--lesson", "nope"], "nope")
case("app--lesson=''", ["app", "--lesson", ""], "lesson ''")
case("app-two-models", ["app", "a.xorlab", "b.xorlab"], "b.xorlab")
case("app--self-test+model", ["app", "m.xorlab", "--self-test", "1"], "--self-test")
case("app--unknown-flag", ["app", "--fullscreen"], "--fullscreen")

# the command itself
case("unknown-command", ["bogus"], "bogus")
case("command-typo", ["trian"], "trian")
case("empty-command", [""], "''")
case("unicode-command", ["훈련"], "훈련")
case("unknown-top-flag", ["--verbose"], "--verbose")
case("version-with-value", ["--version=2"], "--version")


def _expand(argv, files, out):
    def one(arg):
        if arg == "@out":
            return str(out)
        if arg.startswith("@"):
            name, _, rest = arg[1:].partition("/")
            return files[name] + (f"/{rest}" if rest else "")
        return arg
    return [one(a) for a in argv]


def check_refused(code, out, err, expected_code, needle, folder):
    assert code == expected_code, f"exit {code}; stderr: {err!r}"
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {lines!r}"
    assert len(lines[0]) < 500, f"a wall of text: {lines[0]!r}"
    assert needle in err, f"{needle!r} not named in {err!r}"
    assert out == "", f"stdout: {out!r}"
    assert list(folder.iterdir()) == [], "something was written at the --save path"


@pytest.mark.parametrize("argv,needle,code", CASES)
def test_bad_input_is_refused_cleanly(capsys, files, tmp_path, argv, needle, code):
    folder = tmp_path / "out"
    folder.mkdir()
    out_path = folder / "m.xorlab"
    argv = _expand(argv, files, out_path)
    needle = _expand([needle], files, out_path)[0]
    result = main(argv)
    out, err = capsys.readouterr()
    check_refused(result, out, err, code, needle, folder)


def test_the_battery_is_large():
    assert len(CASES) >= 130
    assert len({c.id for c in CASES}) == len(CASES)


# ---- no hang: a subprocess with a timeout ----------------------------------------------------

@pytest.mark.parametrize("argv,needle", [
    (["train", "--load", "/dev/zero"], "/dev/zero"),
    (["train", "--csv", "/dev/zero"], "/dev/zero"),
    (["train", "--load", "@fifo"], "@fifo"),
    (["train", "--csv", "@fifo"], "@fifo"),
    (["train", "--save", "@fifo"], "@fifo"),
    (["train", "--lr", "nan"], "--lr"),
])
def test_no_hang_in_a_subprocess(files, tmp_path, argv, needle):
    folder = tmp_path / "out"
    folder.mkdir()
    argv = _expand([*argv, "--steps", "2", "--quiet"], files, folder / "m.xorlab")
    needle = _expand([needle], files, folder)[0]
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    env.pop("DISPLAY", None)
    r = subprocess.run([sys.executable, "-m", "xorlab.cli", *argv], capture_output=True,
                       text=True, timeout=60, env=env, stdin=subprocess.DEVNULL)
    check_refused(r.returncode, r.stdout, r.stderr, 2, needle, folder)


# ---- a run that goes wrong is not bad input, but never prints NaN ------------------------------

def test_divergence_prints_no_nan(capsys, tmp_path):
    path = tmp_path / "m.xorlab"  # (the test's folder is named after it: "nan" is in it)
    code = main(["train", "--dataset", "spiral", "--hidden", "16,16", "--activation", "linear",
                 "--lr", "10", "--batch-size", "10", "--steps", "300", "--quiet", "--json",
                 "--save", str(path)])
    out, err = capsys.readouterr()
    assert code == 0 and "diverged" in err
    printed = out.replace(str(path), "").lower()
    assert "nan" not in printed and "inf" not in printed

    def no_constants(name):
        raise AssertionError(f"{name} in the JSON summary")
    summary = json.loads(out.strip().splitlines()[-1], parse_constant=no_constants)
    assert summary["diverged"] is True
