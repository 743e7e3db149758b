"""The report's figures are laid out for a reader: nothing on the data, no jargon, comparable panels on one scale.

Each figure is made as ``grdp report`` makes it (the report's sections build
them), in both languages, and measured after a draw at the report's 300 dpi.
The rules checked, and where each comes from, are named in each test
(issue 12 item 2: a new user's defects, figure by figure).
"""

from __future__ import annotations

import re

import matplotlib.text
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.lines import Line2D

from grdp.audit.check import check_plan
from grdp.figures.audit import BAND_MARGIN, EQUAL_QUARTERS
from grdp.figures.style import DPI, report_style
from grdp.io.plan import default_plan_path, load_plan
from grdp.io.tasks import default_tasks_path
from grdp.report.audit import audit_section
from grdp.report.context import ReportContext
from grdp.report.forecast import forecast_section
from grdp.report.plan import tasks_section
from grdp.report.sectors import sectors_section
from grdp.report.sensitivity import sensitivity_section

# The figure files of the report (grdp/report/*.py), by number; the stem's language part differs.
NUMBERS = [f"{n:02d}" for n in range(1, 14)]


@pytest.fixture(scope="module", params=["vi", "en"])
def figures(request):
    lang = request.param
    plan = load_plan(default_plan_path())
    ctx = ReportContext(plan=plan, lang=lang, audit=check_plan(plan, lang=lang), tasks_path=default_tasks_path())
    out = {}
    for build in (tasks_section, audit_section, sectors_section, forecast_section, sensitivity_section):
        for stem, shown in build(ctx).figures.items():
            fig = shown.figure
            FigureCanvasAgg(fig)  # a real renderer, to measure text
            fig.set_dpi(DPI)
            with report_style(lang):
                fig.draw_without_rendering()
            out[stem[:2]] = fig
    return lang, out


def _renderer(fig):
    return fig.canvas.get_renderer()


def _texts(fig) -> list[matplotlib.text.Text]:
    """Every text a reader sees: annotations, titles, axis labels, legend entries and titles, figure texts."""
    found = list(fig.texts)
    for ax in fig.axes:
        found += list(ax.texts) + [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, ax.yaxis.label]
        if ax.get_legend() is not None:
            found += list(ax.get_legend().get_texts()) + [ax.get_legend().get_title()]
    for legend in fig.legends:
        found += list(legend.get_texts()) + [legend.get_title()]
    return [t for t in found if t.get_visible() and t.get_text()]


def _words(fig) -> str:
    texts = [t.get_text() for t in _texts(fig)]
    for ax in fig.axes:
        texts += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    return "\n".join(texts)


def _legends(fig):
    return list(fig.legends) + [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]


def test_every_report_figure_is_made(figures):
    _, figs = figures
    assert sorted(figs) == NUMBERS  # 13 figures, 01_… to 13_… (grdp/report/*.py)


def test_no_legend_sits_on_the_axes(figures):
    # Rule (issue 12 item 2): a legend never covers data — every legend is outside every axes (below them,
    # or above a panel as in figure 09), so no line, point or band can be under it.
    _, figs = figures
    for number, fig in figs.items():
        r = _renderer(fig)
        for legend in _legends(fig):
            box = legend.get_window_extent(r)
            for ax in fig.axes:
                if ax.get_label() == "<colorbar>":
                    continue
                assert not box.overlaps(ax.get_window_extent(r)), f"figure {number}: a legend overlaps an axes"


def test_every_text_is_inside_the_picture(figures):
    # Rule: nothing is cut at the page edge (figure 06's axis label was, once spelled out); 1 px of rounding allowed.
    _, figs = figures
    for number, fig in figs.items():
        r = _renderer(fig)
        page = fig.bbox.padded(1.0)
        for t in _texts(fig):
            e = t.get_window_extent(r)
            assert page.x0 <= e.x0 and e.x1 <= page.x1 and page.y0 <= e.y0 and e.y1 <= page.y1, \
                f"figure {number}: {t.get_text()!r} runs off the picture"


def test_no_jargon_in_any_figure(figures):
    # Rules (issue 12 item 2): official wording "điểm phần trăm" (English "percentage points"), never "điểm %";
    # no bare "MAE" (figure 09 and every other); figure 08's probabilities in words, never "P(≥" (figure 13's
    # title keeps its wording: test_montecarlo pins it).
    _, figs = figures
    for number, fig in figs.items():
        words = _words(fig)
        assert "điểm %" not in words, number
        assert "(points)" not in words, number
        assert not re.search(r"\bMAE\b", words), number
    assert "P(≥" not in _words(figs["08"])


def test_titles_only_where_the_picture_must_carry_a_condition(figures):
    # Rule (issue 12 item 2): captions live in the Word document; a figure-wide title stays only on figure 13,
    # whose calibrated probability must not travel without the picture. Panel titles of multi-panel figures stay.
    lang, figs = figures
    for number, fig in figs.items():
        if len(fig.axes) == 1:
            ax = fig.axes[0]
            titled = [t.get_text() for t in (ax.title, ax._left_title, ax._right_title) if t.get_text()]
            assert titled == ([] if number != "13" else titled), number
    title = figs["13"].axes[0]._left_title.get_text()
    assert title.startswith("Xác suất đạt (dự báo hiệu chỉnh" if lang == "vi" else "Probability (forecast calibrated")


