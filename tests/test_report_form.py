"""Issue 21, point 6: the compiled review in the form of a state document (Decree 30/2020): dates
as clerks write them, aligned header columns, the signing authority and signer, "./." at the
end, document properties naming the issuing body, and the PDF checked by where its lines fall."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date, timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from docx import Document
from docx.oxml.ns import qn

from ctip.core.sealed import unseal
from ctip.core.text import vn_date, vn_long_date
from ctip.geo.models import Level
from ctip.ops.demo.reporting import demo_reporting_ensure
from ctip.reporting import prose
from ctip.reporting.errors import ReportError
from ctip.reporting.models import Report, ReportTemplate
from ctip.reporting.outline import narrative_slots
from ctip.reporting.render import docx_to_pdf, render_docx
from ctip.reporting.services import compilation_start, report_create, report_request_register
from ctip.victims.papers.generate import paper_generate
from tests.conftest import unit
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db
NEW = date(2026, 1, 1)
AUTHORITY = "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
SIGNER = "Lê Văn Thành"
RECIPIENTS = ["Văn phòng Thường trực Ban Chỉ đạo 138/CP", "Công an tỉnh", "Lưu: VT, NC"]


@pytest.mark.parametrize(
    ("day", "short", "long"),
    [
        (date(2023, 9, 5), "05/9/2023", "ngày 05 tháng 9 năm 2023"),
        (date(2021, 2, 19), "19/02/2021", "ngày 19 tháng 02 năm 2021"),
        (date(2023, 10, 16), "16/10/2023", "ngày 16 tháng 10 năm 2023"),
        (date(2021, 4, 8), "08/4/2021", "ngày 08 tháng 4 năm 2021"),
        (date(2022, 1, 31), "31/01/2022", "ngày 31 tháng 01 năm 2022"),
        (date(2022, 12, 1), "01/12/2022", "ngày 01 tháng 12 năm 2022"),
    ],
)
def test_a_leading_zero_only_for_days_under_10_and_the_months_1_and_2(day, short, long):
    assert vn_date(day) == short and prose.vn_date(day) == short
    assert vn_long_date(day) == long and prose.vn_long_date(day) == long


def _register(signing_authority: str = AUTHORITY, number_symbol: str = "40/BCĐ-VP"):
    return report_request_register(
        number_symbol=number_symbol,
        date_issued=date(2026, 7, 1),
        issuer="Văn phòng Thường trực Ban Chỉ đạo 138/CP",
        subject="kết quả công tác sáu tháng đầu năm 2026",
        template=ReportTemplate.objects.get(code="six-month"),
        unit=unit(51, Level.PROVINCE, NEW),
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
        recipients=RECIPIENTS,
        signing_authority=signing_authority,
        signer_name=SIGNER,
        acting_user=None,
    )


@pytest.fixture
def result():
    """A six-month review answering a request, every section written, numbered and dated as
    the records office leaves it once issued: the compiled result."""
    request = _register()
    template = request.template
    report = report_create(
        template=template,
        unit=request.unit,
        period_start=request.period_start,
        period_end=request.period_end,
        request=request,
        narratives={
            slot: "Tiếp tục thực hiện." for slot, _h, _l in narrative_slots(template.outline)
        },
        acting_user=None,
    )
    Report.objects.filter(pk=report.pk).update(number="12/BC-UBND", report_date=date(2026, 7, 5))
    return compilation_start(report=report, acting_user=None, run_now=True).result


@pytest.fixture
def docx(result):
    return render_docx(result, ReportTemplate.objects.get(code="six-month"))


def _first_lines(table):
    return [[cell.paragraphs[0].text for cell in row.cells] for row in table.rows]


def test_the_header_pairs_the_issuing_body_with_the_nation_and_the_number_with_the_date(docx):
    header = Document(BytesIO(docx)).tables[0]
    assert _first_lines(header) == [
        ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["Số: 12/BC-UBND", "Quảng Ngãi, ngày 05 tháng 7 năm 2026"],
    ]
    left, right = header.rows[0].cells
    assert [p.text for p in left.paragraphs[:2]] == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]
    assert all(r.bold for p in left.paragraphs[:2] for r in p.runs)
    assert right.paragraphs[1].text == "Độc lập - Tự do - Hạnh phúc"
    assert all(r.italic for r in header.rows[1].cells[1].paragraphs[0].runs)


def test_no_table_cell_begins_with_an_empty_paragraph(docx):
    for table in Document(BytesIO(docx)).tables:
        for cell in table._cells:
            assert cell.paragraphs[0].text.strip(), _first_lines(table)


def test_the_signature_block_prints_the_authority_lines_and_the_signer(docx):
    row = Document(BytesIO(docx)).tables[-1].rows[0]
    assert row._tr.trPr.find(qn("w:cantSplit")) is not None  # kept on one page
    recipients, signature = row.cells
    lines = [p.text for p in signature.paragraphs]
    assert lines[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert lines[-1] == SIGNER and lines[3:-1] and not any(s.strip() for s in lines[3:-1])
    signed = [p for p in signature.paragraphs if p.text]
    assert all(r.bold for p in signed for r in p.runs)
    listed = [p.text for p in recipients.paragraphs]
    assert listed == [
        "Nơi nhận:",
        "- Văn phòng Thường trực Ban Chỉ đạo 138/CP;",
        "- Công an tỉnh;",
        "- Lưu: VT, NC.",
    ]


def test_the_text_ends_with_the_closing_mark(result, docx):
    last = result["body"][-1]
    assert "".join(s[0] for s in last["segments"]) == "Tiếp tục thực hiện./."
    body = [p.text for p in Document(BytesIO(docx)).paragraphs if p.text.strip()]
    assert body[-1] == "Tiếp tục thực hiện./."
    assert sum("./." in p for p in body) == 1


def test_a_gap_left_for_the_writer_prints_as_a_note(result):
    gap = "[Phần do cán bộ viết: Phương hướng]"
    result["body"].append({"kind": "gap", "segments": [[gap, None]]})
    doc = Document(BytesIO(render_docx(result, ReportTemplate.objects.get(code="six-month"))))
    [printed] = [p for p in doc.paragraphs if p.text == gap]
    assert printed.style.name == "CTIP Ghi chú"


def test_the_document_properties_name_the_issuing_body_and_the_time_of_rendering(result, docx):
    props = Document(BytesIO(docx)).core_properties
    assert props.author == props.last_modified_by == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert props.title == result["header"]["subject"]
    assert "python-docx" not in f"{props.author} {props.last_modified_by} {props.comments}"
    now = timezone.now()
    for moment in (props.created, props.modified):
        assert moment.year == now.year and abs(moment - now) < timedelta(minutes=5)


@pytest.mark.parametrize(
    "written",
    [
        "TM ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        "KT.CHỦ TỊCH / PHÓ CHỦ TỊCH",
        "Q CHỦ TỊCH",
        "TM. ỦY BAN NHÂN DÂN / / PHÓ CHỦ TỊCH",
        "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH /",
    ],
)
def test_a_signing_authority_written_wrongly_is_refused(written):
    with pytest.raises(ReportError, match="Thẩm quyền ký"):
        _register(written)


def test_the_signing_marks_as_decree_30_writes_them_are_accepted():
    for n, written in enumerate(["Q. CHỦ TỊCH", "tm. ủy ban nhân dân / chủ tịch", ""]):
        assert _register(written, f"{41 + n}/BCĐ-VP").signing_authority == written


def test_the_demo_review_is_signed_as_the_real_one():
    demo_reporting_ensure()
    report = Report.objects.get(request__number_symbol="3131/BCA-V03")
    assert report.signing_authority == AUTHORITY and report.signer_name == "Đặng Văn Minh"
    result = compilation_start(report=report, acting_user=None, run_now=True).result
    doc = Document(BytesIO(render_docx(result, report.template)))
    signature = [p.text for p in doc.tables[-1].rows[0].cells[1].paragraphs if p.text]
    assert signature == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đặng Văn Minh"]
    assert "ngày 05/9/2023 của Bộ Công an" in result["header"]["answers"]


def test_papers_write_dates_as_reports_do():
    case = CaseFactory(received_on=date(2025, 9, 5))
    paper = paper_generate(
        case=case, kind="reception_minutes", acting_user=None, today=date(2026, 2, 8)
    )
    doc = Document(BytesIO(unseal(paper.file)))
    text = "\n".join(
        [p.text for p in doc.paragraphs]
        + [p.text for t in doc.tables for c in t._cells for p in c.paragraphs]
    )
    assert "ngày 05/9/2025" in text and "ngày 08 tháng 02 năm 2026" in text
    assert "05/09/2025" not in text


# The PDF, by where pdftotext finds its words ------------------------------------------------


def _words(pdf: bytes, tmp_path) -> list[list[dict]]:
    """Each page's words with their boxes (points, y growing downwards)."""
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    pages = []
    for page in re.findall(r"<page (.*?)</page>", html, re.S):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        pages.append(
            [
                {
                    "text": t,
                    "x0": float(a),
                    "y0": float(b),
                    "x1": float(c),
                    "y1": float(d),
                    "w": width,
                }
                for a, b, c, d, t in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                    r"([^<]*)</word>",
                    page,
                )
            ]
        )
    return pages


