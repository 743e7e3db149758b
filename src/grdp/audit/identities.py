"""The audit's identity checks: does each indicator's done, rest and annual figure hold together?

One check per indicator kind (:mod:`grdp.io.indicators`), each returning a
:class:`~grdp.audit.findings.Finding` with exactly one verdict and its typed
evidence.

**Growth rates** obey ``gY = (1 - w) g_done + w g_rest`` with ``w`` the rest's
weight in the previous year. Three figures imply ``w``; with each figure's
rounding interval, an *interval* of weights. A range target (``14,2-15,8`` with
``10-10,5``) is consistent when both ends imply one common weight — the
intervals overlap. The annual figure must lie between the other two (``w`` in
(0, 1)). A common weight outside the plausible band (``assumptions.csv``) makes
the row ``implausible``: the identity holds, but only at a weight no year's
quarters give.

**Levels** (budget revenue, new jobs): done + rest = year within rounding,
with bounds propagated — reaching the rest's minimum must reach the annual
minimum. A done level already at the annual target is ``met``.

**Shares** wait for the sector checks (:mod:`grdp.audit.sectors`); **ratios
and stocks** have a target only: nothing to cross-check but its form.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from grdp.audit.findings import (
    Evidence,
    Finding,
    GrowthIdentity,
    GrowthWithoutRest,
    LevelShortfall,
    LevelSum,
    PrintedShare,
    RatioGap,
    TargetReached,
    WeightEnd,
)
from grdp.core.labels import unit_label
from grdp.core.numbers import PrintedValue, format_value
from grdp.core.periods import (
    MONTHS_PER_YEAR,
    Interval,
    implied_weight,
    implied_weight_interval,
    required_growth,
    rounding_interval,
)
from grdp.core.typing import Lang, Verdict
from grdp.core.validation import check_lang
from grdp.core.wording import num, period_names, phrase, span
from grdp.io.assumptions import assumptions
from grdp.io.plan import PlanRow

__all__ = ["check_indicator"]


@dataclass(frozen=True)
class _Words:
    """Formatting helpers bound to one language."""

    lang: Lang

    def num(self, x: float, precision: int = 1) -> str:
        return num(x, precision, self.lang)

    def pct(self, x: float, precision: int = 1) -> str:
        return f"{self.num(x, precision)} %"

    def w(self, x: float) -> str:
        return self.num(x, 3)

    def iv(self, iv: Interval, precision: int = 3) -> str:
        return span((iv.low, iv.high), precision, self.lang)

    def v(self, value: PrintedValue) -> str:
        return format_value(value, style=self.lang)

    def t(self, vi: str, en: str) -> str:
        return phrase(self.lang, vi, en)

    def unit(self, row: PlanRow) -> str:
        return unit_label(row.unit, self.lang)


# ---------------------------------------------------------------------------------------------
# checks


def _finding(row: PlanRow, check: str, verdict: Verdict, detail: str, *, warning: str = "",
             evidence: Evidence | None = None) -> Finding:
    return Finding.of_row(row, check, verdict, detail, warning=warning, evidence=evidence)


def _check_growth(row: PlanRow, months_done: int, band: tuple[float, float], words: _Words) -> Finding:
    done_name, rest_name = period_names(months_done, words.lang)
    t = words.t
    if row.done.is_missing or row.year.is_missing:
        missing = done_name if row.done.is_missing else t("năm", "the year")
        return _finding(row,
            "period_identity",
            "not_checkable",
            t(f"Không có số {missing}: không có gì để đối chiếu.", f"No figure for {missing}: nothing to cross-check."),
        )
    d_val, d_prec = row.ends("done")[0], row.done.precision
    assert d_prec is not None
    d_iv = rounding_interval(d_val, d_prec)
    if row.rest.is_missing:
        return _growth_without_rest(row, d_val, band, words, rest_name)
    figures = row.growth_ends()  # the rest's and the year's ends, paired low with low
    rp, yp = row.rest.precision, row.year.precision
    assert figures is not None and rp is not None and yp is not None

    bounds_note = ""
    if any(v.bound in (">", ">=", "<", "<=") for v in (row.done, row.rest, row.year)):
        bounds_note = t(" (số có dấu >, ≥ … được đọc theo giá trị in)", " (bounds read at their printed value)")
    ends: list[WeightEnd] = []
    intervals: list[Interval] = []
    points: list[float] = []
    outside: list[str] = []
    for r, y in zip(figures.rest, figures.year, strict=True):
        r_iv, y_iv = rounding_interval(r, rp), rounding_interval(y, yp)
        hull = Interval(min(d_iv.low, r_iv.low), max(d_iv.high, r_iv.high))
        if not hull.overlaps(y_iv):
            outside.append(words.num(y, yp))
        w_iv = implied_weight_interval(d_iv, r_iv, y_iv)
        w = float(implied_weight(d_val, r, y))
        ends.append(WeightEnd(r, y, w, w_iv.low, w_iv.high))
        intervals.append(w_iv)
        points.append(w)

    if outside:
        return _finding(row,
            "period_identity",
            "inconsistent",
            t(
                f"Mục tiêu năm {', '.join(outside)} nằm ngoài khoảng giữa kết quả {done_name} "
                f"({words.v(row.done)}) và mục tiêu {rest_name} ({words.v(row.rest)}): "
                "tăng trưởng cả năm luôn nằm giữa hai số đó.",
                f"The annual target {', '.join(outside)} lies outside the span of the {done_name} result "
                f"({words.v(row.done)}) and the {rest_name} target ({words.v(row.rest)}): annual growth always "
                "lies between the two.",
            ),
            evidence=GrowthIdentity(d_val, tuple(ends)),
        )

    common: Interval | None = intervals[0]
    for iv in intervals[1:]:
        common = common.intersection(iv) if common is not None else None
    if common is None:
        return _finding(row,
            "period_identity",
            "inconsistent",
            t(
                f"Hai đầu khoảng mục tiêu cần hai tỷ trọng {rest_name} khác nhau của năm trước: "
                f"{words.iv(intervals[0])} và {words.iv(intervals[1])} (kể cả sai số làm tròn); "
                "không có tỷ trọng chung.",
                f"The two ends of the target range imply different previous-year {rest_name} weights: "
                f"{words.iv(intervals[0])} and {words.iv(intervals[1])} (rounding included); no common weight.",
            ),
            evidence=GrowthIdentity(d_val, tuple(ends)),
        )
    if not all(math.isfinite(x) for x in points) or common.high <= 0.0 or common.low > 1.0:
        return _weight_outside(row, d_val, ends, words, rest_name)
    common = Interval(max(common.low, 0.0), min(common.high, 1.0))
    evidence = GrowthIdentity(d_val, tuple(ends), common)
    if len(points) == 1:
        # One pairing: the rest needed at the implied weight is the printed rest by construction.
        head = t(
            f"Tỷ trọng {rest_name} năm trước mà ba số hàm ý: {words.w(points[0])} "
            f"(kể cả làm tròn: {words.iv(intervals[0])}).",
            f"The three figures imply a previous-year {rest_name} weight of {words.w(points[0])} "
            f"(rounding included: {words.iv(intervals[0])}).",
        )
        need = ""
    else:
        head = t(
            f"Hai đầu khoảng hàm ý tỷ trọng {rest_name} năm trước {words.w(points[0])} và {words.w(points[1])}; "
            f"khoảng làm tròn giao nhau ở {words.iv(common)}.",
            f"The two ends imply previous-year {rest_name} weights of {words.w(points[0])} and {words.w(points[1])}; "
            f"their rounding intervals overlap on {words.iv(common)}.",
        )
        # What the rest needs at a round weight inside the common interval (0,32 for the 2025 GRDP row).
        w_show = round(common.mid, 2) if round(common.mid, 2) in common else common.mid
        need = ""
        if 0.0 < w_show <= 1.0:  # a weight of 0 (the rest counts for nothing) needs no rest growth to speak of
            targets = list(figures.year)
            needed = [float(required_growth(d_val, y, rest_weight=w_show)) for y in targets]
            evidence = GrowthIdentity(d_val, tuple(ends), common, w_show, tuple(needed))
            tg = " / ".join(words.pct(y) for y in targets)
            needs = " / ".join(words.pct(g, 2) for g in needed)
            need = t(
                f" Với tỷ trọng {words.num(w_show, 2)}, để cả năm đạt {tg} thì {rest_name} cần tăng {needs}.",
                f" At a weight of {words.num(w_show, 2)}, reaching {tg} for the year needs {needs} growth in {rest_name}.",
            )
    warning = ""
    verdict: Verdict = "consistent"
    lo, hi = band
    if common.high < lo or common.low > hi:
        # The identity holds, but only at a weight no year's quarters give: implausible, not inconsistent.
        verdict = "implausible"
        warning = t(
            f"Tỷ trọng hàm ý {words.iv(common)} nằm ngoài khoảng hợp lý {words.num(lo, 2)}–{words.num(hi, 2)}.",
            f"The implied weight {words.iv(common)} lies outside the plausible band {words.num(lo, 2)}–{words.num(hi, 2)}.",
        )
    return _finding(row, "period_identity", verdict, head + need + bounds_note, warning=warning, evidence=evidence)


def _weight_outside(row: PlanRow, d_val: float, ends: list[WeightEnd], words: _Words, rest_name: str) -> Finding:
    """The figures imply no previous-year weight in (0, 1]: a finding that says so, never an exception."""
    t = words.t
    shown = ", ".join(words.w(e.implied_weight) for e in ends)
    return _finding(row,
        "period_identity",
        "not_checkable",
        t(
            f"Ba số không hàm ý được tỷ trọng {rest_name} năm trước nào trong (0; 1] (tính được: {shown}): "
            f"kết quả {words.v(row.done)}, mục tiêu {rest_name} {words.v(row.rest)}, cả năm {words.v(row.year)}. "
            "Kiểm tra lại các số đã nhập.",
            f"The three figures imply no previous-year {rest_name} weight in (0, 1] (computed: {shown}): "
            f"{words.v(row.done)} done, {words.v(row.rest)} for {rest_name}, {words.v(row.year)} for the year. "
            "Check the figures as typed.",
        ),
        evidence=GrowthIdentity(d_val, tuple(ends)),
    )


def _growth_without_rest(row: PlanRow, d_val: float, band: tuple[float, float], words: _Words, rest_name: str) -> Finding:
    """9 months and a year target, no Q4 figure: say what Q4 would need over the plausible weights."""
    t = words.t
    lo, hi = band
    needed: list[tuple[float, float, float]] = []
    parts = []
    yp = row.year.precision
    assert yp is not None
    for y in row.ends("year"):
        at_lo = float(required_growth(d_val, y, rest_weight=lo))
        at_hi = float(required_growth(d_val, y, rest_weight=hi))
        needed.append((y, at_lo, at_hi))
        fall = t(f" — tức {rest_name} có thể giảm tới {words.pct(-at_lo)}", f" — {rest_name} may fall by up to {words.pct(-at_lo)}") if at_lo < 0 else ""
        parts.append(t(
            f"để cả năm đạt {words.pct(y, yp)}, {rest_name} cần tăng ít nhất {words.pct(at_lo)} nếu tỷ trọng là "
            f"{words.num(lo, 2)}{fall}, và {words.pct(at_hi)} nếu là {words.num(hi, 2)}",
            f"for {words.pct(y, yp)} in the year, {rest_name} needs at least {words.pct(at_lo)} growth at a weight of "
            f"{words.num(lo, 2)}{fall}, and {words.pct(at_hi)} at {words.num(hi, 2)}",
        ))
    return _finding(row,
        "period_identity",
        "not_checkable",
        t(f"Không có mục tiêu {rest_name}: không có gì để đối chiếu. Theo tỷ trọng {rest_name} năm trước: ",
          f"No {rest_name} target: nothing to cross-check. By the previous-year {rest_name} weight: ")
        + "; ".join(parts) + ".",
        evidence=GrowthWithoutRest(d_val, band, tuple(needed), row.year.bound == "range"),
    )


def _reaches(done: PrintedValue, target: PrintedValue) -> bool:
    """Is the done level already at the target (for targets with a lower end)?"""
    if target.low is None or done.low is None:
        return False
    if target.bound == ">":
        return done.low > target.low
    return done.low >= target.low


def _target_only(row: PlanRow, words: _Words, lead: tuple[str, str]) -> Finding | None:
    """The finding for a row without an annual target or without a 9-month figure; None otherwise."""
    t = words.t
    if row.year.is_missing:
        return _finding(row, "target_only", "not_checkable", t("Không có mục tiêu năm.", "No annual target."))
    if row.done.is_missing:
        return _finding(row,
            "target_only",
            "not_checkable",
            t(
                f"{lead[0]} mục tiêu năm ({words.v(row.year)} {words.unit(row)}): không có gì để đối chiếu ngoài hình thức.",
                f"{lead[1]} annual target ({words.v(row.year)} {words.unit(row)}): nothing to cross-check but its form.",
            ),
        )
    return None


def _done_not_a_figure(row: PlanRow, check: str, words: _Words, done_name: str) -> Finding | None:
    """A not-checkable finding when the done part is printed as a bound or a range, not one result; else None."""
    if row.done.bound in ("exact", "approx"):
        return None
    return _finding(row,
        check,
        "not_checkable",
        words.t(
            f"Kết quả {done_name} in là {words.v(row.done)}: một cận hoặc một khoảng, không phải một kết quả; "
            "không có gì để đối chiếu.",
            f"The {done_name} result is printed as {words.v(row.done)}: a bound or a range, not a result; "
            "nothing to cross-check.",
        ),
    )


def _check_level(row: PlanRow, months_done: int, words: _Words) -> Finding:
    done_name, rest_name = period_names(months_done, words.lang)
    t = words.t
    if (only := _target_only(row, words, ("Chỉ có", "Only the"))) is not None:
        return only
    if (bound := _done_not_a_figure(row, "sum_of_periods", words, done_name)) is not None:
        return bound
    if _reaches(row.done, row.year):
        assert row.done.low is not None and row.year.low is not None
        return _finding(row,
            "target_reached",
            "met",
            t(
                f"Kết quả {done_name} ({words.v(row.done)} {words.unit(row)}) đã đạt mục tiêu năm ({words.v(row.year)}).",
                f"The {done_name} result ({words.v(row.done)} {words.unit(row)}) already reaches the annual target ({words.v(row.year)}).",
            ),
            evidence=TargetReached(row.done.low, row.year.low, row.done.low - row.year.low),
        )
    if row.rest.is_missing:
        gap = (row.year.low or row.year.high or 0.0) - (row.done.low or 0.0)
        return _finding(row,
            "sum_of_periods",
            "not_checkable",
            t(
                f"Không có mục tiêu {rest_name}; để đạt mục tiêu năm, {rest_name} cần thêm {words.num(gap, row.year.precision or 0)} {words.unit(row)}.",
                f"No {rest_name} target; the year needs {words.num(gap, row.year.precision or 0)} {words.unit(row)} more in {rest_name}.",
            ),
            evidence=LevelShortfall(row.done.low or math.nan, row.year.low or math.nan, gap),
        )
    # Compare the printed numbers; "within rounding" is the sum of the three half-widths.
    tol = row.done.half_width + row.rest.half_width + row.year.half_width
    d0 = row.done.value
    ok = True
    if row.year.low is not None:  # reaching the rest's minimum must reach the year's minimum
        ok = ok and row.rest.low is not None and d0 + row.rest.low >= row.year.low - tol
    if row.year.high is not None and row.rest.high is not None:  # and its maximum stay within the year's
        ok = ok and d0 + row.rest.high <= row.year.high + tol
    r0 = row.rest.low if row.rest.low is not None else row.rest.high
    y0 = row.year.low if row.year.low is not None else row.year.high
    assert r0 is not None and y0 is not None
    pace: float | None = None
    prec = max(p for p in (row.done.precision, row.rest.precision, row.year.precision) if p is not None)
    total = PrintedValue(d0 + r0, d0 + r0, "exact", prec)
    if row.rest.bound in (">", ">="):
        total = PrintedValue(d0 + r0, None, row.rest.bound, prec)
    elif row.rest.bound in ("<", "<="):
        total = PrintedValue(None, d0 + r0, row.rest.bound, prec)
    eq = (
        f"{words.num(d0, prec)} + {words.v(row.rest)} = {words.v(total)} {words.unit(row)}; "
        + t(f"mục tiêu năm {words.v(row.year)}", f"annual target {words.v(row.year)}")
    )
    warning = ""
    quarter = d0 * (MONTHS_PER_YEAR - months_done) / months_done  # the rest at the done part's average pace
    if quarter > 0:
        pace = r0 / quarter
        lo, hi = assumptions().level_pace_band
        if not lo <= r0 / quarter <= hi:
            warning = t(
                f"Mục tiêu {rest_name} ({words.v(row.rest)}) bằng {words.num(100 * r0 / quarter, 0)} % mức bình quân của "
                f"{done_name} cho cùng số tháng ({words.num(quarter, prec)}): có vẻ là phần còn thiếu để đạt mục tiêu năm "
                f"hơn là ước tính {rest_name}.",
                f"The {rest_name} target ({words.v(row.rest)}) is {words.num(100 * r0 / quarter, 0)} % of the {done_name}' "
                f"average pace for as many months ({words.num(quarter, prec)}): it looks like what the annual target still "
                f"needs rather than an estimate of {rest_name}.",
            )
    evidence = LevelSum(d0, r0, y0, d0 + r0, tol, pace)
    if ok:
        slack = d0 + r0 - y0
        extra = "" if abs(slack) <= tol else t(
            f" (đạt mục tiêu {rest_name} thì vượt mục tiêu năm {words.num(slack, prec)} {words.unit(row)})",
            f" (reaching the {rest_name} target exceeds the annual target by {words.num(slack, prec)} {words.unit(row)})",
        )
        return _finding(row, "sum_of_periods", "consistent", eq + extra + ".", warning=warning, evidence=evidence)
    return _finding(row,
        "sum_of_periods",
        "inconsistent",
        eq
        + t(
            f" — đạt mục tiêu {rest_name} vẫn không bảo đảm mục tiêu năm.",
            f" — reaching the {rest_name} target does not reach the annual target.",
        ),
        warning=warning,
        evidence=evidence,
    )


def _check_share(row: PlanRow, words: _Words) -> Finding:
    t = words.t
    return _finding(row,
        "share_from_sectors",
        "not_checkable",
        t(
            f"Tỷ trọng {words.v(row.done)} → {words.v(row.year)} %: cần số liệu theo ngành để kiểm tra "
            "(phép phân tách theo ngành).",
            f"Share {words.v(row.done)} → {words.v(row.year)} %: checking it needs sector figures (the sector decomposition).",
        ),
        evidence=PrintedShare(row.done.low, row.year.low),
    )


def _check_ratio(row: PlanRow, months_done: int, words: _Words) -> Finding:
    done_name, _ = period_names(months_done, words.lang)
    t = words.t
    if (only := _target_only(row, words, ("Chỉ tiêu tỷ lệ/bình quân chỉ có", "A ratio with only its"))) is not None:
        return only
    if (bound := _done_not_a_figure(row, "target_reached", words, done_name)) is not None:
        return bound
    assert row.done.low is not None
    if _reaches(row.done, row.year):
        return _finding(row,
            "target_reached",
            "met",
            t(
                f"Kết quả {done_name} {words.v(row.done)} đã đạt mục tiêu năm {words.v(row.year)}.",
                f"The {done_name} figure {words.v(row.done)} already reaches the annual target {words.v(row.year)}.",
            ),
            evidence=TargetReached(row.done.low, row.year.low or math.nan),
        )
    y0 = row.year.low if row.year.low is not None else row.year.high
    assert y0 is not None
    gap = y0 - row.done.low
    prec = max(row.done.precision or 0, row.year.precision or 0)
    gap_unit = t("điểm phần trăm", "points") if words.unit(row) == "%" else row.unit
    return _finding(row,
        "target_reached",
        "not_checkable",
        t(
            f"Chỉ tiêu tại thời điểm: {words.v(row.done)} sau {done_name}, mục tiêu {words.v(row.year)}; "
            f"còn {words.num(gap, prec)} {gap_unit}. Không có đẳng thức nào để đối chiếu.",
            f"A stock ratio: {words.v(row.done)} after {done_name}, target {words.v(row.year)}; "
            f"{words.num(gap, prec)} {gap_unit} to go. No identity to cross-check.",
        ),
        evidence=RatioGap(row.done.low, y0, gap),
    )


def check_indicator(
    row: PlanRow,
    *,
    months_done: int,
    weight_band: tuple[float, float] | None = None,
    lang: Lang = "vi",
) -> Finding:
    """The kind's check for one row of a plan (see the module notes).

    ``weight_band``: plausible previous-year weights of the rest of the year
    (default: ``assumptions.csv``, :attr:`grdp.io.assumptions.Assumptions.weight_band`).
    """
    words = _Words(check_lang(lang))
    band = assumptions().weight_band if weight_band is None else weight_band
    if row.kind == "growth_rate":
        return _check_growth(row, months_done, band, words)
    if row.kind in ("level_flow", "cumulative_level"):
        return _check_level(row, months_done, words)
    if row.kind == "share":
        return _check_share(row, words)
    if row.kind == "ratio":
        return _check_ratio(row, months_done, words)
    return _finding(
        row,
        "kind_unknown",
        "not_checkable",
        words.t(
            "grdp không biết loại chỉ tiêu này (xem cảnh báo khi đọc kế hoạch).",
            "grdp does not know this indicator's kind (see the warning from reading the plan).",
        ),
    )
