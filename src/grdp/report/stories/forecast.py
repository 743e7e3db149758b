"""The forecast notebook's paragraphs (``notebooks/04-forecast.ipynb``), written from the plan and the data.

Each function returns a :class:`~grdp.core.wording.Prose` in the notebook's
language: the question the plan puts (:func:`plan_question`), its Q4 weight
against the national one (:func:`q4_weight_reading`), what the backtest says
(:func:`backtest_reading`, :func:`vintage_reading`), what the outlook means
for the plan (:func:`outlook_reading`) and the model against the national
figures (:func:`national_cross_check`). Where the plan lacks the GRDP row a
paragraph needs, the paragraph says so (a
:class:`~grdp.report.stories.applicability.NotApplicable`).
"""

from __future__ import annotations

import pandas as pd

from grdp.core.numbers import format_number, format_value
from grdp.core.periods import NINE_MONTHS, implied_weight
from grdp.core.typing import Lang
from grdp.core.validation import check_lang
from grdp.core.wording import Prose, num, period_names, phrase, probability, share_of_years, signed, span
from grdp.forecast.backtesting import Backtest
from grdp.forecast.borrowing import province_name
from grdp.forecast.methods import METHODS
from grdp.forecast.nowcast import nowcast_annual
from grdp.forecast.origin import national_origin
from grdp.forecast.outlook import PlanOutlook
from grdp.io.plan import Plan
from grdp.io.vintages import growth_releases, latest_nine_month_year, nine_month_release
from grdp.report.stories.applicability import NotApplicable, not_applicable
from grdp.sectors.quarter_weight import national_fallback, q4_weight

__all__ = [
    "MAE_REDUCTION_GOAL",
    "COVERAGE_80_GOAL",
    "WITHOUT_QUARTER_MEANS",
    "plan_question",
    "q4_weight_reading",
    "backtest_reading",
    "vintage_reading",
    "outlook_reading",
    "national_cross_check",
]

MAE_REDUCTION_GOAL = 0.30
"""The forecast's goal: a mean absolute error at least 30 % below that of 'annual = 9 months'."""
COVERAGE_80_GOAL = (0.70, 0.90)
"""The forecast's goal: 80 % intervals covering between 70 % and 90 % of the years."""
WITHOUT_QUARTER_MEANS = ("sarimax_nq", "airline", "ets")
"""The statistical models without a mean per quarter of the year (:mod:`grdp.forecast.methods`)."""

_NATIONAL_FILE = "national_gdp_releases.csv"


def _day(ts: pd.Timestamp, lang: Lang) -> str:
    """A publication day as a reader writes it: ``06/10/2025``, ``2025-10-06``."""
    return ts.strftime("%d/%m/%Y") if lang == "vi" else ts.strftime("%Y-%m-%d")


def _pct(x: float, lang: Lang) -> str:
    """A printed figure as printed: as many decimals as it has (``10``, ``14,2``, ``8,01``)."""
    return format_number(float(x), style=lang)


def _no_grdp_row(plan: Plan, lang: Lang) -> NotApplicable:
    done, rest = period_names(plan.months_done, lang)
    return not_applicable(
        f"kế hoạch năm {plan.year} không có dòng tăng trưởng GRDP đủ ba số (kết quả {done}, mục tiêu {rest}, mục tiêu năm)",
        f"the {plan.year} plan has no GRDP growth row with all three figures ({done}, {rest}, year)",
        lang=lang,
    )


