"""The plan's sector targets as figures: growth by sector and period, their rounding, their Q4 weights.

The plan sets gross output growth by sector (rows 2.1-2.4 of the 2025 plan:
agriculture, industry, construction, services) beside GRDP growth (row 1).
:func:`plan_sector_growth` puts them in one table with each figure's rounding
interval; :func:`sector_rest_weights` gives each sector's previous-year Q4 weight
implied by its own three printed figures, and :func:`period_weights` the base
structure as one period's weights. The admissible assumptions every sector
check ranges over — the industry split (:func:`split_grid`) and the value
added/output bridge (:func:`calibrated_range`, :func:`admissible_bridges`) —
are defined here too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from grdp.core.periods import Interval, implied_weight
from grdp.core.typing import Period, WeightsOf
from grdp.io.plan import GRDP_KEY, PERIODS, MissingFigures, Plan
from grdp.sectors.decomposition import calibrate_bridge
from grdp.sectors.keys import split_structure
from grdp.sectors.share_path import rest_structure
from grdp.sectors.structure import BaseStructure, default_split, merged_structure, split_range

__all__ = [
    "PLAN_SECTORS",
    "plan_sector_growth",
    "require_figures",
    "sector_growth",
    "sector_rest_weights",
    "period_weights",
    "WEIGHTS_OF",
    "SPLIT_STEP",
    "BRIDGE_STEPS",
    "split_grid",
    "corners",
    "calibrated_range",
    "admissible_bridges",
]

PLAN_SECTORS: dict[str, str] = {
    "agriculture": "output_growth_agriculture",
    "industry": "output_growth_industry",
    "construction": "output_growth_construction",
    "services": "output_growth_services",
}
"""Sector key → the plan row's indicator key (rows 2.1-2.4)."""
WEIGHTS_OF: tuple[WeightsOf, ...] = ("previous", "current")
"""The two readings of the base structure a check tries (see :func:`grdp.sectors.decomposition.implied_growth`)."""
SPLIT_STEP = 0.005
"""Step of the industry splits a check tries (:func:`split_grid`)."""
BRIDGE_STEPS = 41
"""Number of value added/output bridges a check tries between the ends of the admissible range."""


# --------------------------------------------------------------------------- the plan's figures


def plan_sector_growth(plan: Plan) -> pd.DataFrame:
    """The plan's sector output growth and GRDP growth, as printed and as rounding intervals.

    Returns
    -------
    pandas.DataFrame
        Index ``agriculture, industry, construction, services, total`` (total:
        GRDP, row 1); ``stt``; for each period ``done``, ``rest``, ``year``: the printed
        value (the middle of a printed range) and ``*_low`` / ``*_high``, the
        rounding interval of what is printed (:meth:`grdp.io.plan.PlanRow.interval`;
        NaN where nothing or only a bound is printed).

    Examples
    --------
    >>> from grdp import load_plan
    >>> t = plan_sector_growth(load_plan())
    >>> t["year"].tolist()
    [4.4, 12.5, 15.4, 10.0, 10.25]
    >>> t.loc["total", ["year_low", "year_high"]].round(2).tolist()
    [9.95, 10.55]
    """
    rows = {s: plan.require(k) for s, k in PLAN_SECTORS.items()}
    rows["total"] = plan.require(GRDP_KEY)
    records = {}
    for s, r in rows.items():
        rec: dict[str, float | str] = {}
        for p in PERIODS:
            try:
                iv = r.interval(p)
                rec.update({p: r.middle(p), f"{p}_low": iv.low, f"{p}_high": iv.high})
            except MissingFigures:
                rec.update({p: np.nan, f"{p}_low": np.nan, f"{p}_high": np.nan})
        records[s] = rec | {"stt": r.stt}
    return pd.DataFrame.from_dict(records, orient="index")


def require_figures(table: pd.DataFrame, rows: list[str], periods: tuple[str, ...]) -> None:
    """Raise :class:`MissingFigures` naming every (row, period) of a :func:`plan_sector_growth` table that is missing."""
    missing = [(str(table.loc[r, "stt"]), p) for r in rows for p in periods if pd.isna(table.loc[r, p])]
    if missing:
        raise MissingFigures(missing)


def sector_growth(table: pd.DataFrame, column: str) -> dict[str, float]:
    """One column of a :func:`plan_sector_growth` table (``"year"``, ``"done_low"`` …) for the four plan sectors.

    >>> from grdp import load_plan
    >>> sector_growth(plan_sector_growth(load_plan()), "done")
    {'agriculture': 2.6, 'industry': 10.5, 'construction': 8.5, 'services': 7.9}
    """
    values = table[column].to_dict()  # one column, then plain look-ups (not one DataFrame look-up per sector)
    return {s: float(values[s]) for s in PLAN_SECTORS}


