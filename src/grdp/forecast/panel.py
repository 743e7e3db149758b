"""A provincial forecast that learns from provinces: annual growth from the 9 months, calibrated on the panel.

The province has four province-years of its own; the national series says how
the *nation's* year ends. The panel of provinces' first-published 9-month and
annual figures (:func:`grdp.io.panel.province_panel`) says how *provinces'*
years end — the error that matters. Every method here forecasts a province's
annual growth as its 9-month figure plus a gap:

``nine_months``
    No gap: annual = 9 months.
``panel_gap``
    The mean gap (annual − 9 months) of the panel's province-years.
``national_gap``
    The nation's gap as forecast at that year's 9-month release
    (:func:`national_gap_forecasts`: ``sarimax`` where the national file holds
    the year's quarters, else ``mean_gap``) — borrowing the national pattern.
``panel_regression``
    ``gap = a + b · national gap forecast``, by least squares on the panel: the
    pooled provincial gap shrunk toward the national pattern as far as the
    panel says it should.

**Intervals and probabilities** are calibrated on the panel, never assumed. A
method's errors are its leave-one-year-out errors on the years it is trained
on (errors within a year share the year's shocks, so years, not
province-years, are left out). The predictive distribution is the point plus
those errors (``predictive="empirical"``, the default): intervals are their
quantiles and ``P(annual ≥ x)`` the share of errors at least ``x − point``,
smoothed as ``(k + 1) / (n + 2)`` so that no probability reads 0 or 1. The
form specified before scoring was ``point + s · t(df)`` with ``s`` the errors'
root mean square and ``df`` the years less one (``predictive="t"``); the panel
backtest's reliability check (:meth:`PanelBacktest.reliability`) showed it
doubling the upper-tail probabilities — provinces' errors are skewed, with a
long tail of shortfalls — so the empirical form replaced it. Both stay
available and both are reported.

**Scoring** (:func:`panel_backtest`, ``grdp backtest --panel``): every method
leave-one-year-out over the panel's years with a national forecast (2013 on):
mean absolute error, bias, 80 %/95 % coverage and interval score.

**The default method is chosen by a rule written down before any scoring**
(:func:`choose_default`): the lowest mean 80 % interval score among the methods
whose 80 % intervals covered 75–88 % of province-years; if none did, the one
whose coverage came nearest 80 %; a method within 2 % of the best interval
score but simpler wins (simplicity: ``nine_months`` < ``panel_gap`` <
``national_gap`` < ``panel_regression``). The target: a mean absolute error at
most 0,85 times that of ``nine_months``, with 80 % coverage in 75–88 %.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import ClassVar

import numpy as np
import pandas as pd

from grdp.core.labels import label
from grdp.core.periods import Interval
from grdp.core.results import Result
from grdp.core.typing import Lang, Predictive
from grdp.core.validation import check_lang, check_level, check_literal, check_option
from grdp.core.wording import num, phrase, probability, signed, target_probabilities
from grdp.forecast.backtesting import BACKTEST_FIRST_YEAR
from grdp.forecast.methods import LEVELS, METHODS, Prediction, PredictionView
from grdp.forecast.origin import national_origin
from grdp.io.panel import province_panel
from grdp.io.plan import MissingFigures, Plan
from grdp.io.vintages import latest_nine_month_year

__all__ = [
    "PANEL_METHODS",
    "PanelPrediction",
    "COVERAGE_BAND",
    "MAE_TARGET",
    "national_gap_forecasts",
    "national_gap_forecast",
    "PanelBacktest",
    "panel_backtest",
    "choose_default",
    "ProvincialForecast",
    "provincial_forecast",
]

PANEL_METHODS = ("nine_months", "panel_gap", "national_gap", "panel_regression")
"""The panel methods, simplest first (the order breaks near-ties in :func:`choose_default`)."""
COVERAGE_BAND = (0.75, 0.88)
"""The 80 % intervals' coverage a default method must show in the panel backtest."""
MAE_TARGET = 0.85
"""A method's mean absolute error, as a share of ``nine_months``', the forecast aims at."""
_NEAR_TIE = 0.02
RELIABILITY_STEPS = (0.5, 1.0, 1.5, 2.0, 2.5)
"""Distances above the point (points) at which the forecast probabilities are checked against outcomes."""