def plan_question(plan: Plan, *, lang: Lang = "vi") -> Prose:
    """The question the plan puts to the forecast, and what the national data allow for its year.

    Parameters
    ----------
    plan : Plan
    lang : {"vi", "en"}

    Returns
    -------
    Prose
        The plan's GRDP figures (done, rest, year as printed) and the question;
        whether the national file holds the plan's year (the forecasts then stand
        at its 9-month release) or not (they stand at the latest release on file
        and only the methods that need no quarter of the year apply). Without a
        complete GRDP row, or for a plan not split after 9 months, what does not apply.

    Examples
    --------
    >>> from grdp.io.plan import load_plan
    >>> print(plan_question(load_plan(), lang="en"))  # doctest: +ELLIPSIS
    **The 2025 plan** (plan_2025_indicators.csv): GRDP grew 8.01 % in 9 months; the targets are 14.2–15.8 % in Q4 \
and 10.0–10.5 % for the year. ... published 2025-10-06...
    """
    lang = check_lang(lang)
    done_name, rest_name = period_names(plan.months_done, lang)
    row, figures = plan.grdp, plan.growth_figures()
    if row is None or figures is None:
        return Prose(phrase(
            lang,
            f"**Kế hoạch năm {plan.year}** ({plan.source}) không có dòng tăng trưởng GRDP đủ ba số (kết quả {done_name}, "
            f"mục tiêu {rest_name}, mục tiêu năm): không dự báo được cho kế hoạch này. Các mục chỉ dùng số liệu cả nước "
            "và các tỉnh (kiểm định lùi, độ phân tán giữa các tỉnh, đối chiếu với cả nước) vẫn chạy.",
            f"**The {plan.year} plan** ({plan.source}) has no GRDP growth row with all three figures ({done_name}, "
            f"{rest_name}, year): there is no forecast for this plan. The sections that use only national and provincial "
            "figures (backtest, provincial dispersion, national cross-check) still run.",
        ))
    done, rest, year = (format_value(row.value(p), style=lang) for p in ("done", "rest", "year"))
    head = phrase(
        lang,
        f"**Kế hoạch năm {plan.year}** ({plan.source}): GRDP {done_name} tăng {done} %; mục tiêu {rest_name} {rest} %, "
        f"cả năm {year} %. Câu hỏi: tăng trưởng cả năm sẽ là bao nhiêu, và khả năng đạt {year} % là bao nhiêu?",
        f"**The {plan.year} plan** ({plan.source}): GRDP grew {done} % in {done_name}; the targets are {rest} % in "
        f"{rest_name} and {year} % for the year. The question: what will the year's growth be, and how likely is {year} %?",
    )
    if plan.months_done != NINE_MONTHS:
        return Prose(head + " " + phrase(
            lang,
            f"Các dự báo ở đây đứng tại ngày công bố số 9 tháng; kế hoạch này tính kết quả {done_name}, nên chúng không áp dụng.",
            f"The forecasts here stand at the 9-month release; this plan reports {done_name}, so they do not apply.",
        ))
    latest = latest_nine_month_year()
    if plan.year <= latest:
        day = _day(nine_month_release(plan.year), lang)
        data = phrase(
            lang,
            f"Tệp số liệu cả nước ({_NATIONAL_FILE}) có số 9 tháng năm {plan.year}, công bố {day}: các dự báo đứng tại "
            "ngày đó và chỉ dùng số đã công bố đến ngày đó.",
            f"The national file ({_NATIONAL_FILE}) has the 9-month figure of {plan.year}, published {day}: the forecasts "
            "stand on that day and use only what was published by then.",
        )
    else:
        origin = national_origin(plan.year, growth_9m=figures.done)
        usable = ", ".join(f"'{m.label(lang)}'" for m in METHODS.values() if m.usable(origin))
        assert origin.date is not None
        data = phrase(
            lang,
            f"Tệp số liệu cả nước ({_NATIONAL_FILE}) chưa có số 9 tháng năm {plan.year} (số 9 tháng gần nhất là của năm "
            f"{latest}, công bố {_day(nine_month_release(latest), lang)}): các dự báo đứng tại bản công bố mới nhất trong tệp "
            f"({_day(origin.date, lang)}) và chỉ dùng được các phương pháp không cần số quý của năm: {usable}.",
            f"The national file ({_NATIONAL_FILE}) does not reach the 9-month figure of {plan.year} yet (its latest is "
            f"{latest}'s, published {_day(nine_month_release(latest), lang)}): the forecasts stand at the file's latest "
            f"release ({_day(origin.date, lang)}) and only the methods that need no quarter of the year apply: {usable}.",
        )
    return Prose(head + "\n\n" + data)


