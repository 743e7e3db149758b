"""The province's previous-year weight of the rest of the year (Q4 for a 9-month plan), and what it rests on.

Every conclusion about Q4 hangs on ``w4``, Q4's share of the previous year's
GRDP at constant prices: ``gY = (1 - w4) g9M + w4 g4``. :func:`q4_weight`
takes the best evidence there is, in this order (its ``route``):

``levels``
    The province's own quarterly GRDP levels at constant prices for the
    previous year (:func:`grdp.io.history.read_levels`; a merged province's
    former provinces added quarter by quarter): ``w4 = Q4 / (Q1 + … + Q4)``.
    The office produces these; when it passes them, nothing else is needed.
``plan``
    The weight the plan's own GRDP row implies, ``(gY - g9M) / (g4 - g9M)``,
    the mean over the ends of its ranges, with the interval every figure's
    rounding allows (:meth:`grdp.io.plan.Plan.implied_rest_weight_interval`).
``sectors``
    The sector rows' implied weights averaged with the base structure's
    value-added weights (when the GRDP row gives none).
``national``
    The nation's latest previous-year Q4 weight (``assumptions.csv``,
    ``national_q4_weight_latest``): a labelled fallback, never the province's.

The audit, the forecasts and the sensitivity analyses take this weight by
default, so that the package holds one Q4 weight per plan (review 2026-11,
section 4.1). All routes that apply are kept as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Literal

import numpy as np
import pandas as pd

from grdp.core.periods import MONTHS_PER_YEAR, Interval
from grdp.core.results import Result
from grdp.core.typing import Lang
from grdp.core.validation import check_lang
from grdp.core.wording import num, period_names, phrase
from grdp.io.assumptions import assumptions
from grdp.io.history import read_levels
from grdp.io.plan import PERIODS, Plan
from grdp.sectors.structure import merged_structure
from grdp.sectors.targets import PLAN_SECTORS

__all__ = ["ROUTES", "Route", "Q4Weight", "q4_weight", "national_fallback"]

Route = Literal["levels", "plan", "sectors", "national"]
ROUTES: tuple[Route, ...] = ("levels", "plan", "sectors", "national")
"""The evidence a weight may rest on, best first."""

_ROUTE_NAMES: dict[Route, tuple[str, str]] = {
    "levels": ("số liệu GRDP theo quý (giá so sánh) năm trước của tỉnh", "the province's quarterly GRDP levels of the previous year"),
    "plan": ("các số GRDP của chính kế hoạch", "the plan's own GRDP figures"),
    "sectors": ("các dòng ngành của kế hoạch, bình quân theo cơ cấu", "the plan's sector rows, averaged over the structure"),
    "national": ("tỷ trọng của cả nước năm gần nhất (dự phòng)", "the nation's latest weight (fallback)"),
}


def national_fallback() -> float:
    """The nation's latest previous-year Q4 weight (``assumptions.csv``): 0,282 for 2024.

    >>> national_fallback()
    0.282
    """
    return assumptions().national_q4_weight_latest


@dataclass(frozen=True)
class Q4Weight(Result):
    """The province's previous-year weight of the rest of the year, with its interval and route.

    Attributes
    ----------
    value : float
        The weight the analyses use.
    low, high : float
        Its interval (rounding of the figures it is implied from; ``low == high``
        from levels or the national fallback).
    route : {"levels", "plan", "sectors", "national"}
        What it rests on (see the module notes).
    year : int
        The plan's year; the weight is of ``year - 1``.
    months_done : int
        The part of the year done; the weight is of the remaining quarters.
    evidence : pandas.DataFrame
        Every route that applies: ``route``, ``value``, ``low``, ``high``.
    """

    value: float
    low: float
    high: float
    route: Route
    year: int
    months_done: int
    evidence: pd.DataFrame = field(repr=False, compare=False)
    lang: Lang = "vi"

    _table_index: ClassVar[bool] = False

    @property
    def interval(self) -> Interval:
        return Interval(self.low, self.high)

    @property
    def is_fallback(self) -> bool:
        """Whether the weight is the nation's, not the province's."""
        return self.route == "national"

    def to_frame(self) -> pd.DataFrame:
        return self.evidence.copy()

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        lang = self.language(lang)
        e = self.evidence
        return pd.DataFrame(
            {
                phrase(lang, "Bằng chứng", "Evidence"): [_ROUTE_NAMES[r][lang == "en"] for r in e["route"]],
                phrase(lang, "Tỷ trọng", "Weight"): [num(v, 3, lang) for v in e["value"]],
                phrase(lang, "Khoảng", "Interval"): [
                    num(lo, 3, lang) if lo == hi else f"{num(lo, 3, lang)}–{num(hi, 3, lang)}"
                    for lo, hi in zip(e["low"], e["high"], strict=True)
                ],
                phrase(lang, "Được dùng", "Used"): ["✓" if r == self.route else "" for r in e["route"]],
            }
        )

    def summary(self, *, lang: Lang | None = None) -> str:
        lang = self.language(lang)
        _, rest = period_names(self.months_done, lang)
        iv = "" if self.low == self.high else f" ({num(self.low, 3, lang)}–{num(self.high, 3, lang)})"
        others = [
            f"{_ROUTE_NAMES[r][lang == 'en']} {num(v, 3, lang)}"
            for r, v in zip(self.evidence["route"], self.evidence["value"], strict=True)
            if r != self.route
        ]
        head = phrase(
            lang,
            f"Tỷ trọng {rest} năm {self.year - 1} trong GRDP cả năm {self.year - 1} của tỉnh: {num(self.value, 3, lang)}{iv}, "
            f"theo {_ROUTE_NAMES[self.route][0]}.",
            f"The province's {rest} share of {self.year - 1} GRDP: {num(self.value, 3, lang)}{iv}, from "
            f"{_ROUTE_NAMES[self.route][1]}.",
        )
        if self.is_fallback:
            head += phrase(lang, " Không có số của tỉnh: đây là tỷ trọng của cả nước, không phải của tỉnh.",
                           " Nothing of the province gives one: this is the nation's weight, not the province's.")
        if others:
            head += phrase(lang, " Các bằng chứng khác: ", " Other evidence: ") + "; ".join(others) + "."
        return head


def _levels_weight(levels: str | Path | pd.DataFrame | pd.Series, year: int, months_done: int) -> float | None:
    """The rest's share of ``year``'s summed quarterly levels; ``None`` when a quarter is missing."""
    series = levels if isinstance(levels, pd.Series) else read_levels(levels)
    quarters = pd.period_range(f"{year}Q1", f"{year}Q4", freq="Q")
    if not quarters.isin(series.index).all():
        return None
    q = series.loc[quarters].to_numpy(dtype="float64")
    first_rest = months_done // (MONTHS_PER_YEAR // 4)
    return float(q[first_rest:].sum() / q.sum())


def _sector_weight(plan: Plan) -> tuple[float, float, float] | None:
    """The sector rows' implied weights, value-added weighted; ``None`` without every sector's three figures."""
    rows = plan.sector_rows
    if set(rows) != set(PLAN_SECTORS) or any(rows[s].value(p).is_missing for s in PLAN_SECTORS for p in PERIODS):
        return None
    try:
        shares = merged_structure(plan.year).weights()
    except LookupError:
        return None
    ivs, points = [], []
    for s in PLAN_SECTORS:
        row = rows[s]
        if any(row.value(p).bound not in ("exact", "approx") for p in PERIODS):
            return None
        point, iv = row.implied_rest_weight(), row.implied_rest_weight_interval(clip=False)
        if point is None or iv is None:
            return None
        points.append(point)
        ivs.append(iv)
    w = np.array([float(shares[s]) for s in PLAN_SECTORS])
    w = w / w.sum()
    value = float(w @ np.array(points))
    lows = np.array([iv.low for iv in ivs])
    highs = np.array([iv.high for iv in ivs])
    if not (np.isfinite(lows).all() and np.isfinite(highs).all()):
        return value, value, value
    return value, float(w @ lows), float(w @ highs)


def q4_weight(
    plan: Plan,
    *,
    levels: str | Path | pd.DataFrame | pd.Series | None = None,
    lang: Lang | None = None,
) -> Q4Weight:
    """The province's previous-year weight of the rest of the year (Q4 for a 9-month plan).

    Parameters
    ----------
    plan : Plan
    levels : path, DataFrame or Series, optional
        The province's quarterly GRDP levels at constant prices
        (:func:`grdp.io.history.read_levels`: ``period``, ``level`` and, for a
        merged province, ``province``). Used when it holds the four quarters of
        the plan's previous year.
    lang : {"vi", "en"}, optional
        Default: the plan's.

    Returns
    -------
    Q4Weight
        ``value``, ``low``, ``high`` and ``route``, with every route's evidence.

    Examples
    --------
    >>> from grdp import load_plan
    >>> w = q4_weight(load_plan())
    >>> w.route, round(w.value, 4), round(w.low, 4), round(w.high, 4)
    ('plan', 0.3206, 0.3108, 0.3286)
    >>> w.evidence["route"].tolist(), round(float(w.evidence["value"].iloc[1]), 3)
    (['plan', 'sectors', 'national'], 0.317)
    """
    lang = check_lang(lang or plan.lang)
    rows: list[dict[str, object]] = []
    if levels is not None:
        v = _levels_weight(levels, plan.year - 1, plan.months_done)
        if v is not None:
            rows.append({"route": "levels", "value": v, "low": v, "high": v})
    own = plan.implied_rest_weight()
    iv = plan.implied_rest_weight_interval()
    if own is not None and iv is not None:
        rows.append({"route": "plan", "value": own, "low": iv.low, "high": iv.high})
    sectors = _sector_weight(plan) if plan.months_done == 9 else None
    if sectors is not None:
        rows.append({"route": "sectors", "value": sectors[0], "low": sectors[1], "high": sectors[2]})
    nat = national_fallback()
    if plan.months_done == 9:
        rows.append({"route": "national", "value": nat, "low": nat, "high": nat})
    if not rows:
        raise ValueError(f"no evidence for the weight of the last {MONTHS_PER_YEAR - plan.months_done} months: "
                         "pass the province's quarterly levels")
    evidence = pd.DataFrame(rows)
    best = evidence.iloc[0]
    return Q4Weight(
        value=float(best["value"]),
        low=float(best["low"]),
        high=float(best["high"]),
        route=best["route"],
        year=plan.year,
        months_done=plan.months_done,
        evidence=evidence,
        lang=lang,
    )
