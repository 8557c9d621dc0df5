#!/usr/bin/env python3
"""Speed of the xorlab engine, as ratios against a minimal NumPy loop run in the same process.

    python scripts/bench.py            engine cases 1-5 (float64, one BLAS thread)
        [--cases 5]                    ... only these
    python scripts/bench.py --gui      case 2 inside the window (offscreen):
                                       steps/s, frames/s, event-loop stalls
        [--engine thread]              ... with training in a thread instead of a process
        [--case 3]                     ... another case
        [--compare]                    ... in compare mode: two runs in lockstep
    python scripts/bench.py --sweep    the default init × activation sweep against Trainer
        [--gui]                        ... started from the window: the event-loop stall

Cases: (1) XOR 4 points, 2-2-1 sigmoid, full batch, SGD; (2) 500 xor-quadrants points,
2-8-8-1 tanh, batch 10, SGD; (3) 512 points, 10 hidden relu layers x 32, batch 64, Adam;
(4) 200x200 decision grid evaluations/s on 2-8-8-1; (5) the digits (1,438 training
images), 64-32-32-10 relu with a softmax output, batch 64, SGD.
Requirement: engine/minimal >= 0.9 on cases 1-3 and >= 1.0 on case 5, with per-layer gradient
norms and the loss recorded every step (the minimal loop records neither).
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from xorlab.engine import Network, TrainConfig, Trainer, make_dataset  # noqa: E402
from xorlab.engine.network import network_spec  # noqa: E402

CASES = {
    1: dict(dataset="xor", n=4, hidden=[2], act="sigmoid", batch=None, opt="sgd", lr=0.5),
    2: dict(dataset="xor-quadrants", n=500, hidden=[8, 8], act="tanh", batch=10, opt="sgd",
            lr=0.05),
    3: dict(dataset="xor-quadrants", n=512, hidden=[32] * 10, act="relu", batch=64, opt="adam",
            lr=1e-3),
    5: dict(dataset="digits", n=None, hidden=[32, 32], act="relu", batch=64, opt="sgd",
            lr=0.1, classes=10, image=(8, 8)),
}
TARGETS = {1: 0.9, 2: 0.9, 3: 0.9, 5: 1.0}  # engine/minimal at least


def spec_for(case):
    layers = [{"units": u, "activation": case["act"]} for u in case["hidden"]]
    return network_spec(layers, "msra" if case["act"] == "relu" else "xavier", 0,
                        classes=case.get("classes", 2), image=case.get("image"))


def data_for(case):
    if case.get("image"):  # the digits: their own fixed training set
        return make_dataset(case["dataset"])
    return make_dataset(case["dataset"], n=case["n"], test_fraction=0.0, seed=0)


def engine_rate(case, seconds):
    """Steps/s of engine.Trainer (grad norms recorded every step, no periodic evaluation)."""
    ds = data_for(case)
    net = Network.from_spec(spec_for(case))
    cfg = TrainConfig(optimizer=case["opt"], lr=case["lr"], batch_size=case["batch"],
                      eval_every=0)
    trainer = Trainer(net, ds, cfg)
    trainer.run(200)  # warm up
    steps, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        steps += trainer.run(500)
    assert not trainer.diverged
    return steps / (time.perf_counter() - t0)


def minimal_rate(case, seconds):
    """Steps/s of a plain hand-written NumPy loop for the same net: forward, backward, update."""
    ds = data_for(case)
    net = Network.from_spec(spec_for(case))
    Ws = [p.copy() for p in net.params[0::2]]
    bs = [p.copy() for p in net.params[1::2]]
    X, y = ds.X_train, ds.y_train.reshape(-1, 1)
    classes = case.get("classes", 2)
    if classes > 2:  # one-hot rows for the softmax output
        y = (ds.y_train[:, None] == np.arange(classes)).astype(float)
    n, batch, act, lr = len(y), case["batch"] or len(y), case["act"], case["lr"]
    adam = case["opt"] == "adam"
    if adam:
        mW = [np.zeros_like(W) for W in Ws]
        vW = [np.zeros_like(W) for W in Ws]
        mb = [np.zeros_like(b) for b in bs]
        vb = [np.zeros_like(b) for b in bs]
    rng = np.random.default_rng(0)

    def f(z):
        if act == "sigmoid":
            return 1.0 / (1.0 + np.exp(-z))
        if act == "tanh":
            return np.tanh(z)
        return np.maximum(z, 0.0)

    def df(z, a):
        if act == "sigmoid":
            return a * (1.0 - a)
        if act == "tanh":
            return 1.0 - a * a
        return (z > 0).astype(float)

    def one_epoch(t):
        order = rng.permutation(n) if batch < n else None
        for start in range(0, n, batch):
            if order is None:
                xb, yb = X, y
            else:
                idx = order[start: start + batch]
                xb, yb = X[idx], y[idx]
            zs, acts = [], [xb]
            for W, b in zip(Ws[:-1], bs[:-1]):
                z = acts[-1] @ W + b
                zs.append(z)
                acts.append(f(z))
            z = acts[-1] @ Ws[-1] + bs[-1]
            if classes > 2:  # softmax
                e = np.exp(z - z.max(axis=1, keepdims=True))
                p = e / e.sum(axis=1, keepdims=True)
            else:
                p = 1.0 / (1.0 + np.exp(-z))
            dz = (p - yb) / len(yb)
            for i in range(len(Ws) - 1, -1, -1):
                gW, gb = acts[i].T @ dz, dz.sum(axis=0)
                if i > 0:
                    dz = (dz @ Ws[i].T) * df(zs[i - 1], acts[i])
                if adam:
                    t += 1 if i == len(Ws) - 1 else 0
                    for P, g, m, v in ((Ws[i], gW, mW[i], vW[i]), (bs[i], gb, mb[i], vb[i])):
                        m *= 0.9
                        m += 0.1 * g
                        v *= 0.999
                        v += 0.001 * g * g
                        P -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
                else:
                    Ws[i] -= lr * gW
                    bs[i] -= lr * gb
        return t

    steps_per_epoch = -(-n // batch)
    t = one_epoch(0)
    steps, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        t = one_epoch(t)
        steps += steps_per_epoch
    return steps / (time.perf_counter() - t0)


def grid_rate(seconds, resolution=200):
    """Evaluations/s of P(y=1) on an R x R grid by a 2-8-8-1 tanh net."""
    net = Network.from_spec(spec_for(CASES[2]))
    net.decision_grid(resolution)
    count, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        net.decision_grid(resolution)
        count += 1
    return count / (time.perf_counter() - t0)


def bench_engine(seconds, repeats, only=None):
    results = {}
    for k, case in CASES.items():
        if only and k not in only:
            continue
        # engine and minimal loop take turns, and each turn's ratio is kept: a machine that
        # slows down for a while slows both sides of a pair alike. The median ratio is reported.
        eng, mini = [], []
        for _ in range(repeats):
            eng.append(engine_rate(case, seconds))
            mini.append(minimal_rate(case, seconds))
        ratio = float(np.median(np.array(eng) / np.array(mini)))
        e, m = max(eng), max(mini)
        results[f"case{k}"] = {"engine_steps_per_s": round(e), "minimal_steps_per_s": round(m),
                               "ratio": round(ratio, 3)}
        target = TARGETS[k]
        print(f"case {k}: engine {e:10.0f} steps/s   minimal {m:10.0f} steps/s   "
              f"ratio {ratio:5.2f} (median of {repeats} paired runs)  "
              f"{'ok' if ratio >= target else f'BELOW {target}'}", flush=True)
        if k == 3:
            g = grid_rate(seconds)
            results["case4"] = {"grid_200x200_per_s": round(g, 1)}
            print(f"case 4: 200x200 decision grid on 2-8-8-1: {g:.1f} evaluations/s",
                  flush=True)
    return results


def bench_sweep():
    """Seconds of the default sweep (stacked, float32, two processes) and of its runs one
    after another with the ordinary Trainer (float64, this process): target ≥ 8× faster
    (issue 19); and the default digits sweep on both cores: target < 60 s with the paper's
    n/c cells."""
    from xorlab.engine.sweep import SweepConfig, blocks, train_sequentially
    from xorlab.lab.sweep_runner import run_sweep
    config = SweepConfig()
    t0 = time.perf_counter()
    result = run_sweep(config)
    stacked = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _, runs in blocks(config):
        train_sequentially(config, runs)
    sequential = time.perf_counter() - t0
    ratio = sequential / stacked
    print(f"sweep: {len(result.cells)} cells, {sum(len(c.runs) for c in result.cells.values())}"
          f" runs of {config.steps} steps: stacked {stacked:.1f} s "
          f"({'ok' if stacked < 15 else 'ABOVE 15 s'}), one after another {sequential:.1f} s; "
          f"{ratio:.1f}x faster ({'ok' if ratio >= 8 else 'BELOW 8x'})", flush=True)
    print(result.markdown(), flush=True)
    digits = SweepConfig.preset("digits")
    t0 = time.perf_counter()
    table = run_sweep(digits)
    seconds = time.perf_counter() - t0
    agree, of = table.agreement()
    print(f"digits sweep: {sum(len(c.runs) for c in table.cells.values())} runs of "
          f"{digits.steps} steps in {seconds:.1f} s ({'ok' if seconds < 60 else 'ABOVE 60 s'});"
          f" agrees with the paper in {agree} of {of} cells "
          f"({'ok' if agree == of else 'DIFFERS'})", flush=True)
    print(table.markdown(), flush=True)
    return {"stacked_s": round(stacked, 2), "sequential_s": round(sequential, 2),
            "ratio": round(ratio, 2), "digits_s": round(seconds, 2), "digits_agree": agree,
            "digits_cells": of}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gui", action="store_true", help="measure a case inside the window")
    ap.add_argument("--case", type=int, default=2, choices=sorted(CASES),
                    help="the case --gui trains (default 2)")
    ap.add_argument("--engine", choices=["process", "thread"], default="process",
                    help="where --gui trains (default: its own process)")
    ap.add_argument("--sweep", action="store_true",
                    help="the default initializer × activation sweep (both cores) against "
                         "the same 75 runs trained one after another by Trainer")
    ap.add_argument("--compare", action="store_true",
                    help="with --gui: compare mode, a second run (ReLU) in lockstep; the "
                         "target is 0.4 of the single run's headless rate for each")
    ap.add_argument("--cases", type=lambda t: [int(c) for c in t.split(",")],
                    help="engine cases to measure, e.g. 5 or 1,3 (default: all)")
    ap.add_argument("--seconds", type=float, default=1.0, help="time per measurement")
    ap.add_argument("--repeats", type=int, default=7, help="paired engine/minimal runs per case")
    ap.add_argument("--json", action="store_true", help="print results as JSON at the end")
    args = ap.parse_args(argv)
    if args.sweep and args.gui:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from bench_gui import bench_sweep_stall
        results = bench_sweep_stall()
    elif args.sweep:
        results = bench_sweep()
    elif args.gui:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from bench_gui import bench_gui
        case = CASES[args.case]
        compare = None
        if args.compare:
            from xorlab.lab.compare import Compare
            compare = Compare("activation", "relu" if case["act"] != "relu" else "tanh", True)
        results = bench_gui(seconds=max(args.seconds, 10.0), case=case, spec=spec_for(case),
                            headless_rate=engine_rate, engine=args.engine,
                            case_number=args.case, compare=compare)
    else:
        results = bench_engine(args.seconds, args.repeats, args.cases)
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
