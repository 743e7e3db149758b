"""Derivatives of the required Q4 growth (closed forms vs finite differences), revision effects, grids."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grdp.core.periods import annual_growth, required_growth
from grdp.sensitivity.derivatives import (
    DEFAULT_GRID_REVISIONS,
    DEFAULT_GRID_WEIGHTS,
    required_growth_grid,
    required_growth_sensitivity,
    revision_effect,
)

growth = st.floats(min_value=-10, max_value=30, allow_nan=False)
weight = st.floats(min_value=0.1, max_value=0.9)


def _central(f, x: float, h: float) -> float:
    return (f(x + h) - f(x - h)) / (2 * h)


def test_plan_example_closed_forms():
    # Seed row 1: 9 months 8.01 %, target 10 %, Q4 weight 0.32 (the weight the audit shows).
    s = required_growth_sensitivity(8.01, 10.0, rest_weight=0.32)
    assert s.required == pytest.approx(14.22875)  # (10 - 0.68 * 8.01) / 0.32 = 4.5532 / 0.32
    assert s.d_target == pytest.approx(3.125)  # 1 / 0.32
    assert s.d_done == pytest.approx(-2.125)  # -(1 - 0.32) / 0.32 = -0.68 / 0.32
    assert s.d_weight == pytest.approx(-19.43359375)  # -(10 - 8.01) / 0.32**2 = -1.99 / 0.1024


@settings(max_examples=300, deadline=None)
@given(growth, growth, weight)
def test_derivatives_match_central_finite_differences(done, target, w):
    s = required_growth_sensitivity(done, target, rest_weight=w)
    h = 1e-5
    fd_target = _central(lambda t: required_growth(done, t, rest_weight=w), target, h)
    fd_done = _central(lambda d: required_growth(d, target, rest_weight=w), done, h)
    fd_weight = _central(lambda ww: required_growth(done, target, rest_weight=ww), w, h * min(w, 1 - w))
    assert s.d_target == pytest.approx(fd_target, rel=1e-6, abs=1e-6)
    assert s.d_done == pytest.approx(fd_done, rel=1e-6, abs=1e-6)
    assert s.d_weight == pytest.approx(fd_weight, rel=1e-5, abs=1e-4)


def test_change_is_exact_in_target_and_done_and_second_order_in_weight():
    s = required_growth_sensitivity(8.01, 10.0, rest_weight=0.32)
    exact, linear = s.change(done=-0.1)
    assert exact == pytest.approx(linear) == pytest.approx(0.2125)  # 0.1 * 0.68 / 0.32
    exact, linear = s.change(target=0.5)
    assert exact == pytest.approx(linear) == pytest.approx(1.5625)  # 0.5 / 0.32
    exact, linear = s.change(weight=0.01)
    # Exact: g4* = g9M + (gY - g9M)/w, so the change is 1.99 * (1/0.33 - 1/0.32) = -0.18845...
    assert exact == pytest.approx(1.99 * (1 / 0.33 - 1 / 0.32))
    assert linear == pytest.approx(-0.1943359375)
    # The linearisation error is second order: (gY - g9M) dw^2 / w^3 to leading order.
    assert exact - linear == pytest.approx(1.99 * 0.01**2 / 0.32**3, rel=0.05)


def test_table_and_summary_speak_vietnamese_by_default():
    s = required_growth_sensitivity(8.01, 10.0, rest_weight=0.32)
    text = s.summary()
    assert "quý IV cần tăng 14,23 %" in text  # 14.22875 at two decimals, decimal comma
    assert "thêm 0,21 điểm" in text  # a -0.1 revision: +0.2125 points
    assert "Q4 needs 14.23 %" in s.summary(lang="en")
    t = s.table()
    assert list(t.columns)[0] == "Đầu vào" and len(t) == 3
    assert t.iloc[:, 2].tolist() == [3.125, -2.125, -19.4336]
    assert "<table" in s._repr_html_()


@pytest.mark.parametrize("w", [0.0, -0.1, 1.2, float("nan")])
def test_weight_outside_zero_one_is_refused(w):
    with pytest.raises(ValueError, match="rest_weight"):
        required_growth_sensitivity(8.01, 10.0, rest_weight=w)


def test_lang_is_validated_once():
    with pytest.raises(ValueError, match="lang must be one of: 'vi', 'en'"):
        required_growth_sensitivity(8.01, 10.0, rest_weight=0.32, lang="fr")


def test_revision_of_minus_a_tenth_on_the_plan():
    # Issue 6: "what does a -0,1 point revision of 8,01 % do to the required Q4?"
    e = revision_effect(8.01, -0.1, targets=[10.0, 10.5], rest_weights=[0.31, 0.32, 0.33])
    f = e.frame
    at = f.set_index(["target", "rest_weight"])
    # +0.1 (1 - w)/w points whatever the target: 0.069/0.31, 0.068/0.32, 0.067/0.33.
    for w in (0.31, 0.32, 0.33):
        for t in (10.0, 10.5):
            assert at.loc[(t, w), "change"] == pytest.approx(0.1 * (1 - w) / w)
    assert np.allclose(f["change"], f["change_linear"])
    # Before/after at 0.32: (10 - 0.68 * 8.01)/0.32 = 14.22875 and (10 - 0.68 * 7.91)/0.32 = 14.44125.
    assert at.loc[(10.0, 0.32), "required_before"] == pytest.approx(14.22875)
    assert at.loc[(10.0, 0.32), "required_after"] == pytest.approx(14.44125)
    text = e.summary()
    assert "7,91 %" in text and "+0,212 điểm" in text
    assert "+0,203 đến +0,223 điểm" in text  # 0.067/0.33 = 0.2030, 0.069/0.31 = 0.2226


def test_grid_is_tidy_and_matches_the_formula():
    g = required_growth_grid(8.01, targets=[10.0, 10.5], plan_weights=(0.311, 0.329))
    f = g.frame
    n_w, n_r = len(DEFAULT_GRID_WEIGHTS), len(DEFAULT_GRID_REVISIONS)
    assert len(f) == 2 * n_w * n_r
    assert list(f.columns) == ["rest_weight", "revision", "done", "target", "required"]
    assert not f.duplicated(["rest_weight", "revision", "target"]).any()
    expected = (f["target"] - (1 - f["rest_weight"]) * (8.01 + f["revision"])) / f["rest_weight"]
    assert np.allclose(f["required"], expected)
    assert np.allclose(f["done"], 8.01 + f["revision"])
    # Default axes: weights 0.24-0.40 by 0.01 (17), revisions -0.30..+0.30 by 0.05 (13).
    assert (n_w, n_r) == (17, 13)
    assert DEFAULT_GRID_WEIGHTS[0] == 0.24 and DEFAULT_GRID_WEIGHTS[-1] == 0.40
    assert DEFAULT_GRID_REVISIONS[0] == -0.3 and 0.0 in DEFAULT_GRID_REVISIONS


def test_grid_monotonicity_and_round_trip():
    g = required_growth_grid(8.01, targets=[10.0, 10.5])
    p10, p105 = g.pivot(10.0), g.pivot(10.5)
    assert (p105.to_numpy() > p10.to_numpy()).all()  # a higher target needs more
    assert (np.diff(p10.to_numpy(), axis=0) < 0).all()  # an upward revision needs less (w < 1)
    assert (np.diff(p10.to_numpy(), axis=1) < 0).all()  # a heavier Q4 needs less when target > 9 months
    f = g.frame
    back = annual_growth(f["done"], f["required"], rest_weight=f["rest_weight"])
    assert np.allclose(back, f["target"])


def test_grid_lookups_and_errors():
    g = required_growth_grid(8.01, targets=[10.0], rest_weights=[0.25, 0.32], revisions=[-0.1, 0.0])
    # DESIGN.md: at equal weights 10 % needs (10 - 0.75 * 8.01)/0.25 = 15.97.
    assert g.pivot(10.0).loc[0.0, 0.25] == pytest.approx(15.97)
    assert g.at(target=10.0, rest_weight=0.32, revision=-0.1) == pytest.approx(14.44125)
    with pytest.raises(ValueError, match="target must be one of"):
        g.pivot(11.0)
    with pytest.raises(ValueError, match="rest_weight"):
        required_growth_grid(8.01, targets=[10.0], rest_weights=[0.0, 0.3])
    t = g.table()
    assert t.index.name == "Điều chỉnh số 9 tháng (điểm phần trăm)" and t.columns.name == "Tỷ trọng quý IV năm trước"
    assert "mục tiêu 10,0 %: 14,23–16,27 %" in g.summary()


def test_heatmap_draws_the_grid():
    g = required_growth_grid(8.01, targets=[10.0, 10.5], plan_weights=(0.311, 0.329))
    fig = g.plot()
    panels = [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]
    assert len(panels) == 2
    mesh = panels[0].collections[0]
    assert np.allclose(np.asarray(mesh.get_array()).reshape(g.pivot(10.0).shape), g.pivot(10.0).to_numpy())
    assert panels[1].get_title() == "Mục tiêu năm 10,5 %"
    ticks = [t.get_text() for t in panels[0].get_xticklabels()]
    assert any("," in t for t in ticks)  # decimal comma on the weight axis


def test_results_show_as_their_summary_in_text_and_over_their_table_in_html():
    # grdp.core.wording.SummaryDisplay: str() and IPython's text view are the summary (a dataclass's own
    # __repr__ must not take over the notebook's text/plain); the HTML keeps the summary's lines.
    from IPython.lib.pretty import pretty

    s = required_growth_sensitivity(8.01, 10.0, rest_weight=0.32)
    g = required_growth_grid(8.01, targets=[10.0], rest_weights=[0.25, 0.32], revisions=[-0.1, 0.0])
    for result in (s, g, revision_effect(8.01, -0.1, targets=[10.0], rest_weights=[0.32])):
        assert str(result) == pretty(result) == result.summary()
        assert result._repr_html_().startswith("<p>" + result.summary().splitlines()[0])
        assert result._repr_html_().count("<br>") == result.summary().count("\n")
        assert repr(result).startswith(type(result).__name__ + "(")  # the dataclass repr is kept
    assert "<th>0</th>" not in s._repr_html_()  # a table of rows: no row numbers
    assert "<th>-0.1</th>" in g._repr_html_()  # the grid's index (revisions) is part of the table
