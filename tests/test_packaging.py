"""What the PyInstaller spec leaves out (scripts/trim_bundle.py), for the file names of
Linux, Windows and macOS builds: only what xorlab never loads."""

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "trim_bundle", Path(__file__).resolve().parent.parent / "scripts" / "trim_bundle.py")
trim_bundle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(trim_bundle)
unused = trim_bundle.unused


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/translations/qt_de.qm", "PySide6/Qt/translations/qtbase_ja.qm",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6\\plugins\\imageformats\\qtiff.dll",
    "PySide6/Qt/plugins/imageformats/libqwebp.dylib",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", "PySide6/Qt/lib/libQt6Network.so.6",
    "libQt6Network.so.6", "PySide6/Qt6Network.dll",
])
def test_left_out(dest):
    assert unused(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/translations/qtbase_ko.qm", "PySide6/Qt/translations/qt_en.qm",
    "resources/translations/xorlab_ko.qm",
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6\\plugins\\platforms\\qwindows.dll",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
    "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/imageformats/libqico.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/lib/libQt6OpenGL.so.6", "PySide6/Qt/lib/libQt6OpenGLWidgets.so.6",
    "PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libicudata.so.73",
    "PySide6/QtOpenGLWidgets.abi3.so", "numpy.libs/libscipy_openblas64_-32a4b2a6.so",
])
def test_kept(dest):
    assert not unused(dest)
