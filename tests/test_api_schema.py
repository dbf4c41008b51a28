"""Issue 26, the OpenAPI schema: served, valid, and honoured. A schema-driven test
(schemathesis, in-process through WSGI) calls every operation with generated input, with a
token and without: never a server error, and every answer (status, content type, body) as
the schema documents it. The Swagger UI page carries ctip's policy and nothing inline."""

from __future__ import annotations

import re

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    response_schema_conformance,
    status_code_conformance,
)

from ctip.core.csp import POLICY
from ctip.geo.models import Level
from tests.conftest import NEW, unit
from tests.helpers import make_user
from tests.test_api_support import call, make_token
from tests.test_csp import _inline

schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = WSGIHandler()  # not ctip.wsgi: it checks the keyring at start-up
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    ignored_auth,
]


@pytest.fixture
def api_token(db):
    # The standing office reads and writes everything the API serves, in a whole province.
    office = make_user("st-office", "standing_office", unit=unit(51, Level.PROVINCE, NEW))
    return make_token(office)[1]


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_answers_as_its_schema_says(case, api_token):
    case.call_and_validate(
        base_url="http://testserver",  # the host Django's test settings allow
        headers={"Authorization": f"Bearer {api_token}"},
        checks=CHECKS,
    )


def test_the_schema_covers_every_api_route_and_is_valid(tmp_path):
    operations = {
        (path, method)
        for path, methods in SchemaGenerator()
        .get_schema(request=None, public=True)["paths"]
        .items()
        for method in methods
    }
    assert operations == {
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
