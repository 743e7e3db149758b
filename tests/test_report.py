"""The main job: same bytes twice, and the workbook says what the audit says."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest
from openpyxl import load_workbook

from grdp import check_plan, load_plan
from grdp.report.build import build_report
from grdp.report.export import HEADER_ROW


def _header_and_body(ws) -> tuple[tuple, list[tuple]]:
    """A sheet's header row and data rows (title and unit above; an empty row and the source below)."""
    rows = list(ws.iter_rows(min_row=HEADER_ROW, values_only=True))
    header, body = rows[0], []
    for row in rows[1:]:
        if all(v is None for v in row):
            break
        body.append(row)
    return header, body


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def reports(report_vi) -> dict[str, Path]:
    """The session's Vietnamese report (``report_vi``, tests/conftest.py), built once for every test that reads it."""
    return {"vi": report_vi}


@pytest.fixture(scope="module")
def report_2026(tmp_path_factory, root) -> Path:
    """A plan of another year (tests/data/plan_2026_indicators.csv: constructed, other figures, rows left out)."""
    base = tmp_path_factory.mktemp("report_2026")
    build_report(plan_path=root / "tests" / "data" / "plan_2026_indicators.csv", out_dir=base / "out", progress=None)
    return base / "out"


def test_report_is_byte_identical_when_run_twice(reports, tmp_path, monkeypatch):
    # nbval does not compare PNG images, so every figure, table and the workbook are compared here.
    # The second run draws and writes everything again; the model fits and data files it reuses from the
    # first (one fit per distinct model and one read per file in a process, grdp.forecast.methods.fitted_q4).
    # The second run is made in this process alone (on Linux the first spreads its work over forked
    # children, grdp.core.forking): the children draw and fit exactly what this process would.
    monkeypatch.setenv("GRDP_NO_FORK", "1")
    build_report(out_dir=tmp_path / "again", lang="vi", progress=None)
    a, b = _digests(reports["vi"]), _digests(tmp_path / "again")
    assert a == b
    assert any(name.endswith(".png") for name in a) and any(name.endswith(".svg") for name in a)
    assert "grdp_2025.xlsx" in a and "tom_tat.md" in a


def test_figures_are_300_dpi_at_report_widths(reports):
    from PIL import Image

    for png in (reports["vi"] / "figures").glob("*.png"):
        with Image.open(png) as im:
            dpi = im.info["dpi"]
            assert round(dpi[0]) == 300
            widths_px = (16 / 2.54 * 300, 8 / 2.54 * 300)  # 16 or 8 cm at 300 dpi (matplotlib floors the pixels)
            assert any(abs(im.size[0] - w) < 1 for w in widths_px), png.name


def test_workbook_audit_sheet_matches_the_audit(reports):
    audit = check_plan(load_plan())
    wb = load_workbook(reports["vi"] / "grdp_2025.xlsx")
    ws = wb["Kiểm tra tính thống nhất"]
    header, body = _header_and_body(ws)
    assert header[:2] == ("STT", "Chỉ tiêu") and ws.freeze_panes == "A4"  # frozen below the header (title, unit above)
    verdicts = [r[header.index("Kết luận")] for r in body]
    assert [r[0] for r in body] == [f.stt for f in audit.items]
    assert verdicts == [{"consistent": "Khớp", "inconsistent": "Không khớp", "implausible": "Không hợp lý", "met": "Đã đạt",
                         "not_checkable": "Không kiểm tra được"}[f.verdict] for f in audit.items]


