"""grdp.forecast: methods through one interface, origins, borrowing and the nowcast.

The backtest and the plan outlook are tested in test_backtest.py and test_outlook.py.

Expected values carry their provenance: the source_url of the row in data/raw/*.csv, the
seed (Phụ lục 1, row 1: 8.01 / 14,2-15,8 / 10-10,5), or the derivation written out.
Statistical models are checked on properties (a pattern they must recover, identities
they must obey), not on numbers copied from their own output.
"""

from __future__ import annotations

import io
import math

import numpy as np
import pandas as pd
import pytest

import grdp
import grdp.io.datasets
from grdp import InputError
from grdp.core.labels import label
from grdp.core.periods import annual_growth, yoy_growth
from grdp.figures.forecast import plot_fan
from grdp.forecast.borrowing import borrow, provincial_spread
from grdp.forecast.methods import METHODS, MIN_QUARTERS, Prediction, _log_levels, _Q4Model, combine, get_method
from grdp.forecast.nowcast import nowcast_annual
from grdp.forecast.origin import history_origin, national_origin
from grdp.io.datasets import national_releases
from grdp.io.vintages import latest_nine_month_year, national_quarter_weights, published_on
from grdp.sectors.quarter_weight import national_fallback

NATIONAL_QUARTER_WEIGHTS = national_quarter_weights()
W4 = NATIONAL_QUARTER_WEIGHTS[3]


# ---- predictive distributions ---------------------------------------------------------------


def test_prediction_interval_probability_and_quantile_agree():
    p = Prediction("demo", point=8.0, scale=0.5, df=5.0)
    iv = p.interval(0.8)
    assert iv.low < 8.0 < iv.high and iv.mid == pytest.approx(8.0)
    assert p.prob_at_least(iv.high) == pytest.approx(0.1) and p.prob_at_least(iv.low) == pytest.approx(0.9)
    assert p.prob_at_least(8.0) == pytest.approx(0.5)
    assert p.interval(0.95).width > iv.width
    assert p.quantile(0.9) == pytest.approx(iv.high)
    with pytest.raises(ValueError, match=r"level must be in \(0, 1\)"):
        p.interval(80)


def test_a_point_mass_prediction():
    p = Prediction("demo", point=8.0, scale=0.0, df=math.inf)
    assert p.prob_at_least(8.0) == 1.0 and p.prob_at_least(8.01) == 0.0


def test_welch_satterthwaite():
    assert combine([(4.0, 10.0)]) == (2.0, 10.0)
    scale, df = combine([(1.0, 4.0), (1.0, math.inf)])
    # (v1 + v2)² / (v1² / df1) = 4 / (1/4) = 16
    assert scale == pytest.approx(math.sqrt(2)) and df == pytest.approx(16.0)
    assert combine([(1.0, math.inf), (0.0, 3.0)]) == (1.0, math.inf)


# ---- the method registry --------------------------------------------------------------------


def test_registry_has_baselines_and_models_with_labels_in_both_languages():
    kinds = {m.kind for m in METHODS.values()}
    assert kinds == {"baseline", "model"}
    assert list(METHODS)[:3] == ["nine_months", "mean_gap", "q4_equals_q3"]
    for m in METHODS.values():
        assert label(f"fc_{m.name}", "vi") != label(f"fc_{m.name}", "en")
    with pytest.raises(ValueError, match="method must be one of: 'nine_months', 'mean_gap'"):
        get_method("prophet")


def _first(year: int, period: str) -> float:
    """The earliest published figure of a period (derivation independent of grdp.io.vintages.as_of)."""
    r = national_releases()
    r = r[(r["sector"] == "total") & (r["measure"] == "growth_yoy_pct") & (r["year"] == year) & (r["period"] == period)]
    days = [published_on(d) for d in r["release_date"]]
    rank = (r["release"] != "first").astype(int).to_numpy()
    order = sorted(range(len(r)), key=lambda i: (days[i], rank[i]))
    return float(r["value"].iloc[order[0]])


