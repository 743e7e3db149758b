"""The report as a Word document in the Vietnamese administrative format (``bao_cao_<year>.docx``).

The layout follows Nghị định 30/2020/NĐ-CP on administrative documents: A4
paper; margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman
13 pt body text, justified, first line indented; the agency and the national
motto side by side at the top; page numbers centred in the header from the
second page. Then:

I. key findings, each ending with the section, tables ("Biểu N") and figures
   ("Hình N") that support it;
II. the sections, each with its text, its numbered tables (caption above, unit,
    "Nguồn:" line below) and figures (caption and "Nguồn:" below);
III. a glossary of the terms the document uses.

The same tables and figures are numbered alike in the Markdown summary
(:func:`numbering`). Like the workbook, the document's bytes depend only on its
content: fixed document properties and zip entry times.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from grdp.core.typing import Lang
from grdp.core.wording import num, phrase
from grdp.report.context import KeyFinding
from grdp.report.export import ReportTable, cell_value, format_decimals, write_stable_zip
from grdp.report.glossary import GlossaryEntry
from grdp.report.markup import blocks, inline

__all__ = [
    "DocumentFigure",
    "DocumentSection",
    "ReportDocument",
    "Numbering",
    "numbering",
    "write_docx",
    "AGENCY",
    "PLACE",
]

AGENCY = ("THỐNG KÊ TỈNH HƯNG YÊN", "HUNG YEN PROVINCIAL STATISTICS OFFICE")
"""The office that files the report (vi, en): the agency block at the top of the first page."""
PLACE = "Hưng Yên"
"""Where the report is dated."""
FIXED_TIME = datetime(2000, 1, 1)
"""The document's created / modified / printed times: nothing, stably."""
BODY_PT = 13
TABLE_PT = 11
WIDE_TABLE_PT = 9
WIDE_TABLE_COLUMNS = 7
TEXT_WIDTH_CM = 16.5
"""A4 (21 cm) less 3 cm left and 1,5 cm right margins."""
AGENCY_CM = 6.0
"""Width of the agency column of the heading block; the national motto takes the rest."""


@dataclass(frozen=True)
class DocumentFigure:
    """A figure as the document prints it: its PNG, caption and source."""

    stem: str
    png: Path
    caption: str
    source: str


@dataclass(frozen=True)
class DocumentSection:
    """One section of part II: title, Markdown text, tables and figures in the order printed."""

    title: str
    text: str
    tables: tuple[ReportTable, ...] = ()
    figures: tuple[DocumentFigure, ...] = ()


@dataclass(frozen=True)
class ReportDocument:
    """Everything :func:`write_docx` prints."""

    year: int
    lang: Lang
    title: str
    subtitle: str
    findings: tuple[tuple[KeyFinding, int], ...]
    """Each key finding with the number of the section it comes from."""
    sections: tuple[DocumentSection, ...]
    glossary: tuple[GlossaryEntry, ...]
    workbook: str
    workbook_only: tuple[ReportTable, ...] = ()
    """Tables too long for the document, named with their sheet in the workbook."""


@dataclass(frozen=True)
class Numbering:
    """Table and figure numbers ("Biểu N", "Hình N") by file stem, and the reference text of a key finding."""

    tables: dict[str, int] = field(default_factory=dict)
    figures: dict[str, int] = field(default_factory=dict)

    def refs(self, finding: KeyFinding, section: int, lang: Lang) -> str:
        """``(mục II.3; Biểu 4; Hình 2)``: the section and the numbered tables and figures that support ``finding``."""
        parts = [phrase(lang, f"mục II.{section}", f"section II.{section}")]
        parts += [phrase(lang, f"Biểu {self.tables[r]}", f"Table {self.tables[r]}") for r in finding.refs if r in self.tables]
        parts += [phrase(lang, f"Hình {self.figures[r]}", f"Figure {self.figures[r]}") for r in finding.refs if r in self.figures]
        return "(" + "; ".join(parts) + ")"


def numbering(sections: Sequence[DocumentSection]) -> Numbering:
    """Number the tables and figures of ``sections`` in the order they are printed."""
    tables = [t.name for s in sections for t in s.tables]
    figures = [f.stem for s in sections for f in s.figures]
    return Numbering({name: i for i, name in enumerate(tables, start=1)}, {stem: i for i, stem in enumerate(figures, start=1)})


# ---------------------------------------------------------------------------------------------
# writing


