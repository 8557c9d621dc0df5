#!/usr/bin/env python3
"""Make .venv, install xorlab into it and run one step; on Linux, macOS and Windows alike.

    python scripts/dev.py test [pytest args]    ruff, then the whole suite (offscreen)
    python scripts/dev.py run [xorlab args]     the app, or the command line: run train ...
    python scripts/dev.py package               PyInstaller build in dist/xorlab/, smoke-tested
                                                (on Linux also dist/xorlab_<version>_amd64.deb)
    python scripts/dev.py install-test          sdist and wheel built and installed into fresh
                                                venvs, then run (scripts/install_test.py)

On Windows: `py scripts\\dev.py test`. `scripts/test`, `scripts/run` and `scripts/package` are
the same steps for a POSIX shell. Needs Python >= 3.11 and the package index, nothing else
(the standard library only). The project is installed (editable) with the step's extras and
installed again only when pyproject.toml changed; pip's output goes to .venv/install.log.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""


def venv_python():
    return VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")


def ensure_venv(extras=""):
    """Make .venv if needed and install xorlab[extras] into it unless that is up to date."""
    if not venv_python().exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    stamp = VENV / f".xorlab-installed{'-' + extras if extras else ''}"
    if stamp.exists() and stamp.stat().st_mtime >= (ROOT / "pyproject.toml").stat().st_mtime:
        return
    log = VENV / "install.log"
    print(f"xorlab: installing into .venv (log: {log.relative_to(ROOT)}) ...", file=sys.stderr)
    target = "." + (f"[{extras}]" if extras else "")
    with open(log, "w") as out:
        for args in (["--upgrade", "pip"], ["-e", target]):
            done = subprocess.run([str(venv_python()), "-m", "pip", "install", *args],
                                  stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
            if done.returncode:
                break
    if done.returncode:
        print("".join(log.read_text(errors="replace").splitlines(True)[-30:]), file=sys.stderr)
        sys.exit(f"xorlab: installation failed; the whole log is {log}")
    stamp.touch()


def run(*args, env=None):
    """Run a command in the project folder; its exit status."""
    return subprocess.run([str(a) for a in args], cwd=ROOT, env=env).returncode


def test(args):
    ensure_venv("test")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    python = venv_python()
    return (run(python, "-m", "ruff", "check", "xorlab", "tests", "scripts", env=env)
            or run(python, "-m", "pytest", *args, env=env))


def start(args):
    ensure_venv()
    return run(venv_python(), "-m", "xorlab", *args)


def versions(python):
    """The versions of what the build bundles, as one line."""
    code = ("import sys, numpy, pyqtgraph, PySide6; from PySide6 import QtCore; "
            "print(f'Python {sys.version.split()[0]}, Qt {QtCore.qVersion()}, PySide6 "
            "{PySide6.__version__}, NumPy {numpy.__version__}, pyqtgraph "
            "{pyqtgraph.__version__}')")
    return subprocess.run([str(python), "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip()


def smoke_test(folder):
    """The console executable's command line and the window for 3 s (offscreen, with its
    engine process), then the windowed executable's window for 1 s (its exit status)."""
    cli, app = folder / f"xorlab-cli{EXE}", folder / f"xorlab{EXE}"
    offscreen = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if run(cli, "--version"):
        return 1
    train = subprocess.run([str(cli), "train", "--dataset", "xor", "--hidden", "4",
                            "--activation", "tanh", "--lr", "0.5", "--batch-size", "4",
                            "--steps", "2000", "--json", "--quiet"],
                           capture_output=True, text=True)
    last = train.stdout.strip().splitlines()[-1] if train.stdout.strip() else ""
    print(last)
    if train.returncode or json.loads(last or "{}").get("steps") != 2000:
        print(train.stderr, file=sys.stderr)
        return 1
    if run(cli, "app", "--self-test", "3", env=offscreen):
        return 1
    status = run(app, "app", "--self-test", "1", env=offscreen)
    print(f"windowed executable: self-test {'passed' if status == 0 else 'FAILED'}")
    return status


def package(args):
    if args:
        sys.exit("xorlab: scripts/dev.py package takes no arguments")
    ensure_venv("package")
    python = venv_python()
    built = run(python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                "--distpath", "dist", "--workpath", "build/pyinstaller", "scripts/xorlab.spec")
    if built:
        return built
    folder = ROOT / "dist" / "xorlab"
    shutil.copy(ROOT / "LICENSE", folder)
    notices = (ROOT / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")
    (folder / "THIRD_PARTY_NOTICES.md").write_text(
        notices + f"\nThis build: {versions(python)}.\n", encoding="utf-8")
    if smoke_test(folder):
        print("xorlab: the packaged build FAILED its smoke test", file=sys.stderr)
        return 1
    app = ROOT / "dist" / "xorlab.app" / "Contents" / "MacOS" / "xorlab"
    if sys.platform == "darwin" and run(app, "app", "--self-test", "1",
                                        env=dict(os.environ, QT_QPA_PLATFORM="offscreen")):
        print("xorlab: dist/xorlab.app FAILED its self-test", file=sys.stderr)
        return 1
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"packaged: {size / 2**20:.0f} MiB in {folder.relative_to(ROOT)}{os.sep}")
    if sys.platform.startswith("linux"):
        if shutil.which("dpkg-deb") and shutil.which("ldd"):
            return debian_package(folder)
        print("xorlab: no .deb: dpkg-deb (Debian's dpkg) is not installed", file=sys.stderr)
    return 0


def debian_package(folder):
    """dist/xorlab_<version>_amd64.deb (scripts/make_deb.py), extracted with dpkg-deb -x into
    a temporary folder, its files checked and its programs smoke-tested there, also through a
    link like /usr/bin/xorlab-cli."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_deb

    deb = make_deb.build(folder, ROOT / "dist", ROOT / "build" / "deb")
    with tempfile.TemporaryDirectory(prefix="xorlab-deb-") as tmp:
        into = Path(tmp) / "root"
        problems = make_deb.check_extracted(deb, into)
        link = Path(tmp) / "xorlab-cli"
        link.symlink_to(into / make_deb.PREFIX / "xorlab-cli")
        if run(link, "--version"):
            problems.append("xorlab-cli run through a link failed")
        if problems or smoke_test(into / make_deb.PREFIX):
            print("xorlab: the .deb FAILED its check: " + "; ".join(problems), file=sys.stderr)
            return 1
    print(f"xorlab: the .deb's extracted programs passed the smoke test ({deb.name})")
    return 0


def install_test(args):
    """Build the sdist and the wheel, install each into a fresh venv and run it there."""
    return run(sys.executable, ROOT / "scripts" / "install_test.py", *args)


STEPS = {"test": test, "run": start, "package": package, "install-test": install_test}


def main(argv):
    if sys.version_info < (3, 11):  # noqa: UP036 - run by whichever python is on PATH
        sys.exit("xorlab needs Python 3.11 or newer")
    if not argv or argv[0] not in STEPS:
        sys.exit(__doc__)
    return STEPS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
