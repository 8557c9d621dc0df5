"""The garbage-collection rule of the window's process: cycles are collected in the GUI
thread only."""

from __future__ import annotations

_collector = None


def collect_garbage_in_gui_thread():
    """Call before starting a Python thread in the window's process. Python's cycle
    collector runs in whichever thread happens to allocate. If that is the snapshot reader,
    the thread engine or the sweep worker, it destroys Qt widgets (say, plots of a closed
    window) off the GUI thread, which can deadlock Qt. pyqtgraph's GarbageCollector turns
    automatic collection off and collects on a GUI-thread timer instead (once per process)."""
    global _collector
    if _collector is None:
        from pyqtgraph.util.garbage_collector import GarbageCollector

        _collector = GarbageCollector()