def test_workbook_plan_sheet_holds_numbers(reports):
    wb = load_workbook(reports["vi"] / "grdp_2025.xlsx")
    ws = wb["Chỉ tiêu kế hoạch 2025"]
    header, body = _header_and_body(ws)
    rows = {r[0]: r for r in body}
    # seed line 63: budget revenue 71,062 tỷ đồng at 9 months, printed back as 71.062 and stored as a number
    # (the written-back text has its own, labelled column; the numbers carry the period's finest printed precision:
    # 8.01 and 2.04 at 9 months, hence two decimals)
    assert rows["8"][header.index("Kết quả 9 tháng (số ghi, dạng chữ)")] == "71.062"
    assert rows["8"][header.index("Kết quả 9 tháng (từ)")] == 71062
    cell = ws.cell(row=HEADER_ROW + 1, column=header.index("Kết quả 9 tháng (từ)") + 1)
    assert cell.number_format == "#,##0.00"


@pytest.fixture(scope="module")
def report_en(tmp_path_factory) -> Path:
    """The embedded plan's report in English, built once for this module."""
    en = tmp_path_factory.mktemp("report_en") / "en"
    build_report(out_dir=en, lang="en", progress=None)
    return en


def test_english_report(report_en):
    en = report_en
    names = set(_digests(en))
    assert "summary.md" in names and "grdp_2025.xlsx" in names
    wb = load_workbook(en / "grdp_2025.xlsx")
    assert "Plan audit" in wb.sheetnames
    text = (en / "summary.md").read_text(encoding="utf-8")
    assert text.startswith("# The 2025 plan: findings")


def test_workbook_has_a_sheet_per_analysis(reports):
    wb = load_workbook(reports["vi"] / "grdp_2025.xlsx")
    for sheet in ("Kiểm tra tính thống nhất", "Đóng góp của các ngành", "Xác suất đạt mục tiêu", "Kiểm định lùi",
                  "Kịch bản", "Mô phỏng Monte Carlo"):
        assert sheet in wb.sheetnames
    figures = sorted(p.name for p in (reports["vi"] / "figures").glob("*.png"))
    assert len(figures) == 13 and figures[0].startswith("01_")


def test_workbook_backtest_sheet_matches_the_backtest(reports):
    from grdp.forecast.backtesting import backtest

    scores = backtest().scores()
    ws = load_workbook(reports["vi"] / "grdp_2025.xlsx")["Kiểm định lùi"]
    header, body = _header_and_body(ws)
    mae = [r[header.index("Sai số tuyệt đối bình quân (điểm phần trăm)")] for r in body]
    assert mae == pytest.approx(scores["mae"].tolist())
    # coverage is a percentage from 0 to 100, as every percentage of the report (issue 12): 8 of 13 years = 61.5
    column = header.index("Tỷ lệ năm nằm trong khoảng 80 %")
    assert ws.cell(row=HEADER_ROW + 1, column=column + 1).number_format == "0.0"
    assert [r[column] for r in body] == pytest.approx((100 * scores["coverage_80"]).tolist())


def test_summary_opens_with_the_key_findings(reports):
    text = (reports["vi"] / "tom_tat.md").read_text(encoding="utf-8")
    head = text.split("\n## ")[1]
    assert head.startswith("I. Những kết quả chính")
    # the share target, row 3 of Phụ lục 1: implausible (no admissible seasonal gap), not an identity failure
    assert "0 không khớp, 1 không hợp lý" in head and "Không hợp lý — dòng 3" in head
    assert "quý IV cần tăng 14,23–15,79 %" in head  # issue 3: at w4 = 0.32, 14.23 / 15.79
    # the nation's latest weight (assumptions.csv national_q4_weight_latest): (10 - 0.718·8.01)/0.282 = 15.07, 16.84
    assert "với tỷ trọng của cả nước năm gần nhất 0,282: 15,07–16,84 %" in head
    assert "cần các ngành thực hiện ít nhất 84 % mức tăng tốc" in head  # tests/test_scenarios.py: linear in the share
    # the calibrated forecast leads (tests/test_panel_forecast.py: (k + 1)/(n + 2) with 4 of 73 errors above 1.92)
    assert head.startswith("I. Những kết quả chính\n\n- Dự báo hiệu chỉnh trên các tỉnh (9 tháng 8,01 %)")
    assert "xác suất đạt 10,0 % khoảng 7 % — 4/73 tỉnh-năm" in head
    # the scenario simulation is never among the key findings, nor any P(≥ ...) without its condition
    assert "Mô phỏng" not in head and "P(≥" not in head


