"""The provincial forecast that learns from the panel: methods, leave-one-year-out calibration, the default rule."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import grdp
from grdp.forecast.methods import METHODS
from grdp.forecast.origin import national_origin
from grdp.forecast.panel import (
    PANEL_METHODS,
    PanelPrediction,
    choose_default,
    national_gap_forecast,
    national_gap_forecasts,
    panel_backtest,
    provincial_forecast,
)
from grdp.io.panel import province_panel


def _toy() -> pd.DataFrame:
    # Three provinces in four years; gaps chosen by hand (annual - 9 months).
    rows = []
    for year, gaps in {2016: (0.5, 1.0, -0.5), 2017: (0.0, 0.5, 1.5), 2018: (1.0, -1.0, 0.5), 2019: (0.5, 0.5, 0.0)}.items():
        for i, g in enumerate(gaps):
            rows.append({"province": f"P{i}", "year": year, "nine_months": 7.0, "annual": 7.0 + g, "gap": g})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def bt():
    return panel_backtest()


def test_the_national_gap_is_the_national_forecast_at_each_9_month_release():
    # 2025: sarimax at the 2025-10-06 release (national 9 months 7,85 %), minus those 9 months
    o = national_origin(2025)
    assert national_gap_forecast(2025) == pytest.approx(METHODS["sarimax"].predict(o).point - 7.85)
    g = national_gap_forecasts()
    assert list(g.index) == list(range(2013, 2026)) and g.loc[2025] == pytest.approx(national_gap_forecast(2025))


def test_panel_gap_leaves_each_year_out_by_hand():
    bt = panel_backtest(_toy().assign(year=lambda f: f["year"] + 0), methods=["panel_gap"])
    f = bt.forecasts
    # the 2016 forecasts use the mean gap of 2017-2019: (2.0 + 0.5 + 1.0)/9 = 0.3889
    mean_rest = (0.0 + 0.5 + 1.5 + 1.0 - 1.0 + 0.5 + 0.5 + 0.5 + 0.0) / 9
    assert f[f["year"] == 2016]["point"].tolist() == pytest.approx([7.0 + mean_rest] * 3)


def test_the_prediction_uses_its_errors_as_they_are():
    p = PanelPrediction("demo", 8.0, (-2.0, -1.0, 0.0, 0.5, 1.0), years=3)
    iv = p.interval(0.8)  # the errors' 10th and 90th percentiles (linear): -1.6 and +0.8
    assert (iv.low, iv.high) == pytest.approx((8.0 - 1.6, 8.0 + 0.8))
    assert p.prob_at_least(7.0) == pytest.approx((4 + 1) / (5 + 2))  # errors >= -1: four of five
    t = PanelPrediction("demo", 8.0, (-2.0, -1.0, 0.0, 0.5, 1.0), years=3, form="t")
    assert t.scale == pytest.approx(np.sqrt((4 + 1 + 0 + 0.25 + 1) / 5)) and t.df == 2


def test_the_default_rule():
    s = pd.DataFrame({"method": list(PANEL_METHODS), "coverage_80": [0.70, 0.80, 0.90, 0.79],
                      "interval_score_80": [5.0, 6.0, 4.0, 5.9]})
    # national_gap covers 90 %: outside 75-88 %; panel_regression is within 2 % of panel_gap's 6.0 but panel_gap is simpler
    assert choose_default(s) == "panel_gap"
    s["coverage_80"] = [0.70, 0.60, 0.95, 0.90]
    assert choose_default(s) == "nine_months"  # none qualifies: the nearest to 80 % (0.70 and 0.90 tie; simpler wins)


def test_the_panel_backtest(bt):
    s = bt.scores().set_index("method")
    assert list(s.index) == list(PANEL_METHODS)
    # the panel's province-years with a national forecast (2013 on): 74 less Hà Nội 2012
    assert (s["n"] == len(province_panel()) - 1).all() and (s["years"] == 11).all()
    assert s.loc["nine_months", "mae_ratio"] == 1.0
    f = bt.forecasts
    nm = f[f["method"] == "nine_months"]
    assert nm["error"].abs().mean() == pytest.approx(s.loc["nine_months", "mae"])
    assert (nm["point"] == nm["nine_months"]).all()
    assert bt.default_method == choose_default(bt.scores())
    assert "73" in bt.summary() and "tỉnh-năm" in bt.summary()


def test_the_probabilities_are_calibrated_on_the_held_out_years(bt):
    # the check the key findings rely on: forecast P(annual >= point + d) against how often it happened
    r = bt.reliability()
    assert list(r["step"]) == [0.5, 1.0, 1.5, 2.0, 2.5]
    assert (r["predicted"] - r["observed"]).abs().max() < 0.05
    # the t form specified before scoring doubles the upper tail: the reason the empirical form replaced it
    rt = panel_backtest(predictive="t").reliability(bt.default_method)
    assert (rt["predicted"] > 1.5 * rt["observed"]).iloc[1:].all()


def test_the_plans_forecast():
    plan = grdp.load_plan()
    f = provincial_forecast(plan)
    assert (f.year, f.growth_9m, f.targets) == (2025, 8.01, (10.0, 10.5))
    bt = panel_backtest(province_panel()[lambda p: p["year"] < 2025])
    assert f.method == bt.default_method
    e = np.asarray(f.prediction.errors)
    for t in f.targets:  # (k + 1)/(n + 2) with k the errors at least target - point
        assert f.prob_at_least(t) == pytest.approx(((e >= t - f.point).sum() + 1) / (len(e) + 2))
    assert f.lower < f.point < f.upper and f.n == 73
    assert "Căn cứ:" in f.summary() and "Basis:" in f.summary(lang="en")


def test_a_plan_of_another_year_learns_from_every_earlier_year():
    from grdp.io.paths import project_root

    plan = grdp.load_plan(project_root() / "tests" / "data" / "plan_2026_indicators.csv")
    f = provincial_forecast(plan)
    assert f.year == 2026 and f.growth_9m == 8.62 and f.targets == (9.5, 9.8)
    assert f.n == 73  # every panel year (2013-2024) is before 2026


def test_options_are_validated():
    with pytest.raises(ValueError, match="method must be one of"):
        panel_backtest(methods=["sarimax"])
    with pytest.raises(ValueError, match="predictive must be one of"):
        panel_backtest(predictive="normal")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="fewer than 3 years"):
        provincial_forecast(8.0, year=2014)


def test_cli_backtest_panel(grdp_cli):
    res = grdp_cli("backtest", "--panel", "--lang", "en")
    assert res.returncode == 0 and "province-years" in res.stdout and "Interval score 80 %" in res.stdout


# ---- the province's own momentum ------------------------------------------------------------


def test_the_provinces_own_q3_from_its_half_year_and_9_months():
    from grdp.forecast.momentum import momentum
    from grdp.io.vintages import scaled_weights

    plan = grdp.load_plan()
    m = momentum(plan)
    # H1 2025: old Hưng Yên 9 % and Thái Bình 9 % (provinces_hungyen_thaibinh.csv, estimates of 2025-07-02): equal rates,
    # so the merged half-year is 9 % whatever the weights; 9 months 8,01 % (seed row 1). Review 2026-11 section 4.4:
    # merged Q3 about 5,9-6,4 %; Q4 = Q3 gives 7,4-7,8 % for the year.
    w = scaled_weights(grdp.q4_weight(plan).value)
    q3 = (8.01 * (w[0] + w[1] + w[2]) - 9.0 * (w[0] + w[1])) / w[2]
    assert m.half_year == 9.0 and m.q3 == pytest.approx(q3) and 5.9 <= m.q3 <= 6.4
    assert m.annual_if_q4_is_q3 == pytest.approx((1 - w[3]) * 8.01 + w[3] * q3) and 7.4 <= m.annual_if_q4_is_q3 <= 7.8
    assert sorted(m.sources["province"].str.split(" ").str[0]) == ["Hung", "Thai"]
    assert "chậm lại" in m.summary() and "slowing down" in m.summary(lang="en")


def test_momentum_needs_the_years_half_year(write_plan, plan_rows):
    from grdp.forecast.momentum import momentum

    rows = [list(r) for r in plan_rows]
    rows[0][5] = "Mục tiêu năm 2026"  # no half-year 2026 in the provinces' file
    with pytest.raises(ValueError, match="no half-year growth of 2026"):
        momentum(grdp.load_plan(write_plan(rows=rows)))
