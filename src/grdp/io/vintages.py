"""Release vintages: which national growth figures were published by a given day.

The national file keeps every published vintage of a figure (the ``release``
column: ``first``, ``as_quoted_in_9M_release``, ``updated_in_annual_release``,
``revised_*``, ``mpi_estimate`` …). A forecast made at the 9-month release of a
year may only use what was published by then; this module answers "what was
known on day D", so that a backtest never peeks.

Definitions (used by :func:`grdp.forecast.backtesting.backtest`):

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
(:func:`national_quarter_weights`), and flagged as derived
(:func:`quarterly_growth`). When two quarters share one aggregate (Q1 and Q2
from the 9 months and Q3) they are given the same growth.

**Revisions.** :func:`revisions` is the one place a revision of a published
figure is measured, at an explicit horizon: by the year's first annual release
(what the forecasts carry, :class:`grdp.forecast.origin.Revision`), by the
figure's next published vintage, or by its latest one.

2011–2012 figures as first released are at 1994 prices; from the 2013 annual
release on, growth is measured at 2010 prices. A backtest standing in 2013
sees the 1994-price figures, because that is what had been published.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple, get_args

import numpy as np
import pandas as pd

from grdp.core.errors import InputError
from grdp.core.periods import QUARTERS_PER_YEAR, required_growth
from grdp.core.typing import RevisionHorizon, Vintage
from grdp.core.validation import check_literal, check_weight
from grdp.io.assumptions import assumptions
from grdp.io.datasets import DATASETS, national_releases
from grdp.io.filecache import read_once
from grdp.io.paths import raw_dir

__all__ = [
    "national_quarter_weights",
    "PERIODS",
    "published_on",
    "growth_releases",
    "nine_month_release",
    "as_of",
    "QuarterlyGrowth",
    "quarterly_growth",
    "check_vintage",
    "REVISION_HORIZONS",
    "REVISION_COLUMNS",
    "revisions",
    "implied_nine_months",
    "scaled_weights",
    "latest_nine_month_year",
]


QUARTERS = ("Q1", "Q2", "Q3", "Q4")
PERIODS = (*QUARTERS, "H1", "9M", "Y")
"""Periods of the growth table: the quarters, half-year, 9 months and year."""

# Which quarters each aggregate covers (0-based).
_AGGREGATES: dict[str, tuple[int, ...]] = {"H1": (0, 1), "9M": (0, 1, 2), "Y": (0, 1, 2, 3)}

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:/(\d{2}))?$")
_YEAR = re.compile(r"^(\d{4})$")


def national_quarter_weights() -> tuple[float, float, float, float]:
    """Previous-year quarterly weights of national GDP, Q1–Q4 (sum 1), from ``data/raw/assumptions.csv``.

    The 2013–2024 means, rounded to 0,001, of ``Q(q, y-1) / Σ_k Q(k, y-1)`` at
    constant 2010 prices, from the statistics office's quarterly national
    accounts; year by year the Q4 weight ran from 0,260 (2013) to 0,282 (2024).
    """
    return assumptions().national_quarter_weights


def check_vintage(vintage: str) -> Vintage:
    """Validate a ``vintage`` option with the package's one error shape."""
    return check_literal("vintage", vintage, Vintage)


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
    Worked out once per process and sector while the national file is unchanged.
    """
    return _sector_vintages(raw_dir() / DATASETS["national_releases"].file, sector)


@read_once
def _sector_vintages(path: Path, sector: str) -> pd.DataFrame:
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
    weights: tuple[float, float, float, float] | None = None,
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
    weights : 4 floats, optional
        Previous-year quarterly weights; default :func:`national_quarter_weights`.

    Raises
    ------
    ValueError
        When a quarter cannot be derived (no published aggregate covers it).

    Examples
    --------
    Q3 2013 was first printed in December; at the 9-month release it follows from
    the 9 months (5,14), Q1 (4,89) and Q2 (5,00), the ministry's estimates:

    >>> from grdp.io.vintages import as_of, nine_month_release
    >>> q = quarterly_growth(as_of(nine_month_release(2013)), through="2013Q3")
    >>> round(float(q.values["2013Q3"]), 2), bool(q.derived["2013Q3"])
    (5.51, True)
    """
    last = pd.Period(through, freq="Q")
    w = np.asarray(national_quarter_weights() if weights is None else weights, dtype="float64")
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
    (:class:`grdp.forecast.origin.Revision`) and the Monte Carlo
    (:func:`grdp.sensitivity.montecarlo.national_revisions`) both read it.

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
        the national Q4 weight (:func:`national_quarter_weights`).

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


def implied_nine_months(q4: pd.Series, annual: pd.Series, q4_weight: float) -> pd.Series:
    """``(gY − w4 g4) / (1 − w4)``: the 9 months an annual release implies (the identity solved for them)."""
    return required_growth(q4, annual, rest_weight=1 - q4_weight)


def _annual_release_revisions(vintages: pd.DataFrame, q4_weight: float) -> pd.DataFrame:
    first = vintages.drop_duplicates(["year", "period"], keep="first")  # sorted: each figure's first release
    by = {p: first[first["period"] == p].set_index("year") for p in ("9M", "Q4", "Y")}
    years = sorted(set(by["9M"].index) & set(by["Q4"].index) & set(by["Y"].index))
    nine, q4, annual = (by[p].loc[years] for p in ("9M", "Q4", "Y"))
    implied = implied_nine_months(q4["value"], annual["value"], q4_weight)
    revision = implied - nine["value"]
    rows = [
        _pair(y, nine.loc[y], annual.loc[y], float(implied[y]), float(revision[y]))
        | {"q4": float(q4.loc[y, "value"]), "annual": float(annual.loc[y, "value"])}
        for y in years
    ]
    return pd.DataFrame(rows, columns=[*REVISION_COLUMNS, "q4", "annual"])


def scaled_weights(q4_weight: float | None) -> tuple[float, float, float, float]:
    """The national quarterly weights with Q4 set to ``q4_weight`` and Q1–Q3 rescaled to sum to 1.

    >>> scaled_weights(None) == national_quarter_weights()
    True
    >>> [round(w, 4) for w in scaled_weights(0.32)]
    [0.2183, 0.2257, 0.236, 0.32]
    """
    national = national_quarter_weights()
    if q4_weight is None:
        return national
    w4 = check_weight("q4_weight", q4_weight, what="Q4's share of the previous year", closed=False)
    k = (1 - w4) / (1 - national[3])
    w = [x * k for x in national[:3]]
    return (w[0], w[1], w[2], w4)


def latest_nine_month_year(releases: pd.DataFrame | None = None) -> int:
    """The latest year whose 9-month growth is in the national file."""
    r = growth_releases() if releases is None else releases
    return int(r.loc[r["period"] == "9M", "year"].max())
