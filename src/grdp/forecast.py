"""Forecasts of Q4 and the year from the 9-month figure, with intervals and a track record.

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

The backtest (:func:`backtest`, 2013–2025): ``sarimax`` and ``uc`` cut the mean
absolute error of "annual = 9 months" by 60 % with 80 % intervals covering
11 of 13 years; the models without quarter means under-forecast by 0,2–0,5
point. The quarter means were added after a first run showed that bias.

**The period identity.** With ``w4`` Q4's share of the previous year,
``gY = (1 - w4) g9M + w4 g4`` (:func:`grdp.periods.annual_growth`). The
annual figure is first published with revised Q1–Q3, so a model's annual
forecast is ``(1 - w4)(g9M + r̄) + w4 ĝ4`` with ``r̄`` the mean revision of the
9-month figure by the annual release, and its variance
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
import math
import warnings
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

import numpy as np
import pandas as pd

from .datasets import provinces
from .labels import Lang, check_lang, label
from .numbers import format_number
from .periods import QUARTERS_PER_YEAR, Interval, annual_growth, implied_weight, required_growth
from .vintages import (
    NATIONAL_QUARTER_WEIGHTS,
    Origin,
    Vintage,
    as_of,
    check_vintage,
    growth_releases,
    history_origin,
    latest_nine_month_year,
    national_origin,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

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
BACKTEST_FIRST_YEAR = 2013
"""First backtest origin: 2011–2012 give the baselines their first two past years."""
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
        f = res.get_forecast(1, exog=_quarter_effects(nxt))
        return float(f.predicted_mean.iloc[0]), float(f.var_pred_mean.iloc[0]), ok


class SarimaxNoQuarters(_Q4Model):
    """As ``sarimax`` with one constant instead of quarter means (shows what the quarter pattern is worth)."""

    name = "sarimax_nq"

    def forecast_q4(self, growth: pd.Series) -> tuple[float, float, bool]:
        from statsmodels.tsa.statespace.sarimax import SARIMAX

        res, ok = _fit(SARIMAX(growth, order=(1, 0, 0), seasonal_order=(0, 0, 1, 4), trend="c"))
        f = res.get_forecast(1)
        return float(f.predicted_mean.iloc[0]), float(f.var_pred_mean.iloc[0]), ok


class UnobservedComponentsMethod(_Q4Model):
    """Unobserved components on quarterly growth: random-walk level + stochastic seasonal (4) + irregular."""

    name = "uc"

    def forecast_q4(self, growth: pd.Series) -> tuple[float, float, bool]:
        from statsmodels.tsa.statespace.structural import UnobservedComponents

        res, ok = _fit(UnobservedComponents(growth, level="local level", seasonal=4, stochastic_seasonal=True))
        f = res.get_forecast(1)
        return float(f.predicted_mean.iloc[0]), float(f.var_pred_mean.iloc[0]), ok


class Airline(_Q4Model):
    """SARIMA(0,1,1)(0,1,1)₄ — the airline model — on log levels rebuilt from growth."""

    name = "airline"

    def forecast_q4(self, growth: pd.Series) -> tuple[float, float, bool]:
        from statsmodels.tsa.statespace.sarimax import SARIMAX

        levels = _log_levels(growth)
        res, ok = _fit(SARIMAX(levels, order=(0, 1, 1), seasonal_order=(0, 1, 1, 4)))
        f = res.get_forecast(1)
        g, v = _q4_from_level(levels, float(f.predicted_mean.iloc[0]), float(f.var_pred_mean.iloc[0]))
        return g, v, ok


class Ets(_Q4Model):
    """ETS(A, Ad, A) — additive error, damped additive trend, additive season — on log levels."""

    name = "ets"

    def forecast_q4(self, growth: pd.Series) -> tuple[float, float, bool]:
        from statsmodels.tsa.exponential_smoothing.ets import ETSModel

        levels = _log_levels(growth)
        model = ETSModel(levels, error="add", trend="add", damped_trend=True, seasonal="add", seasonal_periods=4)
        res, ok = _fit(model)
        f = res.get_prediction(start=len(levels), end=len(levels))
        g, v = _q4_from_level(levels, float(f.predicted_mean.iloc[0]), float(np.asarray(f.forecast_variance)[0]))
        return g, v, ok


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
        num = lambda x: format_number(x, precision=2, style=lang)  # noqa: E731
        return pd.DataFrame(
            {
                label("fc_province", lang): [_province_name(x, lang) for x in p["province"]],
                label("fc_year", lang): p["year"].astype(str),
                label("fc_split", lang): [label("fc_period_9m", lang) if x == "9M" else label("fc_period_h1", lang) for x in p["split"]],
                label("fc_done", lang): [num(x) for x in p["done"]],
                label("fc_annual", lang): [num(x) for x in p["annual"]],
                label("fc_national_done", lang): [num(x) for x in p["national_done"]],
                label("fc_national_annual", lang): [num(x) for x in p["national_annual"]],
                label("fc_deviation", lang): [num(x) for x in p["deviation"]],
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
# The nowcast
# --------------------------------------------------------------------------------------------


def _pct(x: float, lang: Lang, precision: int = 2) -> str:
    return format_number(x, precision=precision, style=lang)


def _signed(x: float, lang: Lang, precision: int = 2) -> str:
    return ("+" if x > 0 else "") + format_number(x, precision=precision, style=lang)


def _prob(p: float, lang: Lang) -> str:
    if 0 < p < 0.0005:
        return f"< {format_number(0.1, precision=1, style=lang)} %"
    return f"{format_number(100 * p, precision=1, style=lang)} %"


@dataclass(frozen=True)
class Nowcast:
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
        return float(required_growth(self.growth_9m, self.point, rest_weight=self.q4_weight))

    def q4_interval(self, level: float | None = None) -> Interval:
        iv = self.interval(level)
        f = lambda y: float(required_growth(self.growth_9m, y, rest_weight=self.q4_weight))  # noqa: E731
        return Interval(f(iv.low), f(iv.high))

    def required_q4(self, target: float) -> float:
        """The Q4 growth that would bring the year to ``target``."""
        return float(required_growth(self.growth_9m, target, rest_weight=self.q4_weight))

    def table(self, lang: Lang | None = None) -> pd.DataFrame:
        """Point, intervals, implied Q4 and target probabilities, formatted for a report."""
        lang = check_lang(lang or self.lang)
        rows = [(label("fc_point", lang), f"{_pct(self.point, lang)} %")]
        for lv in sorted({self.level, *LEVELS}):
            iv = self.interval(lv)
            rows.append((label("fc_interval", lang).format(p=format_number(100 * lv, precision=0, style=lang)), f"{_pct(iv.low, lang)} – {_pct(iv.high, lang)} %"))
        q4 = self.q4_interval()
        rows.append((label("fc_q4_implied", lang), f"{_pct(self.q4, lang)} % ({_pct(q4.low, lang)} – {_pct(q4.high, lang)} %)"))
        for t in self.targets:
            rows.append((label("fc_prob", lang).format(x=_pct(t, lang, 1)), _prob(self.prob_at_least(t), lang)))
            rows.append((label("fc_required_q4", lang).format(x=_pct(t, lang, 1)), f"{_pct(self.required_q4(t), lang)} %"))
        rows.append((label("fc_q4_weight", lang), format_number(self.q4_weight, precision=3, style=lang)))
        rows.append((label("fc_method", lang), get_method(self.method).label(lang)))
        return pd.DataFrame(rows, columns=[label("fc_item", lang), label("fc_value", lang)])

    def summary(self, lang: Lang | None = None) -> str:
        """A few sentences for a report (Vietnamese by default)."""
        lang = check_lang(lang or self.lang)
        iv = self.interval()
        p = format_number(100 * self.level, precision=0, style=lang)
        probs = "; ".join(f"≥ {_pct(t, lang, 1)} %: {_prob(self.prob_at_least(t), lang)}" for t in self.targets)
        m = get_method(self.method).label(lang)
        w = format_number(self.q4_weight, precision=3, style=lang)
        if lang == "vi":
            lines = [
                f"Dự báo tăng trưởng cả năm {self.year}: {_pct(self.point, lang)} % (khoảng dự báo {p} %: "
                f"{_pct(iv.low, lang)} – {_pct(iv.high, lang)} %), từ mức 9 tháng {_pct(self.growth_9m, lang)} %; "
                f"quý IV ngụ ý {_pct(self.q4, lang)} % (trọng số quý IV {w}).",
            ]
            if probs:
                lines.append(f"Xác suất đạt mục tiêu — {probs}.")
            when = f", bản công bố lần đầu đến ngày {self.as_of:%d/%m/%Y}" if self.as_of is not None else ""
            how = f"Phương pháp: {m}; số liệu: {self.source}{when}."
            if self.borrowed:
                how += (" Mượn mẫu hình quý IV so với 9 tháng của cả nước; khoảng dự báo cộng thêm độ phân tán giữa "
                        f"các tỉnh ({_pct(self.spread_sd or 0.0, lang)} điểm % tăng trưởng quý IV).")
        else:
            lines = [
                f"Annual growth {self.year}: {_pct(self.point, lang)} % ({p} % interval "
                f"{_pct(iv.low, lang)} – {_pct(iv.high, lang)} %), from 9 months at {_pct(self.growth_9m, lang)} %; "
                f"implied Q4 {_pct(self.q4, lang)} % (Q4 weight {w}).",
            ]
            if probs:
                lines.append(f"Probability of reaching — {probs}.")
            when = f", first releases published by {self.as_of:%Y-%m-%d}" if self.as_of is not None else ""
            how = f"Method: {m}; data: {self.source}{when}."
            if self.borrowed:
                how += (" The national pattern of Q4 against 9 months is borrowed; the interval adds the provinces' "
                        f"dispersion around it ({_pct(self.spread_sd or 0.0, lang)} points of Q4 growth).")
        lines.append(how)
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.summary()).replace(chr(10), '<br>')}</p>" + self.table().to_html(index=False)


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
    from dataclasses import replace

    return replace(origin, growth_9m=float(growth_9m))


# --------------------------------------------------------------------------------------------
# Rolling-origin backtest
# --------------------------------------------------------------------------------------------


def _first_annual(year: int, releases: pd.DataFrame) -> float | None:
    rows = releases[(releases["year"] == year) & (releases["period"] == "Y")]
    return float(rows["value"].iloc[0]) if len(rows) else None


@dataclass(frozen=True)
class Backtest:
    """Forecasts made at each year's 9-month release, against the first published annual figure.

    ``forecasts`` has one row per year and method: ``year``, ``method``,
    ``kind``, ``growth_9m``, ``point``, ``lower_80``, ``upper_80``,
    ``lower_95``, ``upper_95``, ``published`` (first annual release),
    ``error`` (point − published), ``covered_80``, ``covered_95``,
    ``converged``.
    """

    forecasts: pd.DataFrame
    vintage: Vintage
    q4_weight: float
    lang: Lang = "vi"

    @property
    def years(self) -> list[int]:
        return sorted(self.forecasts["year"].unique().tolist())

    def scores(self) -> pd.DataFrame:
        """Per method: years, MAE, bias, RMSE, 80 %/95 % coverage and MAE relative to 'annual = 9 months'."""
        f = self.forecasts
        rows = []
        for name in [m for m in METHODS if m in set(f["method"])]:
            g = f[f["method"] == name]
            e = g["error"].to_numpy(dtype="float64")
            rows.append(
                {
                    "method": name,
                    "kind": METHODS[name].kind,
                    "n": len(e),
                    "mae": float(np.mean(np.abs(e))),
                    "bias": float(np.mean(e)),
                    "rmse": float(np.sqrt(np.mean(e**2))),
                    "coverage_80": float(g["covered_80"].mean()),
                    "coverage_95": float(g["covered_95"].mean()),
                }
            )
        s = pd.DataFrame(rows).set_index("method")
        if "nine_months" in s.index:
            s["mae_ratio"] = s["mae"] / s.loc["nine_months", "mae"]
        return s

    def table(self, lang: Lang | None = None) -> pd.DataFrame:
        """:meth:`scores` formatted for a report (decimal comma in Vietnamese)."""
        lang = check_lang(lang or self.lang)
        s = self.scores()
        pct = lambda x: f"{format_number(100 * x, precision=0, style=lang)} %"  # noqa: E731
        num = lambda x: format_number(x, precision=2, style=lang)  # noqa: E731
        out = pd.DataFrame(
            {
                label("fc_method", lang): [METHODS[m].label(lang) for m in s.index],
                label("fc_kind", lang): [label(f"fc_{k}", lang) for k in s["kind"]],
                label("fc_years", lang): s["n"].to_numpy(),
                label("fc_mae", lang): [num(x) for x in s["mae"]],
                label("fc_bias", lang): [num(x) for x in s["bias"]],
                label("fc_rmse", lang): [num(x) for x in s["rmse"]],
                label("fc_coverage_80", lang): [pct(x) for x in s["coverage_80"]],
                label("fc_coverage_95", lang): [pct(x) for x in s["coverage_95"]],
            }
        )
        if "mae_ratio" in s:
            out[label("fc_mae_ratio", lang)] = [
                f"{_signed(100 * (x - 1), lang, 0)} %" if m != "nine_months" else "–" for m, x in zip(s.index, s["mae_ratio"], strict=True)
            ]
        return out

    def by_year(self, methods: Sequence[str] | None = None, *, lang: Lang | None = None) -> pd.DataFrame:
        """Year by year: the 9 months, the first annual release and each method's forecast (formatted)."""
        lang = check_lang(lang or self.lang)
        f = self.forecasts
        names = [m for m in (methods or METHODS) if m in set(f["method"])]
        points = f.pivot(index="year", columns="method", values="point")
        first = f.drop_duplicates("year").set_index("year")
        num = lambda x: format_number(x, precision=2, style=lang)  # noqa: E731
        out = pd.DataFrame({label("fc_year", lang): first.index.astype(str)})
        out[label("fc_period_9m", lang)] = [num(x) for x in first["growth_9m"]]
        out[label("fc_published", lang)] = [num(x) for x in first["published"]]
        for m in names:
            out[METHODS[m].label(lang)] = [num(x) for x in points[m]]
        return out

    def summary(self, lang: Lang | None = None) -> str:
        lang = check_lang(lang or self.lang)
        s = self.scores()
        y = self.years
        num = lambda x: format_number(x, precision=2, style=lang)  # noqa: E731
        pct = lambda x: f"{format_number(100 * x, precision=0, style=lang)} %"  # noqa: E731
        best = s[s["kind"] == "model"]["mae"].idxmin() if (s["kind"] == "model").any() else s["mae"].idxmin()
        b = s.loc[best]
        base = s.loc["nine_months"] if "nine_months" in s.index else None
        if lang == "vi":
            which = "bản công bố lần đầu" if self.vintage == "first" else "bản đã điều chỉnh mới nhất"
            head = (f"Kiểm định lùi {y[0]}–{y[-1]} ({len(y)} năm): đứng tại ngày công bố số 9 tháng, chỉ dùng số đã công bố đến "
                    f"ngày đó ({which}); so với số cả năm công bố lần đầu.")
            line = (f"Tốt nhất trong các mô hình: {METHODS[best].label(lang)} — MAE {num(b['mae'])} điểm %"
                    + (f" (so với {num(base['mae'])} của 'cả năm = 9 tháng': {_signed(100 * (b['mae_ratio'] - 1), lang, 0)} %)" if base is not None else "")
                    + f"; khoảng 80 % trúng {pct(b['coverage_80'])}, khoảng 95 % trúng {pct(b['coverage_95'])} số năm.")
        else:
            head = (f"Backtest {y[0]}–{y[-1]} ({len(y)} years; standing at each 9-month release with the figures published by then "
                    f"({self.vintage} releases); scored against the first published annual figure).")
            line = (f"Best model: {METHODS[best].label(lang)} — MAE {num(b['mae'])} points"
                    + (f" (against {num(base['mae'])} for 'annual = 9 months': {_signed(100 * (b['mae_ratio'] - 1), lang, 0)} %)" if base is not None else "")
                    + f"; 80 % intervals covered {pct(b['coverage_80'])}, 95 % intervals {pct(b['coverage_95'])} of years.")
        return head + "\n" + line

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.summary()).replace(chr(10), '<br>')}</p>" + self.table().to_html(index=False)


