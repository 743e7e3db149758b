"""Benchmark the rolling-origin backtest: run time per method over the 13 origins (2013-2025).

Prints figures; asserts nothing. Run: .venv/bin/python benchmarks/bench_forecast.py
Each method is timed over all origins (best of REPEATS), after the origins are built once
(the data step is timed on its own, and within it the revision of the 9 months by the annual
release, `grdp.io.vintages.revisions`, that every origin carries). Then the whole
`grdp.forecast.backtesting.backtest()` (also `grdp.backtest`) is timed in
two fresh processes, without and with OPENBLAS_NUM_THREADS=1: the statsmodels fits on these
tiny state-space models are slowed down sharply by BLAS threads when other processes compete
for the two cores, so grdp fits them on one thread either way (grdp.core.threads; the
comparison with the package before that is benchmarks/bench_threads.py).
A process fits each distinct model once (grdp.forecast.methods.fitted_q4): the per-method
timings empty that store before each run, so they time the fits, not the look-ups.
"""

from __future__ import annotations

import os
import subprocess
import sys

from timing import best_of  # benchmarks/timing.py, beside this script

REPEATS = 3
CHILD = "--end-to-end"


def per_method() -> None:
    from grdp.forecast.backtesting import BACKTEST_FIRST_YEAR
    from grdp.forecast.methods import METHODS, forget_fits
    from grdp.forecast.origin import national_origin
    from grdp.io.vintages import revisions

    years = list(range(BACKTEST_FIRST_YEAR, 2026))
    origins: list = []
    t_data = best_of(lambda: origins.__setitem__(slice(None), [national_origin(y) for y in years]), repeats=REPEATS)
    for m in METHODS.values():  # warm imports (statsmodels) outside the timings
        m.predict(origins[-1])
    print(f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '(unset)')}; {len(years)} origins, best of {REPEATS}")
    print(f"{'step':<16}{'kind':<10}{'total s':>10}{'ms/origin':>12}")
    print(f"{'origins (data)':<16}{'':<10}{t_data:>10.3f}{1000 * t_data / len(years):>12.1f}")
    dates = [o.date for o in origins]
    t_rev = best_of(lambda: [revisions("9M", horizon="annual_release", published_by=d) for d in dates], repeats=REPEATS)
    print(f"{'  of which rev.':<16}{'':<10}{t_rev:>10.3f}{1000 * t_rev / len(years):>12.1f}")
    total = t_data
    for name, m in METHODS.items():
        t = best_of(lambda m=m: (forget_fits(), [m.predict(o) for o in origins]), repeats=REPEATS)
        total += t
        print(f"{name:<16}{m.kind:<10}{t:>10.3f}{1000 * t / len(years):>12.1f}")
    print(f"{'sum':<26}{total:>10.3f}")


def end_to_end() -> float:
    from grdp.forecast.backtesting import backtest
    from grdp.forecast.methods import forget_fits

    backtest(years=[2025])  # warm imports
    forget_fits()
    return best_of(backtest, repeats=1)


def main() -> int:
    if CHILD in sys.argv:
        print(f"{end_to_end():.3f}")
        return 0
    per_method()
    print()
    print("whole backtest(), fresh process:")
    for label, extra in (("OPENBLAS_NUM_THREADS unset", {}), ("OPENBLAS_NUM_THREADS=1", {"OPENBLAS_NUM_THREADS": "1"})):
        env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"} | extra
        out = subprocess.run([sys.executable, __file__, CHILD], env=env, capture_output=True, text=True, check=True)
        print(f"  {label:<28}{float(out.stdout.strip()):>8.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