def _fonts(pdf: bytes, tmp_path) -> set[str]:
    """The families the PDF embeds: Times New Roman or its stand-in only. A letter the font
    lacks ("Ủ" in Liberation Serif 1) is taken from another font, mid-word."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    listed = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, check=True, text=True
    ).stdout
    return {
        re.sub(r"^\w+\+|[-,].*$|PS.*$|MT$", "", line.split()[0]) for line in listed.splitlines()[2:]
    }


def _run(words: list[dict], *texts: str) -> list[dict]:
    """The first run of consecutive words reading `texts`."""
    for i in range(len(words)):
        if [w["text"] for w in words[i : i + len(texts)]] == list(texts):
            return words[i : i + len(texts)]
    raise AssertionError(f"{' '.join(texts)!r} not found in {[w['text'] for w in words]}")


@pytest.mark.pdf
def test_the_pdf_aligns_the_header_columns_and_signs_on_the_right(docx, tmp_path):
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        if os.environ.get("CTIP_REQUIRE_PDF") == "1":
            pytest.fail("LibreOffice and poppler-utils are required (CTIP_REQUIRE_PDF=1)")
        pytest.skip("LibreOffice or pdftotext not installed")
    pdf = docx_to_pdf(docx)
    assert _fonts(pdf, tmp_path) <= {"LiberationSerif", "TimesNewRoman"}, "fonts-liberation2?"
    pages = _words(pdf, tmp_path)
    first, last = pages[0], pages[-1]
    authority = _run(first, "ỦY", "BAN", "NHÂN", "DÂN")[0]
    nation = _run(first, "CỘNG", "HÒA")[0]
    assert abs(authority["y0"] - nation["y0"]) <= 2, (authority, nation)
    assert authority["x1"] < nation["x0"]
    number = _run(first, "Số:")[0]
    place = _run(first, "Quảng", "Ngãi,", "ngày", "05", "tháng", "7")[0]
    assert abs(number["y0"] - place["y0"]) <= 2, (number, place)
    signer = [
        _run(last, "TM.", "ỦY", "BAN", "NHÂN", "DÂN"),
        _run(last, "KT.", "CHỦ", "TỊCH"),
        _run(last, "PHÓ", "CHỦ", "TỊCH"),
    ]
    name = _run(last, *SIGNER.split())
    centre = last[0]["w"] / 2
    for line in [*signer, name]:
        assert line[0]["x0"] > centre, line
    tops = [line[0]["y0"] for line in signer]
    assert tops == sorted(tops) and len(set(tops)) == 3
    room = name[0]["y0"] - signer[-1][0]["y1"]
    assert room > 72, f"{room:.0f} pt for the signature and seal"  # over 25 mm