def q4_weight_reading(plan: Plan, *, lang: Lang = "vi") -> Prose:
    """The province's Q4 weight grdp forecasts with, what it rests on, and the plan's own ends against the nation's.

    Returns
    -------
    Prose
        :func:`grdp.sectors.quarter_weight.q4_weight`'s summary (value, interval,
        route, other evidence), then the weight each pair of the plan's GRDP ends
        implies (``(gY − g9M)/(g4 − g9M)``, :func:`grdp.core.periods.implied_weight`)
        against the nation's latest (``assumptions.csv``, ``national_q4_weight_latest``).

    Examples
    --------
    >>> from grdp.io.plan import load_plan
    >>> print(q4_weight_reading(load_plan()))  # doctest: +ELLIPSIS
    Tỷ trọng quý IV năm 2024 ... 0,321 (0,311–0,329), theo các số GRDP của chính kế hoạch. ... ngụ ý trọng số 0,321 và 0,320...
    """
    lang = check_lang(lang)
    figures = plan.growth_figures()
    if figures is None or plan.implied_rest_weight() is None:
        return _no_grdp_row(plan, lang)
    weight = q4_weight(plan, lang=lang)
    done_name, rest_name = period_names(plan.months_done, lang)
    national = national_fallback()
    pairs = "; ".join(f"{rest_name} {_pct(r, lang)} % → {phrase(lang, 'năm', 'year')} {_pct(y, lang)} %"
                      for r, y in zip(figures.rest, figures.year, strict=True))
    ends = phrase(lang, " và ", " and ").join(num(float(implied_weight(figures.done, r, y)), 3, lang)
                                              for r, y in zip(figures.rest, figures.year, strict=True))
    side = phrase(lang, "cao hơn" if weight.value > national else "thấp hơn", "above" if weight.value > national else "below")
    return Prose(weight.summary(lang=lang) + " " + phrase(
        lang,
        f"Các con số của kế hoạch ({done_name} {_pct(figures.done, lang)} %; {pairs}) ngụ ý trọng số {ends}. "
        f"Tỷ trọng grdp dùng {side} tỷ trọng của cả nước năm gần nhất ({num(national, 3, lang)}, giá so sánh 2010; "
        "assumptions.csv, dòng national_q4_weight_latest), chỉ dùng khi tỉnh không có số nào.",
        f"The plan's own figures ({done_name} {_pct(figures.done, lang)} %; {pairs}) imply weights of {ends}. "
        f"The weight grdp uses is {side} the nation's latest ({num(national, 3, lang)}, constant 2010 prices; "
        "assumptions.csv, row national_q4_weight_latest), which serves only when nothing of the province gives one.",
    ))


def _mae_against(ratio: float, lang: Lang) -> str:
    change = 100 * (ratio - 1)
    word = phrase(lang, "thấp hơn" if change < 0 else "cao hơn", "lower" if change < 0 else "higher")
    return phrase(lang, f"{word} {num(abs(change), 0, lang)} % so với 'cả năm = 9 tháng'",
                  f"{num(abs(change), 0, lang)} % {word} than 'annual = 9 months'")


