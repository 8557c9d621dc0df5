"""`scripts/bench.py --gui`: an engine case trained inside the window, offscreen.

Prints training steps/s in the app against the headless engine (same process), rendered plot
frames/s, and the longest event-loop stall seen by a 10 ms QTimer probe.

The app and the headless engine take turns, as the engine bench pairs its runs: ROUNDS rounds
of a headless run (HEADLESS_SECONDS, the window paused) and then training in the window
(`seconds` / ROUNDS, after a short warm-up). Each round gives a ratio; the median is reported.
A machine whose speed drifts (other guests on the host) thus slows both sides of a pair alike.
Frames and stalls are counted only while the window trains.

Where the system allows it (Linux, 2 or more CPUs), the window is kept on one CPU and the engine
process on another, and the headless runs move to the engine's CPU: on this kind of virtual
machine one CPU often runs at half the speed of the other for seconds at a time, which made
the ratio measure the two CPUs rather than the app (rounds from 0.48 to 1.43 unpinned).
"""

from __future__ import annotations

import gc
import os
import statistics
import tempfile
import time

ROUNDS = 10
HEADLESS_SECONDS = 1.0
WARM_UP_SECONDS = 0.3  # after Play, before counting: the first frames rescale the axes


def bench_gui(seconds, case, spec, headless_rate, engine="process", case_number=2,
              compare=None):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from dataclasses import replace

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from xorlab.app.window import MainWindow
    from xorlab.engine import TrainConfig
    from xorlab.lab.session import Session

    app = QApplication.instance() or QApplication([])
    folder = tempfile.TemporaryDirectory(prefix="xorlab-bench-")
    settings = QSettings(os.path.join(folder.name, "bench.ini"), QSettings.IniFormat)
    session = Session(
        hidden=tuple(spec["layers"][:-1]), init=spec["init"], seed=spec["seed"],
        data={"name": case["dataset"], "n": case["n"], "noise": 0.0, "test_fraction": 0.0,
              "seed": 0},
        training=TrainConfig(optimizer=case["opt"], lr=case["lr"], batch_size=case["batch"],
                             eval_every=0))
    if compare is not None:  # a second run in lockstep, e.g. Compare("activation", "relu")
        session = replace(session, compare=compare)
    window = MainWindow(session, settings=settings, engine=engine)
    window.ask_to_save = False
    window.show()
    gc.freeze()  # as xorlab.app.main() does
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_setaffinity") else []
    pinned = len(cpus) >= 2 and engine == "process"
    gui_cpu, engine_cpu = (cpus[0], cpus[1]) if pinned else (None, None)
    if pinned:
        os.sched_setaffinity(window.controller.engine.pid, {engine_cpu})
        os.sched_setaffinity(0, {gui_cpu})
    turn = seconds / ROUNDS
    rounds, gaps = [], []
    state = {"probe": None, "counting": False}

    def probe():
        now = time.perf_counter()
        if state["counting"] and state["probe"] is not None:
            gaps.append(now - state["probe"])
        state["probe"] = now

    def mark():
        """(time, step, frames, drawing seconds) now."""
        snap = window.controller.latest
        return (time.perf_counter(), snap.step if snap else 0, window.plot_frames,
                window.frame_seconds)

    def headless_turn():
        if len(rounds) == ROUNDS:
            window.close()
            app.quit()
            return
        if pinned:  # the engine is paused: its CPU is free for the headless run
            os.sched_setaffinity(0, {engine_cpu})
        state["headless"] = headless_rate(case, HEADLESS_SECONDS)
        if pinned:
            os.sched_setaffinity(0, {gui_cpu})
        window.controller.play()
        QTimer.singleShot(round(1000 * WARM_UP_SECONDS), start_counting)

    def start_counting():
        state["start"], state["probe"], state["counting"] = mark(), None, True
        QTimer.singleShot(round(1000 * turn), stop_counting)

    def stop_counting():
        state["counting"] = False
        state["shown"] = shown_views(window)
        (t0, s0, f0, d0), (t1, s1, f1, d1) = state["start"], mark()
        window.controller.pause()
        app_rate = (s1 - s0) / (t1 - t0)
        rounds.append(dict(app=app_rate, headless=state["headless"],
                           ratio=app_rate / state["headless"], fps=(f1 - f0) / (t1 - t0),
                           frame_ms=1000 * (d1 - d0) / max(f1 - f0, 1),
                           drawing_share=(d1 - d0) / (t1 - t0)))
        QTimer.singleShot(300, headless_turn)  # let the engine see the pause

    probe_timer = QTimer()
    probe_timer.timeout.connect(probe)
    probe_timer.start(10)
    QTimer.singleShot(1000, headless_turn)
    app.exec()
    if pinned:
        os.sched_setaffinity(0, cpus)

    def median(key):
        return statistics.median(r[key] for r in rounds)

    r = dict(app_steps_per_s=round(median("app")), headless_steps_per_s=round(median("headless")),
             ratio=round(median("ratio"), 3), ratios=[round(x["ratio"], 2) for x in rounds],
             frames_per_s=round(median("fps"), 1), frames_per_s_lowest=round(
                 min(x["fps"] for x in rounds), 1),
             longest_stall_ms=round(max(gaps) * 1000, 1) if gaps else None,
             frame_ms=round(median("frame_ms"), 1), drawing_share=round(median("drawing_share"), 3),
             window_size=f"{window.width()}x{window.height()}",
             shown=state.get("shown", ""),
             cpus=f"window on CPU {gui_cpu}, engine and headless on CPU {engine_cpu}"
             if pinned else "not pinned")
    folder.cleanup()
    what = f"gui case {case_number}" + (" in compare mode (two runs, each at the rate shown)"
                                        if compare is not None else "")
    print(f"{what}, engine {engine} ({ROUNDS} rounds of {turn:.1f} s in the "
          f"window, each after "
          f"{HEADLESS_SECONDS:.0f} s headless): {r['app_steps_per_s']} steps/s in the app "
          f"({'ok' if r['app_steps_per_s'] >= 15000 or case_number != 2 else 'BELOW 15000'}), "
          f"headless "
          f"{r['headless_steps_per_s']} steps/s; ratio {r['ratio']:.2f} "
          f"({'ok' if r['ratio'] >= (0.4 if compare else 0.7) else 'BELOW TARGET'}; "
          f"rounds {r['ratios']}); "
          f"{r['frames_per_s']} plot frames/s, lowest {r['frames_per_s_lowest']} "
          f"({'ok' if r['frames_per_s_lowest'] >= 30 else 'BELOW 30'}); "
          f"longest event-loop stall {r['longest_stall_ms']} ms "
          f"({'ok' if (r['longest_stall_ms'] or 0) <= 50 else 'ABOVE 50'}); "
          f"window {r['window_size']}; a frame takes {r['frame_ms']} ms to draw, "
          f"{r['drawing_share']:.0%} of the GUI thread's time; shown: {r['shown']}; "
          f"{r['cpus']}", flush=True)
    return r


