"""The table of docs/legal.md, generated from the rule fixtures: every rule version, its
citation, its dates, whether it is verified against the text, and the tests that exercise it.
`python -m ctip.rules.legal_table` prints it; tests/test_legal_doc.py fails when the document
and the data disagree or a named test does not exist."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml

from ctip.core.text import vn_date

APPS_DIR = Path(__file__).resolve().parent.parent
BEGIN, END = "<!-- legal-table:begin -->", "<!-- legal-table:end -->"

# Which tests exercise each family of rules (longest prefix wins): file::function.
TESTS = {
    "exchange.push_deadline": [
        "tests/test_exchange_page.py::test_deadline_is_a_dated_rule",
        "tests/test_exchange_page.py::test_status_per_province",
    ],
    "roles.step.victims.": [
        "tests/test_issue22_regimes.py::test_a_2019_case_under_law_66_2011",
        "tests/test_issue22_regimes.py::test_a_2026_case_under_law_53_2024_as_amended",
        "tests/test_victims.py::test_every_transition_is_allowed_or_denied_by_the_rules",
    ],
    "bodies.step.victims.": [
        "tests/test_issue22_regimes.py::test_a_2019_case_under_law_66_2011",
        "tests/test_issue22_regimes.py::test_a_june_2025_case_across_the_change_of_law",
        "tests/test_issue22_regimes.py::test_a_2026_case_under_law_53_2024_as_amended",
    ],
    "bodies.performer": [
        "tests/test_issue22_regimes.py::test_imported_historical_cases_are_moved_to_closure_through_the_web",
    ],
    "victims.deadline.verifying": [
        "tests/test_issue22_regimes.py::test_a_2019_case_under_law_66_2011",
        "tests/test_issue22_regimes.py::test_the_limit_ends_on_the_next_working_day_after_a_weekend",
        "tests/test_issue22_regimes.py::test_no_limit_before_any_rule_rather_than_a_wrong_one",
    ],
    "victims.deadline.sources": [
        "tests/test_issue22_regimes.py::test_the_domestic_limit_does_not_apply_to_the_abroad_and_rescue_routes",
    ],
    "victims.support.eligibility": [
        "tests/test_issue22_support.py::test_a_stateless_resident_gets_the_citizens_regimes_not_the_foreigners",
        "tests/test_issue22_support.py::test_a_foreigner_under_the_2011_law_and_under_the_2024_law",
        "tests/test_issue22_support.py::test_a_victim_identified_in_2019_is_supported_under_the_2011_law",
        "tests/test_issue22_support.py::test_no_rule_in_force_names_the_rule_and_the_date",
    ],
    "victims.transition.support": [
        "tests/test_issue22_support.py::test_identified_in_june_2025_and_supported_in_2026_keeps_the_2011_law",
        "tests/test_issue22_regimes.py::test_a_june_2025_case_across_the_change_of_law",
    ],
    "victims.support.terms": [
        "tests/test_issue22_support.py::test_support_above_the_ceiling_is_refused_and_nothing_is_written",
        "tests/test_issue22_support.py::test_a_provider_the_rule_does_not_name_is_refused",
        "tests/test_issue22_support.py::test_the_shipped_terms_check_durations_and_providers_without_inventing_amounts",
    ],
    "victims.family_notice.under_age": [
        "tests/test_issue22_support.py::test_a_family_is_notified_only_for_a_child",
        "tests/test_issue22_support.py::test_no_family_notice_rule_in_force_names_the_rule_and_the_date",
    ],
    "victims.paper.basis.": [
        "tests/test_issue22_papers.py::test_a_2019_paper_cites_law_66_2011_and_a_2026_paper_law_53_2024",
        "tests/test_issue22_papers.py::test_the_confirmation_cites_the_law_of_the_identification_date_not_of_the_issue_date",
        "tests/test_issue22_papers.py::test_a_paper_dated_before_any_law_is_refused_naming_the_rule_and_the_date",
    ],
    "victims.privacy.guardian_under_age": [
        "tests/test_issue22_privacy.py::test_a_child_does_not_consent_alone",
        "tests/test_issue22_privacy.py::test_no_childs_consent_before_a_rule_sets_the_age",
    ],
    "victims.privacy.child_consent_age": [
        "tests/test_issue22_privacy.py::test_a_childs_consent_by_a_guardian_needs_the_childs_own_agreement_from_seven",
        "tests/test_issue22_privacy.py::test_no_childs_consent_before_a_rule_sets_the_age",
    ],
    "victims.privacy.request.": [
        "tests/test_issue22_privacy.py::test_a_request_under_decree_13_in_2024",
        "tests/test_issue22_privacy.py::test_a_request_under_law_91_in_2026",
        "tests/test_issue22_privacy.py::test_a_request_on_a_day_no_rule_covers_names_the_rule_and_the_day",
    ],
    "victims.retention.closed": [
        "tests/test_issue22_privacy.py::test_retention_is_the_rule_in_force_at_closure_not_todays",
        "tests/test_issue22_privacy.py::test_purge_due_agrees_with_the_calendar_day_by_day_in_one_query_per_version",
    ],
    "reporting.disclosure_threshold": [
        "tests/test_issue22_privacy.py::test_the_disclosure_threshold_is_read_by_date",
    ],
    "roles.step.enforcement.": [
        "tests/test_enforcement.py::test_stages_are_taken_by_the_owning_kind_and_role",
    ],
}


def versions_with_ends(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An open-ended version followed by another version of its key ends the day before that
    one starts, as rule_set stores it: loading twice then finds nothing to correct."""
    ordered = sorted(entries, key=lambda e: (e["key"], e["valid_from"]))
    for entry, following in zip(ordered, ordered[1:] + [None], strict=True):
        if entry.get("valid_to") is None and following and following["key"] == entry["key"]:
            entry["valid_to"] = following["valid_from"] - timedelta(days=1)
    return ordered


