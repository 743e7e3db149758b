"""Rolling-origin backtest: every method's track record against what was actually published.

For each year 2013–2025 the backtest stands at the year's 9-month release
(:func:`grdp.io.vintages.nine_month_release`), uses only the figures published by
then (first releases, :func:`grdp.io.vintages.as_of`), forecasts the year with
every method of :mod:`grdp.forecast`, and compares with the first published
annual figure: mean absolute error, bias, RMSE and the coverage of the 80 % and
95 % intervals, the models side by side with the baselines.

On the national series ``sarimax`` and ``uc`` cut the mean absolute error of
"annual = 9 months" by 60 % with 80 % intervals covering 11 of 13 years; the
models without quarter means under-forecast by 0,2–0,5 point (the quarter
means were added after a first run showed that bias).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from grdp.core.labels import label
from grdp.core.results import Result
from grdp.core.typing import Lang, Vintage
from grdp.core.validation import check_lang
from grdp.core.wording import num, share_of_years, signed
from grdp.forecast.methods import METHODS, StoredFit, get_method, stored_fits
from grdp.forecast.origin import national_origin
from grdp.io.vintages import check_vintage, growth_releases, latest_nine_month_year, national_quarter_weights

__all__ = ["BACKTEST_FIRST_YEAR", "Backtest", "backtest", "backtest_fits"]

BACKTEST_FIRST_YEAR = 2013
"""First backtest origin: 2011–2012 give the baselines their first two past years."""


def _first_annual(year: int, releases: pd.DataFrame) -> float | None:
    rows = releases[(releases["year"] == year) & (releases["period"] == "Y")]
    return float(rows["value"].iloc[0]) if len(rows) else None


_BACKTEST_TEXT: dict[str, dict[str, str]] = {
    "vi": {
        "head": "Kiểm định lùi {first}–{last} ({n} năm): đứng tại ngày công bố số 9 tháng, chỉ dùng số đã công bố đến "
        "ngày đó ({vintage}); so với số cả năm công bố lần đầu.",
        "first": "bản công bố lần đầu",
        "latest": "bản đã điều chỉnh mới nhất",
        "best": "Tốt nhất trong các mô hình: {method} — MAE {mae} điểm phần trăm",
        "against": " (so với {base} của 'cả năm = 9 tháng': {change})",
        "coverage": "; khoảng 80 % bao được {c80}, khoảng 95 % bao được {c95} số năm.",
    },
    "en": {
        "head": "Backtest {first}–{last} ({n} years; standing at each 9-month release with the figures published by then "
        "({vintage} releases); scored against the first published annual figure).",
        "first": "first",
        "latest": "latest",
        "best": "Best model: {method} — MAE {mae} points",
        "against": " (against {base} for 'annual = 9 months': {change})",
        "coverage": "; 80 % intervals covered {c80}, 95 % intervals {c95} of years.",
    },
}


@dataclass(frozen=True)
class Backtest(Result):
    """Forecasts made at each year's 9-month release, against the first published annual figure.

    ``forecasts`` has one row per year and method: ``year``, ``method``,
    ``kind``, ``growth_9m``, ``point``, ``lower_80``, ``upper_80``,
    ``lower_95``, ``upper_95``, ``published`` (first annual release),
    ``error`` (point − published), ``covered_80``, ``covered_95``,
    ``converged``.
    """

    forecasts: pd.DataFrame = field(repr=False)
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

    def to_frame(self) -> pd.DataFrame:
        """:meth:`scores`: per method, years, MAE, bias, RMSE, coverage and MAE against 'annual = 9 months'."""
        return self.scores()

    def table(self, *, lang: Lang | None = None) -> pd.DataFrame:
        """:meth:`scores` formatted for a report (decimal comma in Vietnamese)."""
        lang = self.language(lang)
        s = self.scores()
        out = pd.DataFrame(
            {
                label("fc_method", lang): [METHODS[m].label(lang) for m in s.index],
                label("fc_kind", lang): [label(f"fc_{k}", lang) for k in s["kind"]],
                label("fc_years", lang): s["n"].to_numpy(),
                label("fc_mae", lang): [num(x, 2, lang) for x in s["mae"]],
                label("fc_bias", lang): [num(x, 2, lang) for x in s["bias"]],
                label("fc_rmse", lang): [num(x, 2, lang) for x in s["rmse"]],
                label("fc_coverage_80", lang): [share_of_years(x, lang) for x in s["coverage_80"]],
                label("fc_coverage_95", lang): [share_of_years(x, lang) for x in s["coverage_95"]],
            }
        )
        if "mae_ratio" in s:
            out[label("fc_mae_ratio", lang)] = [
                _mae_change(x, lang) if m != "nine_months" else "–" for m, x in zip(s.index, s["mae_ratio"], strict=True)
            ]
        return out

    def by_year(self, methods: Sequence[str] | None = None, *, lang: Lang | None = None) -> pd.DataFrame:
        """Year by year: the 9 months, the first annual release and each method's forecast (formatted)."""
        lang = self.language(lang)
        f = self.forecasts
        names = [m for m in (methods or METHODS) if m in set(f["method"])]
        points = f.pivot(index="year", columns="method", values="point")
        first = f.drop_duplicates("year").set_index("year")
        out = pd.DataFrame({label("fc_year", lang): first.index.astype(str)})
        out[label("fc_period_9m", lang)] = [num(x, 2, lang) for x in first["growth_9m"]]
        out[label("fc_published", lang)] = [num(x, 2, lang) for x in first["published"]]
        for m in names:
            out[METHODS[m].label(lang)] = [num(x, 2, lang) for x in points[m]]
        return out

    def summary(self, *, lang: Lang | None = None) -> str:
        lang = self.language(lang)
        text = _BACKTEST_TEXT[lang]
        s = self.scores()
        y = self.years
        best = s[s["kind"] == "model"]["mae"].idxmin() if (s["kind"] == "model").any() else s["mae"].idxmin()
        b = s.loc[best]
        head = text["head"].format(first=y[0], last=y[-1], n=len(y), vintage=text[self.vintage])
        line = text["best"].format(method=METHODS[best].label(lang), mae=num(b["mae"], 2, lang))
        if "nine_months" in s.index:
            line += text["against"].format(base=num(s.loc["nine_months", "mae"], 2, lang), change=_mae_change(b["mae_ratio"], lang))
        line += text["coverage"].format(c80=share_of_years(b["coverage_80"], lang), c95=share_of_years(b["coverage_95"], lang))
        return head + "\n" + line