def backtest_reading(bt: Backtest, *, lang: Lang = "vi") -> Prose:
    """What the backtest says, method by method, against the baselines and the forecast's goals.

    Parameters
    ----------
    bt : Backtest
        :func:`grdp.forecast.backtesting.backtest` with ``nine_months`` among its methods.
    lang : {"vi", "en"}

    Returns
    -------
    Prose
        The years scored; for each method its MAE (and the change against
        'annual = 9 months'), bias and interval coverage; the best model against
        :data:`MAE_REDUCTION_GOAL` and :data:`COVERAGE_80_GOAL`; the models
        without quarter means (:data:`WITHOUT_QUARTER_MEANS`); the year each
        method missed most.

    Examples
    --------
    >>> from grdp.forecast.backtesting import backtest
    >>> bt = backtest(years=[2023, 2024], methods=["nine_months", "mean_gap"])
    >>> print(backtest_reading(bt, lang="en"))  # doctest: +ELLIPSIS
    **Results (2 years, 2023–2024).**
    - Annual = 9 months: MAE 0.54 points, bias -0.54, 80 % intervals covered 50 %, 95 % intervals 100 % of years.
    ...
    """
    lang = check_lang(lang)
    s = bt.scores()
    years = bt.years
    lines = [phrase(lang, f"**Kết quả ({len(years)} năm, {years[0]}–{years[-1]}).**",
                    f"**Results ({len(years)} years, {years[0]}–{years[-1]}).**")]
    for m, r in s.iterrows():
        vs = "" if m == "nine_months" or "mae_ratio" not in s else f" ({_mae_against(r['mae_ratio'], lang)})"
        lines.append(phrase(
            lang,
            f"- {METHODS[str(m)].label(lang)}: MAE {num(r['mae'], 2, lang)} điểm phần trăm{vs}, lệch bình quân {num(r['bias'], 2, lang)}, "
            f"khoảng 80 % bao được {share_of_years(r['coverage_80'], lang)}, khoảng 95 % bao được {share_of_years(r['coverage_95'], lang)} số năm.",
            f"- {METHODS[str(m)].label(lang)}: MAE {num(r['mae'], 2, lang)} points{vs}, bias {num(r['bias'], 2, lang)}, "
            f"80 % intervals covered {share_of_years(r['coverage_80'], lang)}, 95 % intervals {share_of_years(r['coverage_95'], lang)} of years.",
        ))
    paragraphs: list[str] = []
    models = s[s["kind"] == "model"]
    if len(models) and "mae_ratio" in s:
        best = str(models["mae"].idxmin())
        b = models.loc[best]
        lo, hi = COVERAGE_80_GOAL
        met = b["mae_ratio"] <= 1 - MAE_REDUCTION_GOAL and lo <= b["coverage_80"] <= hi
        goal = phrase(
            lang,
            f"MAE thấp hơn 'cả năm = 9 tháng' ít nhất {num(100 * MAE_REDUCTION_GOAL, 0, lang)} %, khoảng 80 % bao được "
            f"{num(100 * lo, 0, lang)}–{num(100 * hi, 0, lang)} % số năm",
            f"an MAE at least {num(100 * MAE_REDUCTION_GOAL, 0, lang)} % below 'annual = 9 months', 80 % intervals covering "
            f"{num(100 * lo, 0, lang)}–{num(100 * hi, 0, lang)} % of years",
        )
        paragraphs.append(phrase(
            lang,
            f"**Tốt nhất trong các mô hình: {METHODS[best].label(lang)}** — MAE {num(b['mae'], 2, lang)} "
            f"({_mae_against(b['mae_ratio'], lang)}), khoảng 80 % bao được {share_of_years(b['coverage_80'], lang)}: "
            f"{'đạt' if met else 'chưa đạt'} mục tiêu đặt ra cho dự báo ({goal}).",
            f"**Best model: {METHODS[best].label(lang)}** — MAE {num(b['mae'], 2, lang)} "
            f"({_mae_against(b['mae_ratio'], lang)}), 80 % intervals covering {share_of_years(b['coverage_80'], lang)}: "
            f"{'it meets' if met else 'it misses'} the forecast's goal ({goal}).",
        ))
    plain = s.loc[[m for m in WITHOUT_QUARTER_MEANS if m in s.index]]
    if len(plain):
        low = bool((plain["bias"] < 0).all())
        paragraphs.append(phrase(
            lang,
            f"Các mô hình không có yếu tố quý: MAE {span((plain['mae'].min(), plain['mae'].max()), 2, lang)}, lệch bình quân "
            f"{span((plain['bias'].min(), plain['bias'].max()), 2, lang)} điểm phần trăm" + (" — đều dự báo thấp." if low else "."),
            f"The models without quarter means: MAE {span((plain['mae'].min(), plain['mae'].max()), 2, lang)}, bias "
            f"{span((plain['bias'].min(), plain['bias'].max()), 2, lang)} points" + (" — all forecast too low." if low else "."),
        ))
    f = bt.forecasts
    worst = f.loc[f["error"].abs().groupby(f["method"]).idxmax(), "year"].value_counts()
    years_text = ", ".join(f"{y} ({n})" for y, n in sorted(worst.items(), key=lambda kv: (-kv[1], kv[0])))
    paragraphs.append(phrase(
        lang,
        f"Năm mỗi phương pháp sai nhiều nhất (số phương pháp): {years_text}.",
        f"The year each method missed most (number of methods): {years_text}.",
    ))
    return Prose("\n\n".join([lines[0], "\n".join(lines[1:]), *paragraphs]))


