"""Forecasts of Q4 and the year from the 9-month figure, with intervals.

In October the office must say how the year will end. Every method here
answers the same question — the distribution of annual growth given the
9-month figure and what was published by then (an :class:`~grdp.vintages.Origin`)
— through one interface, :class:`Method`:

Baselines
    ``nine_months`` (annual = 9 months), ``mean_gap`` (9 months + the mean gap
    between the first annual and the first 9-month figures of past years),
    ``q4_equals_q3`` (Q4 grows like Q3, through the period identity).
Statistical models (statsmodels; one fit per origin)
    On quarterly growth with its seasonal structure: ``sarimax``
    (SARIMAX(1,0,0)(0,0,1)₄ with a mean per quarter of the year — growth on a
    year earlier rises through the year in Viet Nam's releases, and last year's
    one-off shocks return as base effects, which the lag-4 MA term undoes),
    ``uc`` (random-walk level + stochastic seasonal + irregular) and
    ``sarimax_nq`` (``sarimax`` without the quarter means, kept to show what they
    are worth). On log levels rebuilt from growth: ``airline``
    SARIMA(0,1,1)(0,1,1)₄ and ``ets`` (damped additive trend and season). Each
    forecasts Q4; the year follows from the period identity.

:func:`nowcast_annual` applies one of them to this year's 9-month figure. The
track record and the plan are built on top, in their own modules (their names
stay importable from here):

* :mod:`grdp.backtesting` — the rolling-origin backtest (:func:`backtest`,
  2013–2025): ``sarimax`` and ``uc`` cut the mean absolute error of
  "annual = 9 months" by 60 % with 80 % intervals covering 11 of 13 years; the
  models without quarter means under-forecast by 0,2–0,5 point. The quarter
  means were added after a first run showed that bias.
* :mod:`grdp.outlook` — the 2025 plan: target probabilities and the plan's Q4
  against the national history of Q4 against 9 months (:func:`plan_outlook`).
* :mod:`grdp.forecast_charts` — the fan, backtest and Q4-excess charts.

**The period identity.** With ``w4`` Q4's share of the previous year,
``gY = (1 - w4) g9M + w4 g4`` (:func:`grdp.periods.annual_growth`). The
annual figure is first published with revised Q1–Q3, so a model's annual
forecast is ``(1 - w4)(g9M + r̄) + w4 ĝ4`` with ``r̄`` the mean revision of the
9-month figure by the first annual release
(:func:`grdp.vintages.revisions`, ``horizon="annual_release"``), and its variance
``w4² Var(ĝ4) + (1 - w4)² s_r² (1 + 1/n_r)``: an honest interval includes the
revision error.

**Intervals.** A prediction is ``point + scale · t(df)``. Baselines take their
scale from their own past errors against the first annual figure (``t`` with
``n`` degrees of freedom for a rule, ``n - 1`` for a mean), models from the
state-space forecast variance plus the revision term; parts are combined
with the Welch–Satterthwaite degrees of freedom.

**Borrowing.** A province without its own long series borrows the national
pattern of Q4 relative to the first nine months (:func:`borrow`): its annual
gap is the national one scaled by the ratio of the Q4 weights,
``gY_p = g9M_p + (w4_p / w4_n)(ĝY_n - g9M_n)``, and its interval is widened by
the provinces' dispersion around the national pattern
(:func:`provincial_spread`): ``+ w4_p² σ_p²`` in variance.

``q4_weight`` defaults to the national 0,271 (:data:`DEFAULT_Q4_WEIGHT`); the
2025 plan's own figures (8,01 → 14,2 → 10; 15,8 → 10,5) imply ≈ 0,32 for the
province. A larger weight moves the annual figure further from the 9 months
for the same Q4 and lowers the Q4 needed for a target.
"""

from __future__ import annotations

import html
import importlib
import math
import warnings
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import numpy as np
import pandas as pd

from .datasets import provinces
from .labels import Lang, check_lang, label
from .numbers import format_number
from .periods import QUARTERS_PER_YEAR, Interval, annual_growth, required_growth
from .vintages import NATIONAL_QUARTER_WEIGHTS, Origin, as_of, growth_releases, history_origin, national_origin

if TYPE_CHECKING:
    from .backtest import BACKTEST_FIRST_YEAR, Backtest, backtest
    from .forecast_charts import plot_backtest, plot_fan, plot_q4_excess
    from .outlook import PlanOutlook, plan_outlook, q4_excess_history

