"""Release vintages: which national growth figures were published by a given day.

The national file keeps every published vintage of a figure (the ``release``
column: ``first``, ``as_quoted_in_9M_release``, ``updated_in_annual_release``,
``revised_*``, ``mpi_estimate`` …). A forecast made at the 9-month release of a
year may only use what was published by then; this module answers "what was
known on day D", so that a backtest never peeks.

Definitions (used by :func:`grdp.forecast.backtest`):

**Release date.** ``release_date`` is read by :func:`published_on`: a full date
is that day; a month (``2014-09``) is its last day; a year (``2025``) is
31 December. A figure dated only by its month therefore counts as published at
the end of that month — never earlier than it could have been.

**Origin of year y.** :func:`nine_month_release` — the date of the year's
9-month figure in its ``first`` release; where the file holds no ``first``
9-month row (2013: the ministry's estimate of September 2013; 2015: the
figure as quoted by CIEM on 2015-10-26), the earliest date within the year on
which the 9-month figure was quoted.

**Figures published by D.** :func:`as_of` keeps, for each (year, period), the
vintages with release date ≤ D and takes the *earliest* of them
(``vintage="first"``: the first release, or the earliest published vintage
where the file lacks the first release) or the *latest* of them
(``vintage="latest"``: the figure as revised by D, what a statistician had on
her desk that day). The ``first`` release wins a tie on the same day.

**Missing quarters.** A quarter with no vintage published by D (Q1 and Q2 of
2016 and 2017 were first printed in the December release; Q4 2015 never appears
alone) is derived through the period identity from the year's published H1,
9-month and annual figures with the national quarterly weights
(:data:`NATIONAL_QUARTER_WEIGHTS`), and flagged as derived
(:func:`quarterly_growth`). When two quarters share one aggregate (Q1 and Q2
from the 9 months and Q3) they are given the same growth.

**Revisions.** :func:`revisions` is the one place a revision of a published
figure is measured, at an explicit horizon: by the year's first annual release
(what the forecasts carry, :class:`Revision`), by the figure's next published
vintage, or by its latest one (what :func:`grdp.datasets.revision_errors` and
the Monte Carlo read).

2011–2012 figures as first released are at 1994 prices; from the 2013 annual
release on, growth is measured at 2010 prices. A backtest standing in 2013
sees the 1994-price figures, because that is what had been published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple, get_args

import numpy as np
import pandas as pd

from .datasets import national_releases
from .errors import InputError
from .numbers import parse_value
from .periods import QUARTERS_PER_YEAR, required_growth, ytd_growth

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "Vintage",
    "NATIONAL_QUARTER_WEIGHTS",
    "PERIODS",
    "published_on",
    "growth_releases",
    "nine_month_release",
    "as_of",
    "QuarterlyGrowth",
    "quarterly_growth",
    "check_vintage",
    "RevisionHorizon",
    "REVISION_HORIZONS",
    "REVISION_COLUMNS",
    "revisions",
    "MIN_PAST_YEARS",
    "Revision",
    "Origin",
    "scaled_weights",
    "latest_nine_month_year",
    "national_origin",
    "HISTORY_COLUMNS",
    "read_history",
    "history_origin",
]

Vintage = Literal["first", "latest"]

NATIONAL_QUARTER_WEIGHTS: tuple[float, float, float, float] = (0.234, 0.242, 0.253, 0.271)
"""Previous-year quarterly weights of national GDP, Q1–Q4 (sum 1).

The 2013–2024 means, rounded to 0,001, of ``Q(q, y-1) / Σ_k Q(k, y-1)`` at
constant 2010 prices, from the statistics office's quarterly national accounts
(``../shared/reference``, read by the tests, not shipped). Year by year the Q4
weight ran from 0,260 (2013) to 0,282 (2024), rising as Q4 grew fastest.
"""

QUARTERS = ("Q1", "Q2", "Q3", "Q4")
PERIODS = (*QUARTERS, "H1", "9M", "Y")
"""Periods of the growth table: the quarters, half-year, 9 months and year."""

# Which quarters each aggregate covers (0-based).
_AGGREGATES: dict[str, tuple[int, ...]] = {"H1": (0, 1), "9M": (0, 1, 2), "Y": (0, 1, 2, 3)}

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:/(\d{2}))?$")
_YEAR = re.compile(r"^(\d{4})$")


def check_vintage(vintage: str) -> Vintage:
    """Validate a ``vintage`` option with the package's one error shape."""
    if vintage not in get_args(Vintage):
        raise ValueError(f"vintage must be one of: {', '.join(repr(v) for v in get_args(Vintage))}")
    return vintage  # type: ignore[return-value]


