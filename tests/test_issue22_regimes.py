"""Issue 22: a case is handled under the law in force on the date that matters for each rule.

Three cases, each moved from reception to closure by the bodies the law names on the steps'
dates: one received in 2019 (Law 66/2011/QH12), one in June 2025 (Law 66/2011 for its first
steps, Law 53/2024/QH15 from 1/7/2025, support by the transitional rule), one in 2026 (Law
53/2024 as amended by Law 86/2025/QH15).
"""

from __future__ import annotations

from datetime import date

import pytest

from ctip.agencies.models import Agency
from ctip.victims.checks import CaseError
from ctip.victims.referrals import referral_answer, referral_send
from ctip.victims.states import ReferralStatus, State
from ctip.victims.support import eligibility, support_give
from ctip.victims.transitions import _move as _record
from ctip.victims.transitions import case_transition
from tests.factories import CaseFactory
from tests.helpers import make_user

pytestmark = pytest.mark.django_db

HEALTH, POLICE, BORDER = "qng-syt-2025", "qng-ca-2025", "qng-bdbp-2025"


def _people():
    return {
        "worker": make_user("xahoi", "case_worker", agency=HEALTH),
        "head": make_user("giamsat", "case_supervisor", agency=HEALTH),
        "police": make_user("dieutra", "case_supervisor", agency=POLICE),
        "border": make_user("bienphong", "case_supervisor", agency=BORDER),
    }


def _refer(case, to: str, on: date, sender, receiver):
    """The file goes to the identifying body (override: a statutory duty, not consent)."""
    referral = referral_send(
        case=case,
        to_agency=Agency.objects.get(code=to),
        reason="hồ sơ số 7731 chuyển đi",
        on=on,
        acting_user=sender,
        override_reason="Luật giao cơ quan này xác định nạn nhân",
    )
    referral_answer(referral=referral, status=ReferralStatus.ACCEPTED, on=on, acting_user=receiver)


def _move(case, state, on, user, reason=""):
    return case_transition(case=case, to_state=state, on=on, reason=reason, acting_user=user)


def _refused(case, state, on, user):
    before = (case.state, case.events.count())
    with pytest.raises(CaseError, match="không được thực hiện"):
        _move(case, state, on, user)
    case.refresh_from_db()
    assert (case.state, case.events.count()) == before


def _to_closure(case, steps, people):
    for state, on, who in steps:
        case = _move(case, state, on, people[who])
    assert case.state == State.CLOSED
    return case


def test_a_2019_case_under_law_66_2011():
    people = _people()
    case = CaseFactory(
        owner=HEALTH,
        received_on=date(2019, 3, 4),
        notified_on=date(2019, 3, 4),
        source="commune",
    )
    # Joint Circular 01/2014: 03 days from the labour division's notification (calendar days).
    assert case.verification_due == date(2019, 3, 7)
    case = _move(case, State.VERIFYING, date(2019, 3, 5), people["worker"])
    # The social-protection department owns the file but cannot confirm a victim: Law 66/2011
    # Art. 28 names the police, the rescuing body and the procedural bodies.
    _refused(case, State.IDENTIFIED, date(2019, 3, 7), people["head"])
    _refer(case, POLICE, date(2019, 3, 6), people["worker"], people["police"])
    case = _move(case, State.IDENTIFIED, date(2019, 3, 7), people["police"])
    # Today's officers act for the bodies as they stood in 2019: the provincial police and
    # the labour department of old Quảng Ngãi, whose records their agencies carry.
    assert case.events.last().agency.code == "qng-ca"
    assert case.events.get(to_state=State.VERIFYING).agency.code == "qng-sldtbxh"
    entitled = eligibility(case, on=date(2019, 3, 10)).regimes
    # Law 66/2011 had no interpretation regime (Law 53/2024 Art. 37 added it).
    assert "essential_needs" in entitled and "interpretation" not in entitled
    given = support_give(
        case=case,
        regime="essential_needs",
        given_on=date(2019, 3, 10),
        provider=Agency.objects.get(code=HEALTH),
        amount=0,
        acting_user=people["worker"],
    )
    # Recorded today from the archive: the provider is the body as it stood in 2019.
    assert given.provider.code == "qng-sldtbxh"
    _to_closure(
        case,
        [
            (State.SUPPORT, date(2019, 3, 10), "worker"),
            (State.REINTEGRATION, date(2019, 6, 1), "worker"),
            (State.FOLLOW_UP, date(2019, 9, 1), "worker"),
            (State.CLOSED, date(2020, 3, 2), "head"),
        ],
        people,
    )


