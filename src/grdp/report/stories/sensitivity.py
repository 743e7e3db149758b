"""The sensitivity notebook's paragraphs (``notebooks/05-sensitivity.ipynb``), written from the plan and the data.

The notebook reads the GRDP row's period identity from the audit
(:func:`identity_weights`: the 9 months, the targets and the previous-year Q4
weights the plan implies, :meth:`grdp.audit.findings.PlanAudit.identity`) and
tells, as :class:`~grdp.core.wording.Prose` in its language: the plan and its
weights (:func:`identity_reading`), what a revision of the 9-month figure costs
Q4 (:func:`revision_step_reading`), how the national 9 months were revised
(:func:`revision_record`), the rule of the plan's scenarios
(:func:`scenario_rule`), the leaders' what-if (:func:`what_if_reading`) and
the Monte Carlo with its condition (:func:`monte_carlo_reading`).
:func:`assumption_variants` names the Monte Carlo assumptions compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from grdp.audit.findings import PlanAudit
from grdp.core.labels import label
from grdp.core.numbers import format_number, format_value
from grdp.core.periods import NINE_MONTHS
from grdp.core.typing import Lang
from grdp.core.validation import check_lang
from grdp.core.wording import Prose, num, period_names, phrase, signed
from grdp.io.assumptions import assumptions
from grdp.io.plan import GRDP_KEY, Plan, PlanRow
from grdp.io.vintages import latest_nine_month_year, nine_month_release, revisions
from grdp.report.sensitivity import REVISION_STEP
from grdp.report.stories.applicability import NotApplicable, not_applicable
from grdp.sectors.keys import sector_label
from grdp.sectors.model import SectorModel
from grdp.sensitivity.montecarlo import MonteCarloResult
from grdp.sensitivity.scenarios import ScenarioReport

__all__ = [
    "VARIANT_CORRELATIONS",
    "VARIANT_REVISION_SCALE",
    "IdentityWeights",
    "identity_weights",
    "identity_reading",
    "revision_step_reading",
    "revision_record",
    "scenario_rule",
    "what_if_reading",
    "monte_carlo_reading",
    "assumption_variants",
]

VARIANT_CORRELATIONS = (0.25, 0.5)
"""Common correlations of the sectors' Q4 growth the Monte Carlo is re-run with (:func:`assumption_variants`)."""
VARIANT_REVISION_SCALE = 2.0
"""The 9-month revisions scaled up, as if the province's were this many times the nation's."""


@dataclass(frozen=True)
class IdentityWeights:
    """The GRDP row's period identity as the sensitivity analyses use it.

    Attributes
    ----------
    year, months_done : int
        The plan's year and part of the year done.
    done : float
        The 9-month GRDP growth, %.
    targets : tuple of float
        The ends of the annual target.
    low, high : float
        The previous-year Q4 weights every pair of printed ends allows, rounding
        included (the audit's common interval).
    weight : float
        The weight the analyses use: the audit's round display weight inside
        ``[low, high]`` for a range target, else the interval's middle.
    row : PlanRow
        The GRDP row, for its figures as printed.
    """

    year: int
    months_done: int
    done: float
    targets: tuple[float, ...]
    low: float
    high: float
    weight: float
    row: PlanRow = field(repr=False, compare=False)

    @property
    def band(self) -> tuple[float, float]:
        """``(low, high)``: the weights the plan implies, as :func:`grdp.sensitivity.derivatives.required_growth_grid` marks them."""
        return (self.low, self.high)

    @property
    def around(self) -> tuple[float, ...]:
        """Weights to tabulate: the band's ends to 0,01 and the weight used, in order."""
        return tuple(sorted({round(self.low, 2), self.weight, round(self.high, 2)}))


