"""Forecast methods: the distribution of annual growth given the 9-month figure, at an origin.

In October the office must say how the year will end. Every method here
answers the same question — the distribution of annual growth given the
9-month figure and what was published by then (an :class:`~grdp.forecast.origin.Origin`)
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

**The period identity.** With ``w4`` Q4's share of the previous year,
``gY = (1 - w4) g9M + w4 g4`` (:func:`grdp.core.periods.annual_growth`). The
annual figure is first published with revised Q1–Q3, so a model's annual
forecast is ``(1 - w4)(g9M + r̄) + w4 ĝ4`` with ``r̄`` the mean revision of the
9-month figure by the first annual release
(:func:`grdp.io.vintages.revisions`, ``horizon="annual_release"``), and its variance
``w4² Var(ĝ4) + (1 - w4)² s_r² (1 + 1/n_r)``: an honest interval includes the
revision error.

**Intervals.** A prediction is ``point + scale · t(df)``. Baselines take their
scale from their own past errors against the first annual figure (``t`` with
``n`` degrees of freedom for a rule, ``n - 1`` for a mean), models from the
state-space forecast variance plus the revision term; parts are combined
with the Welch–Satterthwaite degrees of freedom (:func:`combine`).

The track record (:mod:`grdp.forecast.backtesting`), the carrying over to a
province (:mod:`grdp.forecast.borrowing`), the nowcast of a plan
(:mod:`grdp.forecast.nowcast`) and the plan against history
(:mod:`grdp.forecast.outlook`) build on these.
"""

from __future__ import annotations

import math
import warnings
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from grdp.core.labels import label
from grdp.core.periods import QUARTERS_PER_YEAR, Interval, annual_growth
from grdp.core.threads import one_blas_thread
from grdp.core.typing import Lang, MethodKind
from grdp.core.validation import check_level, check_option
from grdp.forecast.origin import Origin

__all__ = [
    "LEVELS",
    "MIN_QUARTERS",
    "FIT_MAXITER",
    "Prediction",
    "PredictionView",
    "combine",
    "Method",
    "METHODS",
    "get_method",
    "fitted_q4",
    "forget_fits",
    "import_models",
    "StoredFit",
    "stored_fits",
    "add_fits",
]

LEVELS = (0.8, 0.95)
"""The prediction-interval levels reported."""
MIN_QUARTERS = 11
"""Fewest quarters of growth a statistical model is fitted on: two whole years and Q1–Q3."""


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
        check_level(level)
        a = (1 - level) / 2
        return Interval(float(self.quantile(a)), float(self.quantile(1 - a)))

    def prob_at_least(self, x: float) -> float:
        """P(annual growth ≥ ``x``)."""
        from scipy import stats

        if self.scale == 0:
            return float(self.point >= x)
        return float(stats.t.sf((x - self.point) / self.scale, self.df))


class PredictionView:
    """What a forecast result offers through the prediction it holds (``prediction``) at its level (``level``).

    Mixed into :class:`grdp.forecast.nowcast.Nowcast` and
    :class:`grdp.forecast.panel.ProvincialForecast`; the prediction needs
    ``method``, ``point``, ``interval(level)`` and ``prob_at_least(x)``.
    """

    prediction: Any
    level: float

    @property
    def method(self) -> str:
        return str(self.prediction.method)

    @property
    def point(self) -> float:
        return float(self.prediction.point)

    def interval(self, level: float | None = None) -> Interval:
        """The central prediction interval (default: at :attr:`level`)."""
        iv: Interval = self.prediction.interval(self.level if level is None else level)
        return iv

    @property
    def lower(self) -> float:
        return self.interval().low

    @property
    def upper(self) -> float:
        return self.interval().high

    def prob_at_least(self, x: float) -> float:
        """P(annual growth ≥ ``x``)."""
        return float(self.prediction.prob_at_least(x))