def write_docx(document: ReportDocument, path: str | Path) -> Path:
    """Write ``document`` to ``path`` (``.docx``), the same bytes for the same content."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    lang = document.lang
    doc = Document()
    _base_styles(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.different_first_page_header_footer = True
    _page_number(section.header.paragraphs[0])

    _heading_block(doc, document)
    marks = numbering(document.sections)

    _heading(doc, phrase(lang, "I. NHỮNG KẾT QUẢ CHÍNH", "I. KEY FINDINGS"), level=1)
    for finding, section_no in document.findings:
        _paragraph(doc, f"- {finding.text} {marks.refs(finding, section_no, lang)}", indent=True)

    _heading(doc, phrase(lang, "II. KẾT QUẢ CHI TIẾT", "II. DETAILED RESULTS"), level=1)
    for i, part in enumerate(document.sections, start=1):
        _heading(doc, f"{i}. {part.title}", level=2)
        for block in blocks(part.text):
            _paragraph(doc, ("- " if block.kind == "item" else "") + block.text, indent=block.kind == "paragraph")
        for table in part.tables:
            _table(doc, table, marks.tables[table.name], lang)
        for figure in part.figures:
            _figure(doc, figure, marks.figures[figure.stem], lang)
    if document.workbook_only:
        listed = "; ".join(f"{t.title} ({phrase(lang, 'trang tính', 'sheet')} «{t.sheet_name}»)" for t in document.workbook_only)
        _paragraph(doc, phrase(lang, f"Các biểu chi tiết chỉ có trong sổ tính {document.workbook}: {listed}.",
                               f"Detailed tables only in the workbook {document.workbook}: {listed}."), indent=True)

    if document.glossary:
        _heading(doc, phrase(lang, "III. GIẢI THÍCH THUẬT NGỮ", "III. GLOSSARY"), level=1)
        for entry in document.glossary:
            p = _paragraph(doc, "", indent=True)
            p.add_run(entry.term(lang)).bold = True
            p.add_run(": " + entry.meaning(lang))

    props = doc.core_properties
    props.title, props.subject = document.title, document.subtitle
    props.author = props.last_modified_by = "grdp"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    props.comments = props.keywords = props.category = ""
    return write_stable_zip(doc.save, path)


def _base_styles(doc: Any) -> None:
    """Times New Roman everywhere (Latin and Vietnamese, headings too), black, body 13 pt justified."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        style = doc.styles[name]
        style.font.name = "Times New Roman"
        style.font.color.rgb = RGBColor(0, 0, 0)
        r_pr = style.element.get_or_add_rPr()
        fonts = r_pr.get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(_qn(attr), "Times New Roman")
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(_qn(attr), None)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, size in (("Heading 1", BODY_PT), ("Heading 2", BODY_PT)):
        style = doc.styles[name]
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _page_number(paragraph: Any) -> None:
    """A PAGE field, centred: the page number in the header (the first page has none)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field_ = OxmlElement("w:fldSimple")
    field_.set(_qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field_.append(run)
    paragraph._p.append(field_)


def _heading_block(doc: Any, document: ReportDocument) -> None:
    """The agency and the national motto side by side, the place and date, then the title."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    lang = document.lang
    agency = AGENCY[0] if lang == "vi" else AGENCY[1]
    block = doc.add_table(rows=2, cols=2)
    _set_widths(block, [AGENCY_CM, TEXT_WIDTH_CM - AGENCY_CM])
    cells = [
        [(agency, True, False, 12), (phrase(lang, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"), True, False, 12)],
        [(phrase(lang, "Số:      /BC-TK", "No.:      /BC-TK"), False, False, 13),
         (phrase(lang, f"{PLACE}, ngày      tháng      năm {document.year}", f"{PLACE}, ...... {document.year}"), False, True, 13)],
    ]
    for r, row in enumerate(cells):
        for c, (text, bold, italic, size) in enumerate(row):
            cell = block.cell(r, c)
            p = cell.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.first_line_indent = Cm(0)
            run = p.add_run(text)
            run.bold, run.italic, run.font.size = bold, italic, Pt(size)
            if r == 0 and c == 1:
                motto = cell.add_paragraph()
                motto.alignment = WD_ALIGN_PARAGRAPH.CENTER
                m = motto.add_run(phrase(lang, "Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"))
                m.bold, m.font.size = True, Pt(13)
    for text, size in ((document.title, 14), (document.subtitle, 13)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Pt(12 if size == 14 else 0)
        run = p.add_run(text)
        run.bold, run.font.size = True, Pt(size)


def _heading(doc: Any, text: str, *, level: int) -> None:
    doc.add_heading(text, level=level)


def _paragraph(doc: Any, text: str, *, indent: bool) -> Any:
    """A body paragraph with ``**bold**`` / ``*italic*`` read; first line indented 1 cm unless a list item."""
    from docx.shared import Cm

    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Cm(1.0 if indent else 0)
    if not indent:
        p.paragraph_format.left_indent = Cm(0.5)
    for run in inline(text):
        r = p.add_run(run.text)
        r.bold, r.italic = run.bold or None, run.italic or None
    return p


def _caption(doc: Any, text: str, *, bold: bool = True, italic: bool = False, align: str = "center", size: int = BODY_PT) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    p = doc.add_paragraph()
    p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                   "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
    p.paragraph_format.first_line_indent = Cm(0)
    p.paragraph_format.space_after = Pt(3)
    p.paragraph_format.keep_with_next = align != "left"
    run = p.add_run(text)
    run.bold, run.italic, run.font.size = bold or None, italic or None, Pt(size)


def _table(doc: Any, table: ReportTable, number: int, lang: Lang) -> None:
    """Caption above ("Biểu N. title"), the unit, the table (header repeated on each page), "Nguồn:" below."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    _caption(doc, phrase(lang, f"Biểu {number}. {table.title}", f"Table {number}. {table.title}"))
    if table.unit:
        _caption(doc, table.unit_line(lang), bold=False, italic=True, align="right", size=TABLE_PT)
    frame = table.document_frame
    size = Pt(WIDE_TABLE_PT if frame.shape[1] > WIDE_TABLE_COLUMNS else TABLE_PT)
    grid = doc.add_table(rows=1, cols=frame.shape[1])
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = grid.rows[0]
    repeat = OxmlElement("w:tblHeader")
    repeat.set(_qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for cell, column in zip(header.cells, frame.columns, strict=True):
        _cell_text(cell, str(column), size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for row in frame.itertuples(index=False):
        cells = grid.add_row().cells
        for cell, column, value in zip(cells, frame.columns, row, strict=True):
            text, numeric = _shown(value, table.number_format(column), lang)
            _cell_text(cell, text, size, align=WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT)
    _set_widths(grid, _column_widths(frame))
    if table.source:
        _caption(doc, table.source_line(lang), bold=False, italic=True, align="left", size=TABLE_PT)


def _set_widths(grid: Any, widths_cm: Sequence[float]) -> None:
    """Fixed column widths, in the grid (which LibreOffice reads) and in every cell (which Word reads)."""
    from docx.shared import Cm

    grid.autofit = False
    for column, width in zip(grid.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in grid.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def _cell_text(cell: Any, text: str, size: Any, *, bold: bool = False, align: Any = None) -> None:
    from docx.shared import Cm, Pt

    p = cell.paragraphs[0]
    p.paragraph_format.first_line_indent = Cm(0)
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = 1.0
    p.alignment = align
    run = p.add_run(text)
    run.font.size = size
    run.bold = bold or None


def _column_widths(frame: Any) -> list[float]:
    """Widths (cm) in proportion to each column's longest text, at least 1,2 cm, summing to the text width."""
    lengths = []
    for column in frame.columns:
        longest = max([len(str(column)) * 0.6] + [len(str(v)) for v in frame[column]])
        lengths.append(max(4.0, min(float(longest), 60.0)))
    total = sum(lengths)
    widths = [max(1.2, TEXT_WIDTH_CM * n / total) for n in lengths]
    scale = TEXT_WIDTH_CM / sum(widths)
    return [round(w * scale, 2) for w in widths]


def _shown(value: Any, fmt: str | None, lang: Lang) -> tuple[str, bool]:
    """A cell as printed: a number at its format's decimals (:func:`format_decimals`) with the language's marks;
    ``(text, is_number)``."""
    x = cell_value(value)
    if x is None:
        return "", False
    if isinstance(x, bool) or not isinstance(x, int | float):
        return str(x), False
    if fmt and "%" in fmt.split(";")[0]:  # a fraction shown as a percent
        return f"{num(100 * x, format_decimals(fmt) - 2, lang)} %", True
    return num(x, format_decimals(fmt) if fmt else 0, lang), True


def _figure(doc: Any, figure: DocumentFigure, number: int, lang: Lang) -> None:
    """The picture at its own width (16 or 8 cm), centred; "Hình N. caption" and "Nguồn:" below."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm
    from PIL import Image  # matplotlib's own dependency

    with Image.open(figure.png) as image:
        width_px, _ = image.size
        dpi = image.info.get("dpi", (300, 300))[0] or 300
    width_cm = min(TEXT_WIDTH_CM, 2.54 * width_px / float(dpi))
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Cm(0)
    p.paragraph_format.keep_with_next = True
    p.add_run().add_picture(str(figure.png), width=Cm(width_cm))
    _caption(doc, phrase(lang, f"Hình {number}. {figure.caption}", f"Figure {number}. {figure.caption}"))
    _caption(doc, phrase(lang, f"Nguồn: {figure.source}", f"Source: {figure.source}"), bold=False, italic=True, align="left",
             size=TABLE_PT)
