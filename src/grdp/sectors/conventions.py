"""The two published conventions of sector contributions, and how to tell a printed set apart.

The statistics office publishes contributions to growth as

* **percentage points** (điểm phần trăm): ``C_i = s_i g_i``; with taxes they sum to
  GRDP growth (2015-2017 national releases left the taxes out, so the sectors
  fall short by the taxes' contribution);
* **% of the increase in total gross value added** ("% vào mức tăng tổng giá trị
  tăng thêm"): ``100 C_i / Σ_{i≠taxes} C_i``, summing to 100 (from 2018).

The provincial press often prints points with a "%" sign. Whether a set sums to
the growth rate or to 100 tells which (:func:`read_contributions`); a set that
fits both within rounding — or a partial set that fits both — is *ambiguous*,
and says so. :func:`points_to_shares` and :func:`shares_to_points` convert.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from grdp.core.labels import label
from grdp.core.numbers import format_frame, format_number
from grdp.core.results import Result
from grdp.core.typing import Convention, Lang
from grdp.sectors.keys import check_partition, sector_label

__all__ = [
    "TAXES_GAP",
    "points_to_shares",
    "shares_to_points",
    "PublishedContributions",
    "read_contributions",
]


TAXES_GAP = 0.2
"""When a printed set leaves product taxes out, its points may fall short of GRDP
growth by the taxes' contribution; up to this fraction of the growth is allowed
(nationally 2015-2017 the gap was about a tenth)."""


def points_to_shares(points: Mapping[str, float], *, of: Literal["gva", "grdp"] = "gva", total_growth: float | None = None) -> pd.Series:
    """Contributions in points → shares of the increase, %.

    ``of="gva"``: ``100 C_i / Σ_{i≠taxes} C_i`` (the office's convention; needs
    every value-added sector). ``of="grdp"``: ``100 C_i / g`` with ``total_growth``
    ``g`` (default: the sum of the points, taxes included).

    >>> points_to_shares({"agriculture": 0.48, "industry_construction": 2.09, "services": 2.85}).round(2).tolist()
    [8.86, 38.56, 52.58]
    """
    p = pd.Series(dict(points), dtype="float64")
    if of == "gva":
        va = p[[k for k in p.index if k != "taxes"]]
        return (100 * p / va.sum()).where(p.index != "taxes")
    if of == "grdp":
        g = float(p.sum()) if total_growth is None else float(total_growth)
        return 100 * p / g
    raise ValueError("of must be one of: 'gva', 'grdp'")


def shares_to_points(shares: Mapping[str, float], *, gva_points: float) -> pd.Series:
    """Shares of the increase in gross value added (%) → points, given the GVA part of GRDP growth.

    ``C_i = share_i / 100 · Σ_{VA} C``. ``gva_points`` is GRDP growth less the
    taxes' contribution; if taxes grow like value added with weight ``t``, it is
    ``(1 - t) g``.

    >>> shares_to_points({"agriculture": 50.0, "services": 50.0}, gva_points=6.0).tolist()
    [3.0, 3.0]
    """
    return pd.Series(dict(shares), dtype="float64") / 100 * float(gva_points)


@dataclass(frozen=True)
class PublishedContributions(Result):
    """What a printed set of "đóng góp" figures is, and the set in both conventions.

    Attributes
    ----------
    printed : pandas.Series
        The figures as printed, by sector key.
    total_growth : float
        The growth they were printed with.
    convention : {"points", "share_of_growth", "ambiguous", "neither"}
    points, shares : pandas.Series
        The set read as points and as shares of the increase in gross value
        added (NaN where a reading cannot be converted).
    reason : str
        Why (sums and tolerances), in English.
    """

    printed: pd.Series
    total_growth: float
    convention: Convention
    points: pd.Series
    shares: pd.Series
    reason: str = field(default="")
    lang: Lang = "vi"

    _table_index = True

    def to_frame(self) -> pd.DataFrame:
        """The printed set, as points and as shares of the increase in gross value added, by sector key."""
        return pd.DataFrame({"printed": self.printed, "points": self.points, "share_of_gva_growth_pct": self.shares})

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """:meth:`to_frame` with sector and column labels, written in the style of ``lang``."""
        lang = self.language(lang)
        return format_frame(pd.DataFrame(
            {
                label("dc_printed", lang): self.printed,
                label("dc_contribution_pp", lang): self.points,
                label("dc_share_of_gva_growth_pct", lang): self.shares,
            }
        ).rename(index=lambda k: sector_label(k, lang)), 2, style=lang)

    def summary(self, *, lang: Lang | None = None) -> str:
        lang = self.language(lang)
        total = format_number(float(self.printed.sum()), precision=2, style=lang)
        g = format_number(self.total_growth, precision=2, style=lang)
        conv = label({"points": "dc_points", "share_of_growth": "dc_share_of_growth",
                      "ambiguous": "dc_ambiguous", "neither": "dc_neither"}[self.convention], lang)
        if lang == "vi":
            return f"Tổng các số đóng góp {total}, tăng trưởng {g}%: {conv}."
        return f"The printed contributions sum to {total} with growth {g} %: {conv}."


def read_contributions(
    printed: Mapping[str, float],
    total_growth: float,
    *,
    precision: int = 2,
    complete: bool = True,
    taxes_weight: float | None = None,
) -> PublishedContributions:
    """Tell percentage points from shares of the increase in a printed set of contributions.

    Parameters
    ----------
    printed : mapping or Series
        The printed "đóng góp" figures by sector key (the provincial press often
        writes points with a "%" sign).
    total_growth : float
        The growth rate printed with them, %.
    precision : int
        Decimals printed (each figure is ± half a unit of its last digit).
    complete : bool
        Whether the set covers every value-added sector. A partial set ("công
        nghiệp đóng góp 3,2") can rarely be told apart.
    taxes_weight : float, optional
        Taxes' share of GRDP (fraction), used to convert shares to points
        assuming taxes grow like value added. Without it, shares are converted
        only when the set includes taxes.

    Returns
    -------
    PublishedContributions

    Notes
    -----
    With ``n`` figures, rounding allows ``n · h + h`` (``h`` = half a unit).
    Points: the sum is GRDP growth within rounding — or, when taxes are not in the
    set, short of it by at most :data:`TAXES_GAP` of the growth. Shares of the
    increase: the sum is 100 within rounding. A partial set fits points when its
    sum does not exceed the growth and shares when it does not exceed 100. Both →
    ``"ambiguous"``; none → ``"neither"``.

    Examples
    --------
    National 2013 ("đóng góp 0,48%", …, growth 5,42 %) and 2025 (5,30 / 43,62 / 51,08, growth 8,02 %):

    >>> read_contributions({"agriculture": 0.48, "industry_construction": 2.09, "services": 2.85}, 5.42).convention
    'points'
    >>> read_contributions({"agriculture": 5.30, "industry_construction": 43.62, "services": 51.08}, 8.02).convention
    'share_of_growth'
    >>> read_contributions({"industry": 3.2}, 8.0, precision=1, complete=False).convention
    'ambiguous'
    """
    keys = check_partition(printed, what="printed", partial=not complete)
    p = pd.Series({k: float(printed[k]) for k in keys}, dtype="float64")
    g = float(total_growth)
    h = 0.5 * 10.0 ** (-precision)
    tol = len(p) * h + h
    total = float(p.sum())
    has_taxes = "taxes" in p.index
    if complete:
        gap = 0.0 if has_taxes else TAXES_GAP * abs(g)
        fits_points = g - gap - tol <= total <= g + tol if g >= 0 else g - tol <= total <= g + gap + tol
        fits_shares = abs(total - 100) <= tol
    else:
        fits_points = abs(total) <= abs(g) * (1 + TAXES_GAP) + tol
        fits_shares = abs(total) <= 100 + tol
    convention: Convention = (
        "ambiguous" if fits_points and fits_shares else
        "points" if fits_points else
        "share_of_growth" if fits_shares else "neither"
    )
    reason = (
        f"sum {total:.{precision}f}; growth {g}; rounding tolerance {tol:.{precision + 1}f}"
        f"{'' if has_taxes or not complete else f'; taxes not in the set (gap up to {TAXES_GAP:.0%} of growth allowed)'}"
    )
    nan = pd.Series(np.nan, index=p.index, dtype="float64")
    if convention == "points":
        points, shares = p, points_to_shares(p) if complete else nan
    elif convention == "share_of_growth":
        shares = p.where(p.index != "taxes")
        if has_taxes:
            points = p / 100 * g
        elif taxes_weight is not None:
            points = shares_to_points(p, gva_points=(1 - taxes_weight) * g)
        else:
            points = nan
    else:
        points, shares = nan, nan
    return PublishedContributions(printed=p, total_growth=g, convention=convention, points=points, shares=shares, reason=reason)
