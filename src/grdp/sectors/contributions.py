"""What each sector contributes to the plan's GRDP target, and what it must deliver.

Tables behind the sector decomposition notebook, from the plan's sector targets
(gross output growth, rows 2.1-2.4) on the base structure
(:func:`grdp.sectors.structure.merged_structure`): contributions in points
(:func:`plan_contributions`), the growth each sector needs for each end of the
GRDP target (:func:`required_growth_table`), the bridge the 9 months imply
(:func:`calibrated_bridge`) and the implied GRDP growth over industry splits and
bridges (:func:`implied_growth_grid`, :func:`split_sensitivity`).

Value added grows ``bridge ×`` output; taxes grow like value added; the base
structure is read as the previous year's weights unless said otherwise. Every
function is vectorised over splits and bridges where it says so.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from grdp.core.typing import Period, WeightsOf
from grdp.io.plan import GRDP_KEY, Plan
from grdp.sectors.decomposition import calibrate_bridge, contributions, implied_growth, required_sector_growth
from grdp.sectors.structure import BaseStructure, default_split, merged_structure, split_range
from grdp.sectors.targets import (
    PLAN_SECTORS,
    admissible_bridges,
    calibrated_range,
    period_weights,
    plan_sector_growth,
    sector_growth,
)

__all__ = ["plan_contributions", "required_growth_table", "calibrated_bridge", "implied_growth_grid", "split_sensitivity"]

BRIDGE_GRID_STEP = 0.02
"""Step of the default bridges of :func:`implied_growth_grid`."""


def _plan_weights(plan: Plan, structure: BaseStructure | None, industry_split: Any, period: Period) -> tuple[pd.DataFrame, Any]:
    """The plan's sector figures and the base structure (default: the merged province's) as weights of ``period``."""
    structure = merged_structure(plan.year) if structure is None else structure
    table = plan_sector_growth(plan)
    return table, period_weights(table, structure.weights(industry_split=industry_split), period)


def plan_contributions(
    plan: Plan,
    *,
    period: Period = "year",
    structure: BaseStructure | None = None,
    industry_split: float | None = None,
    bridge: float = 1.0,
) -> pd.DataFrame:
    """:func:`grdp.sectors.decomposition.contributions` of the plan's sector targets for one period.

    Value added growth is ``bridge ×`` the printed output growth; taxes grow like
    value added; weights: the base structure (Q4: re-weighted by each sector's
    implied Q4 weight) as the previous year's.

    >>> from grdp import load_plan
    >>> c = plan_contributions(load_plan())
    >>> round(float(c.loc["total", "contribution_pp"]), 3)
    11.075
    """
    table, w = _plan_weights(plan, structure, industry_split, period)
    g = {k: bridge * v for k, v in sector_growth(table, period).items()}
    g["taxes"] = float(implied_growth(g, w))
    return contributions(g, weights=w)


def required_growth_table(
    plan: Plan,
    *,
    period: Period = "year",
    structure: BaseStructure | None = None,
    industry_split: float | None = None,
    bridge: float = 1.0,
) -> pd.DataFrame:
    """The output growth each sector needs for each end of the GRDP target, the others at their targets.

    Returns
    -------
    pandas.DataFrame
        Index: the four plan sectors; columns ``target`` (the sector's printed
        target) and one column per end of the GRDP target (``10.0``, ``10.5``).

    >>> from grdp import load_plan
    >>> required_growth_table(load_plan()).round(2)["10.0"].tolist()
    [-4.17, 10.27, 5.25, 6.25]
    """
    table, w = _plan_weights(plan, structure, industry_split, period)
    g = sector_growth(table, period)
    ends = sorted(plan.require(GRDP_KEY).ends(period))
    out = pd.DataFrame({"target": pd.Series(g)})
    for end in ends:
        out[f"{end:.1f}"] = [float(required_sector_growth(s, end, g, w, bridge=bridge)) for s in PLAN_SECTORS]
    out.index.name = "sector"
    return out


def calibrated_bridge(
    plan: Plan,
    *,
    structure: BaseStructure | None = None,
    industry_split: Any = None,
    weights_of: WeightsOf = "previous",
) -> Any:
    """The bridge that makes the plan's 9-month sector output growth give its 9-month GRDP growth.

    Vectorised over ``industry_split``. See :func:`grdp.sectors.decomposition.calibrate_bridge`.

    >>> from grdp import load_plan
    >>> import numpy as np
    >>> calibrated_bridge(load_plan(), industry_split=np.array([0.68, 0.82, 0.91])).round(4)
    array([0.955 , 0.9366, 0.9251])
    """
    split = None if industry_split is None else np.asarray(industry_split, dtype="float64")
    table, w = _plan_weights(plan, structure, split, "done")
    return calibrate_bridge(sector_growth(table, "done"), float(table.loc["total", "done"]), w, weights_of=weights_of)


def implied_growth_grid(
    plan: Plan,
    *,
    period: Period = "year",
    industry_split: Any = None,
    bridge: Any = None,
    structure: BaseStructure | None = None,
    weights_of: WeightsOf = "previous",
) -> pd.DataFrame:
    """GRDP growth implied by the plan's sector targets over a grid of splits and bridges.

    Default splits: the ends of the admissible range, the default split and the
    middle of the low end and the default; default bridges: 1 and every 0,02
    below it down to the calibrated bridge's low end (:func:`grdp.sectors.targets.calibrated_range`,
    rounded to 0,02).

    Returns
    -------
    pandas.DataFrame
        Index ``industry_split``, one column per ``bridge``; values in %.

    >>> from grdp import load_plan
    >>> implied_growth_grid(load_plan(), industry_split=[0.82], bridge=[0.9366, 1.0]).round(2).to_numpy().tolist()
    [[10.37, 11.07]]
    """
    if industry_split is None:
        lo, hi = split_range()
        d = default_split()
        industry_split = np.unique(np.round([lo, (lo + d) / 2, d, hi], 2))
    if bridge is None:
        low = round(admissible_bridges(calibrated_range(plan, structure=structure)).low / BRIDGE_GRID_STEP) * BRIDGE_GRID_STEP
        bridge = np.round(np.arange(low, 1.0 + BRIDGE_GRID_STEP / 2, BRIDGE_GRID_STEP), 2)
    a = np.asarray(industry_split, dtype="float64")
    b = np.asarray(bridge, dtype="float64")
    table, w = _plan_weights(plan, structure, a[:, None], period)
    values = implied_growth(sector_growth(table, period), w, bridge=b[None, :], weights_of=weights_of)
    values = np.broadcast_to(values, (len(a), len(b)))
    return pd.DataFrame(values, index=pd.Index(a, name="industry_split"), columns=pd.Index(b, name="bridge"))


def split_sensitivity(
    plan: Plan,
    *,
    period: Period = "year",
    industry_split: Any = None,
    structure: BaseStructure | None = None,
    weights_of: WeightsOf = "previous",
) -> pd.DataFrame:
    """Implied GRDP growth against the industry split, with bridge 1 and with the bridge calibrated at each split.

    Returns
    -------
    pandas.DataFrame
        Index ``industry_split`` (default: the admissible range in steps of 0,01);
        columns ``calibrated_bridge``, ``implied_bridge_one``, ``implied_calibrated``.

    >>> from grdp import load_plan
    >>> split_sensitivity(load_plan(), industry_split=[0.82]).round(3).to_numpy().tolist()
    [[0.937, 11.075, 10.372]]
    """
    if industry_split is None:
        lo, hi = split_range()
        industry_split = np.round(np.arange(lo, hi + 0.005, 0.01), 2)
    a = np.asarray(industry_split, dtype="float64")
    table, w = _plan_weights(plan, structure, a, "year")
    b = np.asarray(calibrate_bridge(sector_growth(table, "done"), float(table.loc["total", "done"]), w, weights_of=weights_of))
    w = period_weights(table, w, period)
    g = sector_growth(table, period)
    one = implied_growth(g, w, weights_of=weights_of)
    cal = implied_growth(g, w, bridge=b, weights_of=weights_of)
    return pd.DataFrame(
        {"calibrated_bridge": np.broadcast_to(b, a.shape), "implied_bridge_one": np.broadcast_to(one, a.shape),
         "implied_calibrated": np.broadcast_to(cal, a.shape)},
        index=pd.Index(a, name="industry_split"),
    )