def identity_weights(plan: Plan, audit: PlanAudit, *, lang: Lang = "vi") -> IdentityWeights | NotApplicable:
    """The plan's GRDP identity (:meth:`PlanAudit.identity`) and the Q4 weight to use, or why there is none.

    Parameters
    ----------
    plan : Plan
    audit : PlanAudit
        :func:`grdp.audit.check.check_plan` of ``plan``.
    lang : {"vi", "en"}
        Language of the reason, when not applicable.

    Returns
    -------
    IdentityWeights or NotApplicable
        Not applicable without a GRDP row with its three figures, or when the
        two ends of a range target imply no common weight.

    Examples
    --------
    >>> from grdp.io.plan import load_plan
    >>> from grdp.audit.check import check_plan
    >>> plan = load_plan()
    >>> w = identity_weights(plan, check_plan(plan))
    >>> round(w.low, 4), round(w.high, 4), w.weight, w.around
    (0.3108, 0.3286, 0.32, (0.31, 0.32, 0.33))
    """
    lang = check_lang(lang)
    identity, row, targets = audit.identity(), plan.grdp, plan.targets
    if identity is None or row is None or not targets:
        done, rest = period_names(plan.months_done, lang)
        return not_applicable(
            f"kế hoạch năm {plan.year} không có dòng tăng trưởng GRDP đủ ba số (kết quả {done}, mục tiêu {rest}, mục tiêu năm)",
            f"the {plan.year} plan has no GRDP growth row with all three figures ({done}, {rest}, year)",
            lang=lang,
        )
    common = identity.common
    if common is None:
        return not_applicable(
            "các con số của dòng GRDP không ngụ ý một tỷ trọng quý IV chung của năm trước (kiểm tra kế hoạch: không khớp)",
            "the GRDP row's figures imply no common previous-year Q4 weight (the audit finds them inconsistent)",
            lang=lang,
        )
    weight = identity.display_weight
    if weight is None:
        weight = round(common.mid, 2) if round(common.mid, 2) in common else common.mid
    return IdentityWeights(year=plan.year, months_done=plan.months_done, done=identity.done, targets=targets,
                           low=common.low, high=common.high, weight=float(weight), row=row)


def identity_reading(weights: IdentityWeights | NotApplicable, *, lang: Lang = "vi") -> Prose:
    """The plan's GRDP figures and the previous-year Q4 weights they imply.

    Examples
    --------
    >>> from grdp.io.plan import load_plan
    >>> from grdp.audit.check import check_plan
    >>> plan = load_plan()
    >>> identity_reading(identity_weights(plan, check_plan(plan)), lang="en")  # doctest: +NORMALIZE_WHITESPACE
    **The 2025 plan**: GRDP 8.01 % in 9 months, 14.2–15.8 % targeted in Q4, 10.0–10.5 % for the year.
    The previous-year Q4 weights these figures imply (rounding included): 0.3108–0.3286; the analyses below use w4 = 0.32.
    """
    if isinstance(weights, NotApplicable):
        return weights
    lang = check_lang(lang)
    done_name, rest_name = period_names(weights.months_done, lang)
    done, rest, year = (format_value(weights.row.value(p), style=lang) for p in ("done", "rest", "year"))
    band = f"{num(weights.low, 4, lang)}–{num(weights.high, 4, lang)}"
    return Prose(phrase(
        lang,
        f"**Kế hoạch năm {weights.year}**: GRDP {done_name} tăng {done} %, mục tiêu {rest_name} {rest} %, cả năm {year} %.\n"
        f"Tỷ trọng {rest_name} năm trước mà các con số này hàm ý (kể cả sai số làm tròn): {band}; "
        f"các phép tính dưới đây dùng w4 = {num(weights.weight, 2, lang)}.",
        f"**The {weights.year} plan**: GRDP {done} % in {done_name}, {rest} % targeted in {rest_name}, {year} % for the year.\n"
        f"The previous-year {rest_name} weights these figures imply (rounding included): {band}; "
        f"the analyses below use w4 = {num(weights.weight, 2, lang)}.",
    ))


def revision_step_reading(weights: IdentityWeights | NotApplicable, *, step: float = REVISION_STEP,
                          lang: Lang = "vi") -> Prose:
    """What a downward revision of ``step`` points of the 9-month figure adds to the Q4 growth needed.

    ``step (1 − w4)/w4`` points, whatever the target (:func:`grdp.sensitivity.derivatives.revision_effect`).

    Examples
    --------
    >>> from grdp.io.plan import load_plan
    >>> from grdp.audit.check import check_plan
    >>> plan = load_plan()
    >>> revision_step_reading(identity_weights(plan, check_plan(plan)))
    Số 9 tháng 8,01 % điều chỉnh -0,1 điểm (thành 7,91 %): với w4 = 0,32, quý IV cần tăng thêm 0,21 điểm phần trăm, với mọi mục tiêu.
    """
    if isinstance(weights, NotApplicable):
        return weights
    lang = check_lang(lang)
    done_name, rest_name = period_names(weights.months_done, lang)
    w = weights.weight
    more = step * (1 - w) / w
    return Prose(phrase(
        lang,
        f"Số {done_name} {num(weights.done, 2, lang)} % điều chỉnh {format_number(-step, style=lang)} điểm "
        f"(thành {num(weights.done - step, 2, lang)} %): với w4 = {num(w, 2, lang)}, {rest_name} cần tăng thêm "
        f"{num(more, 2, lang)} điểm phần trăm, với mọi mục tiêu.",
        f"The {weights.months_done}-month figure {num(weights.done, 2, lang)} % revised by {format_number(-step, style=lang)} point "
        f"(to {num(weights.done - step, 2, lang)} %): at w4 = {num(w, 2, lang)}, {rest_name} needs "
        f"{num(more, 2, lang)} points more, whatever the target.",
    ))