def backtest(
    *,
    years: Iterable[int] | None = None,
    methods: Iterable[str] | None = None,
    vintage: Vintage = "first",
    q4_weight: float | None = None,
    lang: Lang = "vi",
) -> Backtest:
    """Rolling-origin backtest on the national series.

    For each year, stand at its 9-month release (:func:`grdp.vintages.nine_month_release`),
    use only the figures published by then (:func:`grdp.vintages.as_of`),
    forecast the year with every method, and compare with the year's first
    published annual figure.

    Parameters
    ----------
    years : iterable of int, optional
        Origins; default :data:`BACKTEST_FIRST_YEAR` to the latest year with
        both a 9-month and an annual release.
    methods : iterable of str, optional
        Names in :data:`METHODS`; default all.
    vintage : {"first", "latest"}
        Quarterly figures the models read: first releases (default) or as
        revised by the origin.
    q4_weight : float, optional
        Q4's weight in the identity (default :data:`DEFAULT_Q4_WEIGHT`).

    Returns
    -------
    Backtest

    Examples
    --------
    >>> bt = backtest(years=[2024, 2025], methods=["nine_months", "mean_gap"])
    >>> bt.forecasts[["year", "method", "point", "published"]].round(2).values.tolist()[:2]
    [[2024, 'nine_months', 6.82, 7.09], [2024, 'mean_gap', 7.13, 7.09]]

    (6,82 % at 9 months, plus the mean 2011–2023 gap of 0,31 point; published 7,09 %.)
    """
    vintage = check_vintage(vintage)
    lang = check_lang(lang)
    releases = growth_releases()
    if years is None:
        last = latest_nine_month_year(releases)
        years = [y for y in range(BACKTEST_FIRST_YEAR, last + 1) if _first_annual(y, releases) is not None]
    chosen = [get_method(m) for m in (methods if methods is not None else METHODS)]
    rows = []
    for year in years:
        target = _first_annual(year, releases)
        if target is None:
            raise ValueError(f"{year}: no annual figure published yet to score against")
        origin = national_origin(year, vintage=vintage, q4_weight=q4_weight)
        for m in chosen:
            p = m.predict(origin)
            i80, i95 = p.interval(0.8), p.interval(0.95)
            rows.append(
                {
                    "year": int(year),
                    "method": m.name,
                    "kind": m.kind,
                    "growth_9m": origin.growth_9m,
                    "point": p.point,
                    "lower_80": i80.low,
                    "upper_80": i80.high,
                    "lower_95": i95.low,
                    "upper_95": i95.high,
                    "published": target,
                    "error": p.point - target,
                    "covered_80": bool(i80.low <= target <= i80.high),
                    "covered_95": bool(i95.low <= target <= i95.high),
                    "converged": p.converged,
                }
            )
    return Backtest(pd.DataFrame(rows), vintage, DEFAULT_Q4_WEIGHT if q4_weight is None else float(q4_weight), lang)


