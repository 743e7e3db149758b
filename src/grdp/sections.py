"""The sections of the report: tables (numbers as numbers, labelled in the report's language),
figures and a few lines of findings each.

Each builder takes a :class:`ReportContext` and returns a :class:`Section`. A
section whose analysis does not apply to the plan at hand (no GRDP row, no
sector rows, a year the shipped history does not reach) says so in its summary
instead of failing the report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .consistency import PlanAudit, verdict_label
from .export import ReportTable
from .indicators import KIND_LABELS
from .labels import LABELS, Lang, label
from .paths import raw_dir
from .periods import required_growth
from .plan import GRDP_KEY, PERIODS, grdp_figures, period_label, plan_table
from .vintages import NATIONAL_QUARTER_WEIGHTS
from .wording import num, phrase

__all__ = ["ReportContext", "Section", "SECTIONS"]


@dataclass
class ReportContext:
    """What every section can use: the plan, its audit, the language."""

    plan: pd.DataFrame
    lang: Lang
    audit: PlanAudit
    default_plan: bool

    def t(self, vi: str, en: str) -> str:
        return phrase(self.lang, vi, en)

    def name(self, vi: str, en: str) -> str:
        """A file or sheet stem in the report's language."""
        return self.t(vi, en)


@dataclass
class Section:
    """A part of the report: tables, figures (file stem → Figure) and Markdown findings."""

    key: str
    title: str
    tables: list[ReportTable] = field(default_factory=list)
    figures: dict[str, object] = field(default_factory=dict)
    summary: str = ""
    headline: list[str] = field(default_factory=list)
    """One-line key findings, gathered at the top of the report's summary."""


# ---------------------------------------------------------------------------------------------
# plan, tasks, audit


def plan_section(ctx: ReportContext) -> Section:
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
    title = ctx.t(f"Chỉ tiêu kế hoạch {plan.attrs['target_year']}", f"Plan indicators {plan.attrs['target_year']}")
    kinds = plan["kind"].map(KIND_LABELS[lang]).value_counts()
    text = ctx.t(
        f"{len(plan)} chỉ tiêu có số liệu ({plan.attrs['source']}): ",
        f"{len(plan)} indicators with figures ({plan.attrs['source']}): ",
    ) + ", ".join(f"{k}: {n}" for k, n in kinds.items()) + "."
    table = ReportTable(ctx.name("chi_tieu", "indicators"), title, frame, {c: "#,##0.00" for c in numeric.columns})
    return Section("plan", title, [table], summary=text)


def tasks_section(ctx: ReportContext) -> Section:
    from .tasks import load_tasks, plot_tasks_by_department, tasks_by_department

    lang = ctx.lang
    title = ctx.t("Nhiệm vụ quý IV theo đơn vị", "Q4 tasks by department")
    if not ctx.default_plan:
        return Section("tasks", title, summary=ctx.t("Không có danh sách nhiệm vụ kèm kế hoạch này.", "No task list comes with this plan."))
    tasks = load_tasks(year=int(ctx.plan.attrs["target_year"]))
    counts = tasks_by_department(tasks, lang=lang).reset_index()
    total = label("total", lang)
    grand = int(counts.loc[counts[label("department", lang)] == total, total].iloc[0])
    text = ctx.t(f"{grand} nhiệm vụ của {counts.shape[0] - 1} đơn vị.", f"{grand} tasks of {counts.shape[0] - 1} departments.")
    return Section(
        "tasks",
        title,
        [ReportTable(ctx.name("nhiem_vu", "tasks"), title, counts, {c: "0" for c in counts.columns[1:]})],
        {ctx.name("01_nhiem_vu_theo_don_vi", "01_tasks_by_department"): plot_tasks_by_department(tasks, lang=lang)},
        text,
    )


