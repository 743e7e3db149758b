"""Figures of the forecasts, for Word reports: the fan chart, the backtest and the plan's Q4 against history.

Each function takes the result object it draws (:class:`grdp.forecast.nowcast.Nowcast`,
:class:`grdp.forecast.backtesting.Backtest`, :class:`grdp.forecast.outlook.PlanOutlook`)
and ``ax=None``, draws on the caller's axes or a new report figure
(:func:`grdp.figures.style.report_axes`) and returns the figure (save it with
:func:`grdp.figures.style.save_figure`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from grdp.core.labels import label
from grdp.core.typing import Lang
from grdp.core.wording import num, probability, share_of_years
from grdp.figures.style import PALETTE, legend_below, report_axes, share_limits, use_decimal_comma
from grdp.forecast.backtesting import Backtest
from grdp.forecast.methods import METHODS
from grdp.forecast.nowcast import Nowcast
from grdp.forecast.outlook import PlanOutlook

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_fan", "plot_backtest", "plot_q4_excess"]

_FAN_LEVELS = (0.95, 0.8, 0.5)
_TEXT_LINE = 0.075
"""Height of a line of 6,5 pt text as a share of a report panel's height (about 6 cm), rounded up."""


def plot_fan(
    nowcasts: Nowcast | Sequence[Nowcast],
    *,
    targets: Sequence[float] | None = None,
    lang: Lang | None = None,
    height_cm: float = 8.0,
    ax: Any = None,
) -> Figure:
    """Fan chart: from the 9-month figure to the annual distribution (50/80/95 %), against the target band.

    One panel per nowcast (e.g. two Q4 weights), sharing the growth axis
    (:func:`grdp.figures.style.share_limits`). The probability of reaching each
    target is written above the band and the fan, on a headroom kept for it;
    the legend sits below the panels. ``targets``: default the first nowcast's.
    """
    items = [nowcasts] if isinstance(nowcasts, Nowcast) else list(nowcasts)
    lang = items[0].language(lang)
    targets = items[0].targets if targets is None else targets
    with report_axes(ax, lang, height_cm=height_cm, ncols=len(items)) as (fig, axes):
        axes = np.atleast_1d(axes)
        for ax, nc in zip(axes, items, strict=True):
            for lv, alpha in zip(_FAN_LEVELS, (0.18, 0.32, 0.5), strict=True):
                iv = nc.interval(lv)
                ax.fill_between([0, 1], [nc.growth_9m, iv.low], [nc.growth_9m, iv.high], color=PALETTE[0], alpha=alpha, linewidth=0,
                                label=label("fc_band", lang).format(p=num(100 * lv, 0, lang)))
            ax.plot([0, 1], [nc.growth_9m, nc.point], color=PALETTE[0], linewidth=1.2, marker="o", markersize=3)
            if targets:
                ax.axhspan(min(targets), max(targets), color=PALETTE[1], alpha=0.25, linewidth=0, label=label("fc_target_band", lang))
            ax.annotate(f"{num(nc.point, 2, lang)} %", (1, nc.point), xytext=(4, 0), textcoords="offset points", va="center", fontsize=7)
            ax.annotate(f"{num(nc.growth_9m, 2, lang)} %", (0, nc.growth_9m), xytext=(-4, 0), textcoords="offset points", va="center", ha="right", fontsize=7)
            ax.set_xticks([0, 1], [label("fc_period_9m", lang), label("fc_period_year", lang)])
            ax.set_xlim(-0.3, 1.3)
            ax.set_title(f"{label('fc_q4_weight', lang)} {num(nc.q4_weight, 3, lang)}")
            use_decimal_comma(ax, lang=lang)
        low, high = share_limits(axes)
        lines = len(targets or ())
        # Headroom above the band and the fan for the probabilities: one text line is about 7 % of the axes.
        high += (high - low) * _TEXT_LINE * lines / (1 - _TEXT_LINE * lines)
        for ax, nc in zip(axes, items, strict=True):
            ax.set_ylim(low, high)
            if targets:
                words = "\n".join(label("fc_fig_prob", lang).format(x=num(t, 1, lang), p=probability(nc.prob_at_least(t), lang))
                                  for t in sorted(targets, reverse=True))
                ax.text(0.98, 0.98, words, transform=ax.transAxes, ha="right", va="top", fontsize=6.5, color=PALETTE[1], linespacing=1.25)
        axes[0].set_ylabel(label("fc_axis_growth", lang))
        legend_below(fig, ncols=4, from_ax=axes[0])
    return fig


