"""Issue 26, API tokens: stored hashed, issued after the second factor, expiring, revocable,
narrowed to their scopes and never to a personal-data permission; machine clients' tokens
issued by a manager of their account; rate limits per token."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from ctip.accounts.models import User
from ctip.accounts.scope import has_perm, user_permissions
from ctip.api.models import ApiToken, MachineClient, TokenKind
from ctip.api.permissions import NEVER_BY_TOKEN, SCOPES, token_permissions
from ctip.api.services import TokenError, token_issue, token_revoke
from ctip.core.models import AuditEntry
from ctip.core.permissions import P
from ctip.geo.models import Level
from tests.conftest import NEW, unit
from tests.helpers import add_totp, log_in, make_user
from tests.test_api_support import ALL_SCOPES, call, make_token

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r"ctip_[a-z2-7]{8}_[A-Za-z0-9_-]{43}")


def _soon(days: int = 30):
    return timezone.now() + timedelta(days=days)


def test_only_the_digest_of_the_secret_is_stored_and_the_issue_is_audited():
    user = make_user("t-officer", "agency_officer", agency="qng-ca-2025")
    token, text = token_issue(
        user=user, name="Báo cáo", scopes=["activities:read"], expires_at=_soon(), acting_user=user
    )
    assert TOKEN.fullmatch(text)
    secret = text.split("_", 2)[2]
    row = ApiToken.objects.get(pk=token.pk)
    assert row.digest == hashlib.sha256(secret.encode()).hexdigest()
    stored = " ".join(str(v) for v in ApiToken.objects.filter(pk=token.pk).values().get().values())
    assert secret not in stored
    entry = AuditEntry.objects.get(action="api.token_issue")
    assert entry.actor_id == user.pk and entry.object_id == str(token.pk)
    assert secret not in str(entry.changes) and token.prefix in str(entry.changes)
    assert call("get", "/api/v1/activities/", text).status_code == 200


def test_the_service_refuses_what_a_token_may_not_be():
    user = make_user("t-leader", "leader", unit=unit(51, Level.PROVINCE, NEW))
    other = make_user("t-other", "leader", unit=unit(51, Level.PROVINCE, NEW))
    good = {"user": user, "name": "x", "scopes": ["indicators:read"], "acting_user": user}
    for wrong in (
        {"expires_at": _soon(400)},  # longer than a year
        {"expires_at": timezone.now() - timedelta(days=1)},
        {"expires_at": _soon(), "scopes": []},
        {"expires_at": _soon(), "scopes": ["cases:read"]},
        {"expires_at": _soon(), "name": ""},
        {"expires_at": _soon(), "acting_user": other},  # a personal token for someone else
    ):
        with pytest.raises(TokenError):
            token_issue(**{**good, **wrong})
    assert (
        not ApiToken.objects.exists()
        and not AuditEntry.objects.filter(action="api.token_issue").exists()
    )


def test_no_token_carries_a_personal_data_permission_whatever_the_role():
    assert token_permissions(ALL_SCOPES).isdisjoint(NEVER_BY_TOKEN)
    worker = make_user("t-worker", "case_worker", agency="qng-syt-2025")
    assert has_perm(worker, P.VIEW_PERSONAL_DATA)
    _token, text = make_token(worker)
    response = call("get", "/api/v1/activities/", text)
    assert response.status_code == 200
    user = response.wsgi_request.user
    assert user.pk == worker.pk
    assert user_permissions(user).isdisjoint(NEVER_BY_TOKEN)
    assert not has_perm(user, P.VIEW_PERSONAL_DATA) and not has_perm(user, P.VIEW_VICTIM_CASES)
    # Narrowed to the scopes: activities only.
    _token, text = make_token(worker, ["activities:read"])
    user = call("get", "/api/v1/activities/", text).wsgi_request.user
    assert user_permissions(user) == SCOPES["activities:read"] & user_permissions(worker)


@pytest.mark.parametrize("state", ["expired", "revoked", "inactive", "wrong", "unknown", "junk"])
def test_a_token_that_is_not_in_force_is_refused_with_a_bearer_challenge(state):
    user = make_user("t-officer", "agency_officer", agency="qng-ca-2025")
    token, text = make_token(user, days=-1 if state == "expired" else 30)
    if state == "revoked":
        token_revoke(token=token, acting_user=user)
    if state == "inactive":
        User.objects.filter(pk=user.pk).update(is_active=False)
    if state == "wrong":
        text = text[:-3] + ("AAA" if not text.endswith("AAA") else "BBB")
    if state == "unknown":
        text = "ctip_zzzzzzzz_" + text.split("_", 2)[2]
    if state == "junk":
        text = "ctip__\u00e9"
    response = call("get", "/api/v1/activities/", text)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response["Content-Type"] == "application/json"


def test_a_revocation_takes_effect_on_the_next_request_and_is_audited():
    user = make_user("t-officer", "agency_officer", agency="qng-ca-2025")
    token, text = make_token(user)
    assert call("get", "/api/v1/activities/", text).status_code == 200
    token_revoke(token=token, acting_user=user)
    assert call("get", "/api/v1/activities/", text).status_code == 401
    entry = AuditEntry.objects.get(action="api.token_revoke")
    assert entry.actor_id == user.pk and entry.object_id == str(token.pk)
    with pytest.raises(TokenError):
        token_revoke(token=token, acting_user=user)  # twice
    stranger = make_user("t-stranger", "agency_officer", agency="qng-ca-2025")
    other, _text = make_token(user)
    with pytest.raises(TokenError):
        token_revoke(token=other, acting_user=stranger)


def test_last_use_is_recorded_at_most_once_a_minute():
    user = make_user("t-officer", "agency_officer", agency="qng-ca-2025")
    token, text = make_token(user)
    call("get", "/api/v1/activities/", text)
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    call("get", "/api/v1/activities/", text)
    token.refresh_from_db()
    assert token.last_used_at == first


def test_the_rate_limit_is_per_token():
    user = make_user("t-officer", "agency_officer", agency="qng-ca-2025")
    _token, text = make_token(user, rate="2/hour")
    _other, fresh = make_token(user, rate="2/hour")
    assert [call("get", "/api/v1/activities/", text).status_code for _ in range(2)] == [200, 200]
    refused = call("get", "/api/v1/activities/", text)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert refused["Content-Type"] == "application/json"
    assert call("get", "/api/v1/activities/", fresh).status_code == 200


# --- the pages --------------------------------------------------------------------------------


def test_a_token_is_issued_only_after_the_second_factor_in_this_session():
    leader = make_user("t-leader", "leader", unit=unit(51, Level.PROVINCE, NEW))
    client = Client()
    log_in(client, leader)  # a leader's role does not force the second factor at login
    page = client.get("/api/v1/ma-truy-cap/")
    assert page.status_code == 302 and page["Location"].startswith("/tai-khoan/xac-thuc/")
    posted = client.post(
        "/api/v1/ma-truy-cap/", {"name": "Bảng tin", "scopes": ["indicators:read"], "days": 30}
    )
    assert posted.status_code == 302 and not ApiToken.objects.exists()
    verified = Client()
    log_in(verified, leader, add_totp(leader))
    page = verified.post(
        "/api/v1/ma-truy-cap/", {"name": "Bảng tin", "scopes": ["indicators:read"], "days": 30}
    )
    assert page.status_code == 200
    (text,) = TOKEN.findall(page.content.decode())
    token = ApiToken.objects.get()
    assert (token.user, token.kind, token.scopes) == (
        leader,
        TokenKind.PERSONAL,
        ["indicators:read"],
    )
    assert AuditEntry.objects.filter(action="api.token_issue", actor=leader).count() == 1
    # Shown once: the list shows the prefix only.
    again = verified.get("/api/v1/ma-truy-cap/").content.decode()
    assert token.prefix in again and text not in again
    assert call("get", "/api/v1/indicators/catalog/", text).status_code == 200
    # Revoked from the page.
    verified.post(f"/api/v1/ma-truy-cap/{token.pk}/thu-hoi/")
    assert call("get", "/api/v1/indicators/catalog/", text).status_code == 401
    assert AuditEntry.objects.filter(action="api.token_revoke", actor=leader).count() == 1


def test_a_user_sees_and_revokes_only_their_own_tokens():
    owner = make_user("t-owner", "leader", unit=unit(51, Level.PROVINCE, NEW))
    other = make_user("t-other", "leader", unit=unit(51, Level.PROVINCE, NEW))
    token, text = make_token(owner)
    client = Client()
    log_in(client, other, add_totp(other))
    assert token.prefix not in client.get("/api/v1/ma-truy-cap/").content.decode()
    assert client.post(f"/api/v1/ma-truy-cap/{token.pk}/thu-hoi/").status_code == 404
    assert call("get", "/api/v1/indicators/catalog/", text).status_code == 200


def _machine_token(user: User, acting_user: User, name: str = "x"):
    """A machine token reading indicators, issued to `user` by `acting_user`."""
    return token_issue(
        user=user,
        name=name,
        scopes=["indicators:read"],
        expires_at=_soon(),
        kind=TokenKind.MACHINE,
        acting_user=acting_user,
    )


def _machine_account(name: str = "he-thong-bo") -> User:
    """A machine client's account (test set-up: written directly, as the service would)."""
    account = make_user(name, "leader", unit=unit(51, Level.PROVINCE, NEW))
    account.set_unusable_password()
    account.save()
    MachineClient.objects.create(user=account)
    return account