__all__ = [
    "DEFAULT_Q4_WEIGHT",
    "LEVELS",
    "MIN_QUARTERS",
    "BACKTEST_FIRST_YEAR",
    "PLAN_2025_GROWTH_9M",
    "PLAN_2025_Q4",
    "PLAN_2025_TARGETS",
    "Prediction",
    "Method",
    "METHODS",
    "get_method",
    "ProvincialSpread",
    "provincial_spread",
    "borrow",
    "Nowcast",
    "nowcast_annual",
    "Backtest",
    "backtest",
    "q4_excess_history",
    "PlanOutlook",
    "plan_outlook",
    "plot_fan",
    "plot_backtest",
    "plot_q4_excess",
]

DEFAULT_Q4_WEIGHT = NATIONAL_QUARTER_WEIGHTS[3]
"""Q4's previous-year weight by default: the national 2013–2024 mean, 0,271."""
LEVELS = (0.8, 0.95)
"""The prediction-interval levels reported."""
MIN_QUARTERS = 11
"""Fewest quarters of growth a statistical model is fitted on: two whole years and Q1–Q3."""
PLAN_2025_GROWTH_9M = 8.01
"""The merged province's 9-month 2025 GRDP growth (seed, Phụ lục 1 row 1, 'Kết quả 9 tháng')."""
PLAN_2025_Q4 = (14.2, 15.8)
"""The plan's Q4 2025 growth target ('14,2-15,8', same row)."""
PLAN_2025_TARGETS = (10.0, 10.5)
"""The plan's annual 2025 growth target ('10-10,5', same row)."""


# --------------------------------------------------------------------------------------------
# Predictive distributions
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prediction:
    """Annual growth as ``point + scale · t(df)`` (``df = inf``: normal), in %.

    Examples
    --------
    >>> p = Prediction("demo", point=8.0, scale=1.0, df=math.inf)
    >>> iv = p.interval(0.8)
    >>> round(iv.low, 3), round(iv.high, 3), round(p.prob_at_least(8.0), 3)
    (6.718, 9.282, 0.5)
    """

    method: str
    point: float
    scale: float
    df: float
    converged: bool = True

    def quantile(self, p: float | np.ndarray) -> float | np.ndarray:
        """The ``p`` quantile(s) of annual growth."""
        from scipy import stats

        return self.point + self.scale * stats.t.ppf(p, self.df)

    def interval(self, level: float = LEVELS[0]) -> Interval:
        """The central prediction interval at ``level``."""
        _check_level(level)
        a = (1 - level) / 2
        return Interval(float(self.quantile(a)), float(self.quantile(1 - a)))

    def prob_at_least(self, x: float) -> float:
        """P(annual growth ≥ ``x``)."""
        from scipy import stats

        if self.scale == 0:
            return float(self.point >= x)
        return float(stats.t.sf((x - self.point) / self.scale, self.df))


def _check_level(level: float) -> None:
    if not 0 < level < 1:
        raise ValueError("level must be in (0, 1), e.g. 0.8")


