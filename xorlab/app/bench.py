"""`scripts/bench.py --gui`: engine case 2 trained inside the window, offscreen.

Prints training steps/s in the app against the headless engine (same process), rendered plot
frames/s, and the longest event-loop stall seen by a 10 ms QTimer probe.
"""

from __future__ import annotations

import gc
import os
import tempfile
import time


def bench_gui(seconds, case, spec, headless_rate):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from ..engine import TrainConfig
    from .session import Session
    from .window import MainWindow

    headless = headless_rate(case, 3.0)
    app = QApplication.instance() or QApplication([])
    settings = QSettings(os.path.join(tempfile.mkdtemp(), "bench.ini"), QSettings.IniFormat)
    session = Session(
        network=spec,
        data={"name": case["dataset"], "n": case["n"], "noise": 0.0, "test_fraction": 0.0,
              "seed": 0},
        train=TrainConfig(optimizer=case["opt"], lr=case["lr"], batch_size=case["batch"],
                          eval_every=0))
    window = MainWindow(session, settings=settings)
    window.show()
    gc.freeze()  # as xorlab.app.main() does
    gaps, state = [], {"last": None, "start": None}

    def probe():
        now = time.perf_counter()
        if state["last"] is not None and state["start"] is not None:
            gaps.append(now - state["last"])
        state["last"] = now

    probe_timer = QTimer()
    probe_timer.timeout.connect(probe)
    probe_timer.start(10)
    results = {}

    def start():
        state["start"] = (time.perf_counter(), window.controller.latest.step
                          if window.controller.latest else 0, window.plot_frames,
                          window.frame_seconds)
        window.controller.play()

    def finish():
        t0, step0, frames0, drawing0 = state["start"]
        elapsed = time.perf_counter() - t0
        snap = window.controller.latest
        steps = snap.step - step0
        results.update(
            app_steps_per_s=round(steps / elapsed),
            frames_per_s=round((window.plot_frames - frames0) / elapsed, 1),
            longest_stall_ms=round(max(gaps) * 1000, 1) if gaps else None,
            frame_ms=round(1000 * (window.frame_seconds - drawing0)
                           / max(window.plot_frames - frames0, 1), 1),
            drawing_share=round((window.frame_seconds - drawing0) / elapsed, 3),
            window_size=f"{window.width()}x{window.height()}",
        )
        window.close()
        app.quit()

    QTimer.singleShot(1000, start)
    QTimer.singleShot(int(1000 + seconds * 1000), finish)
    app.exec()
    # headless speed before and after the window, averaged: a machine whose speed drifts
    # during the run is then compared with itself
    headless = (headless + headless_rate(case, 3.0)) / 2
    results.update(headless_steps_per_s=round(headless),
                   ratio=round(results["app_steps_per_s"] / headless, 3))
    r = results
    print(f"gui case 2: {r['app_steps_per_s']} steps/s in the app, headless "
          f"{r['headless_steps_per_s']} steps/s, ratio {r['ratio']:.2f} "
          f"({'ok' if r['ratio'] >= 0.7 else 'BELOW 0.7'}); "
          f"{r['frames_per_s']} plot frames/s ({'ok' if r['frames_per_s'] >= 30 else 'BELOW 30'}); "
          f"longest event-loop stall {r['longest_stall_ms']} ms "
          f"({'ok' if (r['longest_stall_ms'] or 0) <= 50 else 'ABOVE 50'}); "
          f"window {r['window_size']}; drawing a frame took {r['frame_ms']} ms, "
          f"{r['drawing_share']:.0%} of the time ", flush=True)
    return results
