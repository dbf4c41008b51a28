"""Issue 19, finding 1: no "is this person a victim?" oracle across agencies.

Creating a case (or importing one) for a person another agency already has a case for tells the
creator nothing; the match goes, without details, to the review queue of the known case's
supervisors and of the standing office, who decide."""

from __future__ import annotations

import json

import pytest

from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.geo.models import Level
from ctip.victims.duplicates import ReviewError, Status, duplicate_review_decide
from ctip.victims.importer import import_cases
from ctip.victims.models import Case, DuplicateReview
from tests.conftest import unit
from tests.factories import CaseFactory
from tests.helpers import add_totp, log_in, make_user
from tests.test_identities import DAY, DOB, NAME, _case

pytestmark = pytest.mark.django_db

FORM = {
    "received_on": "12/09/2025",
    "source": "police",
    "full_name": "LÒ THỊ XUÂN MAI",
    "sex": "female",
    "age_at_reception": "18",
    "nationality": "VN",
    "date_of_birth": DOB,
    "home_unit": "21157",
    "accompanying_children": "0",
}


def _border_case(**kw) -> Case:
    """The Border Guard's record of someone, received the day the known case was."""
    return CaseFactory(
        owner="qng-bdbp-2025", received_on=DAY, source="police", age_at_reception=18, **kw
    )


def _logged_in(client, username: str, role: str, **where):
    user = make_user(username, role, **where)
    log_in(client, user, add_totp(user) if role != "standing_office" else None)
    return user


