"""The nowcast: the year's growth to expect from the 9-month figure, with its uncertainty.

:func:`nowcast_annual` applies one forecast method (:mod:`grdp.forecast.methods`)
at the 9-month release of the year: on a province's own quarterly history
(:func:`grdp.io.history.read_history`) when given, else on the national
history borrowed for the province (:mod:`grdp.forecast.borrowing`). Given a
plan, it forecasts the plan's year from its GRDP row's 9 months and reports
the probability of each end of its annual target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from grdp.core.labels import label
from grdp.core.periods import NINE_MONTHS, Interval, required_growth
from grdp.core.results import Result
from grdp.core.typing import Lang
from grdp.core.validation import check_lang, check_level
from grdp.core.wording import num, probability, target_probabilities
from grdp.forecast.borrowing import borrow, provincial_spread
from grdp.forecast.methods import LEVELS, METHODS, MIN_QUARTERS, Prediction, PredictionView, get_method
from grdp.forecast.origin import Origin, history_origin, national_origin
from grdp.io.plan import MissingFigures, Plan
from grdp.sectors.quarter_weight import national_fallback
from grdp.sectors.quarter_weight import q4_weight as province_q4_weight

__all__ = ["Nowcast", "nowcast_annual"]


_NOWCAST_TEXT: dict[str, dict[str, str]] = {
    "vi": {
        "head": "Dự báo tăng trưởng cả năm {year}: {point} % (khoảng dự báo {level} %: {low} – {high} %), "
        "từ mức 9 tháng {g9m} %; quý IV ngụ ý {q4} % (trọng số quý IV {w4}).",
        "probs": "Xác suất đạt mục tiêu — {probs}.",
        "as_of": ", bản công bố lần đầu đến ngày {day:%d/%m/%Y}",
        "how": "Phương pháp: {method}; số liệu: {source}{as_of}.",
        "borrowed": " Mượn mẫu hình quý IV so với 9 tháng của cả nước; khoảng dự báo cộng thêm độ phân tán giữa "
        "các tỉnh ({sd} điểm phần trăm tăng trưởng cả năm).",
    },
    "en": {
        "head": "Annual growth {year}: {point} % ({level} % interval {low} – {high} %), "
        "from 9 months at {g9m} %; implied Q4 {q4} % (Q4 weight {w4}).",
        "probs": "Probability of reaching — {probs}.",
        "as_of": ", first releases published by {day:%Y-%m-%d}",
        "how": "Method: {method}; data: {source}{as_of}.",
        "borrowed": " The national pattern of Q4 against 9 months is borrowed; the interval adds the provinces' "
        "dispersion around it ({sd} points of annual growth).",
    },
}


@dataclass(frozen=True)
class Nowcast(PredictionView, Result):
    """The annual growth to expect from a 9-month figure, with its uncertainty.

    Attributes
    ----------
    growth_9m : float
        The 9-month growth forecast from, %.
    prediction : Prediction
        The predictive distribution of annual growth (after borrowing, if any).
    level : float
        Level of :attr:`lower` / :attr:`upper`.
    q4_weight : float
        Q4's previous-year weight for the unit of ``growth_9m``.
    year : int
    borrowed : bool
        Whether a national pattern was carried over to a province.
    spread_sd : float or None
        The provinces' dispersion (points of annual growth) added when borrowing.
    source : str
        The history used (file name).
    as_of : Timestamp or None
        For the national history: the day its figures were published by
        (the 9-month release the forecast stands at).
    targets : tuple of float
        Annual targets whose probabilities the summary reports.
    """

    growth_9m: float
    prediction: Prediction
    level: float
    q4_weight: float
    year: int
    borrowed: bool
    spread_sd: float | None
    source: str
    as_of: pd.Timestamp | None = None
    targets: tuple[float, ...] = ()
    lang: Lang = "vi"

    def quantile(self, p: float | np.ndarray) -> float | np.ndarray:
        return self.prediction.quantile(p)

    @property
    def q4(self) -> float:
        """The Q4 growth the point forecast implies: ``(gY - (1 - w4) g9M) / w4``."""
        return self.required_q4(self.point)

    def q4_interval(self, level: float | None = None) -> Interval:
        iv = self.interval(level)
        return Interval(self.required_q4(iv.low), self.required_q4(iv.high))

    def required_q4(self, target: float) -> float:
        """The Q4 growth that would bring the year to ``target``."""
        return float(required_growth(self.growth_9m, target, rest_weight=self.q4_weight))

    def to_frame(self) -> pd.DataFrame:
        """Point, 80 % and 95 % intervals, implied Q4, and each target's probability and required Q4."""
        rows = [("point", self.point), ("q4_implied", self.q4), ("q4_weight", self.q4_weight)]
        for lv in sorted({self.level, *LEVELS}):
            iv = self.interval(lv)
            rows += [(f"lower_{100 * lv:g}", iv.low), (f"upper_{100 * lv:g}", iv.high)]
        for t in self.targets:
            rows += [(f"p_at_least_{t:g}", self.prob_at_least(t)), (f"required_q4_{t:g}", self.required_q4(t))]
        return pd.DataFrame(rows, columns=["item", "value"]).set_index("item")

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """Point, intervals, implied Q4 and target probabilities, formatted for a report."""
        lang = self.language(lang)
        rows = [(label("fc_point", lang), f"{num(self.point, 2, lang)} %")]
        for lv in sorted({self.level, *LEVELS}):
            iv = self.interval(lv)
            rows.append((label("fc_interval", lang).format(p=num(100 * lv, 0, lang)), f"{num(iv.low, 2, lang)} – {num(iv.high, 2, lang)} %"))
        q4 = self.q4_interval()
        rows.append((label("fc_q4_implied", lang), f"{num(self.q4, 2, lang)} % ({num(q4.low, 2, lang)} – {num(q4.high, 2, lang)} %)"))
        for t in self.targets:
            rows.append((label("fc_prob", lang).format(x=num(t, 1, lang)), probability(self.prob_at_least(t), lang)))
            rows.append((label("fc_required_q4", lang).format(x=num(t, 1, lang)), f"{num(self.required_q4(t), 2, lang)} %"))
        rows.append((label("fc_q4_weight", lang), num(self.q4_weight, 3, lang)))
        rows.append((label("fc_method", lang), get_method(self.method).label(lang)))
        return pd.DataFrame(rows, columns=[label("fc_item", lang), label("fc_value", lang)])

    def summary(self, *, lang: Lang | None = None) -> str:
        """A few sentences for a report (Vietnamese by default)."""
        lang = self.language(lang)
        text = _NOWCAST_TEXT[lang]
        iv = self.interval()
        lines = [
            text["head"].format(
                year=self.year, point=num(self.point, 2, lang), level=num(100 * self.level, 0, lang), low=num(iv.low, 2, lang),
                high=num(iv.high, 2, lang), g9m=num(self.growth_9m, 2, lang), q4=num(self.q4, 2, lang), w4=num(self.q4_weight, 3, lang),
            )
        ]
        probs = target_probabilities(self.prob_at_least, self.targets, lang)
        if probs:
            lines.append(text["probs"].format(probs=probs))
        as_of = text["as_of"].format(day=self.as_of) if self.as_of is not None else ""
        how = text["how"].format(method=get_method(self.method).label(lang), source=self.source, as_of=as_of)
        if self.borrowed:
            how += text["borrowed"].format(sd=num(self.spread_sd or 0.0, 2, lang))
        lines.append(how)
        return "\n".join(lines)