def test_baselines_at_the_2024_origin():
    o = national_origin(2024)
    # 9M 2024: 6.82, Q3 2024: 7.40 (https://vienthongke.vn/bao-cao-tinh-hinh-kinh-te-xa-hoi-quy-iii-va-9-thang-nam-2024/)
    assert METHODS["nine_months"].predict(o).point == 6.82
    assert METHODS["q4_equals_q3"].predict(o).point == pytest.approx((1 - W4) * 6.82 + W4 * 7.40)
    gaps = np.array([_first(y, "Y") - _first(y, "9M") for y in range(2011, 2024)])
    mg = METHODS["mean_gap"].predict(o)
    assert mg.point == pytest.approx(6.82 + gaps.mean())
    assert mg.scale == pytest.approx(gaps.std(ddof=1) * math.sqrt(1 + 1 / len(gaps))) and mg.df == len(gaps) - 1
    nm = METHODS["nine_months"].predict(o)
    assert nm.scale == pytest.approx(math.sqrt(np.mean(gaps**2))) and nm.df == len(gaps)


class _Fixed(_Q4Model):
    """A stand-in model: Q4 growth 9 ± 1 (variance 1)."""

    name = "fixed"

    def forecast_q4(self, growth):
        return 9.0, 1.0, True


def test_a_model_turns_its_q4_into_the_year_through_the_identity_with_the_revision():
    o = national_origin(2024)
    p = _Fixed().predict(o)
    r = o.revision
    # gY = (1 - w4)(g9M + r̄) + w4 g4; Var = w4² Var(g4) + (1 - w4)² s_r² (1 + 1/n_r)
    assert p.point == pytest.approx((1 - W4) * (6.82 + r.mean) + W4 * 9.0)
    assert p.scale**2 == pytest.approx(W4**2 * 1.0 + (1 - W4) ** 2 * r.sd**2 * (1 + 1 / r.n))


def test_models_refuse_a_history_without_the_years_quarters():
    o = history_origin(pd.Series([6.0] * 12, index=pd.period_range("2021Q1", periods=12, freq="Q")), 6.5)
    assert not METHODS["sarimax"].usable(o) and METHODS["mean_gap"].usable(o)
    with pytest.raises(ValueError, match=f"needs at least {MIN_QUARTERS} quarters"):
        METHODS["sarimax"].predict(o)


def _seasonal_growth(n_years: int = 6, seed: int = 20251006) -> pd.Series:
    """Growth rising through each year (5, 6, 7, 8) plus small noise (numpy seed 20251006), through Q3."""
    rng = np.random.default_rng(seed)
    base = np.tile([5.0, 6.0, 7.0, 8.0], n_years)[:-1]
    return pd.Series(base + rng.normal(0, 0.05, len(base)), index=pd.period_range("2015Q1", periods=len(base), freq="Q"))


@pytest.mark.parametrize("name", ["sarimax", "uc"])
def test_growth_models_recover_the_quarter_pattern(name):
    mean, var, ok = METHODS[name].forecast_q4(_seasonal_growth())
    assert ok and abs(mean - 8.0) < 0.3 and var > 0


def test_without_quarter_means_the_pattern_is_missed():
    # the reason sarimax carries quarter means: with one constant, Q4 is pulled to the yearly mean
    mean, _, _ = METHODS["sarimax_nq"].forecast_q4(_seasonal_growth())
    assert mean < 7.7


@pytest.mark.parametrize("name", ["airline", "ets"])
def test_level_models_continue_steady_growth(name):
    g = pd.Series(7.0, index=pd.period_range("2015Q1", periods=23, freq="Q"))
    g = g + np.random.default_rng(7).normal(0, 0.02, len(g))  # numpy seed 7
    mean, var, _ = METHODS[name].forecast_q4(g)
    assert abs(mean - 7.0) < 0.3 and var >= 0


def test_log_levels_reproduce_the_growth_they_were_built_from():
    g = _seasonal_growth()
    levels = np.exp(_log_levels(g) / 100)
    assert yoy_growth(levels).dropna().to_numpy() == pytest.approx(g.to_numpy())


def test_models_are_deterministic():
    o = national_origin(2023)
    for name in ("sarimax", "uc", "airline", "ets"):
        assert METHODS[name].predict(o) == METHODS[name].predict(o)


# ---- borrowing for a province ---------------------------------------------------------------


