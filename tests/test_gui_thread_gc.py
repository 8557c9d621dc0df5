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
    ref = weakref.ref(Cycle())
    assert ref() is not None  # a cycle: only the collector frees it
    app_window.controller.play()  # snapshots keep the reader thread allocating
    qtbot.waitUntil(lambda: ref() is None, timeout=WINDOW_TIMEOUT)
    assert Cycle.freed_in == [threading.main_thread()]
