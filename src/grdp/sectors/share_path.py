"""How a structure moves with sector growth: share paths at constant relative prices.

At constant relative prices a sector's share moves only with growth:
``s'_i = s_i (1 + g_i) / Σ_j s_j (1 + g_j)`` (:func:`next_structure`), and back
(:func:`previous_structure`). Relative price changes enter as factors ``p_i``
on ``(1 + g_i)``. A part of the year has its own structure
(:func:`rest_structure`), and a year's share differs from its 9 months' by a
seasonal gap (:func:`national_seasonal_gaps`); :func:`year_share_from_done`
joins them. Every function here is vectorised: the values of a structure may
be NumPy arrays of draws.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from grdp.io.datasets import national_releases
from grdp.sectors.keys import NON_AGRICULTURE, Structure, as_scalar, check_partition, group_share

__all__ = ["next_structure", "previous_structure", "rest_structure", "national_seasonal_gaps", "year_share_from_done",
           "year_share_by_gap"]


def _apply_growth(structure: Structure, growth: Structure, relative_prices: Structure | None, *, inverse: bool) -> dict[str, Any]:
    keys = check_partition(structure, what="structure")
    missing = [k for k in keys if k not in growth]
    if missing:
        raise ValueError(f"growth is missing for {missing!r}")
    vals = {k: np.asarray(structure[k], dtype="float64") for k in keys}
    total = sum(vals.values())
    moved = {}
    for k in keys:
        factor = 1 + np.asarray(growth[k], dtype="float64") / 100
        if relative_prices is not None and k in relative_prices:
            factor = factor * np.asarray(relative_prices[k], dtype="float64")
        moved[k] = vals[k] / factor if inverse else vals[k] * factor
    new_total = sum(moved.values())
    return {k: as_scalar(v * total / new_total) for k, v in moved.items()}


def _like(structure: Structure, out: dict[str, Any]) -> Any:
    return pd.Series(out, dtype="float64") if isinstance(structure, pd.Series) else out


def next_structure(structure: Structure, growth: Structure, *, relative_prices: Structure | None = None) -> Any:
    """The structure after one period of sector growth.

    ``s'_i = s_i (1 + g_i/100) p_i / Σ_j s_j (1 + g_j/100) p_j``, scaled to the
    input's total (1 or 100).

    Parameters
    ----------
    structure : mapping or Series
        Shares by sector key (the values may be arrays of draws).
    growth : mapping
        Volume growth in % by sector (constant prices), for every key of ``structure``.
    relative_prices : mapping, optional
        Price factor of each sector relative to the others over the period
        (``1.05``: its prices rose 5 % more). Missing keys: 1. Default: constant
        relative prices — current-price shares then move only with volume growth.

    Returns
    -------
    Series if ``structure`` is a Series, otherwise a dict.

    Examples
    --------
    >>> s = next_structure(pd.Series({"agriculture": 20.0, "services": 80.0}), {"agriculture": 0.0, "services": 25.0})
    >>> s.round(6).tolist()
    [16.666667, 83.333333]
    """
    return _like(structure, _apply_growth(structure, growth, relative_prices, inverse=False))


def previous_structure(structure: Structure, growth: Structure, *, relative_prices: Structure | None = None) -> Any:
    """The structure one period before, given this period's structure and growth: the inverse of :func:`next_structure`.

    ``s_i = s'_i / ((1 + g_i/100) p_i)``, renormalised.

    >>> s = previous_structure(pd.Series({"agriculture": 16.0, "services": 84.0}), {"agriculture": 0.0, "services": 5.0})
    >>> s.round(6).tolist()
    [16.666667, 83.333333]
    """
    return _like(structure, _apply_growth(structure, growth, relative_prices, inverse=True))


def rest_structure(structure: Structure, rest_weights: Structure) -> Any:
    """Structure of a part of the year (e.g. Q4 of the previous year) from the annual one.

    With ``w_i`` the part's share of sector i's annual level (its
    :func:`grdp.core.periods.implied_weight`), the part's structure is
    ``s_i w_i / Σ_j s_j w_j``. Sectors missing from ``rest_weights`` take the
    value-added-weighted mean weight of the others (e.g. taxes "like GVA").

    >>> rest_structure({"agriculture": 0.5, "services": 0.5}, {"agriculture": 0.2, "services": 0.3})
    {'agriculture': 0.4, 'services': 0.6}
    """
    keys = check_partition(structure, what="structure")
    known = [k for k in keys if k in rest_weights]
    if not known:
        raise ValueError("rest_weights must give the weight of at least one sector")
    s = {k: np.asarray(structure[k], dtype="float64") for k in keys}
    w = {k: np.asarray(rest_weights[k], dtype="float64") for k in known}
    mean_w = sum(s[k] * w[k] for k in known) / sum(s[k] for k in known)
    prod = {k: s[k] * w.get(k, mean_w) for k in keys}
    total = sum(s.values()) / sum(prod.values())
    return _like(structure, {k: as_scalar(v * total) for k, v in prod.items()})


def national_seasonal_gaps() -> pd.Series:
    """Year minus 9-month share of industry + construction + services, national, in points.

    From the national releases' structure at current prices
    (``share_of_GDP_current_pct``, as published in the year's own release or
    quoted in the next year's) for the years with both a 9-month and an annual
    structure. The group share is ``100 - agriculture -
    taxes`` (the 9-month 2017 release's four shares sum to 99,0, so the
    complement is used rather than the sum of the two).

    Examples
    --------
    >>> national_seasonal_gaps().round(2).to_dict()
    {2016: -0.64, 2017: -0.51, 2018: -0.66, 2019: -0.59}
    """
    frame = national_releases()
    rows = frame[(frame["measure"] == "share_of_GDP_current_pct") & frame["period"].isin(["9M", "Y"])
                 & frame["sector"].isin(["agri", "taxes"])]
    table = rows.pivot_table(index=["year", "period"], columns="sector", values="value", aggfunc="first").dropna()
    group = 100 - table["agri"] - table["taxes"]
    wide = group.unstack("period").dropna()
    return (wide["Y"] - wide["9M"]).rename("gap_pp")


def _like_gva_current(structure: Mapping[str, Any], growth: Mapping[str, Any]) -> Any:
    """Growth of value added when ``structure`` is the current period's (taxes grow like it)."""
    va = [k for k in structure if k != "taxes"]
    s_va = sum(np.asarray(structure[k], dtype="float64") for k in va)
    inv = sum(np.asarray(structure[k], dtype="float64") / (1 + np.asarray(growth[k], dtype="float64") / 100) for k in va)
    return 100 * (s_va / inv - 1)


def _like_gva_previous(structure: Mapping[str, Any], growth: Mapping[str, Any]) -> Any:
    va = [k for k in structure if k != "taxes"]
    s_va = sum(np.asarray(structure[k], dtype="float64") for k in va)
    return sum(np.asarray(structure[k], dtype="float64") * np.asarray(growth[k], dtype="float64") for k in va) / s_va


def year_share_from_done(
    done_structure: Structure,
    done_growth: Structure,
    year_growth: Structure,
    *,
    seasonal_gap: Any = 0.0,
    group: tuple[str, ...] = NON_AGRICULTURE,
    absorb: str = "agriculture",
) -> Any:
    """A group's annual share this year, from its share in the part of the year done and sector growth.

    Three steps, at constant relative prices (a relative price change common to
    the two periods cancels between steps 1 and 3):

    1. last year's structure of the part done: :func:`previous_structure` of
       ``done_structure`` with ``done_growth``;
    2. last year's annual structure: the group's share plus ``seasonal_gap``
       (points; annual minus part-done share), taken from ``absorb``;
    3. this year's annual structure: :func:`next_structure` with ``year_growth``.

    Parameters
    ----------
    done_structure : mapping
        Shares (% or fractions) of the part of the year done, taxes included.
    done_growth, year_growth : mapping
        Volume growth (%) by sector of the part done and of the year. A missing
        ``taxes`` grows like value added.
    seasonal_gap : float or array
        Annual minus part-done group share last year, points (for fractions, in
        fractions); see :func:`seasonal_gap_range`.

    Returns
    -------
    float or numpy.ndarray
        The group's annual share, in the units of ``done_structure``.

    Examples
    --------
    With equal growth everywhere the share only moves by the seasonal gap:

    >>> s = {"agriculture": 14.0, "industry_construction": 55.0, "services": 26.0, "taxes": 5.0}
    >>> g = {"agriculture": 8.0, "industry_construction": 8.0, "services": 8.0}
    >>> round(year_share_from_done(s, g, g), 6), round(year_share_from_done(s, g, g, seasonal_gap=-0.5), 6)
    (81.0, 80.5)
    """
    return year_share_by_gap(done_structure, done_growth, year_growth, group=group, absorb=absorb)(seasonal_gap)


def year_share_by_gap(
    done_structure: Structure,
    done_growth: Structure,
    year_growth: Structure,
    *,
    group: tuple[str, ...] = NON_AGRICULTURE,
    absorb: str = "agriculture",
) -> Callable[[Any], Any]:
    """:func:`year_share_from_done` as a function of the seasonal gap alone: step 1 is done once, here.

    For a search over the gap (:func:`grdp.sectors.share.check_share_target` bisects it): each call
    does steps 2 and 3 only, with the very operations of :func:`year_share_from_done` (which calls
    this), so the shares are the same to the bit.

    >>> s = {"agriculture": 14.0, "industry_construction": 55.0, "services": 26.0, "taxes": 5.0}
    >>> g = {"agriculture": 8.0, "industry_construction": 8.0, "services": 8.0}
    >>> share_at = year_share_by_gap(s, g, g)
    >>> round(share_at(0.0), 6), round(share_at(-0.5), 6)
    (81.0, 80.5)
    """
    keys = check_partition(done_structure, what="structure")
    if absorb in group or absorb not in keys:
        raise ValueError("absorb must be a sector of the structure outside the group")
    g_done = dict(done_growth)
    if "taxes" in keys and "taxes" not in g_done:
        g_done["taxes"] = _like_gva_current(done_structure, g_done)
    prev = previous_structure(dict(done_structure), g_done)
    members = [k for k in keys if k in group]
    share = sum(np.asarray(prev[k]) for k in members)

    def year_share(seasonal_gap: Any) -> Any:
        gap = np.asarray(seasonal_gap, dtype="float64")
        annual = {k: (np.asarray(prev[k]) * (share + gap) / share if k in members else np.asarray(prev[k])) for k in keys}
        annual[absorb] = annual[absorb] - gap
        g_year = dict(year_growth)
        if "taxes" in keys and "taxes" not in g_year:
            g_year["taxes"] = _like_gva_previous(annual, g_year)
        return group_share(next_structure(annual, g_year), group)

    return year_share
