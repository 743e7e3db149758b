"""Benchmark bounded reading: each resource case through `grdp check`, in a subprocess.

Prints, per case, the wall time, the peak resident memory of the child and the outcome (exit
status and the first line of stderr). Asserts nothing. Run:
``PYTHONPATH=src .venv/bin/python benchmarks/bench_inputs.py [--timeout SECONDS]``.

The cases are built in a temporary folder (the workbooks by ``tests/bad_inputs/make_binary_cases.py``):
a value in cell XFD1048576, a range merged from J40 to the last row, a hidden first sheet, and a
100 MB CSV of blank lines after the plan. Each child runs under ``RLIMIT_AS`` of 8 GB and the
timeout (default 180 s), so a reader without bounds ends in MemoryError or a timeout, not in swap.
Peak memory is the child's ``ru_maxrss`` (``resource.getrusage(RUSAGE_CHILDREN)``; the children run
one at a time, and each case runs in a fresh intermediate process so the maximum is its own).
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
MEMORY_LIMIT = 8 * 2**30

_CHILD = """
import resource, subprocess, sys, time
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
t0 = time.perf_counter()
try:
    res = subprocess.run([sys.executable, "-m", "grdp.cli", "check", {path!r}], capture_output=True, text=True,
                         timeout={timeout})
    status, first = res.returncode, (res.stderr.strip().splitlines() or [""])[-1 if "Traceback" in res.stderr else 0]
except subprocess.TimeoutExpired:
    status, first = "timeout", ""
wall = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(repr((wall, peak, status, first)))
"""


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_binary_cases", ROOT / "tests" / "bad_inputs" / "make_binary_cases.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(out: Path) -> dict[str, Path]:
    """The resource cases, full size, in ``out``."""
    maker = _maker()
    cases = {name: maker.make(name, out) for name in (
        "xlsx_cell_at_xfd1048576.xlsx", "xlsx_merged_to_last_row.xlsx", "xlsx_hidden_first_sheet.xlsx")}
    blank = out / "plan_100mb_blank_rows.csv"
    with open(blank, "wb") as f:
        f.write((ROOT / "data" / "raw" / "plan_2025_indicators.csv").read_bytes())
        chunk = b"\n" * 2**20
        for _ in range(100):
            f.write(chunk)
    cases[blank.name] = blank
    return cases


def run(path: Path, timeout: float) -> tuple[float, int, object, str]:
    """(wall s, peak RSS KiB, exit status or 'timeout', stderr's first line) of `grdp check path`."""
    code = _CHILD.format(limit=MEMORY_LIMIT, path=str(path), timeout=timeout)
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall, peak, status, first = ast.literal_eval(res.stdout.strip().splitlines()[-1])
    return wall, peak, status, first


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=180.0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        cases = build(Path(tmp))
        print(f"{'case':34} {'size':>9} {'wall s':>7} {'peak MB':>8}  exit  first line of stderr")
        for name, path in cases.items():
            wall, peak, status, first = run(path, args.timeout)
            size = path.stat().st_size
            shown = f"{size / 2**20:.1f} MB" if size > 2**20 else f"{size / 1024:.1f} KB"
            print(f"{name:34} {shown:>9} {wall:7.2f} {peak / 1024:8.0f}  {status!s:>4}  {first[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
