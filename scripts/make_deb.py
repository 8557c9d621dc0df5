#!/usr/bin/env python3
"""Build dist/xorlab_<version>_amd64.deb from the PyInstaller folder dist/xorlab/ with
dpkg-deb (no other packaging tool). `scripts/package` runs it on Linux after the build's
smoke test, then extracts the package and smoke-tests the extracted programs.

    /opt/xorlab/                      the PyInstaller folder (xorlab, xorlab-cli, _internal/)
    /usr/bin/xorlab, xorlab-cli       links to them
    /usr/share/applications/, metainfo/, icons/hicolor/<size>/apps/   the desktop files
    /usr/share/doc/xorlab/            copyright (machine-readable), changelog.gz
    /usr/share/man/man1/              xorlab.1.gz (and xorlab-cli.1.gz, a link)

Depends lists the packages of the shared libraries the bundle links to and does not carry:
`ldd` on every ELF file of the folder (with the bundle's own library folder on the search
path, as its launcher sets it), each library outside the bundle named by `dpkg -S`, or, where
it is not installed on the build machine (libxcb-cursor0 and others that Qt's xcb plugin
needs), by Debian's library package naming (libxcb-icccm.so.4 -> libxcb-icccm4). libc6 gets
the build machine's glibc as its lowest version: the bundle needs at least that one.

    python scripts/make_deb.py [FOLDER [OUT]]      (default dist/xorlab and dist)
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import textwrap
import tomllib
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.github.xorlab.xorlab"
PACKAGE = "xorlab"
PREFIX = Path("opt/xorlab")
PROGRAMS = ("xorlab", "xorlab-cli")
MAINTAINER = "The xorlab authors <xorlab@users.noreply.github.com>"
HOMEPAGE = "https://github.com/xorlab/xorlab"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def version():
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def is_elf(path):
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def elf_files(folder):
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not p.is_symlink() and is_elf(p))


LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")


def outside_libraries(folder):
    """{soname: its path on this machine, or None when not found} of every library that the
    bundle's ELF files link to and the bundle does not hold."""
    internal = folder / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal if internal.is_dir() else folder))
    found, inside = {}, str(folder.resolve()) + os.sep
    for path in elf_files(folder):
        done = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for line in done.stdout.splitlines():
            m = LDD_LINE.match(line)
            if not m:
                continue
            name, where = m.groups()
            if where == "not found":
                found.setdefault(name, None)
            elif not str(Path(where).resolve()).startswith(inside):
                found[name] = where
    return found


def package_by_name(soname):
    """Debian's name of the package of a library: libfoo.so.1 -> libfoo1, libfoo-2.so.0 ->
    libfoo-2-0, lower case."""
    m = re.match(r"(.+?)\.so\.(\d+)", soname)
    if not m:
        return None
    stem, number = m.groups()
    return (stem + ("-" if stem[-1].isdigit() else "") + number).lower().replace("_", "-")


def package_of(soname, path):
    """(package, how it was found): dpkg -S for a library on this machine, else its name."""
    if path and shutil.which("dpkg"):
        real = Path(path).resolve()
        for candidate in {path, str(real), re.sub(r"^/usr", "", str(real)),
                          "/usr" + str(real) if not str(real).startswith("/usr") else path}:
            done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if done.returncode == 0:
                return done.stdout.split(":")[0].strip(), "dpkg -S"
    return package_by_name(soname), "name"


def glibc_version():
    return os.confstr("CS_GNU_LIBC_VERSION").split()[-1]


def depends(folder):
    """The Depends field's packages, sorted, and the libraries found by name only."""
    packages, by_name = set(), []
    for soname, path in sorted(outside_libraries(folder).items()):
        if soname.startswith(("linux-vdso", "ld-linux")):
            continue
        package, how = package_of(soname, path)
        if package is None:
            raise SystemExit(f"make_deb: no package known for {soname} ({path})")
        packages.add(package)
        if how == "name":
            by_name.append(f"{soname} -> {package}")
    packages.add("libc6")
    fields = [f"libc6 (>= {glibc_version()})" if p == "libc6" else p for p in sorted(packages)]
    return fields, by_name