def revision_record(*, lang: Lang = "vi") -> Prose:
    """How the national 9-month figure was revised by the first annual release, as known at the latest 9-month release.

    The revisions the Monte Carlo resamples
    (:func:`grdp.sensitivity.montecarlo.national_revisions`, from
    :func:`grdp.io.vintages.revisions` with ``horizon="annual_release"``).

    Examples
    --------
    >>> print(revision_record(lang="en"))  # doctest: +ELLIPSIS
    National: 13 years within 2011–2024 with both their 9-month and first annual figures known by the latest 9-month \
release on file (2025-10-06). The first annual release revised the 9 months by +0.089 points on average ...
    """
    lang = check_lang(lang)
    latest = latest_nine_month_year()
    day = nine_month_release(latest)
    r = revisions("9M", horizon="annual_release", published_by=day)
    e = r["revision"]
    first, last = int(r["year"].min()), int(r["year"].max())
    when = day.strftime("%d/%m/%Y") if lang == "vi" else day.strftime("%Y-%m-%d")
    mean = float(e.mean())
    text = phrase(
        lang,
        f"Cả nước: {len(r)} năm trong giai đoạn {first}–{last} có số 9 tháng và số cả năm công bố lần đầu đã biết vào ngày "
        f"công bố số 9 tháng gần nhất trong tệp ({when}). Khi công bố số cả năm lần đầu, số 9 tháng được điều chỉnh trung "
        f"bình {signed(mean, 3, lang)} điểm (độ lệch chuẩn {num(float(e.std(ddof=1)), 3, lang)}; từ "
        f"{signed(float(e.min()), 3, lang)} đến {signed(float(e.max()), 3, lang)}).",
        f"National: {len(r)} years within {first}–{last} with both their 9-month and first annual figures known by the "
        f"latest 9-month release on file ({when}). The first annual release revised the 9 months by "
        f"{signed(mean, 3, lang)} points on average (standard deviation {num(float(e.std(ddof=1)), 3, lang)}; from "
        f"{signed(float(e.min()), 3, lang)} to {signed(float(e.max()), 3, lang)}).",
    )
    if mean != 0:
        up = mean > 0
        text += " " + phrase(
            lang,
            f"Điều chỉnh nghiêng {'lên' if up else 'xuống'}: bỏ nó đi (giả định 'không điều chỉnh số 9 tháng' ở cuối sổ) "
            f"làm phân phối GRDP cả năm dịch {'xuống' if up else 'lên'}.",
            f"The revisions lean {'up' if up else 'down'}: leaving them out (the 'no 9-month revision' assumption at the "
            f"end) shifts the distribution of annual GRDP {'down' if up else 'up'}.",
        )
    return Prose(text)


def scenario_rule(*, months_done: int = NINE_MONTHS, lang: Lang = "vi") -> Prose:
    """The rule of the plan's low / base / high scenarios, with their shares from ``assumptions.csv``.

    ``months_done`` names the part of the year done and the rest (9: "9 tháng" / "quý IV").

    Examples
    --------
    >>> scenario_rule(lang="en")  # doctest: +NORMALIZE_WHITESPACE
    The plan's scenarios (assumptions.csv): each sector delivers a share k of the acceleration its plan sets for Q4 over
    its 9-month pace, growth in Q4 = 9 months + k × (target for Q4 − 9 months): 9-month pace k = 0; low k = 0.5; base
    k = 1 (its target for Q4); high k = 1.25.
    """
    lang = check_lang(lang)
    done, rest = period_names(months_done, lang)
    shares = "; ".join(
        f"{label(f'sc_{name}', lang).lower()} k = {format_number(k, style=lang)}"
        + (phrase(lang, f" (đúng mục tiêu {rest})", f" (its target for {rest})") if k == 1 else "")
        for name, k in assumptions().scenario_multipliers.items()
    )
    return Prose(phrase(
        lang,
        f"Kịch bản của kế hoạch (assumptions.csv): mỗi ngành đạt một phần k của mức tăng tốc {rest} mà kế hoạch đặt ra so "
        f"với tốc độ {done}, {rest} = {done} + k × (mục tiêu {rest} − {done}): {shares}.",
        f"The plan's scenarios (assumptions.csv): each sector delivers a share k of the acceleration its plan sets for "
        f"{rest} over its {months_done}-month pace, growth in {rest} = {done} + k × (target for {rest} − {done}): {shares}.",
    ))


