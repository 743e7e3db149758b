"""The report's audit section: every indicator's verdict and the Q4 weights the plan implies."""

from __future__ import annotations

from grdp.audit.findings import verdict_label
from grdp.core.labels import label
from grdp.core.periods import required_growth
from grdp.core.wording import num
from grdp.figures.audit import implied_weights_table, plot_implied_weights, plot_required_growth
from grdp.io.plan import GRDP_KEY
from grdp.report.context import ReportContext, Section
from grdp.report.export import ReportTable
from grdp.sectors.quarter_weight import national_fallback

__all__ = ["audit_section"]


def audit_section(ctx: ReportContext) -> Section:
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
    if any(f.key == GRDP_KEY and f.check == "period_identity" and f.verdict in ("consistent", "implausible")
           for f in audit.items):
        figures[ctx.name("02_tang_truong_quy_iv_can_dat", "02_required_q4_growth")] = plot_required_growth(audit, lang=lang)
    if len(weights):
        figures[ctx.name("03_ty_trong_quy_iv_ngam_dinh", "03_implied_q4_weights")] = plot_implied_weights(audit, lang=lang)
    headline = [ctx.t(
        f"Kiểm tra {len(audit.items)} kết luận: {counts['inconsistent']} không khớp, {counts['implausible']} không hợp lý, "
        f"{counts['consistent']} khớp, {counts['met']} đã đạt, {counts['not_checkable']} không kiểm tra được.",
        f"Audit, {len(audit.items)} findings: {counts['inconsistent']} inconsistent, {counts['implausible']} implausible, "
        f"{counts['consistent']} consistent, {counts['met']} met, {counts['not_checkable']} not checkable.")]
    headline += [ctx.t(f"Không khớp — dòng {f.stt} ({f.indicator}).", f"Inconsistent — row {f.stt} ({f.name_en or f.indicator}).")
                 for f in audit.inconsistent]
    headline += [ctx.t(f"Không hợp lý — dòng {f.stt} ({f.indicator}): các số chỉ khớp nhau với giả định nằm ngoài "
                       "khoảng hợp lý (không phải sai số học).",
                       f"Implausible — row {f.stt} ({f.name_en or f.indicator}): the figures agree only under an "
                       "assumption outside its plausible range (not an arithmetic contradiction).")
                 for f in audit.implausible]
    identity = audit.identity(GRDP_KEY)
    figs = ctx.plan.growth_figures()
    if identity is not None and identity.display_weight is not None and figs is not None:
        w_show, need = identity.display_weight, identity.required_rest
        w_nat = national_fallback()
        nat = [float(required_growth(figs.done, y, rest_weight=w_nat)) for y in figs.year]
        headline.append(ctx.t(
            f"GRDP: nếu tỷ trọng quý IV năm trước là {num(w_show, 2, lang)} (như chính các số của kế hoạch "
            f"ngầm định), quý IV cần tăng {num(need[0], 2, lang)}–{num(need[-1], 2, lang)} %; "
            f"với tỷ trọng của cả nước năm gần nhất {num(w_nat, 3, lang)}: {num(nat[0], 2, lang)}–{num(nat[-1], 2, lang)} %.",
            f"GRDP: if Q4's previous-year weight is {num(w_show, 2, lang)} (as the plan's own figures imply), Q4 "
            f"must grow {num(need[0], 2, lang)}–{num(need[-1], 2, lang)} %; at the nation's latest "
            f"weight of {num(w_nat, 3, lang)}: {num(nat[0], 2, lang)}–{num(nat[-1], 2, lang)} %."))
    return Section(
        "audit",
        title,
        [
            ReportTable(
                ctx.name("kiem_tra", "audit"), title, audit.table(),
                unit=ctx.t("như ghi trong từng kết luận", "as stated in each finding"),
                source=ctx.t(f"Kế hoạch năm {ctx.plan.year} ({ctx.plan.source}); cơ cấu kinh tế của tỉnh (provinces_hungyen_thaibinh.csv), "
                             "giả định (assumptions.csv); kiểm tra của grdp",
                             f"The {ctx.plan.year} plan ({ctx.plan.source}); the province's structure (provinces_hungyen_thaibinh.csv), "
                             "assumptions (assumptions.csv); checks by grdp"),
                lang=lang,
            ),
            ReportTable(
                ctx.name("ty_trong_ngam_dinh", "implied_weights"),
                ctx.t("Tỷ trọng quý IV ngầm định", "Implied Q4 weights"),
                weights,
                {c: "0.000" for c in weights.columns[3:]},
                unit=ctx.t("phần của 1 (tỷ trọng của quý IV trong năm trước)", "fraction of 1 (Q4's share of the previous year)"),
                source=ctx.t(f"Kế hoạch năm {ctx.plan.year} ({ctx.plan.source}); đẳng thức kỳ đã qua – kỳ còn lại – cả năm, kể cả làm tròn: "
                             "tính toán của grdp",
                             f"The {ctx.plan.year} plan ({ctx.plan.source}); the done – rest – year identity, rounding included: "
                             "computed by grdp"),
                lang=lang,
            ),
        ],
        figures,
        "\n".join(lines),
        headline,
    )
