"""The Sweep view: the lecture's last slide made by the student — initializer × activation on a
deep network, the table filling in as the stacks finish, beside the paper's table.

The sweep runs off the GUI thread (a worker QThread drives lab.sweep_runner, which trains on
both cores), so the window stays responsive; the window pauses its own training meanwhile.
Hover a cell for its seeds and its gradient ratio; double-click it to load that network into
the editor.
"""

from __future__ import annotations

import html
import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...engine import ACTIVATIONS, INITIALIZERS
from ...engine.features import DEFAULT_FEATURES
from ...engine.spec import MAX_HIDDEN_LAYERS, MAX_UNITS
from ...engine.sweep import (
    PAPER_ACTIVATIONS,
    PAPER_INITS,
    PAPER_TABLE,
    SWEEP_DATASETS,
    SweepConfig,
    SweepResult,
)
from ...lab.sweep_runner import run_sweep
from ..editor.data_group import dataset_names
from ..gui_gc import collect_garbage_in_gui_thread
from ..i18n import error_text


class SweepWorker(QObject):
    """Runs one sweep in its own QThread; reports each finished stack."""

    progressed = Signal(int, int, object)  # done, total, cells
    finished = Signal(object)  # the SweepResult

    def __init__(self, config, cancel: threading.Event):
        super().__init__()
        self.config, self.cancel = config, cancel

    @Slot()
    def run(self):
        """The sweep on worker processes; where they cannot start, in this thread."""
        report = lambda d, t, c: self.progressed.emit(d, t, c)  # noqa: E731
        try:
            try:
                result = run_sweep(self.config, progress=report, cancelled=self.cancel.is_set)
            except OSError:  # no processes here (a sandbox, a frozen build)
                result = run_sweep(self.config, progress=report,
                                   cancelled=self.cancel.is_set, workers=1)
        except Exception as e:  # noqa: BLE001 - shown in the view, never lost in a thread
            result = SweepResult(self.config, {}, 0.5, 0.0, complete=False,
                                 error=f"{type(e).__name__}: {e}")
        finally:
            self.thread().quit()
        self.finished.emit(result)


