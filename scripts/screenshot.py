#!/usr/bin/env python3
"""Render the main window offscreen after some training and save it as resources/screenshot.png
(the picture in the README).

    screenshot.py [out.png] [seconds]
    screenshot.py out.png --digits --steps 300 [--lang ko] [--image-tab 0|1|2] [--draw]

--digits trains the bundled digits (64-32-32-10, ReLU, He init, Adam) for --steps steps
instead of playing the default session for `seconds`; --image-tab picks the image view
shown (test images, confusion matrix, drawing), --draw paints a '7' on the canvas."""

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from xorlab.app.window import MainWindow  # noqa: E402

SEVEN = [(1, c) for c in range(1, 7)] + [(2, 6), (3, 5), (4, 4), (5, 4), (6, 3)]


def digits_session(session):
    from xorlab.lab.session import check_data

    session = replace(session, data=check_data({"name": "digits"}), init="msra",
                      hidden=({"units": 32, "activation": "relu"},) * 2)
    return session.with_training(optimizer="adam", lr=0.01, batch_size=64)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default="resources/screenshot.png")
    ap.add_argument("seconds", nargs="?", type=float, default=4.0)
    ap.add_argument("--digits", action="store_true")
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--lang", choices=["en", "ko"], default="en")
    ap.add_argument("--image-tab", type=int, default=0)
    ap.add_argument("--draw", action="store_true")
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    if args.lang == "ko":
        from xorlab.app.fonts import install_hangul_font
        from xorlab.app.i18n import install

        install_hangul_font()
        install(app, "ko")
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.IniFormat)
    window = MainWindow(settings=settings)
    window.ask_to_save = False
    window.resize(1366, 768)
    window.show()

    def save():
        window.grab().save(str(Path(args.out)))
        print(f"saved {args.out} at step {window.controller.latest.step}")
        window.close()
        app.quit()

    if args.digits:
        def start():
            window.set_session(digits_session(window.session()))
            window.image_panel.setCurrentIndex(args.image_tab)
            QTimer.singleShot(1500, lambda: window.controller.step(args.steps))
            wait()

        def wait():
            snap = window.controller.latest
            if snap is not None and snap.step >= args.steps and not snap.running \
                    and window.drawn():
                if args.draw:
                    for r, c in SEVEN:
                        window.image_panel.draw.canvas.paint_at(r, c)
                QTimer.singleShot(500, save)
            else:
                QTimer.singleShot(200, wait)

        QTimer.singleShot(500, start)
    else:
        QTimer.singleShot(500, window.controller.play)

        def shoot():
            window.controller.pause()
            QTimer.singleShot(300, save)

        QTimer.singleShot(int(500 + args.seconds * 1000), shoot)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
