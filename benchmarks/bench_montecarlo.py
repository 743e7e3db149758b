"""Benchmark the Monte Carlo probability of the target: draws per second, three ways, in one run.

Prints figures; asserts nothing about time. Run: .venv/bin/python benchmarks/bench_montecarlo.py

* **vectorised** — ``grdp.sensitivity.montecarlo.monte_carlo`` on the sector model (4 sectors, triangular
  ranges from data/raw/scenarios_2025.csv, bootstrap of the national 9-month revisions), 10⁶ draws:
  drawing, the sector model and the probabilities;
* **plain Python** — the same arithmetic one draw at a time (``random.triangular``, the period
  identity and the decomposition), on fewer draws, scaled to draws per second;
* **NumPy lower bound** — one pass over the same arrays (a reduction reading the 4 × 10⁶ sector
  draws and the 10⁶ revisions once): no computation on this data can be faster.

Before timing, the Python loop and the vectorised model are fed the same sector draws and revisions
and must agree to 1e-9. The ratios (vectorised / Python, lower bound / vectorised) compare across machines.
"""

from __future__ import annotations

import random

import numpy as np
from timing import best_of  # benchmarks/timing.py, beside this script

from grdp.io.plan import load_plan
from grdp.sectors.model import sector_model
from grdp.sensitivity.montecarlo import DEFAULT_SEED, draw_q4, draw_revisions, monte_carlo, national_revisions
from grdp.sensitivity.scenarios import plan_scenarios, scenario_ranges

N = 1_000_000
N_LOOP = 100_000
REPEATS = 5


def python_loop(model, ranges, errors, *, draws=None, n=N_LOOP, seed=DEFAULT_SEED):
    """Annual GRDP growth draw by draw, in plain Python (same formulas as the vectorised path).

    ``draws`` = (sector Q4 lists, revision list) replaces the Python generator (agreement check).
    """
    rnd = random.Random(seed)
    sectors = list(model.sectors)
    tri = [(ranges[s].low, ranges[s].high, ranges[s].base) for s in sectors]  # random.triangular(low, high, mode)
    done = [model.done[s] for s in sectors]
    w4 = [model.q4_weights[s] for s in sectors]
    coef = [model.bridge * model.weights[s] for s in sectors]
    s_va = sum(v for k, v in model.weights.items() if k != "taxes")
    rev_w = model.revision_weight
    errs = list(errors)
    out = [0.0] * n
    for i in range(n):
        total = 0.0
        for j in range(len(sectors)):
            g4 = draws[0][j][i] if draws is not None else rnd.triangular(*tri[j])
            total += coef[j] * ((1 - w4[j]) * done[j] + w4[j] * g4)  # sector year, then its GRDP share
        e = draws[1][i] if draws is not None else errs[rnd.randrange(len(errs))]
        out[i] = total / s_va + rev_w * e  # taxes like value added; 9-month revision
    return out


def check_agreement(model, ranges, errors) -> float:
    """Feed both paths the same sector draws and revisions; return the largest difference."""
    n = 20_000
    rng = np.random.default_rng(1)
    q4 = draw_q4(ranges, n, rng)
    rev = draw_revisions(errors, n, rng)
    vec = model.annual_growth(q4, revision=rev)
    loop = python_loop(model, ranges, errors, draws=([q4[s].tolist() for s in model.sectors], rev.tolist()), n=n)
    return float(np.max(np.abs(vec - np.asarray(loop))))


def main() -> None:
    model = sector_model(load_plan())
    ranges, errors = scenario_ranges(plan_scenarios(model)), national_revisions()
    diff = check_agreement(model, ranges, errors)
    assert diff < 1e-9, diff  # the same numbers, before timing them
    print(f"vectorised and plain-Python paths agree on 20,000 shared draws (max |difference| {diff:.1e})\n")

    run = lambda: monte_carlo(model, ranges, n=N, seed=DEFAULT_SEED, revisions=errors)  # noqa: E731
    result = run()
    t_vec = best_of(run)

    rng = np.random.default_rng(DEFAULT_SEED)
    q4 = draw_q4(ranges, N, rng)
    rev = draw_revisions(errors, N, rng)
    t_draw = best_of(lambda: (draw_q4(ranges, N, rng), draw_revisions(errors, N, rng)))
    t_model = best_of(lambda: model.annual_growth(q4, revision=rev))
    stacked = np.vstack([*q4.values(), rev])
    t_bound = best_of(lambda: np.add.reduce(stacked, axis=None))
    t_rng = best_of(lambda: (rng.random((len(q4), N)), rng.integers(0, errors.size, N)))  # uniforms + indices

    t_loop = best_of(lambda: python_loop(model, ranges, errors), repeats=2)

    rate_vec, rate_loop, rate_bound = N / t_vec, N_LOOP / t_loop, N / t_bound
    print(f"Monte Carlo of the annual GRDP growth, {N:,} draws, 4 sectors + 9-month revision")
    print(f"  P(>= 10.0 %) = {result.probability(10.0):.4f}, P(>= 10.5 %) = {result.probability(10.5):.4f} "
          f"(SE {result.std_error(10.0):.5f}, {result.std_error(10.5):.5f})\n")
    print(f"{'path':<44} {'time':>10} {'draws/s':>14}")
    print(f"{'vectorised: monte_carlo(), everything':<44} {t_vec * 1000:>7.1f} ms {rate_vec:>14,.0f}")
    print(f"{'  of which drawing (sectors + revisions)':<44} {t_draw * 1000:>7.1f} ms")
    print(f"{'  of which the sector model on drawn arrays':<44} {t_model * 1000:>7.1f} ms")
    print(f"{'  raw generator output alone (uniforms)':<44} {t_rng * 1000:>7.1f} ms")
    print(f"{'plain Python loop (' + format(N_LOOP, ',') + ' draws)':<44} {t_loop * 1000:>7.0f} ms {rate_loop:>14,.0f}")
    print(f"{'NumPy lower bound: one pass over the arrays':<44} {t_bound * 1000:>7.1f} ms {rate_bound:>14,.0f}")
    print()
    print(f"vectorised / plain Python: {rate_vec / rate_loop:,.0f}x more draws per second")
    print(f"vectorised / raw generator output: {t_vec / t_rng:,.1f}x the time it takes just to generate the uniforms")
    print(f"NumPy lower bound / vectorised: {rate_bound / rate_vec:,.1f}x (the vectorised run costs as much as "
          f"{t_vec / t_bound:,.1f} passes over its arrays)")


if __name__ == "__main__":
    main()
