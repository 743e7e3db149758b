"""The plan audit on the 2025 plan (seed rows as provenance) and on constructed cases."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from grdp import Plan, load_plan
from grdp.audit.check import check_plan
from grdp.audit.findings import (
    VERDICTS,
    Finding,
    GrowthIdentity,
    GrowthWithoutRest,
    LevelSum,
    RatioGap,
    TargetReached,
)


@pytest.fixture(scope="module")
def audit():
    return check_plan(load_plan())


def _f(audit, stt: str, check: str | None = None) -> Finding:
    return next(f for f in audit.items if f.stt == stt and (check is None or f.check == check))


def test_every_value_row_gets_a_verdict(audit, plan):
    assert {r.stt for r in plan} <= {f.stt for f in audit.items}
    assert {f.verdict for f in audit.items} <= set(VERDICTS)
    assert len(audit.findings) == len(audit.items) >= 24


def test_grdp_range_ends_imply_one_weight(audit):
    # Seed row 1: 8.01 / 14,2-15,8 / 10-10,5. Point weights 1.99/6.19 = 0.3215 and 2.49/7.79 = 0.3196;
    # with rounding (8.01 ±0.005, the rest ±0.05) the two intervals overlap.
    f = _f(audit, "1", "period_identity")
    assert f.verdict == "consistent" and f.warning == ""
    ev = f.evidence
    assert isinstance(ev, GrowthIdentity) and ev is audit.identity() and ev.done == 8.01
    low, high = ev.ends
    assert (low.rest, low.year, high.rest, high.year) == (14.2, 10.0, 15.8, 10.5)
    assert low.implied_weight == pytest.approx(0.3215, abs=5e-5)
    assert high.implied_weight == pytest.approx(0.3196, abs=5e-5)
    assert 0.318 < high.implied_weight < low.implied_weight < 0.322
    assert ev.common.low == pytest.approx(2.435 / 7.835)  # corner (10.45-8.015)/(15.85-8.015)
    assert ev.common.high == pytest.approx(2.545 / 7.745)  # corner (10.55-8.005)/(15.75-8.005)
    # Issue 3: at w4 = 0.32 the two targets need 14.23 / 15.79 % in Q4.
    assert ev.display_weight == 0.32
    assert [round(x, 2) for x in ev.required_rest] == [14.23, 15.79]
    assert "14,23 % / 15,79 %" in f.detail
    # the JSON output keeps the flat names
    assert f.as_dict()["weight_common_min"] == ev.common.low and f.as_dict()["required_rest_high"] == ev.required_rest[1]


@pytest.mark.parametrize(
    ("stt", "weight"),
    [
        ("2.1", 1.8 / 6.3),  # seed line 25: 2.6 / 8.9 / 4.4 → ≈ 0.286
        ("2.2", 2.0 / 6.2),  # line 27: 10.5 / 16.7 / 12.5 → ≈ 0.323
        ("2.3", 6.9 / 20.5),  # line 33: 8.5 / 29.0 / 15.4 → ≈ 0.337
        ("2.4", 2.1 / 6.7),  # line 35: 7.9 / 14.6 / 10.0 → ≈ 0.313
        ("4", 2.7 / 9.4),  # line 52: 5.3 / 14.7 / 8.0 → ≈ 0.287
        ("7", 2.1 / 6.5),  # line 58: 11.5 / 18.0 / 13.6 → ≈ 0.323
    ],
)
def test_growth_rows_report_their_implied_weights(audit, stt, weight):
    f = _f(audit, stt, "period_identity")
    assert f.verdict == "consistent"
    (end,) = f.evidence.ends
    assert end.implied_weight == pytest.approx(weight)


def test_budget_and_jobs_add_up(audit):
    # Seed line 63: 71,062 + >3.338 = >74.400 (tỷ đồng); lines 87-91: 45,400 + 14.600 trở lên = 60.000 trở lên.
    budget, jobs = _f(audit, "8"), _f(audit, "16")
    assert (budget.check, budget.verdict) == ("sum_of_periods", "consistent")
    assert isinstance(budget.evidence, LevelSum) and budget.evidence.done_plus_rest == 74400.0 == budget.evidence.year
    assert (jobs.check, jobs.verdict) == ("sum_of_periods", "consistent")
    assert jobs.evidence.done_plus_rest == 60000.0 == jobs.evidence.year


def test_fdi_is_met(audit):
    # Seed line 65: FDI 2.04 bn USD at 9 months against ">2" for the year.
    f = _f(audit, "9")
    assert (f.check, f.verdict) == ("target_reached", "met")
    assert isinstance(f.evidence, TargetReached) and f.evidence.margin == pytest.approx(0.04)


def test_growth_without_q4_target_says_what_q4_needs(audit):
    # Seed line 54: exports 22.3 / - / 15.0. At w4 = 0.20: (15 - 0.8*22.3)/0.2 = -14.2; at 0.45: 6.08.
    f = _f(audit, "5")
    assert f.verdict == "not_checkable"
    assert isinstance(f.evidence, GrowthWithoutRest) and f.evidence.band == (0.20, 0.45)
    ((year, at_low, at_high),) = f.evidence.needed
    assert year == 15.0 and at_low == pytest.approx(-14.2) and at_high == pytest.approx((15 - 0.55 * 22.3) / 0.45)


def test_targets_alone_are_not_checkable_with_a_reason(audit):
    for stt in ("10", "11", "12", "13", "14", "15", "18", "19", "20", "21"):
        f = _f(audit, stt)
        assert f.verdict == "not_checkable" and f.check == "target_only" and f.detail


def test_ratio_with_nine_months_reports_the_gap(audit):
    # Seed line 92: schools 87.5 % after 9 months, target 88.0 → 0.5 points to go.
    f = _f(audit, "17")
    assert f.verdict == "not_checkable" and isinstance(f.evidence, RatioGap) and f.evidence.gap == pytest.approx(0.5)
    assert "0,5 điểm phần trăm" in f.detail


def test_share_row_without_the_sector_checks_is_not_checkable():
    f = _f(check_plan(load_plan(), sectors=False), "3", "share_from_sectors")
    assert f.verdict == "not_checkable" and "ngành" in f.detail


def test_sector_checks_join_the_audit(audit):
    # The decomposition's findings (tests/test_sector_targets.py has their numbers): the sector
    # targets are consistent with 10-10,5 % only under a value-added/output bridge below 1, and
    # 83,0 % does not follow from 81,2 % and the sector targets under any admissible assumption.
    grdp_sectors = _f(audit, "1", "sectors_vs_grdp")
    assert grdp_sectors.verdict == "consistent" and grdp_sectors.warning
    # Shares obey no identity: not following under any admissible assumption is implausible, not inconsistent.
    share = _f(audit, "3", "share_from_sectors")
    assert share.verdict == "implausible"
    assert [f.stt for f in audit.implausible] == ["3"] and audit.inconsistent == ()


def test_a_higher_annual_target_is_inconsistent(write_plan):
    # Issue 3 "done when": the GRDP annual target changed to 12-12,5 → the ends imply 0.645 and 0.576.
    audit = check_plan(load_plan(write_plan({("1", "Mục tiêu năm 2025"): "12-12,5"})))
    f = _f(audit, "1")
    assert f.verdict == "inconsistent" and audit.has_inconsistency
    low, high = f.evidence.ends
    assert low.implied_weight == pytest.approx(3.99 / 6.19)
    assert high.implied_weight == pytest.approx(4.49 / 7.79)
    assert f.evidence.common is None


def test_annual_outside_the_span_is_inconsistent(write_plan):
    audit = check_plan(load_plan(write_plan({("2.1", "Mục tiêu năm 2025"): "9.5"})))  # above both 2.6 and 8.9
    f = _f(audit, "2.1")
    assert f.verdict == "inconsistent" and "9,5" in f.detail


def test_a_weight_outside_the_band_is_implausible_not_inconsistent(write_plan):
    # 2.6 / 8.9 / 5.6 → w = 3.0/6.3 = 0.476 > 0.45 (assumptions.csv weight band 0.20-0.45):
    # the identity holds, but only at a weight no year's quarters give.
    audit = check_plan(load_plan(write_plan({("2.1", "Mục tiêu năm 2025"): "5.6"})))
    f = _f(audit, "2.1")
    assert f.verdict == "implausible" and "0,45" in f.warning
    assert f.evidence.ends[0].implied_weight == pytest.approx(3.0 / 6.3)
    wider = check_plan(load_plan(write_plan({("2.1", "Mục tiêu năm 2025"): "5.6"})), weight_band=(0.2, 0.5))
    assert _f(wider, "2.1").verdict == "consistent" and _f(wider, "2.1").warning == ""


def test_level_shortfall_is_inconsistent(write_plan):
    audit = check_plan(load_plan(write_plan({("8", "Mục tiêu Quý IV"): ">3.000"})))
    f = _f(audit, "8")
    assert f.verdict == "inconsistent" and f.evidence.done_plus_rest == 74062.0


def test_options_are_validated():
    plan = load_plan()
    with pytest.raises(ValueError, match="lang must be one of"):
        check_plan(plan, lang="de")
    with pytest.raises(ValueError, match="weight_band"):
        check_plan(plan, weight_band=(0.5, 0.2))


def test_findings_frame_summary_and_offices(audit):
    assert list(audit.findings.columns[:10]) == ["stt", "indicator", "name_en", "kind", "check", "verdict", "detail", "warning", "monitoring_unit", "key"]
    assert audit.summary().startswith("Kiểm tra kế hoạch năm 2025")
    offices = audit.by_office()
    # Row 1's monitoring unit "Sở Tài chính; Thống kê tỉnh" puts it under both offices.
    assert "1" in offices["Thống kê tỉnh"]["STT"].tolist() and "1" in offices["Sở Tài chính"]["STT"].tolist()
    assert "<table" in audit._repr_html_()
    en = check_plan(load_plan(), lang="en")
    assert en.table().columns.tolist() == ["No.", "Indicator", "Kind", "Check", "Verdict", "Detail", "Warning"]


def test_extra_checks_replace_or_add_findings(audit):
    plan = load_plan()

    def extra(plan: Plan, lang: str):
        yield Finding("3", "x", "share", "share_from_sectors", "consistent", "replaced")
        yield Finding("1", "x", "growth_rate", "sectors_vs_grdp", "inconsistent", "added")

    got = check_plan(plan, extra_checks=[extra])
    assert _f(got, "3", "share_from_sectors").detail == "replaced"
    stts = [(f.stt, f.check) for f in got.items]
    assert stts.index(("1", "sectors_vs_grdp")) == stts.index(("1", "period_identity")) + 1
    assert got.has_inconsistency


# ---- the command line (in this process, grdp_cli in tests/conftest.py; what it imports: a real process) ----


def test_cli_check_default_plan_json(grdp_cli):
    res = grdp_cli("check", "--format", "json")
    records = json.loads(res.stdout)
    assert {"stt", "indicator", "check", "verdict", "detail"} <= set(records[0])
    assert records[0]["stt"] == "1" and any(r["stt"] == "2.1" for r in records)
    assert res.returncode == (1 if any(r["verdict"] == "inconsistent" for r in records) else 0)


def test_cli_check_exits_0_on_the_2025_plan_and_1_with_strict(grdp_cli):
    # No identity fails in the 2025 plan; row 3's share target (83,0 from 81,2) follows under no admissible
    # seasonal gap: implausible. Exit 1 means the plan contradicts itself; --strict also fails on implausible.
    res = grdp_cli("check")
    assert res.returncode == 0 and "Không khớp: 0" in res.stdout and "Không hợp lý: 1" in res.stdout
    assert "  ? 3 " in res.stdout
    strict = grdp_cli("check", "--strict", "--format", "json")
    assert strict.returncode == 1
    assert [r["stt"] for r in json.loads(strict.stdout) if r["verdict"] == "implausible"] == ["3"]


def test_cli_check_table_exits_0_when_nothing_is_inconsistent(write_plan, grdp_cli):
    # Row 3 with an annual share of 81,5 %: reachable from 81,2 % with a small seasonal gap (+0,2-0,3 points).
    res = grdp_cli("check", str(write_plan({("3", "Mục tiêu năm 2025"): "81,5"})), "--lang", "en")
    assert "Audit of the 2025 plan" in res.stdout and "inconsistent: 0" in res.stdout and "implausible: 0" in res.stdout
    assert res.returncode == 0 and res.stderr == ""
    assert grdp_cli("check", str(write_plan({("3", "Mục tiêu năm 2025"): "81,5"})), "--strict").returncode == 0


def test_cli_check_names_the_grdp_row_and_exits_1(write_plan, grdp_cli):
    res = grdp_cli("check", str(write_plan({("1", "Mục tiêu năm 2025"): "12-12,5"})), "--format", "csv")
    assert res.returncode == 1
    frame = pd.read_csv(__import__("io").StringIO(res.stdout), dtype={"stt": str})
    row = frame[(frame["stt"] == "1") & (frame["check"] == "period_identity")].iloc[0]
    assert row["verdict"] == "inconsistent"


def test_cli_check_broken_value_exits_2_with_one_line(write_plan, grdp_cli):
    res = grdp_cli("check", str(write_plan({("2.2", "Kết quả 9 tháng"): "10..5"})))
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr == "grdp: error: plan.csv, row 6, column 'Kết quả 9 tháng': '10..5': not a number, range or bound that grdp can read\n"


def test_check_does_not_import_matplotlib_or_statsmodels():
    code = (
        "import sys, io, contextlib\n"
        "from grdp.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['check'])\n"
        "print(sorted(m for m in ('matplotlib', 'statsmodels', 'scipy') if m in sys.modules))\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.stdout.strip() == "[]", res.stderr


def test_a_rest_far_from_the_done_pace_is_a_warning(audit):
    # Seed line 63: Q4 '>3.338' against 71,062 for 9 months, i.e. 23 687 per quarter: 3338 / 23687 = 0.141.
    budget, jobs = _f(audit, "8"), _f(audit, "16")
    assert budget.verdict == "consistent" and "14 %" in budget.warning
    assert budget.evidence.rest_vs_done_pace == pytest.approx(3338 / (71062 / 3))
    assert jobs.warning == ""  # 14 600 against 45 400 / 3 = 15 133: 96 %


def test_growth_without_rest_says_when_q4_may_fall(audit):
    # Exports (seed line 54): at w4 = 0.20 the year reaches 15.0 % even if Q4 falls 14.2 %.
    assert "quý IV có thể giảm tới 14,2 %" in _f(audit, "5").detail
