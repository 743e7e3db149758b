"""Read the cells of a CSV or XLSX table as text, keeping where each cell came from.

This is the layer below :func:`grdp.load_plan` and :func:`grdp.load_tasks`. It
never interprets a figure; it only makes sure every cell arrives as
whitespace-normalised NFC text with its spreadsheet row number, and that
nothing is lost on the way. Documented normalisations:

* **Encoding.** UTF-8 (with or without BOM). A file that is not UTF-8 is tried
  as Windows-1258 (``cp1258``, the Vietnamese Windows code page) and accepted,
  with a :class:`~grdp.core.errors.PlanWarning`, only when its header then reads
  correctly; otherwise it is an error that says to save the file as UTF-8
  (a UTF-16 file, Excel's "Unicode Text", is named as such).
* **Delimiter.** Comma; when no header is found that way, semicolon — what
  Excel writes as "CSV" where the decimal mark is a comma, as in Vietnamese
  settings. Quotes are read strictly: a quote that is not closed is an error
  naming the row where the broken cell starts, never a cell that silently
  swallows the rest of the row or file.
* **Text.** NFC (NFD input reads the same); full-width digits and ``％．，－``
  as ASCII; non-breaking spaces, tabs and line breaks inside a cell become single
  spaces; ends stripped. A control character (NUL, BEL, ESC, DEL …) anywhere is
  an error quoting the cell with it written ``\\xNN``: it is invisible, and a
  figure never holds one.
* **Size.** A CSV file over :data:`MAX_CSV_BYTES` (5 MB) is refused before it
  is read; a workbook is bounded as :mod:`grdp.io.workbook` says.
* **Title rows.** Rows above the header (a document title, a blank line) are
  skipped; the header is the first row the caller recognises. When none is
  found, the error quotes the first non-empty row.
* **Blank rows** are skipped. A non-empty cell beyond the last header column is
  an error naming its column letter: it would otherwise be lost. A row with
  more fields than the header line (a quote opened in mid-cell, a separator
  inside a cell) is an error naming the row: its cells have shifted.
* **XLSX.** One sheet: the active one if visible, else the first visible one
  (:mod:`grdp.io.workbook`; a hidden sheet is never read). Numeric cells are written out with a decimal
  point and remembered as numeric (so the number reader does not treat
  ``2.125`` as ambiguous); percent-formatted cells are multiplied by 100.
  Merged cells are filled with their top-left value and remembered (with the
  top-left cell they came from), so the caller can refuse a figure that several
  cells share or treat a heading spread across columns as one cell. A formula
  whose result was never saved (a workbook written by a program, not by a
  spreadsheet) is an error: its value cannot be read.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from grdp.core.errors import InputError, PlanWarning
from grdp.core.numbers import normalise_text
from grdp.io.workbook import column_letter, read_sheet

__all__ = ["Table", "Columns", "MAX_CSV_BYTES", "read_table", "header_matcher", "locate_columns"]

_MAX_TITLE_ROWS = 20
_MIN_HEADER_MATCHES = 3
MAX_CSV_BYTES = 5 * 2**20
"""The largest CSV file read (5 MB; a plan table is a few KB)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BLANK: list[str] = []  # every blank CSV record shares this one list: a file of blank lines costs no memory

Columns = dict[str, tuple["re.Pattern[str]", str]]
"""A table's layout: field → (pattern on the casefolded header cell, the printed name for messages)."""
_XLSX_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class Table:
    """Cells of one table below its header.

    Attributes
    ----------
    file : str
        The file name, as used in messages.
    header : list of str
        Normalised header cells.
    header_row : int
        Spreadsheet row number of the header (1-based).
    rows : list of (int, list of str)
        Spreadsheet row number and cells, padded to the header's width.
    numeric : set of (int, int)
        (row, column index) of cells that were numbers in a workbook.
    merged : set of (int, int)
        (row, column index) of cells filled from a merged range (not the top-left cell).
    merged_from : dict of (int, int) to (int, int)
        For each cell in ``merged``, the (row, column index) of the range's top-left cell.
    """

    file: str
    header: list[str]
    header_row: int
    rows: list[tuple[int, list[str]]]
    numeric: set[tuple[int, int]] = field(default_factory=set)
    merged: set[tuple[int, int]] = field(default_factory=set)
    merged_from: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)


