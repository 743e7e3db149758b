"""Reading a plan's indicator table (Phụ lục 1) in its published layout.

The published layout has nine columns::

    STT | Chỉ tiêu | ĐVT | Kết quả 9 tháng | Mục tiêu Quý IV | Mục tiêu năm YYYY |
    Đơn vị chủ trì thực hiện | Đơn vị theo dõi tổng hợp báo cáo | Ghi chú

with section rows (``I Các chỉ tiêu kinh tế``), group rows without figures
(``2 Tốc độ tăng trưởng giá trị sản xuất``) and indicator rows (``1``, ``2.1`` …).
The split of the year comes from the header: ``Kết quả N tháng`` with
``Mục tiêu Quý IV`` (N = 9) or ``Mục tiêu M tháng cuối năm`` (N + M = 12), and
the target year from ``Mục tiêu năm YYYY`` — so a mid-year plan or next year's
plan loads unchanged.

Documented normalisations (beyond those of :mod:`grdp.io.tables`; each is tested
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
* **Plausible ranges.** A figure outside the range its kind allows
  (:mod:`grdp.io.plausible`: a growth rate of -100 % or less or above 1 000 %,
  a share above 100 %, a negative amount …) is an error: it is a typo, and the
  audit's identities would turn it into a weight no year can have.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from grdp.core.errors import InputError, PlanWarning
from grdp.core.numbers import PrintedValue, parse_value
from grdp.core.periods import MONTHS_PER_YEAR
from grdp.core.typing import Lang
from grdp.io.indicators import identify
from grdp.io.plausible import implausibility
from grdp.io.tables import Columns, Table, header_matcher, locate_columns, read_table

__all__ = ["PlanLayout", "read_plan_layout"]

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


@dataclass(frozen=True)
class PlanLayout:
    """What a plan file holds, as read: the split of the year and one record per indicator row.

    ``records`` map the fields of :class:`grdp.io.plan.PlanRow` to their values
    (the three periods as :class:`~grdp.core.numbers.PrintedValue`).
    """

    file: str
    months_done: int
    year: int
    records: tuple[dict[str, object], ...]


def read_plan_layout(path: Path) -> PlanLayout:
    """Read a plan file in the published layout (see the module notes).

    Raises
    ------
    InputError
        Naming file, row, column and text for anything that cannot be read
        unambiguously (missing columns, duplicate STT, a reversed range …).

    Warns
    -----
    PlanWarning
        For an indicator grdp neither knows nor can classify from its unit.
    """
    table = read_table(path, is_header=header_matcher(_COLUMNS))
    cols = locate_columns(table, _COLUMNS)
    months_done, year = _split_of_year(table, cols)
    return PlanLayout(table.file, months_done, year, tuple(_records(table, cols)))


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


def _records(table: Table, cols: dict[str, int]) -> list[dict[str, object]]:
    section = section_name = ""
    groups: dict[str, tuple[str, str | None]] = {}  # stt -> (name, key)
    seen: dict[str, int] = {}
    records: list[dict[str, object]] = []
    for row_no, printed in table.rows:
        cells = _unspread_heading(table, row_no, printed, cols["name"])
        cell = {fld: cells[idx] for fld, idx in cols.items()}
        stt = cell["stt"].rstrip(".")
        kind = _stt_kind(stt)
        where: dict[str, Any] = {"file": table.file, "row": row_no}
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
        for fld in _VALUE_FIELDS:
            if (why := implausibility(values[fld], ikind, cell["unit"])) is not None:
                raise InputError(why, text=cell[fld], column=table.header[cols[fld]], **where)
        if ikind == "unknown":
            warnings.warn(
                f"{table.file}, row {row_no}: indicator {stt} '{cell['name']}' ({cell['unit'] or 'no unit'}) "
                "is not one grdp knows and its unit does not tell its kind; it is loaded as 'unknown'",
                PlanWarning,
                stacklevel=4,
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
        rec.update(values)
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
    style: Lang | None = "en" if (row_no, col) in table.numeric else None
    try:
        return parse_value(text, unit=unit or None, style=style)
    except InputError as err:
        raise err.at(file=table.file, row=row_no, column=table.header[col]) from None
