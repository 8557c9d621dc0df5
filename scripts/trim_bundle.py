"""What scripts/xorlab.spec leaves out of the build: files PyInstaller's Qt hooks collect but
xorlab never loads (measured on Linux: 219 MB before).

- Qt's translations except Korean and English (i18n.py loads qtbase_ko).
- Qt plugins: platforms other than xcb, wayland, offscreen and minimal; the EGL device and
  evdev/TUIO input plugins (for eglfs/linuxfb); the GTK3 platform theme (bundled without GTK,
  it would load the host's GTK against the bundled libraries); image formats other than SVG
  and ICO (PNG is built into QtGui); QtNetwork's TLS and network-information plugins.
- On Linux, the shared libraries that nothing kept links to any more (GTK's pango and cairo,
  Kerberos, libjpeg ...), found by following each kept binary's imports.

And on Linux `strip_python` strips the interpreter's own libraries (libpython and its
extension modules) as Debian strips its libraries (`strip --strip-unneeded`: the debugging
symbols, about 25 MB where Python was built with them, as pyenv does, and the static symbol
table; what they export stays). Only those: the wheels' libraries (NumPy's OpenBLAS, Qt) are already
stripped, and stripping them again breaks what auditwheel patched.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import PurePosixPath

PLUGIN_DIRS_DROPPED = {"egldeviceintegrations", "generic", "networkinformation", "tls"}
PLUGINS_DROPPED = {
    "platforms": {"qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc"},
    "platformthemes": {"qgtk3"},
    "imageformats": {"qgif", "qicns", "qjpeg", "qtga", "qtiff", "qwbmp", "qwebp", "qpdf"},
}
QT_LIBS_DROPPED = {"Qt6EglFSDeviceIntegration", "Qt6EglFsKmsSupport", "Qt6Network"}
TRANSLATIONS_KEPT = re.compile(r".*_(ko|en)\.qm$")


def _stem(name):
    """'libqgtk3.so' / 'qgtk3.dll' / 'libqgtk3.dylib' -> 'qgtk3'."""
    stem = name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def unused(dest):
    """True for a file (its path in the bundle) that xorlab never loads."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "translations" in parts and parts[-1].endswith(".qm") and "PySide6" in parts:
        return not TRANSLATIONS_KEPT.match(parts[-1])
    if "plugins" in parts and "PySide6" in parts and len(parts) >= 2:
        folder, name = parts[-2], parts[-1]
        return folder in PLUGIN_DIRS_DROPPED or _stem(name) in PLUGINS_DROPPED.get(folder, ())
    return _stem(parts[-1]) in QT_LIBS_DROPPED


def _linked_closure(binaries):
    """The destination names of the binaries reachable from the Python extensions, the
    Qt plugins and libpython by following the libraries each one links to."""
    from PyInstaller.depend.bindepend import get_imports

    by_name = {}
    for dest, src, _ in binaries:
        by_name.setdefault(PurePosixPath(dest).name, []).append((dest, src))
    todo = [(dest, src) for dest, src, kind in binaries
            if kind == "EXTENSION" or "/plugins/" in dest or dest.startswith("libpython")]
    seen = set()
    while todo:
        dest, src = todo.pop()
        if dest in seen:
            continue
        seen.add(dest)
        for name, _ in get_imports(src):
            todo.extend(by_name.get(PurePosixPath(name).name, []))
    return seen


def trim(analysis):
    """Drop the unused files from an Analysis' binaries and datas; print what went."""
    binaries = [b for b in analysis.binaries if not unused(b[0])]
    if sys.platform.startswith("linux"):
        kept = _linked_closure(binaries)
        binaries = [b for b in binaries if b[0] in kept]
    before, names = {b[0] for b in analysis.binaries}, {b[0] for b in binaries}
    # the links PyInstaller makes to libraries (e.g. libQt6Core.so.6 -> PySide6/Qt/lib/...)
    dangling = {d[0] for d in analysis.datas
                if d[2] == "SYMLINK" and d[1] in before and d[1] not in names}
    datas = [d for d in analysis.datas if not unused(d[0]) and d[0] not in dangling]
    gone = sorted(before - names)
    print(f"trim_bundle: left out {len(gone)} binaries and "
          f"{len(analysis.datas) - len(datas)} data files: "
          + " ".join(PurePosixPath(g).name for g in gone))
    analysis.binaries[:] = binaries
    analysis.datas[:] = datas


def strip_python(analysis, folder):
    """Linux: bundle stripped copies of the interpreter's binaries (binutils' strip, which
    comes with the objdump PyInstaller uses; skipped without it)."""
    tool = shutil.which("strip")
    if not sys.platform.startswith("linux") or tool is None:
        return
    prefix = str(PurePosixPath(sys.base_prefix)) + "/"
    binaries = []
    for dest, src, kind in analysis.binaries:
        if src.startswith(prefix):
            copy = folder / dest
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, copy)
            subprocess.run([tool, "--strip-unneeded", str(copy)], check=True)
            src = str(copy)
        binaries.append((dest, src, kind))
    analysis.binaries[:] = binaries