def test_borrow_carries_acceleration_and_revision_at_their_own_weights():
    # Review 2026-11 section 4.3: the national point is (1 - w_n)(g9M_n + r) + w_n g4, so its gap over the
    # 9 months is w_n a + (1 - w_n) r with a = g4 - g9M_n; the province gets w_p a + (1 - w_p) r.
    o = national_origin(2025)  # national 9M 7.85 (https://thoibaotaichinhvietnam.vn/kinh-te-9-thang-tang-785-duy-tri-da-phuc-hoi-manh-me-184419.html)
    r = o.revision.mean  # +0.089: the 13 national revisions known by 2025-10-06 (test_vintages)
    assert r == pytest.approx(0.089, abs=5e-4)
    nat = Prediction("demo", point=8.15, scale=0.3, df=math.inf)
    same = borrow(nat, o, 8.01)
    assert same.point == pytest.approx(8.01 + (8.15 - 7.85)) and same.scale == pytest.approx(0.3)
    a = (0.30 - (1 - W4) * r) / W4
    heavier = borrow(nat, o, 8.01, q4_weight=0.32)
    assert heavier.point == pytest.approx(8.01 + 0.32 * a + 0.68 * r)
    # the old scaling of the whole gap by w_p / w_n put (w_p / w_n)(1 - w_n) r on the revision: +0.016 at 0.3206
    old = 8.01 + 0.3206 / W4 * 0.30
    assert old - borrow(nat, o, 8.01, q4_weight=0.3206).point == pytest.approx(r * (0.3206 - W4) / W4)
    # variance: the Q4 part scales with w_p, the revision part with 1 - w_p; the spread (annual points) as is
    v_rev = o.revision.sd**2 * (1 + 1 / o.revision.n)
    v_q4 = (0.3**2 - (1 - W4) ** 2 * v_rev) / W4**2
    assert heavier.scale**2 == pytest.approx(0.32**2 * v_q4 + 0.68**2 * v_rev)
    s = provincial_spread()
    wide = borrow(nat, o, 8.01, q4_weight=0.32, spread=s)
    assert wide.scale**2 == pytest.approx(0.32**2 * v_q4 + 0.68**2 * v_rev + s.sd**2)
    assert wide.df == s.df == 4  # the spread's province-years, not Welch's 11


def test_provincial_spread_pairs():
    s = provincial_spread()
    assert [(r.province.split(" (")[0], r.year, r.split) for r in s.pairs.itertuples()] == [
        ("Hung Yen", 2018, "H1"),
        ("Hung Yen", 2023, "9M"),
        ("Hung Yen", 2024, "9M"),
        ("Thai Binh", 2024, "H1"),
    ]
    hy = s.pairs.set_index(["province", "year"]).loc[("Hung Yen (old, pre-2025-07-01)", 2023)]
    # Hưng Yên 9M 2023 8.61 (https://hungyen.gov.vn/tinh-hinh-kinh-te-xa-hoi-tinh-hung-yen-thang-9-va-9-thang-nam-2023-c28497.html),
    # year 10.05 (http://baokiemtoan.vn/hung-yen-ptag.html); nation 4.24 and 5.05 (sggp.org.vn, vneconomy.vn)
    assert hy["deviation"] == pytest.approx((10.05 - 8.61) - (5.05 - 4.24))  # annual points: no weight
    assert s.sd == pytest.approx(math.sqrt(np.mean(s.pairs["deviation"] ** 2))) and s.df == 4
    # Thái Bình H1 2024 7.96 (baothaibinh.com.vn), year 7.01 (doanhnghieptiepthi.vn); nation H1 6.42, year 7.09
    tb = s.pairs.set_index(["province", "year"]).loc[("Thai Binh (pre-2025-07-01)", 2024)]
    # a half-year pair's gap covers the second half: brought to the Q4 horizon by w4 / (w3 + w4)
    assert tb["deviation"] == pytest.approx(((7.01 - 7.96) - (7.09 - 6.42)) * W4 / (NATIONAL_QUARTER_WEIGHTS[2] + W4))


# ---- the nowcast ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nowcast():
    return nowcast_annual(grdp.load_plan())


