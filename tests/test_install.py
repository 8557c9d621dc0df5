"""The Debian package's parts (scripts/make_deb.py) on a stand-in for the PyInstaller folder:
the layout, the control file, the copyright file, the library package names. The real
package is built and its extracted programs smoke-tested by `scripts/package` (.ci/run), and
the sdist and wheel installed and run by `scripts/dev.py install-test` (.ci/run too): both
take minutes, so not here."""

import importlib.util
import os
import re
import shutil
import stat
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_deb", ROOT / "scripts" / "make_deb.py")
make_deb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_deb)


@pytest.fixture
def bundle(tmp_path):
    """A folder laid out like dist/xorlab/ (no ELF files: nothing for ldd)."""
    folder = tmp_path / "xorlab"
    (folder / "_internal" / "resources").mkdir(parents=True)
    for name in make_deb.PROGRAMS:
        (folder / name).write_text("#!/bin/sh\necho xorlab 0.0\n")
        (folder / name).chmod(0o700)
    (folder / "_internal" / "libfoo.so.1").write_text("not a library")
    (folder / "_internal" / "libfoo.so").symlink_to("libfoo.so.1")
    return folder


@pytest.mark.parametrize("soname, package", [
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"), ("libEGL.so.1", "libegl1"),
    ("libwayland-egl.so.1", "libwayland-egl1"), ("libfontconfig.so.1", "libfontconfig1"),
])
def test_library_package_names(soname, package):
    assert make_deb.package_by_name(soname) == package


def test_layout(bundle, tmp_path):
    root = tmp_path / "root"
    make_deb.stage(bundle, root)
    for path in make_deb.REQUIRED:
        assert (root / path).exists(), path
    for name in make_deb.PROGRAMS:
        assert os.readlink(root / "usr" / "bin" / name) == f"/opt/xorlab/{name}"
        assert stat.S_IMODE((root / "opt" / "xorlab" / name).stat().st_mode) == 0o755
    assert stat.S_IMODE((root / "opt/xorlab/_internal/libfoo.so.1").stat().st_mode) == 0o644
    assert os.readlink(root / "opt/xorlab/_internal/libfoo.so") == "libfoo.so.1"
    for size in make_deb.ICON_SIZES:
        assert (root / f"usr/share/icons/hicolor/{size}x{size}/apps"
                f"/{make_deb.APP_ID}.png").is_file()


def test_control_and_copyright():
    control = make_deb.control(["libc6 (>= 2.36)", "libxcb1"], 1234)
    fields = dict(re.findall(r"^([\w-]+): (.*)$", control, re.M))
    assert fields["Package"] == "xorlab" and fields["Architecture"] == "amd64"
    assert fields["Version"] == make_deb.version() and fields["Installed-Size"] == "1234"
    assert fields["Depends"] == "libc6 (>= 2.36), libxcb1"
    assert re.fullmatch(r".+ <[^@\s]+@[^@\s]+>", fields["Maintainer"])
    description = control.split("Description: ", 1)[1].splitlines()
    assert 0 < len(description[0]) < 80 and len(description) > 3
    assert all(line.startswith(" ") and len(line) <= 80 for line in description[1:])
    copyright_text = make_deb.copyright_text()
    assert copyright_text.startswith("Format: https://www.debian.org/doc/packaging-manuals/")
    assert "END OF TERMS AND CONDITIONS" not in copyright_text  # no full GPL text (lintian)
    for name in ("MIT", "LGPL-3", "PSF-2.0", "OFL-1.1", "BSD-3-Clause-numpy"):
        assert f"License: {name}\n" in copyright_text


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (Debian)")
def test_build_and_extract(bundle, tmp_path):
    deb = make_deb.build(bundle, tmp_path, tmp_path / "work")
    assert deb.name == f"xorlab_{make_deb.version()}_amd64.deb"
    assert make_deb.check_extracted(deb, tmp_path / "extracted") == []
    assert (tmp_path / "extracted" / "opt/xorlab/xorlab").read_text().startswith("#!/bin/sh")
    (bundle / "xorlab-cli").unlink()  # a build without its console program
    (tmp_path / "broken").mkdir()
    deb = make_deb.build(bundle, tmp_path / "broken", tmp_path / "work2")
    problems = make_deb.check_extracted(deb, tmp_path / "extracted2")
    assert any("xorlab-cli" in p for p in problems)
