"""What a forecast of one year may use, as known at its 9-month release: an :class:`Origin`.

An origin holds the year's 9-month growth, the past record of first releases
(9 months, Q3, Q4, year), the quarterly series through Q3 where the history
has it, the revision the 9-month figure can expect by the first annual release
(:class:`Revision`) and the quarterly weights. :func:`national_origin` builds
it from the national releases as published on the day (never later);
:func:`history_origin` from a user's own quarterly file
(:func:`grdp.io.history.read_history`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from grdp.core.errors import InputError
from grdp.core.periods import QUARTERS_PER_YEAR, ytd_growth
from grdp.core.typing import RevisionHorizon, Vintage
from grdp.io.history import read_history
from grdp.io.vintages import (
    as_of,
    check_vintage,
    growth_releases,
    implied_nine_months,
    latest_nine_month_year,
    nine_month_release,
    quarterly_growth,
    revisions,
    scaled_weights,
)

__all__ = ["MIN_PAST_YEARS", "Revision", "Origin", "national_origin", "history_origin"]

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
        return cls._of(implied_nine_months(p["q4"], p["annual"], q4_weight) - p["nine_months"], "annual_release")

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


def _past_table(table: pd.DataFrame, year: int) -> pd.DataFrame:
    past = table.loc[table.index < year, ["9M", "Q3", "Q4", "Y"]]
    past = past.rename(columns={"9M": "nine_months", "Q3": "q3", "Q4": "q4", "Y": "annual"})
    past.index.name = "year"
    return past


def national_origin(
    year: int | None = None, *, vintage: Vintage = "first", q4_weight: float | None = None,
    growth_9m: float | None = None,
) -> Origin:
    """What was known about national growth on the day ``year``'s 9-month figure came out.

    For a year whose 9-month figure is not yet in the national file (a plan for
    next year), the origin stands at the latest release on file: the past record
    holds every year before, no quarter of the year is known (so only the rules
    that need none apply: ``nine_months``, ``mean_gap``), and ``growth_9m`` —
    the 9-month figure forecast from — must be given.

    Parameters
    ----------
    year : int, optional
        Default: the latest year with a 9-month release in the national file.
    vintage : {"first", "latest"}
        For the quarterly series the models read: first releases (default), or
        the figures as revised by the origin. The ``past`` table — the record
        baselines and revisions are estimated from — always holds first releases.
    q4_weight : float, optional
        Q4's previous-year weight (default: the national one, :func:`grdp.io.vintages.national_quarter_weights`).
    growth_9m : float, optional
        The 9-month growth to forecast from for a year the national file does
        not reach yet (required then; ignored otherwise: the origin holds the
        national first release).

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
    latest = latest_nine_month_year(releases)
    year = latest if year is None else int(year)
    if year > latest:
        return _beyond_national_file(year, releases, growth_9m=growth_9m, q4_weight=q4_weight)
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


def _beyond_national_file(year: int, releases: pd.DataFrame, *, growth_9m: float | None,
                          q4_weight: float | None) -> Origin:
    """An origin for a year the national file does not reach: everything published, no quarter of the year."""
    if growth_9m is None:
        raise ValueError(f"the national file has no 9-month figure of {year}: give the 9-month growth to forecast from")
    date = pd.Timestamp(releases["published"].max())
    weights = scaled_weights(q4_weight)
    past = _past_table(as_of(date, vintage="first", releases=releases), year)
    return Origin(
        year=year,
        growth_9m=float(growth_9m),
        past=past,
        quarters=None,
        derived=None,
        revision=Revision.measure(horizon="annual_release", published_by=date, q4_weight=weights[3]),
        weights=weights,
        date=date,
        source="national_gdp_releases.csv",
    )


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
