"""The GitHub Actions workflow (.github/workflows/build.yml) parses and has the structure the
README promises: ubuntu, windows and macos runners, Python 3.11, the steps of scripts/dev.py,
the bundles and the .deb uploaded. It cannot run here.

PyYAML is no dependency of xorlab, so `load` below reads the block YAML the workflow is
written in (mappings, lists, `|` scalars, `[a, b]`, quoted and plain scalars, comments) and
fails on anything else: tabs, bad indentation, repeated keys, unknown syntax. With PyYAML
installed the two readings are also compared."""

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"


class YamlError(ValueError):
    pass


def _scalar(text):
    text = re.sub(r"\s+#.*$", "", text) if not text.startswith(("'", '"')) else text
    if text.startswith("[") and text.endswith("]"):
        return [_scalar(t.strip()) for t in text[1:-1].split(",") if t.strip()]
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    if text[:1] in "{&*!|>%@`" or text.startswith(("'", '"')):
        raise YamlError(f"not in the subset read here: {text!r}")
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return float(text) if re.fullmatch(r"-?\d+\.\d*", text) else text  # 3.10 is 3.1


def load(source):
    """The subset of YAML above, as dicts, lists and scalars."""
    rows = []
    for number, line in enumerate(source.splitlines(), 1):
        body = line.lstrip(" ")
        if body.startswith("\t"):
            raise YamlError(f"line {number}: a tab in the indentation")
        rows.append([len(line) - len(body), body.rstrip(), number])
    pos = 0

    def skip():
        nonlocal pos
        while pos < len(rows) and (not rows[pos][1] or rows[pos][1].startswith("#")):
            pos += 1

    def node(indent):
        skip()
        if pos >= len(rows) or rows[pos][0] < indent:
            return None
        return sequence(rows[pos][0]) if rows[pos][1].startswith("- ") \
            else mapping(rows[pos][0])

    def sequence(indent):
        nonlocal pos
        items = []
        while True:
            skip()
            if pos >= len(rows) or rows[pos][0] < indent:
                return items
            row = rows[pos]
            if row[0] > indent:
                raise YamlError(f"line {row[2]}: a list item expected at column {indent}")
            if not row[1].startswith("- "):  # the mapping around the list goes on
                return items
            rest = row[1][2:].lstrip()
            if re.match(r"[\w.\-\"']+:(\s|$)", rest):  # "- key: value": a mapping
                row[0], row[1] = indent + len(row[1]) - len(rest), rest
                items.append(mapping(row[0]))
            else:
                items.append(_scalar(rest))
                pos += 1

    def block_scalar(indent):
        nonlocal pos
        lines = []
        while pos < len(rows) and (not rows[pos][1] or rows[pos][0] > indent):
            lines.append(rows[pos])
            pos += 1
        while lines and not lines[-1][1]:
            lines.pop()
        if not lines:
            return ""
        margin = min(r[0] for r in lines if r[1])
        return "\n".join(" " * (r[0] - margin) + r[1] if r[1] else "" for r in lines) + "\n"

    def mapping(indent):
        nonlocal pos
        result = {}
        while True:
            skip()
            if pos >= len(rows) or rows[pos][0] < indent:
                return result
            row = rows[pos]
            if row[0] > indent:
                raise YamlError(f"line {row[2]}: indented too far")
            m = re.fullmatch(r"(\"[^\"]*\"|'[^']*'|[^:\s][^:]*?):(?:\s+(.*))?", row[1])
            if not m:
                raise YamlError(f"line {row[2]}: `key: value` expected, not {row[1]!r}")
            key, rest = _scalar(m[1]), (m[2] or "").strip()
            if key in result:
                raise YamlError(f"line {row[2]}: the key {key!r} again")
            pos += 1
            if rest in ("|", "|-", ">"):
                result[key] = block_scalar(indent)
            elif rest and not rest.startswith("#"):
                result[key] = _scalar(rest)
            else:
                skip()
                child = pos < len(rows) and (rows[pos][0] > indent or rows[pos][0] == indent
                                             and rows[pos][1].startswith("- "))
                result[key] = node(rows[pos][0]) if child else None
        return result

    document = node(0)
    skip()
    if pos < len(rows):
        raise YamlError(f"line {rows[pos][2]}: not read")
    return document


@pytest.fixture(scope="module")
def workflow():
    return load(WORKFLOW.read_text(encoding="utf-8"))


def dev_steps():
    spec = importlib.util.spec_from_file_location("dev", ROOT / "scripts" / "dev.py")
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    return set(dev.STEPS)


def test_the_reader_rejects_what_is_not_yaml():
    for bad in ("a: 1\n\tb: 2\n", "a: 1\na: 2\n", "a:\n  - x\n   - y\n", "a: 1\n  b: 2\n",
                "just words\n", "a: {b: 1}\n"):
        with pytest.raises(YamlError):
            load(bad)
    assert load("a:\n- x\n- y: 1\n  z: [p, 'q']\nb: |\n  one\n    two\n") == {
        "a": ["x", {"y": 1, "z": ["p", "q"]}], "b": "one\n  two\n"}
    assert load("v: 3.10\nw: '3.10'\n") == {"v": 3.1, "w": "3.10"}


def test_it_reads_as_pyyaml_does(workflow):
    yaml = pytest.importorskip("yaml", reason="PyYAML is no dependency; the reader above is")
    theirs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    theirs["on"] = theirs.pop(True)  # YAML 1.1 reads the key `on` as true; GitHub does not
    assert theirs == workflow


def test_three_systems_python_311(workflow):
    assert set(workflow["on"]) >= {"push", "pull_request", "workflow_dispatch"}
    job = workflow["jobs"]["build"]
    systems = job["strategy"]["matrix"]["os"]
    assert sorted(s.split("-")[0] for s in systems) == ["macos", "ubuntu", "windows"]
    assert job["strategy"]["fail-fast"] is False  # one system failing shows the others
    assert job["runs-on"] == "${{ matrix.os }}"
    assert job["env"]["QT_QPA_PLATFORM"] == "offscreen"
    python = [s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    assert python and python[0]["with"]["python-version"] == "3.11"  # a string, not 3.11


def test_steps_are_those_of_dev_py_and_upload_the_bundles(workflow):
    steps = workflow["jobs"]["build"]["steps"]
    assert all(("uses" in s) != ("run" in s) for s in steps)
    commands = [line.strip() for s in steps if "run" in s for line in s["run"].splitlines()]
    called = [c.split()[2] for c in commands if c.startswith("python scripts/dev.py ")]
    assert called == ["test", "package", "install-test"]
    assert set(called) <= dev_steps()
    apt = [s for s in steps if "apt-get install" in s.get("run", "")]
    assert apt and all(s["if"] == "runner.os == 'Linux'" for s in apt)
    upload = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    paths = upload[0]["with"]["path"].split()
    assert {"dist/*.deb", "dist/*.zip", "dist/*.tar.gz"} <= set(paths)
    assert upload[0]["with"]["if-no-files-found"] == "error"