def test_nowcast_of_the_plan(nowcast):
    nc = nowcast
    # seed row 1: 8.01 after 9 months, target 10-10,5 for 2025
    assert (nc.growth_9m, nc.targets, nc.year) == (8.01, (10.0, 10.5), 2025)
    # the province's Q4 weight by default (grdp.q4_weight, route "plan"): the mean of the two ends' implied weights,
    # (10 - 8.01)/(14.2 - 8.01) and (10.5 - 8.01)/(15.8 - 8.01) = 0.3206; a bare figure takes the nation's latest, 0.282
    w_plan = ((10 - 8.01) / (14.2 - 8.01) + (10.5 - 8.01) / (15.8 - 8.01)) / 2
    assert nc.method == "sarimax" and nc.borrowed and nc.q4_weight == pytest.approx(w_plan)
    assert national_fallback() == 0.282 and nowcast_annual(8.01).q4_weight == 0.282
    assert nc.lower < nc.point < nc.upper
    assert 0 < nc.prob_at_least(10.5) < nc.prob_at_least(10.0) < nc.prob_at_least(nc.point) == pytest.approx(0.5)
    assert nc.interval(0.95).width > nc.interval().width
    # the implied Q4 and the point satisfy the identity gY = (1 - w4) g9M + w4 g4
    assert annual_growth(8.01, nc.q4, rest_weight=w_plan) == pytest.approx(nc.point)
    # the plan's Q4 for 10 % at its own weight: (10 - 0.68·8.01) / 0.32 = 14.23 (seed: 14,2)
    assert nowcast_annual(8.01, q4_weight=0.32).required_q4(10.0) == pytest.approx((10 - 0.68 * 8.01) / 0.32)


def test_nowcast_summary_and_table(nowcast):
    vi, en = nowcast.summary(), nowcast.summary(lang="en")
    assert "8,01 %" in vi and "≥ 10,0 %" in vi and "≥ 10,5 %" in vi and "Mượn mẫu hình" in vi
    assert "8.01 %" in en and "borrowed" in en
    t = nowcast.table()
    assert list(t.columns) == ["Nội dung", "Giá trị"] and "Khoảng dự báo 80 %" in t["Nội dung"].tolist()
    assert "<table" in nowcast._repr_html_()


def test_the_provinces_dispersion_widens_the_interval(nowcast):
    national_pattern_only = nowcast_annual(8.01, borrowed=False)  # read 8.01 as a national figure
    assert nowcast.interval().width > national_pattern_only.interval().width
    assert not national_pattern_only.borrowed and national_pattern_only.spread_sd is None


def test_nowcast_options_are_validated():
    with pytest.raises(ValueError, match=r"level must be in \(0, 1\)"):
        nowcast_annual(8.01, level=80)
    with pytest.raises(ValueError, match="q4_weight must be in"):
        nowcast_annual(8.01, q4_weight=0, borrowed=False)
    with pytest.raises(ValueError, match="method must be one of"):
        nowcast_annual(8.01, method="arima")
    with pytest.raises(ValueError, match="lang must be one of"):
        nowcast_annual(8.01, lang="fr")


def test_nowcast_is_deterministic(nowcast):
    assert nowcast_annual(grdp.load_plan()) == nowcast
    # a bare growth figure at the same Q4 weight gives the same forecast, with no targets to report on
    bare = nowcast_annual(8.01, q4_weight=nowcast.q4_weight)
    assert bare.prediction == nowcast.prediction and bare.targets == ()


def test_a_plan_for_a_year_the_national_file_does_not_reach(write_plan, plan_rows):
    # The 2025 plan read as next year's: no national 9 months of 2026 on file, so the origin stands at the
    # latest release (2026-01-05, the 2025 annual release) and only the rules that need no quarter apply.
    rows = [list(r) for r in plan_rows]
    rows[0][5] = "Mục tiêu năm 2026"
    plan = grdp.load_plan(write_plan(rows=rows))
    nc = nowcast_annual(plan)
    assert latest_nine_month_year() == 2025 and nc.year == 2026 and nc.method == "mean_gap"
    assert str(nc.as_of.date()) == str(national_releases()["release_date"].map(published_on).max().date())
    origin = national_origin(2026, growth_9m=8.01)
    assert origin.quarters is None and origin.past.index.max() == 2025
    gaps = (origin.past["annual"] - origin.past["nine_months"]).dropna()
    # mean_gap borrowed (grdp.forecast.borrowing.borrow): the mean gap is w_n a + (1 - w_n) r; the province gets
    # w_p a + (1 - w_p) r, with w_p the plan's own weight (route "plan", as for 2025: 0.3206) and r the mean revision
    w_p, w_n, r = nc.q4_weight, origin.q4_weight, origin.revision.mean
    assert w_p == pytest.approx(((10 - 8.01) / (14.2 - 8.01) + (10.5 - 8.01) / (15.8 - 8.01)) / 2)
    a = (gaps.mean() - (1 - w_n) * r) / w_n
    assert nc.point == pytest.approx(8.01 + w_p * a + (1 - w_p) * r)
    assert nowcast_annual(plan, q4_weight=w_n).point == pytest.approx(8.01 + gaps.mean())
    with pytest.raises(ValueError, match="needs the year's quarters"):
        nowcast_annual(plan, method="sarimax")
    with pytest.raises(ValueError, match="give the 9-month growth"):
        national_origin(2026)


