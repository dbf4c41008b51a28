"""The gate before issuing (issue 21, build point 4): no hole for a writer, no empty section, the
agencies without an accepted part confirmed by name, numbers given only when issuing and never
twice, and `ctip report --number` printing an issued report instead of numbering a draft."""

import re
from datetime import date
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from docx import Document

from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.geo.models import Level
from ctip.reporting.contributions import (
    contribution_decide,
    contribution_save,
    contribution_sign_off,
    contributions_assign,
)
from ctip.reporting.errors import ReportError
from ctip.reporting.gate import issue_blockers, missing_parts
from ctip.reporting.issuing import report_issue
from ctip.reporting.models import Compilation, OutgoingNumber, Report, ReportTemplate
from ctip.reporting.services import compilation_start, report_create, report_request_register
from ctip.reporting.states import JobStatus
from tests.conftest import unit
from tests.helpers import WRITTEN, log_in, make_user, written_out

pytestmark = pytest.mark.django_db
START, END = date(2026, 1, 1), date(2026, 6, 30)
ISSUE = date(2026, 7, 25)


def province():
    return unit(51, Level.PROVINCE, START)


def para(kind, text):
    return {"kind": kind, "segments": [[text, None]]}


@pytest.fixture
def office():
    return make_user("thuongtruc", "standing_office", unit=province())


def six_month(office, request=None):
    return report_create(
        template=ReportTemplate.objects.get(code="six-month"),
        unit=province(),
        period_start=START,
        period_end=END,
        request=request,
        acting_user=office,
    )


def compiled(report, office):
    return compilation_start(report=report, acting_user=office, run_now=True)


def with_body(report, office, body):
    """A finished compilation of `report` whose text is `body` (the gate reads only the body)."""
    return Compilation.objects.create(
        report=report,
        user=office,
        status=JobStatus.DONE,
        progress=100,
        result={"body": body, "figures": {}, "annex": [], "corrections": []},
    )


def unchanged(report, before):
    """Nothing was written: the report is a draft without number, no register row, no audit."""
    report.refresh_from_db()
    assert not report.issued and report.number == "" and report.report_date is None
    assert (OutgoingNumber.objects.count(), AuditEntry.objects.count()) == before


def counts():
    return OutgoingNumber.objects.count(), AuditEntry.objects.count()


# --- the blockers of a compiled text ------------------------------------------------------------

CLEAN = [
    para("h1", "I. TÌNH HÌNH CHUNG"),
    para("p", "Tình hình ổn định."),
    para("h1", "II. KẾT QUẢ CÔNG TÁC"),  # only its subsections: not empty
    para("h2", "1. Công tác phòng ngừa"),
    para("item", "- Công an tỉnh: 12 buổi."),
    para("h2", "2. Công tác hợp tác quốc tế"),
    para("note", "Ghi chú không phải chỗ trống."),
]


def test_a_clean_text_has_no_blocker():
    assert issue_blockers({"body": CLEAN}) == []


def test_a_hint_for_the_preview_holds_nothing_back_but_fills_no_section():
    hint = para("hint", "[Chưa sử dụng nguồn dữ liệu “Hợp tác quốc tế”: đề nghị bổ sung.]")
    assert issue_blockers({"body": [*CLEAN[:5], hint, *CLEAN[5:]]}) == []
    only_a_hint = [para("h1", "I. CHỈ ĐẠO"), hint, para("h1", "II. KẾT QUẢ"), para("p", "Có.")]
    assert issue_blockers({"body": only_a_hint}) == ["Mục I “CHỈ ĐẠO” chưa có nội dung"]


def test_each_hole_is_named_under_its_section():
    body = [
        *CLEAN[:5],
        para("gap", "[Phần do cán bộ viết: Tồn tại, hạn chế]"),
        *CLEAN[5:],
        para(
            "note",
            "[Chưa sử dụng nguồn dữ liệu “Hợp tác quốc tế”: đề nghị bổ sung.]",
        ),
    ]
    assert issue_blockers({"body": body}) == [
        "Mục II.1 “Công tác phòng ngừa” còn chỗ trống chưa viết: "
        "[Phần do cán bộ viết: Tồn tại, hạn chế]",
        "Mục II.2 “Công tác hợp tác quốc tế” còn chỗ trống chưa viết: "
        "[Chưa sử dụng nguồn dữ liệu “Hợp tác quốc tế”: đề nghị bổ sung.]",
    ]


def test_each_empty_section_is_named():
    body = [
        para("h1", "I. TÌNH HÌNH CHUNG"),  # followed by a heading of its own level
        para("h1", "II. KẾT QUẢ CÔNG TÁC"),
        para("h2", "1. Công tác phòng ngừa"),  # followed by a higher heading
        para("h1", "III. NHIỆM VỤ"),
        para("p", "Tiếp tục."),
        para("h2", "1. Nhiệm vụ trọng tâm"),  # at the end
    ]
    assert issue_blockers({"body": body}) == [
        "Mục I “TÌNH HÌNH CHUNG” chưa có nội dung",
        "Mục II.1 “Công tác phòng ngừa” chưa có nội dung",
        "Mục III.1 “Nhiệm vụ trọng tâm” chưa có nội dung",
    ]


