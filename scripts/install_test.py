#!/usr/bin/env python3
"""Install xorlab the way users do and run it from there (`python scripts/dev.py
install-test`; `.ci/run` runs it after the suite).

1. The sdist, built by the build backend pyproject.toml names (setuptools, in a venv of its
   own), then the wheel built from the unpacked sdist with `pip wheel` (so the sdist is shown
   to hold all the wheel needs, as `python -m build` would do it). Both are checked for every
   module of xorlab/ and every resource the app loads.
2. Each installed into a fresh venv (no system site-packages; the runtime dependencies come
   from the package index as for any user) and run from an empty folder, with no checkout on
   sys.path: `xorlab --version`, `train --steps 50 --json`, a 2 × 2 `sweep`, `lessons` and
   `app --self-test 1` (offscreen).
3. With HOME, XDG_CONFIG_HOME and XDG_DATA_HOME in a folder named `홍길동 문서`: `xorlab train
   --save "<dir>/내 모델.xorlab"`, then the installed app opens it, trains, saves it under
   another Hangul name, autosaves into its user data folder and opens both again
   (scripts/install_check_paths.py, run by the fresh venv's python).

Standard library only. Prints one line per check and `N passed, N failed` at the end;
exit status 1 when any failed. `--keep` leaves the temporary folder (and says where).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"
HANGUL_FOLDER = "홍길동 문서"

# What the installed app loads from xorlab.resources (resources/ in the checkout).
RESOURCES = ["__init__.py", "xorlab.svg", "xor-example.csv", "lessons/*.json",
             "translations/*.qm", "fonts/*.otf", "fonts/OFL.txt", "icons/*.png",
             "licenses/*.txt", "*.desktop", "*.metainfo.xml", "data/*.npz"]
# ... and what the sdist needs besides the package to build the wheel (and to say its licence)
SDIST_EXTRA = ["pyproject.toml", "README.md", "LICENSE", "THIRD_PARTY_NOTICES.md"]


def expected_package_files():
    """Paths inside the wheel: every module of xorlab/ and the resources, as xorlab/..."""
    files = {p.relative_to(ROOT).as_posix() for p in (ROOT / "xorlab").rglob("*.py")
             if "__pycache__" not in p.parts}
    for pattern in RESOURCES:
        found = [p for p in (ROOT / "resources").glob(pattern) if p.is_file()]
        assert found, f"nothing in resources/ matches {pattern}"
        files |= {"xorlab/resources/" + p.relative_to(ROOT / "resources").as_posix()
                  for p in found}
    return files


def sdist_name(package_path):
    """xorlab/resources/x -> resources/x; xorlab/y -> xorlab/y (the checkout's layout)."""
    return package_path.replace("xorlab/resources/", "resources/", 1)


class Checks:
    def __init__(self):
        self.passed, self.failed = 0, []

    def __call__(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"  ok    {name}", flush=True)
        else:
            self.failed.append(name)
            print(f"  FAIL  {name}" + (f"\n{detail.rstrip()}" if detail else ""), flush=True)
        return ok


def bin_path(venv, name):
    return venv / ("Scripts" if WINDOWS else "bin") / (name + (".exe" if WINDOWS else ""))


def clean_env(**extra):
    """This environment without anything that would put a checkout or a venv on sys.path."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP",
                        "XORLAB_DATA_DIR", "PYTHONSAFEPATH", "PYTHONUTF8")}
    env.update(QT_QPA_PLATFORM="offscreen", **extra)  # no PYTHONUTF8: the user's code page
    return env


def run(args, cwd, env=None, timeout=600):
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env or clean_env(),
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=timeout)


def make_venv(folder, log):
    """A fresh venv (no system site-packages) with an up-to-date pip."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    python = bin_path(folder, "python")
    pip(python, ["install", "--upgrade", "pip"], log)
    return python


def pip(python, args, log, cwd=None):
    with open(log, "a", encoding="utf-8") as out:
        out.write(f"\n$ pip {' '.join(map(str, args))}\n")
        out.flush()
        done = subprocess.run([str(python), "-m", "pip", *map(str, args)], stdout=out,
                              stderr=subprocess.STDOUT, cwd=cwd or ROOT, env=clean_env())
    if done.returncode:
        tail = "".join(Path(log).read_text(errors="replace").splitlines(True)[-25:])
        raise SystemExit(f"install_test: pip {args[0]} failed:\n{tail}")


def build(tmp, log):
    """(sdist, wheel): the sdist by the declared build backend, the wheel from the sdist."""
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["build-system"]
    python = make_venv(tmp / "build-venv", log)
    pip(python, ["install", *requires["requires"]], log)
    backend = requires["build-backend"]
    out = tmp / "dist"
    out.mkdir()
    code = (f"import sys, {backend} as b; print(b.build_sdist(sys.argv[1]))")
    made = run([python, "-c", code, out], cwd=ROOT)
    if made.returncode:
        raise SystemExit(f"install_test: the sdist was not built:\n{made.stdout}{made.stderr}")
    sdist = out / made.stdout.strip().splitlines()[-1]
    unpacked = tmp / "sdist-unpacked"
    with tarfile.open(sdist) as tar:
        tar.extractall(unpacked, filter="data")
    (source,) = unpacked.iterdir()
    pip(python, ["wheel", "--no-deps", "--wheel-dir", out, source], log)
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


def check_contents(check, sdist, wheel):
    wanted = expected_package_files()
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
    missing = sorted(wanted - names)
    check(f"the wheel holds all {len(wanted)} modules and resources", not missing,
          "    missing: " + " ".join(missing[:20]))
    check("the wheel holds no test, script or screenshot",
          not [n for n in names if re.match(r"(tests|scripts)/|.*screenshot", n)])
    with tarfile.open(sdist) as tar:
        top = tar.getnames()[0].split("/")[0]
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    missing = sorted({sdist_name(n) for n in wanted} - names | set(SDIST_EXTRA) - names)
    check(f"the sdist {top} holds all of them and {', '.join(SDIST_EXTRA)}", not missing,
          "    missing: " + " ".join(missing[:20]))


def check_installed(check, kind, venv, cwd):
    """The installed `xorlab` command's steps, run from `cwd` (no checkout there)."""
    xorlab = bin_path(venv, "xorlab")
    python = bin_path(venv, "python")
    where = run([python, "-c", "import xorlab, sys; print(xorlab.__file__); print(sys.path)"],
                cwd=cwd)
    first = where.stdout.splitlines()[0] if where.stdout else ""
    check(f"{kind}: xorlab is imported from the venv, not the checkout",
          where.returncode == 0 and Path(first).resolve().is_relative_to(venv.resolve())
          and str(ROOT) not in where.stdout, where.stdout + where.stderr)
    done = run([xorlab, "--version"], cwd)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    check(f"{kind}: xorlab --version", done.returncode == 0 and version in done.stdout,
          done.stdout + done.stderr)
    done = run([xorlab, "train", "--steps", "50", "--json", "--quiet"], cwd)
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "{}"
    check(f"{kind}: xorlab train --steps 50 --json",
          done.returncode == 0 and json.loads(last).get("steps") == 50,
          done.stdout[-2000:] + done.stderr[-2000:])
    done = run([xorlab, "sweep", "--inits", "xavier,msra", "--activations", "relu,tanh",
                "--depth", "2", "--width", "4", "--seeds", "1", "--steps", "20", "--json"], cwd)
    try:
        rows = json.loads(done.stdout)
    except ValueError:
        rows = None
    check(f"{kind}: xorlab sweep on a 2 x 2 grid", done.returncode == 0 and rows
          and sweep_cells(rows) == 4, done.stdout[-2000:] + done.stderr[-2000:])
    done = run([xorlab, "lessons"], cwd)
    lessons = len(list((ROOT / "resources" / "lessons").glob("*.json")))
    check(f"{kind}: xorlab lessons lists the {lessons} lessons", done.returncode == 0
          and len(done.stdout.strip().splitlines()) == lessons, done.stdout + done.stderr)
    done = run([xorlab, "app", "--self-test", "1"], cwd)
    check(f"{kind}: xorlab app --self-test 1 (offscreen, engine process)",
          done.returncode == 0 and "passed" in done.stdout, done.stdout + done.stderr)


def sweep_cells(result):
    """The number of (init, activation) cells in `xorlab sweep --json`'s output."""
    cells = result.get("cells") if isinstance(result, dict) else result
    return len(cells) if isinstance(cells, list) else -1


def check_hangul_paths(check, venv, tmp):
    """The installed CLI and app with a home, config and data folder and file names in
    Hangul with spaces: save, autosave, reopen."""
    home = tmp / HANGUL_FOLDER / "집"
    work = tmp / HANGUL_FOLDER / "내 작업"
    for folder in (home, work):
        folder.mkdir(parents=True, exist_ok=True)
    env = clean_env(HOME=str(home), USERPROFILE=str(home),
                    XDG_CONFIG_HOME=str(home / "설정 폴더"),
                    XDG_DATA_HOME=str(home / "데이터 폴더"),
                    XDG_CACHE_HOME=str(home / "캐시"))
    if not sys.platform.startswith("linux"):
        # Qt finds the user data folder of Windows and macOS from the user's profile, not
        # from the environment: the app's own setting puts it in a Hangul folder there
        env["XORLAB_DATA_DIR"] = str(home / "사용자 데이터" / "xorlab")
    model = work / "내 모델.xorlab"
    done = run([bin_path(venv, "xorlab"), "train", "--steps", "30", "--quiet", "--save",
                model], work, env)
    check("hangul: xorlab train --save '내 모델.xorlab'",
          done.returncode == 0 and model.is_file(), done.stdout + done.stderr)
    script = ROOT / "scripts" / "install_check_paths.py"
    done = run([bin_path(venv, "python"), script, model, work / "다른 이름.xorlab"], work, env)
    check("hangul: the installed app opens it, trains, saves, autosaves into "
          "XDG_DATA_HOME and reopens both", done.returncode == 0,
          done.stdout[-3000:] + done.stderr[-3000:])
    if done.returncode == 0:
        print("        " + done.stdout.strip().splitlines()[-1])
    done = run([bin_path(venv, "xorlab"), "app", "--self-test", "1"], work, env)
    check("hangul: xorlab app --self-test 1 with that home", done.returncode == 0,
          done.stdout + done.stderr)


def main(argv):
    keep = "--keep" in argv
    start = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="xorlab-install-test-"))
    log = tmp / "pip.log"
    check = Checks()
    try:
        print(f"install test in {tmp} (pip's output: {log.name} there)", flush=True)
        sdist, wheel = build(tmp, log)
        print(f"  built {sdist.name} ({sdist.stat().st_size / 1024:.0f} KiB), "
              f"{wheel.name} ({wheel.stat().st_size / 1024:.0f} KiB)", flush=True)
        check_contents(check, sdist, wheel)
        empty = tmp / "empty folder"
        empty.mkdir()
        for kind, target in (("wheel", wheel), ("sdist", sdist)):
            venv = tmp / HANGUL_FOLDER / f"venv {kind}"  # a user's folder: Hangul, a space
            python = make_venv(venv, log)
            pip(python, ["install", target], log)
            check_installed(check, kind, venv, empty)
            if kind == "wheel":
                check_hangul_paths(check, venv, tmp)
    finally:
        if keep:
            print(f"install test: left {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"install test: {time.monotonic() - start:.0f} s")
    print(f"{check.passed} passed, {len(check.failed)} failed")
    return 1 if check.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
