"""docs/legal.md states every rule, its citation, its dates, whether it is verified, and the
tests that exercise it; it must match the rule fixtures, and every test it names must exist."""

from __future__ import annotations

import re
from pathlib import Path

from ctip.rules.legal_table import BEGIN, END, TESTS, document_section, rule_entries

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "legal.md"


def test_the_document_holds_the_generated_table():
    text = DOC.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    assert text[start:end] == document_section(), (
        "docs/legal.md is out of date: run `python -m ctip.rules.legal_table` and paste it"
    )


def test_every_named_test_exists():
    for tests in TESTS.values():
        for node in tests:
            path, name = node.split("::")
            source = (ROOT / path).read_text(encoding="utf-8")
            assert re.search(rf"^def {name}\(", source, re.M), node


def test_every_rule_cites_an_article_and_says_whether_it_is_verified():
    for entry in rule_entries():
        assert entry.get("legal_basis_article", "").strip(), entry["key"]
        assert isinstance(entry.get("verified"), bool), entry["key"]
        assert entry.get("title", "").strip(), entry["key"]
        if not entry["verified"]:
            assert entry.get("note", "").strip(), f"{entry['key']}: say what is missing"


def test_every_victim_step_rule_has_a_test():
    from ctip.rules.legal_table import tests_for

    for entry in rule_entries():
        if entry["key"].startswith(("roles.step.", "bodies.", "victims.", "reporting.")):
            assert tests_for(entry["key"]), f"{entry['key']}: no test named in legal_table.TESTS"


def test_every_fixture_field_fits_its_column():
    """PostgreSQL refuses a citation longer than its column where SQLite stores it."""
    from ctip.rules.models import Rule

    for entry in rule_entries():
        for name in ("key", "legal_basis_document", "legal_basis_article", "title"):
            limit = Rule._meta.get_field(name).max_length
            assert len(str(entry.get(name, ""))) <= limit, (entry["key"], name)
