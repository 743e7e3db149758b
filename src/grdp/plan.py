"""The plan's indicator table (Phụ lục 1) as a tidy DataFrame.

The published layout has nine columns::

    STT | Chỉ tiêu | ĐVT | Kết quả 9 tháng | Mục tiêu Quý IV | Mục tiêu năm 2025 |
    Đơn vị chủ trì thực hiện | Đơn vị theo dõi tổng hợp báo cáo | Ghi chú

with section rows (``I Các chỉ tiêu kinh tế``), group rows without figures
(``2 Tốc độ tăng trưởng giá trị sản xuất``) and indicator rows (``1``, ``2.1`` …).
The split of the year comes from the header: ``Kết quả N tháng`` with
``Mục tiêu Quý IV`` (N = 9) or ``Mục tiêu M tháng cuối năm`` (N + M = 12), and
the target year from ``Mục tiêu năm YYYY`` — so a mid-year plan or next year's
plan loads unchanged.

Documented normalisations (beyond those of :mod:`grdp.tables`; each is tested
in ``tests/test_bad_inputs.py``, whose corpus ``tests/bad_inputs/`` holds one
file per defect):

* **Header.** Cells are matched case-insensitively after NFC/space
  normalisation; ``Đơn vị tính`` (what ``ĐVT`` abbreviates) is read as ``ĐVT``.
  The header is the first row with at least three known column names, so a
  header that lacks one (even ``STT``) is reported as a missing column, not as
  "no header".
* **Headings spread across columns.** In a workbook, a section or group row
  whose name cell is merged across the row's other columns is one wide cell:
  the columns it covers read as empty (so ``2  Tốc độ tăng trưởng giá trị sản
  xuất`` stays a heading without figures).
* **Text merged down rows** (a lead or monitoring unit shared by 2.1–2.4) is
  filled into every row it covers, and so is a merged "not given" mark (``-``);
  a **figure** merged over several cells is an error, since one printed figure
  cannot belong to several indicators.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from pathlib import Path
from typing import Literal

import pandas as pd

from .errors import InputError, PlanWarning
from .indicators import KIND_LABELS, identify
from .labels import Lang, check_lang, label, unit_label
from .numbers import PrintedValue, format_value, parse_value
from .periods import implied_weight
from .paths import raw_dir
from .tables import Columns, Table, header_matcher, locate_columns, read_table

__all__ = [
    "Period",
    "PERIODS",
    "load_plan",
    "default_plan_path",
    "value_at",
    "plan_table",
    "period_label",
    "GRDP_KEY",
    "grdp_figures",
    "implied_rest_weight",
]

Period = Literal["done", "rest", "year"]
PERIODS: tuple[Period, ...] = ("done", "rest", "year")
MONTHS_PER_YEAR = 12

_ROMAN = re.compile(r"(?=[IVXL])L?X{0,3}(IX|IV|V?I{0,3})")
_STT = re.compile(r"\d+(\.\d+)*")
_DONE = re.compile(r"kết quả (\d{1,2}) tháng")
_REST = re.compile(r"mục tiêu (quý iv|(\d{1,2}) tháng cuối năm)")
_YEAR = re.compile(r"mục tiêu năm (\d{4})")

# field -> (pattern on the casefolded header cell, printed name for messages)
_COLUMNS: Columns = {
    "stt": (re.compile(r"stt"), "STT"),
    "name": (re.compile(r"chỉ tiêu"), "Chỉ tiêu"),
    "unit": (re.compile(r"đvt|đơn vị tính"), "ĐVT"),
    "done": (_DONE, "Kết quả 9 tháng"),
    "rest": (_REST, "Mục tiêu Quý IV"),
    "year": (_YEAR, "Mục tiêu năm YYYY"),
    "lead_unit": (re.compile(r"đơn vị chủ trì thực hiện"), "Đơn vị chủ trì thực hiện"),
    "monitoring_unit": (re.compile(r"đơn vị theo dõi tổng hợp báo cáo"), "Đơn vị theo dõi tổng hợp báo cáo"),
    "note": (re.compile(r"ghi chú"), "Ghi chú"),
}
_VALUE_FIELDS = ("done", "rest", "year")

COLUMNS: tuple[str, ...] = (
    "stt",
    "section",
    "section_name",
    "group",
    "name",
    "name_en",
    "key",
    "unit",
    "kind",
    *(f"{p}_{part}" for p in PERIODS for part in ("low", "high", "bound", "precision")),
    "lead_unit",
    "monitoring_unit",
    "note",
    *(f"{p}_raw" for p in PERIODS),
    "source_row",
)


def default_plan_path() -> Path:
    """The embedded 2025 plan: ``data/raw/plan_2025_indicators.csv``."""
    return raw_dir() / "plan_2025_indicators.csv"


def _split_of_year(table: Table, cols: dict[str, int]) -> tuple[int, int]:
    """Months done and target year from the header."""
    done_m = _DONE.fullmatch(table.header[cols["done"]].casefold())
    rest_m = _REST.fullmatch(table.header[cols["rest"]].casefold())
    year_m = _YEAR.fullmatch(table.header[cols["year"]].casefold())
    assert done_m and rest_m and year_m
    months_done = int(done_m[1])
    months_rest = 3 if rest_m[2] is None else int(rest_m[2])
    if months_done + months_rest != MONTHS_PER_YEAR or not 0 < months_done < MONTHS_PER_YEAR:
        raise InputError(
            f"the header splits the year into {months_done} + {months_rest} months, not 12",
            text=f"{table.header[cols['done']]} / {table.header[cols['rest']]}",
            file=table.file,
            row=table.header_row,
        )
    return months_done, int(year_m[1])


def _stt_kind(stt: str) -> Literal["section", "item"] | None:
    if _ROMAN.fullmatch(stt):
        return "section"
    if _STT.fullmatch(stt):
        return "item"
    return None


def load_plan(path: str | Path | None = None) -> pd.DataFrame:
    """Read a plan's indicator table (CSV or XLSX, published layout) into a tidy frame.

    Parameters
    ----------
    path : str or Path, optional
        A ``.csv`` (UTF-8) or ``.xlsx`` (first sheet) file in the published layout.
        Default: the embedded 2025 plan, :func:`default_plan_path`.

    Returns
    -------
    pandas.DataFrame
        One row per indicator that carries figures (24 for the 2025 plan), in
        file order, with columns :data:`COLUMNS`: ``stt`` (as printed), section
        numeral and name, ``group`` (the heading a sub-item sits under), the printed
        ``name``, ``name_en`` and ``key`` for indicators grdp knows, ``unit``,
        ``kind`` (see :mod:`grdp.indicators`), and for each period ``done``
        (e.g. 9 months), ``rest`` (e.g. Q4) and ``year``: ``*_low``, ``*_high``,
        ``*_bound``, ``*_precision`` and the printed ``*_raw``; then lead and
        monitoring units, note and the spreadsheet row. ``attrs`` holds
        ``target_year``, ``months_done``, ``source`` (file name) and ``sha256``.

    Raises
    ------
    InputError
        Naming file, row, column and text for anything that cannot be read
        unambiguously (missing columns, duplicate STT, a reversed range …).

    Warns
    -----
    PlanWarning
        For an indicator grdp neither knows nor can classify from its unit.

    Examples
    --------
    >>> plan = load_plan()
    >>> len(plan), plan.attrs["target_year"]
    (24, 2025)
    >>> plan.set_index("stt").loc["8", ["done_low", "rest_low", "year_low"]].tolist()
    [71062.0, 3338.0, 74400.0]
    """
    path = Path(path) if path is not None else default_plan_path()
    table = read_table(path, is_header=header_matcher(_COLUMNS))
    cols = locate_columns(table, _COLUMNS)
    months_done, target_year = _split_of_year(table, cols)
    records = _records(table, cols)
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    frame = _typed(frame)
    frame.attrs.update(
        target_year=target_year,
        months_done=months_done,
        source=table.file,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
    )
    return frame


def _records(table: Table, cols: dict[str, int]) -> list[dict[str, object]]:
    section = section_name = ""
    groups: dict[str, tuple[str, str | None]] = {}  # stt -> (name, key)
    seen: dict[str, int] = {}
    records: list[dict[str, object]] = []
    for row_no, cells in table.rows:
        cells = _unspread_heading(table, row_no, cells, cols["name"])
        cell = {fld: cells[idx] for fld, idx in cols.items()}
        stt = cell["stt"].rstrip(".")
        kind = _stt_kind(stt)
        where = {"file": table.file, "row": row_no}
        if kind is None:
            reason = "the row has no STT" if not stt else "STT must be a number (1, 2.1) or a Roman numeral (I, II)"
            raise InputError(reason, text=stt or " | ".join(c for c in cells if c), column="STT", **where)
        if stt in seen:
            raise InputError(f"duplicate STT (first on row {seen[stt]})", text=stt, column="STT", **where)
        seen[stt] = row_no
        if kind == "section":
            section, section_name = stt, cell["name"]
            continue
        parent_stt = stt.rsplit(".", 1)[0] if "." in stt else None
        group_name, parent_key = groups.get(parent_stt, ("", None)) if parent_stt else ("", None)
        if not cell["unit"] and not any(cell[f] for f in _VALUE_FIELDS):
            ind, _ = identify(cell["name"], "", parent_key=parent_key)
            groups[stt] = (cell["name"], ind.key if ind else None)
            continue
        values = {fld: _parse(cell[fld], cell["unit"], table, row_no, cols[fld]) for fld in _VALUE_FIELDS}
        for fld in _VALUE_FIELDS:
            if (row_no, cols[fld]) in table.merged and not values[fld].is_missing:
                raise InputError(
                    "a merged cell: one printed figure cannot belong to several cells; unmerge it",
                    text=cell[fld],
                    column=table.header[cols[fld]],
                    **where,
                )
        ind, ikind = identify(cell["name"], cell["unit"], parent_key=parent_key)
        groups[stt] = (cell["name"], ind.key if ind else None)
        if ikind == "unknown":
            warnings.warn(
                f"{table.file}, row {row_no}: indicator {stt} '{cell['name']}' ({cell['unit'] or 'no unit'}) "
                "is not one grdp knows and its unit does not tell its kind; it is loaded as 'unknown'",
                PlanWarning,
                stacklevel=3,
            )
        rec: dict[str, object] = {
            "stt": stt,
            "section": section,
            "section_name": section_name,
            "group": group_name,
            "name": cell["name"],
            "name_en": ind.name_en if ind else "",
            "key": ind.key if ind else "",
            "unit": cell["unit"],
            "kind": ikind,
            "lead_unit": cell["lead_unit"],
            "monitoring_unit": cell["monitoring_unit"],
            "note": cell["note"],
            "source_row": row_no,
        }
        for p, fld in zip(PERIODS, _VALUE_FIELDS):
            v = values[fld]
            rec.update(
                {
                    f"{p}_low": v.low,
                    f"{p}_high": v.high,
                    f"{p}_bound": v.bound,
                    f"{p}_precision": v.precision,
                    f"{p}_raw": cell[fld],
                }
            )
        records.append(rec)
    if not records:
        raise InputError("no indicator rows with figures", file=table.file)
    return records


def _unspread_heading(table: Table, row_no: int, cells: list[str], name_col: int) -> list[str]:
    """Empty the cells that a name merged across its own row covers (a heading, one wide cell)."""
    origin = (row_no, name_col)
    if not any(table.merged_from.get((row_no, i)) == origin for i in range(len(cells))):
        return cells
    return ["" if table.merged_from.get((row_no, i)) == origin else c for i, c in enumerate(cells)]


def _parse(text: str, unit: str, table: Table, row_no: int, col: int) -> PrintedValue:
    style = "en" if (row_no, col) in table.numeric else None
    try:
        return parse_value(text, unit=unit or None, style=style)
    except InputError as err:
        raise err.at(file=table.file, row=row_no, column=table.header[col]) from None


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for p in PERIODS:
        frame[f"{p}_low"] = frame[f"{p}_low"].astype("float64")
        frame[f"{p}_high"] = frame[f"{p}_high"].astype("float64")
        frame[f"{p}_precision"] = frame[f"{p}_precision"].astype("Int64")
    frame["source_row"] = frame["source_row"].astype("int64")
    return frame


def value_at(row: pd.Series, period: Period) -> PrintedValue:
    """Rebuild the :class:`~grdp.numbers.PrintedValue` of one plan row and period."""

    def _f(x: object) -> float | None:
        return None if pd.isna(x) else float(x)  # type: ignore[arg-type]

    precision = row[f"{period}_precision"]
    return PrintedValue(
        low=_f(row[f"{period}_low"]),
        high=_f(row[f"{period}_high"]),
        bound=row[f"{period}_bound"],
        precision=None if pd.isna(precision) else int(precision),
        text=row[f"{period}_raw"],
    )


def period_label(plan: pd.DataFrame, period: Period, lang: Lang = "vi") -> str:
    """Header text of a period for this plan: ``Kết quả 9 tháng``, ``Q4 target`` …"""
    months = plan.attrs.get("months_done", 9)
    year = plan.attrs.get("target_year", "")
    rest = MONTHS_PER_YEAR - months
    if check_lang(lang) == "vi":
        return {
            "done": f"Kết quả {months} tháng",
            "rest": "Mục tiêu Quý IV" if rest == 3 else f"Mục tiêu {rest} tháng cuối năm",
            "year": f"Mục tiêu năm {year}",
        }[period]
    return {
        "done": f"{months} months, actual",
        "rest": "Q4 target" if rest == 3 else f"Last {rest} months, target",
        "year": f"{year} target",
    }[period]


def plan_table(plan: pd.DataFrame, *, lang: Lang = "vi") -> pd.DataFrame:
    """The plan as a display table: printed figures re-written in ``lang`` style, labelled columns.

    Figures are written from the parsed values (``71.062`` in Vietnamese,
    ``71,062`` in English), so the table shows what grdp understood, not what
    the PDF printed.
    """
    lang = check_lang(lang)
    out = pd.DataFrame(
        {
            label("stt", lang): plan["stt"],
            label("name", lang): plan["name"] if lang == "vi" else plan["name_en"].where(plan["name_en"] != "", plan["name"]),
            label("unit", lang): plan["unit"].map(lambda u: unit_label(u, lang)),
            label("kind", lang): plan["kind"].map(KIND_LABELS[lang]),
        }
    )
    for p in PERIODS:
        out[period_label(plan, p, lang)] = [format_value(value_at(r, p), style=lang) for _, r in plan.iterrows()]
    return out.reset_index(drop=True)


GRDP_KEY = "grdp_growth"
"""The key of the plan's GRDP growth row (row 1 of the 2025 plan)."""


