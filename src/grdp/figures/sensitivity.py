"""Charts of the sensitivity analyses: the required-growth heatmap, the tornado, the Monte Carlo histogram."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from grdp.core.numbers import format_number
from grdp.core.typing import Lang
from grdp.core.wording import num, period_names, phrase
from grdp.figures.style import PALETTE, legend_below, number_formatter, report_axes, use_decimal_comma
from grdp.sectors.keys import sector_label
from grdp.sensitivity.derivatives import RequiredGrowthGrid
from grdp.sensitivity.montecarlo import MonteCarloResult
from grdp.sensitivity.scenarios import Tornado

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.ticker import Formatter

__all__ = ["plot_required_growth_grid", "plot_tornado", "plot_monte_carlo", "plot_convergence"]

_ON_WHITE = {"facecolor": "white", "edgecolor": "none", "pad": 0.8}
"""Text box of a value label: white, so a reference line behind it never strikes the digits."""


def plot_required_growth_grid(grid: RequiredGrowthGrid, *, lang: Lang | None = None, ax: Any = None) -> Figure:
    """Heatmap of the required growth, one panel per target, with contour lines and the plan's weights.

    Returns the matplotlib Figure (16 cm wide, report style).
    """
    lang = grid.language(lang)
    _, rest_name = period_names(grid.months_done, lang)
    targets = grid.targets
    f = grid.frame
    vmin, vmax = float(f["required"].min()), float(f["required"].max())
    levels = np.arange(np.floor(vmin), np.ceil(vmax) + 1, 1.0)
    with report_axes(ax, lang, height_cm=8.5, ncols=len(targets)) as (fig, axes):
        axes = np.atleast_1d(axes)
        mesh = None
        for ax, target in zip(axes, targets):
            p = grid.pivot(target)
            x, y = p.columns.to_numpy(dtype="float64"), p.index.to_numpy(dtype="float64")
            mesh = ax.pcolormesh(x, y, p.to_numpy(), cmap="YlOrRd", vmin=vmin, vmax=vmax, shading="nearest")
            cs = ax.contour(x, y, p.to_numpy(), levels=levels, colors="black", linewidths=0.5)
            ax.clabel(cs, fontsize=6, fmt=lambda v: num(v, 0, lang))
            if grid.plan_weights is not None:
                for i, wv in enumerate(grid.plan_weights):
                    ax.axvline(wv, color=PALETTE[0], lw=1.0, ls="--", label=None if i or ax is not axes[0] else
                               phrase(lang, "Tỷ trọng quý IV mà kế hoạch hàm ý", "Q4 weight the plan implies"))
            ax.axhline(0.0, color=PALETTE[0], lw=0.6, ls=":", label=None if ax is not axes[0] else
                       phrase(lang, f"Số 9 tháng như công bố ({num(grid.done, 2, lang)} %)",
                              f"9-month figure as published ({num(grid.done, 2, lang)} %)"))
            ax.set_title(phrase(lang, f"Mục tiêu năm {num(target, 1, lang)} %", f"Annual target {num(target, 1, lang)} %"))
            ax.set_xlabel(phrase(lang, f"Tỷ trọng {rest_name} năm trước", f"Previous-year {rest_name} weight"))
            ax.grid(False)
            use_decimal_comma(ax, axis="both", lang=lang)
        axes[0].set_ylabel(phrase(lang, f"Điều chỉnh số 9 tháng {num(grid.done, 2, lang)} %\n(điểm phần trăm)",
                                  f"Revision of the 9-month {num(grid.done, 2, lang)} %\n(percentage points)"))
        cbar = fig.colorbar(mesh, ax=list(axes), shrink=0.9)
        cbar.set_label(phrase(lang, f"Tăng trưởng {rest_name} cần đạt (%)", f"{rest_name} growth needed (%)"))
        cbar.ax.yaxis.set_major_formatter(number_formatter(lang=lang))
        legend_below(fig, ncols=2)
    return fig


def plot_tornado(tornado: Tornado, *, lang: Lang | None = None, ax: Any = None) -> Figure:
    """Horizontal bars from GRDP-at-low to GRDP-at-high per sector around the base; target lines."""
    lang = tornado.language(lang)
    f = tornado.frame
    y = np.arange(len(f))[::-1]
    labels = [f"{sector_label(s, lang)}\n({format_number(lo, style=lang)}–{format_number(hi, style=lang)} %)"
              for s, lo, hi in zip(f["sector"], f["q4_low"], f["q4_high"])]
    with report_axes(ax, lang, height_cm=2.5 + 1.3 * len(f)) as (fig, ax):
        lo_bar, hi_bar = f["grdp_low"].to_numpy(), f["grdp_high"].to_numpy()
        ax.barh(y, np.abs(tornado.base - lo_bar), left=np.minimum(lo_bar, tornado.base),
                color=PALETTE[1], height=0.6, label=phrase(lang, "Quý IV ở mức thấp", "Q4 at low"))
        ax.barh(y, np.abs(hi_bar - tornado.base), left=np.minimum(hi_bar, tornado.base), color=PALETTE[0], height=0.6,
                label=phrase(lang, "Quý IV ở mức cao", "Q4 at high"))
        ax.axvline(tornado.base, color="black", lw=0.8)
        for i, t in enumerate(sorted(tornado.thresholds)):
            ax.axvline(t, color=PALETTE[7 if i == 0 else 2], lw=1.0, ls="--", zorder=1.5,
                       label=phrase(lang, f"Mục tiêu {num(t, 1, lang)} %", f"Target {num(t, 1, lang)} %"))
        for yi, lo, hi in zip(y, f["grdp_low"], f["grdp_high"]):
            # Offset from the bar's end and on white, above the target lines: a line never strikes a value.
            for x, ha, dx in ((lo, "right", -3), (hi, "left", 3)):
                ax.annotate(num(x, 2, lang), (x, yi), xytext=(dx, 0), textcoords="offset points", ha=ha, va="center",
                            fontsize=6.5, zorder=4, bbox=_ON_WHITE)
        ax.set_yticks(y, labels)
        ax.set_axisbelow(True)
        ax.set_xlabel(phrase(lang, f"Tăng trưởng GRDP cả năm (%); cơ sở {num(tornado.base, 2, lang)} %",
                             f"Annual GRDP growth (%); base {num(tornado.base, 2, lang)} %"))
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        lo_x = min(float(f["grdp_low"].min()), *tornado.thresholds)
        hi_x = max(float(f["grdp_high"].max()), *tornado.thresholds)
        pad = 0.12 * (hi_x - lo_x)
        ax.set_xlim(lo_x - pad, hi_x + pad)
        use_decimal_comma(ax, axis="x", lang=lang)
        legend_below(fig, ncols=4)
    return fig


def plot_monte_carlo(
    result: MonteCarloResult,
    *,
    calibrated: Mapping[float, float] | None = None,
    bins: int = 120,
    lang: Lang | None = None,
    ax: Any = None,
) -> Figure:
    """What the scenarios take: a histogram of annual growth (share of draws), the target band shaded.

    ``calibrated`` (threshold → probability), when given, leads the chart: the
    calibrated forecast's probabilities open the title, and the draws' shares
    at each threshold are written as shares of draws, conditional on the
    scenario ranges — never as a forecast's P(≥ target).
    """
    lang = result.language(lang)
    lo, hi = np.quantile(result.annual, [0.0005, 0.9995])
    counts, edges = np.histogram(result.annual, bins=bins, range=(float(lo), float(hi)))
    share = counts / result.n * 100
    ts = sorted(result.thresholds)
    with report_axes(ax, lang, height_cm=8.0) as (fig, ax):
        if calibrated:
            probs = "; ".join(f"≥ {num(t, 1, lang)} %: {phrase(lang, 'khoảng', 'about')} {num(100 * p, 0, lang)} %"
                              for t, p in sorted(calibrated.items()))
            ax.set_title(phrase(lang, f"Xác suất đạt (dự báo hiệu chỉnh trên các tỉnh) {probs}",
                                f"Probability (forecast calibrated on the provinces) {probs}"), fontsize=8, loc="left")
        if len(ts) >= 2:
            ax.axvspan(ts[0], ts[-1], color=PALETTE[3], alpha=0.2, lw=0,
                       label=phrase(lang, "Khoảng mục tiêu", "Target range"))
        ax.stairs(share, edges, fill=True, color=PALETTE[0], alpha=0.85,
                  label=phrase(lang, "Mô phỏng nếu các ngành tăng trong khoảng kịch bản (có điều kiện)",
                               "Simulated if sectors grow within the scenario ranges (conditional)"))
        top = float(share.max())
        middle = (float(edges[0]) + float(edges[-1])) / 2
        for i, t in enumerate(ts):
            p = result.probability(t)
            ax.axvline(t, color=PALETTE[1 + i], lw=1.2, ls="--", zorder=1.5)
            right = t > middle  # keep the words inside the axes: to the left of a line on the right half
            words = phrase(lang, f"≥ {num(t, 1, lang)} %: {num(100 * p, 0, lang)} % lượt mô phỏng",
                           f"≥ {num(t, 1, lang)} %: {num(100 * p, 0, lang)} % of draws")
            ax.annotate(words, (t, top * (1.18 - 0.09 * i)), xytext=(-3 if right else 3, 0), textcoords="offset points",
                        color=PALETTE[1 + i], fontsize=7, va="bottom", ha="right" if right else "left", zorder=4, bbox=_ON_WHITE)
        ax.set_ylim(0, top * 1.3)
        ax.set_axisbelow(True)
        ax.set_xlabel(phrase(lang, "Tăng trưởng GRDP cả năm (%)", "Annual GRDP growth (%)"))
        ax.set_ylabel(phrase(lang, "Tỷ lệ số lần mô phỏng (%)", "Share of draws (%)"))
        use_decimal_comma(ax, axis="both", lang=lang)
        legend_below(fig, ncols=2)
    return fig


def plot_convergence(result: MonteCarloResult, *, lang: Lang | None = None, ax: Any = None) -> Figure:
    """Convergence in two panels: each estimate's distance from the full run with its ±1,96 SE funnel,
    and the standard error against the number of draws (log-log: slope −1/2), batch means marked."""
    lang = result.language(lang)
    sizes = np.unique(np.round(np.logspace(2, np.log10(result.n), 40)).astype("int64"))
    conv = result.convergence(sizes.tolist())
    batches = result.convergence()
    with report_axes(ax, lang, height_cm=7.0, ncols=2) as (fig, (ax1, ax2)):
        for i, t in enumerate(result.thresholds):
            c = conv[conv["threshold"] == t]
            d = 100 * (c["probability"].to_numpy() - result.probability(t))
            se = 100 * c["std_error"].to_numpy()
            name = f"P(≥ {num(t, 1, lang)} %)"
            ax1.fill_between(c["draws"], -1.96 * se, 1.96 * se, color=PALETTE[i], alpha=0.15, lw=0)
            ax1.plot(c["draws"], d, color=PALETTE[i], lw=1.1, label=name)
            ax2.plot(c["draws"], se, color=PALETTE[i], lw=1.1, label=f"{name}: √(p(1−p)/n)")
            b = batches[(batches["threshold"] == t) & batches["batch_sd"].notna()]
            ax2.plot(b["draws"], 100 * b["batch_sd"], "o", color=PALETTE[i], ms=3.5,
                     label=phrase(lang, f"{name}: độ lệch chuẩn giữa các lô", f"{name}: SD between batches"))
        ax1.axhline(0.0, color="black", lw=0.6)
        ax1.set_xscale("log")
        ax1.set_xlabel(phrase(lang, "Số lần mô phỏng", "Number of draws"))
        ax1.set_ylabel(phrase(lang, "Chênh lệch so với 10⁶ lần (điểm phần trăm)", "Difference from 10⁶ draws (percentage points)"))
        use_decimal_comma(ax1, axis="y", lang=lang)
        ax1.legend(loc="upper right")
        ax2.set_xscale("log")
        ax2.set_yscale("log")
        ax2.set_xlabel(phrase(lang, "Số lần mô phỏng", "Number of draws"))
        ax2.set_ylabel(phrase(lang, "Sai số chuẩn (điểm phần trăm)", "Standard error (percentage points)"))
        ax2.yaxis.set_major_formatter(_log_formatter(lang))
        ax2.legend(loc="upper right", fontsize=6)
    return fig


def _log_formatter(lang: Lang) -> Formatter:
    """Tick labels for a log axis of standard errors: 0,01 / 0,1 / 1 / 10 with the decimal mark of ``lang``."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, pos: format_number(x, precision=max(0, -int(np.floor(np.log10(x)))) if x > 0 else 0, style=lang))


