"""grdp — check, decompose, forecast and report a Vietnamese province's GRDP plan.

The names below are the public API; each lives in a module named after its idea
(``grdp.numbers``, ``grdp.plan``, ``grdp.periods``, ``grdp.consistency``,
``grdp.decomposition``, ``grdp.forecast``, ``grdp.sensitivity``, ``grdp.report`` …).
Heavy libraries (statsmodels, matplotlib) are imported only when a model is
fitted or a figure drawn. Functions named like their module stay in it
(``grdp.sector_model.sector_model``), so that ``grdp.sector_model`` is the module.
"""

from .consistency import Finding, PlanAudit, check_plan
from .conventions import read_contributions
from .decomposition import calibrate_bridge, contributions, implied_growth, required_sector_growth
from .errors import InputError, PlanWarning
from .forecast import Nowcast, PlanOutlook, backtest, nowcast_annual, plan_outlook
from .montecarlo import MonteCarloResult, monte_carlo
from .numbers import PrintedValue, format_number, format_value, parse_value
from .periods import annual_growth, implied_weight, quarter_weights, required_growth, ytd_growth
from .plan import load_plan, plan_table
from .report import build_report
from .scenarios import run_scenarios, tornado, what_if
from .sector_audit import sector_findings
from .sector_model import SectorModel
from .sensitivity import required_growth_grid, required_growth_sensitivity, revision_effect
from .structure import merged_structure
from .tasks import load_tasks, parse_deadline, tasks_by_department

__all__ = [
    # reading the plan
    "parse_value",
    "format_number",
    "format_value",
    "PrintedValue",
    "InputError",
    "PlanWarning",
    "load_plan",
    "plan_table",
    "load_tasks",
    "parse_deadline",
    "tasks_by_department",
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
    "SectorModel",
    "tornado",
    "run_scenarios",
    "what_if",
    "monte_carlo",
    "MonteCarloResult",
    # the report
    "build_report",
]

__version__ = "0.1.0"