# --------------------------------------------------------------------------------------------
# The 2025 plan
# --------------------------------------------------------------------------------------------


def q4_excess_history() -> pd.DataFrame:
    """National Q4 growth against the first nine months, year by year (first releases).

    Returns
    -------
    pandas.DataFrame
        Index ``year``: ``nine_months``, ``q4`` (derived through the identity
        where never printed alone: 2015), ``q4_derived``, ``excess``
        (Q4 − 9 months, points), ``annual``, ``gap`` (annual − 9 months).
    """
    from .vintages import quarterly_growth

    first = _first_releases()
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


@dataclass(frozen=True)
class PlanOutlook:
    """The plan's annual target against the forecasts, and its Q4 against history.

    ``probabilities``: one row per method and Q4 weight — point, interval at
    ``level``, P(annual ≥ each target). ``history``: :func:`q4_excess_history`.
    ``required_excess``: the Q4 growth the plan requires minus the 9 months.
    """

    growth_9m: float
    targets: tuple[float, ...]
    required_q4: tuple[float, ...]
    plan_weight: float
    probabilities: pd.DataFrame
    history: pd.DataFrame
    spread: ProvincialSpread
    level: float
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

    def position_table(self, lang: Lang | None = None) -> pd.DataFrame:
        """:meth:`position`, formatted for a report."""
        lang = check_lang(lang or self.lang)
        pos = self.position()
        num = lambda x: format_number(x, precision=2, style=lang)  # noqa: E731
        return pd.DataFrame(
            {
                label("fc_required_q4_col", lang): [num(x) for x in pos["required_q4"]],
                label("fc_required_excess", lang): [num(x) for x in pos["required_excess"]],
                label("fc_years_at_or_above", lang): [f"{a}/{n}" for a, n in zip(pos["years_at_or_above"], pos["years"], strict=True)],
                label("fc_largest_excess", lang): [f"{num(x)} ({y})" for x, y in zip(pos["largest_excess"], pos["largest_year"], strict=True)],
            }
        )

    def table(self, lang: Lang | None = None) -> pd.DataFrame:
        """The probability table, formatted for a report."""
        lang = check_lang(lang or self.lang)
        p = self.probabilities
        lv = format_number(100 * self.level, precision=0, style=lang)
        out = pd.DataFrame(
            {
                label("fc_method", lang): [METHODS[m].label(lang) for m in p["method"]],
                label("fc_q4_weight", lang): [format_number(w, precision=3, style=lang) for w in p["q4_weight"]],
                label("fc_point", lang): [f"{_pct(x, lang)} %" for x in p["point"]],
                label("fc_interval", lang).format(p=lv): [f"{_pct(a, lang)} – {_pct(b, lang)} %" for a, b in zip(p["lower"], p["upper"], strict=True)],
            }
        )
        for t in self.targets:
            out[label("fc_prob", lang).format(x=_pct(t, lang, 1))] = [_prob(x, lang) for x in p[f"p_{t:g}"]]
        return out

    def summary(self, lang: Lang | None = None) -> str:
        lang = check_lang(lang or self.lang)
        pos = self.position()
        e = "–".join(_pct(x, lang, 1) for x in pos["required_excess"])
        q = "–".join(_pct(x, lang, 1) for x in self.required_q4)
        big, year, n = pos["largest_excess"].iloc[0], pos["largest_year"].iloc[0], pos["years"].iloc[0]
        above = int(pos["years_at_or_above"].min())
        prov = self.spread.pairs
        prov9 = prov[prov["split"] == "9M"]
        w = format_number(self.plan_weight, precision=2, style=lang)
        row = self.probabilities.iloc[0]
        probs = "; ".join(f"≥ {_pct(t, lang, 1)} %: {_prob(row[f'p_{t:g}'], lang)}" for t in self.targets)
        if lang == "vi":
            lines = [
                f"Từ 9 tháng {_pct(self.growth_9m, lang)} %, {METHODS[row['method']].label(lang)} (trọng số quý IV "
                f"{format_number(row['q4_weight'], precision=3, style=lang)}): {probs}.",
                f"Kế hoạch cần quý IV tăng {q} %, tức cao hơn 9 tháng {e} điểm % (các con số của kế hoạch ngụ ý trọng số quý IV ≈ {w}).",
                f"Cả nước {n} năm qua: quý IV cao hơn 9 tháng nhiều nhất {_pct(big, lang, 1)} điểm % (năm {year}); "
                f"số năm đạt mức kế hoạch cần: {above}.",
            ]
            if len(prov9):
                lines.append("Cấp tỉnh dao động mạnh hơn: " + "; ".join(
                    f"{_province_name(r.province, lang)} {r.year}: cả năm so với 9 tháng {_signed(r.annual - r.done, lang)} điểm %"
                    f" (quý IV ngụ ý so với 9 tháng {_signed((r.annual - r.done) / self.plan_weight, lang, 1)} điểm % với trọng số {w})"
                    for r in prov9.itertuples()) + ".")
        else:
            lines = [
                f"From 9 months at {_pct(self.growth_9m, lang)} %, {METHODS[row['method']].label(lang)} (Q4 weight "
                f"{format_number(row['q4_weight'], precision=3, style=lang)}): {probs}.",
                f"The plan needs Q4 growth of {q} %, i.e. {e} points above the 9 months (the plan's figures imply a Q4 weight ≈ {w}).",
                f"Nationally over {n} years, Q4 exceeded the 9 months by at most {_pct(big, lang, 1)} points ({year}); "
                f"years reaching what the plan needs: {above}.",
            ]
            if len(prov9):
                lines.append("Provinces swing more: " + "; ".join(
                    f"{_province_name(r.province, lang)} {r.year}: year minus 9 months {_signed(r.annual - r.done, lang)} points"
                    f" (implied Q4 minus 9 months {_signed((r.annual - r.done) / self.plan_weight, lang, 1)} points at weight {w})"
                    for r in prov9.itertuples()) + ".")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.summary()).replace(chr(10), '<br>')}</p>" + self.table().to_html(index=False)


