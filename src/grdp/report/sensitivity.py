"""The report's sensitivity section: required Q4 against the weight and a revision, tornado, scenarios, Monte Carlo."""

from __future__ import annotations

import numpy as np
import pandas as pd

from grdp.core.labels import LABELS, label
from grdp.core.periods import required_growth
from grdp.core.wording import num
from grdp.figures.sensitivity import plot_monte_carlo, plot_required_growth_grid, plot_tornado
from grdp.forecast.outlook import q4_excess_history
from grdp.io.assumptions import assumptions
from grdp.io.plan import GRDP_KEY, MissingFigures
from grdp.report.context import IDENTITY_HOW, ReportContext, Section
from grdp.report.export import ReportTable
from grdp.sectors.keys import sector_label
from grdp.sectors.model import sector_model
from grdp.sensitivity.derivatives import required_growth_grid, revision_effect
from grdp.sensitivity.montecarlo import monte_carlo
from grdp.sensitivity.scenarios import ScenarioReport, plan_scenarios, run_scenarios, scenario_ranges, tornado, what_if

__all__ = ["sensitivity_section", "REVISION_STEP"]

REVISION_STEP = 0.1
"""The downward revision of the 9-month figure the report looks at, points."""
RECORD_TOLERANCE = 0.5
"""Within this many points of the national record Q4 excess, a scenario's excess reads as "as much as the record"."""


