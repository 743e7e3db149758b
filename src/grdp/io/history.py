"""A province's own quarterly figures, read from a user's file: growth history and levels.

:func:`read_history` reads quarterly growth — a CSV (UTF-8) with a header and
two columns, ``period`` (``2023Q1``) and ``growth_yoy_pct`` (growth on the same
quarter of the previous year, %) — for
:func:`grdp.forecast.origin.history_origin`. :func:`read_levels` reads
quarterly GRDP levels at constant prices — columns ``period`` and ``level``,
optionally ``province`` — and sums the provinces quarter by quarter (fixed-base
levels add; growth rates never average), for the province's Q4 weight
(:func:`grdp.sectors.quarter_weight.q4_weight`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from grdp.core.errors import InputError
from grdp.core.numbers import parse_value

__all__ = ["HISTORY_COLUMNS", "LEVEL_COLUMNS", "read_history", "read_levels"]

HISTORY_COLUMNS = ("period", "growth_yoy_pct")
LEVEL_COLUMNS = ("period", "level")
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$", re.IGNORECASE)


def read_history(source: str | Path | pd.DataFrame | pd.Series) -> pd.Series:
    """Read a province's quarterly growth history.

    The file format: a CSV (UTF-8) with a header and two columns,

    ``period``
        a quarter written ``2023Q1`` (``2023-Q1`` also reads);
    ``growth_yoy_pct``
        growth on the same quarter of the previous year, in % (``8.22``, or
        ``"8,22"`` quoted; a ``%`` sign is allowed).

    One row per quarter, in any order, without gaps or repeats. Other columns
    are ignored. A DataFrame with those columns, or a Series on a quarterly
    ``PeriodIndex``, is accepted as is.

    Returns
    -------
    pandas.Series
        Growth on a ``PeriodIndex`` (freq ``"Q"``), sorted, named ``growth``.

    Raises
    ------
    InputError
        Naming the file, row (header = 1), column and text: a missing column,
        a period that is not a quarter, a value that is not one number, a
        repeated or missing quarter.

    Examples
    --------
    >>> h = read_history(pd.DataFrame({"period": ["2024Q2", "2024Q1"], "growth_yoy_pct": ["8,74", "6.07"]}))
    >>> h.index.astype(str).tolist(), h.tolist()
    (['2024Q1', '2024Q2'], [6.07, 8.74])
    """
    if isinstance(source, pd.Series):
        return _check_history(source.astype("float64").rename("growth"), name="history")
    frame, name = _read_frame(source, HISTORY_COLUMNS, "history")
    periods, values = _quarters(frame, "growth_yoy_pct", "%", name, "growth")
    seen: set[pd.Period] = set()
    for i, period in enumerate(periods):
        if period in seen:
            raise InputError("this quarter is given twice", text=str(frame["period"].iloc[i]), file=name, row=i + 2,
                             column="period")
        seen.add(period)
    series = pd.Series(values, index=pd.PeriodIndex(periods, freq="Q"), name="growth").sort_index()
    return _check_history(series, name=name)


def read_levels(source: str | Path | pd.DataFrame) -> pd.Series:
    """Read quarterly GRDP levels at constant prices and sum them over provinces, quarter by quarter.

    The file format: a CSV (UTF-8) with a header and the columns

    ``period``
        a quarter written ``2024Q1``;
    ``level``
        GRDP of the quarter at constant prices, in any one unit for the whole
        file (``12 345,6`` quoted or ``12345.6``);
    ``province`` (optional)
        for a province formed by a merger, its former provinces' levels, each
        province's quarters once. They are added (fixed-base levels add).

    Returns
    -------
    pandas.Series
        The summed level on a quarterly ``PeriodIndex``, named ``level``; only
        quarters every province gives.

    Raises
    ------
    InputError
        Naming the file, row, column and text: a missing column, a period that
        is not a quarter, a level that is not one positive number, a quarter a
        province gives twice.

    Examples
    --------
    >>> lv = read_levels(pd.DataFrame({"province": ["A", "A", "B", "B"], "period": ["2024Q3", "2024Q4"] * 2,
    ...                                "level": ["10", "12", "5", "6,5"]}))
    >>> lv.index.astype(str).tolist(), lv.tolist()
    (['2024Q3', '2024Q4'], [15.0, 18.5])
    """
    frame, name = _read_frame(source, LEVEL_COLUMNS, "levels")
    provinces = frame["province"] if "province" in frame.columns else pd.Series([""] * len(frame), index=frame.index)
    periods, values = _quarters(frame, "level", "", name, "level")
    table = pd.DataFrame({"province": provinces.to_numpy(), "period": periods, "level": values})
    for i, dup in enumerate(table.duplicated(["province", "period"])):
        if dup:
            raise InputError("this quarter is given twice for one province", text=str(table["period"].iloc[i]),
                             file=name, row=i + 2, column="period")
    if (table["level"] <= 0).any():
        i = int((table["level"] <= 0).to_numpy().argmax())
        raise InputError("a level must be positive", text=str(frame["level"].iloc[i]), file=name, row=i + 2, column="level")
    wide = table.pivot(index="period", columns="province", values="level").dropna()
    total = wide.sum(axis=1).rename("level")
    total.index = pd.PeriodIndex(total.index, freq="Q")
    return total.sort_index()


def _read_frame(source: str | Path | pd.DataFrame, columns: tuple[str, ...], what: str) -> tuple[pd.DataFrame, str]:
    """A table of strings with the required ``columns``, and the name errors cite."""
    if isinstance(source, pd.DataFrame):
        frame, name = source.astype(str), what
    else:
        path = Path(source)
        name = path.name
        if not path.is_file():
            raise InputError("no such file", file=str(path))
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except pd.errors.EmptyDataError:
            raise InputError("the file is empty: it needs a header and one row per quarter", file=name) from None
        except (UnicodeDecodeError, pd.errors.ParserError) as err:
            raise InputError(f"not a UTF-8 CSV file ({err.__class__.__name__})", file=name) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(
            f"the header must name the columns {', '.join(columns)}; missing: {', '.join(missing)}",
            file=name,
            row=1,
        )
    if frame.empty:
        raise InputError("no quarters in the file", file=name)
    return frame, name


def _quarters(frame: pd.DataFrame, column: str, unit: str, name: str, what: str) -> tuple[list[pd.Period], list[float]]:
    """Each row's quarter and single number, validated (file, row, column and text on error)."""
    periods, values = [], []
    for i, (p, v) in enumerate(zip(frame["period"], frame[column], strict=True)):
        row = i + 2
        m = _QUARTER.match(str(p).strip())
        if not m:
            raise InputError("a period must be a quarter written like 2023Q1", text=str(p), file=name, row=row, column="period")
        try:
            pv = parse_value(v, unit=unit)
        except InputError as err:
            raise err.at(file=name, row=row, column=column) from None
        if pv.bound != "exact" or pv.low is None:
            raise InputError(f"{what} must be one number (no range, bound or blank)", text=str(v), file=name, row=row,
                             column=column)
        periods.append(pd.Period(year=int(m.group(1)), quarter=int(m.group(2)), freq="Q"))
        values.append(pv.low)
    return periods, values


def _check_history(series: pd.Series, *, name: str) -> pd.Series:
    if not isinstance(series.index, pd.PeriodIndex) or series.index.freqstr[0] != "Q":
        raise InputError("a history needs quarters (a PeriodIndex with freq 'Q')", file=name)
    series = series.sort_index()
    if series.index.has_duplicates:
        raise InputError("a quarter is given twice", text=str(series.index[series.index.duplicated()][0]), file=name)
    full = pd.period_range(series.index[0], series.index[-1], freq="Q")
    gaps = full.difference(series.index)
    if len(gaps):
        raise InputError(f"quarters are missing: {', '.join(str(g) for g in gaps)}", file=name, column="period")
    if series.isna().any():
        raise InputError("a growth value is missing", text=str(series.index[series.isna()][0]), file=name)
    return series