def national_gap_forecast(year: int, growth_9m: float | None = None) -> float:
    """The nation's annual-minus-9-months gap as forecast at ``year``'s 9-month release.

    ``sarimax`` where the national file holds the year's quarters through Q3,
    else ``mean_gap`` (a year the file does not reach yet needs the
    province's 9-month growth only to build the origin; the gap does not
    depend on it).
    """
    origin = national_origin(year, growth_9m=growth_9m)
    method = METHODS["sarimax"] if METHODS["sarimax"].usable(origin) else METHODS["mean_gap"]
    return float(method.predict(origin).point - origin.growth_9m)


@cache
def national_gap_forecasts() -> pd.Series:
    """:func:`national_gap_forecast` for every year from 2013 to the latest 9-month release on file.

    >>> g = national_gap_forecasts()
    >>> int(g.index.min()), int(g.index.max())
    (2013, 2025)
    """
    years = range(BACKTEST_FIRST_YEAR, latest_nine_month_year() + 1)
    return pd.Series({y: national_gap_forecast(y) for y in years}, name="national_gap", dtype="float64")


def _fit(method: str, train: pd.DataFrame) -> tuple[float, float]:
    """Intercept and slope of ``gap = a + b · national_gap`` for a method, fitted on ``train``."""
    if method == "nine_months":
        return 0.0, 0.0
    if method == "panel_gap":
        return float(train["gap"].mean()), 0.0
    if method == "national_gap":
        return 0.0, 1.0
    x, y = train["national_gap"].to_numpy(dtype="float64"), train["gap"].to_numpy(dtype="float64")
    if np.ptp(x) == 0:
        return float(y.mean()), 0.0
    b, a = np.polyfit(x, y, 1)
    return float(a), float(b)


def _gap(coef: tuple[float, float], national_gap: float | np.ndarray) -> float | np.ndarray:
    return coef[0] + coef[1] * national_gap


@dataclass(frozen=True)
class PanelPrediction:
    """Annual growth as ``point`` plus the method's leave-one-year-out errors (or their ``t`` fit).

    Examples
    --------
    >>> p = PanelPrediction("demo", point=8.0, errors=(-2.0, -1.0, 0.0, 0.5, 1.0), years=3)
    >>> round(p.prob_at_least(8.6), 3)   # one error of five at least +0,6: (1 + 1) / (5 + 2)
    0.286
    >>> round(PanelPrediction("demo", 8.0, (-2.0, -1.0, 0.0, 0.5, 1.0), 3, form="t").prob_at_least(8.0), 3)
    0.5
    """

    method: str
    point: float
    errors: tuple[float, ...]
    years: int
    form: Predictive = "empirical"

    @property
    def scale(self) -> float:
        """Root mean square of the errors."""
        return float(np.sqrt(np.mean(np.square(self.errors))))

    @property
    def df(self) -> float:
        """Degrees of freedom of the ``t`` form: the years the errors come from, less one."""
        return float(max(self.years - 1, 1))

    def _t(self) -> Prediction:
        return Prediction(self.method, self.point, self.scale, self.df)

    def interval(self, level: float = LEVELS[0]) -> Interval:
        """The central interval at ``level``: the errors' quantiles (or the ``t`` form's)."""
        check_level(level)
        if self.form == "t":
            return self._t().interval(level)
        a = (1 - level) / 2
        lo, hi = np.quantile(np.asarray(self.errors), [a, 1 - a])
        return Interval(self.point + float(lo), self.point + float(hi))

    def prob_at_least(self, x: float) -> float:
        """P(annual growth ≥ ``x``): ``(k + 1) / (n + 2)`` with ``k`` of ``n`` errors at least ``x − point``."""
        if self.form == "t":
            return self._t().prob_at_least(x)
        e = np.asarray(self.errors)
        return float((np.sum(e >= x - self.point) + 1) / (len(e) + 2))