def grdp_figures(plan: pd.DataFrame) -> tuple[float, tuple[float, ...], tuple[float, ...]] | None:
    """The GRDP row's done growth, rest-of-year target ends and annual target ends, paired end by end.

    ``None`` when the plan has no GRDP growth row with all three figures. A
    single figure facing a range is repeated (``(14.2, 15.8)`` with ``(10.0,)``
    becomes ``(10.0, 10.0)``).

    >>> grdp_figures(load_plan())
    (8.01, (14.2, 15.8), (10.0, 10.5))
    """
    rows = plan[plan["key"] == GRDP_KEY]
    if rows.empty:
        return None
    row = rows.iloc[0]
    done, rest, year = (value_at(row, p) for p in PERIODS)
    if done.is_missing or rest.is_missing or year.is_missing:
        return None

    def ends(v: PrintedValue) -> tuple[float, ...]:
        return tuple(x for x in dict.fromkeys((v.low, v.high)) if x is not None)

    rest_ends, year_ends = ends(rest), ends(year)
    if len(rest_ends) != len(year_ends):
        rest_ends = rest_ends * len(year_ends) if len(rest_ends) == 1 else rest_ends
        year_ends = year_ends * len(rest_ends) if len(year_ends) == 1 else year_ends
    return (done.low if done.low is not None else done.high), rest_ends, year_ends  # type: ignore[return-value]


def implied_rest_weight(plan: pd.DataFrame) -> float | None:
    """The previous-year weight of the rest of the year that the GRDP row's figures imply (mean over the ends).

    ``(gY - g_done) / (g_rest - g_done)`` for each pair of ends (:func:`grdp.periods.implied_weight`);
    ``None`` without a complete GRDP row. The audit (:func:`grdp.check_plan`) gives its rounding interval.

    >>> round(implied_rest_weight(load_plan()), 4)
    0.3206
    """
    figures = grdp_figures(plan)
    if figures is None:
        return None
    done, rest, year = figures
    return float(sum(implied_weight(done, r, y) for r, y in zip(rest, year)) / len(rest))