# --- report_issue refuses, and nothing changes ---------------------------------------------------


def test_issuing_refuses_a_compilation_with_a_placeholder(office):
    report = six_month(office)  # no narrative written: I and III are placeholders
    draft = compiled(report, office)
    assert any("[Phần do cán bộ viết" in m for m in issue_blockers(draft.result))
    before = counts()
    with pytest.raises(ReportError) as refused:
        report_issue(report=report, compilation=draft, issue_date=ISSUE, acting_user=office)
    assert "Mục I “TÌNH HÌNH CHUNG” còn chỗ trống chưa viết" in str(refused.value)
    unchanged(report, before)
    assert Compilation.objects.filter(report=report).count() == 1
    # Written out, the same report issues.
    issued = report_issue(
        report=report, compilation=written_out(draft), issue_date=ISSUE, acting_user=office
    )
    assert issued.number == "1/BC-UBND"


def test_issuing_refuses_an_empty_section(office):
    report = six_month(office)
    body = [para("h1", "I. TÌNH HÌNH CHUNG"), para("h1", "II. KẾT QUẢ"), para("p", "Có.")]
    before = counts()
    with pytest.raises(ReportError) as refused:
        report_issue(
            report=report,
            compilation=with_body(report, office, body),
            issue_date=ISSUE,
            acting_user=office,
        )
    assert "Mục I “TÌNH HÌNH CHUNG” chưa có nội dung" in str(refused.value)
    unchanged(report, before)


def test_a_number_already_used_is_refused(office):
    first = six_month(office)
    body = [para("h1", "I. TÌNH HÌNH CHUNG"), para("p", "Ổn định.")]
    issued = report_issue(
        report=first,
        compilation=with_body(first, office, body),
        issue_date=ISSUE,
        number=7,
        acting_user=office,
    )
    assert issued.number == "7/BC-UBND"
    OutgoingNumber.objects.create(
        unit=first.unit,
        issuer="UBND",
        kind="BC",
        year=2026,
        number=9,
        symbol="9/BC-UBND",
        date=date(2026, 7, 2),
        subject="khác",
    )
    # The register row of 7 lost (entered elsewhere, deleted by hand): the issued report keeps it.
    OutgoingNumber.objects.filter(number=7).delete()
    second = six_month(office)
    draft = with_body(second, office, body)
    before = counts()
    for number, reason in ((9, "đã có trong sổ văn bản đi"), (7, "ban hành trước đó sử dụng")):
        with pytest.raises(ReportError) as refused:
            report_issue(
                report=second,
                compilation=draft,
                issue_date=ISSUE,
                number=number,
                acting_user=office,
            )
        assert reason in str(refused.value) and f"{number}/BC-UBND" in str(refused.value)
        unchanged(second, before)
    assert (
        report_issue(
            report=second, compilation=draft, issue_date=ISSUE, number=8, acting_user=office
        ).number
        == "8/BC-UBND"
    )


# --- agencies whose parts are missing ------------------------------------------------------------


@pytest.fixture
def parts(office):
    """The request 15/BCĐ-VP: the police's part accepted, the border guard's never sent."""
    request = report_request_register(
        number_symbol="15/BCĐ-VP",
        date_issued=date(2026, 7, 1),
        issuer="Ban Chỉ đạo 138 Bộ Công an",
        template=ReportTemplate.objects.get(code="six-month"),
        unit=province(),
        period_start=START,
        period_end=END,
        deadline=date(2026, 7, 31),
        acting_user=office,
    )
    police, border = (Agency.objects.get(code=c) for c in ("qng-ca-2025", "qng-bdbp-2025"))
    ca, _bp = contributions_assign(
        request=request, agencies=[police, border], deadline=date(2026, 7, 20), acting_user=office
    )
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    leader = make_user("lanhdaoca", "agency_leader", agency="qng-ca-2025")
    contribution_save(contribution=ca, narratives={"situation": "Ổn định."}, acting_user=officer)
    contribution_sign_off(contribution=ca, acting_user=leader)
    contribution_decide(contribution=ca, accept=True, acting_user=office)
    report = six_month(office, request=request)
    return {"report": report, "missing": border.name, "accepted": police.name}


def test_issuing_without_a_part_needs_a_confirmation_naming_the_agency(office, parts):
    report = parts["report"]
    assert missing_parts(report) == [parts["missing"]]
    draft = written_out(compiled(report, office))
    before = counts()
    for confirmed in (None, [], [parts["accepted"]]):
        with pytest.raises(ReportError) as refused:
            report_issue(
                report=report,
                compilation=draft,
                issue_date=ISSUE,
                confirm_missing=confirmed,
                acting_user=office,
            )
        assert parts["missing"] in str(refused.value)
        unchanged(report, before)
    issued = report_issue(
        report=report,
        compilation=draft,
        issue_date=ISSUE,
        confirm_missing=[parts["missing"]],
        acting_user=office,
    )
    assert issued.issued
    audit = AuditEntry.objects.get(action="reporting.report_issue", object_id=str(report.pk))
    assert audit.changes["missing_parts"] == [None, [parts["missing"]]]