def combine(parts: Iterable[tuple[float, float]]) -> tuple[float, float]:
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
        mean, var, converged = fitted_q4(self, origin.quarters)
        w4, rev = origin.q4_weight, origin.revision
        point = annual_growth(origin.growth_9m + rev.mean, mean, rest_weight=w4)
        rev_df = max(rev.n - 1, 1)
        scale, df = combine([(w4**2 * var, math.inf), ((1 - w4) ** 2 * rev.sd**2 * (1 + 1 / max(rev.n, 1)), rev_df)])
        return Prediction(self.name, float(point), scale, df, converged)


_Q4_FORECASTS: dict[tuple[Method, str, str, bytes], tuple[float, float, bool]] = {}
"""Each distinct fit's Q4 forecast, once per process (see :func:`fitted_q4`)."""


def fitted_q4(method: _Q4Model, growth: pd.Series) -> tuple[float, float, bool]:
    """``method.forecast_q4(growth)``: fitted once per process for one method and one series, on one BLAS thread.

    The backtest, the nowcast, the borrowed national gaps and the report ask for
    the same fits more than once; a fit is deterministic given the method and the
    quarters (first quarter, values), so the first result is returned again —
    three floats, which nobody can change. The fit and its forecast run inside
    :func:`grdp.core.threads.one_blas_thread`.
    """
    key = (method, str(growth.index[0]), str(growth.index.freqstr), growth.to_numpy(dtype="float64").tobytes())
    if key not in _Q4_FORECASTS:
        with one_blas_thread():
            _Q4_FORECASTS[key] = method.forecast_q4(growth)
    return _Q4_FORECASTS[key]


def forget_fits() -> None:
    """Empty :func:`fitted_q4`'s store (benchmarks time the fits themselves)."""
    _Q4_FORECASTS.clear()


def import_models() -> None:
    """Import the statsmodels classes the models fit with, now (each method imports its own when it first fits).

    For a caller about to fork children that fit (:func:`grdp.forecast.backtesting.backtest_fits`): imported
    once here, the children find them loaded instead of each importing them again (~0.6 s).
    """
    import statsmodels.tsa.exponential_smoothing.ets
    import statsmodels.tsa.statespace.sarimax
    import statsmodels.tsa.statespace.structural  # noqa: F401


StoredFit = tuple[str, str, str, bytes, tuple[float, float, bool]]
"""One fit of :func:`fitted_q4`'s store as it travels between processes: method name, first quarter,
frequency, the quarters' bytes, and the forecast (mean, variance, converged)."""


def stored_fits() -> list[StoredFit]:
    """The fits :func:`fitted_q4` holds, for methods of :data:`METHODS` (to hand to another process)."""
    return [(m.name, first, freq, data, q4) for (m, first, freq, data), q4 in _Q4_FORECASTS.items()
            if METHODS.get(m.name) is m]


def add_fits(fits: Iterable[StoredFit]) -> int:
    """Put fits made by a forked copy of this process (:func:`stored_fits` there) into :func:`fitted_q4`'s store.

    A fork computes exactly what this process would, so its forecasts are taken as they are; one already
    held here is kept. Returns how many were added.
    """
    added = 0
    for name, first, freq, data, q4 in fits:
        key = (METHODS[name], first, freq, data)
        if key not in _Q4_FORECASTS:
            _Q4_FORECASTS[key] = q4
            added += 1
    return added


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


def _fit(model: Any, **kwargs: Any) -> tuple[Any, bool]:
    """Fit quietly; report convergence instead of printing warnings into a notebook."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = model.fit(disp=False, maxiter=FIT_MAXITER, **kwargs)
    converged = bool(res.mle_retvals.get("converged", True)) if isinstance(res.mle_retvals, dict) else True
    converged = converged and not any("Converg" in type(w.message).__name__ for w in caught)
    return res, converged


def _next_quarter(res: Any, **kwargs: Any) -> tuple[float, float]:
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
    return METHODS[check_option("method", name, METHODS)]