def _mae_change(ratio: float, lang: Lang) -> str:
    """An MAE ratio as a signed change against 'annual = 9 months': 0,4 → ``-60 %``."""
    return f"{signed(100 * (ratio - 1), 0, lang)} %"


def backtest(
    *,
    years: Iterable[int] | None = None,
    methods: Iterable[str] | None = None,
    vintage: Vintage = "first",
    q4_weight: float | None = None,
    lang: Lang = "vi",
) -> Backtest:
    """Rolling-origin backtest on the national series.

    For each year, stand at its 9-month release (:func:`grdp.io.vintages.nine_month_release`),
    use only the figures published by then (:func:`grdp.io.vintages.as_of`),
    forecast the year with every method, and compare with the year's first
    published annual figure.

    Parameters
    ----------
    years : iterable of int, optional
        Origins; default :data:`BACKTEST_FIRST_YEAR` to the latest year with
        both a 9-month and an annual release.
    methods : iterable of str, optional
        Names in :data:`grdp.forecast.methods.METHODS`; default all.
    vintage : {"first", "latest"}
        Quarterly figures the models read: first releases (default) or as
        revised by the origin.
    q4_weight : float, optional
        Q4's weight in the identity (default: the national one, :func:`grdp.io.vintages.national_quarter_weights`).

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
    w4 = national_quarter_weights()[3] if q4_weight is None else float(q4_weight)
    return Backtest(pd.DataFrame(rows), vintage, w4, lang)


def backtest_fits(*, lang: Lang = "vi") -> list[StoredFit]:
    """The model fits of :func:`backtest` with its defaults, as :func:`grdp.forecast.methods.stored_fits` gives them.

    ``grdp report`` runs this in a forked child (:class:`grdp.core.forking.ForkedCall`) while it writes
    the first sections, and hands the fits to :func:`grdp.forecast.methods.add_fits` before its backtest.
    """
    backtest(lang=lang)
    return stored_fits()