def plan_outlook(
    growth_9m: float = PLAN_2025_GROWTH_9M,
    *,
    targets: Sequence[float] = PLAN_2025_TARGETS,
    required_q4: Sequence[float] = PLAN_2025_Q4,
    q4_weights: Sequence[float] | None = None,
    methods: Sequence[str] = ("sarimax", "mean_gap"),
    level: float = 0.8,
    lang: Lang = "vi",
) -> PlanOutlook:
    """Probabilities of the plan's annual targets, and the plan's Q4 against history.

    ``q4_weights`` default: the national 0,271 and the weight the plan's own
    figures imply (mean of ``implied_weight(g9M, q4_lo, t_lo)`` and
    ``implied_weight(g9M, q4_hi, t_hi)``, ≈ 0,32).

    Examples
    --------
    >>> po = plan_outlook()
    >>> round(po.plan_weight, 3), [round(x, 2) for x in po.required_excess]
    (0.321, [6.19, 7.79])
    """
    lang = check_lang(lang)
    targets, required_q4 = tuple(float(t) for t in targets), tuple(float(q) for q in required_q4)
    if len(required_q4) != len(targets):
        raise ValueError("required_q4 and targets must pair up end by end")
    plan_weight = float(np.mean([implied_weight(growth_9m, q, t) for q, t in zip(required_q4, targets, strict=True)]))
    weights = (DEFAULT_Q4_WEIGHT, plan_weight) if q4_weights is None else tuple(float(w) for w in q4_weights)
    rows = []
    for m in methods:
        for w in weights:
            nc = nowcast_annual(growth_9m, q4_weight=w, method=m, level=level, targets=targets, lang=lang)
            row = {"method": m, "q4_weight": w, "point": nc.point, "lower": nc.lower, "upper": nc.upper}
            row.update({f"p_{t:g}": nc.prob_at_least(t) for t in targets})
            rows.append(row)
    return PlanOutlook(
        growth_9m=float(growth_9m),
        targets=targets,
        required_q4=required_q4,
        plan_weight=plan_weight,
        probabilities=pd.DataFrame(rows),
        history=q4_excess_history(),
        spread=provincial_spread(),
        level=level,
        lang=lang,
    )


