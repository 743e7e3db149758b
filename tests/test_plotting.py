"""The report figure scaffolding (grdp.figures.style.report_figure, legend_below) and what save_figure writes.

Pixel sizes are derived, not copied from output: a width of w cm at 300 dpi is
w / 2.54 * 300 pixels, and matplotlib's Agg canvas truncates the size to whole
pixels (``RendererAgg(int(width), int(height), dpi)`` in backend_agg).
"""

from __future__ import annotations

import math
import struct
import subprocess
import sys
from pathlib import Path

import matplotlib as mpl
import matplotlib.backend_bases
import numpy as np
import pytest

from grdp.figures.style import CM, DPI, WIDTHS_CM, legend_below, report_figure, report_rc, save_figure, use_decimal_comma


def _chart(lang: str = "vi", width: str = "full"):
    """A small figure with everything a report figure has: Vietnamese text, decimal comma, a legend below."""
    with report_figure(lang, width, height_cm=7.0, ncols=2) as (fig, axes):
        for ax, scale in zip(axes, (1.0, 1000.0), strict=True):
            ax.plot([0.0, 2.5], [0.0, 2.5 * scale], label="Tăng trưởng quý IV")
            ax.axhspan(0.5 * scale, 1.5 * scale, alpha=0.2, label="Mục tiêu năm")
            ax.set_title("Đóng góp của ngành")
            use_decimal_comma(ax, axis="both", lang=lang)
        legend_below(fig, ncols=2, from_ax=axes[0])
    return fig


def _png_chunks(data: bytes) -> dict[bytes, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, pos = {}, 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        chunks.setdefault(data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length])
        pos += 12 + length
    return chunks


def _tick_texts(fig, axis: str) -> list[str]:
    fig.draw_without_rendering()  # tick labels are written when the figure is drawn
    ax = fig.axes[0]
    labels = ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()
    return [t.get_text() for t in labels]


# --- bytes -------------------------------------------------------------------------------------

def test_png_and_svg_identical_when_made_and_saved_again(tmp_path):
    first = [p.read_bytes() for p in save_figure(_chart(), tmp_path / "one" / "chart")]
    second = [p.read_bytes() for p in save_figure(_chart(), tmp_path / "two" / "chart")]
    assert [len(b) > 1000 for b in first] == [True, True]
    assert first == second


def test_png_and_svg_identical_in_a_fresh_interpreter(tmp_path):
    """A re-run is a new process: nothing (ids, dates, hash salts) may depend on the process."""
    here = [p.read_bytes() for p in save_figure(_chart(), tmp_path / "here" / "chart")]
    code = (
        "import sys; sys.path.insert(0, sys.argv[2]); from test_plotting import _chart; "
        "from grdp.figures.style import save_figure; save_figure(_chart(), sys.argv[1])"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "there" / "chart"), str(Path(__file__).parent)], check=True)
    there = [(tmp_path / "there" / f"chart.{ext}").read_bytes() for ext in ("png", "svg")]
    assert here == there


def test_png_carries_no_software_or_time_and_svg_no_date(tmp_path):
    png, svg = (p.read_bytes() for p in save_figure(_chart(), tmp_path / "chart"))
    assert set(_png_chunks(png)) == {b"IHDR", b"pHYs", b"IDAT", b"IEND"}
    assert b"<dc:date>" not in svg


# --- size and resolution --------------------------------------------------------------------------

def test_png_is_300_dpi(tmp_path):
    png = save_figure(_chart(), tmp_path / "chart", formats=("png",))[0].read_bytes()
    x_ppm, y_ppm, unit = struct.unpack(">IIB", _png_chunks(png)[b"pHYs"])
    # PNG stores pixels per metre (unit 1): 300 / 0.0254 = 11811.02 → 11811.
    assert DPI == 300
    assert (x_ppm, y_ppm, unit) == (11811, 11811, 1)


@pytest.mark.parametrize(("width", "cm", "pixels"), [("full", 16.0, 1889), ("half", 8.0, 944)])
def test_width_in_pixels(tmp_path, width, cm, pixels):
    # 16 cm: 16 / 2.54 * 300 = 1889.76 → 1889; 8 cm: 944.88 → 944; height 7 cm: 826.77 → 826.
    assert WIDTHS_CM[width] == cm
    assert math.floor(cm / 2.54 * 300) == pixels
    png = save_figure(_chart(width=width), tmp_path / width, formats=("png",))[0].read_bytes()
    assert struct.unpack(">II", _png_chunks(png)[b"IHDR"][:8]) == (pixels, 826)


def test_size_of_the_figure():
    with report_figure("vi", "half", height_cm=6.5) as (fig, ax):
        pass
    assert fig.get_size_inches() == pytest.approx([8.0 * CM, 6.5 * CM])
    assert fig.axes == [ax]


def test_grid_of_axes():
    with report_figure("en", nrows=2, ncols=3) as (fig, axes):
        assert isinstance(axes, np.ndarray) and axes.shape == (2, 3)
    assert len(fig.axes) == 6


def test_width_must_be_a_standard_width():
    before = dict(mpl.rcParams)
    with pytest.raises(ValueError, match="width must be one of: 'full', 'half'"), report_figure("vi", "wide"):  # type: ignore[arg-type]
        pass
    assert dict(mpl.rcParams) == before


