"""The report's sensitivity section: required Q4 against the weight and a revision, tornado, scenarios, Monte Carlo."""

from __future__ import annotations

import numpy as np

from grdp.core.labels import LABELS, label
from grdp.core.periods import required_growth
from grdp.core.wording import num
from grdp.figures.sensitivity import plot_monte_carlo, plot_required_growth_grid, plot_tornado
from grdp.forecast.outlook import q4_excess_history
from grdp.io.assumptions import assumptions
from grdp.io.plan import GRDP_KEY, MissingFigures
from grdp.report.context import ReportContext, Section
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
    tables = [ReportTable(ctx.name("dieu_chinh_9_thang", "nine_month_revision"), ctx.t("Điều chỉnh số 9 tháng", "9-month revision"),
                          effect.table(lang=lang))]
    figures: dict[str, object] = {ctx.name("11_quy_iv_can_dat_theo_ty_trong", "11_required_q4_heatmap"): plot_required_growth_grid(grid, lang=lang)}
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
    construction = what_if(model, asked, lang=lang)
    mc = monte_carlo(model, ranges, thresholds=list(targets), lang=lang)
    for stem, name, frame, fmt in (
        (ctx.name("loc_xoay", "tornado"), ctx.t("Biểu đồ lốc xoáy", "Tornado"), tor.table(lang=lang), "0.00"),
        (ctx.name("kich_ban", "scenarios"), ctx.t("Kịch bản", "Scenarios"), scen.table(lang=lang), "0.00"),
        (ctx.name("mo_phong_monte_carlo", "monte_carlo"), ctx.t("Mô phỏng Monte Carlo", "Monte Carlo"), mc.table(lang=lang), "0.000"),
    ):
        tables.append(ReportTable(stem, name, frame, {c: fmt for c in frame.select_dtypes("float").columns}))
    figures[ctx.name("12_loc_xoay", "12_tornado")] = plot_tornado(tor, lang=lang)
    figures[ctx.name("13_monte_carlo", "13_monte_carlo")] = plot_monte_carlo(mc, lang=lang)
    lines += [construction.summary(lang=lang), scen.summary(lang=lang), mc.summary(lang=lang),
              ctx.t("Lưu ý: xác suất Monte Carlo là có điều kiện — giả định các ngành tăng quanh mục tiêu quý IV của kế hoạch "
                    "(kịch bản thấp–cao); dự báo theo lịch sử ở mục trước không giả định như vậy.",
                    "Note: the Monte Carlo probability is conditional — it assumes sectors grow around the plan's Q4 targets "
                    "(low to high scenarios); the history-based forecast of the previous section does not.")]
    # Annual GRDP is linear in how much of the plan's Q4 acceleration the sectors deliver (0: each keeps its
    # 9-month pace; 1: the plan's Q4 targets): the share needed for the target says more than a probability.
    at_pace = float(model.annual_growth(dict(model.done)))
    at_plan = float(model.annual_growth())
    share_needed = (targets[0] - at_pace) / (at_plan - at_pace)
    low = scen.grdp(scen.names[0])
    low_name = label(f"sc_{scen.names[0]}", lang) if f"sc_{scen.names[0]}" in LABELS else scen.names[0]
    low_excess = float(required_growth(done, low, rest_weight=w4)) - done
    history = q4_excess_history()["excess"].dropna()
    record, record_year = float(history.max()), int(history.idxmax())
    probs = "; ".join(f"P(≥ {num(t, 1, lang)} %) = {num(100 * mc.probability(t), 1, lang)} %" for t in mc.thresholds)
    if low_excess > record + RECORD_TOLERANCE:
        against = ctx.t("vượt mức cao nhất cả nước từng có", "more than the national record")
    elif low_excess >= record - RECORD_TOLERANCE:
        against = ctx.t("ngang mức cao nhất cả nước từng có", "as much as the national record")
    else:
        against = ctx.t("so với mức cao nhất cả nước từng có", "against the national record")
    headline = [
        ctx.t(
            f"Đạt {num(targets[0], 1, lang)} % cần các ngành thực hiện ít nhất {num(100 * share_needed, 0, lang)} % mức tăng tốc "
            f"quý IV mà kế hoạch đặt ra so với tốc độ 9 tháng; ngay kịch bản '{low_name.lower()}' (GRDP cả năm {num(low, 2, lang)} %) "
            f"đã cần quý IV cao hơn 9 tháng {num(low_excess, 1, lang)} điểm, {against} "
            f"(+{num(record, 1, lang)} năm {record_year}).",
            f"Reaching {num(targets[0], 1, lang)} % needs the sectors to deliver at least {num(100 * share_needed, 0, lang)} % of the "
            f"Q4 acceleration the plan sets over their 9-month pace; even the '{low_name.lower()}' scenario (GRDP {num(low, 2, lang)} % "
            f"for the year) needs Q4 {num(low_excess, 1, lang)} points above the 9 months, {against} "
            f"(+{num(record, 1, lang)} in {record_year}).",
        ),
        ctx.t(f"Mô phỏng quanh các kịch bản (có điều kiện, không phải dự báo): {probs}.",
              f"Simulated around the scenarios (conditional, not a forecast): {probs}."),
        _what_if_line(ctx, asked, construction),
    ]
    change = effect.to_frame()
    at_w = change.loc[np.isclose(change["rest_weight"], w4), "change"]
    if len(at_w):
        headline.append(ctx.t(
            f"Nếu số 9 tháng bị điều chỉnh giảm 0,1 điểm, quý IV phải tăng thêm {num(float(at_w.iloc[0]), 2, lang)} điểm % "
            f"(tỷ trọng {num(w4, 2, lang)}).",
            f"A 0.1-point downward revision of the 9-month figure adds {num(float(at_w.iloc[0]), 2, lang)} points to the Q4 "
            f"growth needed (weight {num(w4, 2, lang)})."))
    return Section("sensitivity", title, tables, figures, "\n\n".join(lines), headline)


def _what_if_line(ctx: ReportContext, asked: dict[str, float], report: ScenarioReport) -> str:
    """One headline for the report's what-if: the sectors' Q4 growth as asked, the others at their targets."""
    lang = ctx.lang
    value, base = report.grdp(report.names[1]), report.grdp("base")
    shift = base - value

    def pct(v: float) -> str:
        return num(v, 2 if v != round(v) else 0, lang)

    vi = ", ".join(f"{sector_label(s, 'vi')} quý IV tăng {pct(v)} %" for s, v in asked.items())
    en = ", ".join(f"{sector_label(s, 'en')} at {pct(v)} % in Q4" for s, v in asked.items())
    return ctx.t(
        f"{vi} (các ngành khác đúng mục tiêu quý IV): GRDP cả năm {num(value, 2, lang)} %, "
        f"{'thấp' if shift >= 0 else 'cao'} hơn {num(abs(shift), 2, lang)} điểm.",
        f"{en} (other sectors at their Q4 targets): annual GRDP {num(value, 2, lang)} %, "
        f"{num(abs(shift), 2, lang)} points {'lower' if shift >= 0 else 'higher'}.",
    )
