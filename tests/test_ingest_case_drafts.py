"""Issue 25, build point 2 for enforcement figures: a sentence stating cases found or opened
("phát hiện, khởi tố 03 vụ/05 đối tượng") becomes a draft case that an investigator of the
reading's agency opens case by case (through ctip.enforcement's own service, each case linked
to its sentence); cases indicted or tried are not proposed again; nobody else opens them, and
nothing is written unconfirmed."""

from __future__ import annotations

from datetime import date

import pytest

from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.enforcement.models import CriminalCase
from ctip.geo.models import Level
from ctip.ingest.drafts import CaseProposal, read
from ctip.ingest.models import DraftCase, DraftState, Reading
from ctip.ingest.services import DraftError, draft_case_open, reading_create
from tests.conftest import unit
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db

OPENED = (
    "Năm 2025, Công an tỉnh phát hiện, khởi tố 02 vụ/05 đối tượng mua bán người, giải cứu "
    "03 nạn nhân."
)
INDICTED = "Viện kiểm sát nhân dân tỉnh truy tố 04 vụ/07 bị can."
HOME_COMMUNE = "21157"


@pytest.fixture
def police():
    return Agency.objects.get(code="qng-ca-2025")


@pytest.fixture
def investigator(client):
    user = make_user("dieutra", "investigator", agency="qng-ca-2025")
    log_in(client, user, add_totp(user))  # investigators read personal data: a second factor
    client.user = user
    return client


def case_form(draft: DraftCase, **changes: str) -> dict[str, str]:
    values = {
        "detected_on": "15/08/2025",
        "source": "patrol",
        "unit": HOME_COMMUNE,
        "unit_text": "",
        "recruitment_channel": "",
        "platform": "",
        "exploitation_form": "",
        "destination_country": "",
        "suspects_count": "2",
        "unregistered_victims": "0",
        **changes,
    }
    return {f"c{draft.pk}-{k}": v for k, v in values.items()}


def test_cases_found_or_opened_are_proposed_and_cases_indicted_are_not():
    (case,) = [p for p in read(f"{OPENED} {INDICTED}") if isinstance(p, CaseProposal)]
    assert (case.verb, case.cases, case.suspects, case.victims) == ("khởi tố", 2, 5, 3)
    assert (case.start_date, case.end_date) == (date(2025, 1, 1), date(2025, 12, 31))
    # "17 vụ" then another clause's cases: the suspects are the first clause's.
    (two,) = [
        p
        for p in read("Công an phát hiện 03 vụ/06 đối tượng; truy tố 02 vụ/04 bị can.")
        if isinstance(p, CaseProposal)
    ]
    assert (two.cases, two.suspects) == (3, 6)
    assert not [p for p in read("Tòa án đã xét xử 05 vụ/09 bị cáo.") if isinstance(p, CaseProposal)]


def test_an_investigator_opens_the_cases_one_by_one_and_the_draft_closes(investigator, police):
    reading = reading_create(agency=police, acting_user=investigator.user, text=OPENED)
    draft = DraftCase.objects.get(reading=reading)
    page = investigator.get(f"/hoat-dong/doc-bao-cao/{reading.pk}/").content.decode()
    assert "<mark>02 vụ</mark>" in page and "Còn 2 vụ chưa lập." in page
    assert f'name="c{draft.pk}-detected_on"' in page
    response = investigator.post(f"/vu-an/du-thao/{draft.pk}/lap/", case_form(draft))
    assert response.status_code == 302
    first = CriminalCase.objects.get()
    assert (first.owner, first.suspects_count, first.unit.code) == (police, 2, 21157)
    assert list(first.source_drafts.all()) == [draft]
    page = investigator.get(f"/vu-an/{first.pk}/").content.decode()
    assert "Lập từ câu trong báo cáo" in page and "khởi tố 02 vụ/05 đối tượng" in page
    draft.refresh_from_db()
    assert draft.state == DraftState.DRAFT
    # The last case is proposed with the suspects the first left (5 - 2).
    page = investigator.get(f"/hoat-dong/doc-bao-cao/{reading.pk}/").content.decode()
    assert f'name="c{draft.pk}-suspects_count" value="3"' in page
    investigator.post(f"/vu-an/du-thao/{draft.pk}/lap/", case_form(draft, suspects_count="3"))
    draft.refresh_from_db()
    assert draft.state == DraftState.CONFIRMED and draft.decided_by == investigator.user
    assert draft.opened.count() == 2 == CriminalCase.objects.count()
    assert AuditEntry.objects.filter(action="ingest.draft_case_open").count() == 2
    assert AuditEntry.objects.filter(action="enforcement.case_create").count() == 2
    # Confirmed: a third post opens nothing.
    investigator.post(f"/vu-an/du-thao/{draft.pk}/lap/", case_form(draft))
    assert CriminalCase.objects.count() == 2


