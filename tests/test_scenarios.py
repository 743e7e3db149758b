"""The scenarios file, the tornado and what each scenario implies for the plan (on the sector model)."""

from __future__ import annotations

import pytest

import grdp
from grdp.errors import InputError
from grdp.scenarios import SHARE_KEY, load_scenarios, run_scenarios, scenario_ranges, scenario_share, tornado, what_if
from grdp.sector_model import SECTOR_KEYS, sector_model

# Seed Phụ lục 1 rows 2.1-2.4: 9 months / Q4 target / annual target (gross output growth, %).
PLAN = {
    "agriculture": (2.6, 8.9, 4.4),
    "industry": (10.5, 16.7, 12.5),
    "construction": (8.5, 29.0, 15.4),
    "services": (7.9, 14.6, 10.0),
}
# The merged province's 2025 structure (Party Congress estimate, provinces_hungyen_thaibinh.csv):
# agriculture 11.9, industry + construction 55.8, services 27.2, taxes 5.1 % of GRDP; industry split 0.82.
SHARES = {"agriculture": 0.119, "industry": 0.558 * 0.82, "construction": 0.558 * 0.18, "services": 0.272}
S_VA = sum(SHARES.values())  # 0.949: taxes grow like value added


def _hand_grdp(annual: dict[str, float], bridge: float) -> float:
    """GRDP growth with previous-year weights, taxes like GVA: bridge * sum(s_i g_i) / sum_VA(s)."""
    return bridge * sum(SHARES[s] * annual[s] for s in SHARES) / S_VA


HAND_BRIDGE = 8.01 / (sum(SHARES[s] * PLAN[s][0] for s in SHARES) / S_VA)  # calibrated on the 9 months: 0.93657


@pytest.fixture(scope="module")
def model():
    return sector_model()


# --------------------------------------------------------------------------- the scenarios file


def test_every_scenario_number_follows_its_documented_rule():
    # data/raw/MANIFEST.csv: q4 = g9M + k (plan Q4 - g9M), k = 0.5 (low), 1 (base), 1.25 (high).
    s = load_scenarios()
    k = {"low": 0.5, "base": 1.0, "high": 1.25}
    assert len(s) == 12 and set(s["scenario"]) == set(k) and set(s["sector"]) == set(SECTOR_KEYS)
    plan = grdp.load_plan().set_index("key")
    for rec in s.itertuples():
        row = plan.loc[SECTOR_KEYS[rec.sector]]
        assert rec.plan_stt == row["stt"]
        g9, q4 = row["done_low"], row["rest_low"]
        assert rec.q4_growth == pytest.approx(g9 + k[rec.scenario] * (q4 - g9), abs=1e-12)
        assert f"{rec.q4_growth:g}" in rec.note or rec.scenario == "base"  # the note repeats the arithmetic
        assert rec.note.strip()


def test_ranges_from_the_file():
    r = scenario_ranges()
    assert (r["construction"].low, r["construction"].base, r["construction"].high) == (18.75, 29.0, 34.125)
    assert list(r) == list(SECTOR_KEYS)


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


def test_construction_twenty_percent_in_q4(model):
    # Issue 6: "what if construction grows 20 % in Q4?" Construction's year: 8.5 + w4 (20 - 8.5) with
    # w4 = 6.9/20.5; GRDP moves by bridge * s_con / S_VA * (new year - 15.4).
    w4 = 6.9 / 20.5
    new_year = 8.5 + w4 * (20 - 8.5)
    assert new_year == pytest.approx(12.3707, abs=1e-4)
    expected = _hand_grdp({**{s: v[2] for s, v in PLAN.items()}, "construction": new_year}, HAND_BRIDGE)
    r = what_if(model, construction=20.0)
    assert r.names == ["base", "Xây dựng 20 %"]
    assert r.grdp("Xây dựng 20 %") == pytest.approx(expected)
    assert r.grdp("Xây dựng 20 %") - r.grdp("base") == pytest.approx(-0.3003, abs=1e-4)
    out = r.indicators.set_index(["scenario", "stt"])
    assert out.loc[("Xây dựng 20 %", "1"), "outcome"] == "partly"  # 10.07: above 10, below 10.5
    assert out.loc[("Xây dựng 20 %", "2.3"), "outcome"] == "missed"
    assert out.loc[("Xây dựng 20 %", "2.3"), "gap"] == pytest.approx(new_year - 15.4)
    with pytest.raises(ValueError, match="at least one sector"):
        what_if(model)
    with pytest.raises(ValueError, match="sectors must be among"):
        what_if(model, mining=3.0)


# --------------------------------------------------------------------------- tornado


