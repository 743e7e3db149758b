"""A plan against the forecasts and against history.

Two questions the office must answer in October:

* **How likely is the annual target?** :func:`plan_outlook` runs
  :func:`grdp.forecast.nowcast.nowcast_annual` from the plan's 9-month figure
  for several methods and Q4 weights (the national one and the one the plan's
  own figures imply) and reports P(annual ≥ each end of the target range).
* **Has a Q4 like the plan's ever happened?** :func:`q4_excess_history` gives,
  year by year, national Q4 growth minus the first nine months (first
  releases); :meth:`PlanOutlook.position` says where the Q4 the plan requires
  sits in that distribution, beside the provinces' own year-minus-9-months
  swings (:func:`grdp.forecast.borrowing.provincial_spread`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from grdp.core.labels import label
from grdp.core.periods import implied_weight
from grdp.core.results import Result
from grdp.core.typing import Lang
from grdp.core.validation import check_lang
from grdp.core.wording import num, probability, signed, target_probabilities
from grdp.forecast.borrowing import ProvincialSpread, first_releases, province_name, provincial_spread
from grdp.forecast.methods import METHODS
from grdp.forecast.nowcast import nowcast_annual
from grdp.io.plan import MissingFigures, Plan
from grdp.io.vintages import latest_nine_month_year, quarterly_growth
from grdp.sectors.quarter_weight import national_fallback
from grdp.sectors.quarter_weight import q4_weight as province_q4_weight

__all__ = ["q4_excess_history", "PlanOutlook", "plan_outlook"]


def q4_excess_history() -> pd.DataFrame:
    """National Q4 growth against the first nine months, year by year (first releases).

    Returns
    -------
    pandas.DataFrame
        Index ``year``: ``nine_months``, ``q4`` (derived through the identity
        where never printed alone: 2015), ``q4_derived``, ``excess``
        (Q4 − 9 months, points), ``annual``, ``gap`` (annual − 9 months).

    Examples
    --------
    2021: Q4 5,22 % against 9 months 1,42 % (first releases, 2021-12-29 and 2021-09-29):

    >>> round(float(q4_excess_history().loc[2021, "excess"]), 2)
    3.8
    """
    first = first_releases()
    last = int(first["Y"].dropna().index.max())
    q = quarterly_growth(first, through=f"{last}Q4")
    q4 = q.values[q.values.index.quarter == 4]
    d4 = q.derived[q.derived.index.quarter == 4]
    out = pd.DataFrame(
        {"nine_months": first["9M"], "q4": pd.Series(q4.to_numpy(), index=q4.index.year), "q4_derived": pd.Series(d4.to_numpy(), index=d4.index.year)}
    ).loc[: last]
    out["excess"] = out["q4"] - out["nine_months"]
    out["annual"] = first["Y"]
    out["gap"] = out["annual"] - out["nine_months"]
    out.index.name = "year"
    return out.dropna(subset=["nine_months"])


_OUTLOOK_TEXT: dict[str, dict[str, str]] = {
    "vi": {
        "probs": "Từ 9 tháng {g9m} %, {method} (trọng số quý IV {w4}): {probs}.",
        "plan": "Kế hoạch cần quý IV tăng {q4} %, tức cao hơn 9 tháng {excess} điểm phần trăm (các con số của kế hoạch ngụ ý "
        "trọng số quý IV ≈ {w}).",
        "history": "Cả nước {n} năm qua: quý IV cao hơn 9 tháng nhiều nhất {largest} điểm phần trăm (năm {year}); "
        "số năm đạt mức kế hoạch cần: {above}.",
        "provinces": "Cấp tỉnh dao động mạnh hơn: {pairs}.",
        "province": "{province} {year}: cả năm so với 9 tháng {gap} điểm phần trăm (quý IV ngụ ý so với 9 tháng {excess} điểm phần trăm "
        "với trọng số {w})",
    },
    "en": {
        "probs": "From 9 months at {g9m} %, {method} (Q4 weight {w4}): {probs}.",
        "plan": "The plan needs Q4 growth of {q4} %, i.e. {excess} points above the 9 months (the plan's figures imply "
        "a Q4 weight ≈ {w}).",
        "history": "Nationally over {n} years, Q4 exceeded the 9 months by at most {largest} points ({year}); "
        "years reaching what the plan needs: {above}.",
        "provinces": "Provinces swing more: {pairs}.",
        "province": "{province} {year}: year minus 9 months {gap} points (implied Q4 minus 9 months {excess} points "
        "at weight {w})",
    },
}


@dataclass(frozen=True)
class PlanOutlook(Result):
    """The plan's annual target against the forecasts, and its Q4 against history.

    ``probabilities``: one row per method and Q4 weight — point, interval at
    ``level``, P(annual ≥ each target). ``history``: :func:`q4_excess_history`.
    ``required_excess``: the Q4 growth the plan requires minus the 9 months.
    """

    growth_9m: float
    targets: tuple[float, ...]
    required_q4: tuple[float, ...]
    plan_weight: float
    probabilities: pd.DataFrame = field(repr=False)
    history: pd.DataFrame = field(repr=False)
    spread: ProvincialSpread = field(repr=False)
    level: float
    year: int
    lang: Lang = "vi"

    @property
    def required_excess(self) -> tuple[float, ...]:
        return tuple(q - self.growth_9m for q in self.required_q4)

    def position(self) -> pd.DataFrame:
        """Where each required Q4 sits among the national years: count at or above, the largest seen."""
        e = self.history["excess"].dropna()
        return pd.DataFrame(
            {
                "required_q4": list(self.required_q4),
                "required_excess": list(self.required_excess),
                "years_at_or_above": [int((e >= x).sum()) for x in self.required_excess],
                "years": len(e),
                "largest_excess": float(e.max()),
                "largest_year": int(e.idxmax()),
            }
        )

    def position_table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """:meth:`position`, formatted for a report."""
        lang = self.language(lang)
        pos = self.position()
        return pd.DataFrame(
            {
                label("fc_required_q4_col", lang): [num(x, 2, lang) for x in pos["required_q4"]],
                label("fc_required_excess", lang): [num(x, 2, lang) for x in pos["required_excess"]],
                label("fc_years_at_or_above", lang): [f"{a}/{n}" for a, n in zip(pos["years_at_or_above"], pos["years"], strict=True)],
                label("fc_largest_excess", lang): [f"{num(x, 2, lang)} ({y})" for x, y in zip(pos["largest_excess"], pos["largest_year"], strict=True)],
            }
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per method and Q4 weight: point, interval at ``level``, P(annual ≥ each target)."""
        return self.probabilities.copy()

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """The probability table, formatted for a report."""
        lang = self.language(lang)
        p = self.probabilities
        out = pd.DataFrame(
            {
                label("fc_method", lang): [METHODS[m].label(lang) for m in p["method"]],
                label("fc_q4_weight", lang): [num(w, 3, lang) for w in p["q4_weight"]],
                label("fc_point", lang): [f"{num(x, 2, lang)} %" for x in p["point"]],
                label("fc_interval", lang).format(p=num(100 * self.level, 0, lang)): [
                    f"{num(a, 2, lang)} – {num(b, 2, lang)} %" for a, b in zip(p["lower"], p["upper"], strict=True)
                ],
            }
        )
        for t in self.targets:
            out[label("fc_prob", lang).format(x=num(t, 1, lang))] = [probability(x, lang) for x in p[f"p_{t:g}"]]
        return out

    def provinces_9m(self) -> pd.DataFrame:
        """The provinces' 9-month pairs (:func:`grdp.forecast.provincial_spread`) with the Q4 excess they imply.

        ``implied_excess = (annual − done) / plan_weight``: the province's year
        minus its 9 months, read as Q4 minus 9 months at the plan's Q4 weight.
        """
        prov = self.spread.pairs
        prov = prov[prov["split"] == "9M"]
        return prov.assign(implied_excess=(prov["annual"] - prov["done"]) / self.plan_weight)

    def summary(self, *, lang: Lang | None = None) -> str:
        lang = self.language(lang)
        text = _OUTLOOK_TEXT[lang]
        pos = self.position()
        w = num(self.plan_weight, 2, lang)
        row = self.probabilities.iloc[0]
        lines = [
            text["probs"].format(
                g9m=num(self.growth_9m, 2, lang), method=METHODS[row["method"]].label(lang), w4=num(row["q4_weight"], 3, lang),
                probs=target_probabilities(lambda t: row[f"p_{t:g}"], self.targets, lang),
            ),
            text["plan"].format(
                q4="–".join(num(x, 1, lang) for x in self.required_q4), excess="–".join(num(x, 1, lang) for x in pos["required_excess"]), w=w
            ),
            text["history"].format(
                n=pos["years"].iloc[0], largest=num(pos["largest_excess"].iloc[0], 1, lang), year=pos["largest_year"].iloc[0],
                above=int(pos["years_at_or_above"].min()),
            ),
        ]
        prov = self.provinces_9m()
        if len(prov):
            pairs = "; ".join(
                text["province"].format(
                    province=province_name(r.province, lang), year=r.year, gap=signed(r.annual - r.done, 2, lang),
                    excess=signed(r.implied_excess, 1, lang), w=w,
                )
                for r in prov.itertuples()
            )
            lines.append(text["provinces"].format(pairs=pairs))
        return "\n".join(lines)