# --- decimal mark -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "y_ticks", "x_ticks"),
    [
        # format_number: vi writes 1.234,5 (point for thousands, comma for decimals), en 1,234.5
        ("vi", ["0,0", "0,5", "1,0", "1,5", "2,0", "2,5"], ["0", "1.500", "3.000"]),
        ("en", ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"], ["0", "1,500", "3,000"]),
    ],
)
def test_tick_labels_decimal_mark(lang, y_ticks, x_ticks):
    with report_figure(lang) as (fig, ax):
        ax.plot([0.0, 3000.0], [0.0, 2.5])
        ax.set_yticks([0.0, 0.5, 1.0, 1.5, 2.0, 2.5])
        ax.set_xticks([0.0, 1500.0, 3000.0])
        use_decimal_comma(ax, axis="both", lang=lang)
    assert _tick_texts(fig, "y") == y_ticks
    assert _tick_texts(fig, "x") == x_ticks


# --- style: in force inside, restored after ---------------------------------------------------

def test_style_applies_inside_and_is_restored_after():
    with mpl.rc_context({"font.size": 12.0, "axes.unicode_minus": True}):
        before = dict(mpl.rcParams)
        with report_figure("vi") as (fig, ax):
            inside = {k: mpl.rcParams[k] for k in ("font.size", "axes.unicode_minus", "savefig.dpi", "svg.hashsalt")}
            _ = ax.plot([0, 1], [0, 1], label="a")
            legend = ax.legend()
        assert dict(mpl.rcParams) == before
    rc = report_rc("vi")
    assert inside == {k: rc[k] for k in inside}
    # What was made inside keeps the report style after the context is left.
    assert legend.get_texts()[0].get_fontsize() == rc["legend.fontsize"]
    assert ax.get_xticklabels()[0].get_fontsize() == rc["xtick.labelsize"]
    assert ax.xaxis.get_major_ticks()[0].label1.get_fontname() == "DejaVu Sans"


def test_style_restored_and_nothing_drawn_when_the_body_raises(monkeypatch):
    calls = []
    monkeypatch.setattr(matplotlib.backend_bases.FigureCanvasBase, "draw", lambda self, *a, **k: calls.append(1))
    before = dict(mpl.rcParams)
    with pytest.raises(RuntimeError, match="boom"), report_figure("vi"):
        raise RuntimeError("boom")
    assert dict(mpl.rcParams) == before
    assert calls == []


def test_canvas_draw_is_called_once_inside_the_style(monkeypatch):
    seen = []
    monkeypatch.setattr(matplotlib.backend_bases.FigureCanvasBase, "draw",
                        lambda self, *a, **k: seen.append(mpl.rcParams["font.size"]))
    with mpl.rc_context({"font.size": 12.0}), report_figure("en") as (fig, ax):
        assert seen == []
    assert seen == [report_rc("en")["font.size"]]


# --- legend below -------------------------------------------------------------------------------

def test_legend_below_sits_under_every_axes():
    fig = _chart()
    fig.draw_without_rendering()
    legend = fig.legends[0]
    assert legend.get_window_extent().y1 <= min(ax.get_window_extent().y0 for ax in fig.axes)
    centre = (legend.get_window_extent().x0 + legend.get_window_extent().x1) / 2
    assert centre == pytest.approx(fig.bbox.width / 2, abs=1.0)
    assert legend._ncols == 2


def test_legend_below_entries_from_one_axes_or_all():
    with report_figure("vi", ncols=2) as (fig, axes):
        for ax in axes:
            ax.plot([0, 1], [0, 1], label="GRDP")
        axes[1].plot([0, 1], [1, 0], label="Quý IV")
        one = legend_below(fig, ncols=3, from_ax=axes[1])
        every = legend_below(fig, ncols=3)
    assert [t.get_text() for t in one.get_texts()] == ["GRDP", "Quý IV"]
    assert [t.get_text() for t in every.get_texts()] == ["GRDP", "GRDP", "Quý IV"]
    assert fig.legends == [one, every]


# --- one layout for every format (issue 13 item 2) ----------------------------------------------

def test_save_figure_lays_out_once_and_gives_the_engine_back(tmp_path, monkeypatch):
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    runs = []
    original = ConstrainedLayoutEngine.execute
    monkeypatch.setattr(ConstrainedLayoutEngine, "execute", lambda self, fig: (runs.append(1), original(self, fig))[1])
    fig = _chart()
    engine = fig.get_layout_engine()
    save_figure(fig, tmp_path / "chart", formats=("png", "svg", "pdf"))
    # Three formats, one layout: the first save lays out, the next two draw the same positions.
    assert len(runs) == 1
    assert fig.get_layout_engine() is engine  # a notebook's figure still lays itself out


def test_save_figure_gives_the_engine_back_when_a_save_fails(tmp_path):
    fig = _chart()
    engine = fig.get_layout_engine()
    with pytest.raises(ValueError, match="formats must be among"):
        save_figure(fig, tmp_path / "chart", formats=("png", "gif"))
    assert fig.get_layout_engine() is engine
    assert not (tmp_path / "chart.png").exists()  # formats are checked before anything is written


def test_share_limits_gives_panels_one_scale():
    from grdp.figures.style import share_limits

    with report_figure("vi", ncols=2) as (fig, axes):
        axes[0].plot([0, 1], [0.0, 1.0])
        axes[1].plot([0, 1], [-2.0, 5.0])
        lims = share_limits(axes)
    # The union of both panels' limits: below -2 and above 5 (matplotlib's 5 % data margin on each side).
    assert axes[0].get_ylim() == axes[1].get_ylim() == lims
    assert lims[0] < -2.0 and lims[1] > 5.0
