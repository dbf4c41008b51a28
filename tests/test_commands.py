"""Console commands that print what is loaded."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from ctip.ingest.models import Reading

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
    # The police's part read into drafts once (issue 25): an activity with its partner and
    # groups, and the cases for the investigator to open.
    (reading,) = Reading.objects.all()
    (draft,) = reading.drafts.all()
    assert (draft.sessions, draft.participants, draft.partners) == (24, 1800, ["qng-hlhpn-2025"])
    assert draft.target_groups == ["ethnic_minority_women", "pupils_students"]
    assert [(c.cases, c.suspects) for c in reading.case_drafts.all()] == [(2, 4)]
