"""Every analysis on a plan other than the embedded one: tests/data/plan_2026_indicators.csv.

A constructed plan (tests/data/README.md): a title row above the header "Mục tiêu năm 2026", other
figures, ten rows left out and the rest renumbered. Expected values are its printed figures (row
numbers of that file) or derivations from them written out.
"""

from __future__ import annotations

import pytest

import grdp
from grdp.io.paths import project_root
from grdp.sectors.structure import merged_structure
from grdp.sensitivity.scenarios import plan_scenarios, what_if

PLAN_2026 = project_root() / "tests" / "data" / "plan_2026_indicators.csv"


@pytest.fixture(scope="module")
def plan():
    return grdp.load_plan(PLAN_2026)


def test_the_plan_reads_its_year_split_and_rows(plan):
    assert (plan.year, plan.months_done, len(plan)) == (2026, 9, 14)
    assert plan.growth_figures() == (8.62, (11.4, 12.5), (9.5, 9.8))  # row 1
    assert plan.by_stt("6").key == "budget_revenue" and plan.by_stt("6").done.value == 58430.0  # "58,430" tỷ đồng
    assert plan.row("exports") is None  # left out
    assert plan.period_label("year") == "Mục tiêu năm 2026"


def test_the_audit_of_the_plan(plan):
    audit = grdp.check_plan(plan)
    assert audit.target_year == 2026 and not audit.has_inconsistency
    ev = audit.identity()
    # (9.5 - 8.62)/(11.4 - 8.62) = 0.88/2.78 and (9.8 - 8.62)/(12.5 - 8.62) = 1.18/3.88; rounding intervals overlap
    assert [e.implied_weight for e in ev.ends] == pytest.approx([0.88 / 2.78, 1.18 / 3.88])
    assert ev.common is not None and ev.common.low < 0.304 and ev.common.high > 0.3165
    budget = audit.finding(key="budget_revenue")
    assert budget.verdict == "consistent" and budget.evidence.done_plus_rest == 83000.0  # 58 430 + 24 570


def test_the_sector_model_and_scenarios_of_the_plan(plan):
    model = grdp.sector_model(plan)
    # rows 2.1-2.4: each sector's Q4 weight from its own 9 months, Q4 and year
    assert model.q4_weights == pytest.approx({"agriculture": 1.2 / 4.4, "industry": 0.9 / 2.8, "construction": 2.2 / 7.0,
                                              "services": 0.8 / 2.4})
    assert model.grdp_targets == (9.5, 9.8) and model.months_done == 9
    s = plan_scenarios(model).set_index(["scenario", "sector"])["q4_growth"]
    assert s[("low", "construction")] == 9.0 + 0.5 * (16.0 - 9.0)  # k = 0.5 of data/raw/assumptions.csv
    assert s[("base", "industry")] == 14.0
    # the 2026 plan is decomposed on the latest published structure of the merged province (2025)
    assert merged_structure(plan.year).period == "2025"
    r = what_if(model, construction=20.0)
    assert r.grdp(r.names[1]) > r.grdp("base")  # 20 % is above this plan's 16 % for construction


def test_the_forecast_of_the_plan_stands_at_the_latest_national_release(plan):
    nc = grdp.nowcast_annual(plan)
    assert nc.year == 2026 and nc.method == "mean_gap" and nc.targets == (9.5, 9.8) and nc.growth_9m == 8.62


def test_the_command_line_on_the_plan(grdp_cli):
    res = grdp_cli("check", str(PLAN_2026))
    assert res.returncode == 0 and "Kiểm tra kế hoạch năm 2026" in res.stdout
    res = grdp_cli("forecast", "--plan", str(PLAN_2026), "--lang", "en")
    assert res.returncode == 0 and "Annual growth 2026" in res.stdout and "9 months + mean gap" in res.stdout
    assert "≥ 9.5 %" in res.stdout and "≥ 10.0 %" not in res.stdout