def shown_views(window):
    """The names of the painted views on screen (the image views for the digits)."""
    return ", ".join(sorted(v.objectName() or type(v).__name__ for v in window.frames.views
                            if v.isVisible()))


def bench_sweep_stall():
    """The default sweep started from the window (offscreen): its time, and the longest
    event-loop stall a 10 ms timer probe sees meanwhile (target ≤ 50 ms)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from xorlab.app.window import MainWindow

    app = QApplication.instance() or QApplication([])
    folder = tempfile.TemporaryDirectory(prefix="xorlab-bench-")
    window = MainWindow(settings=QSettings(os.path.join(folder.name, "b.ini"),
                                           QSettings.IniFormat))
    window.ask_to_save = False
    window.show()
    window.tabs.setCurrentWidget(window.sweep)
    gaps, last = [], [None]

    def probe():
        now = time.perf_counter()
        if last[0] is not None and window.sweep.running():
            gaps.append(now - last[0])
        last[0] = now
        if window.sweep.result is not None:
            window.close()
            app.quit()

    timer = QTimer()
    timer.timeout.connect(probe)
    timer.start(10)
    QTimer.singleShot(500, window.sweep.run)
    app.exec()
    stall = 1000 * max(gaps) if gaps else None
    seconds = window.sweep.result.seconds
    print(f"sweep in the window: {seconds:.1f} s; longest event-loop stall meanwhile "
          f"{stall:.1f} ms ({'ok' if stall is not None and stall <= 50 else 'ABOVE 50'})",
          flush=True)
    folder.cleanup()
    return {"sweep_s": round(seconds, 2), "longest_stall_ms": round(stall or 0, 1)}
