"""The sector model: Q4 sector output growth → sector years → annual GRDP, checked by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import grdp
from grdp.consistency import check_plan
from grdp.montecarlo import monte_carlo
from grdp.scenarios import scenario_ranges
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


# --------------------------------------------------------------------------- the sector model


def test_q4_weights_are_those_the_audit_finds(model):
    # (gY - g9M)/(g4 - g9M): 1.8/6.3, 2/6.2, 6.9/20.5, 2.1/6.7 = 0.2857, 0.3226, 0.3366, 0.3134.
    for s, (g9, g4, gy) in PLAN.items():
        assert model.q4_weights[s] == pytest.approx((gy - g9) / (g4 - g9))
    audit = check_plan(grdp.load_plan())
    by_key = {f.key: f for f in audit.items}
    for s, key in SECTOR_KEYS.items():
        assert model.q4_weights[s] == pytest.approx(by_key[key].number("implied_weight"))
    # GRDP: the middles of the printed ranges, 8.01 -> 15.0 -> 10.25: (10.25 - 8.01)/(15 - 8.01) = 2.24/6.99.
    assert model.grdp_q4_weight == pytest.approx(2.24 / 6.99)
    assert model.grdp_targets == (10.0, 10.5)


def test_base_reproduces_the_plan_and_the_hand_decomposition(model):
    annual = model.sector_annual()
    for s, (_, _, gy) in PLAN.items():
        assert annual[s] == pytest.approx(gy)  # the plan's own annual targets, by construction
    assert model.bridge == pytest.approx(HAND_BRIDGE)  # 0.93657
    assert float(model.annual_growth()) == pytest.approx(_hand_grdp({s: v[2] for s, v in PLAN.items()}, HAND_BRIDGE))
    assert float(model.annual_growth()) == pytest.approx(10.3722, abs=1e-4)


def test_marginal_effect_of_each_sector(model):
    # d GRDP / d g4_i = bridge * s_i / S_VA * w4_i (previous-year weights: the model is linear).
    m = model.marginal_effects()
    for s, (g9, g4, gy) in PLAN.items():
        assert m[s] == pytest.approx(HAND_BRIDGE * SHARES[s] / S_VA * (gy - g9) / (g4 - g9))


def test_revision_moves_the_year_by_one_minus_w4(model):
    base = float(model.annual_growth())
    assert float(model.annual_growth(revision=-0.1)) - base == pytest.approx(-0.1 * (1 - 2.24 / 6.99))


def test_vectorised_model_equals_scalar_evaluation(model):
    rng = np.random.default_rng(3)
    q4 = {s: rng.uniform(0, 35, 5) for s in model.sectors}
    rev = rng.uniform(-0.2, 0.2, 5)
    vec = model.annual_growth(q4, revision=rev)
    for i in range(5):
        one = float(model.annual_growth({s: float(q4[s][i]) for s in model.sectors}, revision=float(rev[i])))
        assert vec[i] == pytest.approx(one)


def test_model_table_in_both_languages(model):
    t = model.table()
    assert t.index.tolist() == ["Nông, lâm nghiệp và thủy sản", "Công nghiệp", "Xây dựng", "Dịch vụ"]
    assert not t.isna().any().any()
    assert "GRDP cả năm 10,37 %" in model.summary()
    assert model.table(lang="en").index.tolist()[3] == "Services"


def test_monte_carlo_on_the_sector_model_is_centred_where_the_ranges_say(model):
    ranges = scenario_ranges()
    r = monte_carlo(model, ranges, n=200_000, seed=20251001, revision_method="none")
    # Linear model: E[GRDP] = GRDP at the triangular means (low + base + high)/3.
    means = {s: (v.low + v.base + v.high) / 3 for s, v in ranges.items()}
    sd = r.annual.std()
    assert abs(r.annual.mean() - float(model.annual_growth(means))) < 4 * sd / np.sqrt(r.n)
    assert isinstance(r.quantiles(), pd.Series)
