"""The report's forecast section: the year from the 9 months, the target probabilities and the backtest."""

from __future__ import annotations

import pandas as pd

from grdp.core.labels import label
from grdp.core.wording import num
from grdp.figures.forecast import plot_backtest, plot_fan, plot_q4_excess
from grdp.forecast.backtesting import backtest
from grdp.forecast.methods import METHODS
from grdp.forecast.momentum import momentum
from grdp.forecast.nowcast import nowcast_annual
from grdp.forecast.outlook import plan_outlook
from grdp.forecast.panel import ProvincialForecast
from grdp.io.plan import MissingFigures
from grdp.report.context import ReportContext, Section
from grdp.report.export import ReportTable

__all__ = ["forecast_section"]


def forecast_section(ctx: ReportContext) -> Section:
    lang = ctx.lang
    title = ctx.t("Dự báo cả năm", "Forecast of the year")
    figs = ctx.plan.growth_figures()
    if figs is None:
        return Section("forecast", title, summary=ctx.t("Kế hoạch không có dòng tăng trưởng GRDP đủ số liệu.", "The plan has no complete GRDP growth row."))
    _, _, targets = figs
    try:
        outlook = plan_outlook(ctx.plan, lang=lang)
        methods = list(dict.fromkeys(outlook.probabilities["method"]))
        nowcasts = [nowcast_annual(ctx.plan, q4_weight=w, method=methods[0], targets=targets, lang=lang)
                    for w in sorted(set(outlook.probabilities["q4_weight"]))]
    except (ValueError, KeyError, MissingFigures) as err:
        return Section("forecast", title, summary=ctx.t(f"Không dự báo được: {err}", f"No forecast: {err}"))
    ctx.use_backtest_fits()
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
            label("fc_coverage_80", lang): 100 * scores["coverage_80"],  # every percentage of the report: 0–100
            label("fc_coverage_95", lang): 100 * scores["coverage_95"],
            label("fc_mae_ratio", lang): 100 * (scores["mae_ratio"] - 1),
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
            ctx.t("Sai số (điểm phần trăm)", "Error (points)"): f["error"],
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
            **{label("fc_prob", lang).format(x=num(t, 1, lang)): 100 * p[f"p_{t:g}"] for t in targets},
        }
    )
    national_source = ctx.source("plan", "national", how=("dự báo và kiểm định lùi (đứng ở số 9 tháng từng năm): tính toán của grdp",
                                                          "forecasts and backtest (standing at each year's 9-month release): grdp's computation"))
    tables = [
        ReportTable(ctx.name("xac_suat_dat_muc_tieu", "target_probabilities"), ctx.t("Xác suất đạt mục tiêu", "Target probabilities"), prob,
                    {**{c: "0.00" for c in prob.columns[1:5]}, **{c: "0.0" for c in prob.columns[5:]}, label("fc_q4_weight", lang): "0.000"},
                    unit=ctx.t("% (trọng số quý IV: phần của 1)", "% (Q4 weight: fraction of 1)"), source=national_source),
        ReportTable(ctx.name("kiem_dinh_lui", "backtest"), ctx.t("Kiểm định lùi", "Backtest"), score_frame,
                    {label("fc_years", lang): "0", label("fc_mae", lang): "0.00", label("fc_bias", lang): "+0.00;-0.00;0.00",
                     label("fc_rmse", lang): "0.00", label("fc_coverage_80", lang): "0.0", label("fc_coverage_95", lang): "0.0",
                     label("fc_mae_ratio", lang): "+0;-0;0"},
                    unit=ctx.t("điểm phần trăm (tỷ lệ năm trong khoảng, MAE so với 'cả năm = 9 tháng': %)",
                               "percentage points (coverage, MAE against 'annual = 9 months': %)"),
                    source=national_source),
        ReportTable(ctx.name("kiem_dinh_lui_theo_nam", "backtest_by_year"), ctx.t("Kiểm định lùi theo năm", "Backtest by year"), by_year,
                    {label("fc_year", lang): "0", **{c: "0.00" for c in by_year.columns[2:]}},
                    unit=ctx.t("% (sai số: điểm phần trăm)", "% (error: percentage points)"), source=national_source, in_document=False),
    ]
    first, last = int(f["year"].min()), int(f["year"].max())
    figures = {
        ctx.name("08_du_bao_ca_nam", "08_annual_forecast"): ctx.figure(
            plot_fan(nowcasts, targets=targets, lang=lang),
            ("Dự báo tăng trưởng cả năm theo mẫu hình quý IV so với 9 tháng của cả nước (mượn), với hai tỷ trọng quý IV; "
             "các xác suất chỉ hiệu chỉnh trên chuỗi cả nước, không phải trên các tỉnh",
             "The year's growth forecast by the nation's Q4-versus-9-months pattern (borrowed), at two Q4 weights; "
             "the probabilities are calibrated on the national series only, not on the provinces"),
            "plan", "national"),
        ctx.name("09_kiem_dinh_lui", "09_backtest"): ctx.figure(
            plot_backtest(bt, lang=lang),
            (f"Kiểm định lùi trên số liệu cả nước {first}–{last}: dự báo tại ngày công bố số 9 tháng so với số cả năm công bố "
             "lần đầu (trên); sai số tuyệt đối bình quân của từng phương pháp (dưới)",
             f"Backtest on the national series {first}–{last}: the forecast at the 9-month release against the first-published "
             "annual figure (top); each method's mean absolute error (bottom)"),
            "national"),
        ctx.name("10_quy_iv_so_voi_9_thang", "10_q4_versus_9_months"): ctx.figure(
            plot_q4_excess(outlook, lang=lang),
            ("Quý IV cao hơn 9 tháng bao nhiêu điểm phần trăm: cả nước từng năm và mức kế hoạch cần",
             "How many points Q4 grew above the 9 months: the nation each year, and what the plan needs"),
            "plan", "national"),
    }
    weights = " / ".join(num(w, 3, lang) for w in sorted(set(outlook.probabilities["q4_weight"])))
    national = ctx.t(
        f"Mẫu hình quý IV so với 9 tháng của cả nước, mượn cho tỉnh (tỷ trọng quý IV {weights}); mọi xác suất từ đây tới hết "
        "mục này chỉ hiệu chỉnh trên chuỗi cả nước, không phải trên các tỉnh:",
        f"The nation's pattern of Q4 against the 9 months, borrowed for the province (Q4 weight {weights}); every probability "
        "from here to the end of this section is calibrated on the national series only, not on the provinces:")
    parts = [national, nowcasts[0].summary(lang=lang), outlook.summary(lang=lang), bt.summary(lang=lang)]
    lead = []
    pf = ctx.provincial
    if pf is not None:
        pb = pf.backtest
        panel_source = ctx.source("plan", "provinces", "national", how=(
            "dự báo hiệu chỉnh và kiểm định lùi bỏ từng năm: tính toán của grdp",
            "calibrated forecast and leave-one-year-out backtest: grdp's computation"))
        level = num(100 * pf.level, 0, lang)
        coverage_80 = ctx.t("Khoảng 80 % bao được (kiểm định lùi)", "80 % coverage (backtest)")
        forecast_frame = pd.DataFrame({
            label("fc_method", lang): [label(f"fc_panel_{pf.method}", lang)],
            label("fc_point", lang): [pf.point],
            ctx.t(f"Cận dưới {level} %", f"{level} % lower"): [pf.lower],
            ctx.t(f"Cận trên {level} %", f"{level} % upper"): [pf.upper],
            **{label("fc_prob", lang).format(x=num(t, 1, lang)): [100 * pf.prob_at_least(t)] for t in pf.targets},
            ctx.t("Số tỉnh-năm", "Province-years"): [pf.n],
            label("fc_years", lang): [pf.years],
            coverage_80: [100 * pf.coverage_80],
        })
        panel_frame = pb.score_frame(lang=lang)
        tables[:0] = [
            ReportTable(ctx.name("du_bao_theo_cac_tinh", "provincial_forecast"), ctx.t("Dự báo theo các tỉnh", "Provincial forecast"),
                        forecast_frame,
                        {**{c: "0.00" for c in forecast_frame.columns[1:4]}, **{c: "0.0" for c in forecast_frame.columns[4:-3]},
                         forecast_frame.columns[-3]: "0", forecast_frame.columns[-2]: "0", coverage_80: "0.0"},
                        unit="%", source=panel_source),
            ReportTable(ctx.name("kiem_dinh_lui_cac_tinh", "panel_backtest"), ctx.t("Kiểm định lùi trên các tỉnh", "Panel backtest"),
                        panel_frame,
                        dict(zip(panel_frame.columns[1:], ["0", "0.00", "0.00", "+0.00;-0.00;0.00", "0.0", "0.0", "0.00"], strict=True)),
                        unit=ctx.t("điểm phần trăm (MAE / '9 tháng': lần; tỷ lệ bao được: %)",
                                   "percentage points (MAE / '9 months': times; coverage: %)"),
                        source=panel_source),
        ]
        parts[:0] = [pf.summary(lang=lang), pb.summary(lang=lang)]
        lead.append(ctx.finding(*_calibrated_line(ctx, pf), tables[0].name, tables[1].name))
    headline = []
    try:
        own = momentum(ctx.plan, lang=lang)
    except (ValueError, MissingFigures):
        own = None
    if own is not None:
        parts.insert(1 if lead else 0, own.summary(lang=lang))
        headline.append(ctx.finding(
            f"Đà tăng của chính tỉnh: quý III khoảng {num(own.q3, 1, lang)} %; nếu quý IV tăng như quý III, cả năm khoảng "
            f"{num(own.annual_if_q4_is_q3, 1, lang)} %.",
            f"The province's own momentum: Q3 about {num(own.q3, 1, lang)} %; were Q4 to grow like Q3, the year would end near "
            f"{num(own.annual_if_q4_is_q3, 1, lang)} %."))
    return Section("forecast", title, tables, figures, "\n\n".join(parts), headline, lead)