def test_a_plan_of_another_year_gets_its_own_report(report_2026):
    assert (report_2026 / "grdp_2026.xlsx").is_file()
    text = (report_2026 / "tom_tat.md").read_text(encoding="utf-8")
    # tests/data/plan_2026_indicators.csv, row 1: 8.62 after 9 months, 11,4-12,5 in Q4, 9,5-9,8 for the year
    assert text.startswith("# Kế hoạch năm 2026") and "8,62 %" in text and "11,4–12,5 %" in text
    assert "Không có danh sách nhiệm vụ" in text
    # the national file ends with the 2025 annual release: the 2026 forecast is 9 months + the mean past gap
    assert "9 tháng + chênh lệch bình quân" in text and "Dự báo tăng trưởng cả năm 2026" in text
    # nothing of the embedded 2025 plan leaks in (its GRDP figures, its year as the plan's); the merged
    # province's 2025 structure is the base the 2026 plan is decomposed on, and says so
    for figure in ("8,01", "14,2", "15,8", "10–10,5", "Kế hoạch năm 2025", "Mục tiêu năm 2025", "81,2"):
        assert figure not in text, figure
    assert "cơ cấu 2025" in text and "ngang mức cao nhất" not in text  # a 1,6-point excess is not the record 3,8


def test_readme_figures_are_the_reports(reports, root):
    # README.md shows two report figures from docs/figures; `make report` refreshes them.
    for name in ("02_tang_truong_quy_iv_can_dat.png", "04_dong_gop_nganh.png"):
        assert (root / "docs" / "figures" / name).read_bytes() == (reports["vi"] / "figures" / name).read_bytes(), name


# ---------------------------------------------------------------------------------------------
# the Word document (issue 12): reopened, its structure checked


def _docx(folder: Path, name: str):
    import docx

    return docx.Document(str(folder / name))


def test_document_is_in_the_administrative_format(reports):
    from docx.shared import Pt

    doc = _docx(reports["vi"], "bao_cao_2025.docx")
    page = doc.sections[0]
    # Nghị định 30/2020/NĐ-CP, Phụ lục I: A4; margins top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm
    assert (round(page.page_width.mm), round(page.page_height.mm)) == (210, 297)
    mm = {side: round(getattr(page, f"{side}_margin").mm) for side in ("top", "bottom", "left", "right")}  # stored in twips
    assert 20 <= mm["top"] <= 25 and 20 <= mm["bottom"] <= 25 and 30 <= mm["left"] <= 35 and 15 <= mm["right"] <= 20
    normal = doc.styles["Normal"].font
    assert normal.name == "Times New Roman" and Pt(13) <= normal.size <= Pt(14)  # 13-14 pt body text
    # page numbers: a PAGE field in the header, none on the first page
    assert page.different_first_page_header_footer
    assert 'w:instr="PAGE"' in page.header._element.xml
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in doc.tables[0].cell(0, 1).text
    assert doc.core_properties.created.year == 2000 and doc.core_properties.author == "grdp"  # fixed, not the run's time


def test_document_numbers_every_table_and_figure_with_caption_and_source(reports):
    doc = _docx(reports["vi"], "bao_cao_2025.docx")
    texts = [p.text for p in doc.paragraphs]
    tables = [t for t in texts if t.startswith("Biểu ")]
    figures = [t for t in texts if t.startswith("Hình ")]
    # 16 tables in the workbook, one (backtest by year, 104 rows) only there; 13 figures (reports/vi/figures)
    assert [t.split(".")[0] for t in tables] == [f"Biểu {i}" for i in range(1, 16)]
    assert [t.split(".")[0] for t in figures] == [f"Hình {i}" for i in range(1, 14)]
    assert len(doc.tables) == 1 + 15 and len(doc.inline_shapes) == 13  # the heading block + the numbered tables
    for i, text in enumerate(texts):  # every figure's caption is followed by its source
        if text.startswith("Hình "):
            assert texts[i + 1].startswith("Nguồn: ") and texts[i + 1].endswith("tính toán của grdp."), text
    assert sum(t.startswith("Nguồn: ") for t in texts) == 15 + 13
    assert any("chỉ có trong sổ tính grdp_2025.xlsx" in t and "Kiểm định lùi theo năm" in t for t in texts)


