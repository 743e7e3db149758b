"""Charts of the plan audit (:class:`grdp.audit.findings.PlanAudit`), in the report style."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from grdp.audit.findings import GrowthIdentity, PlanAudit
from grdp.core.numbers import format_number
from grdp.core.periods import required_growth
from grdp.core.typing import Lang
from grdp.core.wording import num, phrase
from grdp.figures.style import PALETTE, legend_below, report_axes, use_decimal_comma
from grdp.io.plan import GRDP_KEY

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["plot_required_growth", "plot_implied_weights", "implied_weights_table", "EQUAL_QUARTERS", "BAND_MARGIN"]

EQUAL_QUARTERS = 0.25
"""The Q4 weight of a year whose four quarters weigh the same, marked on the charts."""
BAND_MARGIN = 0.2
"""Room left on each side of the plausible band on the implied-weights chart, as a share of the band's width."""


def implied_weights_table(audit: PlanAudit) -> pd.DataFrame:
    """Growth rows with an implied rest-of-year weight: point(s) and the interval rounding allows.

    Returns a DataFrame with ``stt``, ``indicator``, ``end`` (``""``, ``"low"`` or
    ``"high"`` for a range target), ``weight``, ``weight_min``, ``weight_max``,
    in plan order.
    """
    rows = []
    for f in audit.items:
        if f.check != "period_identity" or not isinstance(f.evidence, GrowthIdentity):
            continue
        ends = [""] if len(f.evidence.ends) == 1 else ["low", "high"]
        for end, e in zip(ends, f.evidence.ends, strict=True):
            rows.append({"stt": f.stt, "indicator": f.indicator, "end": end, "weight": e.implied_weight,
                         "weight_min": e.weight_min, "weight_max": e.weight_max})
    return pd.DataFrame(rows, columns=["stt", "indicator", "end", "weight", "weight_min", "weight_max"])


def plot_required_growth(
    audit: PlanAudit,
    *,
    key: str = GRDP_KEY,
    weights: tuple[float, float] | None = None,
    ax: Any = None,
    lang: Lang | None = None,
) -> Figure:
    """Growth the rest of the year needs for each end of the annual target, against the previous-year weight.

    The band of weights the printed figures imply (both ends, rounding included)
    is shaded; the printed rest-of-year target is drawn as a horizontal band.
    ``key``: the indicator (default: GRDP); ``weights``: the range of the x axis (default: the
    plausible band the audit flagged against).
    """
    lang = audit.language(lang)
    f = audit.finding(key=key, check="period_identity")
    if f is None or not isinstance(f.evidence, GrowthIdentity):
        raise ValueError(f"the audit has no period identity measured for {key!r}")
    ev = f.evidence
    targets = [e.year for e in ev.ends]
    rests = [e.rest for e in ev.ends]
    lo, hi = audit.weight_band if weights is None else weights
    w = np.linspace(lo, hi, 251)
    with report_axes(ax, lang, height_cm=8.5) as (fig, ax):
        if ev.common is not None:
            ax.axvspan(ev.common.low, ev.common.high, color=PALETTE[6], alpha=0.35, lw=0,
                       label=phrase(lang, "Tỷ trọng mà kế hoạch hàm ý", "Weight the plan implies"))
        if len(rests) == 2:
            ax.axhspan(min(rests), max(rests), color=PALETTE[3], alpha=0.18, lw=0,
                       label=phrase(lang, "Mục tiêu quý IV", "Q4 target"))
        for colour, target in zip(PALETTE, targets, strict=False):
            name = format_number(target, precision=1, style=lang)
            ax.plot(w, required_growth(ev.done, target, rest_weight=w), color=colour, lw=1.6,
                    label=phrase(lang, f"Cần cho cả năm {name} %", f"Needed for {name} % in the year"))
        ax.axvline(EQUAL_QUARTERS, color="black", lw=0.6, ls=":")
        ax.text(EQUAL_QUARTERS + 0.0015, ax.get_ylim()[1], phrase(lang, " 4 quý bằng nhau", " equal quarters"), va="top", fontsize=6.5)
        ax.set_xlabel(phrase(lang, "Tỷ trọng quý IV trong GRDP năm trước", "Q4 share of the previous year's GRDP"))
        ax.set_ylabel(phrase(lang, "Tăng trưởng quý IV cần đạt (%)", "Q4 growth needed (%)"))
        use_decimal_comma(ax, axis="both", lang=lang)
        legend_below(fig, ncols=2)  # the indicator is named in the report's caption, not burned in
    return fig


def plot_implied_weights(audit: PlanAudit, *, ax: Any = None, lang: Lang | None = None) -> Figure:
    """Each growth row's implied previous-year Q4 weight with its rounding interval, and the plausible band.

    The x axis runs :data:`BAND_MARGIN` of the band's width beyond both edges of
    the band, so the band reads as a band; the dotted line is :data:`EQUAL_QUARTERS`.
    """
    lang = audit.language(lang)
    table = implied_weights_table(audit)
    labels = [
        f"{r.stt} {r.indicator[:38]}{'…' if len(r.indicator) > 38 else ''}"
        + (f" ({phrase(lang, 'mục tiêu thấp', 'low target') if r.end == 'low' else phrase(lang, 'mục tiêu cao', 'high target')})" if r.end else "")
        for r in table.itertuples()
    ]
    y = np.arange(len(table))[::-1]
    lo, hi = audit.weight_band
    with report_axes(ax, lang, height_cm=2.0 + 0.65 * len(table)) as (fig, ax):
        ax.axvspan(lo, hi, color=PALETTE[2], alpha=0.12, lw=0, label=phrase(lang, "Khoảng hợp lý", "Plausible band"))
        ax.axvline(EQUAL_QUARTERS, color="black", lw=0.6, ls=":",
                   label=phrase(lang, f"4 quý bằng nhau ({num(EQUAL_QUARTERS, 2, lang)})", f"Equal quarters ({num(EQUAL_QUARTERS, 2, lang)})"))
        ax.errorbar(
            table["weight"], y,
            xerr=[table["weight"] - table["weight_min"], table["weight_max"] - table["weight"]],
            fmt="o", color=PALETTE[0], ms=3.5, capsize=2.5, lw=1.1,
            label=phrase(lang, "Tỷ trọng hàm ý (± làm tròn)", "Implied weight (± rounding)"),
        )
        ax.set_yticks(y, labels, fontsize=6.5)
        ax.set_xlabel(phrase(lang, "Tỷ trọng quý IV năm trước", "Previous-year Q4 weight"))
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
        # The band's edges stay visible, with a margin of a fifth of its width (and room for every interval).
        margin = BAND_MARGIN * (hi - lo)
        ax.set_xlim(min(lo, float(table["weight_min"].min())) - margin, max(hi, float(table["weight_max"].max())) + margin)
        use_decimal_comma(ax, axis="x", decimals=2, lang=lang)
        legend_below(fig, ncols=3)
    return fig
