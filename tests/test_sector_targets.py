"""The plan's sector targets against its GRDP and share targets (sector_targets, share_target, sector_audit).

Plan figures: seed lines 18-48 (data/raw/plan_2025_indicators.csv, rows 1, 2.1-2.4, 3). Base
structure: 11,9 / 55,8 / 27,2 / 5,1 % (https://news.laodong.vn/xa-hoi/kinh-te-phat-trien-toan-dien-nang-tam-vi-the-cua-tinh-hung-yen-trong-khu-vuc-1584553.ldo).
Expected values are derived independently in each test from those printed figures.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from grdp import check_plan, load_plan
from grdp.audit.sectors import sector_findings
from grdp.sectors.agreement import check_sector_targets
from grdp.sectors.contributions import calibrated_bridge, implied_growth_grid, plan_contributions, required_growth_table
from grdp.sectors.share import check_share_target
from grdp.sectors.share_path import year_share_from_done
from grdp.sectors.targets import plan_sector_growth

S = {"agriculture": 0.119, "ic": 0.558, "services": 0.272, "taxes": 0.051}
G9 = {"agriculture": 2.6, "industry": 10.5, "construction": 8.5, "services": 7.9}  # seed: 9 tháng
G4 = {"agriculture": 8.9, "industry": 16.7, "construction": 29.0, "services": 14.6}  # seed: Quý IV
GY = {"agriculture": 4.4, "industry": 12.5, "construction": 15.4, "services": 10.0}  # seed: năm 2025
YEAR = "Mục tiêu năm 2025"
DONE = "Kết quả 9 tháng"


def _weights(a: float) -> dict[str, float]:
    return {"agriculture": S["agriculture"], "industry": S["ic"] * a, "construction": S["ic"] * (1 - a),
            "services": S["services"]}


def _previous(g: dict[str, float], a: float, b: float = 1.0) -> float:
    """Σ s b g / Σ_VA s: previous-year weights, taxes like value added."""
    w = _weights(a)
    return sum(w[k] * b * g[k] for k in w) / 0.949


def _current(g: dict[str, float], a: float, b: float = 1.0) -> float:
    """1 + G = Σ_VA S / Σ S_i / (1 + b g_i): this year's shares back-cast."""
    w = _weights(a)
    return 100 * (0.949 / sum(w[k] / (1 + b * g[k] / 100) for k in w) - 1)


def test_plan_sector_growth_reads_rows_1_and_2(plan):
    t = plan_sector_growth(plan)
    assert t.loc[list(GY), "year"].to_dict() == GY
    assert t.loc[list(G9), "done"].to_dict() == G9
    assert t.loc[list(G4), "rest"].to_dict() == G4
    # GRDP: 8.01 (±0.005), 14,2-15,8 and 10-10,5 (±0.05 at each end)
    assert t.loc["total", ["done_low", "done_high"]].tolist() == pytest.approx([8.005, 8.015])
    assert t.loc["total", ["rest_low", "rest_high"]].tolist() == pytest.approx([14.15, 15.85])
    assert t.loc["total", ["year_low", "year_high"]].tolist() == pytest.approx([9.95, 10.55])


def test_bridge_one_interval_is_the_corner_extremes(plan):
    # Implied annual growth is increasing in every sector's growth and decreasing in the industry
    # split (construction grows faster): the extremes are split 0,92 with growth lows (current-year
    # shares read back-cast give the lower value) and split 0,68 with highs (previous-year weights).
    c = check_sector_targets(plan)
    lows = {k: v - 0.05 for k, v in GY.items()}
    highs = {k: v + 0.05 for k, v in GY.items()}
    candidates_lo = [_previous(lows, 0.92), _current(lows, 0.92)]
    candidates_hi = [_previous(highs, 0.68), _current(highs, 0.68)]
    iv = c.implied("year", "one")
    assert iv.low == pytest.approx(min(candidates_lo))
    assert iv.high == pytest.approx(max(candidates_hi))
    assert iv.low > c.targets["year"].high  # above 10,55 under every split: 10,78 and more