def sensitivity_section(ctx: ReportContext) -> Section:
    plan, lang, audit = ctx.plan, ctx.lang, ctx.audit
    title = ctx.t("Độ nhạy và kịch bản", "Sensitivity and scenarios")
    figs = plan.growth_figures()
    grdp_row = audit.finding(key=GRDP_KEY, check="period_identity")
    identity = audit.identity(GRDP_KEY)
    if figs is None or grdp_row is None or grdp_row.verdict not in ("consistent", "implausible") or identity is None or identity.common is None:
        return Section("sensitivity", title, summary=ctx.t("Không có dòng GRDP khớp để phân tích độ nhạy.", "No consistent GRDP row to analyse."))
    done, _, targets = figs
    plan_weights = (identity.common.low, identity.common.high)
    w4 = identity.display_weight if identity.display_weight is not None else float(np.mean(plan_weights))
    grid = required_growth_grid(done, targets=list(targets), plan_weights=plan_weights, months_done=plan.months_done, lang=lang)
    effect = revision_effect(done, -REVISION_STEP, targets=list(targets), months_done=plan.months_done,
                             rest_weights=[round(plan_weights[0], 2), w4, round(plan_weights[1], 2)], lang=lang)
    revision = effect.table(lang=lang)
    tables = [ReportTable(ctx.name("dieu_chinh_9_thang", "nine_month_revision"), ctx.t("Điều chỉnh số 9 tháng", "9-month revision"),
                          revision, dict(zip(revision.columns, ["0.0", "0.00", "0.00", "0.00", "0.000"], strict=True)),
                          unit=ctx.t("% (tỷ trọng: phần của 1; thay đổi: điểm phần trăm)", "% (weight: fraction of 1; change: percentage points)"),
                          source=ctx.source("plan", how=IDENTITY_HOW))]
    stem_grid = ctx.name("11_quy_iv_can_dat_theo_ty_trong", "11_required_q4_heatmap")
    figures = {stem_grid: ctx.figure(
        plot_required_growth_grid(grid, lang=lang),
        ("Tăng trưởng quý IV cần đạt theo mục tiêu năm và tỷ trọng quý IV năm trước",
         "Q4 growth needed by the year's target and the previous-year Q4 weight"), "plan")}
    lines = [effect.summary(lang=lang)]
    try:
        model = sector_model(plan, lang=lang)
    except (KeyError, ValueError, MissingFigures) as err:
        lines.append(ctx.t(f"Không có kịch bản theo ngành: {err}", f"No sector scenarios: {err}"))
        return Section("sensitivity", title, tables, figures, "\n\n".join(lines))
    scenarios = plan_scenarios(model)
    ranges = scenario_ranges(scenarios)
    tor = tornado(model, ranges, lang=lang)
    scen = run_scenarios(model, scenarios, audit=audit, lang=lang)
    asked = assumptions().what_if
    high = num(100 * assumptions().scenario_multipliers["high"], 0, lang)
    construction = what_if(model, asked, lang=lang)
    mc = monte_carlo(model, ranges, thresholds=list(targets), lang=lang)
    model_source = ctx.source("plan", "structure", "assumptions", how=("mô hình ngành: tính toán của grdp", "sector model: grdp's computation"))
    stem_scen, stem_revision = ctx.name("kich_ban", "scenarios"), ctx.name("dieu_chinh_9_thang", "nine_month_revision")
    mc_frame = mc.table(lang=lang)  # threshold, share of draws (%), its standard error (points), draws
    for stem, name, frame, formats, unit in (
        (ctx.name("loc_xoay", "tornado"), ctx.t("Biểu đồ lốc xoáy", "Tornado"), tor.table(lang=lang), None,
         ctx.t("% (biên độ: điểm phần trăm)", "% (swing: percentage points)")),
        (ctx.name("kich_ban", "scenarios"), ctx.t("Kịch bản", "Scenarios"), scen.table(lang=lang), None, "%"),
        (ctx.name("mo_phong_monte_carlo", "monte_carlo"), ctx.t("Mô phỏng Monte Carlo", "Monte Carlo"), mc_frame,
         dict(zip(mc_frame.columns, ["0.0", "0.00", "0.000", "#,##0"], strict=True)),
         ctx.t("% (sai số chuẩn: điểm phần trăm; số lần: lượt)", "% (standard error: percentage points; draws: count)")),
    ):
        tables.append(ReportTable(stem, name, frame, formats or {c: "0.00" for c in frame.select_dtypes("number").columns}, unit=unit,
                                  source=model_source,
                                  doc_columns=_q4_columns(frame) if stem == stem_scen else ()))
    stem_tornado = ctx.name("12_loc_xoay", "12_tornado")
    figures[stem_tornado] = ctx.figure(
        plot_tornado(tor, lang=lang),
        ("GRDP cả năm khi từng khu vực tăng trong quý IV ở đầu thấp hoặc đầu cao của khoảng giả định, các khu vực khác ở mục tiêu",
         "Annual GRDP when one sector grows in Q4 at the low or high end of its assumed range, the others at their targets"),
        "plan", "assumptions")
    pf = ctx.provincial
    calibrated = {t: pf.prob_at_least(t) for t in mc.thresholds} if pf is not None else None
    figures[ctx.name("13_monte_carlo", "13_monte_carlo")] = ctx.figure(
        plot_monte_carlo(mc, calibrated=calibrated, lang=lang),
        ("Mô phỏng kịch bản: phân bố GRDP cả năm khi các khu vực tăng trong quý IV trong các khoảng giả định — cho biết kế hoạch "
         "cần gì, không phải khả năng đạt; xác suất đạt mục tiêu là của dự báo hiệu chỉnh trên các tỉnh",
         "Scenario simulation: annual GRDP when the sectors grow in Q4 within the assumed ranges — what the plan takes, not how "
         "likely it is; the probability of the target is the provincial calibrated forecast's"),
        "plan", "assumptions", *(("provinces",) if pf is not None else ()))
    lines += [construction.summary(lang=lang), scen.summary(lang=lang), mc.summary(lang=lang),
              ctx.t("Lưu ý: mô phỏng cho biết kế hoạch cần gì, không phải khả năng đạt — các ngành được giả định tăng trong "
                    f"quý IV từ tốc độ 9 tháng (không tăng tốc) tới {high} % mức tăng tốc kế hoạch đặt ra, đỉnh ở mục tiêu; tỷ lệ "
                    "lượt mô phỏng đạt mục tiêu lặp lại giả định đó. Xác suất đạt mục tiêu là của dự báo hiệu chỉnh ở mục trước.",
                    "Note: the simulation says what the plan takes, not how likely it is — sectors are assumed to grow in Q4 "
                    f"between their 9-month pace (no acceleration) and {high} % of the acceleration the plan sets, peaking at the "
                    "target; the share of draws reaching the target restates that. The probability of the target is the "
                    "calibrated forecast's, in the previous section.")]
    # Annual GRDP is linear in how much of the plan's Q4 acceleration the sectors deliver (0: each keeps its
    # 9-month pace; 1: the plan's Q4 targets): the share needed for the target says more than a probability.
    at_pace = float(model.annual_growth(dict(model.done)))
    at_plan = float(model.annual_growth())
    share_needed = (targets[0] - at_pace) / (at_plan - at_pace)
    low_key = "low" if "low" in scen.names else scen.names[0]
    low = scen.grdp(low_key)
    low_name = label(f"sc_{low_key}", lang) if f"sc_{low_key}" in LABELS else low_key
    low_excess = float(required_growth(done, low, rest_weight=w4)) - done
    history = q4_excess_history()["excess"].dropna()
    record, record_year = float(history.max()), int(history.idxmax())
    if low_excess > record + RECORD_TOLERANCE:
        against = ctx.t("vượt mức cao nhất cả nước từng có", "more than the national record")
    elif low_excess >= record - RECORD_TOLERANCE:
        against = ctx.t("ngang mức cao nhất cả nước từng có", "as much as the national record")
    else:
        against = ctx.t("so với mức cao nhất cả nước từng có", "against the national record")
    acceleration = ctx.t(
        f"Với GRDP cả năm tuyến tính theo phần tăng tốc quý IV mà các ngành thực hiện (0: mỗi ngành giữ tốc độ 9 tháng, GRDP "
        f"{num(at_pace, 2, lang)} %; 1: đúng mục tiêu quý IV, GRDP {num(at_plan, 2, lang)} %), đạt {num(targets[0], 1, lang)} % "
        f"cần ít nhất {num(100 * share_needed, 0, lang)} % mức tăng tốc đó.",
        f"Annual GRDP is linear in the share of the planned Q4 acceleration the sectors deliver (0: each keeps its 9-month pace, "
        f"GRDP {num(at_pace, 2, lang)} %; 1: the Q4 targets, GRDP {num(at_plan, 2, lang)} %): reaching {num(targets[0], 1, lang)} % "
        f"needs at least {num(100 * share_needed, 0, lang)} % of that acceleration.")
    lines.insert(len(lines) - 1, acceleration)
    headline = [
        ctx.finding(
            f"Đạt {num(targets[0], 1, lang)} % cần các ngành thực hiện ít nhất {num(100 * share_needed, 0, lang)} % mức tăng tốc "
            f"quý IV mà kế hoạch đặt ra so với tốc độ 9 tháng; ngay kịch bản '{low_name.lower()}' (GRDP cả năm {num(low, 2, lang)} %) "
            f"đã cần quý IV cao hơn 9 tháng {num(low_excess, 1, lang)} điểm phần trăm, {against} "
            f"(+{num(record, 1, lang)} năm {record_year}).",
            f"Reaching {num(targets[0], 1, lang)} % needs the sectors to deliver at least {num(100 * share_needed, 0, lang)} % of the "
            f"Q4 acceleration the plan sets over their 9-month pace; even the '{low_name.lower()}' scenario (GRDP {num(low, 2, lang)} % "
            f"for the year) needs Q4 {num(low_excess, 1, lang)} points above the 9 months, {against} "
            f"(+{num(record, 1, lang)} in {record_year}).",
            stem_scen, stem_tornado,
        ),
        ctx.finding(*_what_if_line(ctx, asked, construction), stem_scen),
    ]
    change = effect.to_frame()
    at_w = change.loc[np.isclose(change["rest_weight"], w4), "change"]
    if len(at_w):
        headline.append(ctx.finding(
            f"Nếu số 9 tháng bị điều chỉnh giảm {num(REVISION_STEP, 1, lang)} điểm phần trăm, quý IV phải tăng thêm {num(float(at_w.iloc[0]), 2, lang)} điểm phần trăm "
            f"(tỷ trọng {num(w4, 2, lang)}).",
            f"A {num(REVISION_STEP, 1, lang)}-point downward revision of the 9-month figure adds {num(float(at_w.iloc[0]), 2, lang)} points to the Q4 "
            f"growth needed (weight {num(w4, 2, lang)}).", stem_revision, stem_grid))
    return Section("sensitivity", title, tables, figures, "\n\n".join(lines), headline)


