"""One display protocol for every result: summary(lang=), to_frame(), table(lang=), escaped HTML, plot(ax=None)."""

from __future__ import annotations

import pandas as pd
import pytest

import grdp
from grdp.core.results import Result
from grdp.forecast.backtesting import backtest
from grdp.forecast.borrowing import provincial_spread
from grdp.forecast.momentum import momentum
from grdp.forecast.outlook import plan_outlook
from grdp.forecast.panel import panel_backtest, provincial_forecast
from grdp.sectors.agreement import check_sector_targets
from grdp.sectors.conventions import read_contributions
from grdp.sectors.share import check_share_target
from grdp.sectors.structure import merged_structure
from grdp.sensitivity.derivatives import required_growth_grid, required_growth_sensitivity, revision_effect
from grdp.sensitivity.montecarlo import monte_carlo
from grdp.sensitivity.scenarios import plan_scenarios, run_scenarios, scenario_ranges, tornado


@pytest.fixture(scope="module")
def results() -> dict[str, Result]:
    plan = grdp.load_plan()
    model = grdp.sector_model(plan)
    return {
        "plan": plan,
        "audit": grdp.check_plan(plan),
        "structure": merged_structure(plan.year),
        "contributions": read_contributions({"agriculture": 0.48, "industry_construction": 2.09, "services": 2.85}, 5.42),
        "sector_targets": check_sector_targets(plan),
        "share_target": check_share_target(plan),
        "sector_model": model,
        "spread": provincial_spread(),
        "nowcast": grdp.nowcast_annual(plan),
        "backtest": backtest(years=[2024, 2025], methods=["nine_months", "mean_gap"]),
        "outlook": plan_outlook(plan, methods=["mean_gap"]),
        "sensitivity": required_growth_sensitivity(8.01, 10.0, rest_weight=0.32),
        "revision": revision_effect(8.01, -0.1, targets=[10.0, 10.5], rest_weights=[0.32]),
        "grid": required_growth_grid(8.01, targets=[10.0, 10.5], rest_weights=[0.3, 0.32], revisions=[-0.1, 0.0]),
        "tornado": tornado(model),
        "scenarios": run_scenarios(model),
        "monte_carlo": monte_carlo(model, scenario_ranges(plan_scenarios(model)), n=2_000, seed=1),
        "q4_weight": grdp.q4_weight(plan),
        "panel_backtest": panel_backtest(methods=["nine_months", "national_gap"]),
        "provincial": provincial_forecast(plan, method="national_gap"),
        "momentum": momentum(plan),
    }


NAMES = ["plan", "audit", "structure", "contributions", "sector_targets", "share_target", "sector_model", "spread",
         "nowcast", "backtest", "outlook", "sensitivity", "revision", "grid", "tornado", "scenarios", "monte_carlo",
         "q4_weight", "panel_backtest", "provincial", "momentum"]
CHARTED = ["audit", "sector_targets", "share_target", "nowcast", "backtest", "outlook", "grid", "tornado", "monte_carlo"]


@pytest.mark.parametrize("name", NAMES)
def test_every_result_speaks_both_languages_and_shows_its_numbers(results, name):
    r = results[name]
    assert isinstance(r, Result)
    vi, en = r.summary(), r.summary(lang="en")
    assert vi and en and vi != en
    assert str(r) == vi
    assert isinstance(r.to_frame(), pd.DataFrame) and isinstance(r.table(lang="en"), pd.DataFrame)
    html = r._repr_html_()
    assert html.startswith("<p>") and "<table" in html
    with pytest.raises(ValueError, match="lang must be one of"):
        r.summary(lang="fr")


@pytest.mark.parametrize("name", CHARTED)
def test_a_charted_result_plots_on_a_new_figure_or_on_the_callers_axes(results, name):
    from matplotlib.figure import Figure

    r = results[name]
    fig = r.plot()
    assert isinstance(fig, Figure) and fig.axes
    panels = len([a for a in fig.axes if a.get_label() != "<colorbar>"])
    mine = Figure(figsize=(12, 4))
    axes = mine.subplots(1, panels) if panels > 1 else mine.subplots()
    assert r.plot(ax=axes) is mine  # drawn on the caller's figure, which keeps its size
    assert [round(x, 3) for x in mine.get_size_inches()] == [12.0, 4.0]


def test_results_without_a_chart_say_so(results):
    with pytest.raises(TypeError, match="no chart of a Plan"):
        results["plan"].plot()
    with pytest.raises(ValueError, match="kind must be one of: 'required_growth', 'implied_weights'"):
        results["audit"].plot(kind="pie")


def test_the_html_view_escapes_what_the_file_printed(write_plan, plan_rows):
    rows = [list(r) for r in plan_rows] + [["22", "<b>Chỉ tiêu & mới</b>", "%", "1.5", "2", "1.8", "", "", ""]]
    with pytest.warns(grdp.PlanWarning, match="is not one grdp knows"):
        plan = grdp.load_plan(write_plan(rows=rows))
    html = plan._repr_html_()
    assert "&lt;b&gt;Chỉ tiêu &amp; mới&lt;/b&gt;" in html and "<b>" not in html
    audit_html = grdp.check_plan(plan)._repr_html_()
    assert "<b>Chỉ tiêu" not in audit_html
