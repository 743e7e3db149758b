"""The report's first sections: the plan's indicators and the departments' tasks."""

from __future__ import annotations

from grdp.core.labels import label
from grdp.core.wording import period_names
from grdp.figures.tasks import plot_tasks_by_department
from grdp.io.indicators import KIND_LABELS
from grdp.io.plan import PERIODS
from grdp.io.tasks import load_tasks, tasks_by_department
from grdp.report.context import ReportContext, Section
from grdp.report.export import ReportTable

__all__ = ["plan_section", "tasks_section"]


def plan_section(ctx: ReportContext) -> Section:
    plan, lang = ctx.plan, ctx.lang
    shown = plan.table(lang=lang)
    tidy = plan.to_frame()
    # Per period: the figure as grdp writes it back (text, in its own labelled column), then its range as numbers
    # with the decimals of the most precise figure printed in that period.
    frame = shown.drop(columns=[plan.period_label(p, lang) for p in PERIODS])
    formats: dict[str, str] = {}
    printed = [str(c) for c in frame.columns if c != label("kind", lang)]  # the document prints the figures as written
    for p in PERIODS:
        name = plan.period_label(p, lang)
        printed.append(f"{name} ({ctx.t('số ghi, dạng chữ', 'as written, text')})")
        frame[printed[-1]] = shown[name]
        precision = tidy[f"{p}_precision"].dropna()
        decimals = min(3, int(precision.max())) if len(precision) else 0
        for end, end_vi, end_en in (("low", "từ", "from"), ("high", "đến", "to")):
            column = f"{name} ({ctx.t(end_vi, end_en)})"
            frame[column] = tidy[f"{p}_{end}"].astype("float64").to_numpy()
            formats[column] = "#,##0" + ("." + "0" * decimals if decimals else "")
    title = ctx.t(f"Chỉ tiêu kế hoạch {plan.year}", f"Plan indicators {plan.year}")
    kinds = tidy["kind"].map(KIND_LABELS[lang]).value_counts()
    text = ctx.t(
        f"{len(plan)} chỉ tiêu có số liệu ({plan.source}): ",
        f"{len(plan)} indicators with figures ({plan.source}): ",
    ) + ", ".join(f"{k}: {n}" for k, n in kinds.items()) + "."
    table = ReportTable(
        ctx.name("chi_tieu", "indicators"), title, frame, formats,
        unit=ctx.t(f"theo cột {label('unit', lang)}", f"see the {label('unit', lang)} column"),
        source=ctx.source("plan", how=("khoảng từ–đến: grdp đọc từ số ghi trong kế hoạch", "from–to ranges: grdp's reading of the printed figures")),
        doc_columns=tuple(printed),
    )
    return Section("plan", title, [table], summary=text)


def tasks_section(ctx: ReportContext) -> Section:
    lang = ctx.lang
    _, rest = period_names(ctx.plan.months_done, lang)
    title = ctx.t(f"Nhiệm vụ {rest} theo đơn vị", f"{rest} tasks by department")
    if ctx.tasks_path is None:
        return Section("tasks", title, summary=ctx.t("Không có danh sách nhiệm vụ kèm kế hoạch này.", "No task list comes with this plan."))
    tasks = load_tasks(ctx.tasks_path, year=ctx.plan.year)
    counts = tasks_by_department(tasks, lang=lang).reset_index()
    total = label("total", lang)
    grand = int(counts.loc[counts[label("department", lang)] == total, total].iloc[0])
    text = ctx.t(f"{grand} nhiệm vụ của {counts.shape[0] - 1} đơn vị.", f"{grand} tasks of {counts.shape[0] - 1} departments.")
    return Section(
        "tasks",
        title,
        [ReportTable(ctx.name("nhiem_vu", "tasks"), title, counts, {c: "0" for c in counts.columns[1:]},
                     unit=ctx.t("nhiệm vụ", "tasks"),
                     source=ctx.source("tasks", how=("đếm theo đơn vị và thời hạn: tính toán của grdp",
                                                     "counted by department and deadline: grdp's computation")))],
        {ctx.name("01_nhiem_vu_theo_don_vi", "01_tasks_by_department"): ctx.figure(
            plot_tasks_by_department(tasks, lang=lang),
            (f"Nhiệm vụ {rest} theo đơn vị chủ trì và thời hạn", f"{rest} tasks by lead department and deadline"), "tasks")},
        text,
    )