def nowcast_annual(
    plan_or_growth: Plan | float,
    *,
    history: str | Path | pd.DataFrame | pd.Series | None = None,
    q4_weight: float | None = None,
    level: float = 0.8,
    method: str | None = None,
    borrowed: bool | None = None,
    targets: Sequence[float] | None = None,
    year: int | None = None,
    lang: Lang = "vi",
) -> Nowcast:
    """Forecast the year's growth from the 9-month figure.

    Parameters
    ----------
    plan_or_growth : Plan or float
        A plan (its GRDP row's 9-month growth, its year and its annual target
        ends), or a 9-month growth on the same period of the previous year, %.
    history : path, DataFrame or Series, optional
        Default: the shipped national series, as published by the 9-month
        release of the year (or by the latest release on file, for a year it
        does not reach yet). A province's own quarterly file replaces it —
        format in :func:`grdp.io.history.read_history` (CSV ``period,growth_yoy_pct``,
        periods like ``2023Q1``). The 9-month growth is used as given; the
        file's own Q1–Q3 of the year, when present, feed the models' dynamics.
    q4_weight : float, optional
        Q4's share of the previous year for the unit of the 9-month growth;
        default: for a plan, the province's (:func:`grdp.sectors.quarter_weight.q4_weight`:
        its levels, else its plan's rows), for a bare figure the nation's latest
        (:func:`grdp.sectors.quarter_weight.national_fallback`).
    level : float
        Level of ``.lower``/``.upper`` (0,8).
    method : str, optional
        A name in :data:`~grdp.forecast.methods.METHODS`; default ``"sarimax"``
        where the history holds the year's quarters (at least
        :data:`~grdp.forecast.methods.MIN_QUARTERS`), else ``"mean_gap"``.
    borrowed : bool, optional
        Whether the 9-month growth is another unit's than the history's (a
        province reading the national history): the history's pattern is then
        carried over with :func:`~grdp.forecast.borrowing.borrow` and widened
        by :func:`~grdp.forecast.borrowing.provincial_spread`. Default: ``True``
        for the shipped national history, ``False`` for a user's own.
    targets : sequence of float, optional
        Annual targets for the summary's probabilities (default: the plan's
        annual GRDP target ends; none for a bare growth figure).
    year : int, optional
        The year forecast from the national history (default: the plan's, or
        the latest in the national file).
    lang : {"vi", "en"}

    Returns
    -------
    Nowcast

    Raises
    ------
    MissingFigures
        For a plan without a GRDP row with a 9-month figure.
    ValueError
        For a plan whose part done is not 9 months (the forecasts stand at the
        9-month release).

    Examples
    --------
    >>> from grdp import load_plan
    >>> nc = nowcast_annual(load_plan())
    >>> nc.method, nc.borrowed, nc.year, nc.lower < nc.point < nc.upper
    ('sarimax', True, 2025, True)
    >>> 0 < nc.prob_at_least(10.5) < nc.prob_at_least(10) < 0.5
    True
    """
    lang = check_lang(lang)
    check_level(level)
    if isinstance(plan_or_growth, Plan):
        plan = plan_or_growth
        if plan.months_done != NINE_MONTHS:
            raise ValueError(f"the forecasts stand at the {NINE_MONTHS}-month release; the plan has {plan.months_done} months done")
        figures = plan.growth_figures()
        if figures is None:
            raise MissingFigures([("grdp_growth", "done")])
        growth_9m = figures.done
        if q4_weight is None:
            q4_weight = province_q4_weight(plan).value
        targets = plan.targets if targets is None else targets
        year = plan.year if year is None else year
    else:
        growth_9m = float(plan_or_growth)
    if history is None:
        borrowed = True if borrowed is None else borrowed
        origin = national_origin(year, q4_weight=None if borrowed else q4_weight, growth_9m=growth_9m)
    else:
        borrowed = False if borrowed is None else borrowed
        origin = history_origin(history, growth_9m, q4_weight=None if borrowed else q4_weight)
    if not borrowed:
        origin = _with_growth_9m(origin, growth_9m)
    if method is None:
        method = "sarimax" if METHODS["sarimax"].usable(origin) else "mean_gap"
    m = get_method(method)
    if not m.usable(origin):
        raise ValueError(f"method {m.name!r} needs the year's quarters through Q3 ({MIN_QUARTERS} or more) in the history")
    pred = m.predict(origin)
    w_p = origin.q4_weight if not borrowed else (national_fallback() if q4_weight is None else float(q4_weight))
    spread = provincial_spread() if borrowed else None
    if borrowed:
        pred = borrow(pred, origin, growth_9m, q4_weight=w_p, spread=spread)
    return Nowcast(
        growth_9m=float(growth_9m),
        prediction=pred,
        level=level,
        q4_weight=w_p,
        year=origin.year,
        borrowed=borrowed,
        spread_sd=spread.sd if spread is not None else None,
        source=origin.source,
        as_of=origin.date,
        targets=tuple(float(t) for t in (targets or ())),
        lang=lang,
    )


def _with_growth_9m(origin: Origin, growth_9m: float) -> Origin:
    return replace(origin, growth_9m=float(growth_9m))
