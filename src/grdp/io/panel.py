"""Provinces' first-published 9-month and annual GRDP growth: the panel a provincial forecast learns from.

``data/raw/province_releases.csv`` holds, one row per published figure, what
provinces' statistics offices, People's Committees and the press printed about
a year's GRDP growth: the 9-month estimate, the first annual estimate and the
annual target, each with its source URL, date and the exact words
(``quote``). Several releases of one figure are all kept, and so are figures
on another basis (Bà Rịa – Vũng Tàu without oil and gas, Hồ Chí Minh City's old
"GDP"). Columns: ``province, year, period, measure, value, qualifier, basis,
release, release_date, source_url, quote, note`` — ``period`` ``9M`` or ``Y``;
``measure`` ``growth_yoy_pct`` or ``target_growth_pct``; ``qualifier`` empty
for a figure printed as one number, else ``approx`` (gần, khoảng), ``lower_bound``
(trên), ``range``, ``index`` or ``blank``; ``basis`` empty for GRDP as
published, else ``incl_oil_gas``, ``excl_oil_gas``, ``unclear_oil_gas`` or
``gdp_old_method``; ``release`` ``first``, ``later_quote`` or ``target``.

:func:`province_panel` turns it into one row per province and year with a
first 9-month figure and a first annual figure, by a rule fixed before any
forecast was scored:

1. A candidate is a ``first`` release of ``growth_yoy_pct`` printed as one
   number (empty qualifier) on the GRDP basis (``basis`` empty or
   ``incl_oil_gas``).
2. Its date must fall in the period's release window: a 9-month figure from
   1 September to 30 November of the year, an annual estimate from
   1 November of the year to 31 January of the next (a month-only date counts
   as the month's last day). An undated candidate is admitted; the
   transcriber kept it only where the text fixes its timing.
3. One value among the candidates: that value. Several: the earliest dated
   one, if it is the only value on that day; otherwise the province-year is
   left out (``ambiguous``) — a number is never guessed.

The boundary: every year before 2025 is before the 2025 mergers of provinces
(63 provinces), and so is every row of the file.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from grdp.core.errors import InputError
from grdp.io.filecache import read_once
from grdp.io.paths import raw_dir
from grdp.io.vintages import published_on

__all__ = ["PANEL_FILE", "PANEL_COLUMNS", "read_province_releases", "province_releases", "province_panel", "panel_exclusions"]

PANEL_FILE = "province_releases.csv"
PANEL_COLUMNS = ("province", "year", "period", "measure", "value", "qualifier", "basis", "release", "release_date",
                 "source_url", "quote", "note")
_GRDP_BASES = ("", "incl_oil_gas")
_QUALIFIERS = ("", "approx", "lower_bound", "range", "index", "blank")
_BASES = ("", "incl_oil_gas", "excl_oil_gas", "unclear_oil_gas", "gdp_old_method")
_RELEASES = ("first", "later_quote", "target")


def read_province_releases(path: str | Path) -> pd.DataFrame:
    """Read a province releases file (module notes); ``InputError`` naming file, row, column and text.

    ``value`` becomes a float (NaN where blank), ``year`` an int and
    ``published`` the day a figure was certainly out (NaT when undated).
    """
    path = Path(path)
    name = path.name
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in PANEL_COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)}", file=name, row=1)
    checks = {"period": ("9M", "Y"), "measure": ("growth_yoy_pct", "target_growth_pct"), "qualifier": _QUALIFIERS,
              "basis": _BASES, "release": _RELEASES}
    values, published, years = [], [], []
    for i, rec in enumerate(frame.itertuples(index=False), start=2):
        for column, allowed in checks.items():
            if getattr(rec, column) not in allowed:
                raise InputError(f"{column} must be one of: {', '.join(repr(a) for a in allowed)}",
                                 text=getattr(rec, column), file=name, row=i, column=column)
        if not rec.source_url.strip():
            raise InputError("every figure needs its source URL", file=name, row=i, column="source_url")
        try:
            years.append(int(rec.year))
        except ValueError:
            raise InputError("a year must be a whole number", text=rec.year, file=name, row=i, column="year") from None
        try:
            values.append(float(rec.value) if rec.value.strip() else float("nan"))
        except ValueError:
            raise InputError("not a number (decimal point)", text=rec.value, file=name, row=i, column="value") from None
        if rec.value.strip() == "" and rec.qualifier == "":
            raise InputError("a blank value needs its qualifier (range, index or blank)", file=name, row=i, column="qualifier")
        try:
            published.append(published_on(rec.release_date) if rec.release_date.strip() else pd.NaT)
        except InputError as err:
            raise err.at(file=name, row=i, column="release_date") from None
    return frame.assign(year=years, value=values, published=published)


def province_releases() -> pd.DataFrame:
    """The shipped file, ``data/raw/province_releases.csv`` (read once per process; each call gets a copy)."""
    return _read_shipped(raw_dir() / PANEL_FILE)


_read_shipped = read_once(read_province_releases)


def _window(year: int, period: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    if period == "9M":
        return pd.Timestamp(f"{year}-09-01"), pd.Timestamp(f"{year}-11-30")
    return pd.Timestamp(f"{year}-11-01"), pd.Timestamp(f"{year + 1}-01-31")


def _pick(cands: pd.DataFrame) -> tuple[float | None, str, str]:
    """The value, its source URL and why (``""`` when picked, else the reason it is left out)."""
    if cands.empty:
        return None, "", "none"
    distinct = cands["value"].unique()
    if len(distinct) == 1:
        first = cands.sort_values("published", na_position="last", kind="stable").iloc[0]
        return float(distinct[0]), first["source_url"], ""
    dated = cands.dropna(subset=["published"])
    if dated.empty:
        return None, "", "ambiguous"
    earliest = dated[dated["published"] == dated["published"].min()]
    if earliest["value"].nunique() != 1:
        return None, "", "ambiguous"
    return float(earliest["value"].iloc[0]), earliest["source_url"].iloc[0], ""


def _selection(releases: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    g = releases[(releases["measure"] == "growth_yoy_pct") & (releases["release"] == "first")
                 & (releases["qualifier"] == "") & releases["basis"].isin(_GRDP_BASES) & releases["value"].notna()]
    rows, left_out = [], []
    for (province, year), py in g.groupby(["province", "year"], sort=True):
        picked: dict[str, tuple[float | None, str, str]] = {}
        for period in ("9M", "Y"):
            lo, hi = _window(int(year), period)
            c = py[py["period"] == period]
            c = c[c["published"].isna() | c["published"].between(lo, hi)]
            picked[period] = _pick(c)
        (nine, src9, why9), (annual, srcy, whyy) = picked["9M"], picked["Y"]
        if nine is not None and annual is not None:
            rows.append({"province": province, "year": int(year), "nine_months": nine, "annual": annual,
                         "source_nine_months": src9, "source_annual": srcy})
        else:
            left_out.append({"province": province, "year": int(year), "nine_months": why9 or "picked",
                             "annual": whyy or "picked"})
    return pd.DataFrame(rows), pd.DataFrame(left_out)


def province_panel(releases: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per province and year with a first 9-month and a first annual GRDP growth figure.

    Columns ``province, year, nine_months, annual, gap, target, source_nine_months,
    source_annual``: ``gap = annual - nine_months`` (points); ``target`` the
    annual target printed for that province-year (NaN if none, or a range).
    Selection rule in the module notes.

    Examples
    --------
    >>> p = province_panel()
    >>> p.loc[(p["province"] == "Hà Nội") & (p["year"] == 2022), ["nine_months", "annual"]].values.tolist()
    [[9.69, 8.89]]
    """
    releases = province_releases() if releases is None else releases
    panel, _ = _selection(releases)
    t = releases[(releases["measure"] == "target_growth_pct") & releases["qualifier"].isin(("", "lower_bound"))
                 & releases["value"].notna()]
    targets = t.sort_values("published", kind="stable").groupby(["province", "year"])["value"].first()
    panel = panel.assign(gap=panel["annual"] - panel["nine_months"])
    panel["target"] = [targets.get((p, y), float("nan")) for p, y in zip(panel["province"], panel["year"], strict=True)]
    cols = ["province", "year", "nine_months", "annual", "gap", "target", "source_nine_months", "source_annual"]
    return panel[cols].sort_values(["year", "province"], kind="stable").reset_index(drop=True)


def panel_exclusions(releases: pd.DataFrame | None = None) -> pd.DataFrame:
    """Province-years with a first release of only one period, or with conflicting first releases.

    ``nine_months`` / ``annual``: ``picked``, ``none`` (no admissible candidate)
    or ``ambiguous`` (several values, none the earliest alone).
    """
    return _selection(province_releases() if releases is None else releases)[1]