def audit_section(ctx: ReportContext) -> Section:
    from .charts import implied_weights_table, plot_implied_weights, plot_required_growth

    audit, lang = ctx.audit, ctx.lang
    title = ctx.t("Kiểm tra tính thống nhất", "Plan audit")
    ends = {"": "", "low": ctx.t("đầu dưới", "low end"), "high": ctx.t("đầu trên", "high end")}
    weights = implied_weights_table(audit).assign(end=lambda f: f["end"].map(ends)).rename(
        columns={
            "stt": label("stt", lang),
            "indicator": label("name", lang),
            "end": ctx.t("Đầu khoảng", "End"),
            "weight": ctx.t("Tỷ trọng ngầm định", "Implied weight"),
            "weight_min": ctx.t("Nhỏ nhất (làm tròn)", "Lowest (rounding)"),
            "weight_max": ctx.t("Lớn nhất (làm tròn)", "Highest (rounding)"),
        }
    )
    counts = audit.counts()
    lines = [
        ", ".join(f"{verdict_label(v, lang)}: {n}" for v, n in counts.items()) + ".",
        "",
        *(f"- **{f.stt}** {f.indicator} — *{verdict_label(f.verdict, lang)}*: {f.detail}" for f in audit.items if f.verdict != "not_checkable"),
        *(f"- ⚠ **{f.stt}** {f.warning}" for f in audit.items if f.warning),
    ]
    figures = {}
    if any(f.stt == "1" and f.check == "period_identity" and f.verdict == "consistent" for f in audit.items):
        figures[ctx.name("02_tang_truong_quy_iv_can_dat", "02_required_q4_growth")] = plot_required_growth(audit, lang=lang)
    if len(weights):
        figures[ctx.name("03_ty_trong_quy_iv_ngam_dinh", "03_implied_q4_weights")] = plot_implied_weights(audit, lang=lang)
    headline = [ctx.t(
        f"Kiểm tra {len(audit.items)} kết luận: {counts['inconsistent']} không khớp, {counts['consistent']} khớp, "
        f"{counts['met']} đã đạt, {counts['not_checkable']} không kiểm tra được.",
        f"Audit, {len(audit.items)} findings: {counts['inconsistent']} inconsistent, {counts['consistent']} consistent, "
        f"{counts['met']} met, {counts['not_checkable']} not checkable.")]
    headline += [ctx.t(f"Không khớp — dòng {f.stt} ({f.indicator}).", f"Inconsistent — row {f.stt} ({f.name_en or f.indicator}).")
                 for f in audit.inconsistent]
    grdp_row = next((f for f in audit.items if f.key == GRDP_KEY and f.check == "period_identity"), None)
    figs = grdp_figures(ctx.plan)
    if grdp_row is not None and "required_rest_low" in dict(grdp_row.numbers) and figs is not None:
        n = dict(grdp_row.numbers)
        w_nat = NATIONAL_QUARTER_WEIGHTS[3]
        nat = [float(required_growth(figs[0], y, rest_weight=w_nat)) for y in figs[2]]
        headline.append(ctx.t(
            f"GRDP: nếu tỷ trọng quý IV năm trước là {num(n['display_weight'], 2, lang)} (như chính các số của kế hoạch "
            f"ngầm định), quý IV cần tăng {num(n['required_rest_low'], 2, lang)}–{num(n['required_rest_high'], 2, lang)} %; "
            f"với tỷ trọng của cả nước {num(w_nat, 3, lang)}: {num(nat[0], 2, lang)}–{num(nat[-1], 2, lang)} %.",
            f"GRDP: if Q4's previous-year weight is {num(n['display_weight'], 2, lang)} (as the plan's own figures imply), Q4 "
            f"must grow {num(n['required_rest_low'], 2, lang)}–{num(n['required_rest_high'], 2, lang)} %; at the national "
            f"weight of {num(w_nat, 3, lang)}: {num(nat[0], 2, lang)}–{num(nat[-1], 2, lang)} %."))
    return Section(
        "audit",
        title,
        [
            ReportTable(ctx.name("kiem_tra", "audit"), title, audit.table()),
            ReportTable(
                ctx.name("ty_trong_ngam_dinh", "implied_weights"),
                ctx.t("Tỷ trọng quý IV ngầm định", "Implied Q4 weights"),
                weights,
                {c: "0.000" for c in weights.columns[3:]},
            ),
        ],
        figures,
        "\n".join(lines),
        headline,
    )


