"""The paragraphs of notebooks 04 and 05 say the figures of the plan they are given, and why an analysis does not apply.

Two plans: the embedded 2025 plan (``data/raw/plan_2025_indicators.csv``, seed Phụ lục 1 row 1: GRDP
8.01 after 9 months, 14,2-15,8 in Q4, 10-10,5 for the year; row 2.3 construction Q4 29) and the
constructed 2026 plan (``tests/data/plan_2026_indicators.csv`` row 1: 8.62, 11,4-12,5, 9,5-9,8; row 2.3:
construction Q4 16.0), a year the national file does not reach.

National figures (``data/raw/national_gdp_releases.csv``, first releases):
9 months 2025 7.85 on 2025-10-06 (https://thoibaotaichinhvietnam.vn/kinh-te-9-thang-tang-785-duy-tri-da-phuc-hoi-manh-me-184419.html),
year 2025 8.02 on 2026-01-05 (https://cafef.vn/tang-truong-gdp-viet-nam-dat-802-nam-2025-188260105154536025.chn),
9 months 2023 4.24 (https://www.sggp.org.vn/gdp-9-thang-chi-tang-424-post707610.html), year 2023 5.05
(https://vneconomy.vn/vuot-qua-con-gio-nguoc-toan-cau-gdp-nam-2023-uoc-tang-5-05.htm), 9 months 2024 6.82 on
2024-10-06 (https://vienthongke.vn/bao-cao-tinh-hinh-kinh-te-xa-hoi-quy-iii-va-9-thang-nam-2024/), year 2024 7.09 on
2025-01-06 (https://dantri.com.vn/kinh-doanh/gdp-viet-nam-nam-2024-tang-truong-an-tuong-709-20250106093943787.htm).
Q4 2021 5.22 against 9 months 1.42 (first releases of 2021-12-29 and 2021-09-29): the largest national excess, 3.80.
Hưng Yên (old) 2023: 9 months 8.61 (https://hungyen.gov.vn/tinh-hinh-kinh-te-xa-hoi-tinh-hung-yen-thang-9-va-9-thang-nam-2023-c28497.html),
year 10.05 (http://baokiemtoan.vn/hung-yen-ptag.html).
"""

from __future__ import annotations

import pytest

from grdp.audit.check import check_plan
from grdp.forecast.backtesting import backtest
from grdp.forecast.outlook import plan_outlook
from grdp.io.paths import project_root
from grdp.io.plan import GRDP_KEY, MissingFigures, Plan, load_plan
from grdp.report.stories.applicability import NotApplicable, applicable, not_applicable
from grdp.report.stories.forecast import (
    backtest_reading,
    national_cross_check,
    outlook_reading,
    plan_question,
    q4_weight_reading,
    vintage_reading,
)
from grdp.report.stories.sensitivity import (
    assumption_variants,
    identity_reading,
    identity_weights,
    monte_carlo_reading,
    revision_record,
    revision_step_reading,
    scenario_rule,
    what_if_reading,
)
from grdp.sectors.model import sector_model
from grdp.sensitivity.montecarlo import monte_carlo
from grdp.sensitivity.scenarios import plan_scenarios, scenario_ranges, what_if

PLAN_2026 = project_root() / "tests" / "data" / "plan_2026_indicators.csv"


@pytest.fixture(scope="module")
def plan_2025() -> Plan:
    return load_plan()


@pytest.fixture(scope="module")
def plan_2026() -> Plan:
    return load_plan(PLAN_2026)


def _without(plan: Plan, key: str) -> Plan:
    """The plan with one indicator row left out."""
    return Plan(rows=tuple(r for r in plan if r.key != key), year=plan.year, months_done=plan.months_done,
                source=plan.source, sha256=plan.sha256)


# ---------------------------------------------------------------------------------------------
# not applicable


def test_not_applicable_is_prose_and_a_null_object():
    na = not_applicable("không có dòng GRDP", "no GRDP row", lang="vi")
    assert na.text == "*Không áp dụng cho kế hoạch này:* không có dòng GRDP."
    assert na.position_table().round(2) is na and na["x"] is na and list(na) == []
    with pytest.raises(AttributeError):
        _ = na._repr_html_  # IPython's display protocol sees a plain Prose


def test_applicable_turns_missing_figures_into_a_reason_and_passes_it_on(plan_2026):
    no_grdp = _without(plan_2026, GRDP_KEY)
    outlook = applicable(plan_outlook, no_grdp, lang="en")
    assert isinstance(outlook, NotApplicable)
    assert outlook.text == "*Not applicable to this plan:* no row for grdp_growth."
    assert applicable(outlook_reading, outlook) is outlook
    assert applicable(len, [1, outlook]) is outlook  # inside a list too