def test_a_june_2025_case_across_the_change_of_law():
    people = _people()
    case = CaseFactory(
        owner=HEALTH,
        received_on=date(2025, 6, 10),
        notified_on=date(2025, 6, 10),
        source="police",
    )
    assert case.verification_due == date(2025, 6, 13)
    case = _move(case, State.VERIFYING, date(2025, 6, 11), people["worker"])
    _refer(case, POLICE, date(2025, 6, 12), people["worker"], people["police"])
    case = _move(case, State.IDENTIFIED, date(2025, 6, 20), people["police"])
    # Before 1/7/2025 the bodies of old Quảng Ngãi (not Kon Tum's, also merged into today's).
    assert case.events.get(to_state=State.VERIFYING).agency.code == "qng-syt"
    assert case.events.last().agency.code == "qng-ca"
    # Identified before 1/7/2025: support under Law 66/2011 (Law 53/2024 Art. 63), even when
    # given after 1/7/2025, so no interpretation regime.
    july = eligibility(case, on=date(2025, 7, 15)).regimes
    assert "essential_needs" in july and "interpretation" not in july
    _to_closure(
        case,
        [
            (State.SUPPORT, date(2025, 7, 15), "worker"),
            (State.REINTEGRATION, date(2025, 9, 1), "worker"),
            (State.FOLLOW_UP, date(2025, 10, 1), "worker"),
            (State.CLOSED, date(2025, 12, 1), "head"),
        ],
        people,
    )


def test_a_2026_case_under_law_53_2024_as_amended():
    people = _people()
    case = CaseFactory(
        owner=HEALTH,
        received_on=date(2026, 3, 2),
        notified_on=date(2026, 3, 2),
        source="commune",
    )
    # Art. 27: "chậm nhất là 03 ngày" from notification, calendar days: Thursday 5/3.
    assert case.verification_due == date(2026, 3, 5)
    case = _move(case, State.VERIFYING, date(2026, 3, 3), people["worker"])
    _refused(case, State.IDENTIFIED, date(2026, 3, 5), people["head"])
    _refer(case, BORDER, date(2026, 3, 4), people["worker"], people["border"])
    case = _move(case, State.IDENTIFIED, date(2026, 3, 5), people["border"])
    assert case.events.last().agency.code == BORDER
    # The border guard identifies; it does not decide support (Art. 37: social protection).
    _refused(case, State.SUPPORT, date(2026, 3, 6), people["border"])
    assert "interpretation" in eligibility(case, on=date(2026, 3, 6)).regimes
    _to_closure(
        case,
        [
            (State.SUPPORT, date(2026, 3, 6), "worker"),
            (State.REINTEGRATION, date(2026, 4, 1), "worker"),
            (State.FOLLOW_UP, date(2026, 5, 4), "worker"),
            (State.CLOSED, date(2026, 6, 1), "head"),
        ],
        people,
    )


def test_the_limit_ends_on_the_next_working_day_after_a_weekend():
    # Notified on Thursday 5/3/2026: three days end on Sunday 8/3, so Monday 9/3.
    case = CaseFactory(
        owner=HEALTH, received_on=date(2026, 3, 5), notified_on=date(2026, 3, 5), source="self"
    )
    assert case.verification_due == date(2026, 3, 9)