def plot_backtest(
    result: Backtest,
    *,
    shown: Sequence[str] = ("nine_months", "mean_gap", "sarimax"),
    interval_of: str = "sarimax",
    lang: Lang | None = None,
    height_cm: float = 13.0,
    ax: Any = None,
) -> Figure:
    """Backtest chart: the first annual figures against forecasts (top), mean absolute error and 80 % coverage by method (bottom).

    The top panel's legend sits above it, outside the axes."""
    lang = result.language(lang)
    f = result.forecasts
    s = result.scores()
    with report_axes(ax, lang, height_cm=height_cm, nrows=2) as (fig, (top, bottom)):
        pub = f.drop_duplicates("year").set_index("year")["published"]
        top.plot(pub.index, pub.to_numpy(), color="black", marker="o", markersize=3.5, linewidth=1.0, label=label("fc_published", lang))
        offsets = np.linspace(-0.2, 0.2, len(shown))
        for k, (name, dx) in enumerate(zip(shown, offsets, strict=True)):
            g = f[f["method"] == name].set_index("year")
            colour = PALETTE[(k + 1) % len(PALETTE)]
            if name == interval_of:
                top.errorbar(g.index + dx, g["point"], yerr=[g["point"] - g["lower_80"], g["upper_80"] - g["point"]], fmt="none",
                             ecolor=colour, elinewidth=0.8, alpha=0.7)
            top.plot(g.index + dx, g["point"], linestyle="none", marker="s", markersize=3, color=colour, label=METHODS[name].label(lang))
        top.set_ylabel(label("fc_axis_growth", lang))
        top.set_xticks(pub.index, [str(y) for y in pub.index])
        # Above the panel, outside the axes: no year's points under it (the constrained layout keeps its room).
        top.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=2, borderaxespad=0.3)
        use_decimal_comma(top, lang=lang)
        names = list(s.index)
        colours = [PALETTE[6] if s.loc[n, "kind"] == "baseline" else PALETTE[0] for n in names]
        bars = bottom.bar(range(len(names)), s["mae"], color=colours)
        for bar, n in zip(bars, names, strict=True):
            bottom.annotate(share_of_years(s.loc[n, "coverage_80"], lang), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                            xytext=(0, 2), textcoords="offset points", ha="center", va="bottom", fontsize=6.5)
        bottom.set_xticks(range(len(names)), [METHODS[n].label(lang) for n in names], rotation=20, ha="right")
        bottom.set_ylim(0, float(s["mae"].max()) * 1.15)  # headroom for the coverage written above the tallest bar
        bottom.set_ylabel(label("fc_axis_mae", lang))
        bottom.set_title(label("fc_bar_note", lang), fontsize=7)
        use_decimal_comma(bottom, lang=lang)
    return fig


def plot_q4_excess(outlook: PlanOutlook, *, lang: Lang | None = None, height_cm: float = 8.0, ax: Any = None) -> Figure:
    """National Q4 growth minus 9-month growth by year, against what the plan requires."""
    lang = outlook.language(lang)
    h = outlook.history.dropna(subset=["excess"])
    with report_axes(ax, lang, height_cm=height_cm) as (fig, ax):
        ax.bar(h.index, h["excess"], color=PALETTE[0], label=label("fc_national_excess", lang))
        prov = outlook.provinces_9m()
        if len(prov):
            ax.plot(prov["year"], prov["implied_excess"], linestyle="none", marker="D", markersize=4,
                    color=PALETTE[2], label=label("fc_province_excess", lang).format(w=num(outlook.plan_weight, 2, lang)))
        for x, q in zip(outlook.required_excess, outlook.required_q4, strict=True):
            ax.axhline(x, color=PALETTE[7], linestyle="--", linewidth=0.9)
            ax.annotate(label("fc_plan_needs", lang).format(q=num(q, 1, lang)), (h.index.min() - 0.4, x), xytext=(0, 2),
                        textcoords="offset points", fontsize=6.5, color=PALETTE[7], va="bottom")
        ax.axhline(0, color="black", linewidth=0.6)
        ax.set_xticks(h.index, [str(y) for y in h.index], rotation=45)
        ax.set_ylabel(label("fc_axis_excess", lang))
        use_decimal_comma(ax, lang=lang)
        legend_below(fig, ncols=2)
    return fig