def published_on(text: str) -> pd.Timestamp:
    """The day by which a figure with this ``release_date`` was certainly published.

    Examples
    --------
    >>> str(published_on("2013-12-23").date()), str(published_on("2014-09").date())
    ('2013-12-23', '2014-09-30')
    >>> str(published_on("2025").date()), str(published_on("2025-09/10").date())
    ('2025-12-31', '2025-10-31')
    """
    s = text.strip()
    if _DAY.match(s):
        return pd.Timestamp(s)
    m = _MONTH.match(s)
    if m:
        month = m.group(3) or m.group(2)
        return pd.Period(f"{m.group(1)}-{month}", freq="M").end_time.normalize()
    m = _YEAR.match(s)
    if m:
        return pd.Timestamp(f"{m.group(1)}-12-31")
    raise InputError("a release date must read YYYY-MM-DD, YYYY-MM or YYYY", text=text)


def growth_releases() -> pd.DataFrame:
    """Every published vintage of national GDP growth (total), with its publication day.

    Returns
    -------
    pandas.DataFrame
        ``year``, ``period`` (one of :data:`PERIODS`), ``value`` (growth on the
        same period of the previous year, %), ``release``, ``release_date`` (as
        printed), ``published`` (:func:`published_on`), ``source_url``, ``note``;
        sorted by year, period and publication day.
    """
    return _vintages("total").drop(columns="source_title")


def _vintages(sector: str) -> pd.DataFrame:
    """Every published vintage of one sector's growth, sorted by year, period and publication day.

    On one day the ``first`` release comes before other vintages; otherwise the
    file's order is kept. So the first row of a (year, period) is its first
    release (the earliest published vintage where the file has no ``first``).
    """
    frame = national_releases()
    keep = (frame["sector"] == sector) & (frame["measure"] == "growth_yoy_pct") & frame["period"].isin(PERIODS)
    columns = ["year", "period", "value", "release", "release_date", "source_url", "note", "source_title"]
    out = frame.loc[keep, columns].copy()
    published = []
    for i, text in zip(out.index, out["release_date"], strict=True):
        try:
            published.append(published_on(text))
        except InputError as err:
            raise err.at(file="national_gdp_releases.csv", row=int(i) + 2, column="release_date") from None
    out["published"] = pd.DatetimeIndex(published)
    out["_rank"] = (out["release"] != "first").astype("int64")
    out = out.sort_values(["year", "period", "published", "_rank"], kind="stable")
    return out.drop(columns="_rank").reset_index(drop=True)


def nine_month_release(year: int, releases: pd.DataFrame | None = None) -> pd.Timestamp:
    """The day the 9-month growth of ``year`` was first published: a backtest's origin.

    The ``first`` 9-month row's date; failing that, the earliest date within
    ``year`` on which a 9-month figure of ``year`` was quoted.

    Examples
    --------
    >>> str(nine_month_release(2024).date())  # GSO release of 2024-10-06
    '2024-10-06'
    >>> str(nine_month_release(2015).date())  # no first release in the file: CIEM's quote
    '2015-10-26'
    """
    r = growth_releases() if releases is None else releases
    nine = r[(r["year"] == year) & (r["period"] == "9M")]
    first = nine[nine["release"] == "first"]
    if len(first):
        return pd.Timestamp(first["published"].min())
    within = nine[nine["published"].dt.year == year]
    if len(within):
        return pd.Timestamp(within["published"].min())
    raise ValueError(f"no 9-month growth of {year} was published within {year} in national_gdp_releases.csv")


def as_of(date: pd.Timestamp | str, *, vintage: Vintage = "first", releases: pd.DataFrame | None = None) -> pd.DataFrame:
    """National growth figures as published by ``date``: one value per year and period.

    Parameters
    ----------
    date : Timestamp or str
        The day the figures are looked at (inclusive).
    vintage : {"first", "latest"}
        Of the vintages published by ``date``, the earliest (first release) or
        the latest (as revised by then).
    releases : DataFrame, optional
        :func:`growth_releases` (read when not given).

    Returns
    -------
    pandas.DataFrame
        Index ``year``; columns :data:`PERIODS`; NaN where nothing was published.

    Examples
    --------
    >>> t = as_of("2014-09-30")
    >>> float(t.loc[2014, "Q1"]), float(as_of("2014-09-30", vintage="latest").loc[2014, "Q1"])
    (4.96, 5.09)
    >>> bool(np.isnan(t.loc[2014, "Y"]))  # the 2014 annual figure came in December
    True
    """
    vintage = check_vintage(vintage)
    r = growth_releases() if releases is None else releases
    known = r[r["published"] <= pd.Timestamp(date)]
    grouped = known.groupby(["year", "period"], sort=True)["value"]
    values = grouped.first() if vintage == "first" else grouped.last()
    table = values.unstack("period").reindex(columns=list(PERIODS))
    table.columns.name = None
    return table.astype("float64")


