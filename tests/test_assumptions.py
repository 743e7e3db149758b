"""data/raw/assumptions.csv: every assumption sourced and dated, the derived ones recomputed from their sources."""

from __future__ import annotations

import csv
import math
import re

import pytest

from grdp import InputError
from grdp.io.assumptions import ASSUMPTION_COLUMNS, assumptions, read_assumptions
from grdp.io.paths import raw_dir
from grdp.sectors.share_path import national_seasonal_gaps
from grdp.sectors.structure import combined_industry_split, industry_split_evidence

FILE = raw_dir() / "assumptions.csv"
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def test_every_row_says_what_it_is_where_it_comes_from_and_when():
    rows = list(csv.DictReader(FILE.open(encoding="utf-8")))
    assert rows and list(rows[0]) == list(ASSUMPTION_COLUMNS)
    for row in rows:
        assert all(row[c].strip() for c in ASSUMPTION_COLUMNS), row["name"]
        assert row["kind"] in ("derived", "authored"), row["name"]
        assert DATE.fullmatch(row["date"]), row["name"]
        assert math.isfinite(float(row["value"]))
    assert len({r["name"] for r in rows}) == len(rows)


def test_the_industry_split_is_the_two_provinces_weighted_and_rounded():
    # derived from data/raw/provinces_hungyen_thaibinh.csv (yearbook 2022 table 39; Thái Bình 2023 growth; 2024 GRDP)
    default, low, high = combined_industry_split()
    a = assumptions()
    assert a.industry_split == round(default, 2) == 0.82  # 0.822 rounded
    assert a.industry_split_range == (math.floor(low * 100) / 100, math.ceil(high * 100) / 100) == (0.68, 0.92)
    ev = industry_split_evidence()
    assert a.industry_split_range[0] <= ev["industry_share"].min() and ev["industry_share"].max() <= a.industry_split_range[1]


def test_the_seasonal_gap_range_admits_the_national_gaps_with_room():
    gaps = national_seasonal_gaps()  # 2016-2019: -0.66 to -0.51 (national_gdp_releases.csv)
    lo, hi = assumptions().seasonal_gap_range
    assert lo < gaps.min() and gaps.max() < hi and hi - lo > 2 * (gaps.max() - gaps.min())


def test_national_weights_sum_to_one_and_q4_is_the_default_weight():
    a = assumptions()
    assert sum(a.national_quarter_weights) == pytest.approx(1.0)
    assert a.national_q4_weight == a.national_quarter_weights[3] == 0.271
    assert a.source("national_q4_weight")["kind"] == "derived"


def test_the_report_what_if_and_the_scenario_multipliers():
    a = assumptions()
    assert a.what_if == {"construction": 20.0}  # the leaders' question of issue 6
    # the rule of data/raw/scenarios_2025.csv, and no acceleration at all (review 2026-11, section 5)
    assert a.scenario_multipliers == {"pace": 0.0, "low": 0.5, "base": 1.0, "high": 1.25}


def _write(tmp_path, rows):
    path = tmp_path / "assumptions.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return path


def test_a_broken_assumptions_file_names_file_row_and_column(tmp_path):
    rows = list(csv.reader(FILE.open(encoding="utf-8")))
    bad = [list(r) for r in rows]
    bad[3][1] = "0,242"
    with pytest.raises(InputError, match=r"assumptions.csv, row 4, column 'value': '0,242': not a number"):
        read_assumptions(_write(tmp_path, bad))
    bad = [list(r) for r in rows]
    bad[5][4] = ""
    with pytest.raises(InputError, match=r"row 6, column 'source'"):
        read_assumptions(_write(tmp_path, bad))
    bad = [list(r) for r in rows] + [list(rows[1])]
    with pytest.raises(InputError, match="named twice"):
        read_assumptions(_write(tmp_path, bad))
    bad = [r for r in rows if r[0] != "industry_split"]
    with pytest.raises(InputError, match="'industry_split' is missing"):
        read_assumptions(_write(tmp_path, bad))
    bad = [list(r) for r in rows]
    bad[1][1] = "0.3"
    with pytest.raises(InputError, match="must sum to 1"):
        read_assumptions(_write(tmp_path, bad))
