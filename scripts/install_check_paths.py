"""Run by scripts/install_test.py with an installed xorlab's python, HOME, XDG_CONFIG_HOME and
XDG_DATA_HOME in Hangul folders with spaces:

    python install_check_paths.py "<dir>/내 모델.xorlab" "<dir>/다른 이름.xorlab"

The window (engine in its own process) opens the first file, trains on, saves as the
second, autosaves into the user data folder (in XDG_DATA_HOME; on Windows and macOS, where
Qt takes it from the user's profile, XORLAB_DATA_DIR set by the caller) on its timer and at
quit; a second window then restores that autosave (the last session) and opens the saved
file. Exit status 0 when every step held; prints what it checked.
"""

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

TIMEOUT = 60


def wait_until(condition, what):
    end = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > end:
            sys.exit(f"timed out waiting for {what}")
        QApplication.processEvents()
        time.sleep(0.01)


def require(ok, what):
    if not ok:
        sys.exit(f"FAILED: {what}")


def window(engine="process"):
    from xorlab.app import MainWindow

    w = MainWindow(engine=engine)
    w.ask_to_save = False
    w.show()
    wait_until(lambda: w.controller.latest is not None, "the first snapshot")
    return w


def train(w, steps):
    target = w.controller.latest.step + steps
    w.controller.step(steps)
    wait_until(lambda: w.controller.latest.step == target, f"step {target}")


def main(model, saved_as):
    import xorlab
    from xorlab.app.recovery import data_folder
    from xorlab.engine import load_model

    model, saved_as = Path(model), Path(saved_as)
    require("site-packages" in xorlab.__file__, f"xorlab installed, not {xorlab.__file__}")
    app = QApplication(sys.argv[:1])
    app.setApplicationName("xorlab")
    app.setOrganizationName("xorlab")
    # Linux: Qt's user data folder in XDG_DATA_HOME; Windows and macOS: XORLAB_DATA_DIR
    linux = sys.platform.startswith("linux")
    data_home = Path(os.environ["XDG_DATA_HOME" if linux else "XORLAB_DATA_DIR"]).resolve()
    folder = data_folder()
    require(folder is not None and folder.resolve().is_relative_to(data_home),
            f"the user data folder {folder} is in {data_home}")

    w = window()
    opened = load_model(model)[2]["step"]
    require(opened > 0 and w.open_path(str(model)), f"opened {model.name}")
    wait_until(lambda: w.controller.latest.step == opened, "the opened file's step")
    train(w, 20)
    require(w.save_path(str(saved_as)), f"saved as {saved_as.name}")
    require(load_model(saved_as)[2]["step"] == opened + 20, "the saved step")
    recovery = w.enable_recovery(seconds=0.2)
    require(recovery.active and recovery.path.parent == folder, "autosave into the data folder")
    train(w, 5)
    wait_until(lambda: recovery.path.exists()
               and load_model(recovery.path)[2]["step"] == opened + 25, "the timer's autosave")
    train(w, 5)
    recovery.timer.stop()
    w.close()  # the autosave at quit, the engine process stops
    require(load_model(recovery.path)[2]["step"] == opened + 30, "the autosave at quit")
    w.settings.sync()
    ini = Path(w.settings.fileName())  # Windows: a registry key, not a file
    if linux:  # Windows: the registry; macOS: ~/Library/Preferences of the real user
        config = Path(os.environ["XDG_CONFIG_HOME"])
        require(ini.is_file() and ini.is_relative_to(config), f"settings {ini} in {config}")
    recent = w.files.recent_files()
    require(str(saved_as) in recent, f"{saved_as.name} in the recent files {recent}")

    w2 = window()
    recovery2 = w2.enable_recovery()
    require(recovery2.previous and not recovery2.crashed, "the last session is offered")
    require(w2.restore_last_session(), "restored the last session")
    wait_until(lambda: w2.controller.latest.step == opened + 30, "the restored step")
    require(w2.open_path(str(saved_as)), f"reopened {saved_as.name}")
    wait_until(lambda: w2.controller.latest.step == opened + 20, "the reopened step")
    w2.close()
    where = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    print(f"opened, trained, saved, autosaved and reopened: {saved_as.name} at step "
          f"{opened + 20}, autosave at step {opened + 30} in {where}; settings {ini.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
