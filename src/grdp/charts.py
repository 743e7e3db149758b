"""Charts of the plan audit, in the report style of :mod:`grdp.plotting`.

Each function returns a matplotlib Figure; matplotlib is imported only here,
inside the functions.
"""

from __future__ import annotations

import numpy as np

from .consistency import PlanAudit
from .labels import Lang, check_lang
from .numbers import format_number
from .periods import required_growth

__all__ = ["plot_required_growth", "plot_implied_weights", "implied_weights_table"]


def _t(lang: Lang, vi: str, en: str) -> str:
    return vi if lang == "vi" else en


def implied_weights_table(audit: PlanAudit):
    """Growth rows with an implied rest-of-year weight: point(s) and the interval rounding allows.

    Returns a DataFrame with ``stt``, ``indicator``, ``end`` (``""``, ``"low"`` or
    ``"high"`` for a range target), ``weight``, ``weight_min``, ``weight_max``,
    in plan order.
    """
    import pandas as pd

    rows = []
    for f in audit.items:
        if f.check != "period_identity":
            continue
        nums = dict(f.numbers)
        for end in ("", "_low", "_high"):
            if f"implied_weight{end}" in nums:
                rows.append(
                    {
                        "stt": f.stt,
                        "indicator": f.indicator,
                        "end": end.lstrip("_"),
                        "weight": nums[f"implied_weight{end}"],
                        "weight_min": nums[f"weight_min{end}"],
                        "weight_max": nums[f"weight_max{end}"],
                    }
                )
    return pd.DataFrame(rows, columns=["stt", "indicator", "end", "weight", "weight_min", "weight_max"])


def plot_required_growth(
    audit: PlanAudit,
    *,
    stt: str = "1",
    weights: tuple[float, float] = (0.20, 0.45),
    lang: Lang | None = None,
):
    """Q4 growth needed for each end of the annual target, against the previous-year Q4 weight.

    The band of weights the printed figures imply (both ends, rounding included)
    is shaded; the printed Q4 target is drawn as a horizontal band.
    """
    from .plotting import PALETTE, report_figure, use_decimal_comma

    lang = check_lang(lang or audit.lang)
    f = next(x for x in audit.items if x.stt == stt and x.check == "period_identity")
    nums = dict(f.numbers)
    done = nums["done"]
    targets = [nums[k] for k in ("year_low", "year_high", "year") if k in nums]
    rests = [nums[k] for k in ("rest_low", "rest_high", "rest") if k in nums]
    w = np.linspace(weights[0], weights[1], 251)
    with report_figure(lang, height_cm=8.5) as (fig, ax):
        if "weight_common_min" in nums:
            ax.axvspan(nums["weight_common_min"], nums["weight_common_max"], color=PALETTE[6], alpha=0.35, lw=0,
                       label=_t(lang, "Tỷ trọng mà kế hoạch ngầm định", "Weight the plan implies"))
        if len(rests) == 2:
            ax.axhspan(min(rests), max(rests), color=PALETTE[3], alpha=0.18, lw=0,
                       label=_t(lang, "Mục tiêu quý IV", "Q4 target"))
        for colour, target in zip(PALETTE, targets):
            name = format_number(target, precision=1, style=lang)
            ax.plot(w, required_growth(done, target, rest_weight=w), color=colour, lw=1.6,
                    label=_t(lang, f"Cần cho cả năm {name} %", f"Needed for {name} % in the year"))
        ax.axvline(0.25, color="black", lw=0.6, ls=":")
        ax.text(0.2515, ax.get_ylim()[1], _t(lang, " 4 quý bằng nhau", " equal quarters"), va="top", fontsize=6.5)
        ax.set_xlabel(_t(lang, "Tỷ trọng quý IV trong GRDP năm trước", "Q4 share of the previous year's GRDP"))
        ax.set_ylabel(_t(lang, "Tăng trưởng quý IV cần đạt (%)", "Q4 growth needed (%)"))
        ax.set_title(f"{f.stt}. {f.indicator}", fontsize=8.5)
        use_decimal_comma(ax, axis="both", lang=lang)
        ax.legend(loc="upper right")
    return fig


def plot_implied_weights(audit: PlanAudit, *, lang: Lang | None = None):
    """Each growth row's implied previous-year Q4 weight with its rounding interval, and the plausible band."""
    from .plotting import PALETTE, legend_below, report_figure, use_decimal_comma

    lang = check_lang(lang or audit.lang)
    table = implied_weights_table(audit)
    labels = [
        f"{r.stt} {r.indicator[:38]}{'…' if len(r.indicator) > 38 else ''}"
        + (f" ({_t(lang, 'đầu dưới', 'low end') if r.end == 'low' else _t(lang, 'đầu trên', 'high end')})" if r.end else "")
        for r in table.itertuples()
    ]
    y = np.arange(len(table))[::-1]
    lo, hi = audit.weight_band
    with report_figure(lang, height_cm=2.0 + 0.65 * len(table)) as (fig, ax):
        ax.axvspan(lo, hi, color=PALETTE[2], alpha=0.12, lw=0, label=_t(lang, "Khoảng hợp lý", "Plausible band"))
        ax.axvline(0.25, color="black", lw=0.6, ls=":")
        ax.errorbar(
            table["weight"], y,
            xerr=[table["weight"] - table["weight_min"], table["weight_max"] - table["weight"]],
            fmt="o", color=PALETTE[0], ms=3.5, capsize=2.5, lw=1.1,
            label=_t(lang, "Tỷ trọng ngầm định (± làm tròn)", "Implied weight (± rounding)"),
        )
        ax.set_yticks(y, labels, fontsize=6.5)
        ax.set_xlabel(_t(lang, "Tỷ trọng quý IV năm trước", "Previous-year Q4 weight"))
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        use_decimal_comma(ax, axis="x", decimals=2, lang=lang)
        legend_below(fig, ncols=2)
    return fig
