"""The plan audit: does each indicator's 9-month result, Q4 target and annual target hold together?

One check per indicator kind (see :mod:`grdp.indicators`), each returning a
:class:`Finding` with exactly one verdict:

``consistent``
    The printed figures agree within their rounding.
``inconsistent``
    They cannot all be true, whatever the rounding.
``met``
    The 9-month result already reaches the annual target (a cumulative level
    past its target, a ratio already at its target).
``not_checkable``
    Nothing to cross-check (a target alone, a missing figure, a kind whose
    check needs other data); the detail says why and gives what can be said.

**Growth rates** obey ``gY = (1 - w) g_done + w g_rest`` with ``w`` the rest's
weight in the previous year. Three figures imply ``w``; with each figure's
rounding interval, an *interval* of weights. A range target (``14,2-15,8`` with
``10-10,5``) is consistent when both ends imply one common weight — the
intervals overlap. The annual figure must lie between the other two (``w`` in
(0, 1)). A common weight outside a plausible band (default 0,20–0,45) is
flagged as a warning; it does not change the verdict.

**Levels** (budget revenue, new jobs): done + rest = year within rounding,
with bounds propagated — reaching the Q4 minimum must reach the annual minimum.
A 9-month level already at the annual target is ``met``.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal, get_args

import pandas as pd

from .indicators import KIND_LABELS
from .labels import Lang, check_lang, label, unit_label
from .numbers import PrintedValue, format_value
from .periods import Interval, implied_weight, implied_weight_interval, required_growth, rounding_interval
from .plan import MONTHS_PER_YEAR, value_at
from .wording import num, period_names, phrase, span

__all__ = [
    "Verdict",
    "VERDICTS",
    "Finding",
    "PlanAudit",
    "check_plan",
    "check_indicator",
    "DEFAULT_WEIGHT_BAND",
    "LEVEL_PACE_BAND",
]

Verdict = Literal["consistent", "inconsistent", "met", "not_checkable"]
VERDICTS: tuple[str, ...] = get_args(Verdict)
DEFAULT_WEIGHT_BAND = (0.20, 0.45)
LEVEL_PACE_BAND = (0.5, 2.0)
"""A level's rest-of-year target between half and twice the done part's pace for as many months is
unremarkable; outside it, the audit warns (the 2025 budget's Q4 '>3.338' is 14 % of the 9 months' pace)."""

FINDING_COLUMNS = (
    "stt",
    "indicator",
    "name_en",
    "kind",
    "check",
    "verdict",
    "detail",
    "warning",
    "monitoring_unit",
    "key",
)


@dataclass(frozen=True)
class Finding:
    """The verdict of one check on one indicator.

    Attributes
    ----------
    stt : str
        As printed (``"2.1"``).
    indicator : str
        The printed name.
    kind : str
        Indicator kind (``growth_rate`` …).
    check : str
        Check id: ``period_identity``, ``sum_of_periods``, ``target_reached``,
        ``target_only``, ``share_from_sectors``, ``sectors_vs_grdp`` …
    verdict : Verdict
    detail : str
        What the numbers say, in the audit's language.
    warning : str
        A plausibility warning (e.g. an implausible weight); empty if none.
    numbers : tuple of (name, value)
        The numbers the check used, by name (``implied_weight_low`` …).
    monitoring_unit : str
        Đơn vị theo dõi tổng hợp báo cáo, as printed.
    key : str
        The indicator's key when grdp knows it.
    name_en : str
        The indicator's English name when grdp knows it.
    """

    stt: str
    indicator: str
    kind: str
    check: str
    verdict: Verdict
    detail: str
    warning: str = ""
    numbers: tuple[tuple[str, float], ...] = ()
    monitoring_unit: str = ""
    key: str = ""
    name_en: str = ""

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of: {', '.join(repr(v) for v in VERDICTS)}")

    def number(self, name: str) -> float:
        """One of the numbers used, by name."""
        return dict(self.numbers)[name]

    def as_dict(self) -> dict[str, object]:
        """Plain types (for JSON): the fields plus each number under its own name."""
        out: dict[str, object] = {c: getattr(self, c) for c in FINDING_COLUMNS}
        out.update({k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in self.numbers})
        return out


# ---------------------------------------------------------------------------------------------
# wording


_VERDICT_LABELS = {
    "vi": {"consistent": "Khớp", "inconsistent": "Không khớp", "met": "Đã đạt", "not_checkable": "Không kiểm tra được"},
    "en": {"consistent": "consistent", "inconsistent": "inconsistent", "met": "met", "not_checkable": "not checkable"},
}


def verdict_label(verdict: str, lang: Lang = "vi") -> str:
    """Display word for a verdict: ``Khớp`` / ``consistent`` …"""
    return _VERDICT_LABELS[check_lang(lang)][verdict]


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


# ---------------------------------------------------------------------------------------------
# checks


@dataclass(frozen=True)
class _Row:
    """One plan row with its three printed values."""

    stt: str
    name: str
    name_en: str
    kind: str
    key: str
    unit: str
    monitoring_unit: str
    done: PrintedValue
    rest: PrintedValue
    year: PrintedValue

    @classmethod
    def of(cls, row: pd.Series, lang: Lang) -> _Row:
        return cls(
            stt=row["stt"],
            name=row["name"],
            name_en=row["name_en"],
            kind=row["kind"],
            key=row["key"],
            unit=unit_label(row["unit"], lang),
            monitoring_unit=row["monitoring_unit"],
            done=value_at(row, "done"),
            rest=value_at(row, "rest"),
            year=value_at(row, "year"),
        )

    def finding(self, check: str, verdict: Verdict, detail: str, *, warning: str = "", numbers: dict[str, float] | None = None) -> Finding:
        return Finding(
            stt=self.stt,
            indicator=self.name,
            kind=self.kind,
            check=check,
            verdict=verdict,
            detail=detail,
            warning=warning,
            numbers=tuple((numbers or {}).items()),
            monitoring_unit=self.monitoring_unit,
            key=self.key,
            name_en=self.name_en,
        )


def _ends(v: PrintedValue) -> list[tuple[float, int]]:
    """The printed numbers of a value with their precision: one, or two for a range."""
    assert v.precision is not None
    if v.bound == "range":
        assert v.low is not None and v.high is not None
        return [(v.low, v.precision), (v.high, v.precision)]
    x = v.low if v.low is not None else v.high
    assert x is not None
    return [(x, v.precision)]


def _pairs(rest: PrintedValue, year: PrintedValue) -> list[tuple[tuple[float, int], tuple[float, int]]]:
    """Pair the ends of the rest-of-year and annual figures: low with low, high with high."""
    r, y = _ends(rest), _ends(year)
    if len(r) == len(y):
        return list(zip(r, y))
    if len(r) == 1:
        return [(r[0], e) for e in y]
    return [(e, y[0]) for e in r]


def _check_growth(row: _Row, months_done: int, band: tuple[float, float], words: _Words) -> Finding:
    done_name, rest_name = period_names(months_done, words.lang)
    t = words.t
    if row.done.is_missing or row.year.is_missing:
        missing = done_name if row.done.is_missing else t("năm", "the year")
        return row.finding(
            "period_identity",
            "not_checkable",
            t(f"Không có số {missing}: không có gì để đối chiếu.", f"No figure for {missing}: nothing to cross-check."),
        )
    d_val, d_prec = _ends(row.done)[0]
    d_iv = rounding_interval(d_val, d_prec)
    if row.rest.is_missing:
        return _growth_without_rest(row, d_val, band, words, rest_name)

    bounds_note = ""
    if any(v.bound in (">", ">=", "<", "<=") for v in (row.done, row.rest, row.year)):
        bounds_note = t(" (số có dấu >, ≥ … được đọc theo giá trị in)", " (bounds read at their printed value)")
    numbers: dict[str, float] = {"done": d_val}
    intervals: list[Interval] = []
    points: list[float] = []
    outside: list[str] = []
    for i, ((r, rp), (y, yp)) in enumerate(_pairs(row.rest, row.year)):
        r_iv, y_iv = rounding_interval(r, rp), rounding_interval(y, yp)
        hull = Interval(min(d_iv.low, r_iv.low), max(d_iv.high, r_iv.high))
        if not hull.overlaps(y_iv):
            outside.append(words.num(y, yp))
        w_iv = implied_weight_interval(d_iv, r_iv, y_iv)
        w = float(implied_weight(d_val, r, y))
        suffix = "" if len(_pairs(row.rest, row.year)) == 1 else ("_low" if i == 0 else "_high")
        numbers.update({f"rest{suffix}": r, f"year{suffix}": y, f"implied_weight{suffix}": w,
                        f"weight_min{suffix}": w_iv.low, f"weight_max{suffix}": w_iv.high})
        intervals.append(w_iv)
        points.append(w)

    if outside:
        return row.finding(
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
            numbers=numbers,
        )

    common = intervals[0]
    for iv in intervals[1:]:
        common = common.intersection(iv) if common is not None else None
    if common is None:
        return row.finding(
            "period_identity",
            "inconsistent",
            t(
                f"Hai đầu khoảng mục tiêu cần hai tỷ trọng {rest_name} khác nhau của năm trước: "
                f"{words.iv(intervals[0])} và {words.iv(intervals[1])} (kể cả sai số làm tròn); "
                "không có tỷ trọng chung.",
                f"The two ends of the target range imply different previous-year {rest_name} weights: "
                f"{words.iv(intervals[0])} and {words.iv(intervals[1])} (rounding included); no common weight.",
            ),
            numbers=numbers,
        )
    common = Interval(max(common.low, 0.0), min(common.high, 1.0))
    numbers.update({"weight_common_min": common.low, "weight_common_max": common.high})
    if len(points) == 1:
        # One pairing: the rest needed at the implied weight is the printed rest by construction.
        head = t(
            f"Tỷ trọng {rest_name} năm trước mà ba số ngầm định: {words.w(points[0])} "
            f"(kể cả làm tròn: {words.iv(intervals[0])}).",
            f"The three figures imply a previous-year {rest_name} weight of {words.w(points[0])} "
            f"(rounding included: {words.iv(intervals[0])}).",
        )
        need = ""
    else:
        head = t(
            f"Hai đầu khoảng ngầm định tỷ trọng {rest_name} năm trước {words.w(points[0])} và {words.w(points[1])}; "
            f"khoảng làm tròn giao nhau ở {words.iv(common)}.",
            f"The two ends imply previous-year {rest_name} weights of {words.w(points[0])} and {words.w(points[1])}; "
            f"their rounding intervals overlap on {words.iv(common)}.",
        )
        # What the rest needs at a round weight inside the common interval (0,32 for the 2025 GRDP row).
        w_show = round(common.mid, 2) if round(common.mid, 2) in common else common.mid
        targets = [y for (_, (y, _)) in _pairs(row.rest, row.year)]
        needed = [float(required_growth(d_val, y, rest_weight=w_show)) for y in targets]
        numbers.update({"display_weight": w_show, "required_rest_low": needed[0], "required_rest_high": needed[-1]})
        tg = " / ".join(words.pct(y) for y in targets)
        needs = " / ".join(words.pct(g, 2) for g in needed)
        need = t(
            f" Với tỷ trọng {words.num(w_show, 2)}, để cả năm đạt {tg} thì {rest_name} cần tăng {needs}.",
            f" At a weight of {words.num(w_show, 2)}, reaching {tg} for the year needs {needs} growth in {rest_name}.",
        )
    warning = ""
    lo, hi = band
    if common.high < lo or common.low > hi:
        warning = t(
            f"Tỷ trọng ngầm định {words.iv(common)} nằm ngoài khoảng hợp lý {words.num(lo, 2)}–{words.num(hi, 2)}.",
            f"The implied weight {words.iv(common)} lies outside the plausible band {words.num(lo, 2)}–{words.num(hi, 2)}.",
        )
    return row.finding("period_identity", "consistent", head + need + bounds_note, warning=warning, numbers=numbers)


def _growth_without_rest(row: _Row, d_val: float, band: tuple[float, float], words: _Words, rest_name: str) -> Finding:
    """9 months and a year target, no Q4 figure: say what Q4 would need over the plausible weights."""
    t = words.t
    lo, hi = band
    numbers: dict[str, float] = {"done": d_val}
    parts = []
    for y, yp in _ends(row.year):
        at_lo = float(required_growth(d_val, y, rest_weight=lo))
        at_hi = float(required_growth(d_val, y, rest_weight=hi))
        suffix = "" if row.year.bound != "range" else ("_low" if y == row.year.low else "_high")
        numbers.update({f"required_rest_at_band_low{suffix}": at_lo, f"required_rest_at_band_high{suffix}": at_hi})
        fall = t(f" — tức {rest_name} có thể giảm tới {words.pct(-at_lo)}", f" — {rest_name} may fall by up to {words.pct(-at_lo)}") if at_lo < 0 else ""
        parts.append(t(
            f"để cả năm đạt {words.pct(y, yp)}, {rest_name} cần tăng ít nhất {words.pct(at_lo)} nếu tỷ trọng là "
            f"{words.num(lo, 2)}{fall}, và {words.pct(at_hi)} nếu là {words.num(hi, 2)}",
            f"for {words.pct(y, yp)} in the year, {rest_name} needs at least {words.pct(at_lo)} growth at a weight of "
            f"{words.num(lo, 2)}{fall}, and {words.pct(at_hi)} at {words.num(hi, 2)}",
        ))
    return row.finding(
        "period_identity",
        "not_checkable",
        t(f"Không có mục tiêu {rest_name}: không có gì để đối chiếu. Theo tỷ trọng {rest_name} năm trước: ",
          f"No {rest_name} target: nothing to cross-check. By the previous-year {rest_name} weight: ")
        + "; ".join(parts) + ".",
        numbers=numbers,
    )


def _reaches(done: PrintedValue, target: PrintedValue) -> bool:
    """Is the done level already at the target (for targets with a lower end)?"""
    if target.low is None or done.low is None:
        return False
    if target.bound == ">":
        return done.low > target.low
    return done.low >= target.low


def _target_only(row: _Row, words: _Words, lead: tuple[str, str]) -> Finding | None:
    """The finding for a row without an annual target or without a 9-month figure; None otherwise."""
    t = words.t
    if row.year.is_missing:
        return row.finding("target_only", "not_checkable", t("Không có mục tiêu năm.", "No annual target."))
    if row.done.is_missing:
        return row.finding(
            "target_only",
            "not_checkable",
            t(
                f"{lead[0]} mục tiêu năm ({words.v(row.year)} {row.unit}): không có gì để đối chiếu ngoài hình thức.",
                f"{lead[1]} annual target ({words.v(row.year)} {row.unit}): nothing to cross-check but its form.",
            ),
        )
    return None


def _check_level(row: _Row, months_done: int, words: _Words) -> Finding:
    done_name, rest_name = period_names(months_done, words.lang)
    t = words.t
    if (only := _target_only(row, words, ("Chỉ có", "Only the"))) is not None:
        return only
    if _reaches(row.done, row.year):
        assert row.done.low is not None and row.year.low is not None
        return row.finding(
            "target_reached",
            "met",
            t(
                f"Kết quả {done_name} ({words.v(row.done)} {row.unit}) đã đạt mục tiêu năm ({words.v(row.year)}).",
                f"The {done_name} result ({words.v(row.done)} {row.unit}) already reaches the annual target ({words.v(row.year)}).",
            ),
            numbers={"done": row.done.low, "year": row.year.low, "margin": row.done.low - row.year.low},
        )
    if row.rest.is_missing:
        gap = (row.year.low or row.year.high or 0.0) - (row.done.low or 0.0)
        return row.finding(
            "sum_of_periods",
            "not_checkable",
            t(
                f"Không có mục tiêu {rest_name}; để đạt mục tiêu năm, {rest_name} cần thêm {words.num(gap, row.year.precision or 0)} {row.unit}.",
                f"No {rest_name} target; the year needs {words.num(gap, row.year.precision or 0)} {row.unit} more in {rest_name}.",
            ),
            numbers={"done": row.done.low or math.nan, "year": row.year.low or math.nan, "needed_rest": gap},
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
    numbers = {"done": d0, "rest": r0, "year": y0, "done_plus_rest": d0 + r0, "tolerance": tol}
    prec = max(p for p in (row.done.precision, row.rest.precision, row.year.precision) if p is not None)
    total = PrintedValue(d0 + r0, d0 + r0, "exact", prec)
    if row.rest.bound in (">", ">="):
        total = PrintedValue(d0 + r0, None, row.rest.bound, prec)
    elif row.rest.bound in ("<", "<="):
        total = PrintedValue(None, d0 + r0, row.rest.bound, prec)
    eq = (
        f"{words.num(d0, prec)} + {words.v(row.rest)} = {words.v(total)} {row.unit}; "
        + t(f"mục tiêu năm {words.v(row.year)}", f"annual target {words.v(row.year)}")
    )
    warning = ""
    quarter = d0 * (MONTHS_PER_YEAR - months_done) / months_done  # the rest at the done part's average pace
    if quarter > 0:
        numbers["rest_vs_done_pace"] = r0 / quarter
        lo, hi = LEVEL_PACE_BAND
        if not lo <= r0 / quarter <= hi:
            warning = t(
                f"Mục tiêu {rest_name} ({words.v(row.rest)}) bằng {words.num(100 * r0 / quarter, 0)} % mức bình quân của "
                f"{done_name} cho cùng số tháng ({words.num(quarter, prec)}): có vẻ là phần còn thiếu để đạt mục tiêu năm "
                f"hơn là ước tính {rest_name}.",
                f"The {rest_name} target ({words.v(row.rest)}) is {words.num(100 * r0 / quarter, 0)} % of the {done_name}' "
                f"average pace for as many months ({words.num(quarter, prec)}): it looks like what the annual target still "
                f"needs rather than an estimate of {rest_name}.",
            )
    if ok:
        slack = d0 + r0 - y0
        extra = "" if abs(slack) <= tol else t(
            f" (đạt mục tiêu {rest_name} thì vượt mục tiêu năm {words.num(slack, prec)} {row.unit})",
            f" (reaching the {rest_name} target exceeds the annual target by {words.num(slack, prec)} {row.unit})",
        )
        return row.finding("sum_of_periods", "consistent", eq + extra + ".", warning=warning, numbers=numbers)
    return row.finding(
        "sum_of_periods",
        "inconsistent",
        eq
        + t(
            f" — đạt mục tiêu {rest_name} vẫn không bảo đảm mục tiêu năm.",
            f" — reaching the {rest_name} target does not reach the annual target.",
        ),
        warning=warning,
        numbers=numbers,
    )


def _check_share(row: _Row, words: _Words) -> Finding:
    t = words.t
    numbers = {k: v for k, v in (("done", row.done.low), ("year", row.year.low)) if v is not None}
    return row.finding(
        "share_from_sectors",
        "not_checkable",
        t(
            f"Tỷ trọng {words.v(row.done)} → {words.v(row.year)} %: cần số liệu theo ngành để kiểm tra "
            "(phép phân tách theo ngành).",
            f"Share {words.v(row.done)} → {words.v(row.year)} %: checking it needs sector figures (the sector decomposition).",
        ),
        numbers=numbers,
    )


def _check_ratio(row: _Row, months_done: int, words: _Words) -> Finding:
    done_name, _ = period_names(months_done, words.lang)
    t = words.t
    if (only := _target_only(row, words, ("Chỉ tiêu tỷ lệ/bình quân chỉ có", "A ratio with only its"))) is not None:
        return only
    assert row.done.low is not None
    if _reaches(row.done, row.year):
        return row.finding(
            "target_reached",
            "met",
            t(
                f"Kết quả {done_name} {words.v(row.done)} đã đạt mục tiêu năm {words.v(row.year)}.",
                f"The {done_name} figure {words.v(row.done)} already reaches the annual target {words.v(row.year)}.",
            ),
            numbers={"done": row.done.low, "year": row.year.low or math.nan},
        )
    y0 = row.year.low if row.year.low is not None else row.year.high
    assert y0 is not None
    gap = y0 - row.done.low
    prec = max(row.done.precision or 0, row.year.precision or 0)
    gap_unit = t("điểm %", "points") if row.unit == "%" else row.unit
    return row.finding(
        "target_reached",
        "not_checkable",
        t(
            f"Chỉ tiêu tại thời điểm: {words.v(row.done)} sau {done_name}, mục tiêu {words.v(row.year)}; "
            f"còn {words.num(gap, prec)} {gap_unit}. Không có đẳng thức nào để đối chiếu.",
            f"A stock ratio: {words.v(row.done)} after {done_name}, target {words.v(row.year)}; "
            f"{words.num(gap, prec)} {gap_unit} to go. No identity to cross-check.",
        ),
        numbers={"done": row.done.low, "year": y0, "gap": gap},
    )


def check_indicator(
    row: pd.Series,
    *,
    months_done: int = 9,
    weight_band: tuple[float, float] = DEFAULT_WEIGHT_BAND,
    lang: Lang = "vi",
) -> Finding:
    """The kind's check for one row of :func:`grdp.load_plan` (see the module notes)."""
    words = _Words(check_lang(lang))
    r = _Row.of(row, words.lang)
    if r.kind == "growth_rate":
        return _check_growth(r, months_done, weight_band, words)
    if r.kind in ("level_flow", "cumulative_level"):
        return _check_level(r, months_done, words)
    if r.kind == "share":
        return _check_share(r, words)
    if r.kind == "ratio":
        return _check_ratio(r, months_done, words)
    return r.finding(
        "kind_unknown",
        "not_checkable",
        words.t(
            "grdp không biết loại chỉ tiêu này (xem cảnh báo khi đọc kế hoạch).",
            "grdp does not know this indicator's kind (see the warning from reading the plan).",
        ),
    )