def _calibrated(method: str, train: pd.DataFrame) -> tuple[tuple[float, float], tuple[float, ...], int]:
    """A method fitted on ``train``, with its leave-one-year-out errors inside ``train`` and their years."""
    errors = []
    years = sorted(train["year"].unique())
    for year in years:
        inner, out = train[train["year"] != year], train[train["year"] == year]
        coef = _fit(method, inner)
        errors.append(out["gap"].to_numpy(dtype="float64") - np.asarray(_gap(coef, out["national_gap"].to_numpy(dtype="float64"))))
    return _fit(method, train), tuple(float(x) for x in np.concatenate(errors)), len(years)


def _with_national(panel: pd.DataFrame) -> pd.DataFrame:
    nat = national_gap_forecasts()
    p = panel[panel["year"].isin(nat.index)]
    return p.assign(national_gap=p["year"].map(nat).astype("float64"))


def _interval_score(x: np.ndarray, lo: np.ndarray, hi: np.ndarray, level: float) -> np.ndarray:
    """Gneiting & Raftery's interval score of a central ``level`` interval (lower is better)."""
    a = 1 - level
    return (hi - lo) + (2 / a) * (lo - x) * (x < lo) + (2 / a) * (x - hi) * (x > hi)


def _score_labels(lang: Lang) -> tuple[str, ...]:
    """The columns of the panel backtest's score table: method, province-years, MAE, MAE / '9 months', bias,
    80 % and 95 % coverage, 80 % interval score."""
    return (
        label("fc_method", lang),
        phrase(lang, "Số tỉnh-năm", "Province-years"),
        "MAE",
        phrase(lang, "MAE / '9 tháng'", "MAE / '9 months'"),
        phrase(lang, "Độ lệch", "Bias"),
        phrase(lang, "Khoảng 80 % bao được", "80 % coverage"),
        phrase(lang, "Khoảng 95 % bao được", "95 % coverage"),
        phrase(lang, "Điểm khoảng 80 %", "Interval score 80 %"),
    )