def _pct(v: float, lang: Lang) -> str:
    return num(v, 2 if v != round(v) else 0, lang)


def what_if_reading(model: SectorModel | NotApplicable, report: ScenarioReport | NotApplicable,
                    asked: dict[str, float], *, lang: Lang = "vi") -> Prose:
    """The leaders' what-if (``assumptions.csv``): the sectors' Q4 growth as asked, the others at their Q4 targets.

    Parameters
    ----------
    model : SectorModel
    report : ScenarioReport
        :func:`grdp.sensitivity.scenarios.what_if` of ``model`` with ``asked``.
    asked : dict
        Sector → Q4 growth asked (``assumptions().what_if``).
    lang : {"vi", "en"}

    Returns
    -------
    Prose
        What was asked against the plan's Q4 targets, the annual GRDP it gives
        against the base, its outcome against the target, and each asked
        sector's GRDP points per point of its Q4 growth.

    Examples
    --------
    >>> from grdp.io.plan import load_plan
    >>> from grdp.sectors.model import sector_model
    >>> from grdp.sensitivity.scenarios import what_if
    >>> m = sector_model(load_plan())
    >>> print(what_if_reading(m, what_if(m, construction=20.0), {"construction": 20.0}, lang="en"))  # doctest: +ELLIPSIS
    The leaders' question (assumptions.csv): construction at 20 % in Q4 (plan target 29 %), ... Annual GRDP 10.07 %, \
0.30 points lower than the 10.37 % with every sector at its target (low end of the target reached). ... 0.0334 annual GRDP points.
    """
    for given in (model, report):
        if isinstance(given, NotApplicable):
            return given
    assert isinstance(model, SectorModel) and isinstance(report, ScenarioReport)
    lang = check_lang(lang)
    _, rest_name = period_names(model.months_done, lang)
    name = report.names[1]
    value, base = report.grdp(name), report.grdp("base")
    shift = value - base
    g = report.indicators[(report.indicators["key"] == GRDP_KEY) & (report.indicators["scenario"] == name)]
    outcome = label(f"sc_{g['outcome'].iloc[0]}", lang).lower() if len(g) else ""
    effects = model.marginal_effects()
    what = ", ".join(phrase(lang, f"{sector_label(s, 'vi').lower()} {rest_name} tăng {_pct(v, lang)} % "
                                  f"(mục tiêu kế hoạch {_pct(model.q4_base[s], lang)} %)",
                            f"{sector_label(s, 'en').lower()} at {_pct(v, lang)} % in {rest_name} "
                            f"(plan target {_pct(model.q4_base[s], lang)} %)") for s, v in asked.items())
    per_point = "; ".join(phrase(lang, f"mỗi điểm tăng trưởng {rest_name} của {sector_label(s, 'vi').lower()} bằng "
                                       f"{num(float(effects[s]), 4, lang)} điểm GRDP cả năm",
                                 f"each point of {sector_label(s, 'en').lower()}'s {rest_name} growth is worth "
                                 f"{num(float(effects[s]), 4, lang)} annual GRDP points") for s in asked)
    direction = phrase(lang, "thấp hơn" if shift < 0 else "cao hơn", "lower" if shift < 0 else "higher")
    return Prose(phrase(
        lang,
        f"Câu hỏi của lãnh đạo tỉnh (assumptions.csv): {what}, các ngành khác giữ mục tiêu {rest_name}. GRDP cả năm "
        f"{num(value, 2, lang)} %, {direction} {num(abs(shift), 2, lang)} điểm so với {num(base, 2, lang)} % khi mọi ngành "
        f"đạt mục tiêu ({outcome}). Mô hình tuyến tính: {per_point}.",
        f"The leaders' question (assumptions.csv): {what}, the other sectors at their {rest_name} targets. Annual GRDP "
        f"{num(value, 2, lang)} %, {num(abs(shift), 2, lang)} points {direction} than the {num(base, 2, lang)} % with every "
        f"sector at its target ({outcome}). The model is linear: {per_point}.",
    ))


