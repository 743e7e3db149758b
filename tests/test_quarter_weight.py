"""The province's previous-year Q4 weight (grdp.q4_weight): its routes, best evidence first, and the levels reader."""

from __future__ import annotations

import pandas as pd
import pytest

import grdp
from grdp import InputError
from grdp.io.history import read_levels
from grdp.io.paths import project_root
from grdp.sectors.quarter_weight import national_fallback, q4_weight
from grdp.sectors.structure import merged_structure

# Seed Phụ lục 1, row 1: 8,01 / 14,2-15,8 / 10-10,5; rows 2.1-2.4: 9 months, Q4 and year of each sector.
W_PLAN = ((10 - 8.01) / (14.2 - 8.01) + (10.5 - 8.01) / (15.8 - 8.01)) / 2  # 0.3206
PLAN_2026 = project_root() / "tests" / "data" / "plan_2026_indicators.csv"
SECTOR_ROWS = {"agriculture": (2.6, 8.9, 4.4), "industry": (10.5, 16.7, 12.5), "construction": (8.5, 29.0, 15.4),
               "services": (7.9, 14.6, 10.0)}


def test_the_plan_route_is_the_grdp_rows_weight_with_its_rounding():
    w = q4_weight(grdp.load_plan())
    assert w.route == "plan" and not w.is_fallback
    assert w.value == pytest.approx(W_PLAN)
    # review 2026-11 section 1: the two ends' rounding intervals intersect on 0.3108-0.3286
    assert (round(w.low, 4), round(w.high, 4)) == (0.3108, 0.3286)
    assert w.evidence["route"].tolist() == ["plan", "sectors", "national"]


def test_the_sector_route_averages_the_sector_rows_over_the_structure():
    # each sector's (year - 9M)/(Q4 - 9M), weighted by the 2025 structure's value added shares (split 0.82):
    # review 2026-11 section 3 gives 0.317
    w = q4_weight(grdp.load_plan())
    shares = merged_structure(2025).weights()
    own = {s: (y - d) / (q - d) for s, (d, q, y) in SECTOR_ROWS.items()}
    expected = sum(shares[s] * own[s] for s in own) / sum(shares[s] for s in own)
    sectors = w.evidence.set_index("route").loc["sectors"]
    assert sectors["value"] == pytest.approx(expected) and round(sectors["value"], 3) == 0.317
    assert sectors["low"] < sectors["value"] < sectors["high"]


def test_a_plan_without_a_q4_grdp_target_takes_the_sector_rows(write_plan):
    plan = grdp.load_plan(write_plan({("1", "Mục tiêu Quý IV"): "-"}))
    w = q4_weight(plan)
    assert w.route == "sectors" and round(w.value, 3) == 0.317
    assert "các dòng ngành" in w.summary()


def test_without_any_of_the_provinces_figures_the_national_weight_is_a_labelled_fallback(write_plan):
    plan = grdp.load_plan(write_plan({("1", "Mục tiêu Quý IV"): "-", ("2.3", "Mục tiêu Quý IV"): "-"}))
    w = q4_weight(plan, lang="en")
    assert w.route == "national" and w.is_fallback and w.value == national_fallback() == 0.282
    assert "the nation's weight, not the province's" in w.summary()


def test_the_provinces_levels_come_first_and_former_provinces_add(tmp_path):
    # Two former provinces' constant-price quarters of 2024 (made-up levels): Q4 / year of the sums, not a mean of
    # the two provinces' own weights.
    levels = tmp_path / "levels.csv"
    levels.write_text(
        "province,period,level\n"
        "A,2024Q1,20\nA,2024Q2,25\nA,2024Q3,25\nA,2024Q4,30\n"
        "B,2024Q1,10\nB,2024Q2,10\nB,2024Q3,10\nB,2024Q4,20\n",
        encoding="utf-8",
    )
    w = q4_weight(grdp.load_plan(), levels=levels)
    assert w.route == "levels" and w.value == w.low == w.high == pytest.approx(50 / 150)
    assert w.value != pytest.approx((30 / 100 + 20 / 50) / 2)
    assert w.evidence["route"].tolist() == ["levels", "plan", "sectors", "national"]
    # a file without the plan's previous year is not evidence for it
    assert q4_weight(grdp.load_plan(), levels=pd.Series([1.0] * 4, index=pd.period_range("2022Q1", periods=4, freq="Q"))).route == "plan"


def test_a_plan_of_another_year():
    # tests/data/plan_2026_indicators.csv row 1: 8,62 / 11,4-12,5 / 9,5-9,8
    w = q4_weight(grdp.load_plan(PLAN_2026))
    assert w.route == "plan" and w.year == 2026
    assert w.value == pytest.approx(((9.5 - 8.62) / (11.4 - 8.62) + (9.8 - 8.62) / (12.5 - 8.62)) / 2)
    assert w.summary().startswith("Tỷ trọng quý IV năm 2025 trong GRDP cả năm 2025 của tỉnh: 0,310")


def test_the_forecast_and_the_share_check_use_it():
    plan = grdp.load_plan()
    w = q4_weight(plan).value
    assert grdp.nowcast_annual(plan).q4_weight == w
    from grdp.sectors.share import check_share_target

    assert check_share_target(plan).rest_weights == (w, national_fallback())


def test_read_levels_names_file_row_and_column(tmp_path):
    bad = tmp_path / "lv.csv"
    bad.write_text("period,level\n2024Q1,10\n2024Q5,12\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"lv.csv, row 3, column 'period': '2024Q5'"):
        read_levels(bad)
    bad.write_text("period,level\n2024Q1,10\n2024Q1,12\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"row 3, column 'period': '2024Q1': this quarter is given twice"):
        read_levels(bad)
    bad.write_text("period,level\n2024Q1,-3\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"row 2, column 'level': '-3': a level must be positive"):
        read_levels(bad)
    bad.write_text("quarter,level\n2024Q1,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing: period"):
        read_levels(bad)