def test_a_bad_case_is_refused_with_its_message_and_nothing_is_written(investigator, police):
    reading = reading_create(agency=police, acting_user=investigator.user, text=OPENED)
    draft = DraftCase.objects.get(reading=reading)
    response = investigator.post(
        f"/vu-an/du-thao/{draft.pk}/lap/", case_form(draft, detected_on="15/08/2099")
    )
    assert response.status_code == 200
    assert "tương lai" in response.content.decode()
    assert not CriminalCase.objects.exists()
    assert not draft.opened.exists()
    assert not AuditEntry.objects.filter(action="ingest.draft_case_open").exists()


def test_an_officer_who_is_not_an_investigator_sees_the_draft_but_opens_nothing(client, police):
    officer = make_user("canbo", "agency_officer", agency="qng-ca-2025")
    reading = reading_create(agency=police, acting_user=officer, text=OPENED)
    draft = DraftCase.objects.get(reading=reading)
    log_in(client, officer)
    page = client.get(f"/hoat-dong/doc-bao-cao/{reading.pk}/").content.decode()
    assert "<mark>02 vụ</mark>" in page
    assert f'name="c{draft.pk}-detected_on"' not in page
    assert client.post(f"/vu-an/du-thao/{draft.pk}/lap/", case_form(draft)).status_code == 403
    values = {"detected_on": date(2025, 8, 15), "source": "patrol", "unit": police.unit}
    with pytest.raises(DraftError):
        draft_case_open(draft=draft, values=values, acting_user=officer)
    assert not CriminalCase.objects.exists()
    draft.refresh_from_db()
    assert draft.state == DraftState.DRAFT


def test_another_agencys_investigator_gets_404(client, police):
    officer = make_user("canbo", "agency_officer", agency="qng-ca-2025")
    reading = reading_create(agency=police, acting_user=officer, text=OPENED)
    draft = DraftCase.objects.get(reading=reading)
    Agency.objects.create(
        code="test-hn-police",
        name="Công an thành phố Hà Nội",
        kind="police",
        unit=unit(1, Level.PROVINCE, date(2025, 7, 1)),
        valid_from=date(2025, 7, 1),
    )
    other = make_user("dtvkhac", "investigator", agency="test-hn-police")
    log_in(client, other, add_totp(other))
    assert client.get(f"/hoat-dong/doc-bao-cao/{reading.pk}/").status_code == 404
    assert client.post(f"/vu-an/du-thao/{draft.pk}/lap/", case_form(draft)).status_code == 404
    assert client.post(f"/vu-an/du-thao/{draft.pk}/bo/").status_code == 404
    assert not CriminalCase.objects.exists()
    draft.refresh_from_db()
    assert draft.state == DraftState.DRAFT


def test_discarding_a_draft_case_keeps_the_cases_already_opened(investigator, police):
    reading = reading_create(agency=police, acting_user=investigator.user, text=OPENED)
    draft = DraftCase.objects.get(reading=reading)
    investigator.post(f"/vu-an/du-thao/{draft.pk}/lap/", case_form(draft))
    assert investigator.post(f"/vu-an/du-thao/{draft.pk}/bo/").status_code == 302
    draft.refresh_from_db()
    assert draft.state == DraftState.DISCARDED and draft.opened.count() == 1
    assert CriminalCase.objects.count() == 1
    investigator.post(f"/vu-an/du-thao/{draft.pk}/lap/", case_form(draft))
    assert CriminalCase.objects.count() == 1


def test_a_report_of_cases_only_is_read(police):
    officer = make_user("canbo", "agency_officer", agency="qng-ca-2025")
    reading = reading_create(agency=police, acting_user=officer, text=OPENED)
    assert Reading.objects.count() == 1 and reading.drafts.count() == 0
    assert reading.case_drafts.count() == 1
