"""The window's files: open and save models, export the plots as PNG and the history as CSV.

A model file holds the session's network, training settings and data, the weights of the
snapshot being shown, and the run so far (step, epoch, history); opening one restores all of
it. A file that cannot be read changes nothing: the current run stays as it was.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..engine import ModelFileError, Network, SpecError
from ..lab.messages import message
from ..lab.runfile import read_run, write_run
from ..lab.session import SessionError
from .i18n import error_text

RECENT_FILES = 8  # model files listed under File → Open Recent


class ModelFiles(QObject):
    """File actions of one MainWindow (the window's `open_path` / `save_path` call these)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.path = None  # the model file of this run
        self.saved_at = None  # (generation, step) last saved or opened

    # ---- model files ------------------------------------------------------------------------
    def open_dialog(self):
        w = self.window
        path, _ = QFileDialog.getOpenFileName(w, self.tr("Open model"), self._last_dir(),
                                              self.tr("xorlab models (*.xorlab);;All files (*)"))
        if path:
            self.open_path(path)

    def open_path(self, path):
        """Load a model file and continue its run; on any problem say so and keep the
        current run exactly as it is."""
        w = self.window
        try:
            session, net, run = read_run(path, w.session())
        except (ModelFileError, SessionError, SpecError) as e:
            QMessageBox.critical(w, self.tr("Cannot open model"), error_text(e))
            w.show_problem(message("not_opened", detail=e), 10000)
            if not Path(path).exists():
                self.forget_recent(path)  # a recent file that is gone
            return False
        if not self.adopt(session, net, run, path):
            return False
        w.show_problem(message("opened", path=str(path)), 5000)
        return True

    def adopt(self, session, net, run, path=None):
        """Continue the run read from a file (after asking to save the current one); `path`
        None: the run has no file of its own yet (an autosave restored), so it counts as
        unsaved."""
        w = self.window
        if not w.confirm_discard():
            return False
        generation = w.set_session(session, weights=net.flat.copy(), run=run)
        if path is None:
            self.forget()
            return True
        self.path = str(path)
        self.saved_at = (generation, run.step)
        self._remember(path)
        w.setWindowTitle(f"xorlab — {Path(path).name}")
        return True

    def save(self):
        return self.save_as_dialog() if self.path is None else self.save_path(self.path)

    def save_as_dialog(self):
        w = self.window
        path, _ = QFileDialog.getSaveFileName(w, self.tr("Save model"), self._last_dir(),
                                              self.tr("xorlab models (*.xorlab)"))
        if not path:
            return False
        if not path.endswith(".xorlab"):
            path += ".xorlab"
        return self.save_path(path)

    def save_path(self, path):
        """Save the network of the snapshot shown, with its session and its run."""
        w = self.window
        problem = self.write_run(path)
        if problem is not None:
            if problem.code == "not_saved":
                QMessageBox.critical(w, self.tr("Cannot save"),
                                     error_text(problem.params["detail"]))
                w.show_problem(problem, 10000)
            elif problem.code == "rebuilding":
                QMessageBox.warning(w, self.tr("Not saved"), w.message_text(problem))
            else:
                QMessageBox.warning(w, self.tr("Nothing to save"), w.message_text(problem))
            return False
        snap = w.controller.latest
        self.path = str(path)
        self.saved_at = (snap.generation, snap.step)
        self._remember(path)
        w.setWindowTitle(f"xorlab — {Path(path).name}")
        w.show_problem(message("saved", path=str(path)), 5000)
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
        w = self.window
        snap = w.controller.latest
        if snap is None or not snap.weights:
            return None, message("nothing_to_save")
        built = w.built_session(snap.generation)
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
        snap = self.window.controller.latest
        return snap is not None and snap.step > 0 and \
            (snap.generation, snap.step) != self.saved_at

    def forget(self):
        """A new, unnamed run."""
        self.path = self.saved_at = None
        self.window.setWindowTitle("xorlab")

    # ---- exports ------------------------------------------------------------------------------
    def export_plots_dialog(self):
        w = self.window
        folder = QFileDialog.getExistingDirectory(w, self.tr("Export plots as PNG into"),
                                                  self._last_dir())
        if folder:
            self.export_plots(folder)

    def export_plots(self, folder):
        """Write decision.png, loss.png, gradients.png, activation.png and network.png."""
        import pyqtgraph.exporters as exporters
        w = self.window
        folder = Path(folder)
        written = []
        for name, item in (("decision", w.decision_plot.getPlotItem()),
                           ("loss", w.loss_plot.ci),
                           ("gradients", w.gradient_plot.ci),
                           ("activation", w.activation_plot.getPlotItem())):
            exporter = exporters.ImageExporter(item)
            exporter.parameters()["width"] = max(int(item.boundingRect().width()), 400)
            exporter.export(str(folder / f"{name}.png"))
            written.append(folder / f"{name}.png")
        w.diagram.grab().save(str(folder / "network.png"))
        written.append(folder / "network.png")
        w.show_problem(message("exported_plots", count=len(written), folder=str(folder)), 5000)
        return written

    def export_history_dialog(self):
        w = self.window
        path, _ = QFileDialog.getSaveFileName(w, self.tr("Export history"), self._last_dir(),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_history(path)

    def export_history(self, path):
        """CSV of the recorded steps: step, batch loss, gradient norm per layer."""
        w = self.window
        snap = w.controller.latest
        if snap is None or not len(snap.step_steps):
            QMessageBox.information(w, self.tr("No history"), w.message_text(message("no_history")))
            return False
        L = snap.step_grad_norms.shape[1]
        header = "step,batch_loss," + ",".join(f"grad_norm_layer{i + 1}" for i in range(L))
        data = np.column_stack([snap.step_steps, snap.step_loss, snap.step_grad_norms])
        try:
            np.savetxt(path, data, delimiter=",", header=header, comments="",
                       fmt=["%d"] + ["%.10g"] * (L + 1))
        except OSError as e:
            QMessageBox.critical(w, self.tr("Cannot export"), f"{path}: {e.strerror or e}")
            return False
        w.show_problem(message("exported_history", path=str(path)), 5000)
        return True

    # ---- the folder of the last file, and the recent files ----------------------------------
    def _last_dir(self):
        return str(self.window.settings.value("lastDir", str(Path.home())))

    def _remember_dir(self, path):
        self.window.settings.setValue("lastDir", str(Path(path).resolve().parent))

    def _remember(self, path):
        """A model file opened or saved: its folder is the dialogs' next folder, and it
        heads the recent files."""
        self._remember_dir(path)
        path = str(Path(path).resolve())
        recent = [path] + [p for p in self.recent_files() if p != path]
        self.window.settings.setValue("recentFiles", recent[:RECENT_FILES])

    def recent_files(self):
        """The model files opened or saved last, newest first (File → Open Recent)."""
        value = self.window.settings.value("recentFiles", [])
        if isinstance(value, str):  # QSettings gives one item of a list as a string
            value = [value]
        return [str(p) for p in value or [] if isinstance(p, str) and p][:RECENT_FILES]

    def forget_recent(self, path=None):
        """Drop one file from the recent files (it could not be opened), or all of them."""
        keep = [] if path is None else [
            p for p in self.recent_files() if p != str(Path(path).resolve())]
        self.window.settings.setValue("recentFiles", keep)

