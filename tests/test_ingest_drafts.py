"""Issue 25, build point 2: an agency's report read into draft activities that the officer
corrects and confirms (an Activity with the sentence it came from) or discards; nothing enters
the data unconfirmed, and another agency's officer reaches none of it."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document

from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.ingest.models import DraftActivity, DraftState, Reading
from ctip.ingest.services import DraftError, draft_confirm, reading_create
from ctip.prevention.models import Activity
from tests.helpers import log_in, make_user

pytestmark = pytest.mark.django_db

SESSIONS = (
    "Công an tỉnh đã phối hợp tổ chức 98 buổi tuyên truyền tại các xã biên giới, với hơn "
    "3.000 lượt người tham gia."
)
MEDIA = "Đăng tải 45 tin, bài trên Cổng thông tin điện tử, treo 20 băng rôn, khẩu hiệu."
CASES = "Khởi tố 17 vụ/32 đối tượng mua bán người."
HOME_COMMUNE = "21157"  # a commune of the new Quảng Ngãi, the police's area


def docx(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def police():
    return Agency.objects.get(code="qng-ca-2025")


@pytest.fixture
def officer(client):
    user = make_user("congan", "agency_officer", agency="qng-ca-2025")
    log_in(client, user)
    client.user = user
    return client


def upload(client, police, data: bytes):
    return client.post(
        "/hoat-dong/doc-bao-cao/",
        {"agency": str(police.pk), "file": SimpleUploadedFile("bao-cao.docx", data)},
    )


def form(draft: DraftActivity, **changes: str) -> dict[str, str]:
    values = {
        "kind": "session",
        "start_date": "10/09/2025",
        "end_date": "12/09/2025",
        "unit": HOME_COMMUNE,
        "unit_text": "",
        "sessions": "98",
        "participants": "3000",
        "participants_estimated": "on",
        "media_items": "",
        "sms": "",
        "notes": "",
        "reason": "",
        **changes,
    }
    return {f"d{draft.pk}-{k}": v for k, v in values.items() if v is not None}


def test_an_uploaded_docx_becomes_drafts_with_their_sentences_and_nothing_else(officer, police):
    response = upload(officer, police, docx(SESSIONS, MEDIA, CASES))
    reading = Reading.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/hoat-dong/doc-bao-cao/{reading.pk}/"
    first, second = DraftActivity.objects.order_by("position")
    assert DraftActivity.objects.count() == 2  # the enforcement sentence is not an activity
    assert (first.sentence, first.kind, first.sessions, first.participants) == (
        SESSIONS,
        "session",
        98,
        3000,
    )
    assert first.participants_estimated  # "hơn 3.000"
    assert (second.kind, second.media_items, second.sessions) == ("media", 45, None)
    assert "20" in second.notes  # the banners, which have no column, proposed as notes
    assert {first.state, second.state} == {DraftState.DRAFT}
    assert (reading.agency, reading.created_by, reading.from_file) == (police, officer.user, True)
    assert not Activity.objects.exists()
    (entry,) = AuditEntry.objects.filter(action="ingest.reading_create")
    # Two activities and the enforcement sentence's case draft (tests/test_ingest_case_drafts.py).
    assert entry.count == 3 and entry.file_hash == reading.content_hash
    assert entry.changes == {"activities": [None, 2], "cases": [None, 1]}
    page = officer.get(f"/hoat-dong/doc-bao-cao/{reading.pk}/").content.decode()
    assert "<mark>98 buổi</mark>" in page and "<mark>hơn 3.000 lượt người</mark>" in page


def test_confirming_a_draft_creates_the_activity_with_its_sentence(officer, police):
    upload(officer, police, docx(SESSIONS, MEDIA))
    draft = DraftActivity.objects.get(position=0)
    response = officer.post(f"/hoat-dong/du-thao/{draft.pk}/xac-nhan/", form(draft))
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.agency, activity.unit.code, activity.kind) == (police, 21157, "session")
    assert (activity.start_date, activity.end_date) == (date(2025, 9, 10), date(2025, 9, 12))
    assert (activity.sessions, activity.participants, activity.participants_estimated) == (
        98,
        3000,
        True,
    )
    assert activity.source_draft.sentence == SESSIONS
    draft.refresh_from_db()
    assert (draft.state, draft.activity, draft.decided_by) == (
        DraftState.CONFIRMED,
        activity,
        officer.user,
    )
    assert AuditEntry.objects.filter(action="prevention.activity_create").count() == 1
    assert AuditEntry.objects.filter(action="ingest.draft_confirm").count() == 1
    # Confirmed once: a second post writes nothing more.
    officer.post(f"/hoat-dong/du-thao/{draft.pk}/xac-nhan/", form(draft))
    assert Activity.objects.count() == 1
    page = officer.get(f"/hoat-dong/doc-bao-cao/{draft.reading_id}/").content.decode()
    assert f"/hoat-dong/{activity.pk}/sua/" in page
    # The activity's own page shows the sentence it was recorded from.
    page = officer.get(f"/hoat-dong/{activity.pk}/sua/").content.decode()
    assert "Ghi từ câu trong báo cáo" in page and "98 buổi tuyên truyền" in page


def test_a_unit_outside_the_agencys_area_is_refused_and_nothing_is_created(officer, police):
    upload(officer, police, docx(SESSIONS))
    draft = DraftActivity.objects.get()
    hanoi = {"unit": "1"}  # Hà Nội: outside the Quảng Ngãi police's area
    response = officer.post(f"/hoat-dong/du-thao/{draft.pk}/xac-nhan/", form(draft, **hanoi))
    assert response.status_code == 200
    assert "errors" in response.content.decode()
    assert not Activity.objects.exists()
    draft.refresh_from_db()
    assert draft.state == DraftState.DRAFT and draft.activity is None
    assert not AuditEntry.objects.filter(action="ingest.draft_confirm").exists()
    # The service refuses it to any caller, not only through the form.
    values = {
        "kind": "session",
        "start_date": date(2025, 9, 10),
        "end_date": date(2025, 9, 10),
        "unit": 1,
        "sessions": 98,
    }
    with pytest.raises(DraftError):
        draft_confirm(draft=draft, values=values, acting_user=officer.user)
    assert not Activity.objects.exists()


def test_another_agencys_officer_gets_404_and_cannot_confirm_or_discard(officer, police, client):
    upload(officer, police, docx(SESSIONS))
    reading, draft = Reading.objects.get(), DraftActivity.objects.get()
    other = make_user("yte", "agency_officer", agency="qng-syt-2025")
    client.logout()
    log_in(client, other)
    assert client.get(f"/hoat-dong/doc-bao-cao/{reading.pk}/").status_code == 404
    assert client.get("/hoat-dong/doc-bao-cao/999999/").status_code == 404
    assert client.post(f"/hoat-dong/du-thao/{draft.pk}/xac-nhan/", form(draft)).status_code == 404
    assert client.post(f"/hoat-dong/du-thao/{draft.pk}/bo/").status_code == 404
    assert SESSIONS not in client.get("/hoat-dong/doc-bao-cao/").content.decode()
    assert not Activity.objects.exists()
    draft.refresh_from_db()
    assert draft.state == DraftState.DRAFT


def test_discarding_a_draft(officer, police):
    upload(officer, police, docx(SESSIONS, MEDIA))
    draft = DraftActivity.objects.get(position=1)
    assert officer.post(f"/hoat-dong/du-thao/{draft.pk}/bo/").status_code == 302
    draft.refresh_from_db()
    assert draft.state == DraftState.DISCARDED and draft.decided_by == officer.user
    assert AuditEntry.objects.filter(action="ingest.draft_discard").count() == 1
    # A discarded draft is not confirmed afterwards.
    media = {"kind": "media", "sessions": "", "participants": "", "media_items": "45"}
    officer.post(f"/hoat-dong/du-thao/{draft.pk}/xac-nhan/", form(draft, **media))
    assert not Activity.objects.exists()
    draft.refresh_from_db()
    assert draft.state == DraftState.DISCARDED


def test_pasted_text_without_figures_writes_nothing(officer, police):
    response = officer.post(
        "/hoat-dong/doc-bao-cao/", {"agency": str(police.pk), "text": "Không có số liệu nào."}
    )
    assert response.status_code == 200
    assert not Reading.objects.exists() and not DraftActivity.objects.exists()


def test_the_queries_of_a_reading_page_do_not_grow_with_its_drafts(officer, police):
    user = officer.user
    few = reading_create(agency=police, acting_user=user, text=SESSIONS)
    many = reading_create(agency=police, acting_user=user, text=" ".join([SESSIONS, MEDIA] * 4))
    assert (few.drafts.count(), many.drafts.count()) == (1, 8)
    counts = []
    for reading in (few, many):
        with CaptureQueriesContext(connection) as queries:
            assert officer.get(f"/hoat-dong/doc-bao-cao/{reading.pk}/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
