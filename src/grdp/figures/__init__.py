"""Every chart of grdp, in the report style: functions taking ``ax=None`` and returning the figure.

:func:`plot` draws a result object's chart; it is what ``result.plot(ax=None)``
calls (:meth:`grdp.core.results.Result.plot`). The charts themselves live in
:mod:`~grdp.figures.tasks`, :mod:`~grdp.figures.audit`, :mod:`~grdp.figures.sectors`,
:mod:`~grdp.figures.forecast` and :mod:`~grdp.figures.sensitivity`; the report
style (DejaVu Sans, decimal comma, 16/8 cm, 300 dpi, stable bytes) in
:mod:`~grdp.figures.style`. Analysis modules never import matplotlib.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from grdp.audit.findings import PlanAudit
from grdp.figures.audit import plot_implied_weights, plot_required_growth
from grdp.figures.forecast import plot_backtest, plot_fan, plot_q4_excess
from grdp.figures.sectors import plot_share_path, plot_split_sensitivity
from grdp.figures.sensitivity import plot_convergence, plot_monte_carlo, plot_required_growth_grid, plot_tornado
from grdp.forecast.backtesting import Backtest
from grdp.forecast.nowcast import Nowcast
from grdp.forecast.outlook import PlanOutlook
from grdp.sectors.agreement import SectorTargetsCheck
from grdp.sectors.share import ShareTargetCheck
from grdp.sensitivity.derivatives import RequiredGrowthGrid
from grdp.sensitivity.montecarlo import MonteCarloResult
from grdp.sensitivity.scenarios import Tornado

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot", "CHARTS"]

CHARTS: dict[type, dict[str, Callable[..., Any]]] = {
    PlanAudit: {"required_growth": plot_required_growth, "implied_weights": plot_implied_weights},
    SectorTargetsCheck: {"split_sensitivity": plot_split_sensitivity},
    ShareTargetCheck: {"share_path": plot_share_path},
    Nowcast: {"fan": plot_fan},
    Backtest: {"backtest": plot_backtest},
    PlanOutlook: {"q4_excess": plot_q4_excess},
    RequiredGrowthGrid: {"heatmap": plot_required_growth_grid},
    Tornado: {"tornado": plot_tornado},
    MonteCarloResult: {"histogram": plot_monte_carlo, "convergence": plot_convergence},
}
"""The charts of each result type, by name; the first is the one :func:`plot` draws by default."""


def plot(result: object, *, ax: Any = None, kind: str | None = None, **kwargs: Any) -> Figure:
    """The chart of a result (one of :data:`CHARTS`), on ``ax`` or a new report figure.

    ``kind`` picks one of the result's charts by name (default: its first);
    other keywords go to the chart function.

    Examples
    --------
    >>> from grdp import load_plan, check_plan
    >>> fig = check_plan(load_plan()).plot(kind="implied_weights")
    >>> round(float(fig.get_size_inches()[0]) * 2.54, 1)  # 16 cm wide
    16.0
    """
    charts = next((c for t, c in CHARTS.items() if isinstance(result, t)), None)
    if charts is None:
        raise TypeError(f"grdp.figures has no chart of a {type(result).__name__}")
    if kind is None:
        kind = next(iter(charts))
    if kind not in charts:
        raise ValueError(f"kind must be one of: {', '.join(repr(k) for k in charts)}")
    return charts[kind](result, ax=ax, **kwargs)
