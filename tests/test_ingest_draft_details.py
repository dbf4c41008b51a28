"""Issue 25, build point 2, the rest of a draft activity: who it reached (target groups read from
the sentence's words), who worked with the agency (partners named in the sentence, matched to
the province's agency records), which agency it is when a compiled report names another the
reader records for, and corrections kept without confirming."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from ctip.accounts.services import assignment_grant
from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.ingest.agency_match import match_agency
from ctip.ingest.agency_names import AgencyName, agency_names
from ctip.ingest.audiences import target_groups
from ctip.ingest.drafts import CaseProposal, Proposal, partner_names, read
from ctip.ingest.models import DraftActivity, DraftState
from ctip.ingest.services import DraftError, draft_update, reading_create
from ctip.prevention.models import Activity
from tests.helpers import log_in, make_user

PARTNERED = (
    "Công an tỉnh phối hợp với Hội LHPN tỉnh, Tỉnh Đoàn tổ chức 12 buổi tuyên truyền cho học "
    "sinh các trường trung học phổ thông, với 1.500 lượt người tham dự."
)


@pytest.mark.parametrize(
    ("sentence", "groups"),
    [
        (
            "Tổ chức 98 buổi tuyên truyền cho Nhân dân, giáo viên, học sinh các trường.",
            ["pupils_students", "teachers", "public"],
        ),
        # One group, not women, minorities and the public besides.
        (
            "Ủy ban nhân dân huyện tổ chức 05 buổi nói chuyện cho phụ nữ dân tộc thiểu số.",
            ["ethnic_minority_women"],
        ),
        (
            "Tuyên truyền cho người dân vùng biên giới và ngư dân tại các cảng cá.",
            ["border_coastal_residents", "fishermen"],
        ),
        # Agency names are not people reached.
        ("Tòa án nhân dân tỉnh và Đoàn Thanh niên tổ chức 02 phiên tòa giả định.", []),
        (
            "Tập huấn cho 120 cán bộ, công chức và đoàn viên, thanh niên.",
            ["officials", "youth"],
        ),
        (
            "Tư vấn cho 300 người lao động đi làm việc ở nước ngoài.",
            ["workers_abroad"],
        ),
    ],
)
def test_target_groups_from_the_words(sentence, groups):
    assert target_groups(sentence) == groups


def test_partners_are_the_names_after_a_partner_word_and_those_listed_with_them():
    names = [n.text for n in partner_names(PARTNERED)]
    assert names == ["Hội LHPN tỉnh", "Tỉnh Đoàn"]
    alone = "Hội Liên hiệp Phụ nữ tỉnh tổ chức 20 buổi tuyên truyền tại Sở Y tế."
    assert partner_names(alone) == []
    with_cung = "Bộ đội Biên phòng tỉnh cùng Công an huyện Ba Tơ tuần tra 12 lượt."
    assert [n.text for n in partner_names(with_cung)] == ["Công an huyện Ba Tơ"]


def _agency(pk: int, name: str, kind: str, level: str) -> SimpleNamespace:
    return SimpleNamespace(pk=pk, name=name, kind=kind, unit=SimpleNamespace(level=level))


def test_a_name_matches_one_record_or_none():
    candidates = [
        _agency(1, "Công an tỉnh Quảng Ngãi", "police", "province"),
        _agency(2, "Công an xã Ba Tô", "police", "commune"),
        _agency(3, "Công an xã Ba Vì", "police", "commune"),
        _agency(4, "Hội Liên hiệp Phụ nữ tỉnh Quảng Ngãi", "womens_union", "province"),
        _agency(5, "Ủy ban nhân dân tỉnh Quảng Ngãi", "people_committee", "province"),
    ]

    def match(text: str) -> int | None:
        (name,) = agency_names(text)
        found = match_agency(name, candidates)
        return found.pk if found else None

    assert match("Công an tỉnh") == 1
    assert match("CA tỉnh") == 1
    assert match("Hội LHPN tỉnh") == 4
    assert match("UBND tỉnh") == 5
    assert match("Công an xã Ba Tô") == 2
    # Two commune police fit "Công an xã": ctip does not guess.
    assert match("Công an xã") is None
    assert match_agency(AgencyName("Sở Y tế", "social_protection", 0, 0), candidates) is None


@pytest.mark.django_db
def test_an_upload_proposes_partners_and_groups_and_the_activity_keeps_them(client):
    police = Agency.objects.get(code="qng-ca-2025")
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    reading = reading_create(agency=police, acting_user=officer, text=PARTNERED)
    draft = reading.drafts.get()
    assert draft.partners == ["qng-hlhpn-2025", "qng-tdtn-2025"]
    assert draft.target_groups == ["pupils_students"]
    assert draft.agency is None  # the reading's own agency
    log_in(client, officer)
    page = client.get(f"/hoat-dong/doc-bao-cao/{reading.pk}/").content.decode()
    assert 'value="qng-hlhpn-2025" selected' in page
    assert 'value="pupils_students"' in page and "checked" in page
    data = {
        "kind": "session",
        "start_date": "10/09/2025",
        "end_date": "12/09/2025",
        "unit": "21157",
        "unit_text": "",
        "sessions": "12",
        "participants": "1500",
        "target_groups": ["pupils_students", "teachers"],
        "partners": ["qng-hlhpn-2025"],
    }
    response = client.post(
        f"/hoat-dong/du-thao/{draft.pk}/xac-nhan/", {f"d{draft.pk}-{k}": v for k, v in data.items()}
    )
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert sorted(activity.target_groups.values_list("pk", flat=True)) == [
        "pupils_students",
        "teachers",
    ]
    assert list(activity.partners.values_list("code", flat=True)) == ["qng-hlhpn-2025"]


@pytest.mark.django_db
def test_a_compiled_report_names_the_agency_the_reader_also_records_for():
    police = Agency.objects.get(code="qng-ca-2025")
    union = Agency.objects.get(code="qng-hlhpn-2025")
    officer = make_user("kiemnhiem", "agency_officer", agency="qng-ca-2025")
    assignment_grant(user=officer, role="agency_officer", agency=union, unit=None, acting_user=None)
    text = (
        "- Hội Liên hiệp Phụ nữ tỉnh: Tổ chức 30 buổi tuyên truyền cho hội viên phụ nữ.\n"
        "- Công an tỉnh: Tổ chức 10 buổi tuyên truyền tại các trường học."
    )
    reading = reading_create(agency=police, acting_user=officer, text=text)
    first, second = reading.drafts.order_by("position")
    assert (first.agency, first.unit_id) == (union, union.unit_id)
    assert first.target_groups == ["rural_women"]
    assert second.agency is None
    # An agency the reader does not record for is not proposed, whatever the text says.
    other = make_user("chicongan", "agency_officer", agency="qng-ca-2025")
    # (Another copy of the report: the same bytes twice would be refused as read already.)
    reading = reading_create(agency=police, acting_user=other, text=text + "\n")
    assert [d.agency for d in reading.drafts.order_by("position")] == [None, None]


@pytest.mark.django_db
def test_corrections_are_kept_without_confirming(client):
    police = Agency.objects.get(code="qng-ca-2025")
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    reading = reading_create(agency=police, acting_user=officer, text=PARTNERED)
    draft = reading.drafts.get()
    log_in(client, officer)
    response = client.post(
        f"/hoat-dong/du-thao/{draft.pk}/luu/",
        {
            f"d{draft.pk}-kind": "session",
            f"d{draft.pk}-sessions": "10",
            f"d{draft.pk}-participants": "1500",
            f"d{draft.pk}-start_date": "01/09/2025",
            f"d{draft.pk}-target_groups": ["pupils_students", "teachers"],
            f"d{draft.pk}-notes": "Số buổi theo sổ theo dõi",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.state, draft.sessions, draft.start_date) == (
        DraftState.DRAFT,
        10,
        date(2025, 9, 1),
    )
    assert draft.target_groups == ["pupils_students", "teachers"]
    assert draft.notes == "Số buổi theo sổ theo dõi"
    assert not Activity.objects.exists()
    (entry,) = AuditEntry.objects.filter(action="ingest.draft_update")
    assert entry.changes["sessions"] == [12, 10]
    assert entry.changes["notes"] == [None, None]  # the officer's words are not copied
    page = client.get(f"/hoat-dong/doc-bao-cao/{reading.pk}/").content.decode()
    assert f'name="d{draft.pk}-sessions" value="10"' in page


@pytest.mark.django_db
def test_a_bad_correction_changes_nothing(client):
    police = Agency.objects.get(code="qng-ca-2025")
    officer = make_user("congan", "agency_officer", agency="qng-ca-2025")
    reading = reading_create(agency=police, acting_user=officer, text=PARTNERED)
    draft = reading.drafts.get()
    with pytest.raises(DraftError):
        draft_update(draft=draft, values={"sessions": -3}, acting_user=officer)
    with pytest.raises(DraftError):
        draft_update(draft=draft, values={"target_groups": ["aliens"]}, acting_user=officer)
    with pytest.raises(DraftError):  # an agency the officer does not record for
        draft_update(draft=draft, values={"agency": "qng-syt-2025"}, acting_user=officer)
    log_in(client, officer)
    response = client.post(
        f"/hoat-dong/du-thao/{draft.pk}/luu/",
        {f"d{draft.pk}-start_date": "12/09/2025", f"d{draft.pk}-end_date": "01/09/2025"},
    )
    assert response.status_code == 200
    assert "Ngày kết thúc trước ngày bắt đầu" in response.content.decode()
    draft.refresh_from_db()
    assert (draft.sessions, draft.start_date, draft.target_groups) == (
        12,
        None,
        ["pupils_students"],
    )
    assert not AuditEntry.objects.filter(action="ingest.draft_update").exists()
    # Another agency's officer: 404, nothing changed.
    client.logout()
    log_in(client, make_user("yte", "agency_officer", agency="qng-syt-2025"))
    response = client.post(f"/hoat-dong/du-thao/{draft.pk}/luu/", {f"d{draft.pk}-sessions": "1"})
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.sessions == 12 and DraftActivity.objects.count() == 1


def test_a_range_is_a_note_or_an_estimate_and_proposes_no_cases():
    text = (
        "Mỗi xã tổ chức từ 3 đến 5 buổi tuyên truyền mỗi quý, với từ 50 đến 70 người tham gia. "
        "Công an huyện khởi tố 3 - 5 vụ."
    )
    proposals = read(text)
    (activity,) = [p for p in proposals if isinstance(p, Proposal)]
    assert "sessions" not in activity.counts  # a rate, not a count to add up
    assert "Buổi tuyên truyền: 3–5" in activity.notes
    assert (activity.counts["participants"], activity.participants_estimated) == (50, True)
    assert {"upper": 5}.items() <= activity.figures[0].items()
    assert not [p for p in proposals if isinstance(p, CaseProposal)]
