"""The sector charts draw the numbers of the decomposition (nbval does not compare PNGs, so the data
behind each figure is checked here) and save byte-identically."""

from __future__ import annotations

import numpy as np
import pytest

from grdp.figures.sectors import bridge_title, plot_contributions, plot_required_growth, plot_share_path, plot_split_sensitivity
from grdp.figures.style import save_figure
from grdp.sectors.agreement import check_sector_targets
from grdp.sectors.contributions import plan_contributions, required_growth_table, split_sensitivity
from grdp.sectors.share import check_share_target, implied_year_share
from grdp.sectors.structure import default_split


def test_contribution_bars_are_the_contributions(plan):
    frames = {"a": plan_contributions(plan), "b": plan_contributions(plan, bridge=0.9)}
    fig = plot_contributions(frames, target=(10.0, 10.5))
    ax = fig.axes[0]
    heights = sorted(round(p.get_height(), 9) for p in ax.patches if abs(p.get_width() - 0.55) < 1e-9)
    expected = sorted(round(float(v), 9) for f in frames.values() for v in f.drop(index="total")["contribution_pp"])
    assert heights == pytest.approx(expected)
    texts = {t.get_text() for t in ax.texts}
    assert "11,07 %" in texts  # the total at bridge 1: 11,075 % (test_sector_targets)


def test_required_growth_bars(plan):
    tables = {"1": required_growth_table(plan)}
    fig = plot_required_growth(tables)
    ax = fig.axes[0]
    heights = [p.get_height() for p in ax.patches]
    assert heights == pytest.approx(list(tables["1"]["10.0"]) + list(tables["1"]["10.5"]))


def test_split_sensitivity_lines(plan):
    fig = plot_split_sensitivity(check_sector_targets(plan))
    s = split_sensitivity(plan)
    lines = [line for line in fig.axes[0].get_lines() if len(line.get_xdata()) == len(s)]
    assert np.allclose(lines[0].get_ydata(), s["implied_bridge_one"])
    assert np.allclose(lines[1].get_ydata(), s["implied_calibrated"])


def test_share_path_default_line(plan):
    check = check_share_target(plan)
    fig = plot_share_path(check)
    right = fig.axes[1]
    line = next(line for line in right.get_lines() if len(line.get_xdata()) == 81)
    expected = implied_year_share(plan, industry_split=default_split(), seasonal_gap=np.asarray(line.get_xdata()))
    assert np.allclose(line.get_ydata(), expected)


def test_saved_twice_byte_identical(plan, tmp_path):
    fig = plot_contributions({"a": plan_contributions(plan)})
    first = [p.read_bytes() for p in save_figure(fig, tmp_path / "one" / "c")]
    second = [p.read_bytes() for p in save_figure(fig, tmp_path / "two" / "c")]
    assert first == second


@pytest.mark.parametrize(
    ("name", "lang", "title"),
    [
        # Wording of the report's sector text: "tốc độ tăng GTTT bằng 0,937 lần tốc độ tăng GTSX", "GTTT tăng như GTSX".
        ("Hệ số 1", "vi", "GTTT tăng như GTSX"),
        ("Hệ số 0,937", "vi", "GTTT tăng 0,937 lần GTSX"),
        ("Bridge 0.937", "en", "Value added grows 0.937 × output"),
        ("Hệ số 9 tháng", "vi", "GTTT/GTSX như 9 tháng"),  # the stories' panel name (grdp.report.stories.sectors)
        ("Cả năm", "vi", "Cả năm"),  # any other panel name is kept
    ],
)
def test_bridge_title_says_what_the_bridge_means(name, lang, title):
    assert bridge_title(name, lang) == title


def test_required_growth_panels_share_the_scale_and_are_not_bare_bridges(plan):
    # Rule (issue 12 item 2): comparable panels share one y scale; no panel is titled only "Hệ số …".
    fig = plot_required_growth({"Hệ số 1": required_growth_table(plan), "Hệ số 0,937": required_growth_table(plan, bridge=0.937)})
    left, right = fig.axes
    assert left.get_ylim() == right.get_ylim()
    assert not any(ax.get_title().lower().startswith("hệ số") for ax in fig.axes)


def test_share_path_panels_share_the_scale_and_the_legend_is_below(plan):
    fig = plot_share_path(check_share_target(plan))
    left, right = fig.axes
    assert left.get_ylim() == right.get_ylim()
    assert left.get_legend() is None and right.get_legend() is None and len(fig.legends) == 1