def _combine(parts: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """Scale and Welch–Satterthwaite df of a sum of independent (variance, df) parts."""
    parts = [(v, d) for v, d in parts if v > 0]
    total = sum(v for v, _ in parts)
    if total == 0:
        return 0.0, math.inf
    denom = sum(v * v / d for v, d in parts if math.isfinite(d))
    return math.sqrt(total), (total * total / denom if denom > 0 else math.inf)


# --------------------------------------------------------------------------------------------
# Methods
# --------------------------------------------------------------------------------------------

MethodKind = Literal["baseline", "model"]


class Method(ABC):
    """A way to forecast annual growth at an origin. Subclasses set ``name`` and ``kind``."""

    name: ClassVar[str]
    kind: ClassVar[MethodKind]
    needs_quarters: ClassVar[bool] = False

    @abstractmethod
    def predict(self, origin: Origin) -> Prediction:
        """The distribution of ``origin.year``'s annual growth (first release)."""

    def usable(self, origin: Origin) -> bool:
        """Whether ``origin`` holds what this method needs."""
        return not self.needs_quarters or (origin.quarters is not None and len(origin.quarters) >= MIN_QUARTERS)

    def label(self, lang: Lang = "vi") -> str:
        return label(f"fc_{self.name}", lang)

    def __repr__(self) -> str:
        return f"<Method {self.name!r} ({self.kind})>"


def _rule_prediction(name: str, point: float, errors: pd.Series) -> Prediction:
    e = errors.dropna().to_numpy(dtype="float64")
    if len(e) < 1:
        raise ValueError(f"{name}: no past year to measure the rule's error on")
    return Prediction(name, float(point), float(np.sqrt(np.mean(e**2))), float(len(e)))


class NineMonths(Method):
    """Annual = 9 months; the scale is the root mean square of past gaps (t with n df)."""

    name = "nine_months"
    kind = "baseline"

    def predict(self, origin: Origin) -> Prediction:
        p = origin.past
        return _rule_prediction(self.name, origin.growth_9m, p["annual"] - p["nine_months"])


class MeanGap(Method):
    """9 months + the mean past gap (first annual − first 9 months); t with n − 1 df."""

    name = "mean_gap"
    kind = "baseline"

    def predict(self, origin: Origin) -> Prediction:
        gap = (origin.past["annual"] - origin.past["nine_months"]).dropna().to_numpy(dtype="float64")
        n = len(gap)
        if n < 2:
            raise ValueError("mean_gap: needs two past years")
        scale = float(gap.std(ddof=1) * math.sqrt(1 + 1 / n))
        return Prediction(self.name, origin.growth_9m + float(gap.mean()), scale, float(n - 1))


class Q4EqualsQ3(Method):
    """Q4 grows like Q3: ``gY = (1 - w4) g9M + w4 g3``; the scale from the rule's past errors."""

    name = "q4_equals_q3"
    kind = "baseline"

    def usable(self, origin: Origin) -> bool:
        return origin.quarters is not None

    def predict(self, origin: Origin) -> Prediction:
        w4 = origin.q4_weight
        if origin.quarters is None:
            raise ValueError("q4_equals_q3: the history lacks this year's Q3")
        q3 = float(origin.quarters.iloc[-1])
        p = origin.past
        errors = p["annual"] - annual_growth(p["nine_months"], p["q3"], rest_weight=w4)
        return _rule_prediction(self.name, annual_growth(origin.growth_9m, q3, rest_weight=w4), errors)


class _Q4Model(Method):
    """A statistical model of quarterly growth: forecast Q4, then the year by the identity."""

    kind = "model"
    needs_quarters = True

    @abstractmethod
    def forecast_q4(self, growth: pd.Series) -> tuple[float, float, bool]:
        """Mean and variance of next quarter's growth, and whether the fit converged."""

    def predict(self, origin: Origin) -> Prediction:
        if not self.usable(origin):
            raise ValueError(f"{self.name}: needs at least {MIN_QUARTERS} quarters through Q3 of {origin.year}")
        mean, var, converged = self.forecast_q4(origin.quarters)  # type: ignore[arg-type]
        w4, rev = origin.q4_weight, origin.revision
        point = annual_growth(origin.growth_9m + rev.mean, mean, rest_weight=w4)
        rev_df = max(rev.n - 1, 1)
        scale, df = _combine([(w4**2 * var, math.inf), ((1 - w4) ** 2 * rev.sd**2 * (1 + 1 / max(rev.n, 1)), rev_df)])
        return Prediction(self.name, float(point), scale, df, converged)


def _log_levels(growth: pd.Series) -> pd.Series:
    """100 × log level, chained from growth on the same quarter of the previous year.

    The year before the first is set to 0 in every quarter: the unknown seasonal
    pattern of that base year is a fixed quarterly offset, which a seasonal
    component or a seasonal difference absorbs.
    """
    x = 100 * np.log1p(growth.to_numpy(dtype="float64") / 100)
    levels = np.zeros(len(x) + 4)
    for i, xi in enumerate(x):
        levels[i + 4] = levels[i] + xi
    index = pd.period_range(growth.index[0] - 4, growth.index[-1], freq="Q")
    return pd.Series(levels, index=index, name="log_level")


def _q4_from_level(levels: pd.Series, mean: float, var: float) -> tuple[float, float]:
    """Growth (and its variance, delta method) of the forecast quarter on the same quarter a year before."""
    base = float(levels.iloc[-4])
    g = 100 * math.expm1((mean - base) / 100)
    return g, var * (1 + g / 100) ** 2


FIT_MAXITER = 200
"""Optimizer iterations per fit (statsmodels' default of 50 stops short on these short series)."""


def _fit(model, **kwargs):  # noqa: ANN001, ANN202 - statsmodels objects
    """Fit quietly; report convergence instead of printing warnings into a notebook."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = model.fit(disp=False, maxiter=FIT_MAXITER, **kwargs)
    converged = bool(res.mle_retvals.get("converged", True)) if isinstance(res.mle_retvals, dict) else True
    converged = converged and not any("Converg" in type(w.message).__name__ for w in caught)
    return res, converged


def _next_quarter(res, **kwargs) -> tuple[float, float]:  # noqa: ANN001 - a statsmodels state-space result
    """Mean and variance of a fitted state-space model's forecast one quarter ahead."""
    f = res.get_forecast(1, **kwargs)
    return float(f.predicted_mean.iloc[0]), float(f.var_pred_mean.iloc[0])


def _quarter_effects(index: pd.PeriodIndex) -> pd.DataFrame:
    """One indicator column per quarter of the year (the quarter-of-year means of growth)."""
    return pd.DataFrame({f"q{q}": (index.quarter == q).astype("float64") for q in range(1, QUARTERS_PER_YEAR + 1)}, index=index)


class Sarimax(_Q4Model):
    """SARIMAX(1,0,0)(0,0,1)₄ on quarterly growth (%), with a mean for each quarter of the year.

    Growth on the same quarter of the previous year rises through the year in
    Viet Nam's releases (Q1 lowest, Q4 highest in 2011–2019): the quarter means
    carry that pattern, the AR term the momentum, the lag-4 MA term last year's
    one-off shocks (2021 Q3) that return as base effects. On the national series
    its estimate sits at or near −1 (a shock to one quarter's level comes back a
    year later with the opposite sign); forecasts stay well defined.
    """

    name = "sarimax"

    def forecast_q4(self, growth: pd.Series) -> tuple[float, float, bool]:
        from statsmodels.tsa.statespace.sarimax import SARIMAX

        nxt = pd.period_range(growth.index[-1] + 1, periods=1, freq="Q")
        model = SARIMAX(growth, exog=_quarter_effects(growth.index), order=(1, 0, 0), seasonal_order=(0, 0, 1, 4))
        res, ok = _fit(model)
        return (*_next_quarter(res, exog=_quarter_effects(nxt)), ok)


class SarimaxNoQuarters(_Q4Model):
    """As ``sarimax`` with one constant instead of quarter means (shows what the quarter pattern is worth)."""

    name = "sarimax_nq"

    def forecast_q4(self, growth: pd.Series) -> tuple[float, float, bool]:
        from statsmodels.tsa.statespace.sarimax import SARIMAX

        res, ok = _fit(SARIMAX(growth, order=(1, 0, 0), seasonal_order=(0, 0, 1, 4), trend="c"))
        return (*_next_quarter(res), ok)


class UnobservedComponentsMethod(_Q4Model):
    """Unobserved components on quarterly growth: random-walk level + stochastic seasonal (4) + irregular."""

    name = "uc"

    def forecast_q4(self, growth: pd.Series) -> tuple[float, float, bool]:
        from statsmodels.tsa.statespace.structural import UnobservedComponents

        res, ok = _fit(UnobservedComponents(growth, level="local level", seasonal=4, stochastic_seasonal=True))
        return (*_next_quarter(res), ok)


class Airline(_Q4Model):
    """SARIMA(0,1,1)(0,1,1)₄ — the airline model — on log levels rebuilt from growth."""

    name = "airline"

    def forecast_q4(self, growth: pd.Series) -> tuple[float, float, bool]:
        from statsmodels.tsa.statespace.sarimax import SARIMAX

        levels = _log_levels(growth)
        res, ok = _fit(SARIMAX(levels, order=(0, 1, 1), seasonal_order=(0, 1, 1, 4)))
        return (*_q4_from_level(levels, *_next_quarter(res)), ok)


class Ets(_Q4Model):
    """ETS(A, Ad, A) — additive error, damped additive trend, additive season — on log levels."""

    name = "ets"

    def forecast_q4(self, growth: pd.Series) -> tuple[float, float, bool]:
        from statsmodels.tsa.exponential_smoothing.ets import ETSModel

        levels = _log_levels(growth)
        model = ETSModel(levels, error="add", trend="add", damped_trend=True, seasonal="add", seasonal_periods=4)
        res, ok = _fit(model)
        f = res.get_prediction(start=len(levels), end=len(levels))
        return (*_q4_from_level(levels, float(f.predicted_mean.iloc[0]), float(np.asarray(f.forecast_variance)[0])), ok)


METHODS: dict[str, Method] = {
    m.name: m
    for m in (NineMonths(), MeanGap(), Q4EqualsQ3(), Sarimax(), UnobservedComponentsMethod(), SarimaxNoQuarters(), Airline(), Ets())
}
"""Every method by name, baselines first."""


def get_method(name: str | Method) -> Method:
    """The method called ``name`` (validated with the package's one error shape)."""
    if isinstance(name, Method):
        return name
    if name not in METHODS:
        raise ValueError(f"method must be one of: {', '.join(repr(m) for m in METHODS)}")
    return METHODS[name]


# --------------------------------------------------------------------------------------------
# Borrowing the national pattern for a province
# --------------------------------------------------------------------------------------------

_PROVINCES = ("Hung Yen (old, pre-2025-07-01)", "Thai Binh (pre-2025-07-01)")


def _province_name(province: str, lang: Lang) -> str:
    """The display name of a province in the provincial file."""
    key = {_PROVINCES[0]: "fc_prov_hungyen_old", _PROVINCES[1]: "fc_prov_thaibinh"}.get(province)
    return label(key, lang) if key else province


def _ytd(values: Sequence[float], weights: Sequence[float]) -> float:
    """Year-to-date growth of the first ``len(values)`` quarters (:func:`grdp.periods.ytd_growth`)."""
    from .periods import ytd_growth

    idx = pd.period_range("2000Q1", periods=len(values), freq="Q")
    ytd = ytd_growth(pd.Series(list(values), index=idx), pd.Series(list(weights[: len(values)]), index=idx))
    return float(ytd.iloc[-1])


def _first_releases() -> pd.DataFrame:
    """Every national figure in its first release (:func:`grdp.vintages.as_of`, all published)."""
    r = growth_releases()
    return as_of(r["published"].max(), vintage="first", releases=r)


@dataclass(frozen=True)
class ProvincialSpread:
    """How far provinces' rest-of-year growth strayed from the nation's, relative to the part done.

    ``pairs`` has one row per province and year with a published part-year
    figure (9 months, or else the first half) and a published annual figure:
    ``deviation = [(gY_p - g_done_p) - (gY_n - g_done_n)] / w_rest`` — the
    province's rest of the year minus its part done, less the same for the
    nation, in points of growth of the rest (``w_rest``: 0,271 for Q4, 0,524
    for the second half). ``sd`` is their root mean square (the national
    pattern is borrowed as is, so deviations are measured from zero) with
    ``df = n``. Half-year pairs stand in for Q4-vs-9-months pairs: there are
    too few of the latter.
    """

    pairs: pd.DataFrame

    @property
    def sd(self) -> float:
        return float(np.sqrt(np.mean(self.pairs["deviation"].to_numpy(dtype="float64") ** 2)))

    @property
    def df(self) -> float:
        return float(len(self.pairs))

    def table(self, lang: Lang = "vi") -> pd.DataFrame:
        """The pairs, formatted for a report."""
        lang = check_lang(lang)
        p = self.pairs
        return pd.DataFrame(
            {
                label("fc_province", lang): [_province_name(x, lang) for x in p["province"]],
                label("fc_year", lang): p["year"].astype(str),
                label("fc_split", lang): [label("fc_period_9m", lang) if x == "9M" else label("fc_period_h1", lang) for x in p["split"]],
                label("fc_done", lang): [_num(x, lang) for x in p["done"]],
                label("fc_annual", lang): [_num(x, lang) for x in p["annual"]],
                label("fc_national_done", lang): [_num(x, lang) for x in p["national_done"]],
                label("fc_national_annual", lang): [_num(x, lang) for x in p["national_annual"]],
                label("fc_deviation", lang): [_num(x, lang) for x in p["deviation"]],
            }
        )


def provincial_spread() -> ProvincialSpread:
    """The provinces' dispersion around the national Q4 pattern, from the shipped provincial figures.

    Hưng Yên (old) and Thái Bình, before the 2025 merger: every year with an
    exact annual growth figure and a 9-month figure (printed, or from the
    quarters through the period identity) or else a half-year figure.

    Examples
    --------
    >>> s = provincial_spread()
    >>> s.pairs[["province", "year", "split"]].to_records(index=False).tolist()[:2]
    [('Hung Yen (old, pre-2025-07-01)', 2018, 'H1'), ('Hung Yen (old, pre-2025-07-01)', 2023, '9M')]
    """
    from .vintages import published_on

    p = provinces()
    g = p[(p["sector"] == "total") & (p["measure"] == "growth_yoy_pct") & (p["bound"] == "exact") & p["province"].isin(_PROVINCES)]
    g = g.assign(published=[published_on(d) for d in g["release_date"]]).sort_values(["published"], kind="stable")
    nat = _first_releases()
    w = NATIONAL_QUARTER_WEIGHTS
    rows = []
    for (prov, year), rows_py in g.groupby(["province", "year"], sort=True):
        by = {period: r for period, r in rows_py.groupby("period")}
        if "Y" not in by or year not in nat.index:
            continue
        annual = by["Y"].iloc[0]
        if "9M" in by:
            split, done, src = "9M", float(by["9M"]["low"].iloc[0]), by["9M"]["source_url"].iloc[0]
        elif all(q in by for q in ("Q1", "Q2", "Q3")):
            split = "9M"
            done = _ytd([float(by[q]["low"].iloc[0]) for q in ("Q1", "Q2", "Q3")], w)
            src = by["Q1"]["source_url"].iloc[0]
        elif "H1" in by:
            split, done, src = "H1", float(by["H1"]["low"].iloc[0]), by["H1"]["source_url"].iloc[0]
        else:
            continue
        n_row = nat.loc[year]
        if split == "9M":
            n_done, w_rest = float(n_row["9M"]), w[3]
        else:
            n_done = float(n_row["H1"]) if not np.isnan(n_row["H1"]) else _ytd([n_row["Q1"], n_row["Q2"]], w)
            w_rest = w[2] + w[3]
        n_annual = float(n_row["Y"])
        dev = ((float(annual["low"]) - done) - (n_annual - n_done)) / w_rest
        rows.append(
            {
                "province": prov,
                "year": int(year),
                "split": split,
                "done": round(done, 4),
                "annual": float(annual["low"]),
                "national_done": round(n_done, 4),
                "national_annual": n_annual,
                "rest_weight": w_rest,
                "deviation": dev,
                "source_done": src,
                "source_annual": annual["source_url"],
            }
        )
    pairs = pd.DataFrame(rows).sort_values(["year", "province"], kind="stable").reset_index(drop=True)
    return ProvincialSpread(pairs)


def borrow(
    prediction: Prediction,
    origin: Origin,
    growth_9m: float,
    *,
    q4_weight: float | None = None,
    spread: ProvincialSpread | None = None,
) -> Prediction:
    """Carry a national annual prediction over to a province's 9-month figure.

    ``point_p = g9M_p + (w4_p / w4_n)(point_n - g9M_n)``; variance
    ``(w4_p / w4_n)² scale_n² + w4_p² σ_p²`` (σ_p from ``spread``; none when
    ``spread`` is ``None``), degrees of freedom by Welch–Satterthwaite.

    Examples
    --------
    >>> from grdp.vintages import national_origin
    >>> o = national_origin(2025)                      # national 9 months: 7,85 %
    >>> nat = Prediction("demo", point=8.15, scale=0.3, df=math.inf)
    >>> round(borrow(nat, o, 8.01).point, 2)           # 8,01 + 0,30
    8.31
    """
    w_p = DEFAULT_Q4_WEIGHT if q4_weight is None else float(q4_weight)
    ratio = w_p / origin.q4_weight
    point = growth_9m + ratio * (prediction.point - origin.growth_9m)
    parts = [((ratio * prediction.scale) ** 2, prediction.df)]
    if spread is not None:
        parts.append(((w_p * spread.sd) ** 2, spread.df))
    scale, df = _combine(parts)
    return Prediction(prediction.method, float(point), scale, df, prediction.converged)


# --------------------------------------------------------------------------------------------
# How forecasts read in a report (shared by grdp.backtesting and grdp.outlook)
# --------------------------------------------------------------------------------------------


def _num(x: float, lang: Lang, precision: int = 2) -> str:
    """A growth rate or a number of points, in the report's style (no unit)."""
    return format_number(x, precision=precision, style=lang)


def _signed(x: float, lang: Lang, precision: int = 2) -> str:
    return ("+" if x > 0 else "") + _num(x, lang, precision)


def _share(x: float, lang: Lang) -> str:
    """A share of years (0–1) as a whole percentage."""
    return f"{_num(100 * x, lang, 0)} %"


def _prob(p: float, lang: Lang) -> str:
    if 0 < p < 0.0005:
        return f"< {_num(0.1, lang, 1)} %"
    return f"{_num(100 * p, lang, 1)} %"


def _target_probs(prob_at_least: Callable[[float], float], targets: Iterable[float], lang: Lang) -> str:
    """``≥ 10,0 %: 3,4 %; ≥ 10,5 %: 1,2 %`` — the probability of reaching each target."""
    return "; ".join(f"≥ {_num(t, lang, 1)} %: {_prob(prob_at_least(t), lang)}" for t in targets)


class _Reported:
    """A result shown as its :meth:`summary` (``repr``) and, in a notebook, summary and :meth:`table`.

    Dataclasses using it pass ``repr=False`` so that this ``__repr__`` stands.
    """

    def summary(self, lang: Lang | None = None) -> str:
        raise NotImplementedError

    def table(self, lang: Lang | None = None) -> pd.DataFrame:
        raise NotImplementedError

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.summary()).replace(chr(10), '<br>')}</p>" + self.table().to_html(index=False)