def test_calibrated_bridge_and_default_figures(plan):
    # Bridge: 8.01 / output-implied 9-month growth, at the default split 0.82.
    b = 8.01 / _previous(G9, 0.82)
    c = check_sector_targets(plan)
    assert c.default["bridge"] == pytest.approx(b)
    assert round(b, 3) == 0.937
    assert c.default["year_one"] == pytest.approx(_previous(GY, 0.82))
    assert c.default["year_calibrated"] == pytest.approx(b * _previous(GY, 0.82))
    assert 9.95 < c.default["year_calibrated"] < 10.55  # 10,37 %
    # The calibrated range's ends: the bridge falls with the 9-month sector growth and rises with the
    # 9-month GRDP growth, so the extremes are at (sectors +0,05, GRDP 8,005) and (sectors -0,05,
    # GRDP 8,015), at an end of the split range, under either reading of the structure.
    bridges = []
    for a, wo, (g_sector, grdp) in itertools.product((0.68, 0.92), ("previous", "current"), ((0.05, 8.005), (-0.05, 8.015))):
        g9 = {k: v + g_sector for k, v in G9.items()}
        f = _previous if wo == "previous" else _current
        lo, hi = 0.5, 1.5
        for _ in range(80):  # bisection, independent of the package's solvers
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if f(g9, a, mid) < grdp else (lo, mid)
        bridges.append(lo)
    assert c.bridge_calibrated.low == pytest.approx(min(bridges), abs=1e-9)
    assert c.bridge_calibrated.high == pytest.approx(max(bridges), abs=1e-9)
    np.testing.assert_allclose(calibrated_bridge(plan, industry_split=np.array([0.82])), [b])


def test_q4_uses_each_sectors_implied_q4_weight(plan):
    # w4_i = (year - 9M) / (Q4 - 9M) per sector; Q4 base structure ∝ s_i w4_i (taxes: the VA-weighted
    # mean weight); Q4 growth = Σ s4 g4 / Σ_VA s4.
    w = _weights(0.82)
    w4 = {k: (GY[k] - G9[k]) / (G4[k] - G9[k]) for k in GY}
    assert w4["agriculture"] == pytest.approx(1.8 / 6.3)
    s4 = {k: w[k] * w4[k] for k in w}
    expected = sum(s4[k] * G4[k] for k in s4) / sum(s4.values())
    c = check_sector_targets(plan)
    assert c.default["rest_one"] == pytest.approx(expected)


def test_verdicts_under_each_assumption(plan):
    # Default: agrees under some assumptions only -> conditional (the finding says consistent + warning).
    assert check_sector_targets(plan).verdict == "conditional"
    # "Value added grows like output" alone: the year is above 10,55 under every split -> implausible
    # (the structure and bridge are assumptions, so no identity fails).
    assert check_sector_targets(plan, bridge=(1.0, 1.0)).verdict == "implausible"
    # The 9-month bridge at the default split: 0.93 * 11.07 = 10.30 for the year -> consistent.
    assert check_sector_targets(plan, bridge=(0.93, 0.93), industry_split=(0.82, 0.82)).verdict == "consistent"


def test_a_target_no_assumption_reaches_is_implausible(write_plan):
    # GRDP target 13-13,5 %: the sector targets imply at most 11,36 %.
    plan = load_plan(write_plan({("1", YEAR): "13-13,5"}))
    assert check_sector_targets(plan).verdict == "implausible"
    findings = {f.check: f for f in sector_findings(plan)}
    assert findings["sectors_vs_grdp"].verdict == "implausible"


