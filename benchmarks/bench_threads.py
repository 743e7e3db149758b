"""Benchmark BLAS threads: `grdp backtest` in a fresh process, with and without grdp's one-thread limit on its fits.

Prints figures; asserts nothing. Run: .venv/bin/python benchmarks/bench_threads.py [--report]

Every child runs without ``OPENBLAS_NUM_THREADS`` / ``OMP_NUM_THREADS`` (as a user runs the command or a
notebook, not under ``make``), four ways:

* the machine as it is, or with BUSY background processes that multiply 400 × 400 matrices in a loop
  with NumPy's default threads (another kernel, a test run: the load a shared 2-core machine sees);
* grdp as it is (every fit inside :func:`grdp.core.threads.one_blas_thread`), or with that limit
  switched off in the child by monkeypatching it to ``contextlib.nullcontext`` — the package before
  issue 13, when only the Makefile's variables kept BLAS on one thread.

``--report`` times ``grdp report`` instead of ``grdp backtest``. Each figure is the best of REPEATS runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPEATS = 2
BUSY = 2
HERE = Path(__file__).resolve().parent
CHILD = """
import contextlib, io, sys
if sys.argv[1] == "off":
    import grdp.core.threads, grdp.forecast.methods
    grdp.core.threads.one_blas_thread = grdp.forecast.methods.one_blas_thread = contextlib.nullcontext
from grdp.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    sys.exit(main(sys.argv[2:]))
"""
LOAD = "import numpy as np\na = np.random.default_rng(0).random((400, 400))\nwhile True:\n    a = (a @ a) / 400\n"


def _env() -> dict[str, str]:
    drop = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
    return {k: v for k, v in os.environ.items() if k not in drop} | {"PYTHONPATH": str(HERE.parent / "src")}


def _best(limit: str, argv: list[str]) -> float:
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", CHILD, limit, *argv], env=_env(), check=True)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        argv = ["report", "--out", tmp] if "--report" in sys.argv else ["backtest"]
        print(f"grdp {argv[0]}, fresh process, OPENBLAS_NUM_THREADS unset; best of {REPEATS} runs, {os.cpu_count()} cores")
        print(f"{'machine':<34}{'limit off (before)':>20}{'one thread (now)':>20}{'ratio':>8}")
        for busy in (0, BUSY):
            load = [subprocess.Popen([sys.executable, "-c", LOAD], env=_env()) for _ in range(busy)]
            try:
                time.sleep(1.0 if busy else 0.0)
                before, after = _best("off", argv), _best("on", argv)
            finally:
                for p in load:  # only the processes started here
                    p.kill()
                    p.wait()
            label = "as it is" if busy == 0 else f"+ {busy} busy NumPy matmul loops"
            print(f"{label:<34}{before:>18.2f} s{after:>18.2f} s{before / after:>7.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
