#!/usr/bin/env python3
"""Render the main window offscreen after some training and save it as resources/screenshot.png
(the picture in the README)."""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from xorlab.app.window import MainWindow  # noqa: E402


def main(out="resources/screenshot.png", seconds=4.0):
    app = QApplication.instance() or QApplication([])
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.IniFormat)
    window = MainWindow(settings=settings)
    window.ask_to_save = False
    window.show()
    QTimer.singleShot(500, window.controller.play)

    def shoot():
        window.controller.pause()
        QTimer.singleShot(300, save)

    def save():
        window.grab().save(str(Path(out)))
        print(f"saved {out} at step {window.controller.latest.step}")
        window.close()
        app.quit()

    QTimer.singleShot(int(500 + seconds * 1000), shoot)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