def installed_size(root):
    """KiB, as dpkg-gencontrol counts it: each file rounded up to 1 KiB, 1 for each folder
    and link."""
    total = 0
    for path in root.rglob("*"):
        if "DEBIAN" in path.relative_to(root).parts[:1]:
            continue
        total += 1 if path.is_symlink() or path.is_dir() else -(-path.stat().st_size // 1024)
    return total


def metainfo():
    return ET.parse(ROOT / "resources" / f"{APP_ID}.metainfo.xml").getroot()


def description():
    """The synopsis and the extended description (wrapped, lists kept as lists) from the
    AppStream metainfo's English text."""
    info = metainfo()
    paragraphs = []
    for element in info.find("description"):
        if element.get("{http://www.w3.org/XML/1998/namespace}lang"):
            continue
        if element.tag == "p":
            paragraphs.append(textwrap.wrap(" ".join(element.text.split()), 78))
        elif element.tag == "ul":  # a line starting with a space is shown as it is
            paragraphs.append([f" - {li.text.strip()}" for li in element])
    body = "\n .\n".join("\n".join(" " + line for line in lines) for lines in paragraphs)
    return info.findtext("summary"), body


def control(deps, size):
    synopsis, body = description()
    return (f"Package: {PACKAGE}\nVersion: {version()}\nArchitecture: amd64\n"
            f"Maintainer: {MAINTAINER}\nInstalled-Size: {size}\n"
            f"Depends: {', '.join(deps)}\nSection: education\nPriority: optional\n"
            f"Homepage: {HOMEPAGE}\nDescription: {synopsis[0].lower() + synopsis[1:]}\n"
            f"{body}\n")


def without_gpl(text):
    """NumPy's licence file with the full GPL-3.0 text (of its GCC runtime) replaced by where
    Debian keeps it (lintian: copyright-file-contains-full-gpl-license)."""
    head, gpl = text.split("GNU GENERAL PUBLIC LICENSE", 1)
    tail = gpl[gpl.index("Name: libquadmath"):] if "Name: libquadmath" in gpl else ""
    return (head.rstrip().removesuffix("----").rstrip() + "\n\nThe GPL-3.0 text: on Debian "
            "systems /usr/share/common-licenses/GPL-3.\n\n----\n\n" + tail)


def copyright_text():
    """debian/copyright in the machine-readable format: xorlab and what the bundle carries."""
    mit = (ROOT / "LICENSE").read_text("utf-8")
    mit_body = mit.split("\n", 1)[1].strip() if mit.startswith("MIT") else mit.strip()
    notice = re.search(r"Copyright[^\n]*", mit).group(0)
    ofl = (ROOT / "resources" / "fonts" / "OFL.txt").read_text("utf-8")
    psf = (ROOT / "resources" / "licenses" / "Python-PSF-2.0.txt").read_text("utf-8")
    numpy = without_gpl((ROOT / "resources" / "licenses" / "numpy-BSD-3-Clause.txt")
                        .read_text("utf-8"))
    pyqtgraph = (ROOT / "resources" / "licenses" / "pyqtgraph-MIT.txt").read_text("utf-8")

    def indent(text):
        return "\n".join(" " + line if line.strip() else " ." for line in
                         text.strip().splitlines())

    return f"""Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: xorlab
Source: {HOMEPAGE}
Comment: A PyInstaller build: /opt/xorlab/_internal holds Python, Qt, PySide6, pyqtgraph,
 NumPy and libraries of the build system. /opt/xorlab/THIRD_PARTY_NOTICES.md lists them
 and says how to replace the Qt libraries (LGPL-3.0).

Files: *
Copyright: {notice.removeprefix("Copyright (c) ").removeprefix("Copyright ")}
License: MIT

Files: opt/xorlab/_internal/PySide6/* opt/xorlab/_internal/shiboken6/*
 opt/xorlab/_internal/libQt6* opt/xorlab/_internal/libpyside6* opt/xorlab/_internal/libshiboken6*
Copyright: The Qt Company Ltd. and other contributors
License: LGPL-3
 On Debian systems the full text is in /usr/share/common-licenses/LGPL-3 (and the GPL it
 builds on in /usr/share/common-licenses/GPL-3).

Files: opt/xorlab/_internal/pyqtgraph/*
Copyright: pyqtgraph developers
License: MIT-pyqtgraph

Files: opt/xorlab/_internal/numpy/* opt/xorlab/_internal/numpy.libs/*
Copyright: NumPy Developers; OpenBLAS, LAPACK and the GCC runtime, see below
License: BSD-3-Clause-numpy

Files: opt/xorlab/_internal/libpython* opt/xorlab/_internal/base_library.zip
 opt/xorlab/_internal/lib-dynload/* opt/xorlab/_internal/python3*
Copyright: Python Software Foundation
License: PSF-2.0

Files: opt/xorlab/_internal/resources/fonts/*
Copyright: 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'
License: OFL-1.1

License: MIT
{indent(mit_body)}

License: MIT-pyqtgraph
{indent(pyqtgraph)}

License: BSD-3-Clause-numpy
{indent(numpy)}

License: PSF-2.0
{indent(psf)}

License: OFL-1.1
{indent(ofl)}
"""


def changelog():
    """A native package's changelog: the release in the metainfo."""
    release = metainfo().find("releases/release")
    date = datetime.fromisoformat(release.get("date")).replace(tzinfo=UTC)
    return (f"{PACKAGE} ({version()}) unstable; urgency=low\n\n"
            f"  * Release {version()}: see {HOMEPAGE}\n\n"
            f" -- {MAINTAINER}  {format_datetime(date)}\n")


def man_page():
    synopsis, _ = description()
    return f""".TH XORLAB 1 "" "xorlab {version()}" "User Commands"
.SH NAME
xorlab, xorlab\\-cli \\- {synopsis.lower()}
.SH SYNOPSIS
.B xorlab
[\\fBapp\\fR [\\fIMODEL\\fR]]
.br
.B xorlab
\\fBtrain\\fR|\\fBsweep\\fR|\\fBlessons\\fR|\\fBlist\\fR|\\fBgradcheck\\fR [\\fIOPTIONS\\fR]
.SH DESCRIPTION
Without a command, or with \\fBapp\\fR, xorlab opens its window: a desktop simulator in
which students see how neural networks learn (the XOR problem, backpropagation, sigmoid
against ReLU). The other commands train and compare networks in a terminal;
\\fBxorlab \\fICOMMAND\\fB \\-\\-help\\fR describes each. \\fBxorlab\\-cli\\fR is the same program.
.SH FILES
.TP
.I ~/.local/share/xorlab/xorlab/
autosave, the last session and the log of errors
.TP
.I /opt/xorlab/THIRD_PARTY_NOTICES.md
the software the program carries and its licences
"""


def write_gzip(path, text):
    """gzip -9n: no name, no time stamp (lintian, and reproducible)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                                compresslevel=9, mtime=0) as out:
        out.write(text.encode("utf-8"))


def stage(folder, root):
    """Lay out the package's files under `root` (emptied first)."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(folder, root / PREFIX, symlinks=True)
    for path in (root / PREFIX).rglob("*"):  # dpkg keeps the modes: 0755 programs, 0644 rest
        if not path.is_symlink():
            executable = path.is_dir() or path.parent == root / PREFIX and path.name in PROGRAMS
            path.chmod(0o755 if executable else 0o644)
    res = ROOT / "resources"
    share = root / "usr" / "share"
    (root / "usr" / "bin").mkdir(parents=True)
    for name in PROGRAMS:
        (root / "usr" / "bin" / name).symlink_to(f"/{PREFIX}/{name}")
    for source, target in ((res / f"{APP_ID}.desktop", share / "applications"),
                           (res / f"{APP_ID}.metainfo.xml", share / "metainfo")):
        target.mkdir(parents=True)
        shutil.copyfile(source, target / source.name)
    for size in ICON_SIZES:
        icons = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        icons.mkdir(parents=True)
        shutil.copyfile(res / "icons" / f"xorlab-{size}.png", icons / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copyfile(res / "xorlab.svg", scalable / f"{APP_ID}.svg")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(), encoding="utf-8")
    write_gzip(doc / "changelog.gz", changelog())
    man = share / "man" / "man1"
    write_gzip(man / "xorlab.1.gz", man_page())
    (man / "xorlab-cli.1.gz").symlink_to("xorlab.1.gz")
    for path in share.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)
    for path in (root, root / "usr", root / "usr" / "bin", root / "opt", share):
        path.chmod(0o755)


