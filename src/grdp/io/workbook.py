"""Read one sheet of an Excel workbook as text cells, within bounds a plan table never comes near.

A plan has a few dozen rows and nine columns. A workbook can claim far more: a
7 KB file with one cell at ``XFD1048576``, or a range merged from ``J40`` to
the last row, makes a reader that walks ``max_row × max_column`` allocate
gigabytes. So the workbook is checked before openpyxl parses a cell:

1. **Uncompressed size.** The zip members' sizes, from the zip directory:
   over :data:`MAX_UNCOMPRESSED_BYTES` is an error.
2. **Which sheet.** From ``xl/workbook.xml``: the active sheet when it is
   visible, else the first visible one. A hidden or "very hidden" sheet (an old
   draft) is never read. When the workbook has several sheets, a
   :class:`~grdp.core.errors.PlanWarning` names the sheet read.
3. **Extent.** The sheet's XML is streamed once (constant memory): a cell that
   holds a value beyond :data:`MAX_ROWS` rows or :data:`MAX_COLUMNS` columns is
   an error naming it; empty but formatted cells there are ignored. A merged
   range of more than :data:`MAX_MERGED_CELLS` cells is an error naming the
   range. Formulas whose result was never saved are noted here.
4. **Values.** openpyxl opens the workbook once, read-only and with cached
   formula results, and reads only the rectangle that holds values.
"""

from __future__ import annotations

import posixpath
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from grdp.core.errors import InputError, PlanWarning

__all__ = [
    "MAX_ROWS",
    "MAX_COLUMNS",
    "MAX_MERGED_CELLS",
    "MAX_UNCOMPRESSED_BYTES",
    "SheetCells",
    "column_letter",
    "read_sheet",
]

MAX_ROWS = 5_000
"""Rows a plan sheet may use (a plan has a few dozen)."""
MAX_COLUMNS = 100
"""Columns a plan sheet may use (column ``CV``; a plan has nine)."""
MAX_MERGED_CELLS = 10_000
"""Cells one merged range may cover."""
MAX_UNCOMPRESSED_BYTES = 20 * 2**20
"""What the workbook's zip members may unpack to, together (20 MB)."""

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REF = re.compile(r"\$?([A-Z]{1,3})\$?(\d+)")


@dataclass
class SheetCells:
    """The cells of one sheet: text rows (spreadsheet row r is ``rows[r - 1]``) and what they were.

    ``numeric``, ``merged_from`` and ``unsaved`` are keyed by (spreadsheet row, 0-based column),
    as in :class:`grdp.io.tables.Table`; ``sheet`` is the sheet read.
    """

    rows: list[list[str]]
    sheet: str
    numeric: set[tuple[int, int]] = field(default_factory=set)
    merged_from: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    unsaved: dict[tuple[int, int], str] = field(default_factory=dict)


def column_letter(index: int) -> str:
    """Spreadsheet letter of a 0-based column index: 0 -> 'A', 26 -> 'AA'."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def _column_index(letters: str) -> int:
    """0-based index of a column letter: 'A' -> 0, 'AA' -> 26."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def _unreadable(name: str, err: Exception | str) -> InputError:
    what = err if isinstance(err, str) else type(err).__name__
    return InputError(f"not a readable Excel workbook ({what})", file=name)


def read_sheet(path: Path) -> SheetCells:
    """The plan sheet of a workbook as text, within the bounds of the module notes.

    Raises
    ------
    InputError
        Not a workbook, too large unpacked, no visible sheet, a value beyond the
        bounds, a merged range too large.

    Warns
    -----
    PlanWarning
        Naming the sheet read when the workbook has several.
    """
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(info.file_size for info in zf.infolist())
            if total > MAX_UNCOMPRESSED_BYTES:
                raise InputError(
                    f"the workbook unpacks to {total / 2**20:.0f} MB, more than the "
                    f"{MAX_UNCOMPRESSED_BYTES // 2**20} MB a plan table can need; it is not opened",
                    file=name,
                )
            sheet, sheet_path, why = _choose_sheet(zf, name)
            scan = _scan(zf, sheet_path, name)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError) as err:
        raise _unreadable(name, err) from None
    if why:
        warnings.warn(f"{name}: {why}; read sheet '{sheet}'", PlanWarning, stacklevel=5)
    return _values(path, sheet, scan)


def _choose_sheet(zf: zipfile.ZipFile, name: str) -> tuple[str, str, str]:
    """(sheet name, its path in the zip, why it was chosen when there was a choice, else '')."""
    book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PKG_REL}Relationship")}
    sheets = [(s.get("name", ""), s.get("state", "visible"), s.get(f"{_REL}id")) for s in book.iter(f"{_MAIN}sheet")]
    visible = [i for i, (_, state, _) in enumerate(sheets) if state == "visible"]
    if not visible:
        raise InputError("the workbook has no visible sheet", file=name)
    view = book.find(f"{_MAIN}bookViews/{_MAIN}workbookView")
    active = int(view.get("activeTab", "0")) if view is not None else 0
    chosen = active if active in visible else visible[0]
    sheet, _, rid = sheets[chosen]
    target = targets[rid]
    path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    why = ""
    if len(sheets) > 1:
        hidden = len(sheets) - len(visible)
        how = "the active sheet" if chosen == active else "the first visible sheet"
        why = f"the workbook has {len(sheets)} sheets ({hidden} hidden, never read); {how} is the plan"
    return sheet, path, why


@dataclass
class _Scan:
    max_row: int = 0
    max_col: int = 0
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, min_col, max_row, max_col (1-based)
    unsaved: dict[tuple[int, int], str] = field(default_factory=dict)


