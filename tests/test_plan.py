"""load_plan on the embedded 2025 plan and on plan files laid out the same way."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from grdp import InputError, Plan, PlanWarning, load_plan, plan_table
from grdp.io.plan import COLUMNS, GRDP_KEY, MissingFigures


def _row(plan: Plan, stt: str) -> pd.Series:
    return plan.to_frame().set_index("stt").loc[stt]


def test_24_indicator_rows_in_file_order(plan):
    # Phụ lục 1: 1, 2.1-2.4, 3-21 carry figures; sections I-III and the group row 2 do not.
    assert [r.stt for r in plan] == ["1", "2.1", "2.2", "2.3", "2.4", *map(str, range(3, 22))]
    assert len(plan) == 24
    assert list(plan.to_frame().columns) == list(COLUMNS)


def test_plan_carries_target_year_split_and_source(plan):
    assert plan.year == 2025  # header "Mục tiêu năm 2025"
    assert plan.months_done == 9 and plan.months_rest == 3  # header "Kết quả 9 tháng", "Mục tiêu Quý IV"
    assert plan.source == "plan_2025_indicators.csv"
    assert len(plan.sha256) == 64
    assert plan.to_frame().attrs == {"target_year": 2025, "months_done": 9, "source": "plan_2025_indicators.csv",
                                     "sha256": plan.sha256}


def test_the_grdp_row_and_its_targets_as_intervals(plan):
    # Seed row 1: 8.01 / 14,2-15,8 / 10-10,5, each carrying its rounding (±0.005, ±0.05)
    row = plan.grdp
    assert row is plan.row(GRDP_KEY) and row.stt == "1"
    assert [round(x, 3) for x in row.interval("year")] == [9.95, 10.55]
    assert [round(x, 3) for x in row.interval("done")] == [8.005, 8.015]
    assert row.middle("rest") == pytest.approx(15.0) and row.ends("year") == (10.0, 10.5)
    assert plan.targets == (10.0, 10.5)
    assert plan.growth_figures() == (8.01, (14.2, 15.8), (10.0, 10.5))
    # both ends imply w4 = (10 - 8.01)/(14.2 - 8.01) = 0.3215 and (10.5 - 8.01)/(15.8 - 8.01) = 0.3196; their mean
    assert plan.implied_rest_weight() == pytest.approx((1.99 / 6.19 + 2.49 / 7.79) / 2)


def test_a_missing_row_or_figure_is_named(plan):
    with pytest.raises(MissingFigures, match="no row for retail"):
        plan.require("retail")
    with pytest.raises(MissingFigures, match=r"row 8: no Q4 target \(or only a bound\)"):
        plan.by_stt("8").interval("rest")  # ">3.338": a bound, no interval
    assert plan.row("retail") is None


def test_budget_revenue_reads_thousands(plan):
    # Seed line 63: "8 Thu ngân sách nhà nước trên địa bàn Tỷ đồng 71,062 >3.338 >74.400"
    r = _row(plan, "8")
    assert (r.done_low, r.done_bound) == (71062.0, "exact")
    assert (r.rest_low, r.rest_bound) == (3338.0, ">") and pd.isna(r.rest_high)
    assert (r.year_low, r.year_bound) == (74400.0, ">")
    assert r.unit == "Tỷ đồng" and r.kind == "level_flow"


def test_new_jobs_reads_at_least(plan):
    # Seed lines 87-91: "16 Tạo việc làm mới cho lao động Người 45,400 14.600 trở lên 60.000 trở lên"
    r = _row(plan, "16")
    assert (r.done_low, r.rest_low, r.year_low) == (45400.0, 14600.0, 60000.0)
    assert (r.done_bound, r.rest_bound, r.year_bound) == ("exact", ">=", ">=")
    assert pd.isna(r.rest_high) and pd.isna(r.year_high)


def test_grdp_growth_values_and_precisions(plan):
    # Seed lines 18-22: "1 Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) % 8.01 14,2-15,8 10-10,5"
    r = _row(plan, "1")
    assert (r.done_low, r.done_high, r.done_precision) == (8.01, 8.01, 2)
    assert (r.rest_low, r.rest_high, r.rest_bound, r.rest_precision) == (14.2, 15.8, "range", 1)
    assert (r.year_low, r.year_high, r.year_bound, r.year_precision) == (10.0, 10.5, "range", 1)
    assert r.key == "grdp_growth" and r.kind == "growth_rate" and r.name_en == "GRDP growth"


def test_sector_rows_sit_under_the_output_group(plan):
    # Seed lines 24-44: group "2 Tốc độ tăng trưởng giá trị sản xuất", items 2.1-2.4.
    frame = plan.to_frame()
    sub = frame[frame["stt"].str.startswith("2.")]
    assert sub["group"].unique().tolist() == ["Tốc độ tăng trưởng giá trị sản xuất"]
    assert sub["key"].tolist() == [
        "output_growth_agriculture",
        "output_growth_industry",
        "output_growth_construction",
        "output_growth_services",
    ]
    assert sub["year_low"].tolist() == [4.4, 12.5, 15.4, 10.0]


def test_kinds_of_the_2025_plan(plan):
    kinds = {r.stt: r.kind for r in plan}
    assert [s for s, k in kinds.items() if k == "growth_rate"] == ["1", "2.1", "2.2", "2.3", "2.4", "4", "5", "6", "7"]
    assert kinds["3"] == "share"
    assert kinds["9"] == "cumulative_level"
    assert {kinds[s] for s in ("8", "10", "12", "16")} == {"level_flow"}
    assert {kinds[s] for s in ("11", "13", "14", "15", "17", "18", "19", "20", "21")} == {"ratio"}


def test_sections_and_units(plan):
    assert _row(plan, "13").section == "II" and _row(plan, "13").section_name == "Các chỉ tiêu về văn hóa - xã hội"
    assert _row(plan, "21").section == "III"
    assert _row(plan, "8").monitoring_unit == "Sở Tài chính"
    assert _row(plan, "1").lead_unit == "Các sở, ban, ngành; các xã, phường"


def test_raw_strings_are_kept(plan):
    r = _row(plan, "1")
    assert (r.done_raw, r.rest_raw, r.year_raw) == ("8.01", "14,2-15,8", "10-10,5")


def test_a_row_gives_each_printed_value(plan):
    v = plan.rows[0].value("rest")  # row 1, GRDP
    assert (v.low, v.high, v.bound, v.precision, v.text) == (14.2, 15.8, "range", 1, "14,2-15,8")


def test_next_years_plan_loads_unchanged(write_plan, plan_rows):
    rows = [list(r) for r in plan_rows]
    rows[0][5] = "Mục tiêu năm 2026"
    plan = load_plan(write_plan(rows=rows))
    assert plan.year == 2026 and len(plan) == 24 and plan.period_label("year") == "Mục tiêu năm 2026"


def test_mid_year_plan_with_six_months(write_plan, plan_rows):
    rows = [list(r) for r in plan_rows]
    rows[0][3:5] = ["Kết quả 6 tháng", "Mục tiêu 6 tháng cuối năm"]
    plan = load_plan(write_plan(rows=rows))
    assert plan.months_done == 6 and plan.months_rest == 6
    assert plan_table(plan).columns[4:7].tolist() == ["Kết quả 6 tháng", "Mục tiêu 6 tháng cuối năm", "Mục tiêu năm 2025"]


def test_a_split_that_is_not_twelve_months_is_an_error(write_plan, plan_rows):
    rows = [list(r) for r in plan_rows]
    rows[0][3] = "Kết quả 6 tháng"  # with "Mục tiêu Quý IV": 6 + 3 months
    with pytest.raises(InputError, match="not 12"):
        load_plan(write_plan(rows=rows))


def test_unknown_indicator_loads_with_kind_from_unit_or_a_warning(write_plan, plan_rows):
    rows = [list(r) for r in plan_rows]
    rows.insert(18, ["12a", "Số xã đạt chuẩn nông thôn mới nâng cao", "Xã", "-", "-", "30", "", "", ""])
    rows.insert(19, ["12b", "Chỉ số cải cách hành chính", "Điểm", "-", "-", "90", "", "", ""])
    with pytest.raises(InputError, match="STT must be"):
        load_plan(write_plan(rows=rows))
    rows[18][0], rows[19][0] = "22", "23"
    with pytest.warns(PlanWarning) as record:
        plan = load_plan(write_plan(rows=rows))
    # "Xã" (communes) and "Điểm" (a score) tell no kind: both load, both are named in a warning
    assert ["22 'Số xã" in str(w.message) or "23 'Chỉ số" in str(w.message) for w in record] == [True, True]
    kinds = {r.stt: r.kind for r in plan}
    assert kinds["22"] == kinds["23"] == "unknown" and len(plan) == 26
    assert _row(plan, "23").name_en == ""


def test_unknown_growth_indicator_kind_comes_from_name_and_unit(write_plan, plan_rows):
    rows = [list(r) for r in plan_rows] + [["22", "Tốc độ tăng chỉ số sản xuất công nghiệp (IIP)", "%", "11.5", "15", "12", "", "", ""]]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plan = load_plan(write_plan(rows=rows))
    assert _row(plan, "22").kind == "growth_rate"


def test_plan_table_vietnamese_and_english(plan):
    vi = plan_table(plan)
    assert vi.columns.tolist() == ["STT", "Chỉ tiêu", "ĐVT", "Loại chỉ tiêu", "Kết quả 9 tháng", "Mục tiêu Quý IV", "Mục tiêu năm 2025"]
    row8 = vi[vi["STT"] == "8"].iloc[0]
    assert (row8["Kết quả 9 tháng"], row8["Mục tiêu Quý IV"], row8["Mục tiêu năm 2025"]) == ("71.062", ">3.338", ">74.400")
    en = plan_table(plan, lang="en")
    row8 = en[en["No."] == "8"].iloc[0]
    assert (row8["9 months, actual"], row8["Q4 target"], row8["2025 target"]) == ("71,062", ">3,338", ">74,400")
    assert row8["Indicator"] == "State budget revenue in the province"
    with pytest.raises(ValueError, match="lang must be one of"):
        plan_table(plan, lang="fr")


def test_xlsx_in_the_same_layout_reads_the_same(tmp_path, plan, plan_rows):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["PHỤ LỤC 1: CÁC CHỈ TIÊU CHỦ YẾU"])  # a title row above the header
    ws.append([])
    for row in plan_rows:
        ws.append(row)
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    got = load_plan(path)
    pd.testing.assert_frame_equal(got.to_frame().drop(columns="source_row"), plan.to_frame().drop(columns="source_row"),
                                  check_like=False)
    assert got.rows[0].source_row == plan.rows[0].source_row + 2


def test_xlsx_numeric_cells_are_read_as_numbers(tmp_path, plan_rows):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in plan_rows:
        ws.append(row)
    grdp_row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "1")
    grdp_row[3].value = 8.01  # a number, not text
    budget = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "8")
    budget[3].value = 71062
    fdi = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "9")
    fdi[3].value = 2.125  # would be ambiguous as text; a workbook number is not
    fdi[3].number_format = "0.000"
    path = tmp_path / "numeric.xlsx"
    wb.save(path)
    plan = load_plan(path)
    assert _row(plan, "1").done_low == 8.01 and _row(plan, "1").done_precision == 2
    assert _row(plan, "8").done_low == 71062.0
    assert (_row(plan, "9").done_low, _row(plan, "9").done_precision) == (2.125, 3)


def test_a_rate_may_exceed_100_percent_a_share_may_not(write_plan):
    # grdp.io.plausible: a ratio in % may be an attainment ("đạt 110 % dự toán"); a share is a part of a whole.
    # Row 15 of Phụ lục 1 (Tỷ lệ dân số tham gia bảo hiểm y tế, %, ratio) and row 3 (the share of industry,
    # construction and services, %, share) of the embedded plan, their annual targets replaced.
    plan = load_plan(write_plan({("15", "Mục tiêu năm 2025"): "110"}))
    assert plan.require("health_insurance").interval("year").low == pytest.approx(109.5)  # "110" read with its rounding
    with pytest.raises(InputError, match="not plausible for a share in %"):
        load_plan(write_plan({("3", "Mục tiêu năm 2025"): "130"}, name="share.csv"))
