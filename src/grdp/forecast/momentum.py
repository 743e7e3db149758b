"""The province's own momentum: the third quarter its half-year and 9-month figures imply.

A borrowed national pattern carries the *nation's* Q3 into the province's Q4.
The province's own releases say where its own year was heading: with ``H1``
its first-half growth and ``g9M`` its 9-month growth, the period identity over
the previous year's quarterly weights ``w1, w2, w3`` gives the third quarter,

    ``g3 = (g9M (w1 + w2 + w3) − H1 (w1 + w2)) / w3``,

and "Q4 grows like Q3" gives the year, ``(1 − w4) g9M + w4 g3``. The weights
are the national quarterly pattern with Q4 set to the province's
(:func:`grdp.io.vintages.scaled_weights`, :func:`grdp.sectors.quarter_weight.q4_weight`).

For a province formed by a merger during the year, the half-year figure is the
former provinces': growth rates are never averaged, so their half-years give
the merged province's only when they are the same number (any weighting of
equal rates gives that rate); otherwise it needs their half-year levels, and
:func:`momentum` says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

import pandas as pd

from grdp.core.periods import annual_growth
from grdp.core.results import Result
from grdp.core.typing import Lang
from grdp.core.validation import check_lang
from grdp.core.wording import num, phrase
from grdp.forecast.borrowing import PROVINCES, province_name
from grdp.io.datasets import provinces
from grdp.io.plan import MissingFigures, Plan
from grdp.io.vintages import scaled_weights
from grdp.sectors.quarter_weight import q4_weight as province_q4_weight
from grdp.sectors.structure import MERGED

__all__ = ["Momentum", "momentum"]


@dataclass(frozen=True)
class Momentum(Result):
    """The Q3 a province's half-year and 9-month growth imply, and the year if Q4 grew like it.

    Attributes
    ----------
    year : int
    half_year, nine_months : float
        H1 and 9-month growth, %.
    q3 : float
        The implied third quarter, %.
    annual_if_q4_is_q3 : float
        The year with Q4 growing like Q3.
    weights : 4 floats
        The previous-year quarterly weights used.
    sources : DataFrame
        The half-year figures used: ``province``, ``value``, ``release_date``, ``source_url``.
    """

    year: int
    half_year: float
    nine_months: float
    q3: float
    annual_if_q4_is_q3: float
    weights: tuple[float, float, float, float]
    sources: pd.DataFrame = field(repr=False, compare=False)
    lang: Lang = "vi"

    _table_index: ClassVar[bool] = False

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([{"year": self.year, "half_year": self.half_year, "nine_months": self.nine_months,
                              "q3": self.q3, "annual_if_q4_is_q3": self.annual_if_q4_is_q3, "q4_weight": self.weights[3]}])

    def summary(self, *, lang: Lang | None = None) -> str:
        lang = self.language(lang)
        who = ", ".join(f"{province_name(p, lang)} {num(v, 1, lang)} %" for p, v in zip(self.sources["province"],
                                                                                       self.sources["value"], strict=True))
        trend = phrase(lang, "chậm lại" if self.q3 < self.half_year else "nhanh lên",
                       "slowing down" if self.q3 < self.half_year else "speeding up")
        return phrase(
            lang,
            f"Đà của chính tỉnh: 6 tháng {num(self.half_year, 1, lang)} % ({who}), 9 tháng {num(self.nine_months, 2, lang)} % "
            f"→ quý III khoảng {num(self.q3, 1, lang)} % ({trend}). Nếu quý IV tăng như quý III, cả năm khoảng "
            f"{num(self.annual_if_q4_is_q3, 1, lang)} % (tỷ trọng quý IV {num(self.weights[3], 3, lang)}).",
            f"The province's own momentum: first half {num(self.half_year, 1, lang)} % ({who}), 9 months "
            f"{num(self.nine_months, 2, lang)} % → Q3 about {num(self.q3, 1, lang)} % ({trend}). Were Q4 to grow like Q3, "
            f"the year would be about {num(self.annual_if_q4_is_q3, 1, lang)} % (Q4 weight {num(self.weights[3], 3, lang)}).",
        )


def momentum(plan: Plan, *, q4_weight: float | None = None, lang: Lang | None = None) -> Momentum:
    """The Q3 the province's own half-year and the plan's 9-month growth imply (module notes).

    The half-year comes from ``data/raw/provinces_hungyen_thaibinh.csv``: the
    merged province's own, else the former provinces' when they printed the
    same rate.

    Raises
    ------
    MissingFigures
        No GRDP 9-month figure in the plan.
    ValueError
        No half-year figure for the plan's year; the former provinces' half-years
        differ (their levels are needed); the plan is not a 9-month plan.

    Examples
    --------
    >>> from grdp import load_plan
    >>> m = momentum(load_plan())   # both former provinces: H1 2025 9 % (2025-07-02); 9 months 8,01 %
    >>> m.half_year, round(m.q3, 2), round(m.annual_if_q4_is_q3, 2)
    (9.0, 6.15, 7.41)
    """
    lang = check_lang(lang or plan.lang)
    if plan.months_done != 9:
        raise ValueError(f"the momentum reading needs a 9-month plan; this one has {plan.months_done} months done")
    row = plan.grdp
    if row is None or row.done.is_missing or row.done.low is None:
        raise MissingFigures([("grdp_growth", "done")])
    p = provinces()
    h1 = p[(p["year"] == plan.year) & (p["period"] == "H1") & (p["sector"] == "total") & (p["measure"] == "growth_yoy_pct")
           & (p["bound"] == "exact")]
    own = h1[h1["province"] == MERGED]
    used = own if len(own) else h1[h1["province"].isin(PROVINCES)]
    if used.empty or (own.empty and set(used["province"]) != set(PROVINCES)):
        raise ValueError(f"no half-year growth of {plan.year} for the province (or every former province) in "
                         "provinces_hungyen_thaibinh.csv")
    values = used["low"].unique()
    if len(values) > 1:
        raise ValueError("the former provinces' half-year growth rates differ: their half-year levels are needed to merge them")
    w = scaled_weights(province_q4_weight(plan).value if q4_weight is None else q4_weight)
    g9, gh = float(row.done.low), float(values[0])
    q3 = (g9 * (w[0] + w[1] + w[2]) - gh * (w[0] + w[1])) / w[2]
    sources = used[["province", "low", "release_date", "source_url"]].rename(columns={"low": "value"}).reset_index(drop=True)
    return Momentum(year=plan.year, half_year=gh, nine_months=g9, q3=float(q3),
                    annual_if_q4_is_q3=float(annual_growth(g9, q3, rest_weight=w[3])), weights=w, sources=sources, lang=lang)