class SweepView(QWidget):
    started = Signal()  # the window pauses its training
    finishedRun = Signal()  # a sweep ended (complete, cancelled or stopped)
    cellChosen = Signal(object)  # a double-clicked cell: the Session to load

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sweepView")
        self.result = None
        self.cells = {}
        self.thread = self.worker = None
        self.cancel = threading.Event()
        defaults = SweepConfig()
        self.depth = self._spin("sweepDepthSpin", 1, MAX_HIDDEN_LAYERS, defaults.depth)
        self.width = self._spin("sweepWidthSpin", 1, MAX_UNITS, defaults.width)
        self.seeds = self._spin("sweepSeedsSpin", 1, 20, defaults.seeds)
        self.steps = self._spin("sweepStepsSpin", 10, 100_000, defaults.steps)
        self.steps.setSingleStep(500)
        self.dataset = QComboBox(objectName="sweepDatasetCombo")
        names = dataset_names()
        for name in SWEEP_DATASETS:
            self.dataset.addItem(names.get(name, name), name)
        self.dataset.setCurrentIndex(self.dataset.findData(defaults.dataset))
        self.dataset.currentIndexChanged.connect(
            lambda: self._take_preset(self.dataset.currentData()))
        self.inits = self._checklist("sweepInitList", INITIALIZERS, PAPER_INITS)
        self.activations = self._checklist("sweepActivationList", ACTIVATIONS,
                                           PAPER_ACTIVATIONS)
        self.run_button = QPushButton(self.tr("Run sweep"), objectName="sweepRunButton")
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="sweepCancelButton")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(objectName="sweepProgress")
        self.status = QLabel(objectName="sweepStatusLabel")
        self.status.setWordWrap(True)
        self.agreement = QLabel(objectName="sweepAgreementLabel")
        self.agreement.setWordWrap(True)
        self.table = QTableWidget(objectName="sweepTable")
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.paper = QTableWidget(objectName="paperTable")
        self.paper.setEditTriggers(QTableWidget.NoEditTriggers)
        self._fill_paper()
        self.export_csv = QPushButton(self.tr("Export CSV…"), objectName="sweepExportCsvButton")
        self.export_md = QPushButton(self.tr("Export Markdown…"),
                                     objectName="sweepExportMarkdownButton")
        settings = QGridLayout()
        for row, (label, widget) in enumerate((
                (self.tr("hidden layers"), self.depth), (self.tr("units"), self.width),
                (self.tr("data"), self.dataset), (self.tr("seeds"), self.seeds),
                (self.tr("steps"), self.steps))):
            widget.setAccessibleName(label)
            settings.addWidget(QLabel(label), row, 0)
            settings.addWidget(widget, row, 1)
        for w, name in ((self.inits, self.tr("Initializers to sweep")),
                        (self.activations, self.tr("Activations to sweep")),
                        (self.table, self.tr("This sweep's test accuracy")),
                        (self.paper, self.tr("The paper's table"))):
            w.setAccessibleName(name)
        lists = QHBoxLayout()
        lists.addWidget(self.inits)
        lists.addWidget(self.activations)
        left = QVBoxLayout()
        left.addLayout(settings)
        left.addLayout(lists, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        left.addLayout(buttons)
        left.addWidget(self.progress)
        left.addWidget(self.status)
        tables = QVBoxLayout()
        tables.addWidget(QLabel(self.tr("<b>This sweep</b>: test accuracy %, mean over the "
                                        "seeds (in brackets: seeds that converged)")))
        tables.addWidget(self.table, 3)
        tables.addWidget(self.agreement)
        export = QHBoxLayout()
        export.addStretch(1)
        export.addWidget(self.export_csv)
        export.addWidget(self.export_md)
        tables.addLayout(export)
        note = QLabel(self.tr(
            "<b>The paper</b> (Mishkin &amp; Matas 2016, Table 3: CIFAR-10, FitNet4). The data "
            "differ — CIFAR-10's colour photos against a 2-D toy or 8×8 handwritten digits — "
            "so compare the shape, not the numbers: which cells are n/c. On the digits the "
            "shape is the paper's: sigmoid n/c everywhere, maxout n/c under MSRA."))
        note.setWordWrap(True)
        tables.addWidget(note)
        tables.addWidget(self.paper, 2)
        layout = QHBoxLayout(self)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setMaximumWidth(300)
        layout.addWidget(left_box)
        layout.addLayout(tables, 1)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel_sweep)
        self.table.cellDoubleClicked.connect(self._cell_chosen)
        self.export_csv.clicked.connect(lambda: self._export("csv"))
        self.export_md.clicked.connect(lambda: self._export("md"))
        self._set_grid(self.config())

    @staticmethod
    def _spin(name, low, high, value):
        spin = QSpinBox(objectName=name)
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    @staticmethod
    def _checklist(name, registry, checked):
        box = QListWidget(objectName=name)
        for key in registry:
            item = QListWidgetItem(key)
            item.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled)
            item.setCheckState(Qt.Checked if key in checked else Qt.Unchecked)
            box.addItem(item)
        return box

    @staticmethod
    def _checked(box, order):
        on = {box.item(i).text() for i in range(box.count())
              if box.item(i).checkState() == Qt.Checked}
        return tuple(k for k in order if k in on)

    def config(self):
        """The sweep the settings describe (paper order first)."""
        order_i = PAPER_INITS + tuple(k for k in INITIALIZERS if k not in PAPER_INITS)
        order_a = PAPER_ACTIVATIONS + tuple(k for k in ACTIVATIONS if k not in PAPER_ACTIVATIONS)
        return SweepConfig.preset(self.dataset.currentData(),
                                  inits=self._checked(self.inits, order_i),
                                  activations=self._checked(self.activations, order_a),
                                  depth=self.depth.value(), width=self.width.value(),
                                  seeds=self.seeds.value(), steps=self.steps.value())

    def _take_preset(self, dataset):
        """A dataset's own default sweep (SweepConfig.preset): the digits' wider, shorter
        one, or back to the 2-D one."""
        preset = SweepConfig.preset(dataset)
        for spin, value in ((self.depth, preset.depth), (self.width, preset.width),
                            (self.seeds, preset.seeds), (self.steps, preset.steps)):
            spin.setValue(value)

    # ---- running ----------------------------------------------------------------------------
    def run(self, config=None):
        """Start a sweep (the settings' one, or `config`); False when it cannot start."""
        if self.running():
            return False
        config = config or self.config()
        try:
            config.validated()
        except ValueError as e:
            self.status.setText(html.escape(error_text(e)))
            return False
        self._set_grid(config)
        self.cancel.clear()
        collect_garbage_in_gui_thread()
        self.thread = QThread()
        self.thread.setObjectName("xorlab-sweep")
        self.worker = SweepWorker(config, self.cancel)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.thread.finished.connect(self.worker.deleteLater)
        self.worker.progressed.connect(self._progressed)
        self.worker.finished.connect(self._finished)
        self.progress.setRange(0, 0)  # busy until the first stack is done
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Training {0} runs on both cores; the training view is "
                                    "paused meanwhile.").format(
            len(config.inits) * len(config.activations) * config.seeds))
        self.started.emit()
        self.thread.start()
        return True

    def running(self):
        return self.thread is not None and self.thread.isRunning()

    def cancel_sweep(self):
        """Stop: the cells finished so far stay."""
        self.cancel.set()

    def wait(self, ms=30_000):
        """Wait for the worker thread to end (closing the window, tests)."""
        if self.thread is not None:
            self.cancel.set()
            self.thread.wait(ms)

    @Slot(int, int, object)
    def _progressed(self, done, total, cells):
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self._show_cells(cells)

    @Slot(object)
    def _finished(self, result):
        self.result = result
        self._show_cells(result.cells)
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if result.complete else 0)
        if result.error:
            head = self.tr("Stopped after {0:.1f} s ({1}); the finished cells stay. ")
        elif result.complete:
            head = self.tr("Done in {0:.1f} s. ")
        else:
            head = self.tr("Cancelled after {0:.1f} s; the finished cells stay. ")
        self.status.setText(head.format(result.seconds, result.error)
                            + html.escape(error_text(result.rule_phrase())))
        self.finishedRun.emit()

    # ---- the tables ----------------------------------------------------------------------
    def _set_grid(self, config):
        self.grid = config
        self.cells = {}
        self.table.clear()
        self.table.setRowCount(len(config.inits))
        self.table.setColumnCount(len(config.activations))
        self.table.setVerticalHeaderLabels(list(config.inits))
        self.table.setHorizontalHeaderLabels(list(config.activations))

    def _show_cells(self, cells):
        self.cells = dict(cells)
        table = SweepResult(self.grid, self.cells, 0.5, 0.0)  # only for its agreement
        agree, of = table.agreement()
        self.agreement.setText(self.tr("Converged or n/c as in the paper's table: {0} of {1} "
                                       "cells (✓ agrees, ✗ differs).").format(agree, of)
                               if of else "")
        rows = {k: i for i, k in enumerate(self.grid.inits)}
        cols = {k: j for j, k in enumerate(self.grid.activations)}
        for (init, activation), cell in cells.items():
            text = "n/c" if cell.not_converged else f"{100 * cell.mean:.1f}"
            seeds = f"{cell.n_converged}/{len(cell.runs)}"
            mark = {True: " ✓", False: " ✗", None: ""}[table.agrees(init, activation)]
            colour = accuracy_color(None if cell.not_converged else cell.mean)
            item = QTableWidgetItem(f"{text}  ({seeds}){mark}")  # plain text: tests, copying
            item.setBackground(QBrush(colour))
            label = QLabel(f"<b>{text}</b> <small>{seeds}{mark}</small>")  # seeds: small
            label.setAlignment(Qt.AlignCenter)
            label.setStyleSheet(f"background: {colour.name()};")
            label.setAttribute(Qt.WA_TransparentForMouseEvents)  # clicks reach the table
            tip = self.tr("seeds: {0}\nconverged: {1} of {2}\n‖∂L/∂W¹‖ / ‖∂L/∂W_last‖ at "
                          "the start: {3:.2g}").format(
                ", ".join(f"{100 * a:.1f}" for a in cell.accuracies), cell.n_converged,
                len(cell.runs), cell.ratio)
            item.setToolTip(tip)
            self.table.setItem(rows[init], cols[activation], item)
            self.table.setCellWidget(rows[init], cols[activation], label)

    def cell_text(self, init, activation):
        item = self.table.item(self.grid.inits.index(init),
                               self.grid.activations.index(activation))
        return "" if item is None else item.text()

    def _fill_paper(self):
        self.paper.setRowCount(len(PAPER_INITS))
        self.paper.setColumnCount(len(PAPER_ACTIVATIONS))
        self.paper.setVerticalHeaderLabels(list(PAPER_INITS))
        self.paper.setHorizontalHeaderLabels(list(PAPER_ACTIVATIONS))
        for i, init in enumerate(PAPER_INITS):
            for j, activation in enumerate(PAPER_ACTIVATIONS):
                value = PAPER_TABLE[init][activation]
                text = "n/c" if value is None else (value if isinstance(value, str)
                                                    else f"{value:.2f}")
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignCenter)
                item.setBackground(QBrush(accuracy_color(
                    None if value is None else (value / 100 if isinstance(value, float)
                                                else 0.5))))
                self.paper.setItem(i, j, item)

    def _cell_chosen(self, row, column):
        self.cellChosen.emit((self.grid.inits[row], self.grid.activations[column], self.grid))

    def _export(self, kind):
        if self.result is None:
            return
        suffix = "csv" if kind == "csv" else "md"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the sweep"),
                                              str(Path.home() / f"sweep.{suffix}"),
                                              f"*.{suffix}")
        if path:
            self.export(path, kind)

    def export(self, path, kind):
        text = self.result.csv() if kind == "csv" else self.result.markdown()
        Path(path).write_text(text, encoding="utf-8")