def plan_outlook(
    plan: Plan,
    *,
    q4_weights: Sequence[float] | None = None,
    methods: Sequence[str] | None = None,
    level: float = 0.8,
    lang: Lang = "vi",
) -> PlanOutlook:
    """Probabilities of the plan's annual targets, and the plan's Q4 against history.

    Parameters
    ----------
    plan : Plan
        Needs a GRDP row with its 9-month, Q4 and annual figures.
    q4_weights : sequence of float, optional
        Default: the province's weight (:func:`grdp.sectors.quarter_weight.q4_weight`)
        and, as a sensitivity, the nation's latest
        (:func:`grdp.sectors.quarter_weight.national_fallback`) when it differs.
    methods : sequence of str, optional
        Default: ``sarimax`` and ``mean_gap`` where the national file holds the
        plan's year, ``mean_gap`` alone for a year it does not reach yet.
    level : float
    lang : {"vi", "en"}

    Examples
    --------
    >>> from grdp import load_plan
    >>> po = plan_outlook(load_plan())
    >>> round(po.plan_weight, 3), [round(x, 2) for x in po.required_excess]
    (0.321, [6.19, 7.79])
    """
    lang = check_lang(lang)
    figures = plan.growth_figures()
    if figures is None:
        raise MissingFigures([("grdp_growth", "")])
    growth_9m, required_q4, targets = figures
    plan_weight = float(np.mean([implied_weight(growth_9m, q, t) for q, t in zip(required_q4, targets, strict=True)]))
    if q4_weights is None:
        own, national = province_q4_weight(plan).value, national_fallback()
        weights: tuple[float, ...] = (own, national) if own != national else (own,)
    else:
        weights = tuple(float(w) for w in q4_weights)
    if methods is None:
        methods = ("sarimax", "mean_gap") if plan.year <= latest_nine_month_year() else ("mean_gap",)
    rows = []
    for m in methods:
        for w in weights:
            nc = nowcast_annual(plan, q4_weight=w, method=m, level=level, targets=targets, lang=lang)
            row = {"method": m, "q4_weight": w, "point": nc.point, "lower": nc.lower, "upper": nc.upper}
            row.update({f"p_{t:g}": nc.prob_at_least(t) for t in targets})
            rows.append(row)
    return PlanOutlook(
        growth_9m=float(growth_9m),
        targets=tuple(float(t) for t in targets),
        required_q4=tuple(float(q) for q in required_q4),
        plan_weight=plan_weight,
        probabilities=pd.DataFrame(rows),
        history=q4_excess_history(),
        spread=provincial_spread(),
        level=level,
        year=plan.year,
        lang=lang,
    )
