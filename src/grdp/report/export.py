"""Tables for the report: an Excel workbook, CSV files and a Markdown summary, stable to the byte.

A :class:`ReportTable` is a display-ready DataFrame (labelled columns, in the
report's language) with an Excel number format per numeric column. The
workbook has one sheet per table with a bold, frozen header row, column widths
fitted to the content, and numbers stored as numbers (Excel shows them with
the reader's decimal mark). Workbooks are zip files that normally carry the
time of saving; :func:`write_workbook` fixes every timestamp, so the same
tables give the same bytes on every run.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

__all__ = ["ReportTable", "stable_zip", "write_workbook", "write_csvs", "write_markdown", "markdown_table", "FIXED_TIMESTAMP"]

FIXED_TIMESTAMP = "2000-01-01T00:00:00Z"
"""What the workbook's 'created'/'modified' properties say: nothing, stably."""
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MAX_SHEET_NAME = 31
_MAX_COL_WIDTH = 70


@dataclass(frozen=True)
class ReportTable:
    """One table of the report.

    Attributes
    ----------
    name : str
        File stem and sheet name (``"kiem_tra"``); Excel allows 31 characters.
    title : str
        Human title, in the report's language: the heading in the Markdown
        summary, and the sheet name when ``sheet`` is empty.
    frame : pandas.DataFrame
        Display-ready: labelled columns, text where text is meant, numbers as numbers.
    number_formats : dict
        Excel number format per numeric column (``"0.00"``, ``"#,##0"``, ``"0.0%"``).
    sheet : str
        Sheet name (default: ``title`` cut to 31 characters).
    unit : str
        The unit of the table's figures, in the report's language (``"%"``,
        ``"điểm phần trăm"``); empty when each column names its own.
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


def write_workbook(tables: Sequence[ReportTable], path: str | Path) -> Path:
    """Write one sheet per table to ``path`` (``.xlsx``), with stable bytes.

    Numeric columns carry their number format; the header row is bold, wrapped
    and frozen; column widths follow the longest cell (capped at 70 characters).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

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
        ws.append([str(c) for c in frame.columns])
        for row in frame.itertuples(index=False):
            ws.append([_cell(v) for v in row])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for j, column in enumerate(frame.columns, start=1):
            letter = get_column_letter(j)
            fmt = table.number_formats.get(column)
            if fmt:
                for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                    cell.number_format = fmt
            longest = max([len(str(column)) // 2 + 1] + [len(_shown(v, fmt)) for v in frame[column]])
            ws.column_dimensions[letter].width = min(_MAX_COL_WIDTH, max(8, longest + 2))
            if ws.column_dimensions[letter].width >= _MAX_COL_WIDTH:
                for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(stable_zip(buffer.getvalue()))
    return path


def _cell(v: object) -> object:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
        return None
    if hasattr(v, "item") and not isinstance(v, str):  # numpy scalars
        return v.item()
    return v


def _shown(v: object, fmt: str | None) -> str:
    if isinstance(v, float) and fmt and "." in fmt:
        decimals = len(fmt.split(".")[1].rstrip("%"))
        return f"{v:,.{decimals}f}"
    return "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)


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


def write_csvs(tables: Sequence[ReportTable], folder: str | Path) -> list[Path]:
    """One UTF-8 CSV per table (``<name>.csv``), with a BOM so Excel reads the Vietnamese text."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        path = folder / f"{table.name}.csv"
        table.frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8-sig")
        written.append(path)
    return written


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