def read_table(path: str | Path, *, is_header: Callable[[list[str]], bool]) -> Table:
    """Read a CSV or XLSX file into a :class:`Table`.

    Parameters
    ----------
    path : str or Path
        ``.csv`` (UTF-8 or Windows-1258; comma- or semicolon-separated) or
        ``.xlsx`` (first sheet).
    is_header : callable
        Given a row's normalised cells, says whether it is the header.

    Raises
    ------
    InputError
        Missing or empty file, undecodable text, a quote left open, an unreadable
        workbook, no header, cells beyond the header, a formula without a saved result.
    """
    path = Path(path)
    name = path.name
    if path.is_dir():
        raise InputError("a folder, not a plan file", file=str(path))
    if not path.is_file():
        raise InputError("file not found", file=str(path))
    if path.stat().st_size == 0:
        raise InputError("the file is empty", file=name)
    unsaved: dict[tuple[int, int], str] = {}
    if path.suffix.lower() in _XLSX_SUFFIXES:
        sheet = read_sheet(path)
        raw_rows, numeric, merged_from, unsaved = sheet.rows, sheet.numeric, sheet.merged_from, sheet.unsaved
    else:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            raise InputError(
                f"the file is {size / 2**20:.1f} MB, more than the {MAX_CSV_BYTES // 2**20} MB a plan table "
                "can need (a plan is a few KB); it is not read",
                file=name,
            )
        raw_rows, numeric, merged_from = _csv_rows(path, is_header), set(), {}
    table = _assemble(name, raw_rows, numeric, merged_from, is_header)
    for (r, c), formula in sorted(unsaved.items()):
        if r > table.header_row:
            raise InputError(
                "a formula whose result was never saved; open the file in a spreadsheet and save it",
                text=formula,
                file=name,
                row=r,
                column=table.header[c] if c < len(table.header) else _column_letter(c),
            )
    return table


