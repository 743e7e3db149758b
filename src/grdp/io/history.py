"""A province's own quarterly growth history, read from a user's file.

The file format: a CSV (UTF-8) with a header and two columns, ``period``
(``2023Q1``) and ``growth_yoy_pct`` (growth on the same quarter of the
previous year, %). :func:`read_history` validates it and returns a quarterly
series; :func:`grdp.forecast.origin.history_origin` builds a forecast origin on it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from grdp.core.errors import InputError
from grdp.core.numbers import parse_value

__all__ = ["HISTORY_COLUMNS", "read_history"]

HISTORY_COLUMNS = ("period", "growth_yoy_pct")
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
    if isinstance(source, pd.DataFrame):
        frame, name = source.astype(str), "history"
    else:
        path = Path(source)
        name = path.name
        if not path.is_file():
            raise InputError("no such file", file=str(path))
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except (UnicodeDecodeError, pd.errors.ParserError) as err:
            raise InputError(f"not a UTF-8 CSV file ({err.__class__.__name__})", file=name) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in HISTORY_COLUMNS if c not in frame.columns]
    if missing:
        raise InputError(
            f"the header must name the columns {', '.join(HISTORY_COLUMNS)}; missing: {', '.join(missing)}",
            file=name,
            row=1,
        )
    if frame.empty:
        raise InputError("no quarters in the file", file=name)
    periods, values = [], []
    for i, (p, v) in enumerate(zip(frame["period"], frame["growth_yoy_pct"], strict=True)):
        row = i + 2
        m = _QUARTER.match(str(p).strip())
        if not m:
            raise InputError("a period must be a quarter written like 2023Q1", text=str(p), file=name, row=row, column="period")
        try:
            pv = parse_value(v, unit="%")
        except InputError as err:
            raise err.at(file=name, row=row, column="growth_yoy_pct") from None
        if pv.bound != "exact" or pv.low is None:
            raise InputError("growth must be one number (no range, bound or blank)", text=str(v), file=name, row=row, column="growth_yoy_pct")
        period = pd.Period(year=int(m.group(1)), quarter=int(m.group(2)), freq="Q")
        if period in periods:
            raise InputError("this quarter is given twice", text=str(p), file=name, row=row, column="period")
        periods.append(period)
        values.append(pv.low)
    series = pd.Series(values, index=pd.PeriodIndex(periods, freq="Q"), name="growth").sort_index()
    return _check_history(series, name=name)


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
