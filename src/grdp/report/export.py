"""Tables for the report: an Excel workbook, CSV files and a Markdown summary, stable to the byte.

A :class:`ReportTable` is a display-ready DataFrame (labelled columns, in the
report's language) with an Excel number format per numeric column, a title, a
unit and a source. Each sheet of the workbook reads like a table of a
statistical yearbook:

====  =====================================================================
row   content
====  =====================================================================
1     the title (bold)
2     ``Đơn vị tính: …`` / ``Unit: …``
3     the header (bold, wrapped; frozen, and repeated on every printed page)
4…    the data: numbers stored as numbers, each numeric column with the
      number format of its precision (Excel shows them with the reader's
      decimal mark); text stored as text, never as a formula
last  ``Nguồn: …`` / ``Source: …``, after one empty row
====  =====================================================================

Sheets print on A4 landscape, one page wide. CSV files hold the same frame
(header and data), every number rounded to the decimals its format shows, in
the English (``1234.5``, comma-separated) or Vietnamese (``1234,5``,
semicolon-separated) convention, UTF-8 with a BOM so that Excel reads the
Vietnamese text.

Cells a spreadsheet would run as a formula (text beginning with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return, but a lone ``-``: an indicator named
``=HYPERLINK(…)``) stay inert: text cells with a quote prefix in the workbook,
a leading ``'`` in the CSV (OWASP's advice on CSV injection). Numbers are
numbers and are never prefixed, negative or not.

Workbooks are zip files that normally carry the time of saving;
:func:`write_workbook` fixes every timestamp, so the same tables give the same
bytes on every run.
"""

from __future__ import annotations

import io
import math
import numbers
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from grdp.core.cells import formula_like, inert_text
from grdp.core.typing import CsvLocale, Lang
from grdp.core.validation import check_lang, check_literal

__all__ = [
    "ReportTable",
    "stable_zip",
    "cell_value",
    "write_stable_zip",
    "write_workbook",
    "write_csvs",
    "write_markdown",
    "markdown_table",
    "format_decimals",
    "FIXED_TIMESTAMP",
    "TITLE_ROW",
    "UNIT_ROW",
    "HEADER_ROW",
]

FIXED_TIMESTAMP = "2000-01-01T00:00:00Z"
"""What the workbook's 'created'/'modified' properties say: nothing, stably."""
TITLE_ROW, UNIT_ROW, HEADER_ROW = 1, 2, 3
"""Where a sheet's title, unit and header go; the data start below the header."""
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MAX_SHEET_NAME = 31
_MAX_COL_WIDTH = 70
"""First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection)."""
_INT_FORMAT, _FLOAT_FORMAT = "0", "0.00"
"""Formats of a numeric column that a table left without one (every table of the report names its own)."""
_WORDS: dict[Lang, tuple[str, str]] = {"vi": ("Đơn vị tính", "Nguồn"), "en": ("Unit", "Source")}


@dataclass(frozen=True)
class ReportTable:
    """One table of the report.

    Attributes
    ----------
    name : str
        File stem and sheet name (``"kiem_tra"``); Excel allows 31 characters.
    title : str
        Human title, in the report's language: the heading in the Markdown
        summary, the sheet's first row, and the sheet name when ``sheet`` is empty.
    frame : pandas.DataFrame
        Display-ready: labelled columns, text where text is meant, numbers as numbers.
    number_formats : dict
        Excel number format per numeric column (``"0.00"``, ``"#,##0"``); its
        decimals are the precision the CSV files round to. Percentages are
        numbers from 0 to 100 with a ``"0.0"`` format and ``%`` in the unit or
        the header, as growth rates are.
    sheet : str
        Sheet name (default: ``title`` cut to 31 characters).
    unit : str
        The unit of the table's figures, in the report's language (``"%"``,
        ``"điểm phần trăm"``), or where to read it (``"như cột ĐVT"``).
    source : str
        Where the figures come from (without the "Nguồn:" prefix): the data
        files and the computation, in the report's language.
    doc_columns : tuple of str
        The columns the Word document prints (default: all); the workbook and
        CSV keep every column.
    in_document : bool
        ``False`` for a table too long to print (the document names its sheet).
    """

    name: str
    title: str
    frame: pd.DataFrame
    number_formats: dict[str, str] = field(default_factory=dict)
    sheet: str = ""
    unit: str = ""
    source: str = ""
    doc_columns: tuple[str, ...] = ()
    in_document: bool = True

    @property
    def sheet_name(self) -> str:
        name = self.sheet or self.title
        return re.sub(r"[\[\]:*?/\\]", "-", name)[:_MAX_SHEET_NAME]

    @property
    def document_frame(self) -> pd.DataFrame:
        """The columns the Word document prints."""
        return self.frame[list(self.doc_columns)] if self.doc_columns else self.frame

    def unit_line(self, lang: Lang) -> str:
        """``"Đơn vị tính: %"`` / ``"Unit: %"`` in the report's language; empty without a unit."""
        return f"{_WORDS[check_lang(lang)][0]}: {self.unit}" if self.unit else ""

    def source_line(self, lang: Lang) -> str:
        """``"Nguồn: …"`` / ``"Source: …"`` in the report's language; empty without a source."""
        return f"{_WORDS[check_lang(lang)][1]}: {self.source}" if self.source else ""

    def number_format(self, column: Any) -> str | None:
        """The column's number format: its own, ``"0"``/``"0.00"`` for an integer/float column without one, ``None`` for text."""
        fmt = self.number_formats.get(column)
        if fmt:
            return fmt
        kind = _numeric_kind(self.frame[column])
        return None if kind is None else (_INT_FORMAT if kind == "int" else _FLOAT_FORMAT)