@dataclass(frozen=True)
class PanelBacktest(Result):
    """Every panel method, leave one year out, against provinces' first annual estimates.

    ``forecasts`` has one row per province-year and method: ``province``,
    ``year``, ``method``, ``nine_months``, ``annual``, ``point``,
    ``lower_80``/``upper_80``, ``lower_95``/``upper_95``, ``error`` and
    ``p_above_<d>``: the forecast probability of ending ``d`` points above the
    point (:data:`RELIABILITY_STEPS`).
    """

    forecasts: pd.DataFrame = field(repr=False)
    predictive: Predictive = "empirical"
    lang: Lang = "vi"

    _table_index: ClassVar[bool] = False

    def to_frame(self) -> pd.DataFrame:
        return self.forecasts.copy()

    def reliability(self, method: str | None = None) -> pd.DataFrame:
        """Forecast against observed frequency of ``annual ≥ point + d``, for each step ``d`` (points).

        The check a probability of reaching a target must pass: ``predicted`` is
        the mean forecast probability over the held-out province-years,
        ``observed`` the share in which the year did end that far above the
        point (default method: :attr:`default_method`).
        """
        method = self.default_method if method is None else method
        f = self.forecasts[self.forecasts["method"] == method]
        excess = f["annual"] - f["point"]
        return pd.DataFrame({
            "step": list(RELIABILITY_STEPS),
            "predicted": [float(f[f"p_above_{d:g}"].mean()) for d in RELIABILITY_STEPS],
            "observed": [float((excess >= d).mean()) for d in RELIABILITY_STEPS],
            "n": len(f),
        })

    def scores(self) -> pd.DataFrame:
        """Per method: ``n``, ``years``, ``mae``, ``bias``, ``rmse``, ``coverage_80``, ``coverage_95``,
        ``interval_score_80``, ``interval_score_95``, ``mae_ratio`` (to ``nine_months``)."""
        f = self.forecasts
        rows = []
        for m, g in f.groupby("method", sort=False):
            x = g["annual"].to_numpy(dtype="float64")
            rows.append({
                "method": m,
                "n": len(g),
                "years": g["year"].nunique(),
                "mae": float(g["error"].abs().mean()),
                "bias": float(g["error"].mean()),
                "rmse": float(np.sqrt((g["error"] ** 2).mean())),
                "coverage_80": float(((g["lower_80"] <= x) & (x <= g["upper_80"])).mean()),
                "coverage_95": float(((g["lower_95"] <= x) & (x <= g["upper_95"])).mean()),
                "interval_score_80": float(_interval_score(x, g["lower_80"].to_numpy(), g["upper_80"].to_numpy(), 0.8).mean()),
                "interval_score_95": float(_interval_score(x, g["lower_95"].to_numpy(), g["upper_95"].to_numpy(), 0.95).mean()),
            })
        s = pd.DataFrame(rows)
        base = s.loc[s["method"] == "nine_months", "mae"]
        s["mae_ratio"] = s["mae"] / float(base.iloc[0]) if len(base) else np.nan
        return s

    @property
    def default_method(self) -> str:
        """The method :func:`choose_default` picks from :meth:`scores`."""
        return choose_default(self.scores())

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        lang = self.language(lang)
        s = self.scores()
        return pd.DataFrame(dict(zip(_score_labels(lang), [
            [label(f"fc_panel_{m}", lang) for m in s["method"]],
            s["n"].astype(str),
            [num(x, 2, lang) for x in s["mae"]],
            [num(x, 2, lang) for x in s["mae_ratio"]],
            [signed(x, 2, lang) for x in s["bias"]],
            [probability(x, lang) for x in s["coverage_80"]],
            [probability(x, lang) for x in s["coverage_95"]],
            [num(x, 2, lang) for x in s["interval_score_80"]],
        ], strict=True)))

    def score_frame(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """:meth:`table`'s rows and labels with numbers as numbers: counts, points, times, coverage in per cent."""
        lang = self.language(lang)
        s = self.scores()
        return pd.DataFrame(dict(zip(_score_labels(lang), [
            [label(f"fc_panel_{m}", lang) for m in s["method"]], s["n"].astype("int64"), s["mae"], s["mae_ratio"], s["bias"],
            100 * s["coverage_80"], 100 * s["coverage_95"], s["interval_score_80"],
        ], strict=True)))

    def summary(self, *, lang: Lang | None = None) -> str:
        lang = self.language(lang)
        s = self.scores().set_index("method")
        d = self.default_method
        row = s.loc[d]
        years = self.forecasts["year"]
        met = row["mae_ratio"] <= MAE_TARGET and COVERAGE_BAND[0] <= row["coverage_80"] <= COVERAGE_BAND[1]
        return phrase(
            lang,
            f"Kiểm định lùi trên {int(row['n'])} tỉnh-năm ({years.min()}–{years.max()}, {int(row['years'])} năm; bỏ từng "
            f"năm ra rồi dự báo năm đó). Phương pháp mặc định theo quy tắc định trước: {label(f'fc_panel_{d}', lang)} — "
            f"MAE {num(row['mae'], 2, lang)} điểm phần trăm ({num(row['mae_ratio'], 2, lang)} lần 'cả năm = 9 tháng'), độ lệch "
            f"{signed(row['bias'], 2, lang)}, khoảng 80 % bao được {probability(row['coverage_80'], lang)}, khoảng 95 % bao được "
            f"{probability(row['coverage_95'], lang)}. Mục tiêu (MAE ≤ {num(MAE_TARGET, 2, lang)} lần, khoảng 80 % bao được "
            f"{num(100 * COVERAGE_BAND[0], 0, lang)}–{num(100 * COVERAGE_BAND[1], 0, lang)} %): "
            f"{'đạt' if met else 'chưa đạt'}.",
            f"Backtest on {int(row['n'])} province-years ({years.min()}–{years.max()}, {int(row['years'])} years; each year "
            f"left out and forecast). Default method by the rule fixed beforehand: {label(f'fc_panel_{d}', lang)} — MAE "
            f"{num(row['mae'], 2, lang)} points ({num(row['mae_ratio'], 2, lang)} times 'annual = 9 months'), bias "
            f"{signed(row['bias'], 2, lang)}, 80 % intervals covered {probability(row['coverage_80'], lang)}, 95 % "
            f"{probability(row['coverage_95'], lang)}. Target (MAE ≤ {num(MAE_TARGET, 2, lang)} times, 80 % coverage "
            f"{num(100 * COVERAGE_BAND[0], 0, lang)}–{num(100 * COVERAGE_BAND[1], 0, lang)} %): {'met' if met else 'not met'}.",
        )


def choose_default(scores: pd.DataFrame) -> str:
    """The default method by the rule of the module notes, from :meth:`PanelBacktest.scores`.

    >>> s = pd.DataFrame({"method": ["nine_months", "panel_gap", "panel_regression"],
    ...                   "coverage_80": [0.70, 0.80, 0.81], "interval_score_80": [3.0, 2.50, 2.47]})
    >>> choose_default(s)  # panel_regression is within 2 % of panel_gap: the simpler wins
    'panel_gap'
    """
    order = {m: i for i, m in enumerate(PANEL_METHODS)}
    s = scores.assign(rank=scores["method"].map(order))
    ok = s[s["coverage_80"].between(*COVERAGE_BAND)]
    if ok.empty:
        s = s.assign(miss=(s["coverage_80"] - 0.8).abs().round(9))  # equal misses tie (float noise aside)
        return str(s.sort_values(["miss", "rank"], kind="stable")["method"].iloc[0])
    best = float(ok["interval_score_80"].min())
    near = ok[ok["interval_score_80"] <= best * (1 + _NEAR_TIE)]
    return str(near.sort_values("rank", kind="stable")["method"].iloc[0])


def panel_backtest(
    panel: pd.DataFrame | None = None,
    *,
    methods: Sequence[str] = PANEL_METHODS,
    predictive: Predictive = "empirical",
    lang: Lang = "vi",
) -> PanelBacktest:
    """Score every panel method leaving one year out (module notes).

    Parameters
    ----------
    panel : DataFrame, optional
        :func:`grdp.io.panel.province_panel`'s layout; default the shipped panel.
        Years without a national forecast (before 2013) are left out.
    methods : sequence of str
    predictive : {"empirical", "t"}
        The predictive distribution (module notes); ``"t"`` is the form
        specified before scoring.
    lang : {"vi", "en"}
    """
    lang = check_lang(lang)
    predictive = check_literal("predictive", predictive, Predictive)
    for m in methods:
        check_option("method", m, PANEL_METHODS)
    p = _with_national(province_panel() if panel is None else panel)
    years = sorted(p["year"].unique())
    if len(years) < 3:
        raise ValueError("the panel needs province-years in at least 3 years to be backtested")
    rows = []
    for year in years:
        train, test = p[p["year"] != year], p[p["year"] == year]
        for m in methods:
            coef, errors, n_years = _calibrated(m, train)
            for r in test.itertuples(index=False):
                pred = PanelPrediction(m, r.nine_months + float(_gap(coef, r.national_gap)), errors, n_years, predictive)
                i80, i95 = pred.interval(LEVELS[0]), pred.interval(LEVELS[1])
                rows.append({"province": r.province, "year": int(year), "method": m, "nine_months": r.nine_months,
                             "annual": r.annual, "point": pred.point,
                             "lower_80": i80.low, "upper_80": i80.high, "lower_95": i95.low, "upper_95": i95.high,
                             "error": pred.point - r.annual,
                             **{f"p_above_{d:g}": pred.prob_at_least(pred.point + d) for d in RELIABILITY_STEPS}})
    return PanelBacktest(pd.DataFrame(rows), predictive=predictive, lang=lang)


@dataclass(frozen=True)
class ProvincialForecast(PredictionView, Result):
    """The plan's year from its 9 months, by a panel method, with intervals calibrated on the panel.

    Attributes
    ----------
    prediction : PanelPrediction
    growth_9m : float
    targets : tuple of float
    year : int
    national_gap : float
        The nation's gap forecast at the year's 9-month release (what ``national_gap``
        and ``panel_regression`` use).
    coef : (float, float)
        ``gap = a + b · national_gap`` as fitted.
    backtest : PanelBacktest
        The panel backtest over the years before ``year`` that chose and calibrated the method.
    level : float
    """

    prediction: PanelPrediction
    growth_9m: float
    targets: tuple[float, ...]
    year: int
    national_gap: float
    coef: tuple[float, float]
    backtest: PanelBacktest = field(repr=False, compare=False)
    level: float = 0.8
    lang: Lang = "vi"

    _table_index: ClassVar[bool] = False

    @property
    def n(self) -> int:
        """Province-years the method learnt from."""
        return len(self.prediction.errors)

    @property
    def years(self) -> int:
        """Years the method learnt from."""
        return self.prediction.years

    @property
    def coverage_80(self) -> float:
        """The method's 80 % intervals' coverage in the panel backtest (the calibration)."""
        return float(self.backtest.scores().set_index("method").loc[self.method, "coverage_80"])

    @property
    def reliability_gap(self) -> float:
        """The largest difference, in the panel backtest, between the forecast probability of ending a given
        distance above the point and how often it happened (:meth:`PanelBacktest.reliability`)."""
        rel = self.backtest.reliability(self.method)
        return float((rel["predicted"] - rel["observed"]).abs().max())

    def exceedances(self, x: float) -> int:
        """How many of the method's errors are at least ``x − point``: province-years that ended that far above."""
        return int(np.sum(np.asarray(self.prediction.errors) >= x - self.point))

    def to_frame(self) -> pd.DataFrame:
        row = {"method": self.method, "year": self.year, "growth_9m": self.growth_9m, "point": self.point,
               "lower": self.lower, "upper": self.upper, "level": self.level, "predictive": self.prediction.form,
               "scale": self.prediction.scale, "national_gap": self.national_gap, "intercept": self.coef[0],
               "slope": self.coef[1], "n": self.n, "years": self.years, "coverage_80": self.coverage_80}
        row.update({f"p_{t:g}": self.prob_at_least(t) for t in self.targets})
        return pd.DataFrame([row])

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        lang = self.language(lang)
        items = [
            (phrase(lang, "Dự báo cả năm", "Annual forecast"), f"{num(self.point, 2, lang)} %"),
            (phrase(lang, f"Khoảng dự báo {num(100 * self.level, 0, lang)} %", f"{num(100 * self.level, 0, lang)} % interval"),
             f"{num(self.lower, 2, lang)} – {num(self.upper, 2, lang)} %"),
            *((label("fc_prob", lang).format(x=num(t, 1, lang)), probability(self.prob_at_least(t), lang)) for t in self.targets),
            (label("fc_method", lang), label(f"fc_panel_{self.method}", lang)),
            (phrase(lang, "Học từ", "Learnt from"), phrase(lang, f"{self.n} tỉnh-năm, {self.years} năm",
                                                         f"{self.n} province-years, {self.years} years")),
            (phrase(lang, "Khoảng 80 % bao được (kiểm định lùi)", "80 % coverage (backtest)"), probability(self.coverage_80, lang)),
        ]
        return pd.DataFrame(items, columns=[label("fc_item", lang), label("fc_value", lang)])

    def summary(self, *, lang: Lang | None = None) -> str:
        lang = self.language(lang)
        probs = target_probabilities(self.prob_at_least, self.targets, lang) if self.targets else ""
        head = phrase(
            lang,
            f"Dự báo theo các tỉnh (năm {self.year}; 9 tháng {num(self.growth_9m, 2, lang)} %): cả năm "
            f"{num(self.point, 2, lang)} % (khoảng {num(100 * self.level, 0, lang)} %: {num(self.lower, 2, lang)}–"
            f"{num(self.upper, 2, lang)} %), phương pháp {label(f'fc_panel_{self.method}', lang)}, học từ {self.n} "
            f"tỉnh-năm; khoảng 80 % của phương pháp này bao được {probability(self.coverage_80, lang)} số tỉnh-năm "
            "khi kiểm định lùi.",
            f"Forecast from the provinces ({self.year}; 9 months {num(self.growth_9m, 2, lang)} %): the year at "
            f"{num(self.point, 2, lang)} % ({num(100 * self.level, 0, lang)} %: {num(self.lower, 2, lang)}–"
            f"{num(self.upper, 2, lang)} %), method {label(f'fc_panel_{self.method}', lang)}, learnt from {self.n} "
            f"province-years; its 80 % intervals covered {probability(self.coverage_80, lang)} of province-years in the backtest.",
        )
        if probs:
            head += "\n" + phrase(lang, f"Xác suất đạt mục tiêu (đã hiệu chỉnh trên các tỉnh) — {probs}.",
                                  f"Probability of reaching the target (calibrated on the provinces) — {probs}.")
            if self.prediction.form == "empirical":
                counts = "; ".join(
                    phrase(lang, f"{self.exceedances(t)}/{self.n} tỉnh-năm kết thúc năm cao hơn dự báo ít nhất "
                                 f"{num(t - self.point, 2, lang)} điểm (như cần để đạt {num(t, 1, lang)} %)",
                           f"{self.exceedances(t)}/{self.n} province-years ended at least "
                           f"{num(t - self.point, 2, lang)} points above their forecast (as {num(t, 1, lang)} % needs)")
                    for t in self.targets)
                head += phrase(lang, f" Căn cứ: {counts}; xác suất = (số lần + 1)/(số tỉnh-năm + 2).",
                               f" Basis: {counts}; probability = (count + 1)/(province-years + 2).")
        return head


def provincial_forecast(
    plan_or_growth: Plan | float,
    *,
    method: str | None = None,
    year: int | None = None,
    targets: Sequence[float] | None = None,
    panel: pd.DataFrame | None = None,
    predictive: Predictive = "empirical",
    level: float = 0.8,
    lang: Lang = "vi",
) -> ProvincialForecast:
    """Forecast the plan's year from its 9-month GRDP growth with a panel method.

    Parameters
    ----------
    plan_or_growth : Plan or float
        A 9-month plan (its GRDP row's 9 months, year and targets), or a 9-month growth.
    method : str, optional
        One of :data:`PANEL_METHODS`; default the one :func:`choose_default`
        picks from the panel backtest.
    year : int, optional
        Default: the plan's (for a bare figure, the latest 9-month release on file).
    targets : sequence of float, optional
        Default: the plan's annual GRDP target ends.
    panel : DataFrame, optional
        Default: the shipped panel; only years before ``year`` are learnt from.
    level : float
    lang : {"vi", "en"}

    Examples
    --------
    >>> from grdp import load_plan
    >>> f = provincial_forecast(load_plan(), method="panel_gap")
    >>> f.year, f.growth_9m, f.lower < f.point < f.upper, 0 < f.prob_at_least(10.5) < f.prob_at_least(10) < 0.5
    (2025, 8.01, True, True)
    """
    lang = check_lang(lang)
    check_level(level)
    if isinstance(plan_or_growth, Plan):
        plan = plan_or_growth
        if plan.months_done != 9:
            raise ValueError(f"the panel forecasts stand at the 9-month release; the plan has {plan.months_done} months done")
        figures = plan.growth_figures()
        g_row = plan.grdp
        if g_row is None or g_row.done.is_missing or g_row.done.low is None:
            raise MissingFigures([("grdp_growth", "done")])
        growth_9m = float(g_row.done.low)
        year = plan.year if year is None else year
        targets = (plan.targets if figures is not None or plan.targets else ()) if targets is None else targets
    else:
        growth_9m = float(plan_or_growth)
        year = latest_nine_month_year() if year is None else year
        targets = () if targets is None else targets
    source = province_panel() if panel is None else panel
    p = _with_national(source[source["year"] < year])
    if p["year"].nunique() < 3:
        raise ValueError(f"the panel has province-years in fewer than 3 years before {year}")
    bt = panel_backtest(source[source["year"] < year], predictive=predictive, lang=lang)
    method = bt.default_method if method is None else check_option("method", method, PANEL_METHODS)
    coef, errors, n_years = _calibrated(method, p)
    known = national_gap_forecasts()  # already fitted for the backtest, up to the latest 9-month release
    nat = float(known[year]) if year in known.index else national_gap_forecast(year, growth_9m=growth_9m)
    pred = PanelPrediction(method, growth_9m + float(_gap(coef, nat)), errors, n_years, predictive)
    return ProvincialForecast(
        prediction=pred,
        growth_9m=growth_9m,
        targets=tuple(float(t) for t in sorted(targets)),
        year=int(year),
        national_gap=nat,
        coef=coef,
        backtest=bt,
        level=level,
        lang=lang,
    )

