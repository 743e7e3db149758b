"""Monte Carlo: revision errors from the national vintages, the draws, exact probabilities, reproducibility."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from grdp.core.periods import required_growth
from grdp.io.vintages import revisions
from grdp.sensitivity.montecarlo import (
    IdentityModel,
    SectorRange,
    draw_q4,
    draw_revisions,
    monte_carlo,
    national_revisions,
    probability_std_error,
)

SEED = 20251001  # grdp.sensitivity.montecarlo.DEFAULT_SEED; every statistical assertion below is at >= 4 standard errors
TARGETS = (10.0, 10.5)  # the seed's annual GRDP target, row 1: "10-10,5"


# --------------------------------------------------------------------------- revision errors


def test_national_nine_month_revisions_first_vs_next_release():
    r = revisions("9M", horizon="next").set_index("year")
    # national_gdp_releases.csv: 2023 9M first 4.24 (GSO 2023-09-29), revised 4.40 (quoted 2024-10).
    assert r.loc[2023, "first"] == 4.24 and r.loc[2023, "later"] == 4.40
    assert r.loc[2023, "revision"] == pytest.approx(0.16)
    # 2014: first 5.62 (2014-09), 5.53 in the Sep 2018 series; 2018: 6.98 -> 6.96 (2019-09-28).
    assert r.loc[2014, "revision"] == pytest.approx(-0.09)
    assert r.loc[2018, "revision"] == pytest.approx(-0.02)
    # No 'first' row: 2013 uses the ministry's Sep 2013 estimate, 2015 CIEM's quote of 2015-10-26.
    assert r.loc[2013, "first_release"] == "mpi_estimate"
    assert r.loc[2015, "first_release"] == "as_quoted_by_CIEM" and r.loc[2015, "first"] == 6.50
    # 2011-2012: the first releases are at 1994 prices, not comparable; 2019, 2024, 2025: no later vintage.
    assert r.index.tolist() == [2013, 2014, 2015, 2016, 2017, 2018, 2020, 2021, 2022, 2023]
    assert r["first_url"].str.startswith("http").all() and r["later_url"].str.startswith("http").all()
    # The ten revisions sum to 0.51 (0 - .09 + .03 + .06 + 0 - .02 + .07 + .15 + .15 + .16).
    assert r["revision"].sum() == pytest.approx(0.51)


def test_latest_vintage_adds_the_2025_requote_of_2022():
    r = revisions("9M", horizon="latest").set_index("year")
    assert r.loc[2022, "later"] == 9.44 and r.loc[2022, "revision"] == pytest.approx(0.61)  # 9.44 - 8.83
    with pytest.raises(ValueError, match="horizon must be one of: 'annual_release', 'next', 'latest'"):
        revisions("9M", horizon="final")


def test_national_revisions_are_the_annual_release_revisions_known_at_the_2025_nine_months():
    from grdp.io.vintages import nine_month_release

    expected = revisions("9M", horizon="annual_release", published_by=nine_month_release(2025))
    assert np.array_equal(national_revisions(), expected["revision"].to_numpy())
    assert expected["year"].tolist() == [2011, 2012, 2013, 2014, 2016, *range(2017, 2025)]  # no Q4 2015 on file
    assert np.array_equal(national_revisions(horizon="next"), revisions("9M", horizon="next")["revision"].to_numpy())


# --------------------------------------------------------------------------- draws


def test_triangular_draws_have_the_triangular_moments_and_support():
    rng = np.random.default_rng(SEED)
    a, c, b = 18.75, 29.0, 34.125  # construction's low / base / high (scenarios_2025.csv)
    x = draw_q4({"construction": (a, c, b)}, 400_000, rng)["construction"]
    assert x.min() >= a and x.max() <= b
    mean, var = (a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18
    assert abs(x.mean() - mean) < 4 * np.sqrt(var / x.size)
    # P(X <= mode) = (c - a)/(b - a) for a triangular distribution.
    p = (c - a) / (b - a)
    assert abs(np.mean(x <= c) - p) < 4 * probability_std_error(p, x.size)


def test_split_normal_has_base_as_median_and_low_high_as_5_95_percentiles():
    rng = np.random.default_rng(SEED)
    x = draw_q4({"industry": (13.6, 16.7, 18.25)}, 400_000, rng, distribution="split_normal")["industry"]
    se = probability_std_error(0.05, x.size)
    assert abs(np.mean(x <= 13.6) - 0.05) < 4 * se
    assert abs(np.mean(x >= 18.25) - 0.05) < 4 * se
    assert abs(np.mean(x <= 16.7) - 0.5) < 4 * probability_std_error(0.5, x.size)


def test_correlation_is_the_copula_correlation():
    rng = np.random.default_rng(SEED)
    d = draw_q4({"a": (-1.645, 0.0, 1.645), "b": (-1.645, 0.0, 1.645)}, 200_000, rng,
                distribution="split_normal", correlation=0.5)
    # Symmetric split normal with sd (1.645/1.645) = 1: the draws are the correlated normals themselves.
    r = np.corrcoef(d["a"], d["b"])[0, 1]
    assert abs(r - 0.5) < 4 * (1 - 0.5**2) / np.sqrt(200_000)
    # Triangular margins through the copula keep the rank correlation: Spearman of a Gaussian copula
    # is (6/pi) asin(rho/2) = 0.4826 for rho = 0.5.
    t = draw_q4({"a": (0.0, 1.0, 3.0), "b": (0.0, 2.0, 2.5)}, 200_000, rng, correlation=0.5)
    rho_s = stats.spearmanr(t["a"], t["b"]).statistic
    assert rho_s == pytest.approx(6 / np.pi * np.arcsin(0.25), abs=0.01)


def test_draw_options_are_validated():
    rng = np.random.default_rng(SEED)
    with pytest.raises(ValueError, match="distribution must be one of: 'triangular', 'split_normal'"):
        draw_q4({"a": (0, 1, 2)}, 10, rng, distribution="uniform")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="correlation must be in"):
        draw_q4({"a": (0, 1, 2), "b": (0, 1, 2), "c": (0, 1, 2)}, 10, rng, correlation=-0.6)
    with pytest.raises(ValueError, match="low <= base <= high"):
        SectorRange(3.0, 1.0, 2.0)
    with pytest.raises(ValueError, match="method must be one of"):
        draw_revisions([0.1], 10, rng, method="jackknife")  # type: ignore[arg-type]


def test_revision_draws_bootstrap_normal_none_and_scale():
    rng = np.random.default_rng(SEED)
    e = np.array([-0.09, 0.0, 0.16])
    b = draw_revisions(e, 30_000, rng, method="bootstrap", scale=2.0)
    assert set(np.unique(b)) == {-0.18, 0.0, 0.32}
    n = draw_revisions(e, 200_000, rng, method="normal")
    assert abs(n.mean() - e.mean()) < 4 * e.std(ddof=1) / np.sqrt(n.size)
    assert not draw_revisions(e, 5, rng, method="none").any()


# --------------------------------------------------------------------------- monte carlo


def test_probability_matches_the_exact_triangular_answer():
    # Identity model: P(annual >= 10) = P(g4 >= g4*) with g4* = (10 - 0.68 * 8.01)/0.32 = 14.22875.
    # For a triangular (12, 15, 17) and g4* below the mode: 1 - (g4* - 12)^2 / ((17 - 12)(15 - 12)).
    g4 = required_growth(8.01, 10.0, rest_weight=0.32)
    exact = 1 - (g4 - 12) ** 2 / (5 * 3)
    r = monte_carlo(IdentityModel(8.01, 0.32), {"total": (12.0, 15.0, 17.0)}, thresholds=TARGETS, n=400_000, seed=SEED,
                    revision_method="none")
    assert abs(r.probability(10.0) - exact) < 4 * probability_std_error(exact, r.n)
    assert r.std_error(10.0) == pytest.approx(np.sqrt(r.probability(10.0) * (1 - r.probability(10.0)) / r.n))


def test_revision_alone_gives_the_share_of_non_negative_revisions():
    # Q4 fixed a hair above what 10 % needs: the year is 10 + 0.68 e (+ 3e-6), so P(>= 10) = P(e >= 0).
    # National 9-month revisions by the annual release, 2011-2024 (13 years): 11 are >= 0, all but
    # 2014 (-0.004) and 2022 (-0.029) -- see test_national_revisions_are_... above.
    g4 = required_growth(8.01, 10.0, rest_weight=0.32) + 1e-5
    r = monte_carlo(IdentityModel(8.01, 0.32), {"total": (g4, g4, g4)}, thresholds=TARGETS, n=200_000, seed=SEED)
    assert abs(r.probability(10.0) - 11 / 13) < 4 * probability_std_error(11 / 13, r.n)


def test_degenerate_inputs_give_a_certain_answer():
    r = monte_carlo(IdentityModel(8.01, 0.32), {"total": (14.2, 14.2, 14.2)}, thresholds=TARGETS, n=1000, seed=SEED,
                    revision_method="none")
    # 0.68 * 8.01 + 0.32 * 14.2 = 9.9908 < 10 (annual_growth's own docstring example)
    assert np.allclose(r.annual, 9.9908)
    assert r.probability(10.0) == 0.0 and r.std_error(10.0) == 0.0


def test_same_seed_same_numbers_other_seed_other_numbers():
    model, ranges = IdentityModel(8.01, 0.32), {"total": (12.0, 15.0, 17.0)}
    a = monte_carlo(model, ranges, thresholds=TARGETS, n=50_000, seed=7)
    b = monte_carlo(model, ranges, thresholds=TARGETS, n=50_000, seed=7)
    c = monte_carlo(model, ranges, thresholds=TARGETS, n=50_000, seed=8)
    assert np.array_equal(a.annual, b.annual)
    assert not np.array_equal(a.annual, c.annual)


def test_convergence_standard_error_is_confirmed_by_batch_means():
    r = monte_carlo(IdentityModel(8.01, 0.32), {"total": (12.0, 15.0, 17.0)}, thresholds=TARGETS, n=1_000_000, seed=SEED)
    conv = r.convergence()
    assert conv["draws"].unique().tolist() == [100, 1_000, 10_000, 100_000, 1_000_000]
    full = conv[conv["draws"] == 1_000_000].set_index("threshold")
    assert full.loc[10.0, "probability"] == pytest.approx(r.probability(10.0))
    # SE shrinks like 1/sqrt(n): tenfold draws, sqrt(10) smaller (up to the change in p-hat).
    se = conv[conv["threshold"] == 10.0].set_index("draws")["std_error"]
    assert se[10_000] / se[1_000_000] == pytest.approx(10, rel=0.05)
    # With 100+ batches the batch standard deviation estimates the SE to ~7 %; allow 30 %.
    checked = conv[conv["draws"] <= 10_000]
    ratio = checked["batch_sd"] / probability_std_error(r.probability(10.0), checked["draws"])
    assert ratio[checked["threshold"] == 10.0].between(0.7, 1.3).all()
    assert np.isnan(full.loc[10.0, "batch_sd"])  # one batch only
    with pytest.raises(ValueError, match="sizes must be between 1 and n"):
        r.convergence([2_000_000])


def test_result_tables_and_figures():
    r = monte_carlo(IdentityModel(8.01, 0.32), {"total": (12.0, 15.0, 17.0)}, thresholds=TARGETS, n=100_000, seed=SEED)
    f = r.to_frame()
    assert f["threshold"].tolist() == [10.0, 10.5]
    assert (f["ci_low"] < f["probability"]).all() and (f["probability"] < f["ci_high"]).all()
    # the share of draws is conditional on the ranges and says so; its simulation error is a bound, not 0,03
    assert "Tỷ lệ lượt mô phỏng đạt ≥ 10,0 %" in r.summary() and "100.000 lần mô phỏng" in r.summary()
    assert "có điều kiện" in r.summary() and "P(≥" not in r.summary()
    se = 1.96 * 100 * r.std_error(10.0)  # 1.96·sqrt(p(1-p)/1e5) in points: between 0.1 and 0.5 here
    assert 0.1 <= se < 0.5 and "sai số mô phỏng dưới 0,5 điểm phần trăm" in r.summary()
    assert "100,000 draws" in r.summary(lang="en") and "conditional on the ranges" in r.summary(lang="en")
    assert r.table().columns[1] == "Tỷ lệ lượt mô phỏng đạt ngưỡng (%)"
    assert r.quantiles().index.tolist() == [0.05, 0.1, 0.5, 0.9, 0.95]
    fig = r.plot()
    ax = fig.axes[0]
    shares = ax.patches[-1].get_data().values  # the histogram, drawn with stairs: % of draws per bin
    # The bins span the 0.05 %-99.95 % quantiles, so they hold 99.9 % of the draws.
    assert shares.sum() == pytest.approx(99.9, abs=0.01)
    assert ax.get_xlabel() == "Tăng trưởng GRDP cả năm (%)"
    texts = [t.get_text() for t in ax.texts]
    assert any(f"≥ 10,0 %: {r.probability(10.0) * 100:.0f} % lượt mô phỏng" in t for t in texts)
    assert ax.get_title(loc="left") == ""  # no calibrated forecast given: the chart does not pretend to one
    led = r.plot(calibrated={10.0: 0.067, 10.5: 0.067})
    assert led.axes[0].get_title(loc="left") == "Xác suất đạt (dự báo hiệu chỉnh trên các tỉnh) ≥ 10,0 %: khoảng 7 %; ≥ 10,5 %: khoảng 7 %"
    conv = r.plot(kind="convergence")
    se_line = conv.axes[1].lines[0]  # P(>= 10): sqrt(p(1-p)/n) in points, ending at the full run's SE
    assert se_line.get_xdata()[-1] == r.n and se_line.get_ydata()[-1] == pytest.approx(100 * r.std_error(10.0))
    assert len(conv.axes[1].lines) == 4  # per threshold: the formula and the batch standard deviations


def test_model_must_receive_every_sector():
    with pytest.raises(ValueError, match="missing \\['total'\\]"):
        monte_carlo(IdentityModel(8.01, 0.32), {"industry": (1, 2, 3)}, thresholds=TARGETS, n=10)
    with pytest.raises(ValueError, match="n must be a positive"):
        monte_carlo(IdentityModel(8.01, 0.32), {"total": (1, 2, 3)}, thresholds=TARGETS, n=0)