def format_decimals(fmt: str) -> int:
    """How many decimals an Excel number format shows (of the number stored).

    A percent format shows the number times 100, so two more of the stored
    number count.

    >>> [format_decimals(f) for f in ("0", "#,##0", "0.00", "#,##0.0", "+0.00;-0.00;0.00", "0.0%", "0%")]
    [0, 0, 2, 1, 2, 3, 2]
    """
    section = re.sub(r'"[^"]*"|\\.', "", fmt.split(";", maxsplit=1)[0])
    match = re.search(r"\.([0#?]+)", section)
    return (len(match.group(1)) if match else 0) + (2 if "%" in section else 0)


def _numeric_kind(series: pd.Series) -> str | None:
    """``"int"``, ``"float"`` or ``None`` (text, or nothing but blanks): what a column's values are."""
    if pd.api.types.is_bool_dtype(series):
        return None
    if pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_float_dtype(series):
        return "float"
    values = [v for v in series if cell_value(v) is not None]
    if not values or not all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in values):
        return None
    return "int" if all(isinstance(v, numbers.Integral) for v in values) else "float"


def write_workbook(tables: Sequence[ReportTable], path: str | Path, *, lang: Lang = "vi") -> Path:
    """Write one sheet per table to ``path`` (``.xlsx``), with stable bytes; ``lang``: the report's language (the
    words of the unit and source rows).

    Rows: title, unit, header, data, an empty row, source (see the module
    notes). Numeric columns carry their number format; the header row is bold,
    wrapped, frozen and printed on every page; column widths follow the longest
    header or data cell (capped at 70 characters). Pages: A4 landscape, one
    page wide, page numbers in the footer.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins

    wb = Workbook()
    wb.remove(wb.active)
    seen: set[str] = set()
    for table in tables:
        sheet_name = table.sheet_name
        if sheet_name in seen:
            raise ValueError(f"two tables would share the sheet name {sheet_name!r}")
        seen.add(sheet_name)
        ws = wb.create_sheet(sheet_name)
        frame = table.frame
        formats = [table.number_format(c) for c in frame.columns]
        _put(ws.cell(TITLE_ROW, 1), table.title).font = Font(bold=True, size=12)
        if table.unit:
            _put(ws.cell(UNIT_ROW, 1), table.unit_line(lang)).font = Font(italic=True)
        for j, column in enumerate(frame.columns, start=1):
            cell = _put(ws.cell(HEADER_ROW, j), str(column))
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for i, row in enumerate(frame.itertuples(index=False), start=HEADER_ROW + 1):
            for j, (v, fmt) in enumerate(zip(row, formats, strict=True), start=1):
                cell = _put(ws.cell(i, j), cell_value(v))
                if fmt and isinstance(cell.value, numbers.Real):
                    cell.number_format = fmt
        last = HEADER_ROW + len(frame)
        if table.source:
            _put(ws.cell(last + 2, 1), table.source_line(lang)).font = Font(italic=True)
        for j, (column, fmt) in enumerate(zip(frame.columns, formats, strict=True), start=1):
            letter = get_column_letter(j)
            longest = max([len(str(column)) // 2 + 1] + [len(_shown(v, fmt)) for v in frame[column]])
            ws.column_dimensions[letter].width = min(_MAX_COL_WIDTH, max(8, longest + 2))
            if ws.column_dimensions[letter].width >= _MAX_COL_WIDTH:
                for (cell,) in ws.iter_rows(min_row=HEADER_ROW + 1, max_row=max(last, HEADER_ROW + 1), min_col=j, max_col=j):
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = f"A{HEADER_ROW + 1}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6, header=0.3, footer=0.3)
        ws.oddFooter.center.text = "&P / &N"
    return write_stable_zip(wb.save, path)


def write_stable_zip(save: Callable[[io.BytesIO], object], path: str | Path) -> Path:
    """Write an Office file (xlsx, docx) that ``save`` produces into a buffer, with :func:`stable_zip`'s fixed times."""
    buffer = io.BytesIO()
    save(buffer)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(stable_zip(buffer.getvalue()))
    return path