def test_applicable_reports_a_value_error_and_lets_other_errors_through(plan_2026):
    model = applicable(sector_model, _without(plan_2026, "output_growth_construction"), lang="vi")
    assert isinstance(model, NotApplicable) and "output_growth_construction" in model.text
    with pytest.raises(TypeError):  # not the plan's fault: a bug surfaces
        applicable(len, 3)


# ---------------------------------------------------------------------------------------------
# notebook 04


def test_plan_question_names_the_plan_and_the_national_release(plan_2025):
    text = plan_question(plan_2025).text
    assert text.startswith("**Kế hoạch năm 2025** (plan_2025_indicators.csv): GRDP 9 tháng tăng 8,01 %; "
                           "mục tiêu quý IV 14,2–15,8 %, cả năm 10,0–10,5 %.")
    assert "có số 9 tháng năm 2025, công bố 06/10/2025" in text  # GSO release of 2025-10-06


def test_plan_question_for_a_year_beyond_the_national_file(plan_2026):
    text = plan_question(plan_2026, lang="en").text
    assert "GRDP grew 8.62 % in 9 months; the targets are 11.4–12.5 % in Q4 and 9.5–9.8 % for the year" in text
    assert "does not reach the 9-month figure of 2026" in text
    assert text.endswith("apply: 'Annual = 9 months', '9 months + mean gap'.")  # no quarter of 2026 on file


def test_plan_question_without_a_grdp_row(plan_2026):
    text = plan_question(_without(plan_2026, GRDP_KEY)).text
    assert "không có dòng tăng trưởng GRDP đủ ba số" in text and "8,62" not in text


def test_q4_weight_reading(plan_2025, plan_2026):
    # (10 - 8.01)/(14.2 - 8.01) = 0.3215, (10.5 - 8.01)/(15.8 - 8.01) = 0.3196, mean 0.3206 (grdp.q4_weight, route
    # "plan", rounding 0.3108-0.3286); the nation's latest 0.282 (assumptions.csv national_q4_weight_latest)
    text = q4_weight_reading(plan_2025).text
    assert text.startswith("Tỷ trọng quý IV năm 2024 trong GRDP cả năm 2024 của tỉnh: 0,321 (0,311–0,329)")
    assert "ngụ ý trọng số 0,321 và 0,320" in text and "cả nước năm gần nhất (0,282" in text
    # (9.5 - 8.62)/(11.4 - 8.62) = 0.3165, (9.8 - 8.62)/(12.5 - 8.62) = 0.3041, mean 0.3103
    text = q4_weight_reading(plan_2026, lang="en").text
    assert "0.310 (0.292–0.322), from the plan's own GRDP figures" in text
    assert "imply weights of 0.317 and 0.304" in text and "above the nation's latest (0.282" in text
    assert isinstance(q4_weight_reading(_without(plan_2026, GRDP_KEY)), NotApplicable)


def test_outlook_reading_2025(plan_2025):
    outlook = plan_outlook(plan_2025, methods=["mean_gap"])
    text = outlook_reading(outlook).text
    # Q4 needs 14.2 - 8.01 = 6.19 and 15.8 - 8.01 = 7.79 above the 9 months; national record 3.80 (2021), 2011-2025
    assert "cao hơn 9 tháng 6,2–7,8 điểm phần trăm; trong 15 năm cả nước chưa năm nào" in text
    assert "cao nhất 3,8 điểm phần trăm (năm 2021)" in text
    # Hưng Yên (old) 2023: (10.05 - 8.61)/0.3206 = 4.49 points, more than the national record
    assert "Cấp tỉnh dao động mạnh hơn — Hưng Yên (cũ) năm 2023" in text and "khoảng 4,5 điểm phần trăm" in text
    assert "nằm ngoài mọi trường hợp đã quan sát" in text
    p = outlook.probabilities  # the reading quotes the outlook's own range over weights
    low, high = (f"{100 * x:.1f}".replace(".", ",") for x in (p["p_10"].min(), p["p_10"].max()))
    assert f"đạt 10,0 %: {low}–{high} %" in text


def test_outlook_reading_2026_lies_within_the_record(plan_2026):
    text = outlook_reading(plan_outlook(plan_2026, lang="en"), lang="en").text
    # 11.4 - 8.62 = 2.78, 12.5 - 8.62 = 3.88; only 2021 (3.80) saw 2.78 or more
    assert "The plan needs Q4 2.8–3.9 points above the 9 months; nationally, 1 of 15 years" in text
    # Hưng Yên (old) 2023 at the plan's weight 0.3103: 1.44/0.3103 = 4.64
    assert "about 4.6 points" in text and "lies within the cases on record" in text
    assert outlook_reading(not_applicable("x", "x")).text.endswith("x.")


