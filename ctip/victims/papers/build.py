"""Builds the default paper templates (DOCX, state format of Decree 30/2020/NĐ-CP) with
python-docx. The templates hold docxtpl placeholders ({{ ... }}) and can be edited in Word; an
edited template uploaded as a PaperTemplate replaces the default.

Run `python -m ctip.victims.papers.build` after changing the wording; the .docx files it writes
beside this module are committed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

HERE = Path(__file__).resolve().parent
FONT = "Times New Roman"

# The "Căn cứ ..." lines: the legal basis in force on the paper's event date (rule
# victims.paper.basis.<kind>), one paragraph each.
BASIS = ["{%p for line in basis %}", "{{ line }}", "{%p endfor %}"]

PAPERS = {
    # Before identification the law calls no one a victim: "người đang trong quá trình xác định
    # là nạn nhân" (Law 53/2024/QH15 Art. 37(3)).
    "reception_minutes": (
        "BIÊN BẢN",
        "Tiếp nhận người đang trong quá trình xác định là nạn nhân",
        [
            *BASIS,
            "Hôm nay, ngày {{ received_on }}, tại {{ issuer }}, chúng tôi tiếp nhận người đang "
            "trong quá trình xác định là nạn nhân có tên sau:",
            "Họ và tên: {{ full_name }}; giới tính: {{ sex }}; ngày sinh hoặc tuổi: "
            "{{ date_of_birth }}; quốc tịch: {{ nationality }}.",
            "Giấy tờ tùy thân: {{ identity_document }}. "
            "Nơi cư trú: {{ address }}, {{ home_unit }}.",
            "Nơi tiếp nhận ban đầu: {{ source }}. Mã hồ sơ: {{ code }}.",
            "Việc xác minh, xác định do cơ quan có thẩm quyền thực hiện theo quy định của pháp "
            "luật.",
            "Biên bản được lập thành 02 bản, mỗi bên giữ 01 bản.",
        ],
    ),
    # Issued by the body that identified the person, not by the case's owner.
    "victim_confirmation": (
        "GIẤY XÁC NHẬN",
        "Nạn nhân bị mua bán",
        [
            *BASIS,
            "{{ issuer }} xác nhận: {{ full_name }}, ngày sinh hoặc tuổi {{ date_of_birth }}, "
            "nơi cư trú {{ address }}, {{ home_unit }}, là nạn nhân bị mua bán (mã hồ sơ "
            "{{ code }}), được xác định ngày {{ identified_on }}.",
            "Người có tên trên được hưởng các chế độ hỗ trợ theo quy định của pháp luật.",
        ],
    ),
    "support_decision": (
        "QUYẾT ĐỊNH",
        "Về việc hỗ trợ {{ person_term }}",
        [
            *BASIS,
            "Xét đề nghị đối với hồ sơ {{ code }},",
            "Điều 1. Hỗ trợ {{ full_name }} ({{ date_of_birth }}), nơi cư trú {{ address }}, "
            "{{ home_unit }}, là {{ person_term }}, các chế độ sau:",
            "{% for s in support %}- {{ s.regime }}: {{ s.amount }} đồng ({{ s.given_on }});"
            "{% endfor %}",
            "Tổng số tiền: {{ support_total }} đồng.",
            "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
        ],
    ),
}


def _fonts(document: Any) -> None:
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):  # all four, or Word substitutes
        fonts.set(qn(attr), FONT)


def _cell(cell, lines: list[tuple[str, bool, bool, int]]) -> None:
    cell.paragraphs[0].text = ""
    for index, (text, bold, italic, size) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)


def build(kind: str) -> Path:
    kind_title, subject, body = PAPERS[kind]
    document = Document()
    _fonts(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    header = document.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    _cell(
        header.cell(0, 0),
        [
            ("{{ issuer_upper }}", True, False, 12),
            ("———", False, False, 12),
            ("Số: {{ number }}", False, False, 13),
        ],
    )
    _cell(
        header.cell(0, 1),
        [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False, 12),
            ("Độc lập - Tự do - Hạnh phúc", True, False, 13),
            ("———", False, False, 12),
            # The one date formatter of reports and papers (ctip.core.text.vn_long_date).
            ("{{ place }}, {{ long_date }}", False, True, 13),
        ],
    )
    for text, bold in ((kind_title, True), (subject, True)):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = bold
    for line in body:
        paragraph = document.add_paragraph(line)
        paragraph.paragraph_format.first_line_indent = Mm(10)
    signature = document.add_table(rows=1, cols=2)
    _cell(
        signature.cell(0, 0),
        [
            ("Nơi nhận:", True, True, 12),
            ("- Hồ sơ {{ code }};", False, False, 11),
            ("- Lưu: VT.", False, False, 11),
        ],
    )
    _cell(
        signature.cell(0, 1),
        [
            ("{{ signer_title }}", True, False, 13),
            ("(Ký, ghi rõ họ tên, đóng dấu)", False, True, 12),
        ],
    )
    path = HERE / f"{kind}.docx"
    document.save(str(path))
    return path


if __name__ == "__main__":
    for name in PAPERS:
        print(build(name))