def _q4_columns(scenarios: pd.DataFrame) -> tuple[str, ...]:
    """The scenario table as the document prints it: the scenario, each sector's Q4 growth, annual GRDP and the verdict
    (the sectors' annual growth stays in the workbook)."""
    columns = [str(c) for c in scenarios.columns]
    q4 = [c for c in columns[1:-2] if "quý IV" in c or "Q4" in c]
    return (columns[0], *q4, *columns[-2:])


def _what_if_line(ctx: ReportContext, asked: dict[str, float], report: ScenarioReport) -> tuple[str, str]:
    """One headline for the report's what-if: the sectors' Q4 growth as asked, the others at their targets."""
    lang = ctx.lang
    value, base = report.grdp(report.names[1]), report.grdp("base")
    shift = base - value

    def pct(v: float) -> str:
        return num(v, 2 if v != round(v) else 0, lang)

    vi = ", ".join(f"{sector_label(s, 'vi')} quý IV tăng {pct(v)} %" for s, v in asked.items())
    en = ", ".join(f"{sector_label(s, 'en')} at {pct(v)} % in Q4" for s, v in asked.items())
    return (
        f"{vi} (các ngành khác đúng mục tiêu quý IV): GRDP cả năm {num(value, 2, lang)} %, "
        f"{'thấp' if shift >= 0 else 'cao'} hơn {num(abs(shift), 2, lang)} điểm phần trăm so với kịch bản cơ sở ({num(base, 2, lang)} %).",
        f"{en} (other sectors at their Q4 targets): annual GRDP {num(value, 2, lang)} %, "
        f"{num(abs(shift), 2, lang)} percentage points {'lower' if shift >= 0 else 'higher'} than the base scenario ({num(base, 2, lang)} %).",
    )
