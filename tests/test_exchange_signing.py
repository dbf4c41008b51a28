"""Issue 27: the push's signature, the receiver's checks (key, time window, province, shape of
the payload) and the sender's retry policy, one by one."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta
from typing import Any

import pytest
from django.db.models import Q
from django.utils import timezone

from ctip.core.models import AuditEntry
from ctip.exchange import signing, transport
from ctip.exchange.models import Outbox, ReceivedFigure, ReceivedPush
from ctip.exchange.payload import FORMAT, definition_hash, parse_period
from ctip.exchange.receiving import push_receive
from ctip.exchange.sending import backoff, outbox_attempt
from ctip.indicators.registry import REGISTRY, IndicatorError
from tests.exchange_world import KEY_ID, SECRET, configure

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keys(settings) -> None:
    configure(settings)


def figure(**changes: Any) -> dict[str, Any]:
    return {
        "indicator": "prevention.sessions",
        "label": "Số buổi tuyên truyền",
        "unit": "buổi",
        "kind": "flow",
        "definition": "0123456789abcdef",
        "disclosure": "exact",
        "value": 12,
        "estimate": False,
        **changes,
    }


def payload(*figures: dict[str, Any], province: str = "51", ago: int = 0) -> bytes:
    content = {
        "province": {"code": province, "name": "Tỉnh Quảng Ngãi"},
        "period": {"code": "2025", "start": "2025-01-01", "end": "2025-12-31"},
        "threshold": 5,
        "figures": list(figures) or [figure()],
    }
    data = {
        **content,
        "format": FORMAT,
        "content_hash": signing.digest(signing.canonical(content)),
        "computed_at": (timezone.now() - timedelta(minutes=ago)).isoformat(),
    }
    return signing.canonical(data)


def now_ts(shift: int = 0) -> int:
    return int(timezone.now().timestamp()) + shift


def receive(body: bytes, *, shift: int = 0, key: str = KEY_ID, secret: str = SECRET) -> Any:
    ts = now_ts(shift)
    nonce = signing.new_nonce()
    headers = {
        signing.KEY_HEADER: key,
        signing.TIME_HEADER: str(ts),
        signing.NONCE_HEADER: nonce,
        signing.SIGNATURE_HEADER: signing.sign(
            key_id=key, secret=secret.encode(), timestamp=ts, nonce=nonce, body=body
        ),
    }
    return push_receive(body=body, headers=headers)


def test_signature_binds_body_time_nonce_and_key():
    body, peer = payload(), signing.peers()[KEY_ID]
    nonce, other_nonce = signing.new_nonce(), signing.new_nonce()
    sig = signing.sign(key_id=KEY_ID, secret=SECRET.encode(), timestamp=100, nonce=nonce, body=body)
    assert signing.verify(peer=peer, timestamp=100, nonce=nonce, body=body, signature=sig)
    assert not signing.verify(peer=peer, timestamp=101, nonce=nonce, body=body, signature=sig)
    assert not signing.verify(peer=peer, timestamp=100, nonce=other_nonce, body=body, signature=sig)
    assert not signing.verify(
        peer=peer, timestamp=100, nonce=nonce, body=body + b" ", signature=sig
    )
    other = dataclasses.replace(peer, secret=b"another key")
    assert not signing.verify(peer=other, timestamp=100, nonce=nonce, body=body, signature=sig)
    # A nonce is 32 hexadecimal digits: anything else is refused before any comparison.
    assert not signing.verify(peer=peer, timestamp=100, nonce="", body=body, signature=sig)


def test_two_sends_of_one_body_in_the_same_second_are_two_requests():
    # A retry after a lost answer may leave within the second of the first send: with the time
    # alone signed, its signature equalled the first one's and it was refused as a replay.
    body = payload()
    first = signing.headers(timestamp=100, body=body)
    second = signing.headers(timestamp=100, body=body)
    assert first[signing.NONCE_HEADER] != second[signing.NONCE_HEADER]
    assert first[signing.SIGNATURE_HEADER] != second[signing.SIGNATURE_HEADER]
    assert signing.canonical({"b": 1, "a": "ư"}) == '{"a":"ư","b":1}'.encode()


def test_receiver_applies_a_valid_push_with_an_audit_row():
    outcome = receive(payload())
    assert (outcome.status, outcome.code, outcome.version) == (200, "applied", 1)
    assert ReceivedFigure.objects.get().value == 12
    entry = AuditEntry.objects.get(action="exchange.push_apply")
    assert entry.object_id == str(ReceivedPush.objects.get().pk)


@pytest.mark.parametrize(
    ("kwargs", "status", "code"),
    [
        ({"key": "khong-co"}, 401, "bad_signature"),
        ({"secret": "sai-khoa"}, 401, "bad_signature"),
        ({"shift": -301}, 401, "stale"),
        ({"shift": 301}, 401, "stale"),
        # A key of province 01 cannot push for province 51.
        ({"key": "tinh-01", "secret": "khac"}, 403, "wrong_province"),
    ],
)
def test_receiver_refuses_bad_keys_and_times(kwargs, status, code):
    outcome = receive(payload(), **kwargs)
    assert (outcome.status, outcome.code) == (status, code)
    assert ReceivedPush.objects.count() == 0


@pytest.mark.parametrize(
    "bad",
    [
        figure(full_name="Nguyễn Thị An"),  # a personal field: refused whole
        figure(disclosure="withheld", value=3),  # a withheld figure must carry no value
        figure(disclosure="secret"),
        figure(value="not a number"),
    ],
)
def test_receiver_refuses_a_signed_payload_of_the_wrong_shape(bad):
    outcome = receive(payload(bad))
    assert (outcome.status, outcome.code) == (400, "malformed")
    assert ReceivedPush.objects.count() == 0


def test_receiver_checks_the_content_hash():
    data = json.loads(payload())
    data["figures"][0]["value"] = 13  # changed before signing, hash left as it was
    assert receive(signing.canonical(data)).code == "malformed"


def test_an_older_push_is_refused_a_newer_one_replaces():
    assert receive(payload(ago=5)).version == 1
    assert receive(payload(figure(value=20), ago=10)).code == "older"
    assert receive(payload(figure(value=30), ago=1)).version == 2
    assert ReceivedFigure.objects.get().value == 30


def test_periods():
    assert (parse_period("2025-Q3").start.month, parse_period("2025-Q3").end.day) == (7, 30)
    assert parse_period("2025").end.isoformat() == "2025-12-31"
    for text in ("2025-13", "25", "2025-Q5", "1999"):
        with pytest.raises(IndicatorError):
            parse_period(text)


def test_definition_hash_follows_the_definition():
    sessions = REGISTRY["prevention.sessions"]
    assert definition_hash(sessions) == definition_hash(sessions)
    narrowed = dataclasses.replace(sessions, filters=Q(kind="session"))
    assert definition_hash(narrowed) != definition_hash(sessions)


def test_backoff_doubles_to_a_cap():
    assert [backoff(n).total_seconds() for n in (1, 2, 3)] == [60, 120, 240]
    assert backoff(30) == timedelta(hours=6)
    # Past the 42nd attempt the doubling overflowed timedelta and stopped the worker.
    assert backoff(42) == backoff(10_000) == timedelta(hours=6)


def outbox_row() -> Outbox:
    return Outbox.objects.create(
        push_id="51/2025/abc",
        province_code="51",
        period="2025",
        content_hash="abc",
        url="http://quoc-gia.test/trao-doi/nhan/",
        body=payload().decode(),
        next_attempt_at=timezone.now(),
    )


def test_sender_keeps_no_reply_text_and_gives_up_on_refusals(monkeypatch):
    row = outbox_row()
    reply = b'{"detail": "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b An"}'
    monkeypatch.setattr(transport, "post", lambda *a: transport.Answer(500, reply))
    outbox_attempt(row)
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, "HTTP 500")
    monkeypatch.setattr(transport, "post", lambda *a: transport.Answer(409, b'{"code": "older"}'))
    outbox_attempt(row)
    assert (row.status, row.attempts, row.last_error) == ("failed", 2, "HTTP 409 older")


def test_sender_retries_after_a_network_error(monkeypatch):
    row = outbox_row()

    def refused(*args: Any) -> Any:
        raise ConnectionRefusedError("http://user:secret@quoc-gia.test refused")

    monkeypatch.setattr(transport, "post", refused)
    before = timezone.now()
    outbox_attempt(row)
    assert (row.status, row.last_error) == ("pending", "ConnectionRefusedError")
    assert row.next_attempt_at >= before + timedelta(minutes=1)


def test_a_peer_province_code_is_read_as_a_number(settings):
    """GSO writes "01" for Hà Nội; a payload carries the unit's code ("1"): a peer written
    "tinh-01:01:..." was refused as another province's key on every push."""
    settings.CTIP_PUSH_PEERS = f"{KEY_ID}:051:{SECRET}; tinh-01:01:khac"
    assert {p.key_id: p.province_code for p in signing.peers().values()} == {
        KEY_ID: "51",
        "tinh-01": "1",
    }
    assert receive(payload()).code == "applied"
    outcome = receive(payload(province="1"), key="tinh-01", secret="khac")
    assert (outcome.status, outcome.code) == (200, "applied")