# --- drafts carry no number ----------------------------------------------------------------------


def test_a_draft_is_created_without_a_number(office):
    for given in ({"number": "207/BC-UBND"}, {"report_date": date(2026, 7, 1)}):
        with pytest.raises(TypeError):
            report_create(
                template=ReportTemplate.objects.get(code="six-month"),
                unit=province(),
                period_start=START,
                period_end=END,
                acting_user=office,
                **given,
            )
    assert not Report.objects.exists()


def run_report(*args):
    out = StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


DRAFT_ARGS = ("--template=six-month", "--unit=51", "--from=2026-01-01", "--to=2026-06-30")


def test_the_command_compiles_drafts_without_number_and_refuses_unknown_numbers(tmp_path):
    out = tmp_path / "r.docx"
    run_report(*DRAFT_ARGS, f"--output={out}")
    draft = Report.objects.get()
    assert draft.number == "" and draft.report_date is None
    cells = [p.text for t in Document(str(out)).tables for c in t._cells for p in c.paragraphs]
    assert any(c.startswith("Số:      /BC-UBND") for c in cells)
    out.unlink()
    for args in (
        ("--number=99/BC-UBND",),
        (*DRAFT_ARGS, "--number=99/BC-UBND", "--date=2026-07-25"),
        (*DRAFT_ARGS, "--date=2026-07-25"),  # a draft has no date either
    ):
        with pytest.raises(CommandError) as refused:
            run_report(*args, f"--output={out}")
        assert "khi ban hành" in str(refused.value)
        assert Report.objects.count() == 1 and not out.exists()


def test_the_command_prints_an_issued_report_as_it_was_issued(office, tmp_path):
    report = six_month(office)
    draft = written_out(compiled(report, office))
    report_issue(report=report, compilation=draft, issue_date=ISSUE, number=3, acting_user=office)
    report.refresh_from_db()
    issued = report.issued_compilation.result
    reports, compilations = Report.objects.count(), Compilation.objects.count()
    out, annex = tmp_path / "207.docx", tmp_path / "207.xlsx"
    printed = run_report(
        "--number=3/BC-UBND", "--date=2026-07-25", f"--output={out}", f"--annex={annex}"
    )
    assert "3/BC-UBND" in printed and annex.exists()
    assert (Report.objects.count(), Compilation.objects.count()) == (reports, compilations)
    doc = Document(BytesIO(out.read_bytes()))
    lines = [p.text.strip() for p in doc.paragraphs]
    # The sentence written into the issued text is printed: it was not compiled again.
    written = next(p for p in issued["body"] if p["segments"][0][0] == WRITTEN)
    assert written["segments"][0][0] in lines
    cells = [p.text for t in doc.tables for c in t._cells for p in c.paragraphs]
    assert any("Số: 3/BC-UBND" in c for c in cells)
    # --date, --template and --unit narrow the search: another date knows no such report.
    with pytest.raises(CommandError):
        run_report("--number=3/BC-UBND", "--date=2026-07-26", f"--output={out}")
    with pytest.raises(CommandError):
        run_report("--number=3/BC-UBND", "--template=actip-review", f"--output={out}")


# --- the issue page -----------------------------------------------------------------------------


def test_the_issue_page_lists_blockers_and_asks_to_confirm_missing_parts(office, parts):
    report = parts["report"]
    draft = compiled(report, office)
    client = Client()
    log_in(client, office)
    url = f"/bao-cao/{report.pk}/ban-hanh/"
    page = client.get(url).content.decode()
    assert "còn chỗ trống chưa viết" in page
    assert re.search(r'<button type="submit"\s+disabled', page)
    assert parts["missing"] in page and 'name="confirm_missing"' in page

    written_out(draft)
    page = client.get(url).content.decode()
    assert "còn chỗ trống chưa viết" not in page and "chưa có nội dung" not in page
    assert not re.search(r'<button type="submit"\s+disabled', page)
    label = "Tôi xác nhận ban hành khi các cơ quan sau chưa gửi phần báo cáo: "
    assert label + parts["missing"] in page
    # Without the tick the page answers with the form again, and nothing is issued.
    response = client.post(url, {"issue_date": "25/07/2026"})
    assert response.status_code == 200
    report.refresh_from_db()
    assert not report.issued
    response = client.post(url, {"issue_date": "25/07/2026", "confirm_missing": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    report.refresh_from_db()
    assert report.issued and report.number == "1/BC-UBND"
    audit = AuditEntry.objects.get(action="reporting.report_issue", object_id=str(report.pk))
    assert audit.changes["missing_parts"] == [None, [parts["missing"]]]