# ---------------------------------------------------------------------------------------------
# the report


ExtraChecks = Callable[[pd.DataFrame, Lang], Iterable[Finding]]


@dataclass(frozen=True)
class PlanAudit:
    """Findings of :func:`check_plan`, one or more per indicator.

    Attributes
    ----------
    findings : pandas.DataFrame
        Columns ``stt, indicator, kind, check, verdict, detail, warning,
        monitoring_unit, key`` and one column per number used.
    lang : {"vi", "en"}
    target_year, months_done : int
    weight_band : (float, float)
    """

    items: tuple[Finding, ...]
    lang: Lang
    target_year: int
    months_done: int
    weight_band: tuple[float, float] = DEFAULT_WEIGHT_BAND
    source: str = ""
    findings: pd.DataFrame = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        records = [f.as_dict() for f in self.items]
        frame = pd.DataFrame.from_records(records)
        if frame.empty:
            frame = pd.DataFrame(columns=list(FINDING_COLUMNS))
        object.__setattr__(self, "findings", frame)

    @property
    def inconsistent(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.items if f.verdict == "inconsistent")

    @property
    def has_inconsistency(self) -> bool:
        return bool(self.inconsistent)

    def counts(self) -> dict[str, int]:
        """Findings per verdict (all four verdicts, zero included)."""
        return {v: sum(f.verdict == v for f in self.items) for v in VERDICTS}

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """The findings as a display table (labelled columns, verdict words)."""
        lang = check_lang(lang or self.lang)
        f = self.findings
        return pd.DataFrame(
            {
                label("stt", lang): f["stt"],
                label("name", lang): f["indicator"] if lang == "vi" else f["name_en"].where(f["name_en"] != "", f["indicator"]),
                label("kind", lang): f["kind"].map(KIND_LABELS[lang]),
                label("au_check", lang): f["check"].map(lambda c: label(f"au_check_{c}", lang) if f"au_check_{c}" in _CHECK_KEYS else c),
                label("au_verdict", lang): f["verdict"].map(lambda v: verdict_label(v, lang)),
                label("au_detail", lang): f["detail"],
                label("au_warning", lang): f["warning"],
            }
        )

    def by_office(self) -> dict[str, pd.DataFrame]:
        """Findings for each monitoring office (a row listing two offices appears under both)."""
        out: dict[str, list[int]] = {}
        for i, unit in enumerate(self.findings["monitoring_unit"]):
            for office in (o.strip() for o in str(unit).split(";")):
                if office:
                    out.setdefault(office, []).append(i)
        table = self.table()
        return {office: table.iloc[idx].reset_index(drop=True) for office, idx in sorted(out.items())}

    def summary(self) -> str:
        """A few lines: counts per verdict and every inconsistency, named."""
        words = _Words(self.lang)
        c = self.counts()
        head = words.t(
            f"Kiểm tra kế hoạch năm {self.target_year} ({self.source}): {len(self.items)} kết luận — "
            + ", ".join(f"{verdict_label(v, 'vi')}: {c[v]}" for v in VERDICTS),
            f"Audit of the {self.target_year} plan ({self.source}): {len(self.items)} findings — "
            + ", ".join(f"{verdict_label(v, 'en')}: {c[v]}" for v in VERDICTS),
        )
        lines = [head]
        for f in self.inconsistent:
            lines.append(f"  ✗ {f.stt} {f.indicator}: {f.detail}")
        for f in self.items:
            if f.warning:
                lines.append(f"  ! {f.stt} {f.indicator}: {f.warning}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.summary()).replace(chr(10), '<br>')}</p>" + self.table().to_html(index=False)

    def to_records(self) -> list[dict[str, object]]:
        """One plain dict per finding (for JSON)."""
        return [f.as_dict() for f in self.items]


_CHECK_KEYS = {
    "au_check_period_identity",
    "au_check_sum_of_periods",
    "au_check_target_reached",
    "au_check_target_only",
    "au_check_share_from_sectors",
    "au_check_sectors_vs_grdp",
    "au_check_kind_unknown",
}


def check_plan(
    plan: pd.DataFrame,
    *,
    weight_band: tuple[float, float] = DEFAULT_WEIGHT_BAND,
    lang: Lang = "vi",
    sectors: bool = True,
    extra_checks: Iterable[ExtraChecks] = (),
) -> PlanAudit:
    """Audit every indicator of a plan.

    Parameters
    ----------
    plan : pandas.DataFrame
        From :func:`grdp.load_plan`.
    weight_band : (float, float)
        Plausible previous-year weights of the rest of the year; a common implied
        weight outside it is flagged (the verdict does not change). Default 0,20–0,45.
    lang : {"vi", "en"}
        Language of the details.
    sectors : bool
        Add the sector decomposition's findings (:func:`grdp.sector_audit.sector_findings`):
        the GRDP growth the sector targets imply, against the GRDP target, and
        whether the share target follows from them. Default True.
    extra_checks : iterable of callables
        ``f(plan, lang) -> iterable of Finding``; a finding for a row and check
        already present replaces it (the sector decomposition replaces the
        share row's ``not_checkable``).

    Returns
    -------
    PlanAudit
        At least one finding for every indicator row, in plan order.
    """
    lang = check_lang(lang)
    lo, hi = (float(x) for x in weight_band)
    if not 0 < lo < hi <= 1:
        raise ValueError("weight_band must be (low, high) with 0 < low < high <= 1")
    months = int(plan.attrs.get("months_done", 9))
    items = [check_indicator(row, months_done=months, weight_band=(lo, hi), lang=lang) for _, row in plan.iterrows()]
    checks = list(extra_checks)
    if sectors:
        from .sector_audit import sector_findings

        checks.insert(0, sector_findings)
    for extra in checks:
        for new in extra(plan, lang):
            at = next((i for i, f in enumerate(items) if f.stt == new.stt and f.check == new.check), None)
            if at is None:
                last = max((i for i, f in enumerate(items) if f.stt == new.stt), default=len(items) - 1)
                items.insert(last + 1, new)
            else:
                items[at] = new
    return PlanAudit(
        items=tuple(items),
        lang=lang,
        target_year=int(plan.attrs.get("target_year", 0)),
        months_done=months,
        weight_band=(lo, hi),
        source=str(plan.attrs.get("source", "")),
    )