def rule_entries() -> list[dict[str, Any]]:
    """Every version in every app's fixtures/rules*.yaml, sorted by key and start."""
    entries: list[dict[str, Any]] = []
    for path in sorted(APPS_DIR.glob("*/fixtures/rules*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]:
            entries.append({**entry, "_file": str(path.relative_to(APPS_DIR.parent))})
    return sorted(entries, key=lambda e: (e["key"], str(e.get("valid_from") or "")))


def tests_for(key: str) -> list[str]:
    matches = [prefix for prefix in TESTS if key.startswith(prefix)]
    return TESTS[max(matches, key=len)] if matches else []


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _value(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text if len(text) <= 60 else text[:57] + "…"


def _day(value: Any) -> str:
    return vn_date(value) if value else "…"


def table() -> str:
    lines = [
        "| Rule | Value | In force | Legal basis | Verified | Tests |",
        "|---|---|---|---|---|---|",
    ]
    for e in versions_with_ends(rule_entries()):
        tests = "<br>".join(f"`{t.split('::')[-1]}`" for t in tests_for(e["key"])) or "—"
        lines.append(
            "| "
            + " | ".join(
                [
                    f"`{e['key']}`<br>{_cell(e.get('title', ''))}",
                    f"`{_cell(_value(e['value']))}`",
                    f"{_day(e.get('valid_from'))} – {_day(e.get('valid_to'))}",
                    _cell(f"{e['legal_basis_document']}, {e.get('legal_basis_article', '')}"),
                    "yes" if e.get("verified") else "**no**",
                    tests,
                ]
            )
            + " |"
        )
    return "\n".join(lines)


def unverified() -> str:
    """What is missing for each unverified version: its note."""
    lines = []
    for e in versions_with_ends(rule_entries()):
        if not e.get("verified"):
            since = _day(e.get("valid_from"))
            lines.append(f"- `{e['key']}` (from {since}): {_cell(e.get('note', '')) or '—'}")
    return "\n".join(lines)


def document_section() -> str:
    return "\n".join(
        [
            BEGIN,
            "",
            table(),
            "",
            "### What is missing for each unverified rule",
            "",
            unverified(),
            "",
            END,
        ]
    )


if __name__ == "__main__":
    print(document_section())
