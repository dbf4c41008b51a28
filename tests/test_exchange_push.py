"""Issue 27, point 2: a province pushes its figures to a national ctip, both in one test on two
databases. The first send finds the receiver down; the worker's retry succeeds; the figures are
applied exactly once (a sender's resend is "already applied", a replayed request and a tampered
one are refused); a newer push replaces them as version 2 and an older one is refused. The
payload carries figures only: no value of any personal field of the seeded world."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_q.models import Schedule

from ctip.core.models import AuditEntry
from ctip.core.personal import personal_fields
from ctip.exchange import payload as payloads
from ctip.exchange import signing, transport
from ctip.exchange.jobs import outbox_send
from ctip.exchange.models import Outbox, ReceivedFigure, ReceivedPush
from ctip.exchange.sending import SEND_JOB, push_queue
from ctip.victims.models import Case
from tests.exchange_world import NationalTransport, configure, national, post_to_national
from tests.factories import ActivityFactory, CaseFactory, commune
from tests.route_walk import markers_in, people, seed

pytestmark = pytest.mark.django_db(databases=["default", "other"])
SEPTEMBER = date(2025, 9, 12)


@pytest.fixture
def wire(settings, monkeypatch) -> NationalTransport:
    configure(settings)
    fake = NationalTransport(down=1)
    monkeypatch.setattr(transport, "post", fake)
    return fake


def province_data() -> None:
    where = commune(21157, SEPTEMBER)
    for sessions in (2, 3):
        ActivityFactory(agency="qng-ca-2025", start_date=SEPTEMBER, unit=where, sessions=sessions)
    for _ in range(7):
        CaseFactory(received_on=SEPTEMBER)


def national_counts() -> tuple[int, int, int]:
    with national():
        return (
            ReceivedPush.objects.count(),
            ReceivedFigure.objects.count(),
            AuditEntry.objects.filter(action="exchange.push_apply").count(),
        )


def test_push_fails_then_retries_and_is_applied_once(wire, django_capture_on_commit_callbacks):
    province_data()
    # The command's service: queued, and the send job runs once the transaction commits (the
    # test worker runs jobs synchronously): the national ctip is down.
    with django_capture_on_commit_callbacks(execute=True):
        row, created = push_queue(period="2025", acting_user=None)
    assert created
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, "HTTP 503")
    assert row.next_attempt_at > timezone.now() + timedelta(seconds=30)
    assert national_counts() == (0, 0, 0)
    # The failure booked the retry with the worker.
    booked = Schedule.objects.get(func=SEND_JOB, schedule_type=Schedule.ONCE)
    assert booked.next_run == row.next_attempt_at
    # Not due yet: nothing sent.
    assert outbox_send() == {"sent": 0, "waiting": 0, "failed": 0}

    # The delay has passed: the worker retries and the national ctip applies the push.
    Outbox.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
    done = outbox_send()
    row.refresh_from_db()
    assert done == {"sent": 1, "waiting": 0, "failed": 0}, (row.last_error, wire.answers[-1])
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, "")
    assert json.loads(wire.answers[-1].body) == {"code": "applied", "version": 1}
    sent = json.loads(row.body)
    additive = len(payloads.pushed_indicators())
    assert len(sent["figures"]) == additive
    assert national_counts() == (1, additive, 1)
    with national():
        push = ReceivedPush.objects.get()
        assert (push.province_code, push.period, push.version) == ("51", "2025", 1)
        got = {f.indicator: f for f in ReceivedFigure.objects.all()}
    for figure in sent["figures"]:
        stored = got[figure["indicator"]]
        assert stored.disclosure == figure["disclosure"]
        assert (None if stored.value is None else int(stored.value)) == figure["value"]
    values = {f["indicator"]: f for f in sent["figures"]}
    assert values["prevention.sessions"]["value"] == 5
    assert values["prevention.sessions"]["disclosure"] == "exact"
    # 7 victims: a count of persons, rounded to the nearest 5 as the API shows it.
    victims = values["victims.received"]
    assert (victims["disclosure"], victims["value"]) == ("rounded", 5)
    # The sender's database holds no received figures; the receiver's holds no outbox.
    assert ReceivedPush.objects.count() == 0
    assert AuditEntry.objects.filter(action="exchange.push_queue").count() == 1
    with national():
        assert Outbox.objects.count() == 0

    # The sender resends (its answer was lost): a fresh signature, the same push id.
    Outbox.objects.filter(pk=row.pk).update(status="pending")
    assert outbox_send()["sent"] == 1
    assert json.loads(wire.answers[-1].body) == {"code": "already_applied"}
    assert national_counts() == (1, additive, 1)

    # A captured request replayed as it was: refused.
    body, headers = wire.calls[-1]
    replay = post_to_national(body, headers)
    assert (replay.status, json.loads(replay.body)["code"]) == (409, "replay")
    # A figure changed on the way, signature kept: refused.
    tampered = body.replace(b'"value":5', b'"value":50', 1)
    assert tampered != body
    answer = post_to_national(
        tampered, {**headers, signing.TIME_HEADER: str(int(timezone.now().timestamp()))}
    )
    assert (answer.status, json.loads(answer.body)["code"]) == (401, "bad_signature")
    assert national_counts() == (1, additive, 1)

    # The same figures queued again are the same push, not a second row.
    assert push_queue(period="2025", acting_user=None)[1] is False


def test_newer_push_replaces_older_is_refused(wire):
    wire.down = 0
    province_data()
    first, _ = push_queue(period="2025", acting_user=None, now=timezone.now())
    outbox_send()
    ActivityFactory(agency="qng-ca-2025", start_date=SEPTEMBER, unit=commune(21157, SEPTEMBER))
    second, _ = push_queue(period="2025", acting_user=None)
    assert second.push_id != first.push_id
    outbox_send()
    assert json.loads(wire.answers[-1].body) == {"code": "applied", "version": 2}
    with national():
        assert list(ReceivedPush.objects.order_by("version").values_list("current", flat=True)) == [
            False,
            True,
        ]
        sessions = ReceivedFigure.objects.get(indicator="prevention.sessions")
        assert (sessions.value, sessions.push.version) == (6, 2)
    # A push computed before version 2 (a late one from another operator's run): refused.
    late = payloads.build(
        province_code="51",
        period=payloads.parse_period("2025"),
        now=timezone.now() - timedelta(days=1),
    )
    late["figures"][0]["estimate"] = not late["figures"][0]["estimate"]
    content = {k: late[k] for k in ("province", "period", "threshold", "figures")}
    late["content_hash"] = signing.digest(signing.canonical(content))
    body = signing.canonical(late)
    answer = post_to_national(
        body, signing.headers(timestamp=int(timezone.now().timestamp()), body=body)
    )
    assert (answer.status, json.loads(answer.body)["code"]) == (409, "older")
    assert national_counts()[0] == 2


def test_payload_holds_no_personal_data(settings):
    """The seeded world has a marker in every personal field (victims' encrypted fields,
    suspects', watched persons'); none reaches the payload, nor any personal field's name."""
    configure(settings)
    seed(people())
    data = payloads.build(province_code="51", period=payloads.parse_period("2025"))
    text = signing.canonical(data).decode()
    assert data["figures"]
    assert markers_in(text) == []
    keys = set(data) | {key for figure in data["figures"] for key in figure}
    assert not keys & set(personal_fields(Case))
    assert keys <= {*payloads_fields()}


def payloads_fields() -> set[str]:
    from ctip.exchange.receiving import FIGURE_FIELDS, TOP_FIELDS

    return FIGURE_FIELDS | TOP_FIELDS


def test_push_command_queues_and_sends(wire):
    wire.down = 0
    out = io.StringIO()
    call_command("push", "--period", "2025-Q3", "--now", stdout=out)
    push_id = Outbox.objects.get().push_id
    assert push_id.startswith("51/2025-Q3/")
    assert out.getvalue().splitlines() == [f"{push_id}: queued", f"{push_id}: sent, 1 attempt(s)"]
    assert national_counts()[0] == 1
    with pytest.raises(CommandError, match="Kỳ không hợp lệ"):
        call_command("push", "--period", "2025-Q5")