def test_document_key_findings_point_to_their_support(reports):
    import re

    doc = _docx(reports["vi"], "bao_cao_2025.docx")
    texts = [p.text for p in doc.paragraphs]
    start, end = texts.index("I. NHỮNG KẾT QUẢ CHÍNH"), texts.index("II. KẾT QUẢ CHI TIẾT")
    findings = texts[start + 1:end]
    assert len(findings) == 9  # the same nine lines as tom_tat.md's key findings
    n_tables = sum(t.startswith("Biểu ") for t in texts)
    for finding in findings:
        refs = re.search(r"\((mục II\.\d[^()]*)\)$", finding)
        assert refs, finding
        for kind, n in re.findall(r"(Biểu|Hình) (\d+)", refs.group(1)):
            assert int(n) <= (n_tables if kind == "Biểu" else 13), finding
    # the two figures a reader could not trace before (issue 12): 84 % (scenarios) and 0,30 points (what-if)
    assert any("84 %" in f and "Biểu" in f for f in findings)
    assert any("0,30 điểm phần trăm so với kịch bản cơ sở (10,37 %)" in f for f in findings)
    section = "\n".join(texts[end:])
    assert "cần ít nhất 84 % mức tăng tốc đó" in section  # the section itself carries the 84 %


def test_document_has_a_glossary_of_the_terms_it_uses(reports):
    texts = [p.text for p in _docx(reports["vi"], "bao_cao_2025.docx").paragraphs]
    glossary = texts[texts.index("III. GIẢI THÍCH THUẬT NGỮ") + 1:]
    terms = [t.split(":")[0] for t in glossary]
    for term in ("GRDP", "GTTT", "GTSX", "tỷ trọng quý IV năm trước", "điểm phần trăm", "kiểm định lùi", "MAE"):
        assert term in terms, term


def test_english_document(report_en):
    doc = _docx(report_en, "report_2025.docx")
    texts = [p.text for p in doc.paragraphs]
    assert "I. KEY FINDINGS" in texts and "III. GLOSSARY" in texts
    assert any(t.startswith("Table 1. ") for t in texts) and any(t.startswith("Source: ") for t in texts)


def test_document_of_another_plan_speaks_of_its_year(report_2026):
    doc = _docx(report_2026, "bao_cao_2026.docx")
    texts = "\n".join(p.text for p in doc.paragraphs)
    assert "năm 2026" in texts and "năm 2025" not in texts.split("II. KẾT QUẢ CHI TIẾT")[0]
    assert "Kế hoạch năm 2026 (plan_2026_indicators.csv)" in texts  # the tables' and figures' source lines


def test_summary_is_proper_markdown_without_repeats(reports, report_en):
    # issue 12: single newlines and indents collapsed into run-on paragraphs in Markdown viewers and pandoc
    for folder, name in ((reports["vi"], "tom_tat.md"), (report_en, "summary.md")):
        lines = (folder / name).read_text(encoding="utf-8").split("\n")
        assert not [line for line in lines if line[:1].isspace()], "indented lines read as code or run on"
        for a, b in itertools.pairwise(lines):
            if a and b and not a.startswith("- "):  # a paragraph or heading is followed by a blank line
                pytest.fail(f"no blank line after {a[:60]!r}")
        paragraphs = [line for line in lines if line and not line.startswith("#")]
        repeated = {p for p in paragraphs if paragraphs.count(p) > 1}
        assert not repeated, repeated