def test_a_mid_year_plan_is_not_forecast(write_plan, plan_rows):
    rows = [list(r) for r in plan_rows]
    rows[0][3:5] = ["Kết quả 6 tháng", "Mục tiêu 6 tháng cuối năm"]
    with pytest.raises(ValueError, match="9-month release; the plan has 6 months done"):
        nowcast_annual(grdp.load_plan(write_plan(rows=rows)))


def _history_file(tmp_path, quarters, start="2021Q1"):
    idx = pd.period_range(start, periods=len(quarters), freq="Q")
    path = tmp_path / "tinh.csv"
    pd.DataFrame({"period": idx.astype(str), "growth_yoy_pct": quarters}).to_csv(path, index=False)
    return path


def test_a_users_history_replaces_the_national_one(tmp_path):
    rng = np.random.default_rng(2025)  # numpy seed 2025
    quarters = list(np.tile([7.0, 8.0, 9.0, 11.0], 4)[:-1] + rng.normal(0, 0.1, 15))
    nc = nowcast_annual(8.5, history=_history_file(tmp_path, quarters))
    assert not nc.borrowed and nc.method == "sarimax" and nc.year == 2024 and "tinh.csv" in nc.source
    assert nc.point > 8.5  # its own Q4 runs ~2.5 points above its 9 months
    short = nowcast_annual(8.5, history=_history_file(tmp_path, quarters[:12]))  # ends in Q4: no quarters of the year
    assert short.method == "mean_gap" and short.year == 2024
    with pytest.raises(ValueError, match="needs the year's quarters"):
        nowcast_annual(8.5, history=_history_file(tmp_path, quarters[:12]), method="uc")


def test_a_bad_history_file_is_an_input_error(tmp_path):
    path = tmp_path / "tinh.csv"
    path.write_text("period,growth_yoy_pct\n2023Q1,8.22\n2023Q2,8-9\n", encoding="utf-8")
    with pytest.raises(InputError, match="tinh.csv, row 3, column 'growth_yoy_pct'"):
        nowcast_annual(8.01, history=path)


# ---- the 2025 plan's figures ------------------------------------------------------------------


def test_the_plans_nine_months_are_the_provincial_files():
    # the merged province's 9 months in the provincial file (https://vjs.vietnam.vn/en/tap-trung-hoan-thanh-toan-dien-cac-muc-tieu-phat-trien-nam-2025)
    # are the seed's row 1, 8.01
    p = grdp.io.datasets.provinces()
    merged = p[p["province"].str.startswith("Hung Yen (merged") & (p["period"] == "9M") & (p["measure"] == "growth_yoy_pct")]
    assert merged["low"].tolist() == [grdp.load_plan().grdp.done.value] == [8.01]


# ---- figures and report views -----------------------------------------------------------------


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def test_fan_chart_draws_the_intervals(nowcast):
    from matplotlib.collections import PolyCollection

    fig = plot_fan(nowcast)
    ax = fig.axes[0]
    bands = [c for c in ax.collections if isinstance(c, PolyCollection)]
    tops = sorted(round(float(c.get_paths()[0].vertices[:, 1].max()), 9) for c in bands[:3])
    want = sorted(round(nowcast.interval(lv).high, 9) for lv in (0.95, 0.8, 0.5))
    assert tops == want
    assert [t.get_text() for t in ax.get_xticklabels()] == ["9 tháng", "Cả năm"]
    assert _png(plot_fan(nowcast)) == _png(fig)


def test_report_views_use_the_decimal_comma(nowcast):
    spread = provincial_spread().table(lang="en")
    assert spread["Province"].tolist()[:2] == ["Hưng Yên (old)", "Hưng Yên (old)"]
    assert str(nowcast) == nowcast.summary()