class QuarterlyGrowth(NamedTuple):
    """Quarterly growth on a ``PeriodIndex`` and whether each quarter was derived."""

    values: pd.Series
    derived: pd.Series


def quarterly_growth(
    table: pd.DataFrame,
    *,
    through: pd.Period | str,
    weights: tuple[float, float, float, float] = NATIONAL_QUARTER_WEIGHTS,
) -> QuarterlyGrowth:
    """Quarterly growth from the first year of ``table`` through quarter ``through``.

    Quarters missing from ``table`` are derived through the period identity
    ``g_agg Σ_{q∈agg} w(q) = Σ_{q∈agg} w(q) g(q)`` from the year's published
    aggregates (H1, 9M, Y) covering them: the unknown quarters are the
    least-squares solution nearest (in the weighted norm ``Σ w (x - m)²``) to
    ``m``, the smallest published aggregate containing each — so two quarters
    known only through one aggregate share its implied growth.

    Parameters
    ----------
    table : DataFrame
        As returned by :func:`as_of`.
    through : Period or str
        Last quarter wanted (e.g. ``"2025Q3"``).
    weights : 4 floats
        Previous-year quarterly weights.

    Raises
    ------
    ValueError
        When a quarter cannot be derived (no published aggregate covers it).

    Examples
    --------
    Q3 2013 was first printed in December; at the 9-month release it follows from
    the 9 months (5,14), Q1 (4,89) and Q2 (5,00), the ministry's estimates:

    >>> from grdp.vintages import as_of, nine_month_release
    >>> q = quarterly_growth(as_of(nine_month_release(2013)), through="2013Q3")
    >>> round(float(q.values["2013Q3"]), 2), bool(q.derived["2013Q3"])
    (5.51, True)
    """
    last = pd.Period(through, freq="Q")
    w = np.asarray(weights, dtype="float64")
    first_year = int(table.index.min())
    values: list[float] = []
    derived: list[bool] = []
    for year in range(first_year, last.year + 1):
        row = table.loc[year] if year in table.index else pd.Series(np.nan, index=list(PERIODS))
        n = QUARTERS_PER_YEAR if year < last.year else last.quarter
        q = row[list(QUARTERS)].to_numpy(dtype="float64")[:n].copy()
        unknown = np.isnan(q)
        if unknown.any():
            q[unknown] = _derive(year, row, q, unknown, w)
        values.extend(q.tolist())
        derived.extend(unknown.tolist())
    index = pd.period_range(f"{first_year}Q1", periods=len(values), freq="Q")
    return QuarterlyGrowth(pd.Series(values, index=index, name="growth"), pd.Series(derived, index=index, name="derived"))


def _derive(year: int, row: pd.Series, q: np.ndarray, unknown: np.ndarray, w: np.ndarray) -> np.ndarray:
    n = len(q)
    rows, rhs = [], []
    for agg, idx in _AGGREGATES.items():
        if np.isnan(row[agg]) or max(idx) >= n or not unknown[list(idx)].any():
            continue
        coef = np.zeros(n)
        coef[list(idx)] = w[list(idx)]
        known = ~unknown
        rows.append(coef[unknown])
        rhs.append(row[agg] * w[list(idx)].sum() - float(np.sum(coef[known] * q[known])))
    prior = []
    for i in np.flatnonzero(unknown):
        covering = [row[a] for a, idx in _AGGREGATES.items() if i in idx and max(idx) < n and not np.isnan(row[a])]
        if not covering:
            raise ValueError(f"{year}Q{i + 1}: no published quarter or aggregate covers it")
        prior.append(covering[0])
    # Least squares nearest the prior in the weighted norm Σ w (x - m)²: unknowns under one
    # aggregate then move by the same amount, i.e. share its implied growth.
    a, b, m = np.array(rows), np.array(rhs), np.array(prior)
    d = np.diag(1 / np.sqrt(w[:n][unknown]))
    return m + d @ np.linalg.pinv(a @ d) @ (b - a @ m)


# --------------------------------------------------------------------------------------------
# Revisions of a published figure
# --------------------------------------------------------------------------------------------