def test_a_manager_issues_a_machine_clients_token_within_their_reach():
    office = make_user("t-office", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    machine = _machine_account()
    client = Client()
    log_in(client, office, add_totp(office))
    path = f"/api/v1/nguoi-dung/{machine.pk}/ma-truy-cap/"
    page = client.post(path, {"name": "Cổng Bộ", "scopes": ["indicators:read"], "days": 365})
    (text,) = TOKEN.findall(page.content.decode())
    token = ApiToken.objects.get()
    assert (token.user, token.kind, token.created_by) == (machine, TokenKind.MACHINE, office)
    assert AuditEntry.objects.get(action="api.token_issue").actor_id == office.pk
    assert call("get", "/api/v1/indicators/catalog/", text).status_code == 200
    client.post(f"/api/v1/ma-truy-cap/{token.pk}/thu-hoi/")
    assert call("get", "/api/v1/indicators/catalog/", text).status_code == 401


def test_machine_tokens_only_for_accounts_nobody_logs_into_and_within_reach():
    office = make_user("t-office", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    person = make_user("t-person", "leader", unit=unit(51, Level.PROVINCE, NEW))  # a password
    far = _machine_account("he-thong-xa")
    far.assignments.update(unit=unit(1, Level.PROVINCE, NEW))
    client = Client()
    log_in(client, office, add_totp(office))
    form = {"name": "x", "scopes": ["indicators:read"], "days": 30}
    page = client.post(f"/api/v1/nguoi-dung/{person.pk}/ma-truy-cap/", form)
    assert page.status_code == 200 and not ApiToken.objects.exists()
    assert client.post(f"/api/v1/nguoi-dung/{far.pk}/ma-truy-cap/", form).status_code == 404
    assert not ApiToken.objects.exists()
    with pytest.raises(TokenError):
        _machine_token(far, office, "x")
    # Not a manager: no page.
    leader = make_user("t-leader", "leader", unit=unit(51, Level.PROVINCE, NEW))
    other = Client()
    log_in(other, leader, add_totp(leader))
    assert other.get(f"/api/v1/nguoi-dung/{person.pk}/ma-truy-cap/").status_code == 403


# --- review of issue 26: findings 3, 5, 6, 7 -------------------------------------------------


def _machine_form(unit_code: int = 51) -> dict:
    return {
        "username": "he-thong-cong-bo",
        "email": "cong-bo@example.org",
        "role": "leader",
        "unit": str(unit(unit_code, Level.PROVINCE, NEW).code),
    }


def test_a_machine_token_is_refused_on_a_persons_account_awaiting_its_password():
    # A person's new account has no usable password until its owner follows the link: that
    # alone must not make it a machine client (finding 3).
    from ctip.accounts.services import user_create

    office = make_user("t-office", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    person = user_create(
        username="t-new-person",
        email="person@example.org",
        role="leader",
        unit=unit(51, Level.PROVINCE, NEW),
        acting_user=office,
    )
    assert not person.has_usable_password()
    with pytest.raises(TokenError):
        _machine_token(person, office, "x")
    # A machine token written on such an account anyway is refused at every request.
    _token, text = make_token(person, ["indicators:read"], kind=TokenKind.MACHINE)
    assert call("get", "/api/v1/indicators/catalog/", text).status_code == 401


def test_a_manager_creates_a_machine_client_and_its_tokens_die_once_it_gets_a_password():
    office = make_user("t-office", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    client = Client()
    log_in(client, office, add_totp(office))
    created = client.post("/api/v1/he-thong-ket-noi/moi/", _machine_form())
    machine = User.objects.get(username="he-thong-cong-bo")
    assert created.status_code == 302
    assert created["Location"] == f"/api/v1/nguoi-dung/{machine.pk}/ma-truy-cap/"
    assert MachineClient.objects.get(user=machine).created_by == office
    assert not machine.has_usable_password()
    assert AuditEntry.objects.filter(action="accounts.user_create", object_id=str(machine.pk))
    token, text = _machine_token(machine, office, "Cổng Bộ")
    assert call("get", "/api/v1/indicators/catalog/", text).status_code == 200
    machine.set_password("someone-chose-a-password")
    machine.save()
    assert call("get", "/api/v1/indicators/catalog/", text).status_code == 401
    with pytest.raises(TokenError):
        _machine_token(machine, office, "again")
    # Not a manager: no page.
    leader = make_user("t-leader", "leader", unit=unit(51, Level.PROVINCE, NEW))
    other = Client()
    log_in(other, leader, add_totp(leader))
    assert other.get("/api/v1/he-thong-ket-noi/moi/").status_code == 403


def test_a_machine_client_outside_the_managers_reach_is_not_created():
    office = make_user("t-office", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    client = Client()
    log_in(client, office, add_totp(office))
    page = client.post("/api/v1/he-thong-ket-noi/moi/", _machine_form(unit_code=1))
    assert page.status_code == 200
    assert not User.objects.filter(username="he-thong-cong-bo").exists()
    assert not MachineClient.objects.exists()


def test_reactivating_an_account_does_not_revive_its_old_tokens():
    from ctip.accounts.services import user_deactivate, user_reactivate

    office = make_user("t-office", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    leader = make_user("t-leader", "leader", unit=unit(51, Level.PROVINCE, NEW))
    _token, text = make_token(leader, ["indicators:read"])
    assert call("get", "/api/v1/indicators/catalog/", text).status_code == 200
    user_deactivate(user=leader, acting_user=office)
    assert call("get", "/api/v1/indicators/catalog/", text).status_code == 401
    user_reactivate(user=leader, acting_user=office)
    assert call("get", "/api/v1/indicators/catalog/", text).status_code == 401
    # A token issued after the reactivation works.
    _fresh, new = make_token(leader, ["indicators:read"])
    assert call("get", "/api/v1/indicators/catalog/", new).status_code == 200


def test_wrong_tokens_are_throttled_per_address(monkeypatch):
    monkeypatch.setattr("ctip.api.throttles.FAILED_AUTH_RATE", "3/hour")
    user = make_user("t-officer", "agency_officer", agency="qng-ca-2025")
    _token, good = make_token(user)
    wrong = good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB")
    here = {"REMOTE_ADDR": "203.0.113.7"}
    codes = [call("get", "/api/v1/activities/", wrong, **here).status_code for _ in range(4)]
    assert codes == [401, 401, 401, 429]
    # Past the limit even a right token from that address waits (no guessing on).
    refused = call("get", "/api/v1/activities/", good, **here)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert refused["Content-Type"] == "application/json"
    # Another address is not held back.
    assert call("get", "/api/v1/activities/", good, REMOTE_ADDR="198.51.100.2").status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/ma-truy-cap/", "machine"])
def test_the_pages_that_show_a_new_token_are_never_cached(path):
    office = make_user("t-office", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    if path == "machine":
        path = f"/api/v1/nguoi-dung/{_machine_account().pk}/ma-truy-cap/"
    client = Client()
    log_in(client, office, add_totp(office))
    page = client.post(path, {"name": "x", "scopes": ["indicators:read"], "days": 30})
    assert page.status_code == 200 and TOKEN.findall(page.content.decode())
    assert "no-store" in page["Cache-Control"]
