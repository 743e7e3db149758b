"""The main job: turn a plan into the tables and figures of the report (``grdp report``).

:func:`build_report` runs each section in turn — plan, tasks, audit, and the
analyses registered in :data:`SECTIONS` — and writes, under the output folder:

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
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .consistency import PlanAudit, check_plan, verdict_label
from .export import ReportTable, write_csvs, write_markdown, write_workbook
from .indicators import KIND_LABELS
from .labels import Lang, check_lang, label
from .paths import reports_dir
from .plan import PERIODS, default_plan_path, load_plan, period_label, plan_table
from .tasks import load_tasks, tasks_by_department

__all__ = ["Section", "ReportContext", "ReportResult", "SECTIONS", "build_report"]


@dataclass
class ReportContext:
    """What every section can use: the plan, its audit, the language, and shared results."""

    plan: pd.DataFrame
    lang: Lang
    audit: PlanAudit
    default_plan: bool
    cache: dict[str, object] = field(default_factory=dict)

    def t(self, vi: str, en: str) -> str:
        return vi if self.lang == "vi" else en


@dataclass
class Section:
    """A part of the report: tables, figures (file stem → Figure) and a Markdown paragraph."""

    key: str
    title: str
    tables: list[ReportTable] = field(default_factory=list)
    figures: dict[str, object] = field(default_factory=dict)
    summary: str = ""


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
# sections


def _plan_section(ctx: ReportContext) -> Section:
    plan, lang = ctx.plan, ctx.lang
    shown = plan_table(plan, lang=lang)
    numeric = pd.DataFrame(
        {
            f"{period_label(plan, p, lang)} ({ctx.t(end_vi, end_en)})": plan[f"{p}_{end}"]
            for p in PERIODS
            for end, end_vi, end_en in (("low", "từ", "from"), ("high", "đến", "to"))
        }
    )
    frame = pd.concat([shown, numeric], axis=1)
    formats = {c: "#,##0.00" for c in numeric.columns}
    title = ctx.t(f"Chỉ tiêu kế hoạch {plan.attrs['target_year']}", f"Plan indicators {plan.attrs['target_year']}")
    kinds = plan["kind"].map(KIND_LABELS[lang]).value_counts()
    text = ctx.t(
        f"{len(plan)} chỉ tiêu có số liệu ({plan.attrs['source']}): ",
        f"{len(plan)} indicators with figures ({plan.attrs['source']}): ",
    ) + ", ".join(f"{k}: {n}" for k, n in kinds.items()) + "."
    return Section("plan", title, [ReportTable("chi_tieu" if lang == "vi" else "indicators", title, frame, formats)], summary=text)


def _tasks_section(ctx: ReportContext) -> Section:
    from .tasks import plot_tasks_by_department

    lang = ctx.lang
    title = ctx.t("Nhiệm vụ quý IV theo đơn vị", "Q4 tasks by department")
    if not ctx.default_plan:
        return Section("tasks", title, summary=ctx.t("Không có danh sách nhiệm vụ kèm kế hoạch này.", "No task list comes with this plan."))
    tasks = load_tasks(year=int(ctx.plan.attrs["target_year"]))
    counts = tasks_by_department(tasks, lang=lang).reset_index()
    total = label("total", lang)
    grand = int(counts.loc[counts[label("department", lang)] == total, total].iloc[0])
    text = ctx.t(
        f"{grand} nhiệm vụ của {counts.shape[0] - 1} đơn vị.",
        f"{grand} tasks of {counts.shape[0] - 1} departments.",
    )
    return Section(
        "tasks",
        title,
        [ReportTable("nhiem_vu" if lang == "vi" else "tasks", title, counts, {c: "0" for c in counts.columns[1:]})],
        {"01_nhiem_vu_theo_don_vi" if lang == "vi" else "01_tasks_by_department": plot_tasks_by_department(tasks, lang=lang)},
        text,
    )


def _audit_section(ctx: ReportContext) -> Section:
    from .charts import implied_weights_table, plot_implied_weights, plot_required_growth

    audit, lang = ctx.audit, ctx.lang
    title = ctx.t("Kiểm tra tính thống nhất", "Plan audit")
    table = audit.table()
    weights = implied_weights_table(audit)
    weights_shown = weights.rename(
        columns={
            "stt": label("stt", lang),
            "indicator": label("name", lang),
            "end": ctx.t("Đầu khoảng", "End"),
            "weight": ctx.t("Tỷ trọng ngầm định", "Implied weight"),
            "weight_min": ctx.t("Nhỏ nhất (làm tròn)", "Lowest (rounding)"),
            "weight_max": ctx.t("Lớn nhất (làm tròn)", "Highest (rounding)"),
        }
    )
    fmt3 = {c: "0.000" for c in weights_shown.columns[3:]}
    counts = audit.counts()
    lines = [
        ctx.t(
            f"{len(audit.items)} kết luận: " + ", ".join(f"{verdict_label(v, 'vi').lower()} {n}" for v, n in counts.items()) + ".",
            f"{len(audit.items)} findings: " + ", ".join(f"{verdict_label(v, 'en')} {n}" for v, n in counts.items()) + ".",
        ),
        "",
    ]
    lines += [f"- **{f.stt}** {f.indicator} — *{verdict_label(f.verdict, lang)}*: {f.detail}" for f in audit.items if f.verdict in ("inconsistent", "consistent", "met")]
    stem = "02_tang_truong_quy_iv_can_dat" if lang == "vi" else "02_required_q4_growth"
    stem2 = "03_ty_trong_quy_iv_ngam_dinh" if lang == "vi" else "03_implied_q4_weights"
    return Section(
        "audit",
        title,
        [
            ReportTable("kiem_tra" if lang == "vi" else "audit", title, table),
            ReportTable("ty_trong_ngam_dinh" if lang == "vi" else "implied_weights", ctx.t("Tỷ trọng quý IV ngầm định", "Implied Q4 weights"), weights_shown, fmt3),
        ],
        {stem: plot_required_growth(audit, lang=lang), stem2: plot_implied_weights(audit, lang=lang)},
        "\n".join(lines),
    )


SectionBuilder = Callable[[ReportContext], Section]
SECTIONS: list[tuple[str, SectionBuilder]] = [
    ("plan", _plan_section),
    ("tasks", _tasks_section),
    ("audit", _audit_section),
]
"""The report's sections in order; analyses append theirs."""