def _scan(zf: zipfile.ZipFile, sheet_path: str, name: str) -> _Scan:
    """Stream the sheet's XML: the extent of its values, its merged ranges, its formulas without results."""
    scan = _Scan()
    row = col = 0
    with zf.open(sheet_path) as xml:
        for event, el in ElementTree.iterparse(xml, events=("start", "end")):
            if event == "start":
                if el.tag == f"{_MAIN}row":
                    row = int(el.get("r", row + 1))
                    col = 0
                continue
            if el.tag == f"{_MAIN}c":
                m = _REF.fullmatch(el.get("r", ""))
                r, col = (int(m[2]), _column_index(m[1]) + 1) if m else (row, col + 1)
                v, f, inline = el.find(f"{_MAIN}v"), el.find(f"{_MAIN}f"), el.find(f"{_MAIN}is")
                has_value = (v is not None and bool(v.text)) or inline is not None
                if has_value and (r > MAX_ROWS or col > MAX_COLUMNS):
                    raise InputError(
                        f"a value in cell {column_letter(col - 1)}{r}, beyond the {MAX_ROWS} rows and "
                        f"{MAX_COLUMNS} columns a plan table can use",
                        text=v.text if v is not None and el.get("t") != "s" else None,
                        file=name,
                        row=r,
                        column=column_letter(col - 1),
                    )
                if has_value:
                    scan.max_row, scan.max_col = max(scan.max_row, r), max(scan.max_col, col)
                elif f is not None and r <= MAX_ROWS and col <= MAX_COLUMNS:
                    scan.unsaved[(r, col - 1)] = f"={f.text or ''}"
                el.clear()
            elif el.tag == f"{_MAIN}row":
                el.clear()
            elif el.tag == f"{_MAIN}mergeCell":
                scan.merges.append(_merge(el.get("ref", ""), name))
    for min_row, min_col, max_row, max_col in scan.merges:
        if min_row <= MAX_ROWS and min_col <= MAX_COLUMNS:
            scan.max_row = max(scan.max_row, min(max_row, MAX_ROWS))
            scan.max_col = max(scan.max_col, min(max_col, MAX_COLUMNS))
    return scan


def _merge(ref: str, name: str) -> tuple[int, int, int, int]:
    ends = [_REF.fullmatch(part) for part in ref.split(":")]
    if len(ends) != 2 or not all(ends):
        raise _unreadable(name, f"merged range {ref!r}")
    (c1, r1), (c2, r2) = ((_column_index(m[1]) + 1, int(m[2])) for m in ends if m)
    area = (r2 - r1 + 1) * (c2 - c1 + 1)
    if area > MAX_MERGED_CELLS:
        raise InputError(
            f"a merged range of {area:,} cells, more than the {MAX_MERGED_CELLS:,} a plan table can use; unmerge it",
            text=ref,
            file=name,
            row=r1,
            column=column_letter(c1 - 1),
        )
    return r1, c1, r2, c2


def _values(path: Path, sheet: str, scan: _Scan) -> SheetCells:
    """The values in the scanned rectangle, read once by openpyxl (read-only, cached results)."""
    from openpyxl import load_workbook  # imported here: only workbook users pay for it

    out = SheetCells([], sheet, unsaved=scan.unsaved)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many types for a broken file
        raise _unreadable(path.name, err) from None
    try:
        ws = wb[sheet]
        if scan.max_row and scan.max_col:
            for r, cells in enumerate(ws.iter_rows(min_row=1, max_row=scan.max_row, max_col=scan.max_col), start=1):
                out.rows.append(_row_text(r, cells, scan.max_col, out.numeric))
        while len(out.rows) < scan.max_row:
            out.rows.append([""] * scan.max_col)
    except Exception as err:
        raise _unreadable(path.name, err) from None
    finally:
        wb.close()
    for min_row, min_col, max_row, max_col in scan.merges:
        if min_row > scan.max_row or min_col > scan.max_col:
            continue
        top_left = out.rows[min_row - 1][min_col - 1]
        origin = (min_row, min_col - 1)
        for r in range(min_row, min(max_row, scan.max_row) + 1):
            for c in range(min_col, min(max_col, scan.max_col) + 1):
                if (r, c) != (min_row, min_col):
                    out.rows[r - 1][c - 1] = top_left
                    out.merged_from[(r, c - 1)] = origin
                    if origin in out.numeric:
                        out.numeric.add((r, c - 1))
    return out


def _row_text(r: int, cells: tuple[object, ...], width: int, numeric: set[tuple[int, int]]) -> list[str]:
    texts = [""] * width
    for c, cell in enumerate(cells[:width]):
        value = getattr(cell, "value", None)
        if value is None:
            continue
        if isinstance(value, bool):
            texts[c] = str(value)
        elif isinstance(value, (int, float)):
            texts[c] = _numeric_text(value, str(getattr(cell, "number_format", None) or "General"))
            numeric.add((r, c))
        else:
            texts[c] = str(value)
    return texts


def _numeric_text(value: int | float, number_format: str) -> str:
    """A workbook number as unambiguous text with a decimal point and no grouping."""
    fmt = number_format or "General"
    if fmt.endswith("%"):
        value = value * 100
    decimals = None
    if "." in fmt and fmt != "General":
        decimals = sum(ch in "0#" for ch in fmt.split(".", 1)[1].split(";")[0])
    if decimals is not None:
        return f"{value:.{decimals}f}"
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return repr(float(value))
