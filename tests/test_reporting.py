"""The ACTIP review compiled from the demo data by the documented command: the DOCX carries the
state layout and every fact of the reference report; DOCX, XLSX and `ctip indicators` agree."""

import json
import re
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from docx import Document
from docx.shared import Mm
from openpyxl import load_workbook

from ctip.ops.demo.directives import demo_directives_ensure
from ctip.ops.demo.enforcement import demo_enforcement_ensure
from ctip.ops.demo.prevention import demo_prevention_ensure
from ctip.ops.demo.reporting import demo_reporting_ensure
from ctip.ops.demo.victims import demo_cases_ensure
from ctip.prevention.import_batch import import_file
from tests.helpers import activity_row

pytestmark = pytest.mark.django_db
FACTS = yaml.safe_load((Path(__file__).parent / "data" / "quang-ngai-2023.yaml").read_text())
TODAY = date(2026, 11, 28)


@pytest.fixture
def demo():
    demo_directives_ensure()
    demo_prevention_ensure(today=TODAY)
    demo_cases_ensure(today=TODAY)
    demo_enforcement_ensure(today=TODAY)
    demo_reporting_ensure()


def compile_review(tmp_path, *extra):
    out = tmp_path / "review.docx"
    annex = tmp_path / "review.xlsx"
    call_command(
        "report",
        "--template=actip-review",
        "--unit=Quảng Ngãi",
        "--from=2020-12-01",
        "--to=2023-10-16",
        "--request=3131/BCA-V03",
        f"--output={out}",
        f"--annex={annex}",
        *extra,
        stdout=StringIO(),
    )
    return Document(str(out)), load_workbook(annex)


def texts(doc):
    return [p.text.strip() for p in doc.paragraphs if p.text.strip()]


def cell_texts(doc):
    return [p.text.strip() for t in doc.tables for c in t._cells for p in c.paragraphs]


def section(paras, start, stop):
    """The paragraphs after the heading starting with `start`, up to the one with `stop`."""
    i = next(n for n, p in enumerate(paras) if p.startswith(start))
    j = next(n for n, p in enumerate(paras) if n > i and p.startswith(stop))
    return paras[i + 1 : j]


def number(text):
    return int(text.replace(".", ""))


