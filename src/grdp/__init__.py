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
fitted or a figure drawn.
"""

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
