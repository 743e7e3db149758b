"""The scenarios file, the tornado and what each scenario implies for the plan (on the sector model)."""

from __future__ import annotations

import pytest

import grdp
from grdp.core.errors import InputError
from grdp.io.paths import raw_dir
from grdp.sectors.share import SHARE_KEY, implied_year_share
from grdp.sectors.targets import PLAN_SECTORS
from grdp.sensitivity.scenarios import load_scenarios, plan_scenarios, run_scenarios, scenario_ranges, tornado, what_if

# --------------------------------------------------------------------------- the scenarios file


SCENARIOS_2025 = raw_dir() / "scenarios_2025.csv"


def test_every_scenario_number_follows_its_documented_rule():
    # data/raw/MANIFEST.csv: q4 = g9M + k (plan Q4 - g9M), k = 0.5 (low), 1 (base), 1.25 (high).
    s = load_scenarios(SCENARIOS_2025)
    k = {"low": 0.5, "base": 1.0, "high": 1.25}
    assert len(s) == 12 and set(s["scenario"]) == set(k) and set(s["sector"]) == set(PLAN_SECTORS)
    plan = grdp.load_plan()
    for rec in s.itertuples():
        row = plan.require(PLAN_SECTORS[rec.sector])
        assert rec.plan_stt == row.stt
        g9, q4 = row.done.value, row.rest.value
        assert rec.q4_growth == pytest.approx(g9 + k[rec.scenario] * (q4 - g9), abs=1e-12)
        assert f"{rec.q4_growth:g}" in rec.note or rec.scenario == "base"  # the note repeats the arithmetic
        assert rec.note.strip()


def test_the_plans_scenarios_are_the_authored_file(plan_model):
    # The rule of scenarios_2025.csv with its multipliers from data/raw/assumptions.csv gives the file's numbers.
    # The plan's scenarios add 'pace' (k = 0, assumptions.csv scenario_pace): each sector at its 9-month figure.
    derived = plan_scenarios(plan_model)
    authored = load_scenarios(SCENARIOS_2025)
    key = ["scenario", "sector"]
    assert derived[derived["scenario"] != "pace"][key + ["plan_stt", "q4_growth"]].sort_values(key).reset_index(drop=True).equals(
        authored[key + ["plan_stt", "q4_growth"]].sort_values(key).reset_index(drop=True))
    pace = derived[derived["scenario"] == "pace"].set_index("sector")["q4_growth"]
    assert pace.to_dict() == plan_model.done  # seed rows 2.1-2.4, 9 months: 2.6 / 10.5 / 8.5 / 7.9


def test_ranges_from_the_file():
    r = scenario_ranges(load_scenarios(SCENARIOS_2025))
    assert (r["construction"].low, r["construction"].base, r["construction"].high) == (18.75, 29.0, 34.125)
    assert list(r) == list(PLAN_SECTORS)