def _implied_weight(table: pd.DataFrame, row: str) -> float:
    return float(implied_weight(table.loc[row, "done"], table.loc[row, "rest"], table.loc[row, "year"]))


def sector_rest_weights(plan: Plan) -> pd.Series:
    """Each sector's previous-year weight of the rest of the year (Q4), implied by its own three printed figures.

    ``w_i = (year_i - done_i) / (rest_i - done_i)`` (:func:`grdp.core.periods.implied_weight`),
    GRDP's from the middles of its printed ranges. With them, a sector's annual
    growth from its 9 months and Q4 is :func:`grdp.core.periods.annual_growth` with
    ``rest_weight=w_i``, and Q4's structure is :func:`period_weights`.

    >>> from grdp import load_plan
    >>> sector_rest_weights(load_plan()).round(4).to_dict()
    {'agriculture': 0.2857, 'industry': 0.3226, 'construction': 0.3366, 'services': 0.3134, 'total': 0.3205}
    """
    table = plan_sector_growth(plan)
    require_figures(table, list(table.index), ("done", "rest", "year"))
    return pd.Series({s: _implied_weight(table, s) for s in [*PLAN_SECTORS, "total"]}, name="rest_weight")


def period_weights(table: pd.DataFrame, weights: Mapping[str, Any], period: Period) -> Any:
    """The base structure as the previous year's weights of one period of the plan.

    The annual ``weights`` serve the year and the part done; the rest of the
    year (Q4) weighs each sector by its previous-year Q4 weight implied by its
    own three printed figures (:func:`grdp.sectors.structure.rest_structure`; taxes at
    the value-added-weighted mean weight).

    >>> from grdp import load_plan
    >>> from grdp.sectors.structure import merged_structure
    >>> w = period_weights(plan_sector_growth(load_plan()), merged_structure().weights(), "rest")
    >>> round(w["agriculture"], 4)  # 0,119 × 0,2857 / Σ s_i w_i (0,3168): agriculture weighs more in Q4
    0.1073
    """
    if period != "rest":
        return weights
    return rest_structure(weights, {s: _implied_weight(table, s) for s in PLAN_SECTORS})


# --------------------------------------------------------------------------- admissible assumptions


def split_grid(split: tuple[float, float] | None = None, default: float | None = None) -> np.ndarray:
    """The industry splits a check tries: ``split`` in steps of :data:`SPLIT_STEP`, its ends and the default if inside.

    Defaults: :func:`grdp.sectors.structure.split_range` and :func:`grdp.sectors.structure.default_split`.

    >>> split_grid((0.8, 0.82), 0.813).tolist()
    [0.8, 0.805, 0.81, 0.813, 0.815, 0.82]
    """
    split = split_range() if split is None else split
    default = default_split() if default is None else default
    lo, hi = float(split[0]), float(split[1])
    grid = np.round(np.arange(lo, hi + SPLIT_STEP / 2, SPLIT_STEP), 6)
    return np.unique(np.concatenate([grid, [lo, hi], [default] if lo <= default <= hi else []]))


def corners(table: pd.DataFrame) -> dict[str, tuple[dict[str, float], float]]:
    """9-month (sector growth, GRDP growth) at the corners giving the lowest and highest calibrated bridge."""
    return {
        "low": (sector_growth(table, "done_high"), float(table.loc["total", "done_low"])),
        "high": (sector_growth(table, "done_low"), float(table.loc["total", "done_high"])),
    }


def calibrated_range(
    plan: Plan,
    *,
    structure: BaseStructure | None = None,
    industry_split: tuple[float, float] | None = None,
    weights_of: Iterable[WeightsOf] = WEIGHTS_OF,
) -> Interval:
    """The bridge calibrated on the 9 months over splits, structure readings and rounding.

    >>> from grdp import load_plan
    >>> [round(x, 3) for x in calibrated_range(load_plan())]
    [0.918, 0.968]
    """
    structure = merged_structure(plan.year) if structure is None else structure
    table = plan_sector_growth(plan)
    require_figures(table, list(table.index), ("done",))
    w = split_structure(structure.shares.to_dict(), industry_split=split_grid(industry_split))
    b = np.concatenate([np.ravel(calibrate_bridge(g9, G9, w, weights_of=wo))
                        for wo in weights_of for g9, G9 in corners(table).values()])
    return Interval(float(np.nanmin(b)), float(np.nanmax(b)))


def admissible_bridges(calibrated: Interval) -> Interval:
    """The bridges admitted by default: from the calibrated ones to 1 ("value added grows like output").

    >>> admissible_bridges(Interval(0.918, 0.968))
    Interval(low=0.918, high=1.0)
    """
    return Interval(min(calibrated.low, 1.0), max(calibrated.high, 1.0))