def test_backtest_reading_of_two_years():
    # 2023: 4.24 vs 5.05, 2024: 6.82 vs 7.09 -> 'annual = 9 months' errs -0.81 and -0.27: MAE 0.54, bias -0.54
    bt = backtest(years=[2023, 2024], methods=["nine_months", "mean_gap"])
    text = backtest_reading(bt, lang="en").text
    assert text.startswith("**Results (2 years, 2023–2024).**\n\n- Annual = 9 months: MAE 0.54 points, bias -0.54,")
    assert "Best model" not in text  # no statistical model in this backtest
    assert text.endswith("The year each method missed most (number of methods): 2023 (2).")


def test_backtest_reading_of_the_full_backtest():
    # grdp.forecast.backtesting: sarimax cuts the MAE of 'annual = 9 months' by 60 %, 80 % intervals cover 11 of 13 years
    text = backtest_reading(backtest()).text
    assert "**Kết quả (13 năm, 2013–2025).**" in text
    assert ("**Tốt nhất trong các mô hình: SARIMAX trên tốc độ tăng, có yếu tố quý** — MAE 0,17 (thấp hơn 60 % so với "
            "'cả năm = 9 tháng'), khoảng 80 % bao được 85 %: đạt mục tiêu") in text
    assert "Các mô hình không có yếu tố quý:" in text and "— đều dự báo thấp." in text


def test_vintage_reading_lists_the_models_in_both():
    a, b = (backtest(years=[2024], methods=["nine_months", "sarimax"], vintage=v) for v in ("first", "latest"))
    text = vintage_reading(a, b).text
    lines = text.splitlines()
    assert lines[0].startswith("Khi mô hình đọc số quý đã được điều chỉnh") and len(lines) == 3
    assert lines[2].startswith("- SARIMAX trên tốc độ tăng, có yếu tố quý: MAE ")


def test_national_cross_check_2025():
    text = national_cross_check(2025).text
    assert text.startswith("Đứng tại ngày công bố số 9 tháng năm 2025 (06/10/2025), với số 9 tháng cả nước 7,85 %")
    assert "Số cả năm công bố lần đầu (05/01/2026): **8,02 %**" in text


def test_national_cross_check_beyond_the_file_says_so():
    text = national_cross_check(2026, lang="en").text
    assert text.startswith("The national file (national_gdp_releases.csv) does not reach the 9-month figure of 2026 yet")
    assert "At the 2025 9-month release (2025-10-06), with national 9 months at 7.85 %" in text


# ---------------------------------------------------------------------------------------------
# notebook 05


def test_identity_weights_2025(plan_2025):
    w = identity_weights(plan_2025, check_plan(plan_2025))
    # rounding intervals: high end (10.45 - 8.015)/(15.85 - 8.015) = 0.31078 to (10.55 - 8.005)/(15.75 - 8.005) = 0.32860,
    # narrower than the low end's 0.31035-0.33279; the round weight inside is 0.32
    assert (round(w.low, 4), round(w.high, 4), w.weight) == (0.3108, 0.3286, 0.32)
    assert w.done == 8.01 and w.targets == (10.0, 10.5) and w.around == (0.31, 0.32, 0.33)
    assert identity_reading(w).text == (
        "**Kế hoạch năm 2025**: GRDP 9 tháng tăng 8,01 %, mục tiêu quý IV 14,2–15,8 %, cả năm 10,0–10,5 %.\n"
        "Tỷ trọng quý IV năm trước mà các con số này hàm ý (kể cả sai số làm tròn): 0,3108–0,3286; "
        "các phép tính dưới đây dùng w4 = 0,32.")


def test_identity_weights_2026(plan_2026):
    w = identity_weights(plan_2026, check_plan(plan_2026))
    # low end (9.45 - 8.625)/(11.45 - 8.625) = 0.29204; high end (9.85 - 8.615)/(12.45 - 8.615) = 0.32203; middle 0.307
    assert (round(w.low, 4), round(w.high, 4), w.weight) == (0.292, 0.322, 0.31)
    assert "0,2920–0,3220" in identity_reading(w).text


def test_identity_weights_without_a_grdp_row(plan_2026):
    plan = _without(plan_2026, GRDP_KEY)
    w = identity_weights(plan, check_plan(plan), lang="en")
    assert isinstance(w, NotApplicable) and "has no GRDP growth row" in w.text
    assert identity_reading(w) is w and revision_step_reading(w) is w


def test_revision_step_reading(plan_2025, plan_2026):
    # 0.1 (1 - 0.32)/0.32 = 0.2125; 0.1 (1 - 0.31)/0.31 = 0.2226
    assert revision_step_reading(identity_weights(plan_2025, check_plan(plan_2025))).text == (
        "Số 9 tháng 8,01 % điều chỉnh -0,1 điểm (thành 7,91 %): với w4 = 0,32, quý IV cần tăng thêm 0,21 điểm phần trăm, "
        "với mọi mục tiêu.")
    assert "8,62 % điều chỉnh -0,1 điểm (thành 8,52 %): với w4 = 0,31, quý IV cần tăng thêm 0,22" in \
        revision_step_reading(identity_weights(plan_2026, check_plan(plan_2026))).text


