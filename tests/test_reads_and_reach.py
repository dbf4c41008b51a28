"""Issue 19, findings 6 and 7: every read of personal data is logged, access logs keep the case
they were written for, and a receiving agency does only what the referral grants."""

from __future__ import annotations

from datetime import date

import pytest

from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.victims.lifecycle import case_merge
from ctip.victims.models import AccessLog, Case, Consent, Paper, Referral, SupportGiven
from ctip.victims.referrals import consent_record, referral_answer, referral_send
from ctip.victims.selectors import access_case
from ctip.victims.states import ConsentPurpose, ReferralStatus
from tests.helpers import add_totp, log_in, make_user
from tests.test_identities import DAY, _case, _identified

pytestmark = pytest.mark.django_db


def _referred() -> Case:
    """A case of the health department, referred to and accepted by the Border Guard."""
    case = _identified(_case())
    consent_record(case=case, purpose=ConsentPurpose.REFERRAL, given_on=DAY, acting_user=None)
    referral = referral_send(
        case=case,
        to_agency=Agency.objects.get(code="qng-bdbp-2025"),
        reason="đưa về bản Nà Hẩu",
        on=DAY,
        acting_user=None,
    )
    referral_answer(referral=referral, status=ReferralStatus.ACCEPTED, on=DAY, acting_user=None)
    return case


@pytest.fixture
def receiver(client):
    user = make_user("hosobp", "case_worker", agency="qng-bdbp-2025")
    log_in(client, user, add_totp(user))
    return client


def test_the_receiving_agency_does_only_what_the_referral_grants(receiver):
    case = _referred()
    page = f"/ho-so/{case.pk}/bao-ve/"
    assert receiver.get(f"/ho-so/{case.pk}/").status_code == 200  # it may read the case
    before = {
        "referrals": Referral.objects.count(),
        "consents": Consent.objects.count(),
        "papers": Paper.objects.count(),
        "plan": case.support_plan,
    }
    third = Agency.objects.get(code="qng-ca-2025")
    refused = receiver.post(
        page, {"referral": "1", "to_agency": third.pk, "reason": "chuyển tiếp"}, follow=True
    )
    assert "Chỉ cơ quan quản lý hồ sơ" in refused.content.decode()
    receiver.post(page, {"consent": "1", "purpose": "abroad", "given_on": "12/09/2025"})
    receiver.post(f"/ho-so/{case.pk}/giay-to/", {"kind": "reception_minutes"})
    receiver.post(page, {"plan": "1", "version": case.version, "support_plan": "kế hoạch khác"})
    other = _case(name="Người Trùng Lặp", doc="079300111222")
    receiver.post(f"/ho-so/{case.pk}/gop/", {"code": other.code})
    case.refresh_from_db()
    assert {
        "referrals": Referral.objects.count(),
        "consents": Consent.objects.count(),
        "papers": Paper.objects.count(),
        "plan": case.support_plan,
    } == before
    assert Case.objects.get(pk=other.pk).merged_into is None
    # What it may do: record the support it gave, as itself, not as the owner.
    form = {"support": "1", "regime": "medical", "given_on": "13/09/2025", "amount": "200000"}
    assert receiver.post(page, form).status_code == 302
    assert SupportGiven.objects.get().provider.code == "qng-bdbp-2025"


def test_the_owner_still_refers_records_consent_and_issues_papers(client):
    case = _referred()
    owner = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    log_in(client, owner, add_totp(owner))
    page = f"/ho-so/{case.pk}/bao-ve/"
    client.post(page, {"consent": "1", "purpose": "abroad", "given_on": "12/09/2025"})
    client.post(f"/ho-so/{case.pk}/giay-to/", {"kind": "reception_minutes"})
    assert Consent.objects.filter(purpose="abroad").count() == 1
    assert Paper.objects.count() == 1


def test_a_name_search_logs_a_read_of_every_case_it_finds(client):
    found = _case()
    _case(name="Người Khác Hẳn", doc="079300333444")
    worker = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    log_in(client, worker, add_totp(worker))
    assert client.post("/ho-so/", {"q": "xuan mai"}).context["cases"] == [found]
    assert list(AccessLog.objects.filter(section="search").values_list("case", "user")) == [
        (found.pk, worker.pk)
    ]


def test_opening_a_watched_persons_page_is_logged(client):
    from tests.test_identities import unit
    from tests.test_watchlist import _entry

    entry = _entry()
    commune = unit(21157, "commune", date(2026, 1, 1))
    officer = make_user("xa3", "commune_officer", unit=commune)
    log_in(client, officer, add_totp(officer))
    assert client.get(f"/theo-doi/{entry.pk}/").status_code == 200
    read = AuditEntry.objects.get(action="read")
    assert (read.object_id, read.actor_id, read.changes) == (
        str(entry.pk),
        officer.pk,
        {"purpose": "watch"},
    )


def test_merging_keeps_each_access_log_row_on_the_case_it_was_written_for():
    keep, other = _case(), _case(name="Người Trùng Lặp", doc="079300111222")
    reader = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    access_case(reader, other.pk, section="identity")
    case_merge(keep=keep, other=other, acting_user=None)
    assert list(AccessLog.objects.values_list("case", flat=True)) == [other.pk]
