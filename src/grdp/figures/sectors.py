"""Charts of the sector decomposition, in the report style of :mod:`grdp.figures.style`.

The numbers behind each chart come from :mod:`grdp.sectors` — the charts
compute nothing of their own. Each takes ``ax=None`` and returns the figure.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from grdp.core.typing import Lang
from grdp.core.validation import check_lang
from grdp.core.wording import num, period_names, phrase
from grdp.figures.style import PALETTE, legend_below, report_axes, share_limits, use_decimal_comma
from grdp.sectors.agreement import SectorTargetsCheck
from grdp.sectors.contributions import split_sensitivity
from grdp.sectors.keys import SECTORS, sector_label
from grdp.sectors.share import ShareTargetCheck, implied_year_share
from grdp.sectors.structure import default_split

if TYPE_CHECKING:
    from matplotlib.legend import Legend

__all__ = ["SECTOR_COLOURS", "GLOSSARY_VI", "bridge_title", "plot_contributions", "plot_required_growth", "plot_share_path", "plot_split_sensitivity"]

SECTOR_COLOURS: dict[str, str] = {"agriculture": PALETTE[2], "industry": PALETTE[0], "construction": PALETTE[5],
                                  "industry_construction": PALETTE[0], "services": PALETTE[1], "taxes": PALETTE[6]}
"""One colour per sector key, from :data:`grdp.figures.style.PALETTE`."""


GLOSSARY_VI = "GTTT: giá trị tăng thêm; GTSX: giá trị sản xuất"
"""The abbreviations of the sector charts spelled out, over their legend (Vietnamese; English writes the words)."""


def _glossary(legend: Legend, lang: Lang) -> None:
    if lang == "vi":
        legend.set_title(GLOSSARY_VI)
        legend.get_title().set_fontsize(6.5)


def _pct(x: float, lang: Lang, precision: int = 1) -> str:
    return f"{num(x, precision, lang)} %"


def plot_contributions(
    frames: Mapping[str, pd.DataFrame],
    *,
    target: tuple[float, float] | None = None,
    lang: Lang = "vi",
    title: str | None = None,
    ax: Any = None,
) -> Any:
    """Stacked bars of sector contributions (points), one bar per decomposition, total written on top.

    Parameters
    ----------
    frames : mapping of label → DataFrame
        Results of :func:`grdp.sectors.decomposition.contributions` (e.g. one per bridge).
    target : (low, high), optional
        A target range drawn as a band (e.g. the GRDP target 10–10,5 %).
    """
    lang = check_lang(lang)
    names = list(frames)
    x = np.arange(len(names))
    with report_axes(ax, lang, height_cm=9.0) as (fig, ax):
        if target is not None:
            ax.axhspan(target[0], target[1], color=PALETTE[3], alpha=0.2, lw=0,
                       label=phrase(lang, f"Mục tiêu GRDP {_pct(target[0], lang)}–{_pct(target[1], lang)}",
                                    f"GRDP target {_pct(target[0], lang)}–{_pct(target[1], lang)}"))
        pos, neg = np.zeros(len(names)), np.zeros(len(names))
        seen: set[str] = set()
        for sector in SECTORS:
            values = np.array([float(f.loc[sector, "contribution_pp"]) if sector in f.index else 0.0 for f in frames.values()])
            if not np.any(values):
                continue
            bottom = np.where(values >= 0, pos, neg)
            ax.bar(x, values, 0.55, bottom=bottom, color=SECTOR_COLOURS[sector],
                   label=sector_label(sector, lang) if sector not in seen else None)
            seen.add(sector)
            for xi, v, b in zip(x, values, bottom):
                if abs(v) >= 0.6:
                    ax.text(xi, b + v / 2, num(v, 2, lang), ha="center", va="center",
                            fontsize=6.5, color="white")
            pos, neg = np.where(values >= 0, pos + values, pos), np.where(values < 0, neg + values, neg)
        for xi, f in zip(x, frames.values()):
            total = float(f.loc["total", "contribution_pp"])
            ax.text(xi, max(pos[xi], total) + 0.15, _pct(total, lang, 2), ha="center", va="bottom", fontsize=7.5,
                    fontweight="bold")
        ax.set_xticks(x, names)
        ax.set_ylabel(phrase(lang, "Đóng góp vào tăng trưởng (điểm phần trăm)", "Contribution to growth (percentage points)"))
        ax.set_ylim(min(0.0, float(neg.min()) - 0.5), float(pos.max()) + 1.3)
        if title:
            ax.set_title(title)
        use_decimal_comma(ax, lang=lang)
        legend_below(fig, ncols=3)
    return fig


def bridge_title(name: str, lang: Lang) -> str:
    """A panel named only by its bridge ("Hệ số 1", "Hệ số 0,937", "Bridge 1") said in words; other names unchanged.

    The bridge is the ratio of value-added (GTTT) growth to output (GTSX) growth.

    >>> bridge_title("Hệ số 1", "vi"), bridge_title("Hệ số 0,937", "vi")
    ('GTTT tăng như GTSX', 'GTTT tăng 0,937 lần GTSX')
    >>> bridge_title("Bridge 0.937", "en"), bridge_title("Hệ số 9 tháng", "vi"), bridge_title("Cả năm", "vi")
    ('Value added grows 0.937 × output', 'GTTT/GTSX như 9 tháng', 'Cả năm')
    """
    m = re.fullmatch(r"(?:hệ số|bridge)\s+(.+)", name.strip(), flags=re.IGNORECASE)
    if m is None:
        return name
    value = m.group(1)
    if value == "1":
        return phrase(lang, "GTTT tăng như GTSX", "Value added grows like output")
    if re.fullmatch(r"[0-9]+[.,][0-9]+", value):
        return phrase(lang, f"GTTT tăng {value} lần GTSX", f"Value added grows {value} × output")
    return phrase(lang, f"GTTT/GTSX như {value}", f"Value added/output as in the {value}")


def plot_required_growth(tables: Mapping[str, pd.DataFrame], *, lang: Lang = "vi", ax: Any = None) -> Any:
    """The output growth each sector needs for each end of the GRDP target, one panel per assumption.

    The panels share the growth axis. A panel named only by its bridge
    ("Hệ số 0,937") is titled in words (:func:`bridge_title`).

    Parameters
    ----------
    tables : mapping of panel title → DataFrame
        Results of :func:`grdp.sectors.contributions.required_growth_table`.
    """
    lang = check_lang(lang)
    with report_axes(ax, lang, height_cm=8.5, ncols=len(tables)) as (fig, axes):
        axes = np.atleast_1d(axes)
        for ax, (name, table) in zip(axes, tables.items()):
            ends = [c for c in table.columns if c != "target"]
            x = np.arange(len(table))
            width = 0.8 / len(ends)
            for i, end in enumerate(ends):
                ax.bar(x - 0.4 + width * (i + 0.5), table[end], width, color=PALETTE[i],
                       label=phrase(lang, f"Cần cho GRDP {_pct(float(end), lang)}", f"Needed for GRDP {_pct(float(end), lang)}"))
            ax.scatter(x, table["target"], marker="D", s=16, color="black", zorder=3,
                       label=phrase(lang, "Mục tiêu kế hoạch", "Plan target"))
            ax.axhline(0, color="black", lw=0.6)
            ax.set_xticks(x, [textwrap.fill(sector_label(s, lang), 14) for s in table.index], fontsize=6.5)
            ax.set_title(bridge_title(name, lang), fontsize=8)
            use_decimal_comma(ax, lang=lang)
        share_limits(axes)
        axes[0].set_ylabel(phrase(lang, "Tăng trưởng giá trị sản xuất\n(GTSX) cần đạt (%)", "Output growth needed (%)"))
        _glossary(legend_below(fig, ncols=3, from_ax=axes[0]), lang)
    return fig


def plot_share_path(check: ShareTargetCheck, *, lang: Lang | None = None, ax: Any = None) -> Any:
    """The share of industry + construction + services: printed path against what the sector targets imply.

    Left: the previous year's share the target needs, the 9-month share and the
    year (target, and the implied range over every admissible assumption).
    Right: the year's implied share against the seasonal gap, with the national
    gaps and the admissible range marked. Both panels share the share axis;
    one legend sits below them.
    """
    lang = check.language(lang)
    plan = check.plan
    done_name, _ = period_names(check.months_done, lang)
    gaps = np.linspace(-1.5, 2.5, 81)
    splits = np.array(check.split_range)[:, None, None]
    bridges = np.array([check.bridge.low, check.bridge.high])[None, :, None]
    cloud = implied_year_share(plan, industry_split=splits, bridge=bridges, seasonal_gap=gaps[None, None, :],
                               structure=check.structure, taxes_share_done=check.taxes_share_done)
    band_lo, band_hi = cloud.min(axis=(0, 1)), cloud.max(axis=(0, 1))
    split = default_split()
    default = implied_year_share(plan, industry_split=split, bridge=1.0, seasonal_gap=gaps,
                                 structure=check.structure, taxes_share_done=check.taxes_share_done)
    with report_axes(ax, lang, height_cm=10.5, ncols=2) as (fig, (left, right)):
        x = np.arange(3)
        prev = check.previous_year_needed
        left.errorbar([0], [prev.mid], yerr=[[prev.mid - prev.low], [prev.high - prev.mid]], fmt="s", color=PALETTE[6],
                      ms=4, capsize=3, label=phrase(lang, "Năm trước cần có để đạt mục tiêu", "Last year's share the target needs"))
        left.plot([1, 2], [check.done.mid, check.target.mid], color=PALETTE[0], marker="o", ms=4, lw=1.2,
                  label=phrase(lang, "Kế hoạch: 9 tháng → mục tiêu năm", "Plan: 9 months → annual target"))
        left.errorbar([2.08], [check.implied.mid], yerr=[[check.implied.mid - check.implied.low], [check.implied.high - check.implied.mid]],
                      fmt="none", color=PALETTE[1], capsize=4, lw=2.0,
                      label=phrase(lang, "Cả năm theo mục tiêu ngành", "Year implied by sector targets"))
        left.set_xticks(x, [phrase(lang, "Năm trước", "Last year"), done_name, phrase(lang, "Cả năm", "Year")])
        left.set_xlim(-0.5, 2.5)
        left.set_ylabel(phrase(lang, "Tỷ trọng CN, XD và DV trong GRDP (%)", "Industry, construction, services (% of GRDP)"))
        use_decimal_comma(left, lang=lang)

        nat = check.national_gaps
        right.axvspan(check.seasonal_gap[0], check.seasonal_gap[1], color=PALETTE[6], alpha=0.12, lw=0,
                      label=phrase(lang, "Chênh lệch mùa vụ chấp nhận được", "Admissible seasonal gap"))
        right.axvspan(float(nat.min()), float(nat.max()), color=PALETTE[2], alpha=0.35, lw=0,
                      label=phrase(lang, f"Cả nước {nat.index.min()}–{nat.index.max()} (số năm − số 9 tháng công bố)",
                                   f"National {nat.index.min()}–{nat.index.max()} (annual − 9-month release)"))
        right.fill_between(gaps, band_lo, band_hi, color=PALETTE[1], alpha=0.25, lw=0,
                           label=phrase(lang, "Mọi tỷ trọng công nghiệp và mọi tỷ lệ tăng GTTT/GTSX",
                                        "Every industry split and value-added/output bridge"))
        right.plot(gaps, default, color=PALETTE[1], lw=1.4,
                   label=phrase(lang, f"Mặc định: tỷ trọng công nghiệp {num(split, 2, lang)}, GTTT tăng như GTSX",
                                f"Default: industry split {num(split, 2, lang)}, value added grows like output"))
        right.axhline(check.target.mid, color=PALETTE[0], lw=1.0, ls="--",
                      label=phrase(lang, f"Mục tiêu {_pct(check.target.mid, lang)}", f"Target {_pct(check.target.mid, lang)}"))
        right.set_xlabel(phrase(lang, f"Chênh lệch mùa vụ: cả năm − {done_name}\n(điểm phần trăm)",
                                f"Seasonal gap: year − {done_name}\n(percentage points)"))
        use_decimal_comma(right, axis="both", lang=lang)
        share_limits([left, right])  # one share axis for both panels
        _glossary(legend_below(fig, ncols=2), lang)  # below the panels: nothing on the lines
    return fig


def plot_split_sensitivity(check: SectorTargetsCheck, *, lang: Lang | None = None, ax: Any = None) -> Any:
    """GRDP growth the sector targets imply against the industry split, with bridge 1 and calibrated; year and Q4."""
    lang = check.language(lang)
    plan = check.plan
    _, rest_name = period_names(check.months_done, lang)
    with report_axes(ax, lang, height_cm=8.0, ncols=2) as (fig, axes):
        for ax, period, name in zip(axes, ("year", "rest"), (phrase(lang, "Cả năm", "Year"), rest_name)):
            s = split_sensitivity(plan, period=period)  # type: ignore[arg-type]
            t = check.targets[period]
            ax.axhspan(t.low, t.high, color=PALETTE[3], alpha=0.2, lw=0, label=phrase(lang, "Mục tiêu GRDP", "GRDP target"))
            ax.plot(s.index, s["implied_bridge_one"], color=PALETTE[0], lw=1.4,
                    label=phrase(lang, "GTTT tăng như GTSX", "Value added grows like output"))
            ax.plot(s.index, s["implied_calibrated"], color=PALETTE[1], lw=1.4,
                    label=phrase(lang, "Tỷ lệ tăng GTTT/GTSX như 9 tháng", "Value added/output as in the 9 months"))
            ax.axvline(default_split(), color="black", lw=0.6, ls=":")
            ax.set_title(name[:1].upper() + name[1:], fontsize=8)
            ax.set_xlabel(phrase(lang, "Tỷ trọng công nghiệp trong CN-XD", "Industry share of industry + construction"))
            use_decimal_comma(ax, axis="both", lang=lang)
        axes[0].set_ylabel(phrase(lang, "Tăng trưởng GRDP suy ra (%)", "Implied GRDP growth (%)"))
        _glossary(legend_below(fig, ncols=3, from_ax=axes[0]), lang)
    return fig
