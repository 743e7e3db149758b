"""Exact period identities for flows at constant prices, and their rounding intervals.

Let ``Q(q, y)`` be quarter ``q`` of year ``y`` at constant prices and ``g(q)``
its growth on the same quarter of the previous year, in %. With the previous
year's quarterly weights ``w(q) = Q(q, y-1) / Σ_k Q(k, y-1)``:

* annual growth ``gY = Σ_q w(q) g(q)``;
* year-to-date growth to quarter k ``gYTD(k) = Σ_{q≤k} w(q) g(q) / Σ_{q≤k} w(q)``;
* for any split of the year into a part done and the rest, with ``w`` the rest's
  weight in the previous year: ``gY = (1 - w) g_done + w g_rest``, hence the
  growth the rest needs ``g_rest* = (gY* - (1 - w) g_done) / w`` and the weight three
  printed figures imply ``w = (gY - g_done) / (g_rest - g_done)``.

The identities are exact because constant-price levels add up over periods.
Every function here is vectorised: scalars, NumPy arrays and pandas Series
(aligned on their index) go in, the same kind comes out.

Printed figures are rounded (``8.01`` is anything in [8.005, 8.015)), so the
``*_interval`` functions carry each figure's rounding interval through the
formula and return the interval of what is possible. Each formula is monotone
in every argument separately on a box where its denominator keeps its sign, so
the extremes sit at the corners of the box, which are enumerated exactly.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import NamedTuple, TypeVar

import numpy as np
import pandas as pd

from grdp.core.numbers import PrintedValue

__all__ = [
    "QUARTERS_PER_YEAR",
    "MONTHS_PER_YEAR",
    "NINE_MONTHS",
    "Interval",
    "as_interval",
    "rounding_interval",
    "yoy_growth",
    "quarter_weights",
    "ytd_growth",
    "annual_growth",
    "required_growth",
    "implied_weight",
    "annual_growth_interval",
    "required_growth_interval",
    "implied_weight_interval",
]

QUARTERS_PER_YEAR = 4
MONTHS_PER_YEAR = 12
NINE_MONTHS = 9
"""The split of a year-end plan: 9 months done, Q4 to go (the 9-month release the forecasts stand at)."""

ArrayLike = TypeVar("ArrayLike", float, np.ndarray, pd.Series)


class Interval(NamedTuple):
    """A closed interval ``[low, high]`` of possible values."""

    low: float
    high: float

    @property
    def mid(self) -> float:
        return (self.low + self.high) / 2

    @property
    def width(self) -> float:
        return self.high - self.low

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def intersection(self, other: Interval) -> Interval | None:
        lo, hi = max(self.low, other.low), min(self.high, other.high)
        return Interval(lo, hi) if lo <= hi else None

    def __contains__(self, x: object) -> bool:
        return isinstance(x, (int, float)) and self.low <= x <= self.high


def rounding_interval(x: float, precision: int) -> Interval:
    """Values that print as ``x`` at ``precision`` decimals: ``8.01, 2`` → [8.005, 8.015]."""
    hw = 0.5 * 10.0 ** (-precision)
    return Interval(x - hw, x + hw)


def as_interval(x: float | tuple[float, float] | Interval | PrintedValue) -> Interval:
    """An interval from a float (exact), a pair, or a single printed figure (its rounding interval).

    A printed range or bound is not one figure: pick its end first
    (``rounding_interval(v.low, v.precision)``).
    """
    if isinstance(x, PrintedValue):
        if x.bound not in ("exact", "approx") or x.low is None or x.precision is None:
            raise ValueError(f"{x.text!r} is not a single printed figure; take one end of it")
        return rounding_interval(x.low, x.precision)
    if isinstance(x, tuple):
        lo, hi = float(x[0]), float(x[1])
        if lo > hi:
            raise ValueError(f"interval ends reversed: {lo} > {hi}")
        return Interval(lo, hi)
    return Interval(float(x), float(x))


def _check_weight(w: object) -> None:
    arr = np.asarray(w, dtype="float64")
    if np.any((arr <= 0) | (arr > 1)):
        raise ValueError("rest_weight must be in (0, 1]: the rest's share of the previous year")


def yoy_growth(levels: pd.Series) -> pd.Series:
    """Growth on the same quarter of the previous year, in %, from quarterly levels (PeriodIndex 'Q')."""
    _check_quarterly(levels)
    return (levels / levels.shift(QUARTERS_PER_YEAR) - 1) * 100


def _check_quarterly(s: pd.Series) -> None:
    if not isinstance(s.index, pd.PeriodIndex) or s.index.freqstr[0] != "Q":
        raise TypeError("a quarterly series needs a PeriodIndex with freq 'Q'")
    if not s.index.is_monotonic_increasing or s.index.has_duplicates:
        raise ValueError("the quarterly index must be increasing without duplicates")
    expected = pd.period_range(s.index[0], s.index[-1], freq=s.index.freq)
    if len(expected) != len(s.index):
        raise ValueError("the quarterly index has gaps")


def quarter_weights(levels: pd.Series) -> pd.Series:
    """Previous-year quarterly weights, aligned with the growth rates they weight.

    Parameters
    ----------
    levels : pandas.Series
        Quarterly levels at constant prices on a ``PeriodIndex`` (freq ``"Q"``),
        without gaps.

    Returns
    -------
    pandas.Series
        Indexed by quarter ``q`` of year ``y + 1`` (the quarter whose growth it
        weights), the value ``Q(q, y) / Σ_k Q(k, y)``, for every complete year ``y``
        of ``levels``. Each year's four weights sum to 1.

    Examples
    --------
    >>> idx = pd.period_range("2023Q1", periods=4, freq="Q")
    >>> quarter_weights(pd.Series([1.0, 1.0, 1.0, 2.0], index=idx)).round(2).tolist()
    [0.2, 0.2, 0.2, 0.4]
    """
    _check_quarterly(levels)
    years = levels.index.year
    counts = pd.Series(years).value_counts()
    complete = counts.index[counts == QUARTERS_PER_YEAR]
    kept = levels[np.isin(years, complete)]
    totals = kept.groupby(kept.index.year).transform("sum")
    weights = kept / totals
    weights.index = weights.index + QUARTERS_PER_YEAR
    weights.name = "weight"
    return weights


def ytd_growth(growth: pd.Series, weights: pd.Series) -> pd.Series:
    """Year-to-date growth to each quarter from quarterly growth and previous-year weights.

    ``gYTD(k) = Σ_{q≤k} w(q) g(q) / Σ_{q≤k} w(q)`` within each year; at Q4 this is
    the annual growth. Both series are quarterly on the same ``PeriodIndex``
    (``weights`` as returned by :func:`quarter_weights`); the result covers the
    quarters where both are known.
    """
    g, w = growth.align(weights, join="inner")
    year = g.index.year
    num = (g * w).groupby(year).cumsum()
    den = w.groupby(year).cumsum()
    return (num / den).rename("ytd_growth")


def annual_growth(done: ArrayLike, rest: ArrayLike, *, rest_weight: ArrayLike) -> ArrayLike:
    """Growth of the year from growth of the part done and of the rest.

    ``gY = (1 - w) * done + w * rest``.

    Parameters
    ----------
    done : float, array or Series
        Growth of the part of the year done (e.g. 9 months), %.
    rest : float, array or Series
        Growth of the rest of the year (e.g. Q4), %.
    rest_weight : float, array or Series
        The rest's share of the previous year's level, in (0, 1].

    Examples
    --------
    >>> round(annual_growth(8.01, 14.2, rest_weight=0.32), 4)
    9.9908
    """
    _check_weight(rest_weight)
    return (1 - rest_weight) * done + rest_weight * rest


def required_growth(done: ArrayLike, target: ArrayLike, *, rest_weight: ArrayLike) -> ArrayLike:
    """Growth the rest of the year needs for the year to reach ``target``.

    ``g_rest* = (target - (1 - w) * done) / w``. The inverse of :func:`annual_growth`
    in ``rest`` (round-trip tested).

    Examples
    --------
    >>> round(required_growth(8.01, 10.0, rest_weight=0.32), 2)
    14.23
    """
    _check_weight(rest_weight)
    return (target - (1 - rest_weight) * done) / rest_weight


def implied_weight(done: ArrayLike, rest: ArrayLike, annual: ArrayLike) -> ArrayLike:
    """The rest's previous-year weight that three growth figures imply.

    ``w = (annual - done) / (rest - done)``; NaN or ±inf where ``rest == done`` (no
    weight is implied). The inverse of :func:`annual_growth` in ``rest_weight``.

    Examples
    --------
    >>> round(float(implied_weight(8.01, 14.2, 10.0)), 4)
    0.3215
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.true_divide(annual - done, rest - done)


