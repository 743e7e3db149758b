"""The report's tables as files: each sheet a titled, sourced, printable table; numbers as numbers, one percent
convention, CSVs rounded to what the workbook shows; text never runs as a formula (issue 12 item 4, issue 13 item 6)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from grdp import check_plan, load_plan
from grdp.report.build import SECTIONS
from grdp.report.context import ReportContext
from grdp.report.export import HEADER_ROW, ReportTable, format_decimals, write_csvs, write_workbook
from grdp.report.plan import plan_section

PLANS = {2025: ("data", "raw", "plan_2025_indicators.csv"), 2026: ("tests", "data", "plan_2026_indicators.csv")}
INJECTION = '=HYPERLINK("http://example.com","Đón khách du lịch")'


def _tables(plan_path: Path) -> tuple[object, list[ReportTable]]:
    plan = load_plan(plan_path)
    embedded = plan_path.name == "plan_2025_indicators.csv" and plan_path.parent.name == "raw"
    from grdp.io.tasks import default_tasks_path

    ctx = ReportContext(plan=plan, lang="vi", audit=check_plan(plan, lang="vi"), tasks_path=default_tasks_path() if embedded else None)
    return plan, [t for _, builder in SECTIONS for t in builder(ctx).tables]


@pytest.fixture(scope="module", params=sorted(PLANS))
def written(request, root, tmp_path_factory) -> dict:
    """Every table of the report of one plan (the embedded 2025 plan, the constructed 2026 test plan), written out."""
    plan, tables = _tables(root.joinpath(*PLANS[request.param]))
    out = tmp_path_factory.mktemp(f"export_{request.param}")
    book = write_workbook(tables, out / "book.xlsx")
    write_csvs(tables, out / "en")
    write_csvs(tables, out / "vi", csv_locale="vi")
    return {"plan": plan, "tables": tables, "book": load_workbook(book), "out": out}


def _body(ws, table: ReportTable) -> list[tuple]:
    return list(ws.iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + len(table.frame)))


def test_every_sheet_has_title_unit_header_data_and_source(written):
    plan, wb = written["plan"], written["book"]
    assert len(written["tables"]) >= 10
    for table in written["tables"]:
        ws = wb[table.sheet_name]
        assert ws.cell(1, 1).value == table.title
        assert table.unit and ws.cell(2, 1).value == f"Đơn vị tính: {table.unit}"
        assert [c.value for c in ws[HEADER_ROW]] == [str(c) for c in table.frame.columns]
        assert all(c.font.bold for c in ws[HEADER_ROW])
        source = ws.cell(HEADER_ROW + len(table.frame) + 2, 1).value
        assert ws.max_row == HEADER_ROW + len(table.frame) + 2, table.name
        # the source names the plan's own file and year, never the embedded plan's
        assert source.startswith("Nguồn: ") and f"năm {plan.year}" in source and ".csv" in source, table.name
        assert plan.source in source or (table.name == "nhiem_vu" and "_tasks.csv" in source), table.name
        if plan.year != 2025:
            assert "2025" not in source and "plan_2025" not in source
        assert ws.freeze_panes == f"A{HEADER_ROW + 1}"


def test_every_sheet_prints_on_a4_landscape_one_page_wide_with_the_header_repeated(written):
    for ws in written["book"]:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4 in the OOXML paper-size list
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
        assert 0.25 <= ws.page_margins.left <= 1 and 0.25 <= ws.page_margins.top <= 1


def test_every_number_has_a_format_of_its_precision_and_no_percent_format(written):
    for table in written["tables"]:
        ws = written["book"][table.sheet_name]
        numeric = 0
        for row in _body(ws, table):
            for cell in row:
                if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    numeric += 1
                    assert cell.number_format != "General", (table.name, cell.coordinate)
                    # one percent convention: percentages are numbers 0-100 with % in the unit or the header
                    assert "%" not in cell.number_format, (table.name, cell.coordinate)
                    assert table.number_formats.get(table.frame.columns[cell.column - 1]) == cell.number_format
                elif cell.value is not None:
                    assert cell.data_type == "s"
        assert numeric or table.frame.select_dtypes("number").empty


def test_plan_sheet_holds_numbers_and_labels_its_text(written):
    plan, wb = written["plan"], written["book"]
    table = written["tables"][0]
    ws = wb[table.sheet_name]
    header = [c.value for c in ws[HEADER_ROW]]
    ranges = [j for j, h in enumerate(header) if h.endswith(("(từ)", "(đến)"))]
    texts = [j for j, h in enumerate(header) if h.endswith("(số ghi, dạng chữ)")]
    assert len(ranges) == 6 and len(texts) == 3
    for row in _body(ws, table):
        for j in ranges:
            assert row[j].value is None or isinstance(row[j].value, int | float)
        for j in texts:
            assert isinstance(row[j].value, str)
    first = next(r for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if r[0] == "1")
    g = plan.growth_figures()
    assert first[ranges[0]] == pytest.approx(g.done)  # 8.01 in 2025, 8.62 in tests/data/plan_2026_indicators.csv
    assert (first[ranges[4]], first[ranges[5]]) == pytest.approx(g.year)


def test_probabilities_are_percentages_in_every_table(written):
    wb = written["book"]
    by_name = {t.name: t for t in written["tables"]}
    probs = by_name["xac_suat_dat_muc_tieu"].frame
    assert all(0 <= v <= 100 for c in probs.columns[5:] for v in probs[c])
    mc = by_name["mo_phong_monte_carlo"].frame
    assert all(0 <= v <= 100 for v in mc.iloc[:, 1])
    coverage = by_name["kiem_dinh_lui"].frame["Tỷ lệ năm nằm trong khoảng 80 %"]
    assert coverage.max() > 1 and coverage.max() <= 100
    if written["plan"].year == 2025:
        # tests/test_panel_forecast.py: 4 of 73 province-years ended 1.92 points or more above their forecast,
        # P = (4 + 1)/(73 + 2) = 0.0667, shown as 6,7 % in the summary: stored as 6.67, not 0.0667
        ws = wb["Dự báo theo các tỉnh"]
        header = [c.value for c in ws[HEADER_ROW]]
        cell = ws.cell(HEADER_ROW + 1, header.index("Xác suất cả năm ≥ 10,0 %") + 1)
        assert cell.value == pytest.approx(100 * 5 / 75) and cell.number_format == "0.0"
        backtest = wb["Kiểm định lùi trên các tỉnh"]
        header = [c.value for c in backtest[HEADER_ROW]]
        assert 50 < backtest.cell(HEADER_ROW + 1, header.index("Khoảng 80 % bao được") + 1).value <= 100


def test_csv_numbers_have_the_decimals_their_format_shows(written):
    for table in written["tables"]:
        frame = pd.read_csv(written["out"] / "en" / f"{table.name}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
        assert frame.columns.tolist() == [str(c) for c in table.frame.columns]
        for column in table.frame.columns:
            fmt = table.number_format(column)
            if fmt is None:
                continue
            d = format_decimals(fmt)
            pattern = re.compile(rf"-?\d+\.\d{{{d}}}" if d else r"-?\d+")
            for text in frame[str(column)]:
                assert text == "" or pattern.fullmatch(text), (table.name, column, text)


def test_csv_files_are_utf8_with_a_bom_in_both_locales(written):
    if written["plan"].year != 2025:
        pytest.skip("the 2025 plan's figures")
    en = (written["out"] / "en" / "chi_tieu.csv").read_bytes()
    vi = (written["out"] / "vi" / "chi_tieu.csv").read_bytes()
    assert en.startswith(b"\xef\xbb\xbf") and vi.startswith(b"\xef\xbb\xbf")
    en_row = en.decode("utf-8-sig").splitlines()[1]
    vi_row = vi.decode("utf-8-sig").splitlines()[1]
    # data/raw/plan_2025_indicators.csv row 1: GRDP growth 8.01 after 9 months, 10-10,5 for the year
    assert en_row.split(",")[:1] == ["1"] and ",8.01,8.01," in en_row and ",10.0,10.5" in en_row
    assert vi_row.split(";")[:1] == ["1"] and ";8,01;8,01;" in vi_row and ";10,0;10,5" in vi_row
    # no thousands separator in either: 71 062 tỷ đồng (seed line 63)
    budget_vi = next(line for line in vi.decode("utf-8-sig").splitlines() if line.startswith("8;"))
    assert ";71062,00;71062,00;" in budget_vi
    assert '"' not in vi_row.replace('"14,2–15,8"', "")  # decimal commas need no quoting under ';'


def test_csv_locale_is_validated(tmp_path):
    table = ReportTable("t", "T", pd.DataFrame({"a": [1.5]}), {"a": "0.0"}, unit="%", source="x.csv")
    with pytest.raises(ValueError, match="csv_locale must be one of: 'en', 'vi'"):
        write_csvs([table], tmp_path, csv_locale="fr")  # type: ignore[arg-type]


def test_english_tables_say_unit_and_source(tmp_path):
    frame = pd.DataFrame({"Sector": ["Industry"], "Growth (%)": [12.345]})
    table = ReportTable("t", "Growth", frame, {"Growth (%)": "0.00"}, unit="%", source="plan_2025_indicators.csv")
    ws = load_workbook(write_workbook([table], tmp_path / "t.xlsx", lang="en"))["Growth"]
    assert ws.cell(2, 1).value == "Unit: %" and ws.cell(HEADER_ROW + 3, 1).value == "Source: plan_2025_indicators.csv"


def _injected_plan(root: Path, tmp_path: Path) -> Path:
    """A copy of the embedded plan whose row 12 (tourist arrivals) is named like a formula."""
    text = (root / "data" / "raw" / "plan_2025_indicators.csv").read_text(encoding="utf-8")
    assert "12,Đón khách du lịch," in text
    path = tmp_path / "plan_2025_indicators.csv"
    path.write_text(text.replace("12,Đón khách du lịch,", '12,"' + INJECTION.replace('"', '""') + '",'), encoding="utf-8")
    return path


def test_a_formula_in_a_plan_stays_text(root, tmp_path):
    plan = load_plan(_injected_plan(root, tmp_path))
    ctx = ReportContext(plan=plan, lang="vi", audit=check_plan(plan, lang="vi"))
    tables = plan_section(ctx).tables
    book = write_workbook(tables, tmp_path / "book.xlsx")
    ws = load_workbook(book)[tables[0].sheet_name]
    cell = next(r[1] for r in ws.iter_rows(min_row=HEADER_ROW + 1) if r[0].value == "12")
    assert cell.value == INJECTION and cell.data_type == "s" and cell.quotePrefix
    with zipfile.ZipFile(book) as z:
        sheets = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in s or "<f " in s for s in sheets)  # stored as a string, not a formula
    write_csvs(tables, tmp_path / "csv")
    frame = pd.read_csv(tmp_path / "csv" / "chi_tieu.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert frame.loc[frame["STT"] == "12", "Chỉ tiêu"].item() == "'" + INJECTION


def test_formula_like_text_is_inert_and_negative_numbers_stay_numbers(tmp_path):
    frame = pd.DataFrame({"Tên": ["+1+1", "@SUM(A1)", "-2+3", "\tx", "-", "Công nghiệp"], "Giá trị": [-4.17, -0.004, 1.0, 2.0, None, -12.0]})
    table = ReportTable("t", "T", frame, {"Giá trị": "0.00"}, unit="%", source="x.csv")
    ws = load_workbook(write_workbook([table], tmp_path / "t.xlsx"))["T"]
    names = [r[0] for r in ws.iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + len(frame))]
    values = [r[1].value for r in ws.iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + len(frame))]
    assert [c.value for c in names] == frame["Tên"].tolist() and all(c.data_type == "s" for c in names)
    assert [c.quotePrefix for c in names] == [True, True, True, True, False, False]
    assert values == [-4.17, -0.004, 1.0, 2.0, None, -12.0]
    write_csvs([table], tmp_path, csv_locale="vi")
    lines = (tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()
    # -0.004 at two decimals is 0,00, never "-0,00"; negative numbers get no quote
    assert lines == ["Tên;Giá trị", "'+1+1;-4,17", "'@SUM(A1);0,00", "'-2+3;1,00", "'\tx;2,00", "-;", "Công nghiệp;-12,00"]