def vintage_reading(first: Backtest, latest: Backtest, *, lang: Lang = "vi") -> Prose:
    """How the models' record moves when they read the quarters as revised by each origin instead of first releases.

    Parameters
    ----------
    first, latest : Backtest
        :func:`grdp.forecast.backtesting.backtest` with ``vintage="first"`` and ``vintage="latest"``.
    lang : {"vi", "en"}

    Returns
    -------
    Prose
        One line per statistical model in both backtests: MAE and 80 % coverage, first → latest.

    Examples
    --------
    >>> from grdp.forecast.backtesting import backtest
    >>> a, b = (backtest(years=[2024], methods=["sarimax"], vintage=v) for v in ("first", "latest"))
    >>> vintage_reading(a, b, lang="en")  # doctest: +ELLIPSIS
    With the quarters as revised by each origin instead of their first releases (the simple rules read no quarters):
    <BLANKLINE>
    - SARIMAX on growth with quarter means: MAE ... → ... points, 80 % intervals covering ... → ... of years.
    """
    lang = check_lang(lang)
    a, b = first.scores(), latest.scores()
    lines = [phrase(
        lang,
        "Khi mô hình đọc số quý đã được điều chỉnh đến ngày đứng dự báo thay vì bản công bố lần đầu (các quy tắc đơn giản "
        "không đọc số quý):",
        "With the quarters as revised by each origin instead of their first releases (the simple rules read no quarters):",
    )]
    for m in [m for m in b.index if m in a.index and b.loc[m, "kind"] == "model"]:
        lines.append(phrase(
            lang,
            f"- {METHODS[str(m)].label(lang)}: MAE {num(a.loc[m, 'mae'], 2, lang)} → {num(b.loc[m, 'mae'], 2, lang)} điểm phần trăm, "
            f"khoảng 80 % bao được {share_of_years(a.loc[m, 'coverage_80'], lang)} → {share_of_years(b.loc[m, 'coverage_80'], lang)} số năm.",
            f"- {METHODS[str(m)].label(lang)}: MAE {num(a.loc[m, 'mae'], 2, lang)} → {num(b.loc[m, 'mae'], 2, lang)} points, "
            f"80 % intervals covering {share_of_years(a.loc[m, 'coverage_80'], lang)} → {share_of_years(b.loc[m, 'coverage_80'], lang)} of years.",
        ))
    if len(lines) == 1:
        return Prose(phrase(lang, "Không có mô hình thống kê nào trong cả hai lần kiểm định.",
                            "Neither backtest holds a statistical model."))
    return Prose(lines[0] + "\n\n" + "\n".join(lines[1:]))