def test_figure_03_band_visible_and_reference_line_named(figures):
    # Rule: the plausible band (the audit's weight_band, 0,20–0,45) shows both edges with a margin of
    # BAND_MARGIN (a fifth) of its width; the dotted line is EQUAL_QUARTERS (0,25: four equal quarters), in the legend.
    lang, figs = figures
    fig = figs["03"]
    ax = fig.axes[0]
    lo, hi = 0.20, 0.45  # grdp.audit default plausible band (audit.weight_band)
    x0, x1 = ax.get_xlim()
    assert x0 <= lo - BAND_MARGIN * (hi - lo) + 1e-9 and x1 >= hi + BAND_MARGIN * (hi - lo) - 1e-9
    entries = [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    assert EQUAL_QUARTERS == 0.25
    assert ("4 quý bằng nhau (0,25)" if lang == "vi" else "Equal quarters (0.25)") in entries
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert not any("đầu dưới" in t or "đầu trên" in t for t in ticks)
    if lang == "vi":
        assert any(t.endswith("(mục tiêu thấp)") for t in ticks) and any(t.endswith("(mục tiêu cao)") for t in ticks)


def test_figure_05_panels_share_the_scale_and_say_what_the_bridge_is(figures):
    # Rules: comparable panels share the y scale; a panel is not titled by a bare "hệ số"/"bridge" — it says
    # how value added grows against output (0,937: the plan's 9-month bridge, report text of section sectors).
    lang, figs = figures
    left, right = figs["05"].axes
    assert left.get_ylim() == right.get_ylim()
    titles = [left.get_title(), right.get_title()]
    assert titles == (["GTTT tăng như GTSX", "GTTT tăng 0,937 lần GTSX"] if lang == "vi"
                      else ["Value added grows like output", "Value added grows 0.937 × output"])
    assert "giá trị sản xuất" in _words(figs["05"]) or lang == "en"  # GTSX spelled out at least once


def test_figure_06_and_08_panels_share_the_scale(figures):
    # Rule: comparable panels share the y scale (06: both panels are the same share of GRDP; 08: both are annual growth).
    _, figs = figures
    for number in ("06", "08"):
        left, right = figs[number].axes[:2]
        assert left.get_ylim() == right.get_ylim(), number


def test_figure_08_probabilities_sit_above_the_band_and_the_fan(figures):
    # Rule: the probability labels are not inside the target band nor over the fan: every probability text
    # starts above the top of every band, area and line of its panel; they are written in words.
    lang, figs = figures
    fig = figs["08"]
    r = _renderer(fig)
    for ax in fig.axes:
        words = [t for t in ax.texts if t.get_text().startswith("Xác suất" if lang == "vi" else "Probability")]
        assert len(words) == 1 and len(words[0].get_text().splitlines()) == 2  # one line per end of 10,0–10,5
        bottom = words[0].get_window_extent(r).y0
        data_top = max(a.get_window_extent(r).y1 for a in [*ax.collections, *ax.patches, *ax.get_lines()])
        assert bottom >= data_top


def test_figure_09_mean_absolute_error_in_words(figures):
    # Rule: "Sai số tuyệt đối bình quân (điểm phần trăm)" / "Mean absolute error (percentage points)", not "MAE".
    lang, figs = figures
    label = figs["09"].axes[1].get_ylabel().replace("\n", " ")
    assert label == ("Sai số tuyệt đối bình quân (điểm phần trăm)" if lang == "vi" else "Mean absolute error (percentage points)")


def test_figure_12_values_never_struck_by_a_target_line(figures):
    # Rule: a dashed target line passes behind the value labels (10,43 beside the 10,5 line): each label is on
    # white, drawn above the lines, and set off from its bar's end.
    _, figs = figures
    ax = figs["12"].axes[0]
    lines = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert len(lines) == 2  # targets 10,0 and 10,5 (plan row 1)
    values = [t for t in ax.texts if re.fullmatch(r"\d+[.,]\d\d", t.get_text())]
    assert len(values) == 8  # low and high end of each of the four sectors
    for t in values:
        assert t.get_bbox_patch() is not None and t.get_bbox_patch().get_facecolor()[:3] == (1.0, 1.0, 1.0)
        assert t.get_zorder() > max(line.get_zorder() for line in lines)


def test_figure_13_labels_on_white_above_the_lines(figures):
    # Rule: the share-of-draws labels are not struck by the other threshold's dashed line.
    _, figs = figures
    ax = figs["13"].axes[0]
    dashed = [line for line in ax.get_lines() if isinstance(line, Line2D) and line.get_linestyle() == "--"]
    labels = [t for t in ax.texts if "%" in t.get_text()]
    assert len(labels) == len(dashed) == 2
    for t in labels:
        assert t.get_bbox_patch() is not None and t.get_zorder() > max(line.get_zorder() for line in dashed)