# --------------------------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------------------------

_FAN_LEVELS = (0.95, 0.8, 0.5)


def plot_fan(
    nowcasts: Nowcast | Sequence[Nowcast],
    *,
    targets: Sequence[float] = PLAN_2025_TARGETS,
    lang: Lang = "vi",
    height_cm: float = 8.0,
) -> Figure:
    """Fan chart: from the 9-month figure to the annual distribution (50/80/95 %), against the target band.

    One panel per nowcast (e.g. two Q4 weights), sharing the growth axis.
    """
    from .plotting import PALETTE, new_figure, report_style, use_decimal_comma

    lang = check_lang(lang)
    items = [nowcasts] if isinstance(nowcasts, Nowcast) else list(nowcasts)
    with report_style(lang):
        fig, axes = new_figure("full", height_cm=height_cm, ncols=len(items))
        axes = np.atleast_1d(axes)
        for ax, nc in zip(axes, items, strict=True):
            for lv, alpha in zip(_FAN_LEVELS, (0.18, 0.32, 0.5), strict=True):
                iv = nc.interval(lv)
                ax.fill_between([0, 1], [nc.growth_9m, iv.low], [nc.growth_9m, iv.high], color=PALETTE[0], alpha=alpha, linewidth=0,
                                label=label("fc_band", lang).format(p=format_number(100 * lv, precision=0, style=lang)))
            ax.plot([0, 1], [nc.growth_9m, nc.point], color=PALETTE[0], linewidth=1.2, marker="o", markersize=3)
            if targets:
                ax.axhspan(min(targets), max(targets), color=PALETTE[1], alpha=0.25, linewidth=0, label=label("fc_target_band", lang))
                for t in targets:
                    ax.annotate(f"P(≥ {_pct(t, lang, 1)}) = {_prob(nc.prob_at_least(t), lang)}", (1.0, t), xytext=(-4, 2),
                                textcoords="offset points", ha="right", va="bottom", fontsize=6.5, color=PALETTE[1])
            ax.annotate(f"{_pct(nc.point, lang)} %", (1, nc.point), xytext=(4, 0), textcoords="offset points", va="center", fontsize=7)
            ax.annotate(f"{_pct(nc.growth_9m, lang)} %", (0, nc.growth_9m), xytext=(-4, 0), textcoords="offset points", va="center", ha="right", fontsize=7)
            ax.set_xticks([0, 1], [label("fc_period_9m", lang), label("fc_period_year", lang)])
            ax.set_xlim(-0.3, 1.3)
            ax.set_title(f"{label('fc_q4_weight', lang)} {format_number(nc.q4_weight, precision=3, style=lang)}")
            use_decimal_comma(ax, lang=lang)
        axes[0].set_ylabel(label("fc_axis_growth", lang))
        axes[-1].legend(loc="lower left")
        fig.canvas.draw()
    return fig


