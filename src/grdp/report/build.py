"""The main job: turn a plan into the tables and figures of the report (``grdp report``).

:func:`build_report` runs each section of :data:`SECTIONS` in
turn — plan, tasks, audit, sector decomposition, forecast, sensitivity — and
writes, under the output folder:

``figures/``
    PNG (300 dpi) and SVG of every figure, in the report style.
``tables/``
    one CSV per table.
``grdp_<year>.xlsx``
    the workbook, one sheet per table.
``tom_tat.md`` / ``summary.md``
    the findings in a few paragraphs.

Nothing written depends on the time or the machine: running it twice gives the
same bytes (tested).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from grdp.audit.check import check_plan
from grdp.core.typing import Lang
from grdp.core.validation import check_lang
from grdp.figures.style import save_figure
from grdp.io.paths import reports_dir
from grdp.io.plan import default_plan_path, load_plan
from grdp.io.tasks import default_tasks_path
from grdp.report.audit import audit_section
from grdp.report.context import ReportContext, Section, SectionBuilder
from grdp.report.export import write_csvs, write_markdown, write_workbook
from grdp.report.forecast import forecast_section
from grdp.report.plan import plan_section, tasks_section
from grdp.report.sectors import sectors_section
from grdp.report.sensitivity import sensitivity_section

__all__ = ["SECTIONS", "ReportResult", "build_report"]

SECTIONS: list[tuple[str, SectionBuilder]] = [
    ("plan", plan_section),
    ("tasks", tasks_section),
    ("audit", audit_section),
    ("sectors", sectors_section),
    ("forecast", forecast_section),
    ("sensitivity", sensitivity_section),
]
"""The report's sections in order."""


@dataclass(frozen=True)
class ReportResult:
    """Where everything went."""

    out_dir: Path
    files: tuple[Path, ...]
    seconds_by_section: tuple[tuple[str, float], ...]

    def summary(self) -> str:
        lines = [f"{len(self.files)} files in {self.out_dir}"]
        lines += [f"  {p.relative_to(self.out_dir)}" for p in self.files if p.is_relative_to(self.out_dir)]
        lines += [f"  {p}" for p in self.files if not p.is_relative_to(self.out_dir)]
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# the job


def _progress_to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_report(
    *,
    plan_path: str | Path | None = None,
    out_dir: str | Path | None = None,
    tasks_path: str | Path | None = None,
    lang: Lang = "vi",
    progress: Callable[[str], None] | None = _progress_to_stderr,
) -> ReportResult:
    """Write the report's workbook, CSV tables, figures and summary.

    Parameters
    ----------
    plan_path : str or Path, optional
        A plan file in the published layout (CSV/XLSX); default: the embedded 2025 plan.
    out_dir : str or Path, optional
        Default ``reports/<lang>`` in the project folder.
    tasks_path : str or Path, optional
        The departments' tasks (Phụ lục 2) of the plan; default: the embedded
        tasks with the embedded plan, none with another plan.
    lang : {"vi", "en"}
    progress : callable, optional
        Receives one line per step (default: printed to stderr); ``None`` for silence.

    Returns
    -------
    ReportResult
        The files written, in a stable order, and the seconds each section took.
    """
    lang = check_lang(lang)
    say = progress or (lambda _msg: None)
    out = Path(out_dir) if out_dir is not None else reports_dir() / lang
    plan = load_plan(plan_path)
    year = plan.year
    embedded = plan_path is None or Path(plan_path).resolve() == default_plan_path().resolve()
    tasks = Path(tasks_path) if tasks_path is not None else (default_tasks_path() if embedded else None)
    files: list[Path] = []
    ctx = ReportContext(plan=plan, lang=lang, audit=check_plan(plan, lang=lang), tasks_path=tasks)
    sections: list[Section] = []
    timings: list[tuple[str, float]] = []
    for i, (key, builder) in enumerate(SECTIONS, start=1):
        say(f"[{i}/{len(SECTIONS)}] {key}…")
        t0 = time.perf_counter()
        sections.append(builder(ctx))
        timings.append((key, time.perf_counter() - t0))

    say(ctx.t("Ghi hình, bảng và tóm tắt…", "Writing figures, tables and summary…"))
    tables = [t for s in sections for t in s.tables]
    for s in sections:
        for stem, fig in s.figures.items():
            files += save_figure(fig, out / "figures" / stem)
    files += write_csvs(tables, out / "tables")
    files.append(write_workbook(tables, out / f"grdp_{year}.xlsx"))
    key_findings = [line for s in sections for line in s.lead] + [line for s in sections for line in s.headline]
    files.append(
        write_markdown(
            [(ctx.t("Tóm tắt", "Key findings"), "\n".join(f"- {line}" for line in key_findings))]
            + [(s.title, s.summary) for s in sections],
            out / ctx.t("tom_tat.md", "summary.md"),
            title=ctx.t(f"Kế hoạch năm {year}: kết quả phân tích", f"The {year} plan: findings"),
        )
    )
    result = ReportResult(out, tuple(files), tuple(timings))
    say(result.summary())
    return result
