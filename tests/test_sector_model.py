"""The sector model: Q4 sector output growth → sector years → annual GRDP, checked by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import grdp
from grdp.audit.check import check_plan
from grdp.sectors.targets import PLAN_SECTORS
from grdp.sensitivity.montecarlo import monte_carlo
from grdp.sensitivity.scenarios import plan_scenarios, scenario_ranges

# --------------------------------------------------------------------------- the sector model


def test_q4_weights_are_those_the_audit_finds(plan_model, hand_model):
    # (gY - g9M)/(g4 - g9M): 1.8/6.3, 2/6.2, 6.9/20.5, 2.1/6.7 = 0.2857, 0.3226, 0.3366, 0.3134.
    for s, (g9, g4, gy) in hand_model.plan.items():
        assert plan_model.q4_weights[s] == pytest.approx((gy - g9) / (g4 - g9))
    audit = check_plan(grdp.load_plan())
    by_key = {f.key: f for f in audit.items}
    for s, key in PLAN_SECTORS.items():
        assert plan_model.q4_weights[s] == pytest.approx(by_key[key].evidence.ends[0].implied_weight)
    # GRDP: the middles of the printed ranges, 8.01 -> 15.0 -> 10.25: (10.25 - 8.01)/(15 - 8.01) = 2.24/6.99.
    assert plan_model.grdp_q4_weight == pytest.approx(2.24 / 6.99)
    assert plan_model.grdp_targets == (10.0, 10.5)


def test_base_reproduces_the_plan_and_the_hand_decomposition(plan_model, hand_model):
    annual = plan_model.sector_annual()
    for s, (_, _, gy) in hand_model.plan.items():
        assert annual[s] == pytest.approx(gy)  # the plan's own annual targets, by construction
    assert plan_model.bridge == pytest.approx(hand_model.bridge)  # 0.93657
    assert float(plan_model.annual_growth()) == pytest.approx(hand_model.grdp({s: v[2] for s, v in hand_model.plan.items()}))
    assert float(plan_model.annual_growth()) == pytest.approx(10.3722, abs=1e-4)


def test_marginal_effect_of_each_sector(plan_model, hand_model):
    # d GRDP / d g4_i = bridge * s_i / S_VA * w4_i (previous-year weights: the model is linear).
    m = plan_model.marginal_effects()
    for s, (g9, g4, gy) in hand_model.plan.items():
        assert m[s] == pytest.approx(hand_model.bridge * hand_model.shares[s] / hand_model.s_va * (gy - g9) / (g4 - g9))


def test_revision_moves_the_year_by_one_minus_w4(plan_model):
    base = float(plan_model.annual_growth())
    assert float(plan_model.annual_growth(revision=-0.1)) - base == pytest.approx(-0.1 * (1 - 2.24 / 6.99))


def test_vectorised_model_equals_scalar_evaluation(plan_model):
    rng = np.random.default_rng(3)
    q4 = {s: rng.uniform(0, 35, 5) for s in plan_model.sectors}
    rev = rng.uniform(-0.2, 0.2, 5)
    vec = plan_model.annual_growth(q4, revision=rev)
    for i in range(5):
        one = float(plan_model.annual_growth({s: float(q4[s][i]) for s in plan_model.sectors}, revision=float(rev[i])))
        assert vec[i] == pytest.approx(one)


def test_model_table_in_both_languages(plan_model):
    t = plan_model.table()
    assert t.index.tolist() == ["Nông, lâm nghiệp và thủy sản", "Công nghiệp", "Xây dựng", "Dịch vụ"]
    assert not t.isna().any().any()
    assert "GRDP cả năm 10,37 %" in plan_model.summary()
    assert plan_model.table(lang="en").index.tolist()[3] == "Services"


def test_monte_carlo_on_the_sector_model_is_centred_where_the_ranges_say(plan_model):
    ranges = scenario_ranges(plan_scenarios(plan_model))
    r = monte_carlo(plan_model, ranges, n=200_000, seed=20251001, revision_method="none")
    # Linear model: E[GRDP] = GRDP at the triangular means (low + base + high)/3.
    means = {s: (v.low + v.base + v.high) / 3 for s, v in ranges.items()}
    sd = r.annual.std()
    assert abs(r.annual.mean() - float(plan_model.annual_growth(means))) < 4 * sd / np.sqrt(r.n)
    assert isinstance(r.quantiles(), pd.Series)
