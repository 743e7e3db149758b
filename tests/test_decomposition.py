"""grdp.decomposition and grdp.conventions: contributions in both published conventions, reading printed sets,
back-solves.

Published figures come from data/raw/national_gdp_releases.csv (one source_url per row; the
URLs are repeated next to each assertion). The statistics office's quarterly levels in
../shared/reference (GSO NSDP SDMX GDPVNM.xml prepared 2024-10-24, copy in
github.com/thanhqtran/gso-macro-monitor 2024q3/GDPVNM.xml) are read through the
``reference_levels`` fixture (skipped when absent).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grdp.io.datasets import national_releases
from grdp.sectors.conventions import points_to_shares, read_contributions, shares_to_points
from grdp.sectors.decomposition import (
    calibrate_bridge,
    contributions,
    contributions_table,
    implied_growth,
    required_sector_growth,
)
from grdp.sectors.structure import merged_structure

THREE = ("agriculture", "industry_construction", "services")
DATA_SECTOR = {"agri": "agriculture", "ind_con": "industry_construction", "services": "services"}
URL_2025 = "https://cafef.vn/tang-truong-gdp-viet-nam-dat-802-nam-2025-188260105154536025.chn"


def _published(year: int, period: str, measure: str) -> dict[str, float]:
    f = national_releases()
    rows = f[(f["year"] == year) & (f["period"] == period) & (f["measure"] == measure) & (f["release"] == "first")
             & f["sector"].isin(DATA_SECTOR)]
    return {DATA_SECTOR[s]: v for s, v in zip(rows["sector"], rows["value"])}


# ------------------------------------------------------------------ contributions: hand examples


def test_contributions_by_hand():
    # Derivation: C = s g: 0.2*2 = 0.4, 0.4*10 = 4.0, 0.4*7 = 2.8; total 7.2; shares 100*C/7.2.
    c = contributions({"agriculture": 2.0, "industry_construction": 10.0, "services": 7.0},
                      weights={"agriculture": 20, "industry_construction": 40, "services": 40})
    assert list(c.index) == [*THREE, "total"]
    assert c["contribution_pp"].tolist() == pytest.approx([0.4, 4.0, 2.8, 7.2])
    assert c["share_of_growth_pct"].tolist() == pytest.approx([100 * 0.4 / 7.2, 100 * 4 / 7.2, 100 * 2.8 / 7.2, 100])
    assert c.loc["total", "weight"] == pytest.approx(1.0)
    assert c.loc["total", "growth_pct"] == pytest.approx(7.2)


def test_taxes_count_in_growth_but_not_in_the_value_added_convention():
    # Derivation: VA points 0.5*4 + 0.4*10 = 6.0; taxes 0.1*2 = 0.2; GRDP 6.2.
    c = contributions({"agriculture": 4.0, "industry_construction": 10.0, "taxes": 2.0},
                      weights={"agriculture": 0.5, "industry_construction": 0.4, "taxes": 0.1})
    assert c.loc["total", "contribution_pp"] == pytest.approx(6.2)
    assert np.isnan(c.loc["taxes", "share_of_gva_growth_pct"])
    assert c.loc["agriculture", "share_of_gva_growth_pct"] == pytest.approx(100 * 2.0 / 6.0)
    assert c.loc["agriculture", "share_of_growth_pct"] == pytest.approx(100 * 2.0 / 6.2)
    assert c.attrs["gva_growth_pct"] == pytest.approx(6.0 / 0.9)  # 6.0 points over a 0.9 weight


def test_levels_give_the_same_as_base_weights():
    # Base levels 50/30/20 grown by 2/10/5 % are this period's levels.
    g = {"agriculture": 2.0, "industry_construction": 10.0, "services": 5.0}
    base = {"agriculture": 50.0, "industry_construction": 30.0, "services": 20.0}
    levels = {k: base[k] * (1 + g[k] / 100) for k in g}
    a = contributions(g, levels=levels)
    b = contributions(g, weights=base)
    pd.testing.assert_frame_equal(a, b)
    assert a.loc["total", "growth_pct"] == pytest.approx(100 * (sum(levels.values()) / 100 - 1))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "not both or neither"),
        ({"weights": {"agriculture": 0.5, "services": 0.5}, "levels": {"agriculture": 1, "services": 1}}, "not both"),
        ({"weights": {"agriculture": 0.5, "services": 0.4}}, "sum to 1 or 100"),
        ({"weights": {"agriculture": 0.5, "industry_construction": 0.5}}, "same sectors"),
    ],
)
def test_contributions_reject_bad_options(kwargs, message):
    with pytest.raises(ValueError, match=message):
        contributions({"agriculture": 1.0, "services": 2.0}, **kwargs)


def test_industry_is_not_counted_twice():
    with pytest.raises(ValueError, match="not both"):
        contributions({"industry": 1.0, "construction": 1.0, "industry_construction": 1.0},
                      weights={"industry": 0.4, "construction": 0.1, "industry_construction": 0.5})
    with pytest.raises(ValueError, match="go together"):
        contributions({"industry": 1.0, "services": 1.0}, weights={"industry": 0.5, "services": 0.5})


def test_unknown_sector_is_named():
    with pytest.raises(ValueError, match="'mining'"):
        contributions({"mining": 1.0}, weights={"mining": 1.0})


def test_display_table_is_vietnamese_with_decimal_comma():
    c = contributions({"agriculture": 2.0, "services": 7.0}, weights={"agriculture": 0.5, "services": 0.5})
    t = contributions_table(c)
    assert t.index.tolist() == ["Nông, lâm nghiệp và thủy sản", "Dịch vụ", "Tổng sản phẩm trên địa bàn (GRDP)"]
    assert t["Đóng góp (điểm phần trăm)"].tolist() == ["1,00", "3,50", "4,50"]
    assert contributions_table(c, lang="en")["Contribution (percentage points)"].tolist() == ["1.00", "3.50", "4.50"]


growth_st = st.floats(-10, 30, allow_nan=False)
weight_st = st.floats(0.01, 1.0)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(growth_st, weight_st), min_size=4, max_size=4))
def test_parts_sum_to_the_total(pairs):
    keys = ("agriculture", "industry_construction", "services", "taxes")
    total_w = sum(w for _, w in pairs)
    g = {k: p[0] for k, p in zip(keys, pairs)}
    w = {k: p[1] / total_w for k, p in zip(keys, pairs)}
    c = contributions(g, weights=w)
    parts = c.drop(index="total")
    assert parts["contribution_pp"].sum() == pytest.approx(c.loc["total", "growth_pct"], abs=1e-12)
    # Σ s_i g_i is GRDP growth; levels grown sector by sector give the same.
    assert c.loc["total", "growth_pct"] == pytest.approx(100 * (sum(w[k] * (1 + g[k] / 100) for k in keys) - 1), abs=1e-9)


# ------------------------------------------------------------------ published national decompositions


def test_reference_levels_reproduce_the_published_shares_of_value_added_growth(reference_levels):
    # Shares of the growth of value added, first releases (national_gdp_releases.csv, e.g. 2023 Y
    # "8,84 / 28,87 / 62,29" https://phunuvietnam.vn/print/tang-truong-gdp-nam-2023-dat-505-20231229115357477.htm;
    # 2024 9M "5,37 / 46,22 / 48,41" https://vienthongke.vn/bao-cao-tinh-hinh-kinh-te-xa-hoi-quy-iii-va-9-thang-nam-2024/), against the
    # statistics office's quarterly levels. Checked where the levels reproduce the release's sector
    # growth within its rounding (later vintages revised the earlier years).
    lv = reference_levels[reference_levels["price_basis"] == "constant2010"]
    lv = lv.pivot_table(index=["year", "quarter"], columns="sector", values="value_bn_vnd")
    quarters = {"Q3": ["Q3"], "Q4": ["Q4"], "9M": ["Q1", "Q2", "Q3"], "Y": ["Q1", "Q2", "Q3", "Q4"]}
    ref_sector = {"agriculture": "agri", "industry_construction": "industry_construction", "services": "services"}
    checked = []
    for year, period in [(2023, "Q3"), (2023, "Q4"), (2023, "Y"), (2023, "9M"), (2024, "9M"), (2024, "Q3"), (2022, "Y")]:
        now = lv.loc[[(year, q) for q in quarters[period]]].sum()
        base = lv.loc[[(year - 1, q) for q in quarters[period]]].sum()
        g = {k: 100 * (now[v] / base[v] - 1) for k, v in ref_sector.items()}
        published_g = _published(year, period, "growth_yoy_pct")
        if any(abs(g[k] - published_g[k]) > 0.005 for k in THREE):
            continue  # the release was revised; the levels are a later vintage
        c = contributions(g, levels={k: now[v] for k, v in ref_sector.items()})
        shares = _published(year, period, "contrib_share_of_VA_growth_pct")
        for k in THREE:
            # printed at 2 decimals (±0.005); the levels' own rounding of growth adds ~0.01
            assert c.loc[k, "share_of_gva_growth_pct"] == pytest.approx(shares[k], abs=0.02), (year, period, k)
        checked.append((year, period))
    assert len(checked) >= 4, checked  # 2023 Q4, 2023 Y, 2024 9M, 2024 Q3 at least


def test_2025_national_shares_from_published_growth(reference_levels):
    # 2025: growth 3,78 / 8,95 / 8,62 and shares 5,30 / 43,62 / 51,08 of value-added growth;
    # industry 8,80 % -> 35,15 and construction 9,62 % -> 8,47 (URL_2025). Weights: the 2023
    # levels (reference) grown by the published 2024 growth (3,27 / 8,24 / 7,38; industry 8,32;
    # https://dantri.com.vn/kinh-doanh/gdp-viet-nam-nam-2024-tang-truong-an-tuong-709-20250106093943787.htm).
    # The 2024 growth was a first estimate, revised since: agreement within 0,2 point, not rounding.
    lv = reference_levels[(reference_levels["price_basis"] == "constant2010") & (reference_levels["year"] == 2023)]
    y23 = lv.groupby("sector")["value_bn_vnd"].sum()
    g24 = _published(2024, "Y", "growth_yoy_pct")
    assert g24 == {"agriculture": 3.27, "industry_construction": 8.24, "services": 7.38}
    l24 = {"agriculture": y23["agri"] * 1.0327, "industry_construction": y23["industry_construction"] * 1.0824,
           "services": y23["services"] * 1.0738}
    l24_industry = y23["industry"] * 1.0832
    total = sum(l24.values())
    w = {k: v / total for k, v in l24.items()}
    g25 = _published(2025, "Y", "growth_yoy_pct")
    c = contributions(g25, weights=w)
    shares = _published(2025, "Y", "contrib_share_of_VA_growth_pct")
    assert shares == {"agriculture": 5.30, "industry_construction": 43.62, "services": 51.08}
    for k in THREE:
        assert c.loc[k, "share_of_gva_growth_pct"] == pytest.approx(shares[k], abs=0.2)
    w4 = {"agriculture": w["agriculture"], "industry": l24_industry / total,
          "construction": (l24["industry_construction"] - l24_industry) / total, "services": w["services"]}
    c4 = contributions({"agriculture": 3.78, "industry": 8.80, "construction": 9.62, "services": 8.62}, weights=w4)
    assert c4.loc["industry", "share_of_gva_growth_pct"] == pytest.approx(35.15, abs=0.2)
    assert c4.loc["construction", "share_of_gva_growth_pct"] == pytest.approx(8.47, abs=0.2)


# ------------------------------------------------------------------ reading printed contributions


def test_2013_points_printed_with_a_percent_sign():
    # 2013 Y: "đóng góp 0,48%", "2,09%", "2,85%" with growth 5,42 %
    # (http://baovinhlong.com.vn/thoi-su/201312/gdp-ca-nuoc-nam-2013-tang-542-2541787/).
    r = read_contributions(_published(2013, "Y", "contrib_pp"), 5.42)
    assert r.convention == "points"
    assert r.shares.sum() == pytest.approx(100)


def test_2025_shares_of_value_added_growth():
    r = read_contributions(_published(2025, "Y", "contrib_share_of_VA_growth_pct"), 8.02)  # URL_2025
    assert r.convention == "share_of_growth"
    assert r.points.isna().all()  # taxes' share unknown: no conversion to points
    # With taxes 8,38 % of GDP growing like value added (2023 structure, same file), the VA part of
    # 8,02 is (1 - 0,0838) * 8,02 = 7,348 points; agriculture 5,30 % of it = 0,389.
    r2 = read_contributions(_published(2025, "Y", "contrib_share_of_VA_growth_pct"), 8.02, taxes_weight=0.0838)
    assert r2.points["agriculture"] == pytest.approx(0.053 * 0.9162 * 8.02)


def test_2015_points_fall_short_by_the_taxes():
    # 2015 Y: 0,40 + 3,20 + 2,43 = 6,03 points against 6,68 % growth (the missing 0,65 is product
    # taxes; https://vietnamnet.vn/tang-truong-kinh-te-2015-cao-nhat-5-nam-281120.html, data README).
    f = national_releases()
    growth = float(f.query("year == 2015 and period == 'Y' and sector == 'total' and measure == 'growth_yoy_pct' "
                           "and release == 'first'")["value"].iloc[0])
    assert growth == pytest.approx(6.68)
    assert read_contributions(_published(2015, "Y", "contrib_pp"), growth).convention == "points"


def test_partial_and_impossible_sets():
    assert read_contributions({"industry": 3.2}, 8.0, precision=1, complete=False).convention == "ambiguous"
    assert read_contributions({"industry": 35.2}, 8.0, precision=1, complete=False).convention == "share_of_growth"
    assert read_contributions({"agriculture": 20.0, "industry_construction": 30.0, "services": 20.0}, 8.0).convention == "neither"


def test_a_set_that_fits_both_is_ambiguous():
    # Growth of 100 %: points and shares coincide.
    r = read_contributions({"agriculture": 10.0, "industry_construction": 50.0, "services": 40.0}, 100.0)
    assert r.convention == "ambiguous"
    assert "ambiguous" in r.summary(lang="en") and "không phân biệt được" in r.summary()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0.01, 5), min_size=3, max_size=3))
def test_points_to_shares_to_points_round_trip(points):
    p = dict(zip(THREE, points))
    shares = points_to_shares(p)
    back = shares_to_points(shares, gva_points=sum(points))
    assert back.to_numpy() == pytest.approx(points)


# ------------------------------------------------------------------ back-solves


W = {"agriculture": 0.119, "industry": 0.558 * 0.82, "construction": 0.558 * 0.18, "services": 0.272, "taxes": 0.051}
PLAN_YEAR = {"agriculture": 4.4, "industry": 12.5, "construction": 15.4, "services": 10.0}  # seed rows 2.1-2.4


def test_implied_growth_by_hand():
    # Derivation (taxes like value added): Σ s g / Σ_VA s =
    # (0.119*4.4 + 0.45756*12.5 + 0.10044*15.4 + 0.272*10) / 0.949 = 10.5100 / 0.949 = 11.0749
    num = 0.119 * 4.4 + 0.45756 * 12.5 + 0.10044 * 15.4 + 0.272 * 10.0
    assert implied_growth(PLAN_YEAR, W) == pytest.approx(num / 0.949)
    assert implied_growth(PLAN_YEAR, merged_structure().weights()) == pytest.approx(num / 0.949)
    # explicit taxes growth: Σ_VA s g + 0.051 * 3
    assert implied_growth(PLAN_YEAR, W, taxes_growth=3.0) == pytest.approx(num + 0.051 * 3.0)
    assert implied_growth({**PLAN_YEAR, "taxes": 3.0}, W) == pytest.approx(num + 0.051 * 3.0)


def test_current_period_shares_are_back_cast():
    # Derivation: the base levels per unit of this year's are S_i / (1 + g_i); with taxes like VA,
    # 1 + G = Σ_VA S / Σ_VA S_i/(1 + g_i).
    inv = sum(W[k] / (1 + PLAN_YEAR[k] / 100) for k in PLAN_YEAR)
    assert implied_growth(PLAN_YEAR, W, weights_of="current") == pytest.approx(100 * (0.949 / inv - 1))
    # and the same as the previous-period formula on the back-cast weights
    base = {k: W[k] / (1 + PLAN_YEAR[k] / 100) for k in PLAN_YEAR}
    g_t = 100 * (0.949 / inv - 1)
    base["taxes"] = W["taxes"] / (1 + g_t / 100)
    total = sum(base.values())
    assert implied_growth(PLAN_YEAR, {k: v / total for k, v in base.items()}) == pytest.approx(g_t)


def test_vectorised_over_draws():
    rng = np.random.default_rng(20251001)
    draws = {k: v + rng.normal(0, 1, size=1000) for k, v in PLAN_YEAR.items()}
    out = implied_growth(draws, W, bridge=rng.uniform(0.9, 1.0, size=1000))
    assert out.shape == (1000,)
    one = implied_growth({k: float(v[7]) for k, v in draws.items()}, W, bridge=float(rng.uniform(0.9, 1.0, size=1000)[7]))
    assert np.isfinite(one)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["agriculture", "industry", "construction", "services"]),
    st.floats(2, 20),
    st.floats(0.8, 1.1),
    st.sampled_from(["previous", "current"]),
    st.one_of(st.none(), st.floats(-5, 15)),
)
def test_required_growth_round_trip(sector, target, bridge, weights_of, taxes):
    g_needed = required_sector_growth(sector, target, PLAN_YEAR, W, bridge=bridge, weights_of=weights_of, taxes_growth=taxes)
    back = implied_growth({**PLAN_YEAR, sector: g_needed}, W, bridge=bridge, weights_of=weights_of, taxes_growth=taxes)
    assert back == pytest.approx(target, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.floats(0.7, 1.2), st.sampled_from(["previous", "current"]))
def test_calibrated_bridge_round_trip(bridge, weights_of):
    g9 = {"agriculture": 2.6, "industry": 10.5, "construction": 8.5, "services": 7.9}  # seed rows 2.1-2.4
    grdp = implied_growth(g9, W, bridge=bridge, weights_of=weights_of)
    assert calibrate_bridge(g9, grdp, W, weights_of=weights_of) == pytest.approx(bridge, abs=1e-9)


def test_calibrated_bridge_on_the_plans_nine_months():
    # Seed: 9-month output growth 2.6 / 10.5 / 8.5 / 7.9 %, GRDP 8.01 %. Derivation: output-implied
    # growth (0.119*2.6 + 0.45756*10.5 + 0.10044*8.5 + 0.272*7.9) / 0.949 = 8.5525; 8.01 / 8.5525.
    g9 = {"agriculture": 2.6, "industry": 10.5, "construction": 8.5, "services": 7.9}
    out9 = (0.119 * 2.6 + 0.45756 * 10.5 + 0.10044 * 8.5 + 0.272 * 7.9) / 0.949
    assert out9 == pytest.approx(8.5525, abs=1e-4)
    assert calibrate_bridge(g9, 8.01, W) == pytest.approx(8.01 / out9)
    # explicit taxes: b = (G - s_T g_T) / Σ_VA s g
    assert calibrate_bridge(g9, 8.01, W, taxes_growth=5.0) == pytest.approx((8.01 - 0.051 * 5) / (out9 * 0.949))


def test_back_solve_errors():
    with pytest.raises(ValueError, match="split the weights"):
        implied_growth(PLAN_YEAR, merged_structure().shares.to_dict())
    with pytest.raises(ValueError, match="weights_of must be one of"):
        implied_growth(PLAN_YEAR, W, weights_of="base")
    with pytest.raises(ValueError, match="sector must be one of"):
        required_sector_growth("taxes", 10, PLAN_YEAR, W)
    with pytest.raises(ValueError, match="once"):
        implied_growth({**PLAN_YEAR, "taxes": 1.0}, W, taxes_growth=2.0)
