"""grdp — check, decompose, forecast and report a Vietnamese province's GRDP plan.

The names below are the public API. The package is layered, each subpackage
importing only from those before it:

``core``
    numbers as printed, period identities, labels and wording, the one result
    protocol, option validation;
``io``
    reading plans (:func:`load_plan` → :class:`Plan`), tasks, the shipped
    datasets and their release vintages, the sourced assumptions;
``sectors``
    structure, decomposition, the sector targets, the sector model;
``audit``
    the plan audit (:func:`check_plan`);
``forecast``
    forecast methods, the nowcast, the backtest, the plan's outlook;
``sensitivity``
    derivatives and grids, scenarios, Monte Carlo;
``figures``
    every chart (functions taking ``ax=None``);
``report``
    the report's sections and the main job (:func:`build_report`);
``cli``
    the ``grdp`` command.

Heavy libraries (statsmodels, matplotlib) are imported only when a model is
fitted or a figure drawn, and each public name's module only when the name is
first used: ``import grdp`` costs little more than pandas.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names for type checkers and editors; at run time each is imported on first use
    from grdp.audit.check import check_plan
    from grdp.audit.findings import Finding, PlanAudit
    from grdp.audit.sectors import sector_findings
    from grdp.core.errors import InputError, PlanWarning
    from grdp.core.numbers import PrintedValue, format_number, format_value, parse_value
    from grdp.core.periods import annual_growth, implied_weight, quarter_weights, required_growth, ytd_growth
    from grdp.forecast.backtesting import backtest
    from grdp.forecast.nowcast import Nowcast, nowcast_annual
    from grdp.forecast.outlook import PlanOutlook, plan_outlook
    from grdp.io.assumptions import assumptions
    from grdp.io.plan import Plan, PlanRow, load_plan, plan_table
    from grdp.io.tasks import load_tasks, parse_deadline, tasks_by_department
    from grdp.report.build import build_report
    from grdp.sectors.conventions import read_contributions
    from grdp.sectors.decomposition import calibrate_bridge, contributions, implied_growth, required_sector_growth
    from grdp.sectors.model import SectorModel, sector_model
    from grdp.sectors.quarter_weight import Q4Weight, q4_weight
    from grdp.sectors.structure import merged_structure
    from grdp.sensitivity.derivatives import required_growth_grid, required_growth_sensitivity, revision_effect
    from grdp.sensitivity.montecarlo import MonteCarloResult, monte_carlo
    from grdp.sensitivity.scenarios import run_scenarios, tornado, what_if

_HOMES: dict[str, str] = {
    "check_plan": "grdp.audit.check",
    "Finding": "grdp.audit.findings",
    "PlanAudit": "grdp.audit.findings",
    "sector_findings": "grdp.audit.sectors",
    "InputError": "grdp.core.errors",
    "PlanWarning": "grdp.core.errors",
    "PrintedValue": "grdp.core.numbers",
    "format_number": "grdp.core.numbers",
    "format_value": "grdp.core.numbers",
    "parse_value": "grdp.core.numbers",
    "annual_growth": "grdp.core.periods",
    "implied_weight": "grdp.core.periods",
    "quarter_weights": "grdp.core.periods",
    "required_growth": "grdp.core.periods",
    "ytd_growth": "grdp.core.periods",
    "backtest": "grdp.forecast.backtesting",
    "Nowcast": "grdp.forecast.nowcast",
    "nowcast_annual": "grdp.forecast.nowcast",
    "PlanOutlook": "grdp.forecast.outlook",
    "plan_outlook": "grdp.forecast.outlook",
    "assumptions": "grdp.io.assumptions",
    "Plan": "grdp.io.plan",
    "PlanRow": "grdp.io.plan",
    "load_plan": "grdp.io.plan",
    "plan_table": "grdp.io.plan",
    "load_tasks": "grdp.io.tasks",
    "parse_deadline": "grdp.io.tasks",
    "tasks_by_department": "grdp.io.tasks",
    "build_report": "grdp.report.build",
    "read_contributions": "grdp.sectors.conventions",
    "calibrate_bridge": "grdp.sectors.decomposition",
    "contributions": "grdp.sectors.decomposition",
    "implied_growth": "grdp.sectors.decomposition",
    "required_sector_growth": "grdp.sectors.decomposition",
    "SectorModel": "grdp.sectors.model",
    "sector_model": "grdp.sectors.model",
    "Q4Weight": "grdp.sectors.quarter_weight",
    "q4_weight": "grdp.sectors.quarter_weight",
    "merged_structure": "grdp.sectors.structure",
    "required_growth_grid": "grdp.sensitivity.derivatives",
    "required_growth_sensitivity": "grdp.sensitivity.derivatives",
    "revision_effect": "grdp.sensitivity.derivatives",
    "MonteCarloResult": "grdp.sensitivity.montecarlo",
    "monte_carlo": "grdp.sensitivity.montecarlo",
    "run_scenarios": "grdp.sensitivity.scenarios",
    "tornado": "grdp.sensitivity.scenarios",
    "what_if": "grdp.sensitivity.scenarios",
}
"""Where each public name lives: ``grdp.X`` imports its module on first use (PEP 562), so
``import grdp`` (and ``grdp check``) does not import the forecasts, the figures or the report."""

__all__ = [
    # reading the plan
    "parse_value",
    "format_number",
    "format_value",
    "PrintedValue",
    "InputError",
    "PlanWarning",
    "load_plan",
    "Plan",
    "PlanRow",
    "plan_table",
    "load_tasks",
    "parse_deadline",
    "tasks_by_department",
    "assumptions",
    # period identities and the audit
    "annual_growth",
    "required_growth",
    "implied_weight",
    "quarter_weights",
    "ytd_growth",
    "check_plan",
    "PlanAudit",
    "Finding",
    # sector decomposition
    "contributions",
    "read_contributions",
    "implied_growth",
    "required_sector_growth",
    "calibrate_bridge",
    "merged_structure",
    "sector_findings",
    "sector_model",
    "q4_weight",
    "Q4Weight",
    "SectorModel",
    # forecasts
    "nowcast_annual",
    "Nowcast",
    "backtest",
    "plan_outlook",
    "PlanOutlook",
    # sensitivity and scenarios
    "required_growth_sensitivity",
    "revision_effect",
    "required_growth_grid",
    "tornado",
    "run_scenarios",
    "what_if",
    "monte_carlo",
    "MonteCarloResult",
    # the report
    "build_report",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use and keep the name here (``from grdp import X`` works too)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'grdp' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
