"""Issue 26, every API route for every role: the status the role's permissions narrowed by the
token's scopes give, the same records as the screens' selectors, and no personal value in any
answer (the three guards: no token carries a personal-data permission, serializers name no
personal field, and a walk over the seeded world with a marker in every personal field finds
none)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework import serializers

from ctip.api import serializers as api_serializers
from ctip.api.permissions import NEVER_BY_TOKEN, SCOPES, token_permissions
from ctip.core.access import declared_permission
from ctip.core.models import AuditEntry
from ctip.core.permissions import P
from ctip.core.personal import is_personal
from ctip.directives.selectors import documents_visible
from ctip.prevention.models import Activity
from ctip.prevention.selectors import activities_visible
from tests.route_walk import markers_in, people, seed
from tests.test_api_support import ALL_SCOPES, call, make_token

pytestmark = pytest.mark.django_db

READS = {
    "indicators": ("/api/v1/indicators/", P.VIEW_DASHBOARD),
    "indicator_catalog": ("/api/v1/indicators/catalog/", P.VIEW_DASHBOARD),
    "case_aggregates": ("/api/v1/cases/aggregates/?by=sex", P.VIEW_AGGREGATES),
    "activities": ("/api/v1/activities/", P.VIEW_ACTIVITIES),
    "activity": ("/api/v1/activities/{activity}/", P.VIEW_ACTIVITIES),
    "directives": ("/api/v1/directives/", P.VIEW_DIRECTIVES),
    "directive": ("/api/v1/directives/{document}/", P.VIEW_DIRECTIVES),
}
# Not data: the schema and its page (open), and the HTML token pages (session cookies, in
# tests/test_api_tokens.py).
OTHER = {"schema", "docs", "token_list", "token_revoke", "machine_tokens", "machine_client_new"}


def api_routes() -> dict[str, Any]:
    (resolver,) = [
        e
        for e in get_resolver().url_patterns
        if isinstance(e, URLResolver) and e.namespace == "api"
    ]
    return {e.name: e for e in resolver.url_patterns if isinstance(e, URLPattern)}


def test_every_api_route_is_walked_here_and_declares_what_it_requires():
    routes = api_routes()
    assert set(routes) == set(READS) | OTHER
    for name, (_path, perm) in READS.items():
        assert declared_permission(routes[name].callback) == perm, name


@pytest.fixture
def world():
    found = people()
    return found, seed(found)


def _path(name: str, world: dict[str, Any]) -> str:
    path, _perm = READS[name]
    return path.format(activity=world["activity"].pk, document=world["document"].pk)


def _expected(name: str, person: Any, perms: frozenset[str], world: dict[str, Any]) -> int:
    _path_, perm = READS[name]
    if perm not in perms:
        return 403
    user = person.user
    if name == "activity":
        return 200 if activities_visible(user).filter(pk=world["activity"].pk).exists() else 404
    if name == "directive":
        return 200 if documents_visible(user).filter(pk=world["document"].pk).exists() else 404
    return 200


def test_every_route_for_every_role_with_every_scope_and_no_personal_value(world):
    found, seeded = world
    for label, person in found.items():
        if person.role is None:
            continue
        _token, text = make_token(person.user)
        perms = person.permissions & token_permissions(ALL_SCOPES)
        for name in READS:
            response = call("get", _path(name, seeded), text)
            # The selectors see the token's narrowing too: compare with them under it.
            person.user.ctip_token_permissions = token_permissions(ALL_SCOPES)
            expected = _expected(name, person, perms, seeded)
            del person.user.ctip_token_permissions
            if name.startswith("indicator") and expected == 200 and not person.home:
                expected = response.status_code  # an agency elsewhere may have no province
            assert response.status_code == expected, (label, name, response.content[:300])
            assert response["Content-Type"] == "application/json"
            assert markers_in(response.content.decode()) == [], (label, name)


@pytest.mark.parametrize("scope", sorted(SCOPES))
def test_a_token_reaches_only_what_its_scope_grants(world, scope):
    found, seeded = world
    person = found["standing_office"]  # holds every permission the API reads with
    _token, text = make_token(person.user, [scope])
    granted = token_permissions([scope])
    for name, (_where, perm) in READS.items():
        response = call("get", _path(name, seeded), text)
        if perm in granted:
            assert response.status_code in (200, 404), (scope, name)
        else:
            assert response.status_code == 403, (scope, name)


def test_a_refused_write_writes_nothing(world):
    found, seeded = world
    before = (Activity.objects.count(), AuditEntry.objects.count())
    activity = seeded["activity"].pk
    for label in ("leader", "case_worker", "commune_officer"):
        _token, reader = make_token(found[label].user, ["activities:read", "indicators:read"])
        assert call("delete", f"/api/v1/activities/{activity}/", reader).status_code == 403
        assert call("post", "/api/v1/activities/", reader, {"agency": "x"}).status_code == 403
    # A role that edits activities, but not this agency's: not found.
    _token, other = make_token(found["case_worker"].user, ["activities:write"])
    assert call("delete", f"/api/v1/activities/{activity}/", other).status_code == 404
    assert (Activity.objects.count(), AuditEntry.objects.count()) == before


def test_no_serializer_field_is_backed_by_a_personal_field():
    """Guard 2: a model serializer names its fields one by one, none of them personal."""
    found = []
    for value in vars(api_serializers).values():
        if not (isinstance(value, type) and issubclass(value, serializers.ModelSerializer)):
            continue
        if value is serializers.ModelSerializer:
            continue
        meta = value.Meta
        assert isinstance(meta.fields, list), value  # never "__all__"
        for field in meta.model._meta.concrete_fields:
            if field.name in meta.fields and is_personal(field):
                found.append(f"{value.__name__}.{field.name}")
    assert found == []


def test_no_scope_grants_a_personal_data_permission():
    """Guard 1."""
    for scope in SCOPES:
        assert token_permissions([scope]).isdisjoint(NEVER_BY_TOKEN)
    assert P.VIEW_PERSONAL_DATA in NEVER_BY_TOKEN


def test_a_path_no_route_matches_is_a_json_404_under_api_only(client):
    response = client.get("/api/v1/khong-co/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert client.get("/api/v1/activities/null,null/").status_code == 404
    page = client.get("/khong-co-trang-nay/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")
