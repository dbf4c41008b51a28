"""Issue 26, the OpenAPI schema: served, valid, and honoured. A schema-driven test
(schemathesis, in-process through WSGI) calls every operation with generated input, with a
token and without: never a server error, and every answer (status, content type, body) as
the schema documents it. The Swagger UI page carries ctip's policy and nothing inline. The
world holds an activity and a directive, whose ids the generated calls use half of the time,
and every operation is also called once with an explicit example that must succeed (2xx), so
the item routes are exercised beyond their 404."""

from __future__ import annotations

import re
from datetime import date

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    response_schema_conformance,
    status_code_conformance,
)

from ctip.agencies.models import Agency
from ctip.core.csp import POLICY
from ctip.directives.services import document_create
from ctip.geo.models import Level
from tests.conftest import NEW, unit
from tests.helpers import make_user
from tests.test_api_activities import BODY
from tests.test_api_support import call, make_token
from tests.test_csp import _inline

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))


class _InTestTransaction:
    """Django's WSGI handler, called as Django's own test client calls it: without closing
    the database connection at a request's start and end. The handler's signal closes a
    connection whose autocommit differs from its setting, as it does inside the test's
    transaction; on SQLite's in-memory test database a close does nothing, on PostgreSQL it
    ends the connection and every later query fails. The test client disconnects the signal
    around each call and reconnects it after (so a module-wide disconnect would not last)."""

    def __init__(self) -> None:
        self.handler = WSGIHandler()  # not ctip.wsgi: it checks the keyring at start-up

    def __call__(self, environ, start_response):
        signals.request_started.disconnect(close_old_connections)
        signals.request_finished.disconnect(close_old_connections)
        try:
            # The body is read before the signals return, as the test client does.
            response = self.handler(environ, start_response)
            body = b"".join(response)
            response.close()
            return [body]
        finally:
            signals.request_started.connect(close_old_connections)
            signals.request_finished.connect(close_old_connections)


schema.app = _InTestTransaction()
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    ignored_auth,
]


OPERATIONS = {
    ("/api/v1/indicators/", "get"),
    ("/api/v1/indicators/catalog/", "get"),
    ("/api/v1/cases/aggregates/", "get"),
    ("/api/v1/activities/", "get"),
    ("/api/v1/activities/", "post"),
    ("/api/v1/activities/{id}/", "get"),
    ("/api/v1/activities/{id}/", "put"),
    ("/api/v1/activities/{id}/", "delete"),
    ("/api/v1/directives/", "get"),
    ("/api/v1/directives/{id}/", "get"),
}
# The item each item route is called with: seeded by the `world` fixture.
ITEMS = {"/api/v1/activities/{id}/": "activity", "/api/v1/directives/{id}/": "document"}


@pytest.fixture
def world(db):
    """A token of the standing office (it reads everything the API serves, in a whole
    province), one of the police officer who records activities (writes are an agency's), an
    activity of theirs and a directive, both in the office's reach."""
    office = make_user("st-office", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    token = make_token(office)[1]
    police = make_user("st-police", "agency_officer", agency="qng-ca-2025")
    writer = make_token(police)[1]
    created = call("post", "/api/v1/activities/", writer, BODY)
    assert created.status_code == 201, created.content
    document = document_create(
        number_symbol="34/KH-UBND",
        date_issued=date(2026, 3, 2),
        subject="Kế hoạch phòng, chống mua bán người năm 2026",
        issuer_name="Ủy ban nhân dân tỉnh Quảng Ngãi",
        recorded_by=Agency.objects.get(code="qng-ca-2025"),
        acting_user=None,
    )
    return {
        "token": token,
        "writer": writer,
        "activity": created.json()["id"],
        "document": document.pk,
    }


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_answers_as_its_schema_says(case, world):
    item = ITEMS.get(case.path)
    generated = case.path_parameters.get("id") if item is not None else None
    # Half the generated ids name the seeded item (else nearly every call is a 404).
    if isinstance(generated, int) and generated % 2 == 0:
        case.path_parameters["id"] = world[item]
    case.call_and_validate(
        base_url="http://testserver",  # the host Django's test settings allow
        headers={"Authorization": f"Bearer {world['token']}"},
        checks=CHECKS,
    )


# One explicit call per operation, in this order (the delete last): each must succeed.
EXAMPLES = [
    ("/api/v1/indicators/catalog/", "GET", {}, None),
    ("/api/v1/indicators/", "GET", {}, None),
    ("/api/v1/cases/aggregates/", "GET", {"by": ["sex"]}, None),
    ("/api/v1/activities/", "GET", {}, None),
    ("/api/v1/activities/", "POST", {}, BODY),
    ("/api/v1/activities/{id}/", "GET", {}, None),
    ("/api/v1/activities/{id}/", "PUT", {}, {**BODY, "sessions": 3}),
    ("/api/v1/directives/", "GET", {}, None),
    ("/api/v1/directives/{id}/", "GET", {}, None),
    ("/api/v1/activities/{id}/", "DELETE", {}, None),
]


@pytest.mark.django_db
def test_every_operation_succeeds_with_an_explicit_example(world):
    covered = {(path, method.lower()) for path, method, _query, _body in EXAMPLES}
    assert covered == OPERATIONS
    for path, method, query, body in EXAMPLES:
        item = ITEMS.get(path)
        kwargs = {"path_parameters": {"id": world[item]}} if item else {}
        if body is not None:
            kwargs["body"] = body
        case = schema[path][method].Case(query=query, **kwargs)
        token = world["writer" if path.startswith("/api/v1/activities/") else "token"]
        response = case.call_and_validate(
            base_url="http://testserver",
            headers={"Authorization": f"Bearer {token}"},
            checks=CHECKS,
        )
        assert 200 <= response.status_code < 300, (path, method, response.text[:300])


def test_the_schema_covers_every_api_route_and_is_valid(tmp_path):
    operations = {
        (path, method)
        for path, methods in SchemaGenerator()
        .get_schema(request=None, public=True)["paths"]
        .items()
        for method in methods
    }
    assert operations == OPERATIONS
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yaml"))


@pytest.mark.django_db
def test_the_schema_and_its_page_are_served_from_our_own_files():
    served = call("get", "/api/v1/schema/?format=json")
    assert served.status_code == 200 and "/api/v1/activities/" in served.json()["paths"]
    assert served.json()["components"]["securitySchemes"]["ctipToken"]["scheme"] == "bearer"
    page = call("get", "/api/v1/docs/")
    body = page.content.decode()
    assert page.status_code == 200 and page["Content-Security-Policy"] == POLICY
    assert _inline(body) == []
    sources = re.findall(r'(?:src|href)="([^"]+)"', body)
    assert sources and all(
        s.startswith("/static/") or s.startswith("/api/v1/docs/") for s in sources
    )
    script = call("get", "/api/v1/docs/?script=")
    assert script.status_code == 200 and "javascript" in script["Content-Type"]
    assert "/api/v1/schema/" in script.content.decode()
