"""Benchmark the main job: `grdp report` wall time, model fits and data-file reads, in fresh processes.

Prints figures; asserts nothing. Run: .venv/bin/python benchmarks/bench_report.py [SRC]
``SRC`` (default: this checkout's ``src``) is the package folder to measure, so an older
checkout (``git worktree add ../grdp-base <commit>``) can be measured the same way.

* **wall time** — ``python -m grdp.cli report --out <tmp>`` in a fresh process, best and median of
  REPEATS runs, without ``OPENBLAS_NUM_THREADS`` (as a user runs it) and with it set to 1 (as ``make`` does);
* **fits** — every statsmodels state-space or ETS ``fit`` call in one report, and how many of them
  are distinct (model class, data, specification);
* **reads** — every ``open`` of a file under the project's ``data/`` or ``tests/data/`` folders
  (pandas' ``read_csv`` and the ``csv`` module both go through ``open``), by file.

The counts are taken in a child process that wraps those functions before running
``grdp.cli.main(["report", ...])`` with ``GRDP_NO_FORK`` set (every fit in that process, where it is
counted); the timings in other children that run the command untouched.

Measured on an idle 2-core Linux machine (no other process running; load average ≈ 1.1, from these
benchmarks themselves), medians of 3 runs, OPENBLAS_NUM_THREADS unset / = 1:

* before issue 13's second round (commit 9597c71): 8.55 s / 8.04 s;
* after (figures saved in forked children while the next sections compute, the backtest's fits in a
  forked child, one BLAS thread while they share the cores, no collection at exit): 5.23 s / 5.08 s.
  With ``GRDP_NO_FORK=1`` (as on Windows) the report takes ≈ 7.8 s: the same files.

65 fits (65 distinct) and 7 data-file opens, before and after.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPEATS = 3
CHILD = "--count"
HERE = Path(__file__).resolve().parent


def _env(src: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    env["PYTHONPATH"] = str(src)
    return env


def count(out: str) -> dict[str, object]:
    """Run one report in this process, counting model fits and data-file opens."""
    import builtins
    import hashlib
    import io
    from collections import Counter

    from statsmodels.tsa.exponential_smoothing.ets import ETSModel
    from statsmodels.tsa.statespace.mlemodel import MLEModel

    from grdp.cli import main
    from grdp.core.forking import NO_FORK
    from grdp.io.paths import project_root

    os.environ[NO_FORK] = "1"  # every fit in this process, where it is counted (not in a forked child)

    fits: list[str] = []
    reads: Counter[str] = Counter()
    watched = (project_root() / "data", project_root() / "tests" / "data")

    def wrap_fit(cls: type) -> None:
        original = cls.fit

        def fit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            spec = (type(self).__name__, getattr(self, "order", None), getattr(self, "seasonal_order", None),
                    getattr(self, "trend", None))
            data = hashlib.sha256(self.endog.tobytes()).hexdigest()[:12]
            fits.append(f"{spec}:{data}")
            return original(self, *args, **kwargs)

        cls.fit = fit

    wrap_fit(MLEModel)
    wrap_fit(ETSModel)
    real_open = builtins.open

    def counting_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(file, (str, os.PathLike)):
            p = Path(file).resolve()
            if any(p.is_relative_to(w) for w in watched) and not p.is_relative_to(Path(out).resolve()):
                reads[str(p.relative_to(project_root()))] += 1
        return real_open(file, *args, **kwargs)

    builtins.open = io.open = counting_open  # pandas and csv use the builtin, pathlib io.open
    try:
        main(["report", "--out", out])
    finally:
        builtins.open = io.open = real_open
    by_model = Counter(f.split(":")[0] for f in fits)
    distinct_by_model = Counter(f.split(":")[0] for f in set(fits))
    return {"fits": len(fits), "distinct_fits": len(set(fits)), "reads": dict(reads),
            "by_model": {k: [v, distinct_by_model[k]] for k, v in by_model.items()}}


def wall_times(src: Path, extra: dict[str, str]) -> list[float]:
    times = []
    for _ in range(REPEATS):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "grdp.cli", "report", "--out", tmp], env=_env(src) | extra, check=True,
                           capture_output=True)
            times.append(time.perf_counter() - t0)
    return times


def main() -> int:
    if CHILD in sys.argv:
        print(json.dumps(count(sys.argv[-1])))
        return 0
    src = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE.parent / "src"
    with tempfile.TemporaryDirectory() as tmp:
        res = subprocess.run([sys.executable, __file__, CHILD, tmp], env=_env(src), check=True, capture_output=True, text=True)
    counts = json.loads(res.stdout.strip().splitlines()[-1])
    print(f"grdp report from {src}")
    for label, extra in (("OPENBLAS_NUM_THREADS unset", {}), ("OPENBLAS_NUM_THREADS=1", {"OPENBLAS_NUM_THREADS": "1"})):
        times = wall_times(src, extra)
        print(f"  wall time, {label}: best {min(times):.2f} s, median {statistics.median(times):.2f} s of {REPEATS} runs")
    print(f"  model fits: {counts['fits']} ({counts['distinct_fits']} distinct)")
    for model, (n, distinct) in sorted(counts["by_model"].items()):
        print(f"    {n:>4} ({distinct} distinct)  {model}")
    reads = counts["reads"]
    print(f"  data-file opens: {sum(reads.values())} in all")
    for name, n in sorted(reads.items(), key=lambda kv: -kv[1]):
        print(f"    {n:>4}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