# ---------------------------------------------------------------------------------------------
# sector decomposition


def sectors_section(ctx: ReportContext) -> Section:
    from .sector_charts import plot_contributions, plot_required_growth, plot_share_path, plot_split_sensitivity
    from .sector_contributions import calibrated_bridge, plan_contributions, required_growth_table, split_sensitivity
    from .sector_targets import MissingFigures
    from .share_target import check_share_target
    from .structure import sector_label

    plan, lang = ctx.plan, ctx.lang
    title = ctx.t("Đóng góp của các ngành", "Sector contributions")
    try:
        bridge = float(calibrated_bridge(plan))
        year_one = plan_contributions(plan)
        year_cal = plan_contributions(plan, bridge=bridge)
        done = plan_contributions(plan, period="done", bridge=bridge)
    except (MissingFigures, KeyError, ValueError) as err:
        return Section("sectors", title, summary=ctx.t(f"Không phân tách được theo ngành: {err}", f"No sector decomposition: {err}"))

    def contrib_frame(frame: pd.DataFrame, case: str) -> pd.DataFrame:
        out = frame.rename(index=lambda k: label("dc_total", lang) if k == "total" else sector_label(k, lang))
        out = out.rename(columns={c: label(f"dc_{c}", lang) for c in out.columns}).rename_axis(label("dc_sector", lang)).reset_index()
        out.insert(0, ctx.t("Trường hợp", "Case"), case)
        return out

    b = num(bridge, 3, lang)
    figs = grdp_figures(plan)
    targets = figs[2] if figs else None
    cases = {
        ctx.t(f"9 tháng, hệ số {b}", f"9 months, bridge {b}"): done,
        ctx.t("Cả năm, hệ số 1", "Year, bridge 1"): year_one,
        ctx.t(f"Cả năm, hệ số {b}", f"Year, bridge {b}"): year_cal,
    }
    contrib = pd.concat([contrib_frame(f, c) for c, f in cases.items()], ignore_index=True)
    pct_cols = {c: "0.00" for c in contrib.columns[2:]}
    needed = {ctx.t("Hệ số 1", "Bridge 1"): required_growth_table(plan), ctx.t(f"Hệ số {b}", f"Bridge {b}"): required_growth_table(plan, bridge=bridge)}
    need_rows = []
    for case, frame in needed.items():
        for sector, row in frame.iterrows():
            need_rows.append({ctx.t("Trường hợp", "Case"): case, label("dc_sector", lang): sector_label(str(sector), lang),
                              ctx.t("Mục tiêu kế hoạch (%)", "Plan target (%)"): row["target"],
                              **{ctx.t(f"Cần cho GRDP {num(float(t), 1, lang)} %", f"Needed for GRDP {num(float(t), 1, lang)} %"): row[t]
                                 for t in frame.columns if t != "target"}})
    need = pd.DataFrame(need_rows)
    split = split_sensitivity(plan).reset_index().rename(
        columns={"industry_split": ctx.t("Tỷ trọng CN trong CN-XD", "Industry share of industry+construction"),
                 "calibrated_bridge": ctx.t("Hệ số GTTT/GTSX theo 9 tháng", "Value-added/output bridge from 9 months"),
                 "implied_bridge_one": ctx.t("GRDP năm, hệ số 1 (%)", "GRDP year, bridge 1 (%)"),
                 "implied_calibrated": ctx.t("GRDP năm, hệ số 9 tháng (%)", "GRDP year, 9-month bridge (%)")})
    share = check_share_target(plan)
    implied_cal = num(float(year_cal.loc["total", "growth_pct"]), 2, lang)
    implied_one = num(float(year_one.loc["total", "growth_pct"]), 2, lang)
    text = ctx.t(
        f"Theo số 9 tháng của kế hoạch, tốc độ tăng GTTT bằng {b} lần tốc độ tăng GTSX. Với hệ số đó, mục tiêu ngành ngầm định GRDP cả năm {implied_cal} % "
        f"(hệ số 1: {implied_one} %). Kết luận so với mục tiêu GRDP và mục tiêu tỷ trọng: xem mục kiểm tra (dòng 1 và 3).",
        f"Value-added/output bridge from the plan's 9 months: {b}. With it the sector targets imply annual GRDP growth of "
        f"{implied_cal} % (bridge 1: {implied_one} %). Verdicts against the GRDP and share targets: see the audit (rows 1 and 3).",
    )
    headline = [ctx.t(
        f"Mục tiêu các ngành ngầm định GRDP cả năm {implied_cal} % (tốc độ tăng GTTT bằng {b} lần tốc độ tăng GTSX, như 9 tháng) "
        f"hoặc {implied_one} % (GTTT tăng như GTSX).",
        f"The sector targets imply annual GRDP growth of {implied_cal} % (value added growing {b} times as fast as output, as in the 9 months) "
        f"or {implied_one} % (value added growing like output).")]
    tables = [
        ReportTable(ctx.name("dong_gop_nganh", "sector_contributions"), title, contrib, pct_cols),
        ReportTable(ctx.name("tang_truong_nganh_can_dat", "sector_growth_needed"), ctx.t("Tăng trưởng ngành cần đạt", "Sector growth needed"), need,
                    {c: "0.00" for c in need.columns[2:]}),
        ReportTable(ctx.name("nhay_theo_ty_trong_cn", "industry_split_sensitivity"), ctx.t("Độ nhạy theo tỷ trọng CN", "Industry split sensitivity"),
                    split, {c: "0.000" for c in split.columns}),
    ]
    figures = {
        ctx.name("04_dong_gop_nganh", "04_sector_contributions"): plot_contributions(
            {c.replace(", ", "\n", 1): f for c, f in cases.items()}, target=targets, lang=lang),
        ctx.name("05_tang_truong_nganh_can_dat", "05_sector_growth_needed"): plot_required_growth(needed, lang=lang),
        ctx.name("06_ty_trong_cn_xd_dv", "06_share_path"): plot_share_path(plan, share, lang=lang),
        ctx.name("07_nhay_theo_ty_trong_cn", "07_industry_split_sensitivity"): plot_split_sensitivity(plan, lang=lang),
    }
    return Section("sectors", title, tables, figures, text, headline)