def test_findings_join_the_audit(plan):
    audit = check_plan(plan, extra_checks=[sector_findings])
    row1 = [f for f in audit.items if f.stt == "1"]
    assert [f.check for f in row1] == ["period_identity", "sectors_vs_grdp"]
    row3 = [f for f in audit.items if f.stt == "3"]
    assert [(f.check, f.verdict) for f in row3] == [("share_from_sectors", "implausible")]
    assert not audit.has_inconsistency and audit.implausible == tuple(row3)
    f1 = row1[1]
    assert f1.verdict == "consistent" and f1.warning  # agrees only under some assumptions
    assert f1.monitoring_unit == "Sở Tài chính; Thống kê tỉnh" and f1.key == "grdp_growth"
    check = f1.evidence.check  # the SectorTargetsCheck behind the finding
    assert check.implied("year", "one").low > 10.55  # bridge 1: above the target's rounding interval
    assert check.implied("year", "calibrated").low < 10.55
    assert f1.as_dict()["implied_year_bridge1_low"] == check.implied("year", "one").low
    assert "GTTT" in f1.detail and "10,78" in f1.detail
    en = {f.check: f for f in sector_findings(plan, "en")}
    assert "10.78" in en["sectors_vs_grdp"].detail and "value added" in en["sectors_vs_grdp"].warning


def test_unknown_assumption_is_rejected(plan):
    with pytest.raises(TypeError, match="unknown assumption"):
        sector_findings(plan, splitt=(0.7, 0.8))


def test_missing_sector_figure_is_not_checkable(write_plan):
    plan = load_plan(write_plan({("2.3", "Mục tiêu Quý IV"): "-"}))
    f = {f.check: f for f in sector_findings(plan)}
    assert f["sectors_vs_grdp"].verdict == "not_checkable"
    assert "2.3" in f["sectors_vs_grdp"].detail
    assert f["share_from_sectors"].verdict == "implausible"  # the share needs 9 months and year only


# ------------------------------------------------------------------ the share target


def test_share_target_does_not_follow(plan):
    s = check_share_target(plan)
    assert s.published == pytest.approx(83.0)  # 55,8 + 27,2
    assert s.verdict == "implausible"
    assert s.implied.high < 82.95  # every admissible assumption stays below 83,0's rounding interval
    # the needed seasonal gap gives the target's middle exactly (default split, bridge 1)
    done = {"agriculture": 100 - 81.2 - 5.1, "industry": 81.2 * 55.8 / 83.0 * 0.82,
            "construction": 81.2 * 55.8 / 83.0 * 0.18, "services": 81.2 * 27.2 / 83.0, "taxes": 5.1}
    share_at = lambda gap: year_share_from_done(done, G9, GY, seasonal_gap=gap)  # noqa: E731
    lo, hi = -5.0, 5.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if share_at(mid) < 83.0 else (lo, mid)
    assert s.needed_gap.low - 1e-6 <= lo <= s.needed_gap.high + 1e-6
    assert lo > s.seasonal_gap[1] > s.national_gaps.max()  # +1,8 against at most +1,0 (national -0,51)


def test_share_without_seasonality_by_hand(plan):
    # No seasonal gap, split 0,82, bridge 1: the direct computation of test_structure's
    # year_share_from_done check gives 81,27 % for the year from 81,2 % after 9 months.
    done = {"agriculture": 13.7, "industry": 81.2 * 55.8 / 83.0 * 0.82, "construction": 81.2 * 55.8 / 83.0 * 0.18,
            "services": 81.2 * 27.2 / 83.0, "taxes": 5.1}
    y = year_share_from_done(done, G9, GY)
    assert 81.2 < y < 81.4
    s = check_share_target(plan)
    assert s.implied.low < y < s.implied.high


def test_share_target_81_5_agrees_only_with_a_seasonal_gap(write_plan):
    plan = load_plan(write_plan({("3", YEAR): "81,5"}))
    s = check_share_target(plan)
    assert s.verdict == "conditional"
    f = {f.check: f for f in sector_findings(plan)}["share_from_sectors"]
    assert f.verdict == "consistent" and "chênh lệch mùa vụ" in f.warning


def test_share_without_nine_months_is_not_checkable(write_plan):
    plan = load_plan(write_plan({("3", DONE): "-"}))
    f = {f.check: f for f in sector_findings(plan)}["share_from_sectors"]
    assert f.verdict == "not_checkable"