def outlook_reading(outlook: PlanOutlook | NotApplicable, *, lang: Lang = "vi") -> Prose:
    """What the outlook means: the plan's Q4 against the national and provincial record, and the probabilities.

    Parameters
    ----------
    outlook : PlanOutlook
        :func:`grdp.forecast.outlook.plan_outlook` (a :class:`NotApplicable` is returned as it is).
    lang : {"vi", "en"}

    Returns
    -------
    Prose
        How far above the 9 months the plan needs Q4; how many national years
        reached that and the largest excess on record; the largest provincial
        implied excess at the plan's weight; whether the plan's need lies beyond
        every case observed; the probability of each target end over the
        methods and weights of the outlook.

    Examples
    --------
    >>> from grdp.io.plan import load_plan
    >>> from grdp.forecast.outlook import plan_outlook
    >>> print(outlook_reading(plan_outlook(load_plan(), methods=["mean_gap"]), lang="en"))  # doctest: +ELLIPSIS
    **What it means.** The plan needs Q4 6.2–7.8 points above the 9 months; nationally, no year in 15 ...
    """
    if isinstance(outlook, NotApplicable):
        return outlook
    lang = check_lang(lang)
    pos = outlook.position()
    need = span((min(outlook.required_excess), max(outlook.required_excess)), 1, lang)
    n, largest, largest_year = int(pos["years"].iloc[0]), float(pos["largest_excess"].iloc[0]), int(pos["largest_year"].iloc[0])
    reached = int(pos["years_at_or_above"].max())
    if reached == 0:
        national = phrase(
            lang,
            f"trong {n} năm cả nước chưa năm nào quý IV vượt 9 tháng nhiều như vậy; cao nhất {num(largest, 1, lang)} điểm phần trăm "
            f"(năm {largest_year}).",
            f"nationally, no year in {n} saw Q4 that far above the 9 months; the largest excess was {num(largest, 1, lang)} "
            f"points ({largest_year}).",
        )
    else:
        national = phrase(
            lang,
            f"trong {n} năm, cả nước có {reached} năm quý IV vượt 9 tháng ít nhất {num(min(outlook.required_excess), 1, lang)} "
            f"điểm phần trăm; cao nhất {num(largest, 1, lang)} điểm phần trăm (năm {largest_year}).",
            f"nationally, {reached} of {n} years saw Q4 at least {num(min(outlook.required_excess), 1, lang)} points above "
            f"the 9 months; the largest excess was {num(largest, 1, lang)} points ({largest_year}).",
        )
    lines = [phrase(lang, f"**Ý nghĩa.** Kế hoạch cần quý IV cao hơn 9 tháng {need} điểm phần trăm; {national}",
                    f"**What it means.** The plan needs Q4 {need} points above the 9 months; {national}")]
    prov = outlook.provinces_9m()
    record = largest
    if len(prov):
        top = prov.loc[prov["implied_excess"].idxmax()]
        excess = float(top["implied_excess"])
        more = excess > largest
        case = phrase(
            lang,
            f"{province_name(str(top['province']), lang)} năm {int(top['year'])} có quý IV ngụ ý cao hơn 9 tháng khoảng "
            f"{num(excess, 1, lang)} điểm phần trăm (trọng số kế hoạch {num(outlook.plan_weight, 2, lang)})",
            f"{province_name(str(top['province']), lang)} in {int(top['year'])} had an implied Q4 about {num(excess, 1, lang)} "
            f"points above its 9 months (at the plan's weight {num(outlook.plan_weight, 2, lang)})",
        )
        lines.append(phrase(
            lang,
            f"Cấp tỉnh dao động mạnh hơn — {case} — nên khoảng dự báo của tỉnh rộng hơn của cả nước." if more
            else f"Trường hợp cao nhất của các tỉnh: {case}.",
            f"Provinces swing more — {case} — so the province's interval is wider than the nation's." if more
            else f"The largest provincial case: {case}.",
        ))
        record = max(record, excess)
    beyond = min(outlook.required_excess) > record
    lines.append(phrase(
        lang,
        "Mức kế hoạch cần nằm ngoài mọi trường hợp đã quan sát." if beyond else "Mức kế hoạch cần nằm trong phạm vi các trường hợp đã quan sát.",
        "What the plan needs lies beyond every case on record." if beyond else "What the plan needs lies within the cases on record.",
    ))
    p = outlook.probabilities
    probs = "; ".join(
        phrase(lang, f"đạt {num(t, 1, lang)} %: {_probability_span(p[f'p_{t:g}'], lang)}",
               f"{num(t, 1, lang)} %: {_probability_span(p[f'p_{t:g}'], lang)}")
        for t in outlook.targets
    )
    if probs:
        lines.append(phrase(lang, f"Xác suất theo các phương pháp và trọng số quý IV ở trên — {probs}.",
                            f"The probability over the methods and Q4 weights above — {probs}."))
    return Prose(" ".join(lines))