RevisionHorizon = Literal["annual_release", "next", "latest"]
"""How long after its first release a figure's revision is measured (see :func:`revisions`)."""
REVISION_HORIZONS: tuple[str, ...] = get_args(RevisionHorizon)
REVISION_COLUMNS = (
    "year", "first", "first_release", "first_date", "later", "later_release", "later_date", "revision", "first_url", "later_url",
)
"""The columns of :func:`revisions` at every horizon (``annual_release`` adds ``q4`` and ``annual``)."""


def revisions(
    period: str = "9M",
    *,
    horizon: RevisionHorizon,
    sector: str = "total",
    published_by: pd.Timestamp | str | None = None,
    q4_weight: float | None = None,
) -> pd.DataFrame:
    """How much national growth figures of ``period`` moved after their first release, at ``horizon``.

    The single definition of a revision in grdp: the forecasts' intervals
    (:class:`Revision`, through :func:`national_origin`) and the Monte Carlo
    (:func:`grdp.datasets.revision_errors`) both read it.

    Parameters
    ----------
    period : str
        ``"9M"`` (default), ``"Y"``, ``"H1"`` or a quarter ``"Q1"``–``"Q4"``.
    horizon : {"annual_release", "next", "latest"}
        Required: a revision means nothing without the day it is measured at.

        ``"annual_release"`` (9 months of GDP only)
            The 9 months as the year's **first annual release** implies them,
            less the first 9-month figure. The annual release (late December /
            early January) publishes Q4 and the year with revised Q1–Q3 but
            does not reprint the 9 months, so they come from the period
            identity with the first annual and Q4 figures:
            ``g9M_implied = (gY − w4 g4) / (1 − w4)``. Horizon: one quarter.
            **This is the horizon that matters for judging the annual target**:
            the target is judged, and the forecasts are scored, against the
            first annual release, so the part of it a 9-month figure does not
            yet know is this revision. The forecasts carry it.
        ``"next"``
            The next vintage of the *printed* figure after the first: usually
            the figure as re-quoted in the next year's release (2023's 9 months:
            4,24 → 4,40 in October 2024). Horizon: about a year. The ordinary
            revision of the figure itself.
        ``"latest"``
            The latest vintage in the file: adds the re-evaluations of the whole
            series (2022's 9 months: 8,83 → 9,44, re-quoted in October 2025).
    sector : str
        ``"total"`` (GDP, default) or a sector key of the national file
        (``"next"`` and ``"latest"`` only).
    published_by : Timestamp or str, optional
        Use only vintages published by this day (e.g. a forecast origin,
        :func:`nine_month_release`); default: every vintage in the file.
    q4_weight : float, optional
        ``w4`` in the identity (``"annual_release"``); default
        ``NATIONAL_QUARTER_WEIGHTS[3]`` (0,271).

    Returns
    -------
    pandas.DataFrame
        One row per year with a first figure and a later one, sorted by year:
        :data:`REVISION_COLUMNS` — ``year``, ``first``, ``first_release``,
        ``first_date``, ``later``, ``later_release``, ``later_date``,
        ``revision`` (``later − first``, points), ``first_url``,
        ``later_url``. With ``"annual_release"``, *later* is the implied
        9 months and its release, date and URL are the annual figure's; the
        columns ``q4`` and ``annual`` (first releases) follow.

    Notes
    -----
    *First release*: the earliest published vintage of the figure (the
    vintage labelled ``first`` wins a tie on the same day) — the one
    :func:`as_of` reads with ``vintage="first"``. Where the file has no
    ``first`` row it is the earliest quote (2013: the ministry's September
    estimate; 2015: CIEM's quote of 26 October). Dates ``YYYY-MM`` count as the
    month's last day (:func:`published_on`).

    ``"next"`` and ``"latest"`` leave out vintages at 1994 prices (2011–2012
    first releases): a change of price base is not a revision of a printed
    figure; printed to 0,01, their revisions are rounded to 1e-6 to drop float
    noise. ``"annual_release"`` takes the three first releases as published,
    whatever their base (2011–2012 all at 1994 prices; 2013 bridges the switch
    to 2010 prices), because that is the figure the year is judged by; years
    without a printed Q4 (2015) have no implied 9 months. The implied revision
    is not rounded. For 2011 the file's earliest 9-month figure is a quote of
    September 2012 (5,76, 1994 prices): the first release itself is missing.

    What the national 9 months give (every vintage on file, to January 2026;
    points, sd with ddof 1):

    ==================  =====================================  ==  ======  =====
    horizon             years                                  n   mean    sd
    ==================  =====================================  ==  ======  =====
    ``annual_release``  2011–2025 (no Q4 printed for 2015)     14  +0,083  0,076
    ``annual_release``  2011–2024, as published by 2025-10-06  13  +0,089  0,075
    ``next``            2013–2023 (no later 2019 vintage)      10  +0,051  0,083
    ``latest``          2013–2023                              10  +0,097  0,196
    ==================  =====================================  ==  ======  =====

    The second row is what the 2025 forecast knew at its origin (2025's own
    revision is the unknown it carries). ``next`` and ``latest`` differ only for 2022.

    Examples
    --------
    2024: first 9 months 6,82 % (GSO, 2024-10-06); the first annual release
    (2025-01-06) printed Q4 7,55 % and the year 7,09 %, which imply 9 months of
    (7,09 − 0,271 · 7,55) / 0,729 = 6,919 %, 0,099 point above the first 9 months:

    >>> r = revisions("9M", horizon="annual_release").set_index("year")
    >>> r.loc[2024, ["first", "q4", "annual"]].tolist(), round(float(r.loc[2024, "revision"]), 4)
    ([6.82, 7.55, 7.09], 0.099)
    >>> revisions("9M", horizon="next").set_index("year").loc[2023, ["first", "later", "revision"]].tolist()
    [4.24, 4.4, 0.16]
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of: {', '.join(repr(p) for p in PERIODS)}")
    if horizon not in REVISION_HORIZONS:
        raise ValueError(f"horizon must be one of: {', '.join(repr(h) for h in REVISION_HORIZONS)}")
    if horizon == "annual_release" and (period, sector) != ("9M", "total"):
        raise ValueError("horizon 'annual_release' is measured for period '9M' of sector 'total' only")
    w4 = scaled_weights(q4_weight)[3]
    vintages = _vintages(sector)
    if vintages.empty:
        sectors = sorted(national_releases().query("measure == 'growth_yoy_pct'")["sector"].unique())
        raise ValueError(f"sector must be one of: {', '.join(repr(x) for x in sectors)}")
    if published_by is not None:
        vintages = vintages[vintages["published"] <= pd.Timestamp(published_by)]
    if horizon == "annual_release":
        return _annual_release_revisions(vintages, w4)
    return _later_vintage_revisions(vintages[vintages["period"] == period], horizon)


def _pair(year: int, first: pd.Series, later: pd.Series, later_value: float, revision: float) -> dict[str, object]:
    return {
        "year": int(year),
        "first": float(first["value"]),
        "first_release": first["release"],
        "first_date": first["release_date"],
        "later": later_value,
        "later_release": later["release"],
        "later_date": later["release_date"],
        "revision": revision,
        "first_url": first["source_url"],
        "later_url": later["source_url"],
    }


def _later_vintage_revisions(vintages: pd.DataFrame, horizon: str) -> pd.DataFrame:
    at_1994 = vintages["note"].str.contains("1994") | vintages["source_title"].str.contains("1994")
    rows = []
    for year, group in vintages[~at_1994].groupby("year", sort=True):
        first = group.iloc[0]
        after = group[group["published"] > first["published"]]
        if after.empty:
            continue
        later = after.iloc[0] if horizon == "next" else after.iloc[-1]
        value = float(later["value"])
        rows.append(_pair(year, first, later, value, round(value - float(first["value"]), 6)))  # printed to 0,01
    return pd.DataFrame(rows, columns=list(REVISION_COLUMNS))


def _implied_nine_months(q4: pd.Series, annual: pd.Series, q4_weight: float) -> pd.Series:
    """``(gY − w4 g4) / (1 − w4)``: the 9 months an annual release implies (the identity solved for them)."""
    return required_growth(q4, annual, rest_weight=1 - q4_weight)


def _annual_release_revisions(vintages: pd.DataFrame, q4_weight: float) -> pd.DataFrame:
    first = vintages.drop_duplicates(["year", "period"], keep="first")  # sorted: each figure's first release
    by = {p: first[first["period"] == p].set_index("year") for p in ("9M", "Q4", "Y")}
    years = sorted(set(by["9M"].index) & set(by["Q4"].index) & set(by["Y"].index))
    nine, q4, annual = (by[p].loc[years] for p in ("9M", "Q4", "Y"))
    implied = _implied_nine_months(q4["value"], annual["value"], q4_weight)
    revision = implied - nine["value"]
    rows = [
        _pair(y, nine.loc[y], annual.loc[y], float(implied[y]), float(revision[y]))
        | {"q4": float(q4.loc[y, "value"]), "annual": float(annual.loc[y, "value"])}
        for y in years
    ]
    return pd.DataFrame(rows, columns=[*REVISION_COLUMNS, "q4", "annual"])


# --------------------------------------------------------------------------------------------
# What a forecaster knows at an origin
# --------------------------------------------------------------------------------------------

MIN_PAST_YEARS = 2
"""Fewest complete past years (9 months and year) an origin must hold."""


@dataclass(frozen=True)
class Revision:
    """The revision of the 9-month figure at one horizon, in points: mean, sd (ddof 1), years.

    Measured by :func:`revisions`; the forecasts use ``horizon="annual_release"``,
    ``r(y) = g9M(y) implied by the first annual release − g9M(y) first released``.
    Fewer than :data:`MIN_PAST_YEARS` years give no revision (0 ± 0).
    """

    mean: float
    sd: float
    n: int
    horizon: RevisionHorizon = "annual_release"

    @classmethod
    def measure(
        cls,
        *,
        horizon: RevisionHorizon = "annual_release",
        published_by: pd.Timestamp | str | None = None,
        q4_weight: float | None = None,
    ) -> Revision:
        """Summarise :func:`revisions` of the national 9 months at ``horizon``.

        >>> r = Revision.measure(published_by="2025-10-06")  # what the 2025 forecast knew
        >>> r.n, round(r.mean, 3), round(r.sd, 3)
        (13, 0.089, 0.075)
        """
        r = revisions("9M", horizon=horizon, published_by=published_by, q4_weight=q4_weight)
        return cls._of(r["revision"], horizon)

    @classmethod
    def from_past(cls, past: pd.DataFrame, q4_weight: float) -> Revision:
        """The annual-release revision from a ``past`` table (columns ``nine_months``, ``q4``, ``annual``)."""
        p = past.dropna(subset=["nine_months", "q4", "annual"])
        return cls._of(_implied_nine_months(p["q4"], p["annual"], q4_weight) - p["nine_months"], "annual_release")

    @classmethod
    def _of(cls, values: pd.Series | Sequence[float], horizon: RevisionHorizon) -> Revision:
        r = np.asarray(values, dtype="float64")
        if len(r) < MIN_PAST_YEARS:
            return cls(0.0, 0.0, len(r), horizon)
        return cls(float(r.mean()), float(r.std(ddof=1)), len(r), horizon)


@dataclass(frozen=True)
class Origin:
    """Everything a forecast of one year may use, as known at its 9-month release.

    Attributes
    ----------
    year : int
        The year forecast.
    growth_9m : float
        Its 9-month growth, %.
    past : DataFrame
        One row per earlier year (index ``year``): ``nine_months``, ``q3``, ``q4``,
        ``annual`` — the first releases known at the origin (NaN where unknown).
    quarters : Series or None
        Quarterly growth through Q3 of ``year`` (``PeriodIndex``), or ``None``
        when the history lacks the year's quarters.
    derived : Series or None
        Which of ``quarters`` were derived through the period identity.
    revision : Revision
        The 9-month figure's revision by the first annual release, from the
        vintages published by the origin (:func:`revisions`).
    weights : 4 floats
        Previous-year quarterly weights; ``weights[3]`` is the Q4 weight.
    date : Timestamp or None
        The origin day (the 9-month release) for the national history.
    source : str
        Where the history comes from (file name, with the quarters it spans
        for a user's history), for the summaries.
    vintage : {"first", "latest"}
        Which vintage the quarterly series holds (national history).
    """

    year: int
    growth_9m: float
    past: pd.DataFrame
    quarters: pd.Series | None
    derived: pd.Series | None
    revision: Revision
    weights: tuple[float, float, float, float]
    date: pd.Timestamp | None
    source: str
    vintage: Vintage = "first"

    @property
    def q4_weight(self) -> float:
        return self.weights[3]


def scaled_weights(q4_weight: float | None) -> tuple[float, float, float, float]:
    """The national quarterly weights with Q4 set to ``q4_weight`` and Q1–Q3 rescaled to sum to 1.

    >>> scaled_weights(None) == NATIONAL_QUARTER_WEIGHTS
    True
    >>> [round(w, 4) for w in scaled_weights(0.32)]
    [0.2183, 0.2257, 0.236, 0.32]
    """
    if q4_weight is None:
        return NATIONAL_QUARTER_WEIGHTS
    w4 = float(q4_weight)
    if not 0 < w4 < 1:
        raise ValueError("q4_weight must be in (0, 1): Q4's share of the previous year")
    k = (1 - w4) / (1 - NATIONAL_QUARTER_WEIGHTS[3])
    w = [x * k for x in NATIONAL_QUARTER_WEIGHTS[:3]]
    return (w[0], w[1], w[2], w4)


def _past_table(table: pd.DataFrame, year: int) -> pd.DataFrame:
    past = table.loc[table.index < year, ["9M", "Q3", "Q4", "Y"]]
    past = past.rename(columns={"9M": "nine_months", "Q3": "q3", "Q4": "q4", "Y": "annual"})
    past.index.name = "year"
    return past


def latest_nine_month_year(releases: pd.DataFrame | None = None) -> int:
    """The latest year whose 9-month growth is in the national file."""
    r = growth_releases() if releases is None else releases
    return int(r.loc[r["period"] == "9M", "year"].max())


def national_origin(
    year: int | None = None, *, vintage: Vintage = "first", q4_weight: float | None = None
) -> Origin:
    """What was known about national growth on the day ``year``'s 9-month figure came out.

    Parameters
    ----------
    year : int, optional
        Default: the latest year with a 9-month release (2025).
    vintage : {"first", "latest"}
        For the quarterly series the models read: first releases (default), or
        the figures as revised by the origin. The ``past`` table — the record
        baselines and revisions are estimated from — always holds first releases.
    q4_weight : float, optional
        Q4's previous-year weight (default ``NATIONAL_QUARTER_WEIGHTS[3]``).

    Examples
    --------
    >>> o = national_origin(2025)
    >>> str(o.date.date()), o.growth_9m, len(o.past)  # GSO, 2025-10-06: 9 months 7,85 %
    ('2025-10-06', 7.85, 14)
    >>> float(o.quarters["2025Q3"]), bool(np.isnan(o.past.loc[2024, "annual"]))
    (8.23, False)
    """
    vintage = check_vintage(vintage)
    releases = growth_releases()
    year = latest_nine_month_year(releases) if year is None else int(year)
    date = nine_month_release(year, releases)
    weights = scaled_weights(q4_weight)
    first = as_of(date, vintage="first", releases=releases)
    table = first if vintage == "first" else as_of(date, vintage=vintage, releases=releases)
    q = quarterly_growth(table, through=f"{year}Q3", weights=weights)
    past = _past_table(first, year)
    if past[["nine_months", "annual"]].dropna().shape[0] < MIN_PAST_YEARS:
        raise ValueError(f"an origin needs at least {MIN_PAST_YEARS} past years with 9 months and year; {year} has fewer")
    return Origin(
        year=year,
        growth_9m=float(first.loc[year, "9M"]),
        past=past,
        quarters=q.values,
        derived=q.derived,
        revision=Revision.measure(horizon="annual_release", published_by=date, q4_weight=weights[3]),
        weights=weights,
        date=date,
        source="national_gdp_releases.csv",
        vintage=vintage,
    )


# --------------------------------------------------------------------------------------------
# A user's own quarterly history
# --------------------------------------------------------------------------------------------

HISTORY_COLUMNS = ("period", "growth_yoy_pct")
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$", re.IGNORECASE)


def read_history(source: str | Path | pd.DataFrame | pd.Series) -> pd.Series:
    """Read a province's quarterly growth history.

    The file format: a CSV (UTF-8) with a header and two columns,

    ``period``
        a quarter written ``2023Q1`` (``2023-Q1`` also reads);
    ``growth_yoy_pct``
        growth on the same quarter of the previous year, in % (``8.22``, or
        ``"8,22"`` quoted; a ``%`` sign is allowed).

    One row per quarter, in any order, without gaps or repeats. Other columns
    are ignored. A DataFrame with those columns, or a Series on a quarterly
    ``PeriodIndex``, is accepted as is.

    Returns
    -------
    pandas.Series
        Growth on a ``PeriodIndex`` (freq ``"Q"``), sorted, named ``growth``.

    Raises
    ------
    InputError
        Naming the file, row (header = 1), column and text: a missing column,
        a period that is not a quarter, a value that is not one number, a
        repeated or missing quarter.

    Examples
    --------
    >>> h = read_history(pd.DataFrame({"period": ["2024Q2", "2024Q1"], "growth_yoy_pct": ["8,74", "6.07"]}))
    >>> h.index.astype(str).tolist(), h.tolist()
    (['2024Q1', '2024Q2'], [6.07, 8.74])
    """
    if isinstance(source, pd.Series):
        return _check_history(source.astype("float64").rename("growth"), name="history")
    if isinstance(source, pd.DataFrame):
        frame, name = source.astype(str), "history"
    else:
        path = Path(source)
        name = path.name
        if not path.is_file():
            raise InputError("no such file", file=str(path))
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (UnicodeDecodeError, pd.errors.ParserError) as err:
            raise InputError(f"not a UTF-8 CSV file ({err.__class__.__name__})", file=name) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in HISTORY_COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(
            f"the header must name the columns {', '.join(HISTORY_COLUMNS)}; missing: {', '.join(missing)}",
            file=name,
            row=1,
        )
    if frame.empty:
        raise InputError("no quarters in the file", file=name)
    periods, values = [], []
    for i, (p, v) in enumerate(zip(frame["period"], frame["growth_yoy_pct"], strict=True)):
        row = i + 2
        m = _QUARTER.match(str(p).strip())
        if not m:
            raise InputError("a period must be a quarter written like 2023Q1", text=str(p), file=name, row=row, column="period")
        try:
            pv = parse_value(v, unit="%")
        except InputError as err:
            raise err.at(file=name, row=row, column="growth_yoy_pct") from None
        if pv.bound != "exact" or pv.low is None:
            raise InputError("growth must be one number (no range, bound or blank)", text=str(v), file=name, row=row, column="growth_yoy_pct")
        period = pd.Period(year=int(m.group(1)), quarter=int(m.group(2)), freq="Q")
        if period in periods:
            raise InputError("this quarter is given twice", text=str(p), file=name, row=row, column="period")
        periods.append(period)
        values.append(pv.low)
    series = pd.Series(values, index=pd.PeriodIndex(periods, freq="Q"), name="growth").sort_index()
    return _check_history(series, name=name)


def _check_history(series: pd.Series, *, name: str) -> pd.Series:
    if not isinstance(series.index, pd.PeriodIndex) or series.index.freqstr[0] != "Q":
        raise InputError("a history needs quarters (a PeriodIndex with freq 'Q')", file=name)
    series = series.sort_index()
    if series.index.has_duplicates:
        raise InputError("a quarter is given twice", text=str(series.index[series.index.duplicated()][0]), file=name)
    full = pd.period_range(series.index[0], series.index[-1], freq="Q")
    gaps = full.difference(series.index)
    if len(gaps):
        raise InputError(f"quarters are missing: {', '.join(str(g) for g in gaps)}", file=name, column="period")
    if series.isna().any():
        raise InputError("a growth value is missing", text=str(series.index[series.isna()][0]), file=name)
    return series


def history_origin(
    history: str | Path | pd.DataFrame | pd.Series,
    growth_9m: float,
    *,
    q4_weight: float | None = None,
) -> Origin:
    """An origin built from a user's own quarterly history (see :func:`read_history`).

    The year forecast is the year of the last quarter when the history ends in
    Q1–Q3 (its quarters feed the statistical methods), or the year after when
    it ends in Q4. Complete years give the past record: the 9 months through
    the period identity with :func:`scaled_weights`, Q3, Q4 and the year. A
    province's history carries no vintages: the revision of the 9-month figure
    is borrowed from the national first releases.

    Examples
    --------
    >>> h = pd.Series([8.0, 8.0, 8.0, 10.0] * 2 + [9.0, 9.0, 9.0],
    ...               index=pd.period_range("2022Q1", periods=11, freq="Q"))
    >>> o = history_origin(h, 9.0)
    >>> o.year, o.past["annual"].round(3).tolist()  # 0,729·8 + 0,271·10
    (2024, [8.542, 8.542])
    """
    name = Path(history).name if isinstance(history, (str, Path)) else "history"
    series = read_history(history)
    weights = scaled_weights(q4_weight)
    last = series.index[-1]
    year = last.year + 1 if last.quarter == QUARTERS_PER_YEAR else last.year
    rows = {}
    for y, g in series.groupby(series.index.year):
        if len(g) < QUARTERS_PER_YEAR:
            continue
        w = pd.Series(np.tile(weights, 1), index=g.index)
        ytd = ytd_growth(g, w)
        rows[int(y)] = {"nine_months": float(ytd.iloc[2]), "q3": float(g.iloc[2]), "q4": float(g.iloc[3]), "annual": float(ytd.iloc[3])}
    past = pd.DataFrame.from_dict(rows, orient="index", columns=["nine_months", "q3", "q4", "annual"])
    past.index.name = "year"
    if len(past) < MIN_PAST_YEARS:
        raise InputError(f"the history needs at least {MIN_PAST_YEARS} complete years (Q1–Q4); it has {len(past)}", file=name)
    through_q3 = last.quarter == 3
    national = national_origin()
    return Origin(
        year=year,
        growth_9m=float(growth_9m),
        past=past,
        quarters=series if through_q3 else None,
        derived=pd.Series(False, index=series.index, name="derived") if through_q3 else None,
        revision=national.revision,
        weights=weights,
        date=None,
        source=f"{name}, {series.index[0]}–{last}",
    )