def accuracy_color(accuracy):
    """White at 50 % to green at 100 %; n/c (None) a pale red."""
    if accuracy is None:
        return QColor(246, 214, 206)
    t = max(0.0, min(1.0, (accuracy - 0.5) / 0.5))
    return QColor(int(255 - 120 * t), int(255 - 40 * t), int(255 - 120 * t))


def cell_session(init, activation, config, base):
    """The Session of one cell of a sweep, on top of `base` (the window's session); on the
    plain inputs x₁, x₂ of points, or on the digits' pixels, as the sweep trains every
    network (the sweep's standardized pixels are its own: the session shows the images)."""
    from ...engine import TrainConfig
    training = TrainConfig(optimizer=config.optimizer, lr=config.lr, momentum=config.momentum,
                           batch_size=config.batch_size, l2=config.weight_decay, eval_every=0,
                           loss="bce")
    data = ({"name": config.dataset} if config.images else
            {"name": config.dataset, "n": config.n, "noise": config.noise,
             "test_fraction": 0.2, "seed": config.data_seed})
    return replace(base, data=data,
                   hidden=tuple({"units": config.width, "activation": activation}
                                for _ in range(config.depth)),
                   init=init, training=training, seed=0, view=None,
                   features=DEFAULT_FEATURES)  # not used on images
