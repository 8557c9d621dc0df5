"""Running the initializer × activation sweep on both cores (no Qt here).

The engine trains one stack (one activation, every initializer and seed) at a time
(`engine.sweep.train_stack`). Here the stacks are shared out to a pool of worker processes,
the dearest first and split so that the workers finish together, and each finished
stack is reported at once. Cancelling ends the workers and returns the cells finished so far.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import time
from multiprocessing.connection import wait

from ..engine.sweep import SweepResult, blocks, cells_from_runs, chance_level, train_stack

WORKERS = 2


def _work(args):
    config, _, runs = args
    results, _ = train_stack(config, runs)
    return results


def work_items(config):
    """(config, family, runs) for each stack, the dearest first. A family's runs are split
    into parts of at most a (2 × WORKERS)th of all the work, so the workers finish together.
    Costs a run, measured against the ReLU family (stacks of 15, float32): maxout 1.9 (k = 2
    pieces a unit, and its max and mask passes), tanh/sigmoid 1.35 (an exp is dearer than a
    max)."""
    cost = COST
    items = [(name, runs) for name, runs in blocks(config)]
    total = sum(cost.get(name, 1.0) * len(runs) for name, runs in items)
    split = []
    for name, runs in items:
        parts = max(1, min(len(runs), math.ceil(cost.get(name, 1.0) * len(runs)
                                                / (total / (2 * WORKERS)))))
        size = math.ceil(len(runs) / parts)
        split += [(config, name, runs[i: i + size]) for i in range(0, len(runs), size)]
    return sorted(split, key=lambda it: -cost.get(it[1], 1.0) * len(it[2]))


COST = {"maxout": 1.9, "tanh": 1.35}  # a run's training time, against the ReLU family's


def run_sweep(config, progress=None, cancelled=None, workers=WORKERS, poll=0.05):
    # workers are plain processes fed one stack at a time over a pipe (not a Pool, whose
    # terminate could hang a test run when a worker was busy)
    """The sweep on `workers` processes; progress(done, total, cells) after each finished
    stack; cancelled() → returns at once with what is done. workers=1 trains here."""
    config = config.validated()
    data = config.data()
    chance = chance_level(data)
    items = work_items(config)
    t0 = time.perf_counter()
    runs = []
    if workers <= 1:
        for k, item in enumerate(items):
            if cancelled is not None and cancelled():
                break
            runs += _work(item)
            if progress is not None:
                progress(k + 1, len(items), cells_from_runs(config, runs, chance))
        return _result(config, runs, chance, t0, len(items))
    context = multiprocessing.get_context("spawn")
    saved = os.environ.get("OPENBLAS_NUM_THREADS")
    os.environ["OPENBLAS_NUM_THREADS"] = "1"  # one BLAS thread a worker: one core each
    workers_ = []
    queue = list(items)
    finished = 0
    error = ""
    try:
        try:
            for _ in range(min(workers, len(items))):
                mine, theirs = context.Pipe()
                process = context.Process(target=_serve, args=(theirs,), daemon=True,
                                          name="xorlab-sweep")
                workers_.append((process, mine))
                process.start()
                theirs.close()
        finally:
            if saved is None:
                os.environ.pop("OPENBLAS_NUM_THREADS", None)
            else:
                os.environ["OPENBLAS_NUM_THREADS"] = saved
        for _, conn in workers_:  # the dearest stacks first
            conn.send(queue.pop(0))
        busy = {conn for _, conn in workers_}
        while busy:
            if cancelled is not None and cancelled():
                break
            for conn in wait(list(busy), timeout=poll):
                runs += conn.recv()
                finished += 1
                if progress is not None:
                    progress(finished, len(items), cells_from_runs(config, runs, chance))
                if queue:
                    conn.send(queue.pop(0))
                else:
                    busy.discard(conn)
    except (EOFError, OSError) as e:  # a worker died: keep what is done, and say so
        error = f"a sweep worker stopped: {type(e).__name__}"
    finally:
        for _, conn in workers_:
            try:
                conn.send(None)
            except OSError:
                pass
            conn.close()
        stopping = bool(queue) or finished < len(items)  # cancelled, or a worker died
        for process, _ in workers_:
            if process.pid is None:
                continue  # never started
            if stopping:  # busy with a stack: stopped at once
                process.terminate()
            process.join(1.0)
            if process.is_alive():
                process.kill()
                process.join(1.0)
    result = _result(config, runs, chance, t0, len(items), finished == len(items))
    result.error = error
    return result


def _serve(conn):
    """A sweep worker: train the stacks it is sent, send back their results, until None."""
    try:
        while True:
            item = conn.recv()
            if item is None:
                return
            conn.send(_work(item))
    except (EOFError, OSError, KeyboardInterrupt):  # the parent is gone, or cancelled
        return


def _result(config, runs, chance, t0, total, complete=None):
    cells = cells_from_runs(config, runs, chance)
    if complete is None:
        complete = sum(len(c.runs) for c in cells.values()) == \
            len(config.inits) * len(config.activations) * config.seeds
    return SweepResult(config, cells, chance, time.perf_counter() - t0, complete=complete)
