"""The reporting loop over HTTP: the standing office and two agencies (officer and leader each),
from the registered request to the issued report, its scan and a correction."""

import json
import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from ctip.agencies.models import Agency
from ctip.geo.models import Level
from ctip.prevention.import_batch import import_file
from ctip.prevention.models import Activity
from ctip.reporting.models import (
    Compilation,
    Contribution,
    Correction,
    OutgoingNumber,
    Report,
    ReportTemplate,
)
from tests.conftest import unit
from tests.helpers import activity_row, log_in, make_user, written_out

pytestmark = pytest.mark.django_db
NEW = date(2026, 1, 1)
PDF = b"%PDF-1.4\n%letter\n"


def browser(user):
    client = Client()
    log_in(client, user)
    return client


@pytest.fixture
def actors():
    province = unit(51, Level.PROVINCE, NEW)
    return {
        "office": browser(make_user("thuongtruc", "standing_office", unit=province)),
        "ca": browser(make_user("congan", "agency_officer", agency="qng-ca-2025")),
        "ca_leader": browser(make_user("lanhdaoca", "agency_leader", agency="qng-ca-2025")),
        "bp": browser(make_user("bienphong", "agency_officer", agency="qng-bdbp-2025")),
        "bp_leader": browser(make_user("lanhdaobp", "agency_leader", agency="qng-bdbp-2025")),
        "phunu": browser(make_user("phunu", "agency_officer", agency="qng-hlhpn-2025")),
    }


def ok(response, status=302):
    assert response.status_code == status, response.content.decode()[:3000]
    return response


