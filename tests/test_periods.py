"""Period identities: known values, round trips, vectorisation, and the published national figures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grdp.core.numbers import parse_value
from grdp.core.periods import (
    Interval,
    annual_growth,
    annual_growth_interval,
    as_interval,
    implied_weight,
    implied_weight_interval,
    quarter_weights,
    required_growth,
    required_growth_interval,
    rounding_interval,
    yoy_growth,
    ytd_growth,
)

growth = st.floats(min_value=-30, max_value=60, allow_nan=False)
weight = st.floats(min_value=0.05, max_value=0.95)


def test_plan_grdp_example():
    # Seed row 1: 8.01 / 14,2-15,8 / 10-10,5. Derivation: w = (10 - 8.01) / (14.2 - 8.01) = 1.99 / 6.19.
    assert implied_weight(8.01, 14.2, 10.0) == pytest.approx(1.99 / 6.19)
    assert implied_weight(8.01, 15.8, 10.5) == pytest.approx(2.49 / 7.79)
    # Issue 3: at w4 = 0.32 the targets need 14.23 / 15.79 in Q4: (10 - 0.68 * 8.01) / 0.32 = 14.22875.
    assert required_growth(8.01, 10.0, rest_weight=0.32) == pytest.approx(14.22875)
    assert required_growth(8.01, 10.5, rest_weight=0.32) == pytest.approx(15.79125)
    # DESIGN.md: equal weights (0.25) would need 16.0-18.0 % in Q4: (10 - 0.75 * 8.01) / 0.25 = 15.97.
    assert required_growth(8.01, 10.0, rest_weight=0.25) == pytest.approx(15.97)
    assert required_growth(8.01, 10.5, rest_weight=0.25) == pytest.approx(17.97)


def test_sensitivities_match_the_closed_forms():
    # DESIGN.md: d g4*/d gY* = 1/w4, d g4*/d g9M = -(1 - w4)/w4.
    w, h = 0.32, 1e-6
    base = required_growth(8.01, 10.0, rest_weight=w)
    assert (required_growth(8.01, 10.0 + h, rest_weight=w) - base) / h == pytest.approx(1 / w, rel=1e-6)
    assert (required_growth(8.01 + h, 10.0, rest_weight=w) - base) / h == pytest.approx(-(1 - w) / w, rel=1e-6)


@settings(max_examples=300, deadline=None)
@given(growth, growth, weight)
def test_required_then_annual_round_trip(done, target, w):
    rest = required_growth(done, target, rest_weight=w)
    assert annual_growth(done, rest, rest_weight=w) == pytest.approx(target, abs=1e-9)


@settings(max_examples=300, deadline=None)
@given(growth, growth, weight)
def test_annual_then_implied_weight_round_trip(done, rest, w):
    if abs(rest - done) < 1e-3:
        return
    annual = annual_growth(done, rest, rest_weight=w)
    assert implied_weight(done, rest, annual) == pytest.approx(w, rel=1e-6, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(st.lists(growth, min_size=4, max_size=4), st.lists(st.floats(0.5, 2.0), min_size=4, max_size=4))
def test_quarters_to_ytd_to_annual(g, base_levels):
    # Build levels: a base year, then the next year grown quarter by quarter; YTD at Q4 is the annual growth.
    idx = pd.period_range("2023Q1", periods=8, freq="Q")
    levels = pd.Series(base_levels + [b * (1 + x / 100) for b, x in zip(base_levels, g)], index=idx)
    w = quarter_weights(levels)
    ytd = ytd_growth(yoy_growth(levels), w)
    annual = (levels["2024Q1":"2024Q4"].sum() / levels["2023Q1":"2023Q4"].sum() - 1) * 100
    assert ytd.loc[pd.Period("2024Q4", "Q")] == pytest.approx(annual, abs=1e-9)
    # and 9 months + Q4 through the split identity give the same annual figure
    g9 = ytd.loc[pd.Period("2024Q3", "Q")]
    w4 = w.loc[pd.Period("2024Q4", "Q")]
    assert annual_growth(g9, g[3], rest_weight=w4) == pytest.approx(annual, abs=1e-9)


def test_quarter_weights_are_aligned_with_the_next_year_and_sum_to_one():
    idx = pd.period_range("2022Q1", periods=10, freq="Q")  # 2022 complete, 2023 complete, 2024 half
    w = quarter_weights(pd.Series(np.arange(1.0, 11.0), index=idx))
    assert w.index[0] == pd.Period("2023Q1", "Q") and len(w) == 8
    assert w.groupby(w.index.year).sum().tolist() == pytest.approx([1.0, 1.0])
    assert w.loc[pd.Period("2023Q4", "Q")] == pytest.approx(4 / 10)


def test_quarterly_series_must_be_a_gapless_period_index():
    with pytest.raises(TypeError, match="PeriodIndex"):
        quarter_weights(pd.Series([1.0, 2.0]))
    idx = pd.PeriodIndex(["2023Q1", "2023Q3"], freq="Q")
    with pytest.raises(ValueError, match="gaps"):
        quarter_weights(pd.Series([1.0, 2.0], index=idx))


def test_vectorised_over_arrays_and_series():
    w = np.array([0.25, 0.32])
    assert required_growth(8.01, 10.0, rest_weight=w) == pytest.approx([15.97, 14.22875])
    s = pd.Series([8.0, 9.0], index=["a", "b"])
    out = annual_growth(s, s + 2, rest_weight=0.5)
    assert isinstance(out, pd.Series) and out.tolist() == [9.0, 10.0]
    iw = implied_weight(np.array([8.0, 8.0]), np.array([10.0, 8.0]), np.array([9.0, 9.0]))
    assert iw[0] == 0.5 and not np.isfinite(iw[1])  # rest == done: no weight is implied


def test_weight_is_validated_once():
    with pytest.raises(ValueError, match=r"rest_weight must be in \(0, 1\]"):
        required_growth(8.0, 10.0, rest_weight=0.0)
    with pytest.raises(ValueError, match=r"rest_weight must be in \(0, 1\]"):
        annual_growth(8.0, 10.0, rest_weight=np.array([0.3, 1.2]))


def test_rounding_intervals_of_the_plan_figures():
    assert rounding_interval(8.01, 2) == pytest.approx(Interval(8.005, 8.015))
    assert as_interval(parse_value("14,2")) == pytest.approx(Interval(14.15, 14.25))
    with pytest.raises(ValueError, match="take one end"):
        as_interval(parse_value("14,2-15,8"))


def test_implied_weight_intervals_of_both_ends_overlap():
    # Seed row 1 at printed precision: 8.01 ±0.005, 14,2/15,8 ±0.05, 10,0/10,5 ±0.05.
    lo = implied_weight_interval((8.005, 8.015), (14.15, 14.25), (9.95, 10.05))
    hi = implied_weight_interval((8.005, 8.015), (15.75, 15.85), (10.45, 10.55))
    # corners by hand: (9.95 - 8.015)/(14.25 - 8.015) and (10.05 - 8.005)/(14.15 - 8.005)
    assert lo == pytest.approx(Interval(1.935 / 6.235, 2.045 / 6.145))
    assert hi == pytest.approx(Interval(2.435 / 7.835, 2.545 / 7.745))
    assert lo.overlaps(hi)
    both = lo.intersection(hi)
    assert both is not None and 0.318 < both.mid < 0.322


def test_implied_weight_interval_is_unbounded_when_rest_may_equal_done():
    assert implied_weight_interval((8.0, 8.1), (8.05, 8.2), (8.0, 8.1)) == Interval(-np.inf, np.inf)


@settings(max_examples=200, deadline=None)
@given(growth, growth, weight, st.floats(0.0, 0.5), st.floats(0.0, 0.5), st.floats(0.0, 0.05))
def test_intervals_contain_every_value_inside_the_box(done, target, w, hd, ht, hw):
    w = min(w, 0.94)
    iv = required_growth_interval((done - hd, done + hd), (target - ht, target + ht), rest_weight=(w, w + hw))
    rng = np.random.default_rng(0)
    d = rng.uniform(done - hd, done + hd, 50)
    t = rng.uniform(target - ht, target + ht, 50)
    ww = rng.uniform(w, w + hw, 50)
    vals = required_growth(d, t, rest_weight=ww)
    assert np.all(vals >= iv.low - 1e-9) and np.all(vals <= iv.high + 1e-9)
    a = annual_growth_interval((done - hd, done + hd), (target - ht, target + ht), rest_weight=(w, w + hw))
    assert a.low <= annual_growth(done, target, rest_weight=w) <= a.high


def _national(reference_levels: pd.DataFrame) -> pd.Series:
    gdp = reference_levels[(reference_levels["sector"] == "GDP") & (reference_levels["price_basis"] == "constant2010")]
    idx = pd.PeriodIndex([f"{y}{q}" for y, q in zip(gdp["year"], gdp["quarter"])], freq="Q")
    return pd.Series(gdp["value_bn_vnd"].to_numpy(), index=idx).sort_index()


def test_published_national_growth_comes_out_of_the_levels(reference_levels):
    # ../shared/reference (GSO NSDP SDMX, prepared 2024-10-24): 9 months of 2024 grew 6.82 %
    # (GSO release of 2024-10-06, https://vienthongke.vn/bao-cao-tinh-hinh-kinh-te-xa-hoi-quy-iii-va-9-thang-nam-2024/)
    # and the year 2023 5.05 % (release of 2023-12-29,
    # https://vneconomy.vn/vuot-qua-con-gio-nguoc-toan-cau-gdp-nam-2023-uoc-tang-5-05.htm).
    # Both must come out of the levels through the identities.
    levels = _national(reference_levels)
    ytd = ytd_growth(yoy_growth(levels), quarter_weights(levels))
    assert round(ytd.loc[pd.Period("2024Q3", "Q")], 2) == 6.82
    assert round(ytd.loc[pd.Period("2023Q4", "Q")], 2) == 5.05
    # and the split identity: 9 months of 2023 and Q4 2023 with the 2022 Q4 weight give the year
    w4 = quarter_weights(levels).loc[pd.Period("2023Q4", "Q")]
    g = yoy_growth(levels)
    annual = annual_growth(ytd.loc[pd.Period("2023Q3", "Q")], g.loc[pd.Period("2023Q4", "Q")], rest_weight=w4)
    assert annual == pytest.approx(ytd.loc[pd.Period("2023Q4", "Q")], abs=1e-9)
