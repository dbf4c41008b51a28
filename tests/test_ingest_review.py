"""Issue 25, a review's findings on the draft records, each a test that failed before its fix:
who may confirm a proposed agency, who a kept sentence names, who may leave a draft case out, a
blank kind kept on a draft, and a report read twice."""

from __future__ import annotations

import pytest

from ctip.accounts.services import assignment_grant
from ctip.agencies.models import Agency
from ctip.ingest.docx_text import DocumentError
from ctip.ingest.masking import HIDDEN, mask
from ctip.ingest.models import DraftCase, DraftState, Reading
from ctip.ingest.services import DraftError, draft_discard, draft_update, reading_create
from ctip.prevention.models import Activity
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db

COMPILED = "- Hội Liên hiệp Phụ nữ tỉnh: Tổ chức 30 buổi tuyên truyền cho hội viên phụ nữ."
NAMED = (
    "Công an huyện Ba Tơ phát hiện, khởi tố 01 vụ/02 đối tượng, bắt đối tượng Nguyễn Văn An "
    "(SN 1985), trú tại thôn 3, xã Ba Tô, giải cứu cháu Hồ Thị Bé, 15 tuổi; liên hệ 0912 345 678."
)
FORM = {
    "kind": "session",
    "start_date": "10/09/2025",
    "end_date": "10/09/2025",
    "unit": "21157",
    "unit_text": "",
    "sessions": "30",
    "agency": "",
}


def test_a_proposed_agency_is_confirmed_only_by_someone_who_records_for_it(client):
    police, union = (Agency.objects.get(code=c) for c in ("qng-ca-2025", "qng-hlhpn-2025"))
    reader = make_user("kiemnhiem", "agency_officer", agency="qng-ca-2025")
    assignment_grant(user=reader, role="agency_officer", agency=union, unit=None, acting_user=None)
    reading = reading_create(agency=police, acting_user=reader, text=COMPILED)
    draft = reading.drafts.get()
    assert draft.agency == union
    other = make_user("congan", "agency_officer", agency="qng-ca-2025")  # police only
    log_in(client, other)
    data = {f"d{draft.pk}-{k}": v for k, v in FORM.items()}
    response = client.post(f"/hoat-dong/du-thao/{draft.pk}/xac-nhan/", data)
    assert response.status_code == 200
    assert "Bạn không ghi hoạt động cho cơ quan này" in response.content.decode()
    assert not Activity.objects.exists()
    draft.refresh_from_db()
    assert draft.state == DraftState.DRAFT


def test_who_a_sentence_names_is_hidden_before_it_is_kept_and_the_figures_stay_marked(client):
    police = Agency.objects.get(code="qng-ca-2025")
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    reading = reading_create(agency=police, acting_user=officer, text=NAMED)
    draft = DraftCase.objects.get(reading=reading)
    for secret in ("Nguyễn Văn An", "1985", "thôn 3", "Hồ Thị Bé", "0912"):
        assert secret not in draft.sentence
    assert "đối tượng […]" in draft.sentence and "cháu […], 15 tuổi" in draft.sentence
    assert (draft.cases, draft.suspects) == (1, 2)
    log_in(client, officer)
    page = client.get(f"/hoat-dong/doc-bao-cao/{reading.pk}/").content.decode()
    assert "<mark>01 vụ</mark>" in page and "<mark>02 đối tượng</mark>" in page
    assert "Nguyễn Văn An" not in page


def test_masking_moves_the_figures_places_and_drops_a_mark_inside_a_hidden_run():
    text = "Bắt đối tượng Lò Văn Dũng, giải cứu 03 nạn nhân."
    start = text.index("03")
    masked, (place,) = mask(text, [(start, start + len("03 nạn nhân"))])
    assert masked == f"Bắt đối tượng {HIDDEN}, giải cứu 03 nạn nhân."
    assert place is not None and masked[place[0] : place[1]] == "03 nạn nhân"
    _masked, (inside,) = mask(text, [(text.index("Văn"), text.index("Văn") + 3)])
    assert inside is None
    # Countries and agencies are not names.
    for kept in ("công dân Việt Nam", "Đoàn Thanh niên Cộng sản Hồ Chí Minh"):
        assert mask(f"Hỗ trợ {kept} về nước.", [])[0] == f"Hỗ trợ {kept} về nước."


def test_only_the_readings_investigator_leaves_a_draft_case_out(client):
    police = Agency.objects.get(code="qng-ca-2025")
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    reading = reading_create(agency=police, acting_user=officer, text=NAMED)
    draft = DraftCase.objects.get(reading=reading)
    log_in(client, officer)
    assert client.post(f"/vu-an/du-thao/{draft.pk}/bo/").status_code == 403
    with pytest.raises(DraftError):
        draft_discard(draft=draft, acting_user=officer)
    draft.refresh_from_db()
    assert draft.state == DraftState.DRAFT
    investigator = make_user("dieutra", "investigator", agency="qng-ca-2025")
    client.logout()
    log_in(client, investigator, add_totp(investigator))
    assert client.post(f"/vu-an/du-thao/{draft.pk}/bo/").status_code == 302
    draft.refresh_from_db()
    assert draft.state == DraftState.DISCARDED


def test_a_blank_kind_leaves_the_drafts_kind_as_it_is():
    police = Agency.objects.get(code="qng-ca-2025")
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    reading = reading_create(
        agency=police, acting_user=officer, text="Tổ chức 12 buổi tuyên truyền tại các xã."
    )
    draft = reading.drafts.get()
    draft_update(draft=draft, values={"kind": "", "sessions": 10}, acting_user=officer)
    draft.refresh_from_db()
    assert (draft.kind, draft.sessions) == ("session", 10)


def test_a_report_read_twice_is_refused_the_second_time():
    police = Agency.objects.get(code="qng-ca-2025")
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    text = "Tổ chức 12 buổi tuyên truyền tại các xã."
    reading_create(agency=police, acting_user=officer, text=text)
    with pytest.raises(DraftError, match="đã được đọc lúc"):
        reading_create(agency=police, acting_user=officer, text=text)
    assert Reading.objects.count() == 1  # the first reading stays the only one


def test_an_uploaded_text_over_the_bound_is_refused_before_it_is_read():
    police = Agency.objects.get(code="qng-ca-2025")
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    big = ("Tổ chức 12 buổi tuyên truyền tại các xã. " * 6000).encode()
    with pytest.raises(DocumentError, match="quá dài"):
        reading_create(agency=police, acting_user=officer, file_bytes=big)
