"""Cyclic garbage (such as the plots of a closed window) must be freed on the GUI thread:
collected in the snapshot reader or engine thread, Qt widgets are destroyed off the GUI
thread and the app can deadlock (it did, once, in this suite)."""

import gc
import threading
import weakref

from conftest import WINDOW_TIMEOUT


class Cycle:
    """An object in a reference cycle that notes the thread that frees it."""

    freed_in = []

    def __init__(self):
        self.me = self

    def __del__(self):
        Cycle.freed_in.append(threading.current_thread())


def test_cycles_are_collected_on_the_gui_thread_while_threads_run(app_window, qtbot):
    assert app_window.controller.thread.isRunning()  # the snapshot reader, a Python thread
    assert not gc.isenabled()  # no automatic collection in whichever thread allocates
    Cycle.freed_in.clear()
    # pyqtgraph's collector collects when more objects were made than freed since the last
    # collection (gc's threshold, 700): one cycle alone may wait while the app's allocations
    # balance, so make more than that many
    refs = [weakref.ref(Cycle()) for _ in range(2 * gc.get_threshold()[0])]
    assert all(ref() is not None for ref in refs)  # cycles: only the collector frees them
    app_window.controller.play()  # snapshots keep the reader thread allocating
    qtbot.waitUntil(lambda: all(ref() is None for ref in refs), timeout=WINDOW_TIMEOUT)
    assert set(Cycle.freed_in) == {threading.main_thread()}
    assert len(Cycle.freed_in) == len(refs)
