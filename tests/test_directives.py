"""The directives register: documents, search, tasks and their deadlines."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.directives.models import Document, Task, TaskStatus
from ctip.directives.selectors import documents_search, tasks_overdue
from ctip.directives.services import DirectiveError, document_create, task_assign, task_set_status
from ctip.directives.symbols import SymbolError
from ctip.geo.models import Level
from ctip.ops.demo.directives import demo_directives_ensure
from tests.conftest import NEW, unit
from tests.helpers import log_in, make_user

pytestmark = pytest.mark.django_db


def a(code):
    return Agency.objects.get(code=code)


def _doc(symbol="34/KH-UBND", issued=date(2021, 2, 19), **kw):
    values = {
        "subject": "Kế hoạch thực hiện Công ước ASEAN",
        "issuer_name": "UBND tỉnh",
        "recorded_by": a("qng-ca"),
        "acting_user": None,
    }
    return document_create(number_symbol=symbol, date_issued=issued, **{**values, **kw})


def test_a_document_is_parsed_stored_and_audited():
    document = _doc("2467/QCPH-LĐTBXH-CA-BP-SNgV", date(2022, 9, 24))
    assert (document.kind, document.number, document.issuer_codes) == (
        "QCPH",
        2467,
        ["LĐTBXH", "CA", "BP", "SNgV"],
    )
    assert AuditEntry.objects.filter(action="directives.document_create").count() == 1


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"symbol": "34-KH-UBND"}, SymbolError, "không đúng thể thức"),
        ({"issued": date.today() + timedelta(days=1)}, DirectiveError, "tương lai"),
        ({"symbol": "24/2012/TTLT-BNV", "issued": date(2013, 1, 1)}, DirectiveError, "khác năm"),
        ({"subject": " "}, DirectiveError, "trích yếu"),
    ],
)
def test_bad_documents_are_refused_and_nothing_is_written(kwargs, error, message):
    with pytest.raises(error, match=message):
        _doc(**kwargs)
    assert not Document.objects.exists()
    assert not AuditEntry.objects.filter(action="directives.document_create").exists()


def test_the_same_document_twice_is_refused():
    _doc()
    with pytest.raises(DirectiveError, match="đã có trong sổ"):
        _doc()
    assert Document.objects.count() == 1


def test_attachment_must_really_be_pdf_or_docx():
    junk = SimpleUploadedFile("ke-hoach.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(ValueError, match="PDF hoặc Word"):
        _doc(file=junk)
    assert not Document.objects.exists()
    pdf = SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.7\n%...\n")
    assert _doc(file=pdf).file.name.endswith(".pdf")


def test_search_is_accent_insensitive_and_filters_by_date_and_issuer():
    demo_directives_ensure()
    reader = make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, NEW))
    found = {d.number_symbol for d in documents_search(reader, query="ke hoach cong uoc")}
    assert found == {"34/KH-UBND"}
    # The symbol is found, and so is the conclusion whose subject cites it.
    cited = {d.number_symbol for d in documents_search(reader, query="48-CT/TW")}
    assert cited == {"48-CT/TW", "13-KL/TW"}
    in_2022 = documents_search(reader, date_from=date(2022, 1, 1), date_to=date(2022, 12, 31))
    assert {d.number_symbol for d in in_2022} == {"2467/QCPH-LĐTBXH-CA-BP-SNgV", "367/UBND-NC"}
    assert documents_search(reader, issuer="bo chinh tri").count() == 2
    assert documents_search(make_user("moi"), query="ke hoach").count() == 0


def test_overdue_tasks_per_agency_and_status_workflow():
    demo_directives_ensure()
    police = make_user("congan", "agency_officer", agency="qng-ca-2025")
    overdue = list(tasks_overdue(police))
    assert [t.agency.code for t in overdue] == ["qng-ca"]
    task = overdue[0]
    task_set_status(task=task, status=TaskStatus.DONE, acting_user=police)
    assert not tasks_overdue(police).exists()
    with pytest.raises(DirectiveError, match="Không thể chuyển"):
        task_set_status(task=task, status=TaskStatus.CANCELLED, acting_user=police)
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE


def test_deadline_before_the_document_is_refused():
    document = _doc()
    with pytest.raises(DirectiveError, match="trước ngày ban hành"):
        task_assign(
            document=document,
            agency=a("qng-ca"),
            description="x",
            deadline=date(2020, 1, 1),
            acting_user=None,
        )
    assert not Task.objects.exists()


def test_officer_records_a_document_through_the_form(client):
    log_in(client, make_user("congan", "agency_officer", agency="qng-ca-2025"))
    bad = client.post(
        "/van-ban/them/",
        {
            "number_symbol": "34 KH",
            "date_issued": "19/02/2021",
            "issuer_name": "UBND",
            "subject": "Kế hoạch",
        },
    )
    assert "không đúng thể thức" in bad.content.decode()
    assert not Document.objects.exists()
    good = client.post(
        "/van-ban/them/",
        {
            "number_symbol": "34/KH-UBND",
            "date_issued": "19/02/2021",
            "issuer_name": "UBND",
            "subject": "Kế hoạch",
        },
    )
    assert good.status_code == 302
    document = Document.objects.get()
    assert document.date == date(2021, 2, 19) and document.recorded_by.code == "qng-ca-2025"


def test_another_agency_cannot_change_a_task(client):
    demo_directives_ensure()
    task = Task.objects.get(agency__code="qng-ca", document__number_symbol="34/KH-UBND")
    log_in(client, make_user("bienphong", "agency_officer", agency="qng-bdbp-2025"))
    response = client.post(f"/nhiem-vu/{task.pk}/trang-thai/", {"status": "done"})
    assert response.status_code == 404
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN


def test_officer_links_a_document_to_the_one_it_implements(client):
    demo_directives_ensure()
    plan = Document.objects.get(number_symbol="5645/UBND-NC")
    log_in(client, make_user("congan", "agency_officer", agency="qng-ca-2025"))
    missing = client.post(
        f"/van-ban/{plan.pk}/lien-quan/", {"kind": "implements", "target": "1/X-Y"}
    )
    assert "Không có văn bản này" in missing.content.decode()
    done = client.post(
        f"/van-ban/{plan.pk}/lien-quan/", {"kind": "implements", "target": "34/KH-UBND"}
    )
    assert done.status_code == 302
    assert plan.relations_out.get().target.number_symbol == "34/KH-UBND"