def build(folder, out, work):
    """Stage, write DEBIAN/control and build; the .deb's path. Prints what Depends came
    from."""
    root = work / "root"
    stage(folder, root)
    deps, by_name = depends(folder)
    if by_name:
        print("make_deb: not on this machine, named by Debian's rule: " + ", ".join(by_name))
    (root / "DEBIAN").mkdir(mode=0o755)
    (root / "DEBIAN" / "control").write_text(control(deps, installed_size(root)),
                                             encoding="utf-8")
    deb = out / f"{PACKAGE}_{version()}_amd64.deb"
    subprocess.run(["dpkg-deb", "--build", "--root-owner-group", "-Zxz", str(root), str(deb)],
                   check=True, stdout=subprocess.DEVNULL)
    print(f"make_deb: {deb.relative_to(ROOT) if deb.is_relative_to(ROOT) else deb} "
          f"({deb.stat().st_size / 2**20:.0f} MiB); Depends: {', '.join(deps)}")
    return deb


REQUIRED = [f"{PREFIX}/xorlab", f"{PREFIX}/xorlab-cli", f"{PREFIX}/_internal",
            f"usr/share/applications/{APP_ID}.desktop", f"usr/share/metainfo/{APP_ID}.metainfo.xml",
            f"usr/share/icons/hicolor/256x256/apps/{APP_ID}.png",
            f"usr/share/doc/{PACKAGE}/copyright"]


