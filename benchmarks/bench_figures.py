"""Benchmark the report's figure writing: every figure of `grdp report` saved as PNG and SVG.

Prints figures; asserts nothing. Run: PYTHONPATH=src .venv/bin/python benchmarks/bench_figures.py [vi|en]
The sections are built once (their analyses are not timed); what is timed is
:func:`grdp.figures.style.save_figure` over every figure of the report, the
step ``grdp report`` announces as "Writing figures, tables and summary…".
Wall and CPU time are both printed: on a shared machine the CPU time of this
process is the steadier of the two.

Measured on the 2-core build machine, 13 figures of the Vietnamese report,
best of 3, three interleaved runs each: one layout per format (before commit
a9b7de4) 2,98–3,20 s wall / 2,94–3,10 s CPU; one layout for PNG and SVG
2,58–2,68 s wall / 2,55–2,65 s CPU (about 14 % less).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from timing import best_of  # benchmarks/timing.py, beside this script

from grdp.audit.check import check_plan
from grdp.figures.style import save_figure
from grdp.io.plan import default_plan_path, load_plan
from grdp.io.tasks import default_tasks_path
from grdp.report.build import SECTIONS
from grdp.report.context import ReportContext

REPEATS = 3


def main(lang: str = "vi") -> None:
    plan = load_plan(default_plan_path())
    ctx = ReportContext(plan=plan, lang=lang, audit=check_plan(plan, lang=lang), tasks_path=default_tasks_path())  # type: ignore[arg-type]
    t0 = time.perf_counter()
    figures = {stem: fig for _, build in SECTIONS for stem, fig in build(ctx).figures.items()}
    built = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)

        def write_all() -> None:
            for stem, fig in figures.items():
                save_figure(fig, out / stem)

        best = best_of(write_all, REPEATS)
        cpu = []
        for _ in range(REPEATS):
            c0 = time.process_time()
            write_all()
            cpu.append(time.process_time() - c0)
        per = {stem: best_of(lambda f=fig, s=stem: save_figure(f, out / s), REPEATS) for stem, fig in figures.items()}
    print(f"sections built in {built:.1f} s; {len(figures)} figures")
    print(f"writing every figure (PNG + SVG), best of {REPEATS}: {best:.2f} s wall, {min(cpu):.2f} s CPU")
    for stem, seconds in per.items():
        print(f"  {stem:<40} {seconds:.3f} s")


if __name__ == "__main__":
    main(*sys.argv[1:])
