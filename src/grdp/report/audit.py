"""The report's audit section: every indicator's verdict and the Q4 weights the plan implies."""

from __future__ import annotations

from grdp.audit.findings import verdict_label
from grdp.core.labels import label
from grdp.core.periods import required_growth
from grdp.core.wording import num
from grdp.figures.audit import implied_weights_table, plot_implied_weights, plot_required_growth
from grdp.io.plan import GRDP_KEY
from grdp.report.context import IDENTITY_HOW, ReportContext, ReportFigure, Section
from grdp.report.export import ReportTable
from grdp.sectors.quarter_weight import national_fallback

__all__ = ["audit_section"]


def audit_section(ctx: ReportContext) -> Section:
    audit, lang = ctx.audit, ctx.lang
    title = ctx.t("Kiểm tra tính thống nhất", "Plan audit")
    ends = {"": "", "low": ctx.t("mục tiêu thấp", "low target"), "high": ctx.t("mục tiêu cao", "high target")}
    weights = implied_weights_table(audit).assign(end=lambda f: f["end"].map(ends)).rename(
        columns={
            "stt": label("stt", lang),
            "indicator": label("name", lang),
            "end": ctx.t("Đầu khoảng", "End"),
            "weight": ctx.t("Tỷ trọng hàm ý", "Implied weight"),
            "weight_min": ctx.t("Nhỏ nhất (làm tròn)", "Lowest (rounding)"),
            "weight_max": ctx.t("Lớn nhất (làm tròn)", "Highest (rounding)"),
        }
    )
    counts = audit.counts()
    audit_table = audit.table()  # STT, indicator, kind, check, verdict, detail, warning: the document prints the first, second, fourth and fifth
    lines = [
        ", ".join(f"{verdict_label(v, lang)}: {n}" for v, n in counts.items()) + ".",
        "",
        *(f"- **{f.stt}** {f.indicator} — *{verdict_label(f.verdict, lang)}*: {f.detail}" for f in audit.items if f.verdict != "not_checkable"),
        *(f"- ⚠ **{f.stt}** {f.warning}" for f in audit.items if f.warning),
    ]
    figures: dict[str, ReportFigure] = {}
    stem_required = ctx.name("02_tang_truong_quy_iv_can_dat", "02_required_q4_growth")
    stem_weights = ctx.name("03_ty_trong_quy_iv_ngam_dinh", "03_implied_q4_weights")
    if any(f.key == GRDP_KEY and f.check == "period_identity" and f.verdict in ("consistent", "implausible")
           for f in audit.items):
        figures[stem_required] = ctx.figure(
            plot_required_growth(audit, lang=lang),
            ("Tăng trưởng GRDP quý IV cần đạt để cả năm đạt mục tiêu, theo tỷ trọng của quý IV năm trước trong GRDP năm trước",
             "Q4 GRDP growth needed for the year's target, by Q4's share of the previous year's GRDP"), "plan", "assumptions")
    if len(weights):
        figures[stem_weights] = ctx.figure(
            plot_implied_weights(audit, lang=lang),
            ("Tỷ trọng quý IV năm trước mà ba số (9 tháng, quý IV, cả năm) của từng chỉ tiêu hàm ý, kể cả làm tròn",
             "The previous-year Q4 weight each indicator's three figures (9 months, Q4, year) imply, with rounding"),
            "plan")
    table_audit, table_weights = ctx.name("kiem_tra", "audit"), ctx.name("ty_trong_ngam_dinh", "implied_weights")
    headline = [ctx.finding(
        f"Kiểm tra {len(audit.items)} kết luận: {counts['inconsistent']} không khớp, {counts['implausible']} không hợp lý, "
        f"{counts['consistent']} khớp, {counts['met']} đã đạt, {counts['not_checkable']} không kiểm tra được.",
        f"Audit, {len(audit.items)} findings: {counts['inconsistent']} inconsistent, {counts['implausible']} implausible, "
        f"{counts['consistent']} consistent, {counts['met']} met, {counts['not_checkable']} not checkable.", table_audit)]
    headline += [ctx.finding(f"Không khớp — dòng {f.stt} ({f.indicator}).", f"Inconsistent — row {f.stt} ({f.name_en or f.indicator}).",
                             table_audit)
                 for f in audit.inconsistent]
    headline += [ctx.finding(f"Không hợp lý — dòng {f.stt} ({f.indicator}): các số chỉ khớp nhau với giả định nằm ngoài "
                       "khoảng hợp lý (không phải sai số học).",
                       f"Implausible — row {f.stt} ({f.name_en or f.indicator}): the figures agree only under an "
                       "assumption outside its plausible range (not an arithmetic contradiction).", table_audit)
                 for f in audit.implausible]
    identity = audit.identity(GRDP_KEY)
    figs = ctx.plan.growth_figures()
    if identity is not None and identity.display_weight is not None and figs is not None:
        w_show, need = identity.display_weight, identity.required_rest
        w_nat = national_fallback()
        nat = [float(required_growth(figs.done, y, rest_weight=w_nat)) for y in figs.year]
        headline.append(ctx.finding(
            f"GRDP: nếu tỷ trọng quý IV năm trước là {num(w_show, 2, lang)} (như chính các số của kế hoạch "
            f"hàm ý), quý IV cần tăng {num(need[0], 2, lang)}–{num(need[-1], 2, lang)} %; "
            f"với tỷ trọng của cả nước năm gần nhất {num(w_nat, 3, lang)}: {num(nat[0], 2, lang)}–{num(nat[-1], 2, lang)} %.",
            f"GRDP: if Q4's previous-year weight is {num(w_show, 2, lang)} (as the plan's own figures imply), Q4 "
            f"must grow {num(need[0], 2, lang)}–{num(need[-1], 2, lang)} %; at the nation's latest "
            f"weight of {num(w_nat, 3, lang)}: {num(nat[0], 2, lang)}–{num(nat[-1], 2, lang)} %.",
            table_weights, *(stem for stem in (stem_required,) if stem in figures)))
    return Section(
        "audit",
        title,
        [
            ReportTable(
                table_audit, title, audit_table, doc_columns=tuple(audit_table.columns[[0, 1, 3, 4]]),
                unit=ctx.t("như ghi trong từng kết luận", "as stated in each finding"),
                source=ctx.source("plan", "structure", "assumptions", how=("kiểm tra của grdp", "checks by grdp")),
            ),
            ReportTable(
                table_weights,
                ctx.t("Tỷ trọng quý IV hàm ý", "Implied Q4 weights"),
                weights,
                {c: "0.000" for c in weights.columns[3:]},
                unit=ctx.t("phần của 1 (tỷ trọng của quý IV trong năm trước)", "fraction of 1 (Q4's share of the previous year)"),
                source=ctx.source("plan", how=IDENTITY_HOW),
            ),
        ],
        figures,
        "\n".join(lines),
        headline,
    )