# --------------------------------------------------------------------------------------------
# The nowcast
# --------------------------------------------------------------------------------------------

_NOWCAST_TEXT: dict[str, dict[str, str]] = {
    "vi": {
        "head": "Dự báo tăng trưởng cả năm {year}: {point} % (khoảng dự báo {level} %: {low} – {high} %), "
        "từ mức 9 tháng {g9m} %; quý IV ngụ ý {q4} % (trọng số quý IV {w4}).",
        "probs": "Xác suất đạt mục tiêu — {probs}.",
        "as_of": ", bản công bố lần đầu đến ngày {day:%d/%m/%Y}",
        "how": "Phương pháp: {method}; số liệu: {source}{as_of}.",
        "borrowed": " Mượn mẫu hình quý IV so với 9 tháng của cả nước; khoảng dự báo cộng thêm độ phân tán giữa "
        "các tỉnh ({sd} điểm % tăng trưởng quý IV).",
    },
    "en": {
        "head": "Annual growth {year}: {point} % ({level} % interval {low} – {high} %), "
        "from 9 months at {g9m} %; implied Q4 {q4} % (Q4 weight {w4}).",
        "probs": "Probability of reaching — {probs}.",
        "as_of": ", first releases published by {day:%Y-%m-%d}",
        "how": "Method: {method}; data: {source}{as_of}.",
        "borrowed": " The national pattern of Q4 against 9 months is borrowed; the interval adds the provinces' "
        "dispersion around it ({sd} points of Q4 growth).",
    },
}


