"""The stories of notebooks 01-03 (grdp.report.stories.intake, .audit, .sectors), on two plans and on plans with rows left out.

Two plans: the embedded one (seed Phụ lục 1, ``data/raw/plan_2025_indicators.csv``) and the constructed 2026 plan
(``tests/data/plan_2026_indicators.csv``: other figures, ten rows left out). Every expected figure says where it
comes from: a seed row, a row of the 2026 fixture, or the arithmetic that derives it from them.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

import grdp
from grdp.core.wording import Prose
from grdp.io.paths import project_root
from grdp.report.stories import audit as audit_stories
from grdp.report.stories import intake, sectors
from grdp.report.stories.applicability import NotApplicable

PLAN_2026 = project_root() / "tests" / "data" / "plan_2026_indicators.csv"

# Figures of the embedded plan that must not appear in a story of the 2026 plan (seed rows 1, 2.1-2.4, 3).
FIGURES_2025 = ("8,01", "14,2–15,8", "10,0–10,5", "81,2 %", "83,0 % cả năm", "(4,4 %)", "(12,5 %)", "(15,4 %)",
                "Kế hoạch năm 2025")


@pytest.fixture(scope="module")
def plan_2026() -> grdp.Plan:
    return grdp.load_plan(PLAN_2026)


@pytest.fixture(scope="module")
def audit_2025(plan: grdp.Plan) -> grdp.PlanAudit:
    return grdp.check_plan(plan)


@pytest.fixture(scope="module")
def audit_2026(plan_2026: grdp.Plan) -> grdp.PlanAudit:
    return grdp.check_plan(plan_2026)


def _without(plan: grdp.Plan, *keys: str) -> grdp.Plan:
    """The plan with the rows of ``keys`` left out (as a plan of another year might)."""
    return dataclasses.replace(plan, rows=tuple(r for r in plan if r.key not in keys), source="cut.csv")


def _text(x: object) -> str:
    return x.text if isinstance(x, Prose) else str(x)


# --------------------------------------------------------------------------- intake (notebook 01)


def test_plan_story_names_the_year_and_the_grdp_row(plan, plan_2026):
    # Seed row 1: 8.01 | 14,2-15,8 | 10-10,5, header "Mục tiêu năm 2025"; 24 rows with figures (load_plan's doctest).
    text = intake.plan_story(plan, lang="vi").text
    assert "Kế hoạch năm 2025" in text and "24 chỉ tiêu" in text
    assert "8,01 % sau 9 tháng; mục tiêu quý IV 14,2–15,8 %, cả năm 10,0–10,5 %" in text
    # 2026 fixture row 1: 8.62 | 11,4-12,5 | 9,5-9,8; rows with figures 1, 2.1-2.4, 3-11 (14; row 2 is a heading).
    text = intake.plan_story(plan_2026, lang="en").text
    assert "The 2026 plan" in text and "14 indicators" in text
    assert "8.62 % in the 9 months; target 11.4–12.5 % in Q4 and 9.5–9.8 % for the year" in text
    assert not any(f in intake.plan_story(plan_2026, lang="vi").text for f in FIGURES_2025)


def test_plan_story_without_a_grdp_row_says_so(plan):
    text = intake.plan_story(_without(plan, "grdp_growth"), lang="vi").text
    assert text.endswith("Kế hoạch không có dòng tăng trưởng GRDP.")


def test_reading_notes_show_ranges_bounds_and_thousands(plan, plan_2026):
    text = intake.reading_notes(plan, lang="vi").text
    # Seed rows with a range, a bound or a thousands separator: 1 (14,2-15,8; 10-10,5), 8 (71,062; >3.338; >74.400),
    # 9 (>2), 10 (2,250), 16 (45,400; 14.600 trở lên; 60.000 trở lên), 18 and 19 (>90).
    assert [line.split("**")[1] for line in text.splitlines() if line.startswith("- ")] == ["1", "8", "9", "10", "16", "18", "19"]
    assert "`71,062`: 71.062 Tỷ đồng (dấu ngăn cách hàng nghìn" in text
    assert "`>3.338`: lớn hơn 3.338" in text
    assert "`14.600 trở lên`: từ 14.600 trở lên" in text
    assert "`10-10,5`: khoảng 10,0–10,5" in text
    # 2026 fixture: rows 1 (ranges), 6 (58,430; >24.570; >83.000), 7 (>2.5), 9 (44,800; 15.200 / 60.000 trở lên).
    text = intake.reading_notes(plan_2026, lang="en").text
    assert [line.split("**")[1] for line in text.splitlines() if line.startswith("- ")] == ["1", "6", "7", "9"]
    assert "`>2.5`: more than 2.5" in text and "`58,430`: 58,430 bn VND (a thousands separator" in text


def test_kinds_table_counts_every_row(plan, plan_2026):
    # Seed: growth rows 1, 2.1-2.4, 4-7 (9); ratios 11, 13-15, 17-21 (9); levels 8, 10, 12, 16 (4); FDI (row 9)
    # cumulative; row 3 the share.
    t = intake.kinds_table(plan, lang="en")
    assert t.iloc[:, 0].to_dict() == {"growth rate": 9, "ratio / stock": 9, "level (flow in the year)": 4,
                                      "cumulative level": 1, "share": 1}
    # 2026 fixture: growth 1, 2.1-2.4, 4, 5 (7); ratios 8, 10, 11 (3); levels 6, 9 (2); FDI 7; share 3.
    t = intake.kinds_table(plan_2026, lang="vi")
    assert t.iloc[:, 0].tolist() == [7, 3, 2, 1, 1] and int(t.iloc[:, 0].sum()) == len(plan_2026) == 14
    assert t.index.name == "Loại chỉ tiêu"


def test_tasks_come_with_the_embedded_plan_only(plan, plan_2026):
    tasks = intake.plan_tasks(plan)
    # data/raw/plan_2025_tasks.csv: 146 task rows of 21 departments; Sở Tài chính and Sở Nội vụ have 17 each.
    assert tasks is not None and len(tasks) == 146
    text = intake.tasks_story(plan, tasks, lang="vi").text
    assert text.startswith("146 nhiệm vụ của 21 đơn vị.")
    assert "Nhiều nhiệm vụ nhất: Sở Tài chính, Sở Nội vụ (17)." in text
    assert intake.plan_tasks(plan_2026) is None
    assert "không kèm danh sách nhiệm vụ" in intake.tasks_story(plan_2026, None, lang="vi").text


# --------------------------------------------------------------------------- audit (notebook 02)


def test_rest_weights_equal_quarters_and_national():
    # Equal quarters: 3/12; national: assumptions.csv national_q4_weight 0.271, and Q3 + Q4 = 0.253 + 0.271.
    assert audit_stories.rest_weights(9) == (0.25, 0.271)
    assert audit_stories.rest_weights(6) == (0.5, pytest.approx(0.524))


def test_rounding_note_takes_the_plans_own_figures(plan, plan_2026):
    # Seed row 1: 8.01 (two decimals: ±0.005) and the range 14,2-15,8 (±0.05).
    assert audit_stories.rounding_note(plan, lang="vi").text == (
        "Ví dụ, số 9 tháng của dòng 1 in 8,01 là mọi giá trị trong [8,005; 8,015); "
        "khoảng 14,2–15,8 là mọi giá trị từ 14,15 đến 15,85.")
    # 2026 fixture row 1: 8.62 and 11,4-12,5.
    text = audit_stories.rounding_note(plan_2026, lang="en").text
    assert "8.62 stands for every value in [8.615, 8.625)" in text and "from 11.35 to 12.55" in text


def test_required_growth_story_2025(plan, audit_2025):
    text = audit_stories.required_growth_story(plan, audit_2025, lang="vi").text
    # The common weight: the two ends' rounding intervals overlap on 0.311-0.329 (audit evidence, seed row 1).
    assert "tỷ trọng quý IV năm trước 0,311–0,329" in text
    # At w = 0.32: (10 - 0.68 * 8.01) / 0.32 = 14.229; (10.5 - 0.68 * 8.01) / 0.32 = 15.791.
    assert "Với tỷ trọng 0,32, quý IV cần tăng 14,23–15,79 %" in text
    # Equal quarters: (10 - 0.75 * 8.01) / 0.25 = 15.97, (10.5 - 6.0075) / 0.25 = 17.97;
    # national 0.271: (10 - 0.729 * 8.01) / 0.271 = 15.35, (10.5 - 5.83929) / 0.271 = 17.20.
    assert "(0,25), quý IV cần tăng 15,97–17,97 %" in text and "(0,271), 15,35–17,20 %" in text
    assert abs((10 - 0.68 * 8.01) / 0.32 - 14.229) < 5e-4


def test_required_growth_story_2026(plan_2026, audit_2026):
    text = audit_stories.required_growth_story(plan_2026, audit_2026, lang="vi").text
    # Fixture README: row 1 implies weights 0.317 and 0.304 whose rounding intervals overlap (on 0.292-0.322).
    assert "0,292–0,322" in text
    # At w = 0.31: (9.5 - 0.69 * 8.62) / 0.31 = 11.459; (9.8 - 5.9478) / 0.31 = 12.426.
    assert "Với tỷ trọng 0,31, quý IV cần tăng 11,46–12,43 %" in text
    # Equal quarters: (9.5 - 6.465) / 0.25 = 12.14, (9.8 - 6.465) / 0.25 = 13.34; national: 11.87, 12.97.
    assert "(0,25), quý IV cần tăng 12,14–13,34 %" in text and "(0,271), 11,87–12,97 %" in text
    assert not any(f in text for f in FIGURES_2025)


def test_required_growth_figure_or_why_not(plan, audit_2025, write_plan):
    assert audit_stories.required_growth_figure(audit_2025).__class__.__name__ == "Figure"
    cut = _without(plan, "grdp_growth")
    na = audit_stories.required_growth_figure(grdp.check_plan(cut), lang="en")
    assert isinstance(na, NotApplicable) and "no GRDP growth row" in na.text
    assert "Kế hoạch không có dòng tăng trưởng GRDP" in audit_stories.required_growth_story(cut, grdp.check_plan(cut)).text
    # Seed row 1 with its Q4 target erased: the identity cannot be measured; the story gives the check's detail.
    no_rest = grdp.load_plan(write_plan({("1", "Mục tiêu Quý IV"): "-"}))
    audit = grdp.check_plan(no_rest)
    assert isinstance(audit_stories.required_growth_figure(audit), NotApplicable)
    assert "Không có mục tiêu quý IV" in audit_stories.required_growth_story(no_rest, audit).text


def test_required_growth_story_with_single_figures(write_plan):
    # Seed row 1 with single figures 14.2 (Q4) and 10.0 (year): one implied weight, (10 - 8.01) / (14.2 - 8.01) = 0.3215,
    # and no round weight to show; the references start the sentence.
    plan = grdp.load_plan(write_plan({("1", "Mục tiêu Quý IV"): "14.2", ("1", "Mục tiêu năm 2025"): "10.0"}))
    text = audit_stories.required_growth_story(plan, grdp.check_plan(plan), lang="vi").text
    assert "(kể cả sai số làm tròn; dải xám). Nếu các quý bằng nhau (0,25), quý IV cần tăng 15,97 %" in text


def test_implied_weights_story_and_table(audit_2025, audit_2026):
    # Seed: growth rows with three figures are 1, 2.1-2.4, 4, 7 (rows 5 and 6 have no Q4 target).
    # Lowest: 2.1, (4.4 - 2.6) / (8.9 - 2.6) = 0.2857; highest: 2.3, (15.4 - 8.5) / (29.0 - 8.5) = 0.3366.
    text = audit_stories.implied_weights_story(audit_2025, lang="vi").text
    assert text.startswith("7 chỉ tiêu tốc độ tăng có đủ ba số.")
    assert "từ 0,286 (dòng 2.1) đến 0,337 (dòng 2.3)" in text and "Tất cả nằm trong khoảng hợp lý 0,20–0,45." in text
    # 2026 fixture: 2.1 (4.3 - 3.1) / (7.5 - 3.1) = 0.2727; 2.4 (8.9 - 8.1) / (10.5 - 8.1) = 0.3333.
    text = audit_stories.implied_weights_story(audit_2026, lang="en").text
    assert "from 0.273 (row 2.1) to 0.333 (row 2.4)" in text
    t = audit_stories.implied_weights_display(audit_2025, lang="en")
    # Row 1's low end: (10 - 8.01) / (14.2 - 8.01) = 0.3215.
    assert t.iloc[0].tolist()[:4] == ["1", "GRDP growth", "low target", "0.321"]
    assert list(t.columns) == ["No.", "Indicator", "Target end", "Implied weight", "Lowest (rounding)", "Highest (rounding)"]


def test_offices(audit_2025, audit_2026):
    # Seed column "Đơn vị theo dõi": Thống kê tỉnh on rows 1, 2.1-2.4, 3, 4, 7, 11 (9 rows) + row 1's sector finding = 10.
    t = audit_stories.offices_table(audit_2025, lang="vi")
    assert t.loc["Thống kê tỉnh"].iloc[0] == 10
    assert list(t.index) == sorted(t.index)
    assert len(audit_stories.office_findings(audit_2025)) == 10
    # 2026 fixture: Thống kê tỉnh on rows 1, 2.1-2.4, 3, 4, 5 (8) + the sector finding = 9.
    assert audit_stories.offices_table(audit_2026).loc["Thống kê tỉnh"].iloc[0] == 9
    none = audit_stories.office_findings(audit_2025, "Sở Ngoại vụ", lang="vi")
    assert isinstance(none, Prose) and "Sở Ngoại vụ" in none.text


# --------------------------------------------------------------------------- sectors (notebook 03)


def test_targets_story(plan, plan_2026):
    # Seed rows 2.1-2.4 (annual targets 4.4 / 12.5 / 15.4 / 10.0), row 1 (10-10,5), row 3 (81.2 → 83.0).
    text = sectors.targets_story(plan, lang="vi").text
    assert ("nông, lâm nghiệp và thủy sản (4,4 %), công nghiệp (12,5 %), xây dựng (15,4 %) và dịch vụ (10,0 %); "
            "tăng trưởng GRDP 10,0–10,5 %; tỷ trọng công nghiệp, xây dựng và dịch vụ 81,2 % sau 9 tháng, 83,0 % cả năm.") in text
    # 2026 fixture rows 2.1-2.4 (4.3 / 12.1 / 11.2 / 8.9), 1 (9,5-9,8), 3 (82.0 → 82.3).
    text = sectors.targets_story(plan_2026, lang="vi").text
    assert "(4,3 %)" in text and "(8,9 %)" in text and "9,5–9,8 %" in text and "82,0 % sau 9 tháng, 82,3 % cả năm" in text
    assert not any(f in text for f in FIGURES_2025)
    text = sectors.targets_story(_without(plan, "share_industry_construction_services"), lang="en").text
    assert "The plan has no row for share of industry, construction and services" in text


def test_structure_story_compares_the_base_with_the_plans_year(plan, plan_2026):
    # provinces_hungyen_thaibinh.csv: the merged province's only structure is the 2025 Party Congress estimate.
    text = sectors.structure_story(plan, lang="vi").text
    assert "cho năm 2025" in text and "quyền số đúng là cơ cấu năm 2024 theo giá so sánh" in text
    # For the 2026 plan the 2025 structure is the previous year's: the right base year, at current prices.
    assert "Đó là cơ cấu của năm gốc 2025" in sectors.structure_story(plan_2026, lang="vi").text


def test_industry_split_story():
    # combined_industry_split: 0.822 (0.682-0.910), rounded outward to assumptions.csv's 0.68-0.92; national 2025:
    # (35.15 / 8.80) / (35.15 / 8.80 + 8.47 / 9.62) = 0.8194 (https://ddvt.vn/topic/413, national_gdp_releases.csv).
    text = sectors.industry_split_story(lang="vi").text
    assert "Mặc định: 0,822" in text and "0,682–0,910" in text and "0,68–0,92" in text
    assert text.endswith("Cả nước 2025 (đối chiếu, suy ra từ tỷ lệ đóng góp và tốc độ tăng của công nghiệp và xây dựng): 0,819.")
    assert abs((35.15 / 8.80) / (35.15 / 8.80 + 8.47 / 9.62) - 0.8194) < 1e-4
    t = sectors.split_evidence_table(lang="vi")
    assert t.iloc[0, :4].tolist() == ["Hưng Yên (cũ)", "2010", "mức, giá so sánh 2010", "0,906"]


def test_convention_examples_from_the_national_releases():
    ex = sectors.convention_examples()
    # 2011: 0.66 + 2.32 + 2.91 = 5.89 = growth 5.89 % (VnEconomy 2011-12-29) → points;
    # 2025: 5.30 + 43.62 + 51.08 = 100 (CafeF 2026-01-05) → shares of the increase in value added.
    assert {y: c.convention for y, c in ex.items()} == {2011: "points", 2025: "share_of_growth"}
    # Points of 2025 with taxes at 8.38 % of GDP (2023 structure, same file) growing like value added:
    # agriculture 0.0530 * (1 - 0.0838) * 8.02 = 0.389.
    assert ex[2025].points["agriculture"] == pytest.approx(0.0530 * (1 - 0.0838) * 8.02)
    text = sectors.conventions_story(lang="vi").text
    assert "- Cả nước 2011: 0,66 + 2,32 + 2,91 = 5,89, tăng trưởng 5,89 %: điểm phần trăm." in text
    assert "tính ra điểm phần trăm là 0,39 + 3,21 + 3,75." in text


def test_bridge_story(plan, plan_2026, hand_model):
    text = sectors.bridge_story(plan, lang="vi").text
    # Bridge 1: sum(s_i g9_i) / S_VA = (11.9*2.6 + 45.756*10.5 + 10.044*8.5 + 27.2*7.9) / 94.9 = 8.5525;
    # bridge: 8.01 / 8.5525 = 0.9366 (conftest.HandSectorModel); over splits, readings and rounding 0.918-0.968.
    assert "2,6 / 10,5 / 8,5 / 7,9 %" in text and "khoảng 8,55 % — cao hơn 8,01 % đã công bố" in text
    assert f"≈ {hand_model.bridge:.3f}".replace(".", ",") in text and "0,918–0,968" in text
    # 2026 fixture 9 months 3.1 / 11.2 / 9.0 / 8.1: (11.9*3.1 + 45.756*11.2 + 10.044*9.0 + 27.2*8.1) / 94.9 = 9.0629;
    # 8.62 / 9.0629 = 0.9511.
    text = sectors.bridge_story(plan_2026, lang="en").text
    assert "3.1 / 11.2 / 9.0 / 8.1 %" in text and "about 9.06 %" in text and "≈ 0.951" in text
    na = sectors.bridge_story(_without(plan, "output_growth_services"), lang="vi")
    assert isinstance(na, NotApplicable) and "tăng trưởng GTSX ngành dịch vụ" in na.text


def test_display_splits_and_split_table(plan):
    # assumptions.csv: 0.68 / 0.82 / 0.92 and the midpoints 0.75, 0.87.
    assert sectors.display_splits().tolist() == [0.68, 0.75, 0.82, 0.87, 0.92]
    t = sectors.split_sensitivity_display(plan, lang="vi")
    # split_sensitivity's doctest at 0.82: bridge 0.937, implied 11.075 (bridge 1) and 10.372 (calibrated).
    assert t.loc["0,82"].tolist() == ["0,937", "11,075", "10,372"]


def test_contributions_story_and_tables(plan, plan_2026, hand_model):
    text = sectors.contributions_story(plan, lang="vi").text
    # Year at bridge 1: (11.9*4.4 + 45.756*12.5 + 10.044*15.4 + 27.2*10.0) / 94.9 = 11.075 (plan_contributions' doctest);
    # at the 9-month bridge 0.9366: 10.372, inside 10-10,5 (seed row 1).
    assert hand_model.grdp({s: v[2] for s, v in hand_model.plan.items()}, bridge=1.0) == pytest.approx(11.075, abs=1e-3)
    assert "11,07 %, cao hơn mục tiêu 10,0–10,5 %" in text and "(0,937), 10,37 %, trong khoảng mục tiêu" in text
    # 2026: (11.9*4.3 + 45.756*12.1 + 10.044*11.2 + 27.2*8.9) / 94.9 = 10.110, × 0.9511 = 9.615.
    text = sectors.contributions_story(plan_2026, lang="en").text
    assert "10.11 % for the year, above the target 9.5–9.8 %" in text and "(0.951), 9.62 %, within the target" in text
    table = sectors.contributions_display(plan, lang="vi")
    assert table.loc["Tổng sản phẩm trên địa bàn (GRDP)", "Tốc độ tăng (%)"] == "10,37"
    cases = sectors.contribution_cases(plan, lang="en")
    assert list(cases) == ["9 months (actual)\n9 months' bridge", "Year, value added\ngrows like output (bridge 1)",
                           "Year, 9 months' bridge\n(0.937)"]
    assert sectors.contributions_figure(plan).__class__.__name__ == "Figure"


def test_required_growth_and_grids(plan):
    t = sectors.required_growth_display(plan, lang="vi")
    # required_growth_table's doctest: agriculture needs -4.17 for GRDP 10.0 with bridge 1, the others at target.
    assert t.loc["Nông, lâm nghiệp và thủy sản", ("Hệ số 1", "Cần cho GRDP 10,0 %")] == "-4,2"
    assert t.loc["Nông, lâm nghiệp và thủy sản", ("Hệ số 9 tháng", "Mục tiêu")] == "4,4"  # seed row 2.1
    grid = sectors.growth_grid_display(plan, "year", lang="vi")
    assert grid.loc["0,82", "1"] == "11,07"  # = the year at bridge 1 above
    assert sectors.required_growth_figure(plan).__class__.__name__ == "Figure"


def test_share_story_and_grid(plan, plan_2026):
    # Seed row 3: 81.2 → 83.0; the 2025 structure 55.8 + 27.2 = 83.0; national gaps 2016-2019: -0.66 to -0.51
    # (national_seasonal_gaps' doctest).
    text = sectors.share_story(plan, lang="vi").text
    assert text.startswith("Kế hoạch: 81,2 % sau 9 tháng, 83,0 % cả năm. 83,0 = 55,8 + 27,2 đúng bằng cơ cấu công bố năm 2025")
    assert "Cả nước 2016–2019: tỷ trọng cả năm trừ tỷ trọng 9 tháng là -0,66 đến -0,51 điểm phần trăm." in text
    # 2026 fixture row 3: 82.0 → 82.3, not the published 83.0.
    text = sectors.share_story(plan_2026, lang="vi").text
    assert "82,0 % sau 9 tháng, 82,3 % cả năm. Cơ cấu công bố năm 2025 (giá hiện hành): 55,8 + 27,2 = 83,0 %." in text
    # share_grid's doctest: 81.27 at split 0.82 and bridge 1.
    assert sectors.share_grid_display(plan, lang="vi").loc["0,82", "1"] == "81,27"
    na = sectors.share_story(_without(plan, "share_industry_construction_services"), lang="en")
    assert isinstance(na, NotApplicable) and "share of industry, construction and services" in na.text


def test_sector_verdicts(plan, audit_2025):
    # sector_findings' doctest: row 1 sectors_vs_grdp consistent, row 3 share_from_sectors implausible.
    t = sectors.sector_verdicts(audit_2025, lang="vi")
    assert t["STT"].tolist() == ["1", "3"] and t["Kết luận"].tolist() == ["Khớp", "Không hợp lý"]
    cut = _without(plan, "grdp_growth", "share_industry_construction_services")
    assert isinstance(sectors.sector_verdicts(grdp.check_plan(cut)), Prose)


@pytest.mark.parametrize("keys", [("grdp_growth",), ("output_growth_agriculture", "output_growth_industry")])
def test_every_sector_table_says_which_row_is_missing(plan, keys):
    cut = _without(plan, *keys)
    for f in (sectors.split_sensitivity_display, sectors.contributions_display, sectors.contribution_cases,
              sectors.contributions_figure, sectors.required_growth_display, sectors.required_growth_figure,
              sectors.growth_grid_display, sectors.share_grid_display, sectors.contributions_story, sectors.bridge_story):
        out = f(cut, lang="vi")
        assert isinstance(out, NotApplicable), f.__name__
        assert out.text.startswith("*Không áp dụng cho kế hoạch này:* kế hoạch không có dòng"), f.__name__


def test_no_story_of_the_2026_plan_leaks_a_2025_figure(plan_2026, audit_2026):
    texts = [
        intake.plan_story(plan_2026), intake.reading_notes(plan_2026), audit_stories.rounding_note(plan_2026),
        audit_stories.required_growth_story(plan_2026, audit_2026), audit_stories.implied_weights_story(audit_2026),
        sectors.targets_story(plan_2026), sectors.bridge_story(plan_2026), sectors.contributions_story(plan_2026),
        sectors.share_story(plan_2026),
    ]
    leaked = [(f, _text(t)) for t in texts for f in FIGURES_2025 if f in _text(t)]
    assert leaked == []
    table = sectors.split_sensitivity_display(plan_2026)
    assert isinstance(table, pd.DataFrame) and not table.isin(["0,937", "11,075", "10,372"]).any().any()