def test_another_agency_learns_nothing_and_the_owner_is_asked(client):
    known = _case()  # the health department's case
    _logged_in(client, "hosobp", "case_worker", agency="qng-bdbp-2025")
    response = client.post("/ho-so/them/", FORM, follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    # The Border Guard's case is created as if nobody knew the person: no code, no hint.
    assert known.code not in page and "đã có hồ sơ" not in page and "trùng" not in page
    created = Case.objects.exclude(pk=known.pk).get()
    assert created.owner.code == "qng-bdbp-2025"
    review = DuplicateReview.objects.get()
    assert (review.new_case, review.known_case, review.status) == (created, known, Status.OPEN)
    assert review.basis == DuplicateReview.Basis.NAME_BIRTH
    # The creator has no queue and cannot reach the review.
    assert client.get("/ho-so/trung-lap/").status_code == 403
    assert client.post(f"/ho-so/trung-lap/{review.pk}/", {"decision": "linked"}).status_code in (
        403,
        404,
    )
    assert DuplicateReview.objects.get().status == Status.OPEN


def test_the_owners_supervisor_decides_without_seeing_the_other_record(client):
    known = _case()
    other = Agency.objects.get(code="qng-bdbp-2025")
    new = _border_case(
        full_name=NAME,
        date_of_birth=DOB,
        acting_user=make_user("hosobp", "case_worker", agency="qng-bdbp-2025"),
    )
    review = DuplicateReview.objects.get()
    supervisor = _logged_in(client, "giamsat", "case_supervisor", agency="qng-syt-2025")
    queue = client.get("/ho-so/trung-lap/").content.decode()
    assert known.code in queue and new.code in queue and other.name in queue
    assert NAME not in queue  # codes and agencies only
    assert f'href="/ho-so/{new.pk}/"' not in queue  # no link into a case they may not open
    assert client.get(f"/ho-so/{new.pk}/").status_code == 404
    # Merging needs both records in the supervisor's agency: refused, nothing changes.
    client.post(f"/ho-so/trung-lap/{review.pk}/", {"decision": "merged"})
    review.refresh_from_db()
    assert review.status == Status.OPEN and Case.objects.get(pk=new.pk).merged_into is None
    client.post(f"/ho-so/trung-lap/{review.pk}/", {"decision": "linked"})
    review.refresh_from_db()
    assert (review.status, review.decided_by) == (Status.LINKED, supervisor)
    audit = AuditEntry.objects.filter(action="victims.duplicate_review_decide").get()
    assert NAME not in json.dumps(audit.changes, ensure_ascii=False)
    # Linked: the owner's case page names the other record (code and agency).
    assert new.code in client.get(f"/ho-so/{known.pk}/").content.decode()
    # Decided once only.
    with pytest.raises(ReviewError):
        duplicate_review_decide(review=review, decision="distinct", acting_user=supervisor)


def test_the_standing_office_sees_the_queue_and_other_agencies_do_not(client):
    known = _case()
    _border_case(
        full_name="Người Khác",
        identity_document="079300123456",  # the known case's document
        acting_user=make_user("hosobp", "case_worker", agency="qng-bdbp-2025"),
    )
    review = DuplicateReview.objects.get()
    assert review.basis == DuplicateReview.Basis.DOCUMENT
    # A supervisor of a third agency: an empty queue and a 404 on the review.
    _logged_in(client, "giamsat-ca", "case_supervisor", agency="qng-ca-2025")
    assert known.code not in client.get("/ho-so/trung-lap/").content.decode()
    assert (
        client.post(f"/ho-so/trung-lap/{review.pk}/", {"decision": "distinct"}).status_code == 404
    )
    assert DuplicateReview.objects.get().status == Status.OPEN
    client.logout()
    _logged_in(client, "thuongtruc", "standing_office", unit=unit(51, Level.PROVINCE, DAY))
    assert known.code in client.get("/ho-so/trung-lap/").content.decode()
    client.post(f"/ho-so/trung-lap/{review.pk}/", {"decision": "distinct"})
    assert DuplicateReview.objects.get().status == Status.DISTINCT


def test_an_import_names_only_the_cases_the_importer_may_open():
    known = _case()
    row = {
        "received_on": "2025-09-12",
        "source": "police",
        "full_name": NAME,
        "sex": "female",
        "age_at_reception": 18,
        "date_of_birth": DOB,
        "home_unit": 21157,
        "nationality": "VN",
    }
    importer = make_user("hosobp", "case_worker", agency="qng-bdbp-2025")
    written = import_cases(
        name="cases.json",
        data=json.dumps([row]).encode(),
        agency=Agency.objects.get(code="qng-bdbp-2025"),
        acting_user=importer,
    )
    assert written == 1
    assert DuplicateReview.objects.get().known_case == known
    # The owner's own import is still refused with the code (the owner may open it).
    owner = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    from ctip.prevention.importer import ImportRejected

    with pytest.raises(ImportRejected) as refused:
        import_cases(
            name="cases.json",
            data=json.dumps([row]).encode(),
            agency=Agency.objects.get(code="qng-syt-2025"),
            acting_user=owner,
        )
    assert known.code in str(refused.value.errors)


def test_the_queue_page_runs_the_same_number_of_queries_whatever_its_length(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _case()  # the health department's case, which each new one matches
    creator = make_user("hosobp", "case_worker", agency="qng-bdbp-2025")
    _logged_in(client, "giamsat", "case_supervisor", agency="qng-syt-2025")

    def add_match() -> None:
        _border_case(
            full_name=NAME,
            date_of_birth=DOB,
            acting_user=creator,
            allow_duplicate=True,  # the creator's own earlier cases: confirmed as new
        )

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/ho-so/trung-lap/").status_code == 200
        return len(captured)

    add_match()
    # The first request of a process also reads the rules it caches (25 queries): the growth
    # with the list is measured from a warm page, as in the middle of the suite.
    queries()
    one = queries()
    add_match()
    add_match()
    assert DuplicateReview.objects.count() == 3
    assert queries() == one


def test_a_second_merge_of_a_case_already_merged_is_refused_with_a_message(client):
    """A new case matching two known ones has two open reviews: once it is merged from the
    first, deciding "merged" on the second is refused with a message and changes nothing."""
    first, second = CaseFactory(), CaseFactory()
    new = CaseFactory()
    reviews = [
        DuplicateReview.objects.create(
            new_case=new, known_case=known, basis=DuplicateReview.Basis.NAME_BIRTH, found_on=DAY
        )
        for known in (first, second)
    ]
    supervisor = _logged_in(client, "giamsat", "case_supervisor", agency="qng-syt-2025")
    duplicate_review_decide(review=reviews[0], decision="merged", acting_user=supervisor)
    assert Case.objects.get(pk=new.pk).merged_into_id == first.pk
    response = client.post(f"/ho-so/trung-lap/{reviews[1].pk}/", {"decision": "merged"})
    assert response.status_code in (200, 302)
    reviews[1].refresh_from_db()
    assert reviews[1].status == Status.OPEN
    assert Case.objects.get(pk=second.pk).merged_into_id is None
    with pytest.raises(ReviewError):
        duplicate_review_decide(review=reviews[1], decision="merged", acting_user=supervisor)
