"""Issue 19, "Also": the authorization matrix. Every URL x every role (plus a user with no
assignment and users assigned elsewhere), logged in through the real forms, gets the status the
permission table (ctip.accounts.permissions.ROLES) says for the permission the view declares:

- without the permission: 403 to GET and to an empty POST, and nothing is written;
- with it: never 403, never 500 (200, a redirect, 404 for a record outside the user's scope,
  405 for a method the view does not take);
- assigned elsewhere: 404, never 200, on the home agency's personal records;
- no assignment: 403 everywhere but the user's own account pages (`authenticated`);
- the admin site: only staff with an administrative role (CtipAdminSite.has_permission).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from ctip.core.access import AUTHENTICATED, PUBLIC
from ctip.core.models import AuditEntry
from tests.route_walk import (
    ADMIN_PATHS,
    PARAMS,
    Person,
    Route,
    log_everyone_in,
    people,
    routes,
    seed,
    url,
)

pytestmark = pytest.mark.django_db

# Views that act on POST only (GET redirects or answers 404); the walk also posts to them.
POST_ONLY = {"referral_action", "paper_create", "case_merge", "duplicate_decide", "report_redraft"}
# Object routes over the home agency's personal records: anyone assigned elsewhere gets 404.
PERSONAL_OBJECT_ROUTES = {
    "case_detail",
    "case_transition",
    "case_identity",
    "case_access_log",
    "case_protection",
    "case_actions",
    "case_privacy",
    "consent_evidence_download",
    "paper_create",
    "case_merge",
    "paper_download",
    "evidence_download",
    "criminal_case_detail",
    "criminal_case_edit",
    "criminal_case_suspects",
    "suspect_add",
    "criminal_case_link",
    "criminal_case_decision",
    "criminal_case_judgment",
    "watch_detail",
}
ALLOWED = {200, 302, 404, 405}


def _snapshot() -> tuple[Any, ...]:
    """What a refused request must not change: the audit trail, the access log and the seeded
    records (how many, and the state each one is in)."""
    from ctip.agencies.models import Agency
    from ctip.directives.models import Document, Task
    from ctip.enforcement.models import (
        Campaign,
        CriminalCase,
        StageEvent,
        Suspect,
        WatchCheck,
        WatchEntry,
    )
    from ctip.ingest.models import DraftActivity, Reading
    from ctip.prevention.models import Activity, ImportJob
    from ctip.reporting.models import Compilation, Contribution, Report, ReportRequest
    from ctip.victims.models import (
        AccessLog,
        Case,
        CaseAction,
        CaseEvent,
        Consent,
        DataSubjectRequest,
        DuplicateReview,
        Paper,
        Referral,
        SupportGiven,
    )

    models = [
        AuditEntry,
        AccessLog,
        Case,
        CaseEvent,
        Consent,
        Referral,
        SupportGiven,
        Paper,
        CaseAction,
        DataSubjectRequest,
        DuplicateReview,
        CriminalCase,
        StageEvent,
        Suspect,
        WatchEntry,
        WatchCheck,
        Campaign,
        Document,
        Task,
        Activity,
        ImportJob,
        Reading,
        DraftActivity,
        ReportRequest,
        Contribution,
        Report,
        Compilation,
        Agency,
    ]
    states = (
        list(Case.objects.values_list("pk", "state", "version", "merged_into")),
        list(Referral.objects.values_list("pk", "status")),
        list(DuplicateReview.objects.values_list("pk", "status")),
        list(CriminalCase.objects.values_list("pk", "stage", "version")),
        list(WatchEntry.objects.values_list("pk", "next_check_on", "closed_on")),
        list(Task.objects.values_list("pk", "status")),
        list(Activity.objects.values_list("pk", "sessions", "participants")),
        list(DraftActivity.objects.values_list("pk", "state", "activity")),
        list(Report.objects.values_list("pk", "number", "narratives")),
        list(Contribution.objects.values_list("pk", "state", "narratives")),
        list(Agency.objects.filter(code__startswith="qng-").values_list("pk", "phone", "email")),
    )
    return (*(m.objects.count() for m in models), states)


def _holds(person: Person, route: Route) -> bool:
    return route.perm in (PUBLIC, AUTHENTICATED) or route.perm in person.permissions


def _post_rolled_back(person: Person, path: str) -> int:
    """An empty POST by a user who holds the permission, undone afterwards so that one user's
    step (accepting a referral, taking a report number) does not change what the next sees."""
    with transaction.atomic():
        status = person.client.post(path, {}).status_code
        transaction.set_rollback(True)
    return status


@pytest.fixture
def walk():
    found = people()
    world = seed(found)
    log_everyone_in(found)
    return found, world


def test_every_parameterised_route_is_walked():
    """The matrix stays complete: a new route with a parameter needs a real object in PARAMS."""
    every = routes()
    assert [r.pattern for r in every if not r.name] == []
    assert [r.pattern for r in every if r.params and r.name not in PARAMS] == []
    assert [r.pattern for r in every if r.perm is None] == []
    named = {r.name for r in every}
    assert named >= POST_ONLY | PERSONAL_OBJECT_ROUTES


def test_every_url_for_every_role_gives_the_status_the_permission_table_says(walk):
    found, world = walk
    every = [(route, url(route, world)) for route in routes()]
    wrong: list[str] = []
    reached: dict[str, set[int]] = {}

    for person in found.values():
        denied = [(r, path) for r, path in every if not _holds(person, r)]
        before = _snapshot()
        for route, path in denied:
            for method in ("get", "post") if route.name in POST_ONLY else ("get",):
                status = getattr(person.client, method)(path).status_code
                if status != 403:
                    wrong.append(f"{person.label} {method.upper()} {path}: {status}, not 403")
        if _snapshot() != before:
            wrong.append(f"{person.label}: refused requests changed the database")

        for route, path in every:
            if not _holds(person, route) or route.name == "logout":
                continue
            statuses = [person.client.get(path).status_code]
            if route.name in POST_ONLY:
                statuses.append(_post_rolled_back(person, path))
            for status in statuses:
                if status not in ALLOWED:
                    wrong.append(f"{person.label} holds {route.perm} on {path}: {status}")
                elif not person.home and route.name in PERSONAL_OBJECT_ROUTES and status != 404:
                    wrong.append(f"{person.label} (elsewhere) on {path}: {status}, not 404")
            if person.home and route.name in PERSONAL_OBJECT_ROUTES:
                reached.setdefault(route.name, set()).update(statuses)

        for path in ADMIN_PATHS:
            # The admin sends a refused user to its login page, which refuses a logged-in user.
            status = person.client.get(path, follow=True).status_code
            expected = 200 if person.label == "system_admin" else 403
            if status != expected:
                wrong.append(f"{person.label} GET {path}: {status}, not {expected}")

    assert wrong == [], "\n".join(wrong)
    # The seeded records are really reached at home (a 404 for everyone would prove nothing).
    unreached = sorted(n for n in PERSONAL_OBJECT_ROUTES if not reached.get(n, set()) & {200, 302})
    assert unreached == []


@pytest.mark.parametrize("label", ["none", "superuser_no_role"])
def test_no_assignment_opens_only_the_own_account_pages(walk, label):
    """Also for a Django superuser: the flag grants no ctip permission, the admin included."""
    found, world = walk
    person = found[label]
    opened = {
        route.name
        for route in routes()
        if route.name != "logout" and person.client.get(url(route, world)).status_code != 403
    }
    own = {r.name for r in routes() if r.perm in (PUBLIC, AUTHENTICATED)} - {"logout"}
    assert opened == own
    assert {"security", "two_factor_verify"} <= own
    assert person.client.get("/admin/", follow=True).status_code == 403
