"""The window's files: open and save models, export the plots as PNG and the history as CSV,
the recent files, and the question before an unsaved run is dropped.

A model file holds the session's network, training settings and data, the weights of the
snapshot being shown, and the run so far (step, epoch, history); opening one restores all of
it. A file that cannot be read changes nothing: the current run stays as it was.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..engine import ModelFileError, Network, SpecError
from ..lab.messages import message
from ..lab.runfile import read_run, write_run
from ..lab.session import SessionError
from .export import DEFAULT_SCALE, ExportError, export_widgets
from .i18n import error_text, message_text

RECENT_FILES = 8  # model files listed under File → Open Recent


class ModelFiles(QObject):
    """The file actions of one window, told only what they need: `settings` (the folder of
    the last file, the recent files), `session()` (the current Session: what a file of the
    command line keeps of it), `latest()` (the newest snapshot), `built_session(
    generation)` (the Session that network was built from), `continue_run(session, weights,
    run)` (show a run read from a file; returns its generation) and `plots` ({name: a view's
    widget}, exported as <name>.png). Dialogs open over the parent widget.
    `ask_to_save`: ask before an unsaved run is dropped (tests turn it off)."""

    problem = Signal(object, int)  # a lab.messages.Message to show, for so many ms
    titleChanged = Signal(str)  # the window's title: the file of this run

    def __init__(self, settings, session, latest, built_session, continue_run, plots,
                 parent=None):
        super().__init__(parent)
        self.settings, self.session = settings, session
        self.latest, self.built_session, self.continue_run = latest, built_session, continue_run
        self.plots = plots
        self.path = None  # the model file of this run
        self.saved_at = None  # (generation, step) last saved or opened
        self.ask_to_save = True

    # ---- model files ------------------------------------------------------------------------
    def open_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self.parent(), self.tr("Open model"),
                                              self.last_dir(),
                                              self.tr("xorlab models (*.xorlab);;All files (*)"))
        if path:
            self.open_path(path)

    def open_path(self, path):
        """Load a model file and continue its run; on any problem say so and keep the
        current run exactly as it is."""
        try:
            session, net, run = read_run(path, self.session())
        except (ModelFileError, SessionError, SpecError) as e:
            QMessageBox.critical(self.parent(), self.tr("Cannot open model"), error_text(e))
            self.problem.emit(message("not_opened", detail=e), 10000)
            if not Path(path).exists():
                self.forget_recent(path)  # a recent file that is gone
            return False
        if not self.adopt(session, net, run, path):
            return False
        self.problem.emit(message("opened", path=str(path)), 5000)
        return True

    def adopt(self, session, net, run, path=None):
        """Continue the run read from a file (after asking to save the current one); `path`
        None: the run has no file of its own yet (an autosave restored), so it counts as
        unsaved."""
        if not self.confirm_discard():
            return False
        generation = self.continue_run(session, net.flat.copy(), run)
        if path is None:
            self.forget()
            return True
        self.path = str(path)
        self.saved_at = (generation, run.step)
        self._remember(path)
        self.titleChanged.emit(f"xorlab — {Path(path).name}")
        return True

    def save(self):
        return self.save_as_dialog() if self.path is None else self.save_path(self.path)

    def save_as_dialog(self):
        path, _ = QFileDialog.getSaveFileName(self.parent(), self.tr("Save model"),
                                              self.last_dir(),
                                              self.tr("xorlab models (*.xorlab)"))
        if not path:
            return False
        if not path.endswith(".xorlab"):
            path += ".xorlab"
        return self.save_path(path)

    def save_path(self, path):
        """Save the network of the snapshot shown, with its session and its run."""
        problem = self.write_run(path)
        if problem is not None:
            if problem.code == "not_saved":
                QMessageBox.critical(self.parent(), self.tr("Cannot save"),
                                     error_text(problem.params["detail"]))
                self.problem.emit(problem, 10000)
            elif problem.code == "rebuilding":
                QMessageBox.warning(self.parent(), self.tr("Not saved"), message_text(problem))
            else:
                QMessageBox.warning(self.parent(), self.tr("Nothing to save"),
                                    message_text(problem))
            return False
        snap = self.latest()
        self.path = str(path)
        self.saved_at = (snap.generation, snap.step)
        self._remember(path)
        self.titleChanged.emit(f"xorlab — {Path(path).name}")
        self.problem.emit(message("saved", path=str(path)), 5000)
        return True

    def write_run(self, path):
        """Write the run shown (network, session, weights, step, history) to `path` as a
        model file; None when written, else the lab.messages.Message saying why not."""
        run, problem = self.run_shown()
        return problem if problem is not None else write_run(path, run)

    def run_shown(self):
        """(what a model file of the run shown holds, None), or (None, the Message saying why
        there is none). Plain values and immutable arrays only, so that the autosave can
        write it in a thread of its own (write_run)."""
        snap = self.latest()
        if snap is None or not snap.weights:
            return None, message("nothing_to_save")
        built = self.built_session(snap.generation)
        if built is None or snap.spec is None:
            return None, message("rebuilding")
        net = Network(snap.spec)
        for target, weights in zip(net.params, snap.weights):
            target[...] = weights
        history = {"steps": snap.step_steps,
                   "values": np.column_stack([snap.step_loss, snap.step_grad_norms]),
                   "eval_steps": snap.eval_steps, "eval_values": snap.eval_values}
        # the file holds one run: the first (compare mode's second run is not saved, so
        # the file opens with compare off rather than with an untrained second run)
        session = replace(built, training=snap.config, view=snap.view,
                          compare=replace(built.compare, on=False))
        return {"net": net, "session": session, "step": snap.step, "epoch": snap.epoch,
                "history": history}, None

    def unsaved(self):
        """True when the run shown has trained since it was last saved or opened."""
        snap = self.latest()
        return snap is not None and snap.step > 0 and \
            (snap.generation, snap.step) != self.saved_at

    def confirm_discard(self):
        """True when the current run may be dropped: it is saved, or the user says so (or
        saves it now)."""
        if not self.ask_to_save or not self.unsaved():
            return True
        answer = QMessageBox.question(
            self.parent(), self.tr("Unsaved run"),
            self.tr("This run has trained {0:,} steps and is not saved. Save it first?")
            .format(self.latest().step),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def forget(self):
        """A new, unnamed run."""
        self.path = self.saved_at = None
        self.titleChanged.emit("xorlab")

    # ---- exports ------------------------------------------------------------------------------
    def export_plots_dialog(self):
        folder = QFileDialog.getExistingDirectory(self.parent(),
                                                  self.tr("Export plots as PNG into"),
                                                  self.last_dir())
        if folder:
            self.export_plots(folder)

    def export_plots(self, folder):
        """Write <name>.png of each plot (decision, loss, gradients, activation, network) at
        2 × its size on screen, as File → Export view does (export.py)."""
        folder = Path(folder)
        written = []
        for name, widget in self.plots.items():
            path = folder / f"{name}.png"
            try:
                export_widgets([widget], path, DEFAULT_SCALE)
            except ExportError as e:
                QMessageBox.critical(self.parent(), self.tr("Cannot export"), error_text(e))
                self.problem.emit(message("not_exported", detail=e), 10000)
                return written
            written.append(path)
        self.problem.emit(message("exported_plots", count=len(written), folder=str(folder)),
                          5000)
        return written

    def export_history_dialog(self):
        path, _ = QFileDialog.getSaveFileName(self.parent(), self.tr("Export history"),
                                              self.last_dir(), self.tr("CSV files (*.csv)"))
        if path:
            self.export_history(path)

    def export_history(self, path):
        """CSV of the recorded steps: step, batch loss, gradient norm per layer."""
        snap = self.latest()
        if snap is None or not len(snap.step_steps):
            QMessageBox.information(self.parent(), self.tr("No history"),
                                    message_text(message("no_history")))
            return False
        L = snap.step_grad_norms.shape[1]
        header = "step,batch_loss," + ",".join(f"grad_norm_layer{i + 1}" for i in range(L))
        data = np.column_stack([snap.step_steps, snap.step_loss, snap.step_grad_norms])
        try:
            np.savetxt(path, data, delimiter=",", header=header, comments="",
                       fmt=["%d"] + ["%.10g"] * (L + 1))
        except OSError as e:
            QMessageBox.critical(self.parent(), self.tr("Cannot export"),
                                 f"{path}: {e.strerror or e}")
            return False
        self.problem.emit(message("exported_history", path=str(path)), 5000)
        return True

    # ---- the folder of the last file, and the recent files ----------------------------------
    def last_dir(self):
        return str(self.settings.value("lastDir", str(Path.home())))

    def _remember(self, path):
        """A model file opened or saved: its folder is the dialogs' next folder, and it
        heads the recent files."""
        self.settings.setValue("lastDir", str(Path(path).resolve().parent))
        path = str(Path(path).resolve())
        recent = [path] + [p for p in self.recent_files() if p != path]
        self.settings.setValue("recentFiles", recent[:RECENT_FILES])

    def recent_files(self):
        """The model files opened or saved last, newest first (File → Open Recent)."""
        value = self.settings.value("recentFiles", [])
        if isinstance(value, str):  # QSettings gives one item of a list as a string
            value = [value]
        return [str(p) for p in value or [] if isinstance(p, str) and p][:RECENT_FILES]

    def fill_recent_menu(self, menu):
        """File → Open Recent, filled as it opens."""
        menu.clear()
        recent = self.recent_files()
        for i, path in enumerate(recent, 1):
            action = menu.addAction(f"&{i} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if recent:
            menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear list"), self.forget_recent)
        clear.setObjectName("clearRecentAction")
        clear.setEnabled(bool(recent))

    def open_recent(self, path):
        """Open a file of File → Open Recent; one that is gone is said and dropped."""
        if not Path(path).is_file():
            self.forget_recent(path)
            self.problem.emit(message("recent_missing", path=path), 8000)
            return False
        return self.open_path(path)

    def forget_recent(self, path=None):
        """Drop one file from the recent files (it could not be opened), or all of them."""
        keep = [] if path is None else [
            p for p in self.recent_files() if p != str(Path(path).resolve())]
        self.settings.setValue("recentFiles", keep)

