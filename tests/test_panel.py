"""The provincial panel (data/raw/province_releases.csv) and the rule that picks each province-year's first releases."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from grdp import InputError
from grdp.io.panel import PANEL_COLUMNS, panel_exclusions, province_panel, province_releases, read_province_releases
from grdp.io.paths import raw_dir

FILE = raw_dir() / "province_releases.csv"


def _row(p: pd.DataFrame, province: str, year: int) -> pd.Series:
    return p[(p["province"] == province) & (p["year"] == year)].iloc[0]


def test_every_row_has_its_source_date_and_the_words_printed():
    r = province_releases()
    assert list(r.columns[: len(PANEL_COLUMNS)]) == list(PANEL_COLUMNS)
    assert (r["source_url"].str.startswith("http")).all() and (r["quote"].str.len() > 0).all()
    assert (r["year"] <= 2024).all()  # before the 2025 mergers; 2025 is the year forecast
    # a figure printed as one number carries it; the quote holds it (a decline printed 'giảm x' is -x)
    single = r[(r["qualifier"] == "") & r["value"].notna()]
    printed = [f"{abs(v):g}".replace(".", ",") in q or f"{abs(v):g}" in q for v, q in zip(single["value"], single["quote"], strict=True)]
    assert sum(printed) >= 0.97 * len(single)


def test_the_panel_of_first_releases():
    p = province_panel()
    # data/raw/province_releases.csv at its MANIFEST sha256: 74 province-years with both first releases
    assert len(p) == 74 and p["year"].min() == 2012 and p["year"].max() == 2024
    assert (p["gap"] == p["annual"] - p["nine_months"]).all()
    hn = _row(p, "Hà Nội", 2022)
    # 9 months: 9,69 % (kienthuc.net.vn, 2022-11); year: 8,89 % (einpresswire.com 2023-01-03 and cafef.vn 2023-01-04)
    assert (hn["nine_months"], hn["annual"]) == (9.69, 8.89)
    assert "kienthuc.net.vn" in hn["source_nine_months"] and "einpresswire" in hn["source_annual"]


def test_a_release_outside_its_window_is_not_a_first_estimate():
    # Đà Nẵng 2020: the September projection -9,26 % (investdanang.gov.vn 2020-09-21) is outside the annual window;
    # the year-end estimate -9,77 % (en.vietnamplus.vn 2020-12-29) is the first annual estimate.
    r = province_releases()
    assert (r[(r["province"] == "Đà Nẵng") & (r["year"] == 2020) & (r["period"] == "Y")]["value"] == -9.26).sum() == 2
    p = province_panel()
    if ((p["province"] == "Đà Nẵng") & (p["year"] == 2020)).any():
        assert _row(p, "Đà Nẵng", 2020)["annual"] == -9.77


def test_conflicting_first_releases():
    p, out = province_panel(), panel_exclusions()
    # Thanh Hóa 2024: 12,16 % dated 2024-12-14 (thanhnien.vn) wins over an undated 11,72 % (baomoi.net.vn)
    assert _row(p, "Thanh Hóa", 2024)["annual"] == 12.16
    # Hà Nội 2023: 6,11 % (2023-11-26) before 6,27 % (vneconomy.vn, 2023-12)
    assert _row(p, "Hà Nội", 2023)["annual"] == 6.11
    # TP. Hồ Chí Minh 2021: -5,06 % and -6,78 % both dated only "2021-12": no earliest one, the year is left out
    hcm = out[(out["province"] == "TP. Hồ Chí Minh") & (out["year"] == 2021)].iloc[0]
    assert hcm["annual"] == "ambiguous" and not ((p["province"] == "TP. Hồ Chí Minh") & (p["year"] == 2021)).any()


def test_figures_on_another_basis_or_not_one_number_are_left_out():
    p = province_panel()
    # Bà Rịa - Vũng Tàu 2024: 11,47 / 11,72 % probably exclude oil and gas (basis unclear_oil_gas)
    assert not ((p["province"] == "Bà Rịa - Vũng Tàu") & (p["year"] == 2024)).any()
    # Quảng Nam 2022's 9 months are printed "gần 13,2%" (approx): not a first estimate of one number
    assert not ((p["province"] == "Quảng Nam") & (p["year"] == 2022)).any()


def _write(tmp_path, rows):
    path = tmp_path / "releases.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(PANEL_COLUMNS)
        w.writerows(rows)
    return path


def _r(period, value, date, *, release="first", qualifier="", basis="", province="A", year="2023"):
    return [province, year, period, "growth_yoy_pct", value, qualifier, basis, release, date, "https://x.vn/" + value, value, ""]


def test_the_rule_on_a_constructed_file(tmp_path):
    rows = [
        _r("9M", "7.1", "2023-10-01"), _r("9M", "7.3", "2023-10-05"),   # earliest dated wins: 7.1
        _r("Y", "8.0", "2023-09-20"),                                  # annual projection in September: out of window
        _r("Y", "7.6", "2023-12-28"), _r("Y", "7.9", ""),              # undated conflicts lose to the dated one
        _r("9M", "5", "2023-10", province="B"), _r("9M", "6", "2023-10", province="B"),  # same month: ambiguous
        _r("Y", "6.5", "2023-12-30", province="B"),
        _r("9M", "4", "2023-10-02", province="C", qualifier="lower_bound"), _r("Y", "4.5", "2023-12-01", province="C"),
    ]
    releases = read_province_releases(_write(tmp_path, rows))
    p = province_panel(releases)
    assert p[["province", "nine_months", "annual"]].values.tolist() == [["A", 7.1, 7.6]]
    out = panel_exclusions(releases).set_index("province")
    assert out.loc["B", "nine_months"] == "ambiguous" and out.loc["C", "nine_months"] == "none"


def test_a_broken_file_names_row_column_and_text(tmp_path):
    with pytest.raises(InputError, match=r"releases.csv, row 2, column 'period': 'Q3'"):
        read_province_releases(_write(tmp_path, [_r("Q3", "7.1", "2023-10-01")]))
    with pytest.raises(InputError, match=r"row 2, column 'value': '7,1': not a number"):
        read_province_releases(_write(tmp_path, [_r("9M", "7,1", "2023-10-01")]))
    bad = _r("9M", "7.1", "2023-10-01")
    bad[9] = ""
    with pytest.raises(InputError, match=r"row 2, column 'source_url'"):
        read_province_releases(_write(tmp_path, [bad]))
    with pytest.raises(InputError, match=r"row 2, column 'release_date': 'October'"):
        read_province_releases(_write(tmp_path, [_r("9M", "7.1", "October")]))