def plot_backtest(
    result: Backtest,
    *,
    shown: Sequence[str] = ("nine_months", "mean_gap", "sarimax"),
    interval_of: str = "sarimax",
    lang: Lang | None = None,
    height_cm: float = 13.0,
) -> Figure:
    """Backtest chart: the first annual figures against forecasts (top), MAE and 80 % coverage by method (bottom)."""
    from .plotting import PALETTE, new_figure, report_style, use_decimal_comma

    lang = check_lang(lang or result.lang)
    f = result.forecasts
    s = result.scores()
    with report_style(lang):
        fig, (top, bottom) = new_figure("full", height_cm=height_cm, nrows=2)
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
        top.legend(loc="upper left", ncols=2)
        use_decimal_comma(top, lang=lang)
        names = list(s.index)
        colours = [PALETTE[6] if s.loc[n, "kind"] == "baseline" else PALETTE[0] for n in names]
        bars = bottom.bar(range(len(names)), s["mae"], color=colours)
        for bar, n in zip(bars, names, strict=True):
            bottom.annotate(f"{format_number(100 * s.loc[n, 'coverage_80'], precision=0, style=lang)} %", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                            xytext=(0, 2), textcoords="offset points", ha="center", va="bottom", fontsize=6.5)
        bottom.set_xticks(range(len(names)), [METHODS[n].label(lang) for n in names], rotation=20, ha="right")
        bottom.set_ylabel(label("fc_axis_mae", lang))
        bottom.set_title(label("fc_bar_note", lang), fontsize=7)
        use_decimal_comma(bottom, lang=lang)
        fig.canvas.draw()
    return fig