def test_the_loop_in_the_browser(actors, django_capture_on_commit_callbacks):
    row = activity_row(
        agency="qng-ca-2025", start_date="2026-03-10", end_date="2026-03-10", unit=51, sessions=9
    )
    import_file(name="a.json", data=json.dumps([row]).encode(), acting_user=None)
    office = actors["office"]
    ok(
        office.post(
            "/bao-cao/yeu-cau/them/",
            {
                "number_symbol": "15/BCĐ-VP",
                "date_issued": "01/07/2026",
                "issuer": "Ban Chỉ đạo 138 Bộ Công an",
                "template": ReportTemplate.objects.get(code="six-month").pk,
                "unit": "51",
                "period_start": "01/01/2026",
                "period_end": "30/06/2026",
                "deadline": "31/07/2026",
                "recipients": "Bộ Công an\nLưu: VT",
                "letter": SimpleUploadedFile("cv.pdf", PDF),
            },
        )
    )
    report = Report.objects.get()
    request_url = f"/bao-cao/yeu-cau/{report.request_id}/"
    assert office.get(f"{request_url}van-ban/").getvalue() == PDF
    police, border = (Agency.objects.get(code=c) for c in ("qng-ca-2025", "qng-bdbp-2025"))
    ok(office.post(request_url, {"agencies": [police.pk, border.pk], "deadline": "20/07/2026"}))
    ca = Contribution.objects.get(agency=police)
    bp = Contribution.objects.get(agency=border)
    # Time passes: the police's internal deadline is today, the border guard's is over.
    Contribution.objects.filter(pk=ca.pk).update(deadline=timezone.localdate())
    page = office.get(request_url).content.decode()
    assert "Chưa gửi:" in page and "Công an tỉnh Quảng Ngãi" in page

    # Each agency sees only its own part, with its figures read from the data.
    ca_url, bp_url = f"/bao-cao/dong-gop/{ca.pk}/", f"/bao-cao/dong-gop/{bp.pk}/"
    assert actors["bp"].get(ca_url).status_code == 404
    assert actors["phunu"].get(ca_url).status_code == 404
    assert ca_url not in actors["bp"].get("/bao-cao/dong-gop/").content.decode()
    page = actors["ca"].get(ca_url).content.decode()
    assert re.search(r"Số buổi tuyên truyền, tập huấn</td><td>9<", page)
    assert "Lãnh đạo ký" not in page  # an officer drafts; the leader signs
    # Every save says what happened (issue 24): saved, signed, returned, accepted.
    saved = actors["ca"].post(ca_url, {"slot_situation": "Ổn định.", "save": "1"}, follow=True)
    assert "Đã lưu phần báo cáo." in saved.content.decode()
    assert ok(actors["bp"].post(ca_url, {"slot_situation": "x", "save": "1"}), 404)
    signed = actors["ca_leader"].post(
        ca_url, {"slot_situation": "Ổn định.", "sign": "1"}, follow=True
    )
    assert "Đã ký duyệt và gửi phần báo cáo" in signed.content.decode()

    # The standing office returns it with a comment; a return without one is refused.
    page = ok(office.post(ca_url, {"return": "1", "comment": ""}), 200).content.decode()
    assert "phải kèm ý kiến" in page
    returned = office.post(ca_url, {"return": "1", "comment": "Bổ sung số vụ."}, follow=True)
    assert "Đã trả lại phần báo cáo của Công an tỉnh Quảng Ngãi" in returned.content.decode()
    page = actors["ca"].get(ca_url).content.decode()
    assert "Bị trả lại" in page and "Bổ sung số vụ." in page
    ok(actors["ca_leader"].post(ca_url, {"slot_situation": "Ổn định; 2 vụ.", "sign": "1"}))
    accepted = office.post(ca_url, {"accept": "1", "comment": ""}, follow=True)
    assert "Đã tiếp nhận phần báo cáo của Công an tỉnh Quảng Ngãi." in accepted.content.decode()

    # Border guard signs late; the overdue list had it.
    overdue = office.get("/bao-cao/dong-gop/?qua_han=1").content.decode()
    assert bp_url in overdue and ca_url not in overdue
    ok(actors["bp_leader"].post(bp_url, {"slot_next": "Tuần tra.", "sign": "1"}))
    ok(office.post(bp_url, {"accept": "1"}))
    page = office.get(request_url).content.decode()
    assert re.search(r"<td>2</td><td>2</td><td>1</td><td>1</td><td>2</td>", page), page
    assert "(muộn)" in page and "Chưa gửi:" not in page

    # Compile from the accepted parts, issue with the register's next number.
    with django_capture_on_commit_callbacks(execute=True):
        ok(office.post(f"/bao-cao/{report.pk}/", {"compile": "1"}))
    draft = Compilation.objects.get(report=report)
    assert "Ổn định; 2 vụ." in office.get(f"/bao-cao/tong-hop/{draft.pk}/").content.decode()
    assert actors["ca"].get(f"/bao-cao/{report.pk}/ban-hanh/").status_code == 403
    written_out(draft)  # the sections without data written by hand (issue 21's gate)
    ok(office.post(f"/bao-cao/{report.pk}/ban-hanh/", {"issue_date": "25/07/2026"}))
    report.refresh_from_db()
    assert report.number == "1/BC-UBND" and OutgoingNumber.objects.get().report == report
    page = office.get(f"/bao-cao/{report.pk}/").content.decode()
    assert "khớp với nội dung lưu trữ" in page and "Lưu và tổng hợp" not in page
    # Frozen: posting text or compiling again changes nothing.
    assert office.post(f"/bao-cao/{report.pk}/", {"slot_next": "x"}).status_code == 404
    report.refresh_from_db()
    assert not any(report.narratives.values())
    ok(office.post(f"/bao-cao/{report.pk}/ban-scan/", {"scan": SimpleUploadedFile("s.pdf", PDF)}))
    assert office.get(f"/bao-cao/{report.pk}/ban-scan/tai/").getvalue() == PDF
    # On disk every upload is sealed (random name, not the PDF's bytes); the read is logged.
    from django.conf import settings

    from ctip.core.models import AuditEntry, SealedFile

    stored = [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]
    assert stored and len(stored) == SealedFile.objects.count()
    assert all(p.parent.parent.name == "sealed" for p in stored)
    assert not [p for p in stored if p.read_bytes().startswith(b"%PDF")]
    assert AuditEntry.objects.filter(action="read", changes__purpose="scan").exists()

    # A correction in the locked period: the form asks for a reason, then lists the effect.
    activity = Activity.objects.get()
    page = ok(actors["ca"].post(f"/hoat-dong/{activity.pk}/xoa/", {}), 200).content.decode()
    assert "điều chỉnh phải nêu lý do" in page and Activity.objects.exists()
    ok(actors["ca"].post(f"/hoat-dong/{activity.pk}/xoa/", {"reason": "Nhập trùng."}))
    assert Correction.objects.get().report == report
    listed = office.get("/bao-cao/dieu-chinh/").content.decode()
    assert "Nhập trùng." in listed and "9 → 0" in listed

    # Compiling again: a new draft that shows the correction; the issued one is untouched.
    ok(office.post(f"/bao-cao/{report.pk}/du-thao-moi/"))
    again = Report.objects.exclude(pk=report.pk).get()
    assert again.based_on == report and not again.issued


def test_the_records_office_enters_a_number_taken_outside_ctip(client):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from ctip.accounts.models import User
    from ctip.core.models import AuditEntry
    from ctip.ops.demo.accounts import demo_accounts_ensure
    from ctip.reporting.issuing import next_free_number
    from ctip.reporting.services import report_create
    from tests.helpers import PASSWORD

    demo_accounts_ensure(password=PASSWORD)
    admin = User.objects.get(username="admin")
    log_in(client, admin, TOTPDevice.objects.get(user=admin))
    province = unit(51, Level.PROVINCE, NEW)
    form = {
        "unit": province.pk,
        "issuer": "UBND",
        "kind": "BC",
        "year": "2026",
        "number": "120",
        "symbol": "120/BC-UBND",
        "date": "02/07/2026",
        "subject": "Báo cáo khác, ký ngoài hệ thống",
    }
    ok(client.post("/admin/reporting/outgoingnumber/add/", form))
    entry = OutgoingNumber.objects.get()
    assert AuditEntry.objects.filter(action="reporting.register_add", object_id=entry.pk).exists()
    report = report_create(
        template=ReportTemplate.objects.get(code="six-month"),
        unit=province,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
        acting_user=None,
    )
    assert next_free_number(report=report, year=2026) == 121
    assert client.post(f"/admin/reporting/outgoingnumber/{entry.pk}/delete/").status_code == 403
