"""The report's sector section: contributions, the growth each sector needs, the industry split."""

from __future__ import annotations

import contextlib

import pandas as pd

from grdp.core.labels import label
from grdp.core.wording import num
from grdp.figures.sectors import plot_contributions, plot_required_growth, plot_share_path, plot_split_sensitivity
from grdp.io.plan import GRDP_KEY, MissingFigures
from grdp.report.context import ReportContext, Section
from grdp.report.export import ReportTable
from grdp.sectors.agreement import check_sector_targets
from grdp.sectors.contributions import calibrated_bridge, plan_contributions, required_growth_table, split_sensitivity
from grdp.sectors.keys import sector_label
from grdp.sectors.share import SHARE_KEY, check_share_target

__all__ = ["sectors_section"]


def sectors_section(ctx: ReportContext) -> Section:
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
        out = out.assign(weight=100 * out["weight"])  # shares of GRDP in %, as published and as every percentage of the report
        out = out.rename(columns={c: label(f"dc_{c}", lang) + (" (%)" if c == "weight" else "") for c in out.columns})
        out = out.rename_axis(label("dc_sector", lang)).reset_index()
        out.insert(0, ctx.t("Trường hợp", "Case"), case)
        return out

    b = num(bridge, 3, lang)
    figs = plan.growth_figures()
    targets = (min(figs.year), max(figs.year)) if figs else None
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
    rows = [r.stt for r in (plan.row(GRDP_KEY), plan.row(SHARE_KEY)) if r is not None]
    implied_cal = num(float(year_cal.loc["total", "growth_pct"]), 2, lang)
    implied_one = num(float(year_one.loc["total", "growth_pct"]), 2, lang)
    text = ctx.t(
        f"Theo số 9 tháng của kế hoạch, tốc độ tăng GTTT bằng {b} lần tốc độ tăng GTSX. Với hệ số đó, mục tiêu ngành hàm ý GRDP cả năm {implied_cal} % "
        f"(hệ số 1: {implied_one} %). Kết luận so với mục tiêu GRDP và mục tiêu tỷ trọng: xem mục kiểm tra (dòng {' và '.join(rows)}).",
        f"Value-added/output bridge from the plan's 9 months: {b}. With it the sector targets imply annual GRDP growth of "
        f"{implied_cal} % (bridge 1: {implied_one} %). Verdicts against the GRDP and share targets: see the audit (rows {' and '.join(rows)}).",
    )
    stem_contrib, stem_needed = ctx.name("04_dong_gop_nganh", "04_sector_contributions"), ctx.name("05_tang_truong_nganh_can_dat", "05_sector_growth_needed")
    table_contrib = ctx.name("dong_gop_nganh", "sector_contributions")
    headline = [ctx.finding(
        f"Mục tiêu các ngành hàm ý GRDP cả năm {implied_cal} % (tốc độ tăng GTTT bằng {b} lần tốc độ tăng GTSX, như 9 tháng) "
        f"hoặc {implied_one} % (GTTT tăng như GTSX).",
        f"The sector targets imply annual GRDP growth of {implied_cal} % (value added growing {b} times as fast as output, as in the 9 months) "
        f"or {implied_one} % (value added growing like output).", table_contrib, stem_contrib)]
    source = ctx.source("plan", "structure", "assumptions")
    split_cols = split.columns.tolist()
    tables = [
        ReportTable(table_contrib, title, contrib, pct_cols,
                    unit=ctx.t("% (đóng góp: điểm phần trăm)", "% (contributions: percentage points)"), source=source),
        ReportTable(ctx.name("tang_truong_nganh_can_dat", "sector_growth_needed"), ctx.t("Tăng trưởng ngành cần đạt", "Sector growth needed"), need,
                    {c: "0.00" for c in need.columns[2:]}, unit="%", source=source),
        ReportTable(ctx.name("nhay_theo_ty_trong_cn", "industry_split_sensitivity"), ctx.t("Độ nhạy theo tỷ trọng CN", "Industry split sensitivity"),
                    split, {split_cols[0]: "0.00", split_cols[1]: "0.000", **{c: "0.00" for c in split_cols[2:]}},
                    unit=ctx.t("% (tỷ trọng CN trong CN-XD và hệ số: phần của 1)", "% (industry share and bridge: fractions of 1)"),
                    source=source),
    ]
    figures = {
        stem_contrib: ctx.figure(
            plot_contributions({c.replace(", ", "\n", 1): f for c, f in cases.items()}, target=targets, lang=lang),
            ("Đóng góp của các khu vực kinh tế vào tăng trưởng GRDP (điểm phần trăm): 9 tháng và cả năm theo mục tiêu ngành",
             "Contributions of the sectors to GRDP growth (percentage points): the 9 months and the year at the sector targets"),
            "plan"),
        stem_needed: ctx.figure(
            plot_required_growth(needed, lang=lang),
            ("Tăng trưởng giá trị sản xuất từng khu vực cần đạt cả năm để GRDP đạt mục tiêu, so với mục tiêu kế hoạch của khu vực",
             "Output growth each sector needs for the year's GRDP target, against the sector's plan target"),
            "plan"),
    }
    with contextlib.suppress(MissingFigures):  # no share row: the audit says so
        figures[ctx.name("06_ty_trong_cn_xd_dv", "06_share_path")] = ctx.figure(
            plot_share_path(check_share_target(plan, lang=lang), lang=lang),
            ("Tỷ trọng công nghiệp, xây dựng và dịch vụ trong GRDP: năm trước, 9 tháng và mục tiêu cả năm (trái); "
             "tỷ trọng cả năm theo chênh lệch mùa vụ giữa cả năm và 9 tháng (phải)",
             "Share of industry, construction and services in GRDP: previous year, 9 months and the year's target (left); "
             "the year's share by the seasonal gap between the year and the 9 months (right)"),
            "plan", "national")
    figures[ctx.name("07_nhay_theo_ty_trong_cn", "07_industry_split_sensitivity")] = ctx.figure(
        plot_split_sensitivity(check_sector_targets(plan, lang=lang), lang=lang),
        ("GRDP cả năm mà mục tiêu các ngành hàm ý, theo tỷ trọng công nghiệp trong khu vực công nghiệp – xây dựng",
         "Annual GRDP growth the sector targets imply, by industry's share of industry and construction"),
        "plan", "assumptions")
    return Section("sectors", title, tables, figures, text, headline)
