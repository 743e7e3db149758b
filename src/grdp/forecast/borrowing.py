"""A province without its own long series borrows the national pattern of Q4 against the first nine months.

A national annual prediction is ``(1 - w_n)(g9M_n + r̄) + w_n ĝ4`` (:mod:`grdp.forecast.methods`):
the 9 months revised by ``r̄`` on the national Q4 weight ``w_n``'s complement, plus the
forecast Q4. :func:`borrow` carries its two parts over to a province separately —
the Q4 *acceleration* ``a = ĝ4 - g9M_n`` at the province's Q4 weight ``w_p``, the
revision at ``1 - w_p``::

    gY_p = g9M_p + w_p a + (1 - w_p) r̄

— and widens the interval by the provinces' dispersion around the national
pattern (:func:`provincial_spread`), measured in points of *annual* growth, where
it was observed, and therefore not rescaled by any weight. The interval's
degrees of freedom are those of its least-measured material part: the spread
rests on a handful of province-years, and a Welch–Satterthwaite figure driven
by an infinite-df national part would overstate them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import pandas as pd

from grdp.core.labels import label
from grdp.core.periods import ytd_growth
from grdp.core.results import Result
from grdp.core.typing import Lang
from grdp.core.wording import num, phrase
from grdp.forecast.methods import Prediction, combine
from grdp.forecast.origin import Origin
from grdp.io.datasets import provinces
from grdp.io.vintages import as_of, growth_releases, national_quarter_weights, published_on

__all__ = ["PROVINCES", "province_name", "first_releases", "ProvincialSpread", "provincial_spread", "borrow"]

PROVINCES = ("Hung Yen (old, pre-2025-07-01)", "Thai Binh (pre-2025-07-01)")
"""The former provinces whose published figures measure the provincial dispersion."""


def province_name(province: str, lang: Lang) -> str:
    """The display name of a province in the provincial file."""
    key = {PROVINCES[0]: "fc_prov_hungyen_old", PROVINCES[1]: "fc_prov_thaibinh"}.get(province)
    return label(key, lang) if key else province


def _ytd(values: Sequence[float], weights: Sequence[float]) -> float:
    """Year-to-date growth of the first ``len(values)`` quarters (:func:`grdp.core.periods.ytd_growth`)."""
    idx = pd.period_range("2000Q1", periods=len(values), freq="Q")
    ytd = ytd_growth(pd.Series(list(values), index=idx), pd.Series(list(weights[: len(values)]), index=idx))
    return float(ytd.iloc[-1])


def first_releases() -> pd.DataFrame:
    """Every national figure in its first release (:func:`grdp.io.vintages.as_of`, all published)."""
    r = growth_releases()
    return as_of(r["published"].max(), vintage="first", releases=r)


@dataclass(frozen=True)
class ProvincialSpread(Result):
    """How far provinces' annual gap strayed from the nation's: the error of borrowing the national pattern.

    ``pairs`` has one row per province and year with a published part-year
    figure (9 months, or else the first half) and a published annual figure:
    ``deviation = (gY_p - g_done_p) - (gY_n - g_done_n)`` — the province's
    annual-minus-part-done gap less the nation's, in points of annual growth,
    independent of any Q4 weight. A half-year pair measures the gap over the
    second half; it is brought to the 9-month horizon by the ratio of the
    national rest-of-year weights, ``w4 / (w3 + w4)`` (``rest_scale``) — the
    one place a weight enters, the same for every province. ``sd`` is their
    root mean square (the national pattern is borrowed as is, so deviations
    are measured from zero) with ``df = n``.
    """

    pairs: pd.DataFrame
    lang: Lang = "vi"

    _table_index: ClassVar[bool] = False

    @property
    def sd(self) -> float:
        return float(np.sqrt(np.mean(self.pairs["deviation"].to_numpy(dtype="float64") ** 2)))

    @property
    def df(self) -> float:
        return float(len(self.pairs))

    def to_frame(self) -> pd.DataFrame:
        return self.pairs.copy()

    def summary(self, *, lang: Lang | None = None) -> str:
        lang = self.language(lang)
        return phrase(
            lang,
            f"Độ phân tán giữa các tỉnh quanh mẫu hình cả nước: {num(self.sd, 2, lang)} điểm phần trăm tăng trưởng cả năm, "
            f"từ {len(self.pairs)} cặp số của tỉnh (bậc tự do {len(self.pairs)}).",
            f"Provinces' dispersion around the national pattern: {num(self.sd, 2, lang)} points of annual growth, "
            f"from {len(self.pairs)} province-years ({len(self.pairs)} degrees of freedom).",
        )

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """The pairs, formatted for a report."""
        lang = self.language(lang)
        p = self.pairs
        return pd.DataFrame(
            {
                label("fc_province", lang): [province_name(x, lang) for x in p["province"]],
                label("fc_year", lang): p["year"].astype(str),
                label("fc_split", lang): [label("fc_period_9m", lang) if x == "9M" else label("fc_period_h1", lang) for x in p["split"]],
                label("fc_done", lang): [num(x, 2, lang) for x in p["done"]],
                label("fc_annual", lang): [num(x, 2, lang) for x in p["annual"]],
                label("fc_national_done", lang): [num(x, 2, lang) for x in p["national_done"]],
                label("fc_national_annual", lang): [num(x, 2, lang) for x in p["national_annual"]],
                label("fc_deviation", lang): [num(x, 2, lang) for x in p["deviation"]],
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
    p = provinces()
    g = p[(p["sector"] == "total") & (p["measure"] == "growth_yoy_pct") & (p["bound"] == "exact") & p["province"].isin(PROVINCES)]
    g = g.assign(published=[published_on(d) for d in g["release_date"]]).sort_values(["published"], kind="stable")
    nat = first_releases()
    w = national_quarter_weights()
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
            n_done, rest_scale = float(n_row["9M"]), 1.0
        else:
            n_done = float(n_row["H1"]) if not np.isnan(n_row["H1"]) else _ytd([n_row["Q1"], n_row["Q2"]], w)
            rest_scale = w[3] / (w[2] + w[3])
        n_annual = float(n_row["Y"])
        dev = rest_scale * ((float(annual["low"]) - done) - (n_annual - n_done))
        rows.append(
            {
                "province": prov,
                "year": int(year),
                "split": split,
                "done": round(done, 4),
                "annual": float(annual["low"]),
                "national_done": round(n_done, 4),
                "national_annual": n_annual,
                "rest_scale": rest_scale,
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

    With ``w_n = origin.q4_weight``, ``r̄`` the revision of the 9 months
    (``origin.revision``) and ``w_p`` the province's Q4 weight (default ``w_n``):

    * acceleration ``a = (point_n - g9M_n - (1 - w_n) r̄) / w_n``;
    * ``point_p = g9M_p + w_p a + (1 - w_p) r̄``;
    * variance ``w_p² V_a + (1 - w_p)² V_r + σ_p²``, where ``V_r`` is the
      revision's predictive variance, ``V_a = (scale_n² - (1 - w_n)² V_r) / w_n²``
      the rest of the national variance (the Q4 part) and ``σ_p`` the spread,
      in annual points;
    * degrees of freedom: Welch–Satterthwaite, capped at the spread's (its
      number of province-years) when a spread is added.

    Examples
    --------
    >>> from grdp.forecast.origin import national_origin
    >>> o = national_origin(2025)                      # national 9 months: 7,85 %, w_n 0,271, r̄ +0,089
    >>> nat = Prediction("demo", point=8.15, scale=0.3, df=float("inf"))
    >>> round(borrow(nat, o, 8.01).point, 2)           # at w_p = w_n: 8,01 + (8,15 - 7,85)
    8.31
    >>> a = (0.30 - 0.729 * 0.089) / 0.271             # the national Q4 acceleration, 0,87 points
    >>> round(borrow(nat, o, 8.01, q4_weight=0.32).point - (8.01 + 0.32 * a + 0.68 * 0.089), 3)
    0.0
    """
    w_n = origin.q4_weight
    w_p = w_n if q4_weight is None else float(q4_weight)
    rev = origin.revision
    v_rev = rev.sd**2 * (1 + 1 / max(rev.n, 1)) if rev.n else 0.0
    acceleration = (prediction.point - origin.growth_9m - (1 - w_n) * rev.mean) / w_n
    point = growth_9m + w_p * acceleration + (1 - w_p) * rev.mean
    v_q4 = max(prediction.scale**2 - (1 - w_n) ** 2 * v_rev, 0.0) / w_n**2
    parts = [(w_p**2 * v_q4, prediction.df), ((1 - w_p) ** 2 * v_rev, float(max(rev.n - 1, 1)))]
    if spread is not None:
        parts.append((spread.sd**2, spread.df))
    scale, df = combine(parts)
    if spread is not None:
        df = min(df, spread.df)
    return Prediction(prediction.method, float(point), scale, df, prediction.converged)
