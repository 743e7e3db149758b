"""Build the bad-input cases that cannot live as plain UTF-8 text: other encodings and workbooks.

Why generated and not committed: a binary file cannot be reviewed in a diff, an
editor or git setting can silently "repair" an encoding or line ends, and
openpyxl stamps every workbook with the time it was written. Here each case is
a few lines that say exactly which defect is planted in the clean raw file, and
the files are rebuilt from ``data/raw`` (read, never written) whenever the
tests run, into a temporary folder. The committed text cases beside this script
are the ones a methodologist can read and edit directly.

Usage (from the project folder)::

    .venv/bin/python tests/bad_inputs/make_binary_cases.py OUT_DIR   # writes every case into OUT_DIR

``tests/test_bad_inputs.py`` calls :func:`make` for each file named in
``cases.csv`` that is not in this folder. To add a binary case: write a
function here taking the output path, register it in :data:`CASES`, and add a
row to ``cases.csv``.
"""

from __future__ import annotations

import csv
import io
import shutil
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

from grdp.io.paths import raw_dir

__all__ = ["CASES", "make", "plan_rows", "tasks_rows", "to_cp1258"]


def plan_rows() -> list[list[str]]:
    """The clean plan's cells, header first (``data/raw/plan_2025_indicators.csv``)."""
    with open(raw_dir() / "plan_2025_indicators.csv", encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def tasks_rows() -> list[list[str]]:
    """The clean tasks' cells, header first (``data/raw/plan_2025_tasks.csv``)."""
    with open(raw_dir() / "plan_2025_tasks.csv", encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _csv_text(rows: list[list[str]], *, delimiter: str = ",", newline: str = "\n") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return out.getvalue()


def to_cp1258(text: str) -> bytes:
    """Encode as Windows does in the Vietnamese code page 1258.

    cp1258 has the base letters â ă ê ô ơ ư đ but no precomposed tone marks:
    ``ế`` is stored as ``ê`` followed by a combining acute accent. Python's
    charmap codec only maps single characters, so each character that does not
    encode is decomposed (NFD) and recomposed as far as cp1258 allows.
    """
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        rest = []
        for mark in marks:  # e.g. ậ = a + dot below + circumflex -> â + dot below
            joined = unicodedata.normalize("NFC", base + mark)
            try:
                joined.encode("cp1258")
            except UnicodeEncodeError:
                rest.append(mark)
            else:
                base = joined
        out += (base + "".join(rest)).encode("cp1258")
    return bytes(out)


def _workbook(rows: list[list[str]], merges: list[str], path: Path, formulas: dict[str, str] | None = None) -> None:
    """Write rows as text cells (as a statistician would type them), then merge ranges."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for ref, formula in (formulas or {}).items():
        ws[ref] = formula  # a formula string: openpyxl saves no computed result
    for rng in merges:
        ws.merge_cells(rng)  # like Excel, keeps the top-left value and empties the rest
    wb.save(path)


# Spreadsheet rows of the clean plan (header = 1): I=2, 1=3, 2=4, 2.1-2.4=5-8, 3=9, 4=10,
# 5=11, 6=12, 7=13, 8=14, 9=15, 10=16, 11=17, 12=18, II=19, 13-19=20-26, III=27, 20=28, 21=29.
# Columns: A STT, B Chỉ tiêu, C ĐVT, D 9 tháng, E Quý IV, F năm, G chủ trì, H theo dõi, I Ghi chú.


def cp1258(path: Path) -> None:
    """The clean plan saved in the Vietnamese Windows code page instead of UTF-8."""
    path.write_bytes(to_cp1258(_csv_text(plan_rows(), newline="\r\n")))


def latin1(path: Path) -> None:
    """The clean plan saved as Latin-1 by a Western-European program: Vietnamese letters became '?'."""
    path.write_bytes(_csv_text(plan_rows()).encode("latin-1", errors="replace"))


def utf16_unicode_text(path: Path) -> None:
    """Excel's 'Unicode Text' export: UTF-16 LE with BOM, tab-separated, CRLF."""
    path.write_bytes(("\ufeff" + _csv_text(plan_rows(), delimiter="\t", newline="\r\n")).encode("utf-16-le"))


def excel_csv_utf8(path: Path) -> None:
    """Excel's 'CSV UTF-8' export: a byte-order mark and CRLF line ends."""
    path.write_bytes(("\ufeff" + _csv_text(plan_rows(), newline="\r\n")).encode("utf-8"))


def xlsx_merged_text(path: Path) -> None:
    """Lead/monitoring units merged down rows where the printed text repeats."""
    # G11:G12 lead unit of 5-6; H20:H22 monitoring unit of 13-15; G25:G26 and H25:H26 of 18-19;
    # H28:H29 monitoring unit of 20-21 — in the clean plan each run holds one repeated text.
    _workbook(plan_rows(), ["G11:G12", "H20:H22", "G25:G26", "H25:H26", "H28:H29"], path)


def xlsx_merged_dash(path: Path) -> None:
    """'Not given' marks (-) merged down rows: E11:E12 (Q4 of 5-6), D16:E18 (9 months and Q4 of 10-12)."""
    _workbook(plan_rows(), ["E11:E12", "D16:D18", "E16:E18"], path)


def xlsx_merged_value(path: Path) -> None:
    """A figure merged over two indicators: 9-month 2.6 of row 2.1 spread over 2.2 (D5:D6)."""
    _workbook(plan_rows(), ["D5:D6"], path)


def xlsx_merged_headings(path: Path) -> None:
    """Section and group headings merged across the row (B:I), the usual Excel layout."""
    _workbook(plan_rows(), ["B2:I2", "B4:I4", "B19:I19", "B27:I27"], path)


def xlsx_formula_without_value(path: Path) -> None:
    """A workbook written by a program: the annual target of row 3 is a formula never computed."""
    _workbook(plan_rows(), [], path, formulas={"F9": "=81.2+1.8"})


def _patched(path: Path, member: str, old: str, new: str) -> None:
    """Rewrite one XML member of a saved workbook (what openpyxl would take gigabytes to write)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == member:
                text = data.decode("utf-8")
                assert text.count(old) == 1, (member, old)
                data = text.replace(old, new).encode("utf-8")
            dst.writestr(info, data)
    shutil.move(tmp, path)


def _with_draft_sheet(path: Path, state: str, active: int) -> None:
    """A hidden old draft (every figure changed) as the first sheet, the plan second; ``active`` is the tab shown."""
    from openpyxl import Workbook

    wb = Workbook()
    draft = wb.active
    draft.title = "Dự thảo cũ"
    for row in plan_rows():
        draft.append([c.replace("8", "9") for c in row])  # an older draft: not the plan's figures
    draft.sheet_state = state
    plan = wb.create_sheet("Kế hoạch")
    for row in plan_rows():
        plan.append(row)
    wb.active = active
    wb.save(path)


def xlsx_hidden_first_sheet(path: Path) -> None:
    """An old draft as a hidden first sheet; the plan, second, is the active sheet."""
    _with_draft_sheet(path, "hidden", 1)


def xlsx_very_hidden_first_sheet(path: Path) -> None:
    """An old draft as a 'very hidden' first sheet that the workbook also marks as active."""
    _with_draft_sheet(path, "veryHidden", 0)
    _patched(path, "xl/workbook.xml", 'activeTab="1"', 'activeTab="0"')  # openpyxl moves it off a hidden sheet


def xlsx_cell_at_xfd1048576(path: Path) -> None:
    """The plan and a value (1) in the last cell a sheet has, XFD1048576: 7 KB on disk."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in plan_rows():
        ws.append(row)
    ws["XFD1048576"] = 1
    wb.save(path)


def xlsx_merged_to_last_row(path: Path) -> None:
    """Column J merged from row 40 to the last row, J40:J1048576 (planted in the XML: openpyxl would walk it)."""
    _workbook(plan_rows(), ["J40:J41"], path)
    _patched(path, "xl/worksheets/sheet1.xml", 'ref="J40:J41"', 'ref="J40:J1048576"')


def xlsx_unpacks_too_large(path: Path) -> None:
    """The plan with a 25 MB member of zeros beside it: a few KB on disk, 25 MB unpacked."""
    _workbook(plan_rows(), [], path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/media/padding.bin", bytes(25 * 2**20))


def csv_over_5_mb(path: Path) -> None:
    """The clean plan followed by 6 MB of blank lines (a CSV exported with a million empty rows)."""
    path.write_bytes(_csv_text(plan_rows()).encode("utf-8") + b"\n" * (6 * 2**20))


def not_a_workbook(path: Path) -> None:
    """A CSV file renamed to .xlsx."""
    path.write_bytes(_csv_text(plan_rows()).encode("utf-8"))


def tasks_2025_xlsx_merged_department(path: Path) -> None:
    """Tasks with the section numeral and the department merged down each section's rows."""
    rows = tasks_rows()
    merges, start = [], 2
    for r in range(2, len(rows) + 1):  # spreadsheet row r holds rows[r - 1]
        last = r == len(rows) or rows[r][0] != rows[r - 1][0]
        if last:
            if r > start:
                merges += [f"A{start}:A{r}", f"B{start}:B{r}"]
            start = r + 1
    _workbook(rows, merges, path)


CASES: dict[str, Callable[[Path], None]] = {
    "cp1258.csv": cp1258,
    "latin1.csv": latin1,
    "utf16_unicode_text.csv": utf16_unicode_text,
    "excel_csv_utf8.csv": excel_csv_utf8,
    "xlsx_merged_text.xlsx": xlsx_merged_text,
    "xlsx_merged_dash.xlsx": xlsx_merged_dash,
    "xlsx_merged_value.xlsx": xlsx_merged_value,
    "xlsx_merged_headings.xlsx": xlsx_merged_headings,
    "xlsx_formula_without_value.xlsx": xlsx_formula_without_value,
    "not_a_workbook.xlsx": not_a_workbook,
    "tasks_2025_xlsx_merged_department.xlsx": tasks_2025_xlsx_merged_department,
    "xlsx_hidden_first_sheet.xlsx": xlsx_hidden_first_sheet,
    "xlsx_very_hidden_first_sheet.xlsx": xlsx_very_hidden_first_sheet,
    "xlsx_cell_at_xfd1048576.xlsx": xlsx_cell_at_xfd1048576,
    "xlsx_merged_to_last_row.xlsx": xlsx_merged_to_last_row,
    "xlsx_unpacks_too_large.xlsx": xlsx_unpacks_too_large,
    "csv_over_5_mb.csv": csv_over_5_mb,
}
"""File name -> function writing that case to the path it is given."""


def make(name: str, out_dir: Path) -> Path:
    """Write the case ``name`` into ``out_dir`` (never into ``data/raw``) and return its path."""
    out_dir = Path(out_dir)
    if out_dir.resolve() == raw_dir().resolve():
        raise ValueError("bad-input cases are never written into data/raw")
    path = out_dir / name
    CASES[name](path)
    return path


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: make_binary_cases.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for name in CASES:
        print(make(name, out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