def _csv_rows(path: Path, is_header: Callable[[list[str]], bool]) -> list[list[str]]:
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(
            "the file is UTF-16 text (Excel's 'Unicode Text'); save it as 'CSV UTF-8'", file=path.name
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = f"byte 0x{data[err.start]:02x} at offset {err.start}"
    else:
        return _split_csv(text, path.name, is_header)
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    try:
        rows = _split_csv(text, path.name, is_header)
    except InputError:
        rows = []
    if _header_index(rows, is_header) is not None:
        warnings.warn(
            f"{path.name}: not UTF-8 ({bad}); read as Windows-1258 (cp1258). Save it as UTF-8 to silence this.",
            PlanWarning,
            stacklevel=4,
        )
        return rows
    raise InputError(
        f"the file is not UTF-8 text ({bad}) and does not read as Windows-1258 either; "
        "save it as 'CSV UTF-8'",
        file=path.name,
    )


def _split_csv(text: str, name: str, is_header: Callable[[list[str]], bool]) -> list[list[str]]:
    """Comma-separated rows; semicolon-separated when only that finds the header."""
    comma_error: InputError | None = None
    try:
        rows = _parse_csv(text, ",", name)
    except InputError as err:
        rows, comma_error = [], err
    if _header_index(rows, is_header) is not None:
        return rows
    try:
        by_semicolon = _parse_csv(text, ";", name)
    except InputError:
        by_semicolon = []
    if _header_index(by_semicolon, is_header) is not None:
        return by_semicolon
    if comma_error is not None:
        raise comma_error
    return rows


def _parse_csv(text: str, delimiter: str, name: str) -> list[list[str]]:
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for record in reader:
            rows.append(record if any(record) else _BLANK)
    except csv.Error as err:
        raise InputError(
            f"the CSV cannot be read safely ({err}); is a quote (\") left open in this row?",
            file=name,
            row=len(rows) + 1,
        ) from None
    return rows


def _header_index(rows: list[list[str]], is_header: Callable[[list[str]], bool]) -> int | None:
    """Index of the header among the first rows, or None."""
    return next(
        (i for i, row in enumerate(rows[:_MAX_TITLE_ROWS]) if is_header([normalise_text(c) for c in row])),
        None,
    )


_column_letter = column_letter  # the name the tests and older callers use


def _assemble(
    name: str,
    raw_rows: list[list[str]],
    numeric: set[tuple[int, int]],
    merged_from: dict[tuple[int, int], tuple[int, int]],
    is_header: Callable[[list[str]], bool],
) -> Table:
    norm = [[normalise_text(c) for c in row] for row in raw_rows]
    header_idx = _header_index(norm, is_header)
    if header_idx is None:
        first = next((i for i, row in enumerate(norm) if any(row)), None)
        if first is None:
            raise InputError("the file has no rows", file=name)
        raise InputError(
            f"no header row found in the first {_MAX_TITLE_ROWS} rows; is this the right file?",
            text=" | ".join(c for c in norm[first] if c),
            file=name,
            row=first + 1,
        )
    header = norm[header_idx]
    fields = len(header)  # as the header line has them, empty ones included
    while header and not header[-1]:
        header.pop()
    width = len(header)
    _refuse_control_characters(name, raw_rows, header, header_idx)
    rows: list[tuple[int, list[str]]] = []
    for i in range(header_idx + 1, len(norm)):
        cells = norm[i]
        row_no = i + 1
        if not any(cells):
            continue
        extra = [j for j in range(width, len(cells)) if cells[j]]
        if extra:
            raise InputError(
                f"{len(extra)} cell(s) beyond the last header column; they would be lost",
                text=cells[extra[0]],
                file=name,
                row=row_no,
                column=_column_letter(extra[0]),
            )
        if len(cells) > fields:
            raise InputError(
                f"the row has {len(cells)} fields and the header {fields}: a quote left open or a separator "
                "inside a cell has shifted its cells",
                text=" | ".join(c for c in cells if c),
                file=name,
                row=row_no,
            )
        rows.append((row_no, (cells + [""] * width)[:width]))
    return Table(name, header, header_idx + 1, rows, numeric, set(merged_from), merged_from)


def _refuse_control_characters(name: str, raw_rows: list[list[str]], header: list[str], header_idx: int) -> None:
    """A control character (NUL, BEL, ESC …; not tab or line ends) is invisible and never a figure: refuse it."""
    for i, row in enumerate(raw_rows):
        for j, cell in enumerate(row):
            if _CONTROL.search(cell):
                column = header[j] if i > header_idx and j < len(header) else column_letter(j)
                raise InputError(
                    "a control character in the cell (shown as \\xNN); it is invisible and cannot be read safely",
                    text=normalise_text(_CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", cell)),
                    file=name,
                    row=i + 1,
                    column=column,
                )


def header_matcher(columns: Columns) -> Callable[[list[str]], bool]:
    """``is_header`` for :func:`read_table`: a row naming at least three of ``columns``.

    Three, not all: a header with one column missing or renamed is still found,
    so the error can name that column instead of saying "no header".
    """

    def is_header(cells: list[str]) -> bool:
        folded = [c.casefold() for c in cells]
        known = sum(any(pattern.fullmatch(c) for c in folded) for pattern, _ in columns.values())
        return known >= _MIN_HEADER_MATCHES

    return is_header


def locate_columns(table: Table, columns: Columns, *, optional: tuple[str, ...] = ()) -> dict[str, int]:
    """The column index of each field of ``columns`` in the table's header.

    Raises
    ------
    InputError
        Naming the column when it appears twice, or every missing (non-optional)
        column together with the header as found.
    """
    found: dict[str, int] = {}
    for idx, cell in enumerate(table.header):
        for fld, (pattern, printed) in columns.items():
            if pattern.fullmatch(cell.casefold()):
                if fld in found:
                    raise InputError(
                        f"the column appears twice (columns {found[fld] + 1} and {idx + 1})",
                        text=cell,
                        file=table.file,
                        row=table.header_row,
                        column=printed,
                    )
                found[fld] = idx
                break
    missing = [printed for fld, (_, printed) in columns.items() if fld not in found and fld not in optional]
    if missing:
        raise InputError(
            f"missing column(s) {', '.join(repr(m) for m in missing)}; "
            f"the header has {', '.join(repr(h) for h in table.header)}",
            file=table.file,
            row=table.header_row,
            column=missing[0],
        )
    return found