def test_revision_record():
    # grdp.forecast.origin.Revision.measure(published_by="2025-10-06"): 13 years, mean 0.089, sd 0.075;
    # extremes 2022 (-0.029) and 2020 (+0.206), first annual releases against first 9-month figures
    text = revision_record().text
    assert text.startswith("Cả nước: 13 năm trong giai đoạn 2011–2024")
    assert "(06/10/2025)" in text and "trung bình +0,089 điểm (độ lệch chuẩn 0,075; từ -0,029 đến +0,206)" in text
    assert "Điều chỉnh nghiêng lên" in text


def test_scenario_rule_reads_the_multipliers():
    # assumptions.csv rows scenario_low 0.5, scenario_base 1.0, scenario_high 1.25
    assert scenario_rule().text.endswith("thấp k = 0,5; cơ sở k = 1 (đúng mục tiêu quý IV); cao k = 1,25.")
    assert "the last 6 months" in scenario_rule(months_done=6, lang="en").text


def test_what_if_reading(plan_2025, plan_2026):
    m = sector_model(plan_2025)
    text = what_if_reading(m, what_if(m, construction=20.0), {"construction": 20.0}).text
    # grdp.sensitivity.scenarios.what_if: 20 % instead of the plan's 29 % takes 0.30 off 10.37 % (0.0334 a point)
    assert "xây dựng quý IV tăng 20 % (mục tiêu kế hoạch 29 %)" in text
    assert "GRDP cả năm 10,07 %, thấp hơn 0,30 điểm so với 10,37 %" in text and "bằng 0,0334 điểm GRDP cả năm" in text
    m = sector_model(plan_2026)
    text = what_if_reading(m, what_if(m, construction=20.0), {"construction": 20.0}, lang="en").text
    # the 2026 plan's construction Q4 target is 16.0: 20 % is above it, so GRDP rises (linear: 4 x 0.0316 = 0.13)
    assert "construction at 20 % in Q4 (plan target 16 %)" in text and "0.13 points higher than the 9.62 %" in text


def test_monte_carlo_reading_carries_its_condition(plan_2026):
    m = sector_model(plan_2026)
    mc = monte_carlo(m, scenario_ranges(plan_scenarios(m)), n=10_000)
    vi, en = monte_carlo_reading(mc).text, monte_carlo_reading(mc, lang="en").text
    # shares of draws, with their condition in the same sentence; never written as P(≥ target)
    assert vi.startswith("Nếu quý IV của mỗi ngành nằm giữa tốc độ 9 tháng và 125 % mức tăng tốc")
    assert f"{100 * mc.probability(9.5):.0f} % lượt mô phỏng đạt 9,5 %" in vi and "P(≥" not in vi
    assert "**có điều kiện theo các khoảng kịch bản, không phải xác suất đạt mục tiêu**" in vi
    assert "**conditional on the scenario ranges, not the probability of the target**" in en
    # seed: grdp.sensitivity.montecarlo.DEFAULT_SEED; 13 national revisions (test_revision_record)
    assert "10.000 lần mô phỏng, seed 20251001; điều chỉnh số 9 tháng lấy lại mẫu từ 13 lần điều chỉnh" in vi
    assert monte_carlo_reading(not_applicable("x", "y")).text.endswith("x.")


def test_assumption_variants():
    v = assumption_variants()
    assert list(v) == ["Độc lập (mặc định)", "Tương quan 0,25", "Tương quan 0,5", "Phân phối chuẩn lệch",
                       "Không điều chỉnh số 9 tháng", "Điều chỉnh của cả nước × 2"]
    assert list(v.values())[1:] == [{"correlation": 0.25}, {"correlation": 0.5}, {"distribution": "split_normal"},
                                    {"revision_method": "none"}, {"revision_scale": 2.0}]


def test_no_story_leaks_the_embedded_plan_into_another(plan_2026):
    audit = check_plan(plan_2026)
    w = identity_weights(plan_2026, audit)
    texts = [plan_question(plan_2026).text, q4_weight_reading(plan_2026).text, identity_reading(w).text,
             revision_step_reading(w).text]
    for embedded in ("8,01", "14,2", "15,8", "10,0–10,5", "Kế hoạch năm 2025"):
        assert not any(embedded in t for t in texts), embedded


def test_missing_figures_reason_is_in_the_plans_language(plan_2026):
    # MissingFigures.describe: the row's key when the row is absent
    na = applicable(plan_outlook, _without(plan_2026, GRDP_KEY))
    assert na.text == f"*Không áp dụng cho kế hoạch này:* {MissingFigures([(GRDP_KEY, '')]).describe('vi')}."