# ---------------------------------------------------------------------------------------------
# forecast


def forecast_section(ctx: ReportContext) -> Section:
    from .forecast import METHODS, backtest, nowcast_annual, plan_outlook, plot_backtest, plot_fan, plot_q4_excess

    lang = ctx.lang
    title = ctx.t("Dự báo cả năm", "Forecast of the year")
    figs = grdp_figures(ctx.plan)
    if figs is None:
        return Section("forecast", title, summary=ctx.t("Kế hoạch không có dòng tăng trưởng GRDP đủ số liệu.", "The plan has no complete GRDP growth row."))
    done, rest, targets = figs
    try:
        outlook = plan_outlook(done, targets=targets, required_q4=rest, lang=lang)
        nowcasts = [nowcast_annual(done, q4_weight=w, targets=targets, lang=lang) for w in sorted(set(outlook.probabilities["q4_weight"]))]
    except (ValueError, KeyError) as err:
        return Section("forecast", title, summary=ctx.t(f"Không dự báo được: {err}", f"No forecast: {err}"))
    year = int(ctx.plan.attrs["target_year"])
    if nowcasts[0].year != year:
        return Section("forecast", title, summary=ctx.t(
            f"Số liệu lịch sử đi kèm chỉ có đến 9 tháng năm {nowcasts[0].year}; kế hoạch là năm {year}. "
            "Dùng `grdp.nowcast_annual(..., history=tệp_quý)` với số quý của năm kế hoạch.",
            f"The shipped history reaches the 9 months of {nowcasts[0].year} only; the plan is for {year}. "
            "Use `grdp.nowcast_annual(..., history=quarterly_file)` with the plan year's quarters."))
    bt = backtest(lang=lang)
    scores = bt.scores().reset_index()
    score_frame = pd.DataFrame(
        {
            label("fc_method", lang): [METHODS[m].label(lang) for m in scores["method"]],
            label("fc_kind", lang): [label(f"fc_{k}", lang) for k in scores["kind"]],
            label("fc_years", lang): scores["n"],
            label("fc_mae", lang): scores["mae"],
            label("fc_bias", lang): scores["bias"],
            label("fc_rmse", lang): scores["rmse"],
            label("fc_coverage_80", lang): scores["coverage_80"],
            label("fc_coverage_95", lang): scores["coverage_95"],
            label("fc_mae_ratio", lang): scores["mae_ratio"] - 1,
        }
    )
    f = bt.forecasts
    by_year = pd.DataFrame(
        {
            label("fc_year", lang): f["year"],
            label("fc_method", lang): [METHODS[m].label(lang) for m in f["method"]],
            label("fc_period_9m", lang): f["growth_9m"],
            label("fc_point", lang): f["point"],
            ctx.t("Cận dưới 80 %", "80 % lower"): f["lower_80"],
            ctx.t("Cận trên 80 %", "80 % upper"): f["upper_80"],
            label("fc_published", lang): f["published"],
            ctx.t("Sai số (điểm %)", "Error (points)"): f["error"],
        }
    )
    p = outlook.probabilities
    prob = pd.DataFrame(
        {
            label("fc_method", lang): [METHODS[m].label(lang) for m in p["method"]],
            label("fc_q4_weight", lang): p["q4_weight"],
            label("fc_point", lang): p["point"],
            ctx.t("Cận dưới 80 %", "80 % lower"): p["lower"],
            ctx.t("Cận trên 80 %", "80 % upper"): p["upper"],
            **{label("fc_prob", lang).format(x=num(t, 1, lang)): p[f"p_{t:g}"] for t in targets},
        }
    )
    tables = [
        ReportTable(ctx.name("xac_suat_dat_muc_tieu", "target_probabilities"), ctx.t("Xác suất đạt mục tiêu", "Target probabilities"), prob,
                    {**{c: "0.00" for c in prob.columns[1:5]}, **{c: "0.0%" for c in prob.columns[5:]}, label("fc_q4_weight", lang): "0.000"}),
        ReportTable(ctx.name("kiem_dinh_lui", "backtest"), ctx.t("Kiểm định lùi", "Backtest"), score_frame,
                    {label("fc_mae", lang): "0.00", label("fc_bias", lang): "0.00", label("fc_rmse", lang): "0.00",
                     label("fc_coverage_80", lang): "0%", label("fc_coverage_95", lang): "0%", label("fc_mae_ratio", lang): "+0%;-0%;0%"}),
        ReportTable(ctx.name("kiem_dinh_lui_theo_nam", "backtest_by_year"), ctx.t("Kiểm định lùi theo năm", "Backtest by year"), by_year,
                    {c: "0.00" for c in by_year.columns[2:]}),
    ]
    figures = {
        ctx.name("08_du_bao_ca_nam", "08_annual_forecast"): plot_fan(nowcasts, targets=targets, lang=lang),
        ctx.name("09_kiem_dinh_lui", "09_backtest"): plot_backtest(bt, lang=lang),
        ctx.name("10_quy_iv_so_voi_9_thang", "10_q4_versus_9_months"): plot_q4_excess(outlook, lang=lang),
    }
    text = "\n\n".join([nowcasts[0].summary(lang), outlook.summary(lang), bt.summary(lang)])
    nc = nowcasts[0]
    t0 = targets[0]
    p_t0 = outlook.probabilities[f"p_{t0:g}"]
    weights = " / ".join(num(w, 3, lang) for w in sorted(set(outlook.probabilities["q4_weight"])))
    headline = [ctx.t(
        f"Dự báo theo lịch sử (mẫu hình cả nước; 9 tháng của tỉnh {num(done, 2, lang)} %): cả năm khoảng {num(nc.point, 1, lang)} % "
        f"(khoảng 80 %: {num(nc.lower, 1, lang)}–{num(nc.upper, 1, lang)} %); xác suất đạt {num(t0, 1, lang)} % khoảng "
        f"{num(100 * p_t0.min(), 0, lang)}–{num(100 * p_t0.max(), 0, lang)} % tùy phương pháp và tỷ trọng quý IV ({weights}).",
        f"History-based forecast (national pattern; the province's 9 months at {num(done, 2, lang)} %): about {num(nc.point, 1, lang)} % "
        f"for the year (80 %: {num(nc.lower, 1, lang)}–{num(nc.upper, 1, lang)} %); the probability of {num(t0, 1, lang)} % is about "
        f"{num(100 * p_t0.min(), 0, lang)}–{num(100 * p_t0.max(), 0, lang)} % depending on the method and Q4 weight ({weights}).")]
    return Section("forecast", title, tables, figures, text, headline)


