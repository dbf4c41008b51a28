"""Console commands that print what is loaded."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_units_summary_prints_json():
    out = StringIO()
    call_command("units", "--summary", stdout=out)
    assert json.loads(out.getvalue()) == {
        "current": {"provinces": 34, "communes": 3321},
        "legacy": {"provinces": 63, "districts": 696, "communes": 10051},
    }


def test_load_units_is_idempotent_and_reports_it():
    out = StringIO()
    call_command("load_units", stdout=out)
    assert "0 created, 0 updated, 0 successions, 0 flag changes" in out.getvalue()


def test_demo_is_idempotent_and_prints_the_accounts(django_user_model, monkeypatch):
    monkeypatch.setenv("CTIP_DEMO_PASSWORD", "mat-khau-thu")
    for _ in range(2):
        out = StringIO()
        call_command("demo", stdout=out)
    assert "admin" in out.getvalue() and "mat-khau-thu" in out.getvalue()
    assert django_user_model.objects.get(username="admin").check_password("mat-khau-thu")
    assert django_user_model.objects.filter(username="admin").count() == 1
