"""grdp — check, decompose, forecast and report a Vietnamese province's GRDP plan."""

from .consistency import Finding, PlanAudit, check_plan
from .errors import InputError, PlanWarning
from .numbers import PrintedValue, format_number, format_value, parse_value
from .plan import load_plan, plan_table
from .tasks import load_tasks, parse_deadline, tasks_by_department

__all__ = [
    "check_plan",
    "PlanAudit",
    "Finding",
    "InputError",
    "PlanWarning",
    "PrintedValue",
    "parse_value",
    "format_number",
    "format_value",
    "load_plan",
    "plan_table",
    "load_tasks",
    "parse_deadline",
    "tasks_by_department",
]

__version__ = "0.1.0"
