"""grdp.forecast.outlook: the 2025 plan's target probabilities and its Q4 against the national history.

Expected values carry their provenance: the seed (Phụ lục 1, row 1: 8.01 / 14,2-15,8 / 10-10,5),
the source_url of the row in data/raw/*.csv, or the derivation written out.
"""

from __future__ import annotations

import pytest

import grdp
from grdp.figures.forecast import plot_q4_excess
from grdp.forecast.nowcast import nowcast_annual
from grdp.forecast.outlook import plan_outlook, q4_excess_history


def test_q4_excess_history():
    h = q4_excess_history()
    assert list(h.index) == list(range(2011, 2026))
    # 2021: Q4 5.22, 9M 1.42 (nld.com.vn 2021-12-29; dantri.com.vn 2021-09-29)
    assert h.loc[2021, "excess"] == pytest.approx(5.22 - 1.42)
    assert h.loc[2015, "q4_derived"] and not h.loc[2014, "q4_derived"]  # Q4 2015 never printed alone


@pytest.fixture(scope="module")
def outlook():
    return plan_outlook(grdp.load_plan())


def test_plan_outlook_weight_and_position(outlook):
    # the plan's figures imply w4 = (gY - g9M) / (g4 - g9M): (10 - 8.01)/(14.2 - 8.01) and (10.5 - 8.01)/(15.8 - 8.01)
    assert outlook.plan_weight == pytest.approx(((10 - 8.01) / (14.2 - 8.01) + (10.5 - 8.01) / (15.8 - 8.01)) / 2)
    assert outlook.required_excess == pytest.approx((14.2 - 8.01, 15.8 - 8.01))
    pos = outlook.position()
    excess = q4_excess_history()["excess"]
    assert pos["years_at_or_above"].tolist() == [int((excess >= 14.2 - 8.01).sum()), int((excess >= 15.8 - 8.01).sum())]
    assert pos["largest_year"].iloc[0] == 2021


def test_plan_outlook_probabilities(outlook):
    p = outlook.probabilities
    assert p[["method", "q4_weight"]].apply(tuple, axis=1).tolist() == [
        ("sarimax", outlook.plan_weight), ("sarimax", 0.282), ("mean_gap", outlook.plan_weight), ("mean_gap", 0.282)
    ]  # the province's weight (grdp.q4_weight: the plan's, 0.3206) and the nation's latest (assumptions.csv)
    assert (p["p_10.5"] < p["p_10"]).all() and (p["p_10"] < 0.5).all()
    first = nowcast_annual(8.01, q4_weight=outlook.plan_weight)
    assert p.loc[0, "p_10"] == pytest.approx(first.prob_at_least(10.0))
    assert "Xác suất cả năm ≥ 10,0 %" in outlook.table().columns
    assert "14,2–15,8 %" in outlook.summary() and "14.2–15.8 %" in outlook.summary(lang="en")


def test_q4_excess_chart(outlook):
    fig = plot_q4_excess(outlook)
    heights = [p.get_height() for p in fig.axes[0].patches]
    assert heights == pytest.approx(outlook.history["excess"].dropna().tolist())


def test_report_views_use_the_decimal_comma(outlook):
    pos = outlook.position_table()
    assert pos.iloc[:, 0].tolist() == ["14,20", "15,80"] and pos.iloc[0, 1] == "6,19"  # 14.2 - 8.01
    assert str(outlook) == outlook.summary()


def test_the_outlook_of_next_years_plan(write_plan, plan_rows):
    # The 2025 plan's figures read as a 2026 plan: the national file has no 2026 9 months, so only mean_gap applies
    rows = [list(r) for r in plan_rows]
    rows[0][5] = "Mục tiêu năm 2026"
    po = plan_outlook(grdp.load_plan(write_plan(rows=rows)))
    assert po.year == 2026 and set(po.probabilities["method"]) == {"mean_gap"}
    assert po.required_q4 == (14.2, 15.8) and po.targets == (10.0, 10.5)