def _write(tmp_path, lines: list[str]):
    path = tmp_path / "scen.csv"
    path.write_text("scenario,sector,plan_stt,q4_growth,rule,note\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bad_scenario_files_name_file_row_and_column(tmp_path):
    # A decimal comma left unquoted splits the row: '18' would be read as the growth. Never guessed.
    with pytest.raises(InputError, match="scen.csv, row 3: .*7 fields, the header has 6"):
        load_scenarios(_write(tmp_path, ["low,industry,2.2,13.6,r,n", "low,construction,2.3,18,75,r,n"]))
    with pytest.raises(InputError, match="scen.csv, row 2: .*5 fields"):
        load_scenarios(_write(tmp_path, ["low,construction,2.3,18.75,r"]))
    with pytest.raises(InputError, match="scen.csv, row 2, column 'q4_growth': 'mười': Q4 growth must be a number"):
        load_scenarios(_write(tmp_path, ["low,industry,2.2,mười,r,n"]))
    with pytest.raises(InputError, match="row 2, column 'sector': 'mining'"):
        load_scenarios(_write(tmp_path, ["low,mining,2.2,13.6,r,n"]))
    with pytest.raises(InputError, match="row 3, column 'sector'.*gives 'industry' twice"):
        load_scenarios(_write(tmp_path, ["low,industry,2.2,13.6,r,n", "low,industry,2.2,13.0,r,n"]))
    bad = tmp_path / "cols.csv"
    bad.write_text("scenario,sector,growth\nlow,industry,13.6\n", encoding="utf-8")
    with pytest.raises(InputError, match="cols.csv, row 1: the scenarios file lacks the column\\(s\\) plan_stt, q4_growth"):
        load_scenarios(bad)


# --------------------------------------------------------------------------- what-if


def test_construction_twenty_percent_in_q4(plan_model, hand_model):
    # Issue 6: "what if construction grows 20 % in Q4?" Construction's year: 8.5 + w4 (20 - 8.5) with
    # w4 = 6.9/20.5; GRDP moves by bridge * s_con / S_VA * (new year - 15.4).
    w4 = 6.9 / 20.5
    new_year = 8.5 + w4 * (20 - 8.5)
    assert new_year == pytest.approx(12.3707, abs=1e-4)
    expected = hand_model.grdp({**{s: v[2] for s, v in hand_model.plan.items()}, "construction": new_year})
    r = what_if(plan_model, construction=20.0)
    assert r.names == ["base", "Xây dựng 20 %"]
    assert r.grdp("Xây dựng 20 %") == pytest.approx(expected)
    assert r.grdp("Xây dựng 20 %") - r.grdp("base") == pytest.approx(-0.3003, abs=1e-4)
    out = r.indicators.set_index(["scenario", "stt"])
    assert out.loc[("Xây dựng 20 %", "1"), "outcome"] == "partly"  # 10.07: above 10, below 10.5
    assert out.loc[("Xây dựng 20 %", "2.3"), "outcome"] == "missed"
    assert out.loc[("Xây dựng 20 %", "2.3"), "gap"] == pytest.approx(new_year - 15.4)
    with pytest.raises(ValueError, match="at least one sector"):
        what_if(plan_model)
    with pytest.raises(ValueError, match="sectors must be among"):
        what_if(plan_model, mining=3.0)


# --------------------------------------------------------------------------- tornado


def test_tornado_moves_one_sector_at_a_time(plan_model):
    t = tornado(plan_model)
    f = t.frame.set_index("sector")
    assert t.base == pytest.approx(float(plan_model.annual_growth()))
    for s in plan_model.sectors:
        assert f.loc[s, "grdp_low"] == pytest.approx(float(plan_model.annual_growth({s: f.loc[s, "q4_low"]})))
        assert f.loc[s, "grdp_high"] == pytest.approx(float(plan_model.annual_growth({s: f.loc[s, "q4_high"]})))
        # Linear model: the swing is the marginal effect times the Q4 range.
        assert f.loc[s, "swing"] == pytest.approx(plan_model.marginal_effects()[s] * (f.loc[s, "q4_high"] - f.loc[s, "q4_low"]))
    assert t.frame["swing"].is_monotonic_decreasing
    fig = t.plot()
    assert len(fig.axes[0].patches) == 2 * len(plan_model.sectors)
    assert "Công nghiệp" in t.table().iloc[0, 0]


# --------------------------------------------------------------------------- scenarios


def test_named_scenarios_outcomes(plan_model, hand_model):
    r = run_scenarios(plan_model)
    assert r.names == ["pace", "low", "base", "high"]
    # pace: every sector keeps its 9-month pace; the bridge is calibrated so that gives the 9-month GRDP, 8.01
    assert r.grdp("pace") == pytest.approx(8.01)
    out = r.indicators.set_index(["scenario", "stt"])
    # low: every sector's year halfway between its 9 months and target (k = 0.5) -> GRDP below 10.
    assert r.grdp("low") == pytest.approx(hand_model.grdp({s: (g9 + gy) / 2 for s, (g9, _, gy) in hand_model.plan.items()}))
    assert out.loc[("low", "1"), "outcome"] == "missed"
    assert out.loc[("base", "1"), "outcome"] == "partly"  # 10.37
    # high: years at g9M + 1.25 (gY - g9M): 10.96 >= 10.5.
    assert r.grdp("high") == pytest.approx(hand_model.grdp({s: g9 + 1.25 * (gy - g9) for s, (g9, _, gy) in hand_model.plan.items()}))
    assert out.loc[("high", "1"), "outcome"] == "reached"
    for stt in ("2.1", "2.2", "2.3", "2.4"):
        assert out.loc[("base", stt), "outcome"] == "reached"  # equal to the target up to float rounding
        assert out.loc[("low", stt), "outcome"] == "missed"
    # Row 3, share 81.2 -> 83.0: missed in every scenario (81.24 / 81.27 / 81.29 at a seasonal gap of 0).
    assert (out.xs("3", level="stt")["outcome"] == "missed").all()
    # Everything else is outside the model and carries the audit's verdict.
    others = r.indicators[~r.indicators["key"].isin([*PLAN_SECTORS.values(), "grdp_growth", SHARE_KEY])]
    assert (others["outcome"] == "not_modelled").all() and others["reason"].str.len().gt(0).all()
    assert others.set_index("stt").loc["11", "reason"].iloc[0] == "Cần GRDP giá hiện hành và dân số."
    assert (r.indicators.loc[r.indicators["outcome"] != "not_modelled", "reason"] == "").all()
    assert others.set_index("stt").loc["9", "audit_verdict"].iloc[0] == "Đã đạt"  # FDI 2.04 > 2: met


def test_scenario_share_is_the_share_check_with_the_years_growth(plan_model):
    # Row 3 of a scenario: grdp.sectors.share.implied_year_share with the scenario's annual growth and the
    # model's 9 months, bridge and split. At the plan's targets it is the share check's own default.
    plan = grdp.load_plan()

    def share(annual, **kw):
        return implied_year_share(plan, bridge=plan_model.bridge, industry_split=plan_model.industry_split, done_share=81.2,
                                  done_growth=plan_model.done, year_growth=annual, **kw)

    annual = {s: float(v) for s, v in plan_model.sector_annual().items()}
    theirs = implied_year_share(plan, bridge=plan_model.bridge, industry_split=plan_model.industry_split)
    assert share(annual) == pytest.approx(theirs)
    # Independent check: a year growing like its 9 months, sector by sector, carries the share back and
    # forward by the same factors, so with no seasonal gap the year's share is the 9-month share.
    assert share(plan_model.done) == pytest.approx(81.2)
    assert share(plan_model.done, seasonal_gap=-0.6) < 81.2 - 0.5
    # run_scenarios reports exactly that value for row 3 (base: every sector at its plan Q4 target).
    r = run_scenarios(plan_model, {"base": {}})
    row3 = r.indicators.set_index("stt").loc["3"]
    assert row3["value"] == share(annual) and row3["key"] == SHARE_KEY


def test_scenario_tables(plan_model):
    r = run_scenarios(plan_model, {"chỉ công nghiệp chậm": {"industry": 13.6}})
    t = r.table()
    assert t.iloc[0, 0] == "chỉ công nghiệp chậm"
    assert t["Tăng trưởng GRDP cả năm (%)"].iloc[0] == pytest.approx(9.92, abs=0.005)  # the tornado's industry low
    v = r.verdicts(modelled_only=True)
    assert v["STT"].tolist() == ["1", "2.1", "2.2", "2.3", "2.4", "3"]
    assert v.iloc[2, 2].startswith("Không đạt (11,5")  # industry's year: 10.5 + (2/6.2)(13.6 - 10.5) = 11.5
    e = run_scenarios(plan_model, lang="en").table()
    assert e["Against the target"].tolist() == ["Missed", "Missed", "Low end of the target reached", "Reached"]


def test_annual_grdp_is_linear_in_the_share_of_the_planned_acceleration(plan_model):
    # Each sector's Q4 = 9-month pace + s·(plan Q4 - pace): the year is linear in s (period identity, then the
    # value-added weights), so 10 % needs s = (10 - a0)/(a1 - a0). An independent review found s ≈ 0.84.
    pace = dict(plan_model.done)
    a0, a1 = float(plan_model.annual_growth(pace)), float(plan_model.annual_growth())
    half = {k: pace[k] + 0.5 * (plan_model.q4_base[k] - pace[k]) for k in pace}
    assert float(plan_model.annual_growth(half)) == pytest.approx((a0 + a1) / 2)
    assert (10.0 - a0) / (a1 - a0) == pytest.approx(0.84, abs=0.005)
