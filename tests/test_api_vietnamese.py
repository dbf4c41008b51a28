"""Issue 26: the API answers in Vietnamese, refusals included. Django REST framework's own
catalog for Vietnamese is nearly empty, so its messages (authentication, permission, fields,
pagination) are given Vietnamese in ctip/locale_packages; its throttle sentence is formatted
before it is translated, so ctip words that refusal itself (ctip.api.errors)."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from django.utils.functional import Promise
from rest_framework import exceptions, fields, pagination, relations, serializers, validators

from tests.helpers import make_user
from tests.test_api_activities import BODY
from tests.test_api_support import call, make_token

pytestmark = pytest.mark.django_db


def _msgid(message: object) -> str:
    return message._args[0] if isinstance(message, Promise) else str(message)  # type: ignore[attr-defined]


def drf_messages() -> set[str]:
    """Every message DRF's fields, serializers, relations, exceptions, pagination and validators
    can answer with (read from the classes, so a DRF upgrade that adds one fails the test)."""
    found: set[str] = set()
    for module in (fields, serializers, relations):
        for obj in vars(module).values():
            if isinstance(obj, type):
                found.update(_msgid(m) for m in getattr(obj, "default_error_messages", {}).values())
    for obj in vars(exceptions).values():
        if isinstance(obj, type) and hasattr(obj, "default_detail"):
            found.add(_msgid(obj.default_detail))
    found.add(_msgid(pagination.PageNumberPagination.invalid_page_message))
    for obj in vars(validators).values():
        if isinstance(obj, type) and isinstance(getattr(obj, "message", None), Promise):
            found.add(_msgid(obj.message))
    return found


PLACEHOLDER = re.compile(r"\{[^}]*\}|%\([^)]*\)[a-z]")


def test_every_drf_message_has_vietnamese_with_its_placeholders():
    messages = drf_messages()
    assert len(messages) > 60 and "A valid integer is required." in messages
    with translation.override("vi"):
        untranslated = sorted(m for m in messages if translation.gettext(m) == m)
        changed = sorted(
            m
            for m in messages
            if sorted(PLACEHOLDER.findall(translation.gettext(m))) != sorted(PLACEHOLDER.findall(m))
        )
    assert untranslated == []
    assert changed == []


def test_refusals_come_in_vietnamese():
    officer = make_user("api-vi", "agency_officer", agency="qng-ca-2025")
    no_token = call("get", "/api/v1/activities/")
    assert no_token.status_code == 401
    assert no_token.json()["detail"] == "Chưa gửi thông tin xác thực."
    _token, text = make_token(officer)
    bad = call("post", "/api/v1/activities/", text, {**BODY, "sessions": "hai"})
    assert bad.status_code == 400
    assert bad.json()["sessions"] == ["Phải là một số nguyên hợp lệ."]
    missing = call(
        "post", "/api/v1/activities/", text, {k: v for k, v in BODY.items() if k != "kind"}
    )
    assert missing.json()["kind"] == ["Trường này là bắt buộc."]
    page = call("get", "/api/v1/activities/?page=999", text)
    assert page.status_code == 404 and page.json()["detail"] == "Trang không hợp lệ."


def test_a_throttled_request_is_told_when_to_try_again_in_vietnamese():
    officer = make_user("api-vi", "agency_officer", agency="qng-ca-2025")
    _token, text = make_token(officer, rate="1/hour")
    assert call("get", "/api/v1/activities/", text).status_code == 200
    refused = call("get", "/api/v1/activities/", text)
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert refused.json()["detail"] == f"Gửi quá nhiều yêu cầu. Hãy thử lại sau {wait} giây."