def test_tornado_moves_one_sector_at_a_time(model):
    t = tornado(model)
    f = t.frame.set_index("sector")
    assert t.base == pytest.approx(float(model.annual_growth()))
    for s in model.sectors:
        assert f.loc[s, "grdp_low"] == pytest.approx(float(model.annual_growth({s: f.loc[s, "q4_low"]})))
        assert f.loc[s, "grdp_high"] == pytest.approx(float(model.annual_growth({s: f.loc[s, "q4_high"]})))
        # Linear model: the swing is the marginal effect times the Q4 range.
        assert f.loc[s, "swing"] == pytest.approx(model.marginal_effects()[s] * (f.loc[s, "q4_high"] - f.loc[s, "q4_low"]))
    assert t.frame["swing"].is_monotonic_decreasing
    fig = t.plot()
    assert len(fig.axes[0].patches) == 2 * len(model.sectors)
    assert "Công nghiệp" in t.table().iloc[0, 0]


# --------------------------------------------------------------------------- scenarios


def test_named_scenarios_outcomes(model):
    r = run_scenarios(model)
    assert r.names == ["low", "base", "high"]
    out = r.indicators.set_index(["scenario", "stt"])
    # low: every sector's year halfway between its 9 months and target (k = 0.5) -> GRDP below 10.
    assert r.grdp("low") == pytest.approx(_hand_grdp({s: (g9 + gy) / 2 for s, (g9, _, gy) in PLAN.items()}, HAND_BRIDGE))
    assert out.loc[("low", "1"), "outcome"] == "missed"
    assert out.loc[("base", "1"), "outcome"] == "partly"  # 10.37
    # high: years at g9M + 1.25 (gY - g9M): 10.96 >= 10.5.
    assert r.grdp("high") == pytest.approx(_hand_grdp({s: g9 + 1.25 * (gy - g9) for s, (g9, _, gy) in PLAN.items()}, HAND_BRIDGE))
    assert out.loc[("high", "1"), "outcome"] == "reached"
    for stt in ("2.1", "2.2", "2.3", "2.4"):
        assert out.loc[("base", stt), "outcome"] == "reached"  # equal to the target up to float rounding
        assert out.loc[("low", stt), "outcome"] == "missed"
    # Row 3, share 81.2 -> 83.0: missed in every scenario (81.24 / 81.27 / 81.29 at a seasonal gap of 0).
    assert (out.xs("3", level="stt")["outcome"] == "missed").all()
    # Everything else is outside the model and carries the audit's verdict.
    others = r.indicators[~r.indicators["key"].isin([*SECTOR_KEYS.values(), "grdp_growth", SHARE_KEY])]
    assert (others["outcome"] == "not_modelled").all() and others["reason"].str.len().gt(0).all()
    assert others.set_index("stt").loc["11", "reason"].iloc[0] == "Cần GRDP giá hiện hành và dân số."
    assert (r.indicators.loc[r.indicators["outcome"] != "not_modelled", "reason"] == "").all()
    assert others.set_index("stt").loc["9", "audit_verdict"].iloc[0] == "Đã đạt"  # FDI 2.04 > 2: met


def test_scenario_share_agrees_with_the_share_check(model):
    # At the plan's targets it is grdp.share_target.implied_year_share with the model's bridge and split.
    from grdp.share_target import implied_year_share

    plan = grdp.load_plan()
    annual = {s: float(v) for s, v in model.sector_annual().items()}
    theirs = implied_year_share(plan, bridge=model.bridge, industry_split=model.industry_split)
    assert scenario_share(model, annual, 81.2) == pytest.approx(theirs)
    # Independent check: a year growing like its 9 months, sector by sector, carries the share back and
    # forward by the same factors, so with no seasonal gap the year's share is the 9-month share.
    assert scenario_share(model, model.done, 81.2) == pytest.approx(81.2)
    assert scenario_share(model, model.done, 81.2, seasonal_gap=-0.6) < 81.2 - 0.5


def test_scenario_tables(model):
    r = run_scenarios(model, {"chỉ công nghiệp chậm": {"industry": 13.6}})
    t = r.table()
    assert t.iloc[0, 0] == "chỉ công nghiệp chậm"
    assert t["Tăng trưởng GRDP cả năm (%)"].iloc[0] == pytest.approx(9.92, abs=0.005)  # the tornado's industry low
    v = r.verdicts(modelled_only=True)
    assert v["STT"].tolist() == ["1", "2.1", "2.2", "2.3", "2.4", "3"]
    assert v.iloc[2, 2].startswith("Không đạt (11,5")  # industry's year: 10.5 + (2/6.2)(13.6 - 10.5) = 11.5
    e = run_scenarios(model, lang="en").table()
    assert e["Against the target"].tolist() == ["Missed", "Low end reached", "Reached"]