@dataclass(frozen=True, repr=False)
class Nowcast(_Reported):
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
        The provinces' dispersion (points of Q4 growth) added when borrowing.
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
    targets: tuple[float, ...] = PLAN_2025_TARGETS
    lang: Lang = "vi"

    @property
    def method(self) -> str:
        return self.prediction.method

    @property
    def point(self) -> float:
        return self.prediction.point

    @property
    def lower(self) -> float:
        return self.interval().low

    @property
    def upper(self) -> float:
        return self.interval().high

    def interval(self, level: float | None = None) -> Interval:
        """The central prediction interval (default: at :attr:`level`)."""
        return self.prediction.interval(self.level if level is None else level)

    def prob_at_least(self, x: float) -> float:
        """P(annual growth ≥ ``x``)."""
        return self.prediction.prob_at_least(x)

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

    def table(self, lang: Lang | None = None) -> pd.DataFrame:
        """Point, intervals, implied Q4 and target probabilities, formatted for a report."""
        lang = check_lang(lang or self.lang)
        rows = [(label("fc_point", lang), f"{_num(self.point, lang)} %")]
        for lv in sorted({self.level, *LEVELS}):
            iv = self.interval(lv)
            rows.append((label("fc_interval", lang).format(p=_num(100 * lv, lang, 0)), f"{_num(iv.low, lang)} – {_num(iv.high, lang)} %"))
        q4 = self.q4_interval()
        rows.append((label("fc_q4_implied", lang), f"{_num(self.q4, lang)} % ({_num(q4.low, lang)} – {_num(q4.high, lang)} %)"))
        for t in self.targets:
            rows.append((label("fc_prob", lang).format(x=_num(t, lang, 1)), _prob(self.prob_at_least(t), lang)))
            rows.append((label("fc_required_q4", lang).format(x=_num(t, lang, 1)), f"{_num(self.required_q4(t), lang)} %"))
        rows.append((label("fc_q4_weight", lang), _num(self.q4_weight, lang, 3)))
        rows.append((label("fc_method", lang), get_method(self.method).label(lang)))
        return pd.DataFrame(rows, columns=[label("fc_item", lang), label("fc_value", lang)])

    def summary(self, lang: Lang | None = None) -> str:
        """A few sentences for a report (Vietnamese by default)."""
        lang = check_lang(lang or self.lang)
        text = _NOWCAST_TEXT[lang]
        iv = self.interval()
        lines = [
            text["head"].format(
                year=self.year, point=_num(self.point, lang), level=_num(100 * self.level, lang, 0), low=_num(iv.low, lang),
                high=_num(iv.high, lang), g9m=_num(self.growth_9m, lang), q4=_num(self.q4, lang), w4=_num(self.q4_weight, lang, 3),
            )
        ]
        probs = _target_probs(self.prob_at_least, self.targets, lang)
        if probs:
            lines.append(text["probs"].format(probs=probs))
        as_of = text["as_of"].format(day=self.as_of) if self.as_of is not None else ""
        how = text["how"].format(method=get_method(self.method).label(lang), source=self.source, as_of=as_of)
        if self.borrowed:
            how += text["borrowed"].format(sd=_num(self.spread_sd or 0.0, lang))
        lines.append(how)
        return "\n".join(lines)


