"""What notebook 02 says about a plan's audit: rounding, what the rest of the year needs, the implied weights, the offices.

The audit's own summary and table (:class:`grdp.audit.findings.PlanAudit`)
carry the verdicts; the functions here write the sentences around its charts
from the plan's figures and the audit's typed evidence, and the display tables
in the notebook's language. A plan without a GRDP row, or whose GRDP row
cannot be checked, gets a sentence saying so instead of a chart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from grdp.audit.findings import PlanAudit
from grdp.core.labels import label
from grdp.core.numbers import format_number, format_value
from grdp.core.periods import MONTHS_PER_YEAR, QUARTERS_PER_YEAR, Interval, required_growth, rounding_interval
from grdp.core.typing import Lang
from grdp.core.wording import Prose, num, period_names, phrase, span
from grdp.figures.audit import implied_weights_table, plot_required_growth
from grdp.io.plan import GRDP_KEY, PERIODS, Plan, PlanRow
from grdp.io.vintages import national_quarter_weights
from grdp.report.stories.applicability import NotApplicable, not_applicable

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "STATISTICS_OFFICE",
    "rest_weights",
    "rounding_note",
    "required_growth_story",
    "required_growth_figure",
    "implied_weights_story",
    "implied_weights_display",
    "offices_table",
    "office_findings",
]

STATISTICS_OFFICE = "Thống kê tỉnh"
"""The provincial statistics office as the plans name it in *Đơn vị theo dõi tổng hợp báo cáo*."""



def rest_weights(months_done: int) -> tuple[float, float]:
    """The rest of the year's weight if every quarter weighed the same, and the national previous-year one.

    For a plan split after ``months_done`` months: ``months_rest / 12``, and the
    sum of the national quarterly weights of the quarters not done
    (:func:`grdp.io.vintages.national_quarter_weights`).

    >>> rest_weights(9)
    (0.25, 0.271)
    """
    quarters_done = months_done * QUARTERS_PER_YEAR // MONTHS_PER_YEAR
    national = float(sum(national_quarter_weights()[quarters_done:]))
    return (MONTHS_PER_YEAR - months_done) / MONTHS_PER_YEAR, round(national, 6)


def _example_row(plan: Plan) -> PlanRow | None:
    """The GRDP row, else the first growth row, else any row with a decimal figure done."""
    def decimal_done(r: PlanRow) -> bool:
        return r.done.bound == "exact" and (r.done.precision or 0) > 0

    candidates = [plan.grdp] if plan.grdp is not None else []
    candidates += [r for r in plan if r.kind == "growth_rate"] + list(plan)
    return next((r for r in candidates if r is not None and decimal_done(r)), None)


def _half_open(iv: Interval, precision: int, lang: Lang) -> str:
    sep = "; " if lang == "vi" else ", "
    return f"[{num(iv.low, precision, lang)}{sep}{num(iv.high, precision, lang)})"


def rounding_note(plan: Plan, *, lang: Lang | None = None) -> Prose:
    """An example of the rounding every check allows for, taken from the plan's own figures.

    Examples
    --------
    >>> from grdp import load_plan
    >>> rounding_note(load_plan(), lang="en")
    For example, row 1's 9 months figure 8.01 stands for every value in [8.005, 8.015); the range 14.2–15.8 for every value from 14.15 to 15.85.
    """
    lang = plan.language(lang)
    done, _ = period_names(plan.months_done, lang)
    row = _example_row(plan)
    if row is None:
        return Prose(phrase(lang, "Kế hoạch không có số thập phân nào đã thực hiện để làm ví dụ.",
                            "The plan has no decimal figure done to take as an example."))
    p = row.done.precision or 0
    iv = rounding_interval(row.done.value, p)
    text = phrase(
        lang,
        f"Ví dụ, số {done} của dòng {row.stt} in {format_value(row.done, style=lang)} là mọi giá trị trong "
        f"{_half_open(iv, p + 1, lang)}",
        f"For example, row {row.stt}'s {done} figure {format_value(row.done, style=lang)} stands for every value in "
        f"{_half_open(iv, p + 1, lang)}",
    )
    ranged = next((v for v in (row.value(q) for q in PERIODS) if v.bound == "range"), None)
    if ranged is not None and ranged.precision is not None:
        hw = 0.5 * 10.0 ** (-ranged.precision)
        assert ranged.low is not None and ranged.high is not None
        lo, hi = num(ranged.low - hw, ranged.precision + 1, lang), num(ranged.high + hw, ranged.precision + 1, lang)
        text += phrase(lang, f"; khoảng {format_value(ranged, style=lang)} là mọi giá trị từ {lo} đến {hi}",
                       f"; the range {format_value(ranged, style=lang)} for every value from {lo} to {hi}")
    return Prose(text + ".")


def required_growth_story(plan: Plan, audit: PlanAudit, *, lang: Lang | None = None) -> Prose:
    """What the rest of the year needs for the annual GRDP target, at the weight the plan implies and at two references.

    The plan's three GRDP figures, the previous-year weight of the rest of the
    year they imply (the shaded band of :func:`grdp.figures.audit.plot_required_growth`),
    the growth the rest needs at a round weight inside it, and at equal quarters
    and the national weight (:func:`rest_weights`).

    Examples
    --------
    >>> from grdp import load_plan, check_plan
    >>> plan = load_plan()
    >>> print(required_growth_story(plan, check_plan(plan), lang="en"))
    The plan: GRDP growth 8.01 % in the 9 months; target 14.2–15.8 % in Q4 and 10.0–10.5 % for the year. The three figures imply a previous-year Q4 weight of 0.311–0.329 (rounding included; the shaded band). At a weight of 0.32, Q4 needs 14.23–15.79 % growth; if the quarters weighed the same (0.25), Q4 would need 15.97–17.97 %; at the national weight (0.271), 15.35–17.20 %.
    """
    lang = plan.language(lang)
    done, rest = period_names(plan.months_done, lang)
    row = plan.grdp
    if row is None:
        return Prose(phrase(lang, "Kế hoạch không có dòng tăng trưởng GRDP: không có hình này.",
                            "The plan has no GRDP growth row: no chart here."))
    v = {p: "-" if row.value(p).is_missing else format_value(row.value(p), style=lang) + " %" for p in PERIODS}
    head = phrase(lang, f"Kế hoạch: GRDP tăng {v['done']} sau {done}; mục tiêu {rest} {v['rest']}, cả năm {v['year']}.",
                  f"The plan: GRDP growth {v['done']} in the {done}; target {v['rest']} in {rest} and {v['year']} for the year.")
    finding = audit.finding(key=GRDP_KEY, check="period_identity")
    evidence = audit.identity(GRDP_KEY)
    figures = plan.growth_figures()
    if evidence is None or figures is None or evidence.common is None:
        # the check stopped (a figure missing) or found no common weight: its detail says why
        return Prose(f"{head} {finding.detail if finding is not None else ''}".strip())
    text = [head, phrase(
        lang,
        f"Ba số đó hàm ý tỷ trọng {rest} năm trước {span(evidence.common, 3, lang)} (kể cả sai số làm tròn; dải xám).",
        f"The three figures imply a previous-year {rest} weight of {span(evidence.common, 3, lang)} (rounding included; "
        "the shaded band).",
    )]
    targets = sorted(set(figures.year))
    equal, national = rest_weights(plan.months_done)

    def needs(w: float) -> str:
        values = [float(required_growth(figures.done, y, rest_weight=w)) for y in targets]
        return span((min(values), max(values)), 2, lang)

    references = phrase(
        lang,
        f"nếu các quý bằng nhau ({num(equal, 2, lang)}), {rest} cần tăng {needs(equal)} %; với tỷ trọng của cả nước "
        f"({num(national, 3, lang)}), {needs(national)} %.",
        f"if the quarters weighed the same ({num(equal, 2, lang)}), {rest} would need {needs(equal)} %; at the national "
        f"weight ({num(national, 3, lang)}), {needs(national)} %.",
    )
    if evidence.display_weight is None:  # a single annual figure: the rest's target is the printed one by construction
        text.append(references[:1].upper() + references[1:])
    else:
        w = num(evidence.display_weight, 2, lang)
        need = span((min(evidence.required_rest), max(evidence.required_rest)), 2, lang)
        text.append(phrase(lang, f"Với tỷ trọng {w}, {rest} cần tăng {need} %;", f"At a weight of {w}, {rest} needs {need} % growth;"))
        text.append(references)
    return Prose(" ".join(text))


def required_growth_figure(audit: PlanAudit, *, lang: Lang | None = None) -> Figure | NotApplicable:
    """:func:`grdp.figures.audit.plot_required_growth` for the GRDP row, or why there is none."""
    lang = audit.language(lang)
    if audit.finding(key=GRDP_KEY) is None:
        return not_applicable("kế hoạch không có dòng tăng trưởng GRDP", "the plan has no GRDP growth row", lang=lang)
    if audit.identity(GRDP_KEY) is None:
        return not_applicable("dòng tăng trưởng GRDP không có đủ ba số (kỳ đã thực hiện, phần còn lại, cả năm)",
                              "the GRDP growth row lacks one of its three figures (part done, rest, year)", lang=lang)
    return plot_required_growth(audit, lang=lang)


def implied_weights_story(audit: PlanAudit, *, lang: Lang | None = None) -> Prose:
    """How far apart the growth rows' implied weights lie, and which fall outside the plausible band.

    Examples
    --------
    >>> from grdp import load_plan, check_plan
    >>> implied_weights_story(check_plan(load_plan()), lang="en")
    7 growth indicators have all three figures. The previous-year Q4 weights they imply run from 0.286 (row 2.1) to 0.337 (row 2.3); the national weight is 0.271. All lie inside the plausible band 0.20–0.45.
    """
    lang = audit.language(lang)
    _, rest = period_names(audit.months_done, lang)
    table = implied_weights_table(audit)
    if table.empty:
        return Prose(phrase(lang, "Không chỉ tiêu tốc độ tăng nào có đủ ba số: không có tỷ trọng hàm ý.",
                            "No growth indicator has all three figures: no implied weight."))
    points = table.groupby("stt", sort=False)["weight"].mean()
    lo, hi = points.idxmin(), points.idxmax()
    band = audit.weight_band
    outside = [str(r.stt) for r in table.itertuples() if r.weight_max < band[0] or r.weight_min > band[1]]
    outside = list(dict.fromkeys(outside))
    _, national = rest_weights(audit.months_done)
    head = phrase(
        lang,
        f"{len(points)} chỉ tiêu tốc độ tăng có đủ ba số. Tỷ trọng {rest} năm trước mà chúng hàm ý từ "
        f"{num(points[lo], 3, lang)} (dòng {lo}) đến {num(points[hi], 3, lang)} (dòng {hi}); của cả nước {num(national, 3, lang)}.",
        f"{len(points)} growth indicators have all three figures. The previous-year {rest} weights they imply run from "
        f"{num(points[lo], 3, lang)} (row {lo}) to {num(points[hi], 3, lang)} (row {hi}); the national weight is "
        f"{num(national, 3, lang)}.",
    )
    b = span(band, 2, lang)
    tail = phrase(lang, f"Tất cả nằm trong khoảng hợp lý {b}.", f"All lie inside the plausible band {b}.") if not outside else phrase(
        lang, f"Nằm ngoài khoảng hợp lý {b}: dòng {', '.join(outside)}.", f"Outside the plausible band {b}: row {', '.join(outside)}.")
    return Prose(f"{head} {tail}")


def implied_weights_display(audit: PlanAudit, *, lang: Lang | None = None) -> pd.DataFrame:
    """:func:`grdp.figures.audit.implied_weights_table` for a reader: labelled columns, weights to 0,001 in ``lang``'s style."""
    lang = audit.language(lang)
    names = {f.stt: (f.name_en if lang == "en" and f.name_en else f.indicator) for f in audit.items}
    ends = {"": "", "low": phrase(lang, "mục tiêu thấp", "low target"), "high": phrase(lang, "mục tiêu cao", "high target")}
    table = implied_weights_table(audit)
    out = pd.DataFrame({
        label("stt", lang): table["stt"],
        label("name", lang): table["stt"].map(names),
        phrase(lang, "Đầu khoảng mục tiêu", "Target end"): table["end"].map(ends),
    })
    for col, vi, en in (("weight", "Tỷ trọng hàm ý", "Implied weight"), ("weight_min", "Nhỏ nhất (làm tròn)", "Lowest (rounding)"),
                        ("weight_max", "Lớn nhất (làm tròn)", "Highest (rounding)")):
        out[phrase(lang, vi, en)] = [format_number(float(x), precision=3, style=lang) for x in table[col]]
    return out


def offices_table(audit: PlanAudit, *, lang: Lang | None = None) -> pd.DataFrame:
    """Findings per monitoring office, offices in alphabetical order (a row two offices monitor counts for both)."""
    lang = audit.language(lang)
    offices = audit.by_office(lang=lang)
    counts = pd.Series({office: len(rows) for office, rows in offices.items()}, name=phrase(lang, "Số kết luận", "Findings"), dtype="int64")
    return counts.rename_axis(label("au_office", lang)).to_frame()


def office_findings(audit: PlanAudit, office: str = STATISTICS_OFFICE, *, lang: Lang | None = None) -> pd.DataFrame | Prose:
    """The findings one office monitors (default: the statistics office), or a sentence when it monitors none."""
    lang = audit.language(lang)
    offices = audit.by_office(lang=lang)
    if office not in offices:
        return Prose(phrase(lang, f"Không có chỉ tiêu nào do {office} theo dõi trong kế hoạch này.",
                            f"No indicator of this plan is monitored by {office}."))
    return offices[office]