@pytest.mark.parametrize("source", ["mission_abroad", "rescue"])
def test_the_domestic_limit_does_not_apply_to_the_abroad_and_rescue_routes(source):
    case = CaseFactory(
        owner=HEALTH, received_on=date(2026, 3, 2), notified_on=date(2026, 3, 2), source=source
    )
    assert case.verification_due is None


def test_no_limit_before_any_rule_rather_than_a_wrong_one():
    # Before Joint Circular 01/2014 (in force 25/3/2014) ctip knows no day count.
    case = CaseFactory(
        owner=HEALTH, received_on=date(2013, 5, 6), notified_on=date(2013, 5, 6), source="commune"
    )
    assert case.verification_due is None


def _client_for(client_class, user):
    from tests.helpers import add_totp, log_in

    client = client_class()
    log_in(client, user, add_totp(user))
    return client


def _post_step(client, case, state: str, on: str, reason: str = ""):
    response = client.post(
        f"/ho-so/{case.pk}/chuyen/", {"to_state": state, "on": on, "reason": reason}
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def test_imported_historical_cases_are_moved_to_closure_through_the_web(tmp_path):
    """`ctip import cases` brings paper files from 2019 and 2024; officials then work them
    through the pages, each step under the law in force on its date."""
    import json

    from django.core.management import call_command
    from django.test import Client

    from ctip.victims.models import Case, Referral

    people = _people()
    rows = [
        {
            "full_name": "Hồ Thị Lan",
            "sex": "female",
            "age": 19,
            "nationality": "VN",
            "home_unit": "21157",
            "received_on": received,
            "source": "commune",
        }
        for received in ("2019-05-06", "2024-10-04")
    ]
    path = tmp_path / "ho-so-cu.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    call_command("import", "cases", str(path), agency=HEALTH)
    cases = list(Case.objects.filter(received_on__year__in=(2019, 2024)).order_by("received_on"))
    assert len(cases) == 2
    health = _client_for(Client, people["worker"])
    head = _client_for(Client, people["head"])
    police = _client_for(Client, people["police"])
    police_desk = _client_for(Client, make_user("tiepnhanca", "case_worker", agency=POLICE))
    for case in cases:
        year = case.received_on.year
        month = case.received_on.month
        # A step dated before the one before it is refused: its date chooses the law.
        early = health.post(
            f"/ho-so/{case.pk}/chuyen/",
            {"to_state": State.VERIFYING, "on": f"01/{month}/{year - 1}", "reason": ""},
        )
        assert early.status_code == 200 and "trước ngày của bước trước" in early.content.decode()
        _post_step(health, case, State.VERIFYING, f"07/{month}/{year}")
        # The health department may not confirm a victim: the step is not offered, and posted
        # anyway it is refused and nothing changes (issue 24).
        offered = head.get(f"/ho-so/{case.pk}/chuyen/").context["choices"]
        assert State.IDENTIFIED not in dict(offered)
        refused = head.post(
            f"/ho-so/{case.pk}/chuyen/",
            {"to_state": State.IDENTIFIED, "on": f"09/{month}/{year}", "reason": ""},
        )
        case.refresh_from_db()
        assert refused.status_code == 403 and case.state == State.VERIFYING
        response = health.post(
            f"/ho-so/{case.pk}/bao-ve/",
            {
                "referral": "1",
                "to_agency": Agency.objects.get(code=POLICE).pk,
                "reason": "hồ sơ cũ số 7731",
                "override_reason": "Luật giao Công an xác định nạn nhân",
            },
        )
        assert response.status_code in (200, 302)
        referral = Referral.objects.get(case=case)
        accepted = police_desk.post(f"/chuyen-ho-so/{referral.pk}/accept/")
        assert accepted.status_code in (200, 302)
        _post_step(police, case, State.IDENTIFIED, f"09/{month}/{year}")
        for state, on, client in (
            (State.SUPPORT, f"12/{month}/{year}", health),
            (State.REINTEGRATION, f"20/{month}/{year}", health),
            (State.FOLLOW_UP, f"28/{month}/{year}", health),
            (State.CLOSED, f"05/{month + 1}/{year}", head),
        ):
            _post_step(client, case, state, on)
        case.refresh_from_db()
        assert case.state == State.CLOSED
        # Each step is recorded as taken by the body as it stood on its date: the provincial
        # police of old Quảng Ngãi (qng-ca), whose records today's police carry.
        assert case.events.get(to_state=State.IDENTIFIED).agency.code == "qng-ca"


def test_a_stateless_resident_is_recorded_on_the_web_and_gets_a_citizens_regimes(client):
    """Law 53/2024 Art. 37: a stateless person permanently resident in Vietnam has a citizen's
    support, not a foreigner's case-by-case regimes."""
    from ctip.victims.models import Case
    from tests.helpers import add_totp, log_in

    worker = make_user("xahoi", "case_worker", agency=HEALTH)
    log_in(client, worker, add_totp(worker))
    response = client.post(
        "/ho-so/them/",
        {
            "received_on": "02/03/2026",
            "notified_on": "02/03/2026",
            "source": "border_guard",
            "full_name": "Người Không Quốc Tịch",
            "sex": "female",
            "age_at_reception": "30",
            "nationality": "XX",
            "stateless_resident": "on",
            "home_unit": "21157",
            "accompanying_children": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    case = Case.objects.get(received_on=date(2026, 3, 2), nationality="XX")
    assert case.stateless_resident
    entitled = eligibility(case, on=date(2026, 3, 3))
    assert not entitled.case_by_case and "interpretation" in entitled.regimes


def test_the_import_records_a_stateless_resident_and_refuses_a_bad_value(tmp_path):
    import json

    from django.core.management import call_command
    from django.core.management.base import CommandError

    from ctip.victims.models import Case

    row = {
        "full_name": "Người Không Quốc Tịch Cũ",
        "sex": "male",
        "age": 40,
        "nationality": "XX",
        "home_unit": "21157",
        "received_on": "2024-10-04",
        "source": "commune",
    }
    path = tmp_path / "cases.json"
    path.write_text(json.dumps([{**row, "stateless_resident": "có"}, row]), encoding="utf-8")
    call_command("import", "cases", str(path), agency=HEALTH)
    flags = sorted(
        Case.objects.filter(nationality="XX").values_list("stateless_resident", flat=True)
    )
    assert flags == [False, True]
    path.write_text(json.dumps([{**row, "stateless_resident": "hmm"}]), encoding="utf-8")
    with pytest.raises(CommandError, match="stateless_resident"):
        call_command("import", "cases", str(path), agency=HEALTH)
    assert Case.objects.filter(nationality="XX").count() == 2


def test_support_from_a_body_that_did_not_exist_that_day_is_refused():
    from ctip.victims.models import SupportGiven
    from ctip.victims.support import SupportError

    case = CaseFactory(owner=HEALTH, received_on=date(2019, 3, 4), source="commune")
    police = Agency.objects.get(code="qng-ca")
    _record(
        _record(case, State.VERIFYING, date(2019, 3, 5), "", None),
        State.IDENTIFIED,
        date(2019, 3, 7),
        "",
        None,
        police,
    )
    # The legal aid centre of the merged province (from 1/7/2025) has no 2019 predecessor in
    # ctip's data: it cannot have given support in 2019.
    newer = Agency.objects.filter(valid_from__gte=date(2025, 7, 1), predecessors__isnull=True)
    provider = newer.filter(kind="legal_aid").first() or newer.first()
    with pytest.raises(SupportError, match="không hoạt động vào ngày 10/3/2019"):
        support_give(
            case=case,
            regime="medical",
            given_on=date(2019, 3, 10),
            provider=provider,
            amount=0,
            acting_user=None,
        )
    assert not SupportGiven.objects.filter(case=case).exists()