# ---------------------------------------------------------------------------------------------
# the job


def _progress_to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_report(
    *,
    plan_path: str | Path | None = None,
    out_dir: str | Path | None = None,
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
    lang : {"vi", "en"}
    progress : callable, optional
        Receives one line per step (default: printed to stderr); ``None`` for silence.

    Returns
    -------
    ReportResult
        The files written, in a stable order, and the seconds each section took.
    """
    from .plotting import save_figure

    lang = check_lang(lang)
    say = progress or (lambda _msg: None)
    out = Path(out_dir) if out_dir is not None else reports_dir() / lang
    default_plan = plan_path is None or Path(plan_path).resolve() == default_plan_path().resolve()
    plan = load_plan(plan_path)
    year = int(plan.attrs["target_year"])
    files: list[Path] = []
    ctx = ReportContext(plan=plan, lang=lang, audit=check_plan(plan, lang=lang), default_plan=default_plan)
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
            files += save_figure(fig, out / "figures" / stem)  # type: ignore[arg-type]
    files += write_csvs(tables, out / "tables")
    files.append(write_workbook(tables, out / f"grdp_{year}.xlsx"))
    files.append(
        write_markdown(
            [(s.title, s.summary) for s in sections],
            out / ctx.t("tom_tat.md", "summary.md"),
            title=ctx.t(f"Kế hoạch năm {year}: kết quả phân tích", f"The {year} plan: findings"),
        )
    )
    result = ReportResult(out, tuple(files), tuple(timings))
    say(result.summary())
    return result