def monte_carlo_reading(mc: MonteCarloResult | NotApplicable, *, lang: Lang = "vi") -> Prose:
    """What the simulation is: what the plan takes, its shares of draws conditional on the scenario ranges.

    Examples
    --------
    >>> from grdp.io.plan import load_plan
    >>> from grdp.sectors.model import sector_model
    >>> from grdp.sensitivity.montecarlo import monte_carlo
    >>> from grdp.sensitivity.scenarios import plan_scenarios, scenario_ranges
    >>> m = sector_model(load_plan())
    >>> print(monte_carlo_reading(monte_carlo(m, scenario_ranges(plan_scenarios(m)), n=10_000), lang="en"))
    ... # doctest: +ELLIPSIS
    If every sector's Q4 lies between its 9-month pace and ... of draws reach 10.0 %; ... reach 10.5 % — **conditional ...
    """
    if isinstance(mc, NotApplicable):
        return mc
    lang = check_lang(lang)
    shares = phrase(lang, "; ", "; ").join(
        phrase(lang, f"{num(100 * mc.probability(t), 0, lang)} % lượt mô phỏng đạt {num(t, 1, lang)} %",
               f"{num(100 * mc.probability(t), 0, lang)} % of draws reach {num(t, 1, lang)} %")
        for t in mc.thresholds)
    high = num(100 * assumptions().scenario_multipliers["high"], 0, lang)
    draws = num(mc.n, 0, lang)
    k = len(mc.revisions)
    revision = phrase(
        lang,
        f"điều chỉnh số 9 tháng lấy lại mẫu từ {k} lần điều chỉnh của cả nước" if k else "không điều chỉnh số 9 tháng",
        f"the 9-month revision resampled from {k} national revisions" if k else "no 9-month revision",
    )
    return Prose(phrase(
        lang,
        f"Nếu quý IV của mỗi ngành nằm giữa tốc độ 9 tháng và {high} % mức tăng tốc kế hoạch đặt ra (đỉnh ở mục tiêu): "
        f"{shares} — **có điều kiện theo các khoảng kịch bản, không phải xác suất đạt mục tiêu**; xác suất đó là của dự "
        f"báo hiệu chỉnh trên các tỉnh (sổ 04). {draws} lần mô phỏng, seed {mc.seed}; {revision}.",
        f"If every sector's Q4 lies between its 9-month pace and {high} % of the acceleration the plan sets (peaking at the "
        f"target): {shares} — **conditional on the scenario ranges, not the probability of the target**; that is the "
        f"forecast calibrated on the provinces (notebook 04). {draws} draws, seed {mc.seed}; {revision}.",
    ))


def assumption_variants(*, lang: Lang = "vi") -> dict[str, dict[str, object]]:
    """The Monte Carlo assumptions the notebook compares (:func:`grdp.sensitivity.montecarlo.compare_assumptions`).

    Independent sectors (the default), the correlations :data:`VARIANT_CORRELATIONS`,
    a split normal instead of the triangular, no 9-month revision, and the
    national revisions scaled by :data:`VARIANT_REVISION_SCALE`.

    >>> list(assumption_variants(lang="en"))  # doctest: +NORMALIZE_WHITESPACE
    ['Independent (default)', 'Correlation 0.25', 'Correlation 0.5', 'Split normal',
     'No 9-month revision', 'National revisions × 2']
    """
    lang = check_lang(lang)

    def short(x: float) -> str:
        return format_number(x, style=lang)

    variants: dict[str, dict[str, object]] = {phrase(lang, "Độc lập (mặc định)", "Independent (default)"): {}}
    for rho in VARIANT_CORRELATIONS:
        variants[phrase(lang, f"Tương quan {short(rho)}", f"Correlation {short(rho)}")] = {"correlation": rho}
    variants[phrase(lang, "Phân phối chuẩn lệch", "Split normal")] = {"distribution": "split_normal"}
    variants[phrase(lang, "Không điều chỉnh số 9 tháng", "No 9-month revision")] = {"revision_method": "none"}
    variants[phrase(lang, f"Điều chỉnh của cả nước × {short(VARIANT_REVISION_SCALE)}",
                    f"National revisions × {short(VARIANT_REVISION_SCALE)}")] = {"revision_scale": VARIANT_REVISION_SCALE}
    return variants