def _corners(fn: Callable[..., float], *intervals: Interval) -> Interval:
    values = [fn(*corner) for corner in itertools.product(*intervals)]
    return Interval(min(values), max(values))


def annual_growth_interval(done: object, rest: object, *, rest_weight: object) -> Interval:
    """Interval of annual growth given intervals (or printed figures) of its inputs.

    Each argument may be a float, a ``(low, high)`` pair or a single
    :class:`~grdp.core.numbers.PrintedValue` (its rounding interval is used).
    """
    w = as_interval(rest_weight)  # type: ignore[arg-type]
    _check_weight([w.low, w.high])
    return _corners(
        lambda d, r, ww: (1 - ww) * d + ww * r,
        as_interval(done),  # type: ignore[arg-type]
        as_interval(rest),  # type: ignore[arg-type]
        w,
    )


def required_growth_interval(done: object, target: object, *, rest_weight: object) -> Interval:
    """Interval of the growth the rest of the year needs, carrying every input's interval.

    Examples
    --------
    The plan's 9-month 8.01 % and a target of 10 (printed at one decimal), at a
    weight known to be in [0.31, 0.33]:

    >>> from grdp.core.numbers import parse_value
    >>> iv = required_growth_interval(parse_value("8.01"), (9.95, 10.05), rest_weight=(0.31, 0.33))
    >>> round(iv.low, 2), round(iv.high, 2)
    (13.88, 14.6)
    """
    w = as_interval(rest_weight)  # type: ignore[arg-type]
    _check_weight([w.low, w.high])
    return _corners(
        lambda d, t, ww: (t - (1 - ww) * d) / ww,
        as_interval(done),  # type: ignore[arg-type]
        as_interval(target),  # type: ignore[arg-type]
        w,
    )


def implied_weight_interval(done: object, rest: object, annual: object) -> Interval:
    """Interval of rest-of-year weights compatible with three rounded figures.

    Returns ``Interval(-inf, inf)`` when the rest's and the done part's intervals
    overlap: then ``rest - done`` may be zero and any weight is possible.

    Examples
    --------
    The plan's 8.01 / 14,2 / 10 (each at its printed precision):

    >>> iv = implied_weight_interval((8.005, 8.015), (14.15, 14.25), (9.95, 10.05))
    >>> round(iv.low, 4), round(iv.high, 4)
    (0.3103, 0.3328)
    """
    d, r, a = as_interval(done), as_interval(rest), as_interval(annual)  # type: ignore[arg-type]
    if d.overlaps(r):
        return Interval(-np.inf, np.inf)
    return _corners(lambda dd, rr, aa: (aa - dd) / (rr - dd), d, r, a)