def test_the_header_layout_and_closing(demo, tmp_path):
    doc, _annex = compile_review(tmp_path)
    cells = cell_texts(doc)
    assert {"ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"} <= set(cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells
    assert "Độc lập - Tự do - Hạnh phúc" in cells
    # A draft: the number and the date are given when it is issued (issue 21).
    assert "Số:      /BC-UBND" in cells
    assert "Quảng Ngãi, ngày      tháng      năm 2023" in cells
    paras = texts(doc)
    assert paras[0] == "BÁO CÁO"
    assert FACTS["report"]["subject"] in paras[1]
    assert paras[2] == "(Từ ngày 01/12/2020 đến ngày 16/10/2023)"
    assert "3131/BCA-V03" in paras[3] and "05/9/2023" in paras[3] and "Bộ Công an" in paras[3]
    headings = [p for p in paras if re.match(r"^(I|II|III|IV)\. ", p)]
    assert [h.split(".")[0] for h in headings] == ["I", "II", "III", "IV"]
    assert "Nơi nhận:" in cells
    for recipient in FACTS["report"]["recipients"]:
        assert any(c.startswith(f"- {recipient}") for c in cells), recipient
    assert cells[-1 - cells[::-1].index("KT. CHỦ TỊCH")] == "KT. CHỦ TỊCH"
    assert "PHÓ CHỦ TỊCH" in cells


def test_the_state_format(demo, tmp_path):
    doc, _annex = compile_review(tmp_path)
    s = doc.sections[0]
    assert round(s.page_width / Mm(1)) == 210 and round(s.page_height / Mm(1)) == 297
    assert 20 <= round(s.top_margin / Mm(1)) <= 25 and 20 <= round(s.bottom_margin / Mm(1)) <= 25
    assert 30 <= round(s.left_margin / Mm(1)) <= 35 and 15 <= round(s.right_margin / Mm(1)) <= 20
    assert s.different_first_page_header_footer
    assert "PAGE" in s.header._element.xml
    body = doc.styles["CTIP Nội dung"]
    assert body.font.name == "Times New Roman" and 13 <= body.font.size.pt <= 14
    fonts = doc.styles["Normal"].element.rPr.rFonts
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert (
            fonts.get(f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{slot}")
            == "Times New Roman"
        )


def test_section_one_lists_every_document_of_the_facts(demo, tmp_path):
    doc, _annex = compile_review(tmp_path)
    part = " ".join(section(texts(doc), "I. ", "II. "))
    for d in FACTS["directives"]:
        symbol = d["number_symbol"].replace("LĐTĐBXH", "LĐTBXH")  # the facts' misprint
        assert symbol in part, symbol


def test_awareness_figures_in_the_paragraph_of_their_agency(demo, tmp_path):
    doc, _annex = compile_review(tmp_path)
    part = section(texts(doc), "1. ", "2. ")
    checked = 0
    for entry in FACTS["awareness"]:
        figures = {k: entry[k] for k in ("sessions", "participants", "media_items") if k in entry}
        if not figures:
            continue
        name = entry["agency"].lower()
        line = next(p for p in part if p.lower().startswith(f"- {name}"))
        if "sessions" in figures:
            assert f" {figures['sessions']} buổi" in line, line
        if "media_items" in figures:
            assert f" {figures['media_items']} tin, bài" in line, line
        if "participants" in figures:
            found = re.search(r"(hơn )?([\d.]+) lượt người", line)
            assert found and number(found.group(2)) >= figures["participants"]["at_least"]
        checked += 1
    assert checked == 4  # police, labour, women, border guard: the agencies with figures


def test_victims_teams_and_crime_sentences(demo, tmp_path):
    doc, _annex = compile_review(tmp_path)
    paras = texts(doc)
    victims = " ".join(section(paras, "3. ", "4. "))
    assert "chưa tiếp nhận trường hợp nào" in victims
    assert f"có {FACTS['victims']['volunteer_social_work_teams']} Đội" in victims
    volunteers = re.search(r"gồm (?:hơn )?([\d.]+) tình nguyện viên", victims)
    assert number(volunteers.group(1)) >= FACTS["victims"]["volunteers"]["at_least"]
    crime = " ".join(section(paras, "4. ", "5. "))
    assert "chưa phát hiện vụ mua bán người nào" in crime
    cooperation = " ".join(section(paras, "5. ", "III. "))
    assert "hợp tác quốc tế" in cooperation
    assessment = " ".join(section(paras, "III. ", "IV. "))
    assert "Zalo, Facebook" in assessment
    assert "Bộ Công an" in " ".join(
        paras[paras.index(next(p for p in paras if p.startswith("IV."))) :]
    )


def _police_line(doc):
    return next(p for p in section(texts(doc), "1. ", "2. ") if p.startswith("- Công an tỉnh"))


def _annex_police_sessions(wb):
    ws = wb["Phòng ngừa"]
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == "Theo cơ quan")
    header = rows[start + 1]
    column = header.index("Số buổi tuyên truyền, tập huấn")
    police = next(r for r in rows[start + 2 :] if r[1] and str(r[1]).startswith("Công an tỉnh"))
    return police[column]


def _indicator_police_sessions():
    out = StringIO()
    call_command(
        "indicators",
        "--unit=Quảng Ngãi",
        "--from=2020-12-01",
        "--to=2023-10-16",
        "--indicator=prevention.sessions",
        "--by=agency",
        "--json",
        stdout=out,
    )
    rows = json.loads(out.getvalue())
    return next(r["value"] for r in rows if r["agency"]["code"] == "qng-ca-2025")


def test_docx_annex_and_indicators_agree_and_follow_the_data(demo, tmp_path):
    doc, wb = compile_review(tmp_path)
    assert " 98 buổi" in _police_line(doc)
    assert _annex_police_sessions(wb) == 98 == _indicator_police_sessions()
    row = activity_row()
    assert import_file(name="them.json", data=json.dumps([row]).encode(), acting_user=None) == 1
    doc, wb = compile_review(tmp_path)
    assert " 99 buổi" in _police_line(doc)
    assert _annex_police_sessions(wb) == 99 == _indicator_police_sessions()


def test_annex_traces_every_figure_of_the_text(demo, tmp_path):
    doc, wb = compile_review(tmp_path)
    rows = list(wb["Nguồn số liệu"].iter_rows(values_only=True))
    rows = rows[next(i for i, r in enumerate(rows) if r[0] == "STT") :]
    assert rows[0][1] == "Mã số liệu"
    by_indicator = {(r[3], r[10]): r for r in rows[1:]}
    police = next(
        v
        for k, v in by_indicator.items()
        if k[0] == "prevention.sessions" and k[1].startswith("Công an")
    )
    assert police[4] == 98 and police[8] == "01/12/2020" and police[9] == "16/10/2023"
    assert police[6:8] == ("Tỉnh Quảng Ngãi", "51")  # the unit's name and GSO code, not its id
    # The records behind "98 buổi tuyên truyền": the police's 49 sessions (its banners and SMS
    # campaign are other kinds of work, with figures of their own or none).
    assert police[11] == 49
    ids = [r[1] for r in rows[1:]]
    # Nine figures, as the real review states them: 98, 3.000, 3.100, 3.500, 155, 9.500, 55,
    # 168, 1.200 (work reported without a figure is said without one).
    assert ids == [f"f{n}" for n in range(1, len(ids) + 1)] and len(ids) == 9