def _put(cell: Any, value: object) -> Any:
    """Set ``cell`` to ``value``; text is stored as text (never a formula), with a quote prefix when it looks like one."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if formula_like(value):
            cell.quotePrefix = True
    return cell


def cell_value(v: object) -> object:
    """A frame cell as a plain Python value: ``None`` for any missing value (None, NaN, NA, NaT), numpy scalars unwrapped."""
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    if hasattr(v, "item") and not isinstance(v, str):  # numpy scalars
        item = v.item()
        return None if isinstance(item, float) and math.isnan(item) else item
    return v


def _shown(v: object, fmt: str | None) -> str:
    v = cell_value(v)
    if v is None:
        return ""
    if fmt and isinstance(v, numbers.Real) and not isinstance(v, bool):
        return f"{float(v):,.{format_decimals(fmt)}f}"
    return str(v)


def stable_zip(data: bytes) -> bytes:
    """Re-pack an xlsx with fixed entry times and fixed document timestamps."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = content.decode("utf-8")
                text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)", rf"\g<1>{FIXED_TIMESTAMP}\g<3>", text)
                content = text.encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, content)
    return out.getvalue()


def write_csvs(tables: Sequence[ReportTable], folder: str | Path, *, csv_locale: CsvLocale = "en") -> list[Path]:
    """One CSV per table (``<name>.csv``): the header and the data, UTF-8 with a BOM so Excel reads the Vietnamese text.

    Parameters
    ----------
    tables : sequence of ReportTable
    folder : str or Path
    csv_locale : {"en", "vi"}
        ``"en"``: comma-separated, decimal point (``8.01``); ``"vi"``:
        semicolon-separated, decimal comma (``8,01``), as Excel set to
        Vietnamese reads them. Never a thousands separator.

    Every number is written with the decimals of its column's number format
    (``0.11900000000000001`` under ``"0.00"`` is ``0.12``); text a spreadsheet
    would run as a formula gets a leading ``'`` (:func:`inert_text`).
    """
    csv_locale = check_literal("csv_locale", csv_locale, CsvLocale)
    sep, decimal = (";", ",") if csv_locale == "vi" else (",", ".")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        path = folder / f"{table.name}.csv"
        _csv_frame(table, decimal).to_csv(path, index=False, sep=sep, lineterminator="\n", encoding="utf-8-sig")
        written.append(path)
    return written


def _csv_frame(table: ReportTable, decimal: str) -> pd.DataFrame:
    """The table's frame as the strings a CSV holds: numbers at their format's decimals, formula-like text inert."""
    columns = {}
    for j, column in enumerate(table.frame.columns):
        fmt = table.number_format(column)
        decimals = format_decimals(fmt) if fmt else None
        columns[j] = [_csv_cell(v, decimals, decimal) for v in table.frame[column]]
    out = pd.DataFrame(columns, index=range(len(table.frame)), dtype=object)
    out.columns = pd.Index([inert_text(str(c)) for c in table.frame.columns])
    return out


def _csv_cell(v: object, decimals: int | None, decimal: str) -> str:
    v = cell_value(v)
    if v is None:
        return ""
    if isinstance(v, numbers.Real) and not isinstance(v, bool):
        if decimals is None:
            text = repr(v) if isinstance(v, float) else str(v)
        else:
            text = f"{round(float(v), decimals) + 0.0:.{decimals}f}"  # + 0.0: no "-0.00"
        return text.replace(".", decimal)
    return inert_text(str(v))


def markdown_table(frame: pd.DataFrame) -> str:
    """A GitHub-flavoured Markdown table of ``frame`` (cells as shown; pipes escaped)."""

    def cell(v: object) -> str:
        text = "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)
        return text.replace("|", "\\|").replace("\n", " ")

    head = "| " + " | ".join(cell(c) for c in frame.columns) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *body])


def write_markdown(sections: Sequence[tuple[str, str]], path: str | Path, *, title: str) -> Path:
    """Write ``# title`` and one ``## heading`` per (heading, body) section."""
    parts = [f"# {title}", ""]
    for heading, body in sections:
        parts += [f"## {heading}", "", body.rstrip(), ""]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts), encoding="utf-8", newline="\n")
    return path