def check_extracted(deb, into):
    """Extract `deb` with dpkg-deb -x into `into`; the list of what is wrong with it (empty:
    the files are in place, the programs on PATH point at the extracted ones, the control
    file has its fields)."""
    subprocess.run(["dpkg-deb", "-x", str(deb), str(into)], check=True)
    problems = [f"missing /{p}" for p in REQUIRED if not (into / p).exists()]
    for name in PROGRAMS:
        link = into / "usr" / "bin" / name
        target = os.readlink(link) if link.is_symlink() else None
        if target != f"/{PREFIX}/{name}" or not os.access(into / PREFIX / name, os.X_OK):
            problems.append(f"/usr/bin/{name} -> {target}: not the program /{PREFIX}/{name}")
    fields = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True,
                            text=True, check=True).stdout
    for field in ("Package", "Version", "Architecture", "Maintainer", "Installed-Size",
                  "Depends", "Description"):
        if not re.search(rf"^{field}: \S", fields, re.M):
            problems.append(f"control has no {field}")
    return problems


def main(argv):
    folder = Path(argv[0]) if argv else ROOT / "dist" / "xorlab"
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "dist"
    if not (folder / "xorlab").is_file():
        sys.exit(f"make_deb: no PyInstaller build in {folder} (run scripts/package)")
    build(folder, out, ROOT / "build" / "deb")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