def nowcast_annual(
    growth_9m: float,
    *,
    history: str | Path | pd.DataFrame | pd.Series | None = None,
    q4_weight: float | None = None,
    level: float = 0.8,
    method: str | None = None,
    borrowed: bool | None = None,
    targets: Sequence[float] = PLAN_2025_TARGETS,
    lang: Lang = "vi",
) -> Nowcast:
    """Forecast the year's growth from the 9-month figure.

    Parameters
    ----------
    growth_9m : float
        9-month growth on the same period of the previous year, %.
    history : path, DataFrame or Series, optional
        Default: the shipped national series, as published by its latest
        9-month release. A province's own quarterly file replaces it — format
        in :func:`grdp.vintages.read_history` (CSV ``period,growth_yoy_pct``,
        periods like ``2023Q1``). ``growth_9m`` is used as given; the file's
        own Q1–Q3 of the year, when present, feed the models' dynamics.
    q4_weight : float, optional
        Q4's share of the previous year for the unit of ``growth_9m``; default
        :data:`DEFAULT_Q4_WEIGHT` (national, 0,271). The 2025 plan implies ≈ 0,32.
    level : float
        Level of ``.lower``/``.upper`` (0,8).
    method : str, optional
        A name in :data:`METHODS`; default ``"sarimax"`` where the history holds
        the year's quarters (at least :data:`MIN_QUARTERS`), else ``"mean_gap"``.
    borrowed : bool, optional
        Whether ``growth_9m`` is another unit's than the history's (a province
        reading the national history): the history's pattern is then carried
        over with :func:`borrow` and widened by :func:`provincial_spread`.
        Default: ``True`` for the shipped national history, ``False`` for a
        user's own.
    targets : sequence of float
        Annual targets for the summary's probabilities (default: the 2025 plan's
        10 and 10,5).
    lang : {"vi", "en"}

    Returns
    -------
    Nowcast

    Examples
    --------
    >>> nc = nowcast_annual(8.01)
    >>> nc.method, nc.borrowed, nc.lower < nc.point < nc.upper
    ('sarimax', True, True)
    >>> 0 < nc.prob_at_least(10.5) < nc.prob_at_least(10) < 0.5
    True
    """
    lang = check_lang(lang)
    _check_level(level)
    if history is None:
        borrowed = True if borrowed is None else borrowed
        origin = national_origin(q4_weight=None if borrowed else q4_weight)
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
    w_p = origin.q4_weight if not borrowed else (DEFAULT_Q4_WEIGHT if q4_weight is None else float(q4_weight))
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
        targets=tuple(float(t) for t in targets),
        lang=lang,
    )


def _with_growth_9m(origin: Origin, growth_9m: float) -> Origin:
    return replace(origin, growth_9m=float(growth_9m))


# --------------------------------------------------------------------------------------------
# Names that moved to their own modules, still importable from here
# --------------------------------------------------------------------------------------------

# grdp.backtesting, grdp.outlook and grdp.forecast_charts build on this module, so importing them
# here at load time would be circular: they are loaded on first use (PEP 562), e.g. by
# ``from grdp.forecast import backtest`` or ``grdp.forecast.plot_fan``.
_MOVED: dict[str, str] = {
    "BACKTEST_FIRST_YEAR": "backtesting",
    "Backtest": "backtesting",
    "backtest": "backtesting",
    "q4_excess_history": "outlook",
    "PlanOutlook": "outlook",
    "plan_outlook": "outlook",
    "plot_fan": "forecast_charts",
    "plot_backtest": "forecast_charts",
    "plot_q4_excess": "forecast_charts",
}


def __getattr__(name: str) -> Any:  # noqa: ANN401 - whatever the moved name is
    module = _MOVED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__package__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MOVED})
