"""Issue 22: no rule lookup raises out of a page or a command; the message names the rule and
the date. A fixture correction reaches an existing database as an audited correction."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.test import RequestFactory

from ctip.core.models import AuditEntry
from ctip.rules.middleware import RuleMissingMiddleware
from ctip.rules.models import Rule
from ctip.rules.selectors import RuleMissing, rule_in_force
from ctip.rules.services import rules_load_fixture

pytestmark = pytest.mark.django_db


def test_the_message_names_the_rule_its_title_and_the_date():
    with pytest.raises(RuleMissing) as caught:
        rule_in_force("victims.deadline.verifying", on=date(2013, 2, 5))
    message = str(caught.value)
    assert "victims.deadline.verifying" in message and "05/02/2013" in message
    assert "Thời hạn xác minh ban đầu" in message  # the rule's title, from the data


def test_a_page_that_meets_a_missing_rule_says_so(rf: RequestFactory):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/ho-so/1/")
    request.user = AnonymousUser()
    middleware = RuleMissingMiddleware(lambda r: None)
    response = middleware.process_exception(request, RuleMissing("x.y", date(2010, 1, 4)))
    assert response.status_code == 422
    body = response.content.decode()
    assert "x.y" in body and "04/01/2010" in body and "Traceback" not in body
    assert middleware.process_exception(request, KeyError("other")) is None


def test_the_command_prints_the_message_and_exits_1(monkeypatch, capsys):
    import django.core.management

    from ctip import cli

    def boom(argv):
        raise RuleMissing("victims.support.eligibility", date(2011, 6, 1))

    monkeypatch.setattr(django.core.management, "execute_from_command_line", boom)
    monkeypatch.setattr("sys.argv", ["ctip", "purge"])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert "victims.support.eligibility" in err and "01/6/2011" in err


def test_a_corrected_citation_reaches_an_existing_database(tmp_path: Path):
    fixture = tmp_path / "rules-x.yaml"
    entry = """rules:
  - key: test.limit
    kind: duration
    value: {amount: 3, unit: working_days}
    valid_from: 2025-07-01
    legal_basis_document: Luật 53/2024/QH15
    legal_basis_article: Điều 28
    title: Thời hạn thử
    verified: false
    note: wrong article
"""
    fixture.write_text(entry, encoding="utf-8")
    assert rules_load_fixture(path=fixture) == 1
    fixture.write_text(
        entry.replace("Điều 28", "Điều 27 khoản 2")
        .replace("working_days", "calendar_days")
        .replace("verified: false", "verified: true"),
        encoding="utf-8",
    )
    assert rules_load_fixture(path=fixture) == 1
    rule = Rule.objects.get(key="test.limit")
    assert rule.legal_basis_article == "Điều 27 khoản 2" and rule.verified
    assert rule.value == {"amount": 3, "unit": "calendar_days"}
    audit = AuditEntry.objects.filter(action="rules.rule_correct").get()
    assert audit.changes["legal_basis_article"] == ["Điều 28", "Điều 27 khoản 2"]
    assert rules_load_fixture(path=fixture) == 0  # idempotent


def test_a_database_of_the_earlier_release_takes_the_corrected_rules():
    """The earlier release stored the disclosure threshold from 2020 and the 2015 Criminal
    Procedure Code from 1/7/2016; the migration forgets those versions, and loading the
    fixtures twice adds the corrected ones and then finds nothing to change."""
    import importlib

    from django.apps import apps

    from ctip.ops.management.commands.load_reference import rule_fixtures
    from ctip.rules.services import rule_set

    migration = importlib.import_module("ctip.rules.migrations.0002_legal_regimes")
    Rule.objects.all().delete()
    for key, start in migration.MISDATED:
        rule_set(
            key=key,
            kind="number" if key.startswith("reporting") else "list",
            value=5 if key.startswith("reporting") else ["investigator"],
            valid_from=date.fromisoformat(start),
            legal_basis_document="bản cũ",
            legal_basis_article="Điều cũ",
            acting_user=None,
        )
    migration.forget_misdated(apps, None)
    assert sum(rules_load_fixture(path=p) for p in rule_fixtures()) > 0
    assert sum(rules_load_fixture(path=p) for p in rule_fixtures()) == 0
    assert not Rule.objects.filter(legal_basis_document="bản cũ").exists()
    assert rule_in_force("roles.step.enforcement.judged", on=date(2017, 6, 1)).valid_to == date(
        2017, 12, 31
    )
