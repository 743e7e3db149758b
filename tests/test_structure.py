"""grdp.structure: the merged province's base structure, the industry split, share paths.

Figures from data/raw/provinces_hungyen_thaibinh.csv and national_gdp_releases.csv; each
assertion names the row's source URL.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grdp.sectors.keys import group_share, normalise_weights, sector_label, split_structure
from grdp.sectors.share_path import (
    national_seasonal_gaps,
    next_structure,
    previous_structure,
    rest_structure,
    year_share_from_done,
)
from grdp.sectors.structure import (
    combined_industry_split,
    default_split,
    industry_split_evidence,
    merged_structure,
    seasonal_gap_range,
    split_range,
)

DEFAULT_INDUSTRY_SPLIT = default_split()  # data/raw/assumptions.csv, row industry_split
INDUSTRY_SPLIT_RANGE = split_range()  # rows industry_split_low / _high
SEASONAL_GAP_RANGE = seasonal_gap_range()  # rows seasonal_gap_low / _high

LAODONG = "https://news.laodong.vn/xa-hoi/kinh-te-phat-trien-toan-dien-nang-tam-vi-the-cua-tinh-hung-yen-trong-khu-vuc-1584553.ldo"
YEARBOOK = "http://niengiam.thongkehungyen.gov.vn/files/basic-html/page97.html"
TB_2023 = "https://consosukien.vn/nam-2023-grdp-tren-dia-ban-tinh-thai-binh-tang-7-37-so-voi-cung-ky-nam-2022.htm"


def test_merged_structure_2025():
    # 11,9 / 55,8 / 27,2 / 5,1 % at current prices, party congress estimate (LAODONG).
    s = merged_structure()
    assert s.shares.to_dict() == {"agriculture": 11.9, "industry_construction": 55.8, "services": 27.2, "taxes": 5.1}
    assert s.source == LAODONG and s.release == "party_congress_estimate" and s.price_basis == "current"
    assert s.group_share() == pytest.approx(83.0)  # 55,8 + 27,2
    w = s.weights(industry_split=0.8)
    assert w["industry"] == pytest.approx(0.558 * 0.8) and w["construction"] == pytest.approx(0.558 * 0.2)
    assert sum(w.values()) == pytest.approx(1.0)
    assert "11,9" in s.summary() and "11.9" in s.summary(lang="en")


def test_split_evidence_from_published_figures():
    ev = industry_split_evidence().set_index("period")
    # Yearbook table 39 (YEARBOOK), constant 2010 prices, triệu đồng: industry 12.139.986 of
    # industry + construction 13.405.944 in 2010; 16.322.505 of 17.986.819 in 2013.
    assert ev.loc["2010", "industry_share"] == pytest.approx(12139986 / 13405944)
    assert ev.loc["2013", "industry_share"] == pytest.approx(16322505 / 17986819)
    assert ev.loc["2010", "source_url"] == YEARBOOK
    # Thái Bình 2023 (TB_2023): industry + construction 11,60 %, industry 14,56 %, construction 5,24 %:
    # the previous-year weight of industry a solves 11,60 = 14,56 a + 5,24 (1 - a).
    assert ev.loc["2023", "industry_share"] == pytest.approx((11.60 - 5.24) / (14.56 - 5.24))
    assert ev.loc["2023", "source_url"] == TB_2023


def test_default_split_and_range_follow_from_the_evidence():
    default, low, high = combined_industry_split()
    # Derivation: HY mean 2010-2013 (0,9063) and TB 2023 (0,6824) weighted by 2024 GRDP x share of
    # industry + construction: HY 159.844 x 61,32 % (ngoisao.vn 2024 GRDP; yearbook 2020 share),
    # TB 132.700 x 44,3 % (baomoi.net.vn 2024).
    hy = np.mean([12139986 / 13405944, 13879243 / 15247715, 15128278 / 16771373, 16322505 / 17986819])
    tb = (11.60 - 5.24) / (14.56 - 5.24)
    w_hy, w_tb = 159844 * 0.6132, 132700 * 0.443
    assert default == pytest.approx((w_hy * hy + w_tb * tb) / (w_hy + w_tb))
    assert round(default, 2) == DEFAULT_INDUSTRY_SPLIT
    assert INDUSTRY_SPLIT_RANGE[0] <= low and high <= INDUSTRY_SPLIT_RANGE[1]
    assert INDUSTRY_SPLIT_RANGE[0] == pytest.approx(np.floor(low * 100) / 100)
    assert INDUSTRY_SPLIT_RANGE[1] == pytest.approx(np.ceil(high * 100) / 100)


def test_national_2025_split_is_inside_the_range():
    # Cross-check: national 2025 industry 8,80 % → 35,15 % and construction 9,62 % → 8,47 % of
    # value-added growth (https://cafef.vn/tang-truong-gdp-viet-nam-dat-802-nam-2025-188260105154536025.chn):
    # weights ∝ share / growth.
    a = (35.15 / 8.80) / (35.15 / 8.80 + 8.47 / 9.62)
    assert a == pytest.approx(0.819, abs=0.001)
    assert INDUSTRY_SPLIT_RANGE[0] < a < INDUSTRY_SPLIT_RANGE[1]
    assert abs(a - DEFAULT_INDUSTRY_SPLIT) < 0.01


def test_national_seasonal_gaps():
    # Year minus 9 months of 100 - agriculture - taxes, national structure at current prices:
    # 2016 (100 - 16,32 - 10,04) - (100 - 15,54 - 10,18) = -0,64
    # (http://www.hiephoibanle.com/news/5194/GDP-9-thang-uoc-tang-5,93.html and
    #  http://blog.vietnam-aujourdhui.info/post/2017/12/27/Vietnam-s-economy-grows-6.81-pct-in-2017);
    # 2019 (100 - 13,96 - 9,91) - (100 - 13,20 - 10,08) = -0,59
    # (https://nld.com.vn/kinh-te/gdp-9-thang-tang-698-cao-nhat-trong-9-nam-qua-20190928114207218.htm,
    #  https://soha.vn/gdp-viet-nam-nam-2019-vuot-muc-tieu-dat-ra-dat-muc-702-20191227153103482.htm).
    gaps = national_seasonal_gaps()
    assert gaps[2016] == pytest.approx((100 - 16.32 - 10.04) - (100 - 15.54 - 10.18))
    assert gaps[2019] == pytest.approx((100 - 13.96 - 9.91) - (100 - 13.20 - 10.08))
    assert list(gaps.index) == [2016, 2017, 2018, 2019]
    assert SEASONAL_GAP_RANGE[0] < gaps.min() and gaps.max() < SEASONAL_GAP_RANGE[1]


def test_revised_national_levels_have_smaller_seasonal_gaps(reference_levels):
    # The office's revised quarterly levels at current prices: the year's share of industry +
    # construction + services differs from the 9 months' by less than the admissible gap, 2010-2023.
    cur = reference_levels[reference_levels["price_basis"] == "current"]
    wide = cur.pivot_table(index=["year", "quarter"], columns="sector", values="value_bn_vnd")
    group = wide["industry_construction"] + wide["services"]
    years = range(2010, 2024)
    for y in years:
        nine = group.loc[[(y, q) for q in ("Q1", "Q2", "Q3")]].sum() / wide["GDP"].loc[[(y, q) for q in ("Q1", "Q2", "Q3")]].sum()
        year = group.loc[y].sum() / wide["GDP"].loc[y].sum()
        assert SEASONAL_GAP_RANGE[0] < 100 * (year - nine) < SEASONAL_GAP_RANGE[1], y


def test_normalise_weights():
    assert normalise_weights({"agriculture": 40, "services": 60}) == {"agriculture": 0.4, "services": 0.6}
    with pytest.raises(ValueError, match="include 'taxes'"):
        normalise_weights({"agriculture": 11.9, "industry_construction": 55.8, "services": 27.2})


def test_split_structure_rejects_a_split_outside_0_1():
    with pytest.raises(ValueError, match="industry_split must be in"):
        split_structure({"industry_construction": 1.0}, industry_split=1.2)


shares_st = st.lists(st.floats(0.5, 60), min_size=4, max_size=4)
growth_st = st.lists(st.floats(-20, 40), min_size=4, max_size=4)
KEYS = ("agriculture", "industry_construction", "services", "taxes")


@settings(max_examples=200, deadline=None)
@given(shares_st, growth_st, st.lists(st.floats(0.8, 1.25), min_size=4, max_size=4))
def test_next_and_previous_structure_are_inverse(shares, growth, prices):
    s = pd.Series(dict(zip(KEYS, shares)))
    g = dict(zip(KEYS, growth))
    p = dict(zip(KEYS, prices))
    there = next_structure(s, g, relative_prices=p)
    assert there.sum() == pytest.approx(s.sum())
    back = previous_structure(there, g, relative_prices=p)
    assert back.to_numpy() == pytest.approx(s.to_numpy())


def test_next_structure_by_hand():
    # 20 % agriculture growing 0 %, 80 % services growing 25 %: 20 / (20 + 100) = 1/6.
    s = next_structure({"agriculture": 20.0, "services": 80.0}, {"agriculture": 0.0, "services": 25.0})
    assert s["agriculture"] == pytest.approx(100 / 6)


def test_rest_structure_by_hand():
    # Q4 weights 0.2 and 0.3 of equal annual sectors: Q4 structure 0.4 / 0.6; taxes without a weight
    # take the value-added mean weight (0.25), keeping their annual share.
    out = rest_structure({"agriculture": 0.45, "services": 0.45, "taxes": 0.1}, {"agriculture": 0.2, "services": 0.3})
    assert out["agriculture"] / out["services"] == pytest.approx(0.2 / 0.3)
    assert out["taxes"] == pytest.approx(0.1)


def test_year_share_from_done_matches_a_direct_computation():
    # Direct: last year's 9-month structure = this year's / (1 + g9), renormalised; add the gap to the
    # group (taken from agriculture); grow by the annual growth; read the group's share.
    done = {"agriculture": 13.7, "industry_construction": 54.59, "services": 26.61, "taxes": 5.1}
    g9 = {"agriculture": 2.6, "industry_construction": 10.2, "services": 7.9, "taxes": 8.0}
    gy = {"agriculture": 4.4, "industry_construction": 13.0, "services": 10.0, "taxes": 11.0}
    prev = {k: v / (1 + g9[k] / 100) for k, v in done.items()}
    total = sum(prev.values())
    prev = {k: 100 * v / total for k, v in prev.items()}
    grp = prev["industry_construction"] + prev["services"]
    gap = -0.5
    prev = {k: (v * (grp + gap) / grp if k in ("industry_construction", "services") else v) for k, v in prev.items()}
    prev["agriculture"] -= gap
    nxt = {k: v * (1 + gy[k] / 100) for k, v in prev.items()}
    expected = 100 * (nxt["industry_construction"] + nxt["services"]) / sum(nxt.values())
    assert year_share_from_done(done, g9, gy, seasonal_gap=gap) == pytest.approx(expected)


def test_year_share_from_done_is_vectorised():
    done = {"agriculture": 14.0, "industry_construction": 55.0, "services": 26.0, "taxes": 5.0}
    g = {"agriculture": 3.0, "industry_construction": 10.0, "services": 8.0}
    out = year_share_from_done(done, g, g, seasonal_gap=np.array([-1.0, 0.0, 1.0]))
    assert out.shape == (3,) and np.all(np.diff(out) > 0)


def test_group_share_and_labels():
    assert group_share({"agriculture": 11.9, "industry_construction": 55.8, "services": 27.2, "taxes": 5.1}) == pytest.approx(83.0)
    assert sector_label("taxes") == "Thuế sản phẩm trừ trợ cấp sản phẩm"
    assert sector_label("industry_construction", "en") == "Industry and construction"