def _calibrated_line(ctx: ReportContext, pf: ProvincialForecast) -> tuple[str, str]:
    """The key finding that opens the report: the calibrated forecast and its probability of the target's low end."""
    lang = ctx.lang
    t0 = pf.targets[0]
    k, n = pf.exceedances(t0), pf.n
    gap = num(100 * pf.reliability_gap, 0, lang)
    return (
        f"Dự báo hiệu chỉnh trên các tỉnh (9 tháng {num(pf.growth_9m, 2, lang)} %): cả năm khoảng {num(pf.point, 1, lang)} % "
        f"(khoảng 80 %: {num(pf.lower, 1, lang)}–{num(pf.upper, 1, lang)} %); xác suất đạt {num(t0, 1, lang)} % khoảng "
        f"{num(100 * pf.prob_at_least(t0), 0, lang)} % — {k}/{n} tỉnh-năm đã kết thúc năm cao hơn dự báo như vậy ít nhất "
        f"{num(t0 - pf.point, 1, lang)} điểm phần trăm; khi kiểm định lùi, xác suất dự báo lệch tần suất thực tế không quá {gap} điểm phần trăm.",
        f"Forecast calibrated on the provinces (9 months {num(pf.growth_9m, 2, lang)} %): about {num(pf.point, 1, lang)} % for the "
        f"year (80 %: {num(pf.lower, 1, lang)}–{num(pf.upper, 1, lang)} %); the probability of {num(t0, 1, lang)} % is about "
        f"{num(100 * pf.prob_at_least(t0), 0, lang)} % — {k} of {n} province-years ended at least "
        f"{num(t0 - pf.point, 1, lang)} points above such a forecast; in the backtest, forecast probabilities were within "
        f"{gap} points of the observed frequencies.")