def plot_q4_excess(outlook: PlanOutlook, *, lang: Lang | None = None, height_cm: float = 8.0) -> Figure:
    """National Q4 growth minus 9-month growth by year, against what the plan requires."""
    from .plotting import PALETTE, new_figure, report_style, use_decimal_comma

    lang = check_lang(lang or outlook.lang)
    h = outlook.history.dropna(subset=["excess"])
    with report_style(lang):
        fig, ax = new_figure("full", height_cm=height_cm)
        ax.bar(h.index, h["excess"], color=PALETTE[0], label=label("fc_national_excess", lang))
        prov = outlook.spread.pairs
        prov = prov[prov["split"] == "9M"]
        if len(prov):
            ax.plot(prov["year"], (prov["annual"] - prov["done"]) / outlook.plan_weight, linestyle="none", marker="D", markersize=4,
                    color=PALETTE[2], label=label("fc_province_excess", lang).format(w=format_number(outlook.plan_weight, precision=2, style=lang)))
        for x, q in zip(outlook.required_excess, outlook.required_q4, strict=True):
            ax.axhline(x, color=PALETTE[7], linestyle="--", linewidth=0.9)
            ax.annotate(label("fc_plan_needs", lang).format(q=_pct(q, lang, 1)), (h.index.min() - 0.4, x), xytext=(0, 2),
                        textcoords="offset points", fontsize=6.5, color=PALETTE[7], va="bottom")
        ax.axhline(0, color="black", linewidth=0.6)
        ax.set_xticks(h.index, [str(y) for y in h.index], rotation=45)
        ax.set_ylabel(label("fc_axis_excess", lang))
        ax.legend(loc="center left")
        use_decimal_comma(ax, lang=lang)
        fig.canvas.draw()
    return fig
