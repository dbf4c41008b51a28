"""The built-in Word layout of a state report (Decree 30/2020/NĐ-CP, Appendix I), made with
python-docx as a docxtpl template. Officials restyle it by downloading it, editing the named
styles ("CTIP Nội dung", "CTIP Đề mục 1"...) in Word and uploading it on the report template.

A4; margins 20/20/30/15 mm; Times New Roman (all four font slots, or Word falls back for
Vietnamese); body 14 pt; page numbers top centre from page 2. LibreOffice, which makes the PDF,
sets Times New Roman in Liberation Serif 2 (fonts-liberation2) where it is not installed: the
same metrics, so lines break as in Word, and every Vietnamese letter (version 1 lacks "Ủ")."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
BODY_PT = 14
STYLES = {  # name: (bold, italic, alignment, first-line indent mm)
    "CTIP Đề mục 1": (True, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 10),
    "CTIP Đề mục 2": (True, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 10),
    "CTIP Đề mục 3": (True, True, WD_ALIGN_PARAGRAPH.JUSTIFY, 10),
    "CTIP Nội dung": (False, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 10),
    "CTIP Gạch đầu dòng": (False, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 10),
    "CTIP Ghi chú": (False, True, WD_ALIGN_PARAGRAPH.JUSTIFY, 10),
}
BODY_STYLE = {
    "h1": "CTIP Đề mục 1",
    "h2": "CTIP Đề mục 2",
    "h3": "CTIP Đề mục 3",
    "p": "CTIP Nội dung",
    "item": "CTIP Gạch đầu dòng",
    "note": "CTIP Ghi chú",
    "gap": "CTIP Ghi chú",  # a bracketed hole left for the writer: "[Phần do cán bộ viết: ...]"
}


def _fonts(element, size: float | None = None) -> None:
    """Set all four rFonts slots (ascii, hAnsi, cs, eastAsia) on a style's or run's rPr."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    _fonts(normal.element)
    normal.paragraph_format.space_after = Pt(0)
    for name, (bold, italic, align, indent) in STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.bold, style.font.italic = bold, italic
        style.font.name, style.font.size = FONT, Pt(BODY_PT)
        _fonts(style.element)
        fmt = style.paragraph_format
        fmt.alignment, fmt.first_line_indent = align, Mm(indent)
        fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(3), Pt(3), 1.15


def _para(
    container,
    text: str,
    *,
    size: float = 13,
    bold=False,
    italic=False,
    align="center",
    first=False,
):
    """A paragraph of one run. `first`: write into the paragraph a new table cell already has;
    a cell left beginning with an empty paragraph pushes its content a line below the other
    column's."""
    p = container.paragraphs[0] if first else container.add_paragraph()
    p.alignment = getattr(WD_ALIGN_PARAGRAPH, align.upper())
    run = p.add_run(text)
    run.bold, run.italic, run.font.size, run.font.name = bold, italic, Pt(size), FONT
    _fonts(run._r)
    return p


def _rule(paragraph, indent_mm: float) -> None:
    """A short solid line under the paragraph, as the header draws it."""
    paragraph.paragraph_format.left_indent = Mm(indent_mm)
    paragraph.paragraph_format.right_indent = Mm(indent_mm)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _columns(doc, left_mm: float, right_mm: float, rows: int = 1):
    """A borderless table of two columns; the cells of each row start on the same line, which is
    how the header pairs the issuing body with the national name and "Số:" with the date."""
    table = doc.add_table(rows=rows, cols=2)
    table.autofit = False
    for column, width in zip(table.columns, (left_mm, right_mm), strict=True):
        column.width = Mm(width)  # tblGrid/gridCol: LibreOffice ignores cell widths alone
        for cell in column.cells:
            cell.width = Mm(width)
    for row in table.rows:  # no page break inside a row: the signature stays with its lines
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return table.rows


def _page_number(section) -> None:
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    p._p.append(field)


def _header(doc) -> None:
    """Row 1: the issuing body (bold capitals, short rule) beside the national name and motto
    (rule under it); row 2: "Số: ..." beside the place and date (italic)."""
    top, bottom = _columns(doc, 65, 100, rows=2)
    left, right = top.cells
    # A {%p ...%} paragraph is removed when rendered, so the first authority line comes first.
    _para(left, "{%p for line in h.authority %}", first=True)
    _para(left, "{{ line }}", bold=True)
    _para(left, "{%p endfor %}")
    _rule(_para(left, "", size=4), 22)
    _para(right, "{{ h.nation }}", size=12, bold=True, first=True)
    _para(right, "{{ h.motto }}", bold=True)
    _rule(_para(right, "", size=4), 22)  # as long as the motto (about 56 mm)
    number, place_date = bottom.cells
    _para(number, "{{ h.number }}", first=True)
    _para(place_date, "{{ h.place_date }}", size=14, italic=True, first=True)


def _signature(doc) -> None:
    """ "Nơi nhận:" and its list on the left; on the right the signing authority, one bold
    capital line each ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), room for the
    signature and the seal, and the signer's name in bold."""
    (row,) = _columns(doc, 80, 85)
    left, right = row.cells
    _para(left, "Nơi nhận:", size=12, bold=True, italic=True, align="left", first=True)
    _para(left, "{%p for r in h.recipients %}", align="left")
    _para(left, "- {{ r }}{% if loop.last %}.{% else %};{% endif %}", size=11, align="left")
    _para(left, "{%p endfor %}", align="left")
    _para(right, "{%p for s in h.signer_lines %}", first=True)
    _para(right, "{{ s }}", size=14, bold=True)
    _para(right, "{%p endfor %}")
    for _blank in range(5):  # about 30 mm for the signature and the seal
        _para(right, "")
    _para(right, "{{ h.signer_name }}", size=14, bold=True)


def build_layout() -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _styles(doc)
    _page_number(section)

    _header(doc)
    _para(doc, "")
    _para(doc, "{{ h.kind }}", size=14, bold=True)
    _para(doc, "{{ h.subject }}", size=14, bold=True)
    _para(doc, "{{ h.period }}", size=14, italic=True)
    _rule(_para(doc, "", size=4), 65)
    _para(doc, "")
    doc.add_paragraph("{{ h.answers }}", style="CTIP Nội dung")
    doc.add_paragraph("{%p for p in body %}")
    for n, (kind, style) in enumerate(BODY_STYLE.items()):
        keyword = "if" if n == 0 else "elif"
        doc.add_paragraph(f'{{%p {keyword} p.kind == "{kind}" %}}')
        doc.add_paragraph("{{ p.text }}", style=style)
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p endfor %}")
    _para(doc, "")

    _signature(doc)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