def _probability_span(values: pd.Series, lang: Lang) -> str:
    lo, hi = probability(float(values.min()), lang), probability(float(values.max()), lang)
    return lo if lo == hi else f"{lo.removesuffix(' %')}–{hi}"


def _first_annual(year: int) -> tuple[float, pd.Timestamp] | None:
    r = growth_releases()
    rows = r[(r["year"] == year) & (r["period"] == "Y")].sort_values("published", kind="stable")
    return (float(rows["value"].iloc[0]), pd.Timestamp(rows["published"].iloc[0])) if len(rows) else None


def national_cross_check(year: int, *, lang: Lang = "vi") -> Prose:
    """The model on the national figures at a 9-month release, against the first annual figure published after.

    Parameters
    ----------
    year : int
        The plan's year. When the national file has its 9-month figure, the
        check stands at that release; otherwise the paragraph says the file does
        not reach the year and checks at the latest 9-month release on file.
    lang : {"vi", "en"}

    Returns
    -------
    Prose
        The national 9 months, the model's annual forecast from them with its
        80 % interval (:func:`grdp.forecast.nowcast.nowcast_annual`, not borrowed),
        and the first published annual figure with the error, or that it is not
        published yet.

    Examples
    --------
    >>> print(national_cross_check(2024, lang="en"))  # doctest: +ELLIPSIS
    At the 2024 9-month release (2024-10-06), with national 9 months at 6.82 %, ... first annual release (2025-01-06): **7.09 %** ...
    """
    lang = check_lang(lang)
    latest = latest_nine_month_year()
    at = min(int(year), latest)
    origin = national_origin(at)
    nc = nowcast_annual(origin.growth_9m, borrowed=False, year=at, lang=lang)
    method = METHODS[nc.method].label(lang)
    day = _day(nine_month_release(at), lang)
    lines = []
    if year > latest:
        lines.append(phrase(
            lang,
            f"Tệp số liệu cả nước ({_NATIONAL_FILE}) chưa có số 9 tháng năm {year}, nên chưa đối chiếu được cho năm {year}; "
            f"đối chiếu dưới đây đứng tại lần công bố số 9 tháng gần nhất trong tệp (năm {at}).",
            f"The national file ({_NATIONAL_FILE}) does not reach the 9-month figure of {year} yet, so {year} cannot be "
            f"checked; the check below stands at the latest 9-month release on file ({at}).",
        ))
    lines.append(phrase(
        lang,
        f"Đứng tại ngày công bố số 9 tháng năm {at} ({day}), với số 9 tháng cả nước {num(origin.growth_9m, 2, lang)} %, "
        f"mô hình ({method}) dự báo cả năm cả nước {num(nc.point, 2, lang)} % (khoảng dự báo 80 %: "
        f"{num(nc.lower, 2, lang)}–{num(nc.upper, 2, lang)} %).",
        f"At the {at} 9-month release ({day}), with national 9 months at {num(origin.growth_9m, 2, lang)} %, the model "
        f"({method}) forecast the national year at {num(nc.point, 2, lang)} % (80 % interval "
        f"{num(nc.lower, 2, lang)}–{num(nc.upper, 2, lang)} %).",
    ))
    published = _first_annual(at)
    if published is None:
        lines.append(phrase(lang, "Số cả năm chưa được công bố trong tệp số liệu.",
                            "The annual figure is not published in the file yet."))
    else:
        value, when = published
        inside = nc.lower <= value <= nc.upper
        lines.append(phrase(
            lang,
            f"Số cả năm công bố lần đầu ({_day(when, lang)}): **{num(value, 2, lang)} %** — sai số "
            f"{signed(nc.point - value, 2, lang)} điểm, {'trong' if inside else 'ngoài'} khoảng 80 %.",
            f"The first annual release ({_day(when, lang)}): **{num(value, 2, lang)} %** — an error of "
            f"{signed(nc.point - value, 2, lang)} points, {'inside' if inside else 'outside'} the 80 % interval.",
        ))
    return Prose(" ".join(lines))
