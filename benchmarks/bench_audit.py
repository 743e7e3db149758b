"""Benchmark the audit: cold start of `grdp check`, and the period identities over 10^6 inputs.

Prints figures; asserts nothing. Run: .venv/bin/python benchmarks/bench_audit.py
Each identity is timed vectorised (NumPy) and as a plain-Python loop over the same inputs, in the
same run, and reported as a ratio, so the figures compare across machines.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

import numpy as np
from timing import best_of  # benchmarks/timing.py, beside this script

from grdp.core.periods import annual_growth, implied_weight, required_growth

N = 1_000_000
REPEATS = 5


def cold_start() -> tuple[float, float, float, float]:
    """Best and median wall time of `grdp check`, a bare interpreter, and `import pandas` alone."""
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "grdp.cli", "check"], check=False, capture_output=True)
        times.append(time.perf_counter() - t0)
    bare = best_of(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True))
    pandas = best_of(lambda: subprocess.run([sys.executable, "-c", "import pandas"], check=True))
    return min(times), statistics.median(times), bare, pandas


def identities() -> list[tuple[str, float, float]]:
    rng = np.random.default_rng(20251001)
    done = rng.uniform(0, 15, N)
    rest = rng.uniform(16, 30, N)
    target = rng.uniform(8, 12, N)
    w = rng.uniform(0.2, 0.45, N)
    d_l, r_l, t_l, w_l = done.tolist(), rest.tolist(), target.tolist(), w.tolist()

    cases = [
        ("required_growth", lambda: required_growth(done, target, rest_weight=w),
         lambda: [(t - (1 - ww) * d) / ww for d, t, ww in zip(d_l, t_l, w_l)]),
        ("annual_growth", lambda: annual_growth(done, rest, rest_weight=w),
         lambda: [(1 - ww) * d + ww * r for d, r, ww in zip(d_l, r_l, w_l)]),
        ("implied_weight", lambda: implied_weight(done, rest, target),
         lambda: [(t - d) / (r - d) for d, r, t in zip(d_l, r_l, t_l)]),
    ]
    out = []
    for name, vec, loop in cases:
        assert np.allclose(vec(), loop())  # the same numbers, before timing them
        out.append((name, best_of(vec), best_of(loop, repeats=2)))
    return out


def main() -> None:
    best, median, bare, pandas = cold_start()
    print(f"grdp check, whole process: best {best * 1000:.0f} ms, median {median * 1000:.0f} ms of {REPEATS} runs "
          f"(bare interpreter {bare * 1000:.0f} ms; `import pandas` alone {pandas * 1000:.0f} ms)")
    print(f"\nperiod identities over {N:,} inputs (best of runs):")
    print(f"{'identity':<16} {'NumPy':>10} {'Python loop':>12} {'ratio':>8}")
    for name, vec, loop in identities():
        print(f"{name:<16} {vec * 1000:>8.1f} ms {loop * 1000:>9.0f} ms {loop / vec:>7.0f}x")


if __name__ == "__main__":
    main()