# ---------------------------------------------------------------------------------------------
# sensitivity


def sensitivity_section(ctx: ReportContext) -> Section:
    from .montecarlo import monte_carlo
    from .scenarios import load_scenarios, run_scenarios, scenario_ranges, tornado, what_if
    from .sector_model import sector_model
    from .sensitivity import required_growth_grid, revision_effect

    plan, lang, audit = ctx.plan, ctx.lang, ctx.audit
    title = ctx.t("Độ nhạy và kịch bản", "Sensitivity and scenarios")
    figs = grdp_figures(plan)
    grdp_row = next((f for f in audit.items if f.key == GRDP_KEY and f.check == "period_identity" and f.verdict == "consistent"), None)
    if figs is None or grdp_row is None:
        return Section("sensitivity", title, summary=ctx.t("Không có dòng GRDP khớp để phân tích độ nhạy.", "No consistent GRDP row to analyse."))
    done, _, targets = figs
    nums = dict(grdp_row.numbers)
    plan_weights = (nums["weight_common_min"], nums["weight_common_max"])
    w4 = nums.get("display_weight", float(np.mean(plan_weights)))
    grid = required_growth_grid(done, targets=list(targets), plan_weights=plan_weights, lang=lang)
    effect = revision_effect(done, -0.1, targets=list(targets), rest_weights=[round(plan_weights[0], 2), w4, round(plan_weights[1], 2)], lang=lang)
    tables = [ReportTable(ctx.name("dieu_chinh_9_thang", "nine_month_revision"), ctx.t("Điều chỉnh số 9 tháng", "9-month revision"),
                          effect.table(lang=lang))]
    figures: dict[str, object] = {ctx.name("11_quy_iv_can_dat_theo_ty_trong", "11_required_q4_heatmap"): grid.plot(lang=lang)}
    lines = [effect.summary(lang=lang)]
    year = int(plan.attrs["target_year"])
    scenario_file = raw_dir() / f"scenarios_{year}.csv"
    try:
        model = sector_model(plan, lang=lang)
        if not scenario_file.is_file():
            raise FileNotFoundError(ctx.t(f"không có tệp kịch bản {scenario_file.name}", f"no scenario file {scenario_file.name}"))
        ranges = scenario_ranges(load_scenarios(scenario_file))
    except (KeyError, ValueError, FileNotFoundError) as err:
        lines.append(ctx.t(f"Không có kịch bản theo ngành: {err}", f"No sector scenarios: {err}"))
        return Section("sensitivity", title, tables, figures, "\n\n".join(lines))
    tor = tornado(model, lang=lang)
    scen = run_scenarios(model, load_scenarios(scenario_file), plan=plan, audit=audit, lang=lang)
    construction = what_if(model, construction=20.0, lang=lang)
    mc = monte_carlo(model, ranges, thresholds=list(targets), lang=lang)
    for stem, name, frame, fmt in (
        (ctx.name("loc_xoay", "tornado"), ctx.t("Biểu đồ lốc xoáy", "Tornado"), tor.table(lang=lang), "0.00"),
        (ctx.name("kich_ban", "scenarios"), ctx.t("Kịch bản", "Scenarios"), scen.table(lang=lang), "0.00"),
        (ctx.name("mo_phong_monte_carlo", "monte_carlo"), ctx.t("Mô phỏng Monte Carlo", "Monte Carlo"), mc.table(lang=lang), "0.000"),
    ):
        tables.append(ReportTable(stem, name, frame, {c: fmt for c in frame.select_dtypes("float").columns}))
    figures[ctx.name("12_loc_xoay", "12_tornado")] = tor.plot(lang=lang)
    figures[ctx.name("13_monte_carlo", "13_monte_carlo")] = mc.plot(lang=lang)
    lines += [construction.summary(lang=lang), scen.summary(lang=lang), mc.summary(lang=lang),
              ctx.t("Lưu ý: xác suất Monte Carlo là có điều kiện — giả định các ngành tăng quanh mục tiêu quý IV của kế hoạch "
                    "(kịch bản thấp–cao); dự báo theo lịch sử ở mục trước không giả định như vậy.",
                    "Note: the Monte Carlo probability is conditional — it assumes sectors grow around the plan's Q4 targets "
                    "(low to high scenarios); the history-based forecast of the previous section does not.")]
    from .outlook import q4_excess_history

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
    headline = [
        ctx.t(
            f"Đạt {num(targets[0], 1, lang)} % cần các ngành thực hiện ít nhất {num(100 * share_needed, 0, lang)} % mức tăng tốc "
            f"quý IV mà kế hoạch đặt ra so với tốc độ 9 tháng; ngay kịch bản '{low_name.lower()}' (GRDP cả năm {num(low, 2, lang)} %) "
            f"đã cần quý IV cao hơn 9 tháng {num(low_excess, 1, lang)} điểm, ngang mức cao nhất cả nước từng có "
            f"(+{num(record, 1, lang)} năm {record_year}).",
            f"Reaching {num(targets[0], 1, lang)} % needs the sectors to deliver at least {num(100 * share_needed, 0, lang)} % of the "
            f"Q4 acceleration the plan sets over their 9-month pace; even the '{low_name.lower()}' scenario (GRDP {num(low, 2, lang)} % "
            f"for the year) needs Q4 {num(low_excess, 1, lang)} points above the 9 months, as much as the national record "
            f"(+{num(record, 1, lang)} in {record_year}).",
        ),
        ctx.t(f"Mô phỏng quanh các kịch bản (có điều kiện, không phải dự báo): {probs}.",
              f"Simulated around the scenarios (conditional, not a forecast): {probs}."),
        ctx.t(
            f"Xây dựng quý IV tăng 20 % (các ngành khác đúng mục tiêu quý IV): GRDP cả năm "
            f"{num(construction.grdp(construction.names[1]), 2, lang)} %, thấp hơn "
            f"{num(construction.grdp('base') - construction.grdp(construction.names[1]), 2, lang)} điểm.",
            f"Construction at 20 % in Q4 (other sectors at their Q4 targets): annual GRDP "
            f"{num(construction.grdp(construction.names[1]), 2, lang)} %, "
            f"{num(construction.grdp('base') - construction.grdp(construction.names[1]), 2, lang)} points lower.",
        ),
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


SectionBuilder = Callable[[ReportContext], Section]
SECTIONS: list[tuple[str, SectionBuilder]] = [
    ("plan", plan_section),
    ("tasks", tasks_section),
    ("audit", audit_section),
    ("sectors", sectors_section),
    ("forecast", forecast_section),
    ("sensitivity", sensitivity_section),
]
"""The report's sections in order."""
