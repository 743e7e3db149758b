"""Benchmark `grdp check` start-up against its floor, `import pandas`, in fresh processes.

Prints figures; asserts nothing. Run: .venv/bin/python benchmarks/bench_check.py [SRC]
``SRC`` (default: this checkout's ``src``) is the package folder to measure, so an older
checkout (``git worktree add ../grdp-base <commit>``) can be measured the same way.

The plan loader needs pandas, so no `grdp check` can start faster than `python -c "import pandas"`;
the ratio of the two medians (of RUNS runs each, interleaved so that a busy moment of the machine
hits both) is the figure that compares across machines. Python writes and reuses its bytecode
(``PYTHONDONTWRITEBYTECODE`` is dropped for the children, as pandas' own bytecode was written when
it was installed): with it set, every run would compile grdp's modules again. Also printed: what heavy libraries
`grdp check` imports (none of statsmodels, matplotlib or scipy should be among them).

Measured on an idle 2-core Linux machine (no other process running; load average ≈ 1.1, from the
benchmarks themselves), three runs each, base and new interleaved (ratio of medians):

* before issue 13's second round (commit 9597c71): 1.34x, 1.36x, 1.37x (the issue measured 1.31x);
* after: 1.13x, 1.12x, 1.10x — the interpreter no longer scans pandas' objects for cycles at exit
  (``grdp.cli._end_quickly``, ~40 ms), the share check's bisection computes last year's 9-month
  structure once instead of in each of its 50 steps, and the sector check answers each query once.
  ``grdp check`` ≈ 300 ms against ``import pandas`` ≈ 265 ms.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 9
HERE = Path(__file__).resolve().parent
HEAVY = ("statsmodels", "matplotlib", "scipy", "openpyxl", "docx", "threadpoolctl")


def _wall(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=False, capture_output=True)
    return time.perf_counter() - t0


def main() -> int:
    src = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE.parent / "src"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(src)}
    check = [sys.executable, "-m", "grdp.cli", "check"]
    floor = [sys.executable, "-c", "import pandas"]
    _wall(check, env), _wall(floor, env)  # warm the file cache
    t_check, t_floor = [], []
    for _ in range(RUNS):
        t_check.append(_wall(check, env))
        t_floor.append(_wall(floor, env))
    code = ("import sys, io, contextlib\nfrom grdp.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    main(['check'])\n"
            f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))) or '(none)')")
    heavy = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.strip()
    m_check, m_floor = statistics.median(t_check), statistics.median(t_floor)
    print(f"grdp check from {src}")
    print(f"  grdp check:      median {m_check * 1000:.0f} ms (best {min(t_check) * 1000:.0f}) of {RUNS} runs")
    print(f"  import pandas:   median {m_floor * 1000:.0f} ms (best {min(t_floor) * 1000:.0f}) of {RUNS} runs")
    print(f"  ratio of medians: {m_check / m_floor:.2f}x the floor (best: {min(t_check) / min(t_floor):.2f}x)")
    print(f"  heavy libraries imported by grdp check: {heavy}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
