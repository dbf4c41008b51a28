"""Issue 26: a write made with an API token names the token in its audit row (`via`), so that
what a stolen or misused token did can be found and told apart from its owner's own pages; the
channel is as unchangeable as who did it."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client

from ctip.accounts.models import User
from ctip.core.audit import audit_write
from ctip.core.audit_words import via_words
from ctip.core.models import AuditEntry
from tests.helpers import add_totp, log_in, make_user
from tests.test_api_activities import BODY
from tests.test_api_support import call, make_token
from tests.test_prevention_web import FORM
from tests.test_read_log_walk import _refused

pytestmark = pytest.mark.django_db


def _created() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action="prevention.activity_create").order_by("pk"))


def test_an_api_write_names_its_token_and_a_page_names_none():
    police = make_user("via-congan", "agency_officer", agency="qng-ca-2025")
    browser = Client()
    log_in(browser, police)
    assert browser.post("/hoat-dong/them/", FORM).status_code == 302
    token, text = make_token(police, ["activities:write"])
    assert call("post", "/api/v1/activities/", text, BODY).status_code == 201
    other, other_text = make_token(police, ["activities:write"])
    assert call("post", "/api/v1/activities/", other_text, BODY).status_code == 201
    screen, api, second = _created()
    assert screen.via is None
    assert api.via == f"api:{token.prefix}" and second.via == f"api:{other.prefix}"
    # The secret part of a token is never written down.
    assert text.rsplit("_", 1)[-1] not in str(AuditEntry.objects.values_list())


def test_the_channel_of_an_audit_row_cannot_be_rewritten():
    user = make_user("via-a")
    user.ctip_via = "api:abcd1234"
    with transaction.atomic():
        entry = audit_write(action="test.batch", acting_user=user, obj=user)
    rows = AuditEntry.objects.filter(pk=entry.pk)
    _refused(lambda: rows.update(via=None))
    _refused(lambda: rows.update(via="api:other"))
    assert AuditEntry.objects.get(pk=entry.pk).via == "api:abcd1234"
    # What stayed writable before stays writable (a batch's count is filled in after).
    rows.update(count=2)
    assert AuditEntry.objects.get(pk=entry.pk).count == 2


def test_the_channel_reads_as_words_in_the_audit_log(client):
    assert via_words(None) == via_words("") == "Màn hình hoặc lệnh"
    assert via_words("api:1a2b") == "Giao diện lập trình (API), mã truy cập ctip_1a2b"
    admin = make_user("via-quantri", "system_admin")
    User.objects.filter(pk=admin.pk).update(is_staff=True, is_superuser=True)
    admin.refresh_from_db()
    log_in(client, admin, add_totp(admin))
    admin.ctip_via = "api:9f8e7d6c"
    with transaction.atomic():
        audit_write(action="demo.load", acting_user=admin)
    page = client.get("/admin/core/auditentry/").content.decode()
    assert "Giao diện lập trình (API), mã truy cập ctip_9f8e7d6c" in page