# ------------------------------------------------------------------ notebook tables


def test_plan_contributions_sum_to_the_implied_growth(plan):
    c = plan_contributions(plan)
    assert c.loc["total", "contribution_pp"] == pytest.approx(_previous(GY, 0.82))
    assert c.drop(index="total")["contribution_pp"].sum() == pytest.approx(c.loc["total", "growth_pct"])
    c_cal = plan_contributions(plan, bridge=0.9)
    assert c_cal.loc["total", "contribution_pp"] == pytest.approx(0.9 * _previous(GY, 0.82))


def test_required_growth_table_round_trips(plan):
    t = required_growth_table(plan)
    # industry for 10 %: (10 * 0.949 - Σ_{others} s g) / s_industry
    w = _weights(0.82)
    others = sum(w[k] * GY[k] for k in w if k != "industry")
    assert t.loc["industry", "10.0"] == pytest.approx((10 * 0.949 - others) / w["industry"])
    assert list(t.columns) == ["target", "10.0", "10.5"]


def test_implied_growth_grid(plan):
    g = implied_growth_grid(plan, industry_split=[0.68, 0.92], bridge=[0.9, 1.0])
    assert g.loc[0.68, 1.0] == pytest.approx(_previous(GY, 0.68))
    assert g.loc[0.92, 0.9] == pytest.approx(_previous(GY, 0.92, 0.9))
    q = implied_growth_grid(plan, period="rest", industry_split=[0.82], bridge=[1.0])
    assert q.iloc[0, 0] == pytest.approx(check_sector_targets(plan).default["rest_one"])


def test_share_interval_ends_are_the_extreme_rounding_corners(plan):
    # Brute force over every rounding corner of the eight sector growth figures (±0,05) and the
    # 9-month share (81,2 ± 0,05), at one split, bridge and seasonal gap.
    s = check_share_target(plan, industry_split=(0.82, 0.82), bridge=(1.0, 1.0), seasonal_gap=(0.0, 0.0))
    values = []
    for signs in itertools.product((-0.05, 0.05), repeat=8):
        g9 = {k: v + d for (k, v), d in zip(G9.items(), signs[:4])}
        gy = {k: v + d for (k, v), d in zip(GY.items(), signs[4:])}
        for d in (81.15, 81.25):
            done = {"agriculture": 100 - d - 5.1, "industry": d * 55.8 / 83.0 * 0.82,
                    "construction": d * 55.8 / 83.0 * 0.18, "services": d * 27.2 / 83.0, "taxes": 5.1}
            values.append(year_share_from_done(done, g9, gy))
    assert s.implied.low == pytest.approx(min(values))
    assert s.implied.high == pytest.approx(max(values))


def test_share_finding_leads_with_what_q4_would_need():
    # Seed row 3: 81,2 % after 9 months, 83,0 % for the year. With Q4's GRDP weight w, the year's share is
    # (1 - w)·81.2 + w·s4, so s4 = (83.0 - (1 - w)·81.2)/w: 86.8 at the plan's w = 0.3206, 87.3 at the nation's
    # latest 0.282 (assumptions.csv national_q4_weight_latest).
    from grdp import load_plan
    from grdp.sectors.share import check_share_target

    plan = load_plan()
    check = check_share_target(plan)
    w = plan.implied_rest_weight()
    assert check.rest_weights == pytest.approx((w, 0.282))
    assert check.rest_share_needed[0] == pytest.approx((83.0 - (1 - w) * 81.2) / w)
    assert check.rest_share_needed[1] == pytest.approx((83.0 - 0.718 * 81.2) / 0.282)
    assert check.growth_only == pytest.approx(81.27, abs=0.005)  # the sector targets alone: +0.07 points
    assert check.summary().startswith("Để tỷ trọng cả năm đạt 83,0 % từ 81,2 % của 9 tháng, riêng quý IV phải đạt khoảng 86,8 %")
