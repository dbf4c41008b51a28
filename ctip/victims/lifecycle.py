"""Duplicates, merging, and purging personal data past retention or after consent is withdrawn."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from ctip.accounts.scope import has_perm
from ctip.core.actors import stored_user
from ctip.core.audit import audit_write
from ctip.core.crypto import blind_index
from ctip.core.models import SealedFile
from ctip.core.permissions import P
from ctip.core.personal import personal_fields
from ctip.core.sealed import destroy
from ctip.core.work import unit_of_work
from ctip.indicators import rollups
from ctip.rules.calendar import Duration, add_duration
from ctip.rules.models import Rule
from ctip.victims.models import (
    Case,
    CaseAction,
    CaseEvent,
    CaseExploitation,
    Consent,
    DataSubjectRequest,
    Paper,
    Referral,
    SupportGiven,
)
from ctip.victims.selectors import cases_owned
from ctip.victims.states import ConsentBasis, ConsentPurpose, State

# The records a merge moves from the duplicate to the case kept (access-log rows stay).
MOVED = (CaseEvent, Referral, Consent, SupportGiven, Paper, CaseAction, DataSubjectRequest)


class MergeError(ValueError):
    pass


def find_duplicates(
    *, full_name: str, date_of_birth: str = "", identity_document: str = ""
) -> QuerySet[Case]:
    """Known persons with the same folded name and date of birth, or the same document
    (compared through the keyed hashes: no clear value is ever queried)."""
    condition = Q(pk__in=[])
    if date_of_birth.strip():
        condition |= Q(name_index=blind_index(full_name), dob_index=blind_index(date_of_birth))
    if identity_document.strip():
        condition |= Q(document_index=blind_index(identity_document))
    return Case.objects.filter(condition, merged_into__isnull=True, purged_on__isnull=True)


def case_merge(*, keep: Case, other: Case, acting_user: Any) -> Case:
    """Merge `other` into `keep`: every history moves to `keep`; `other` remains as a pointer
    and no longer counts (one person, one count). Refused unless the acting user may merge both
    cases (their own agency's, with a supervisor's or duplicate reviewer's permission); commands
    and jobs (no user) are not refused."""
    if keep.pk == other.pk:
        raise MergeError(_("Không thể gộp hồ sơ với chính nó."))
    _check_may_merge(acting_user, keep, other)
    with unit_of_work(sources=[Case, *MOVED]) as work:
        pair = Case.objects.select_for_update().filter(pk__in=[keep.pk, other.pk])
        locked = {c.pk: c for c in pair}
        if any(c.merged_into_id for c in locked.values()) or len(locked) != 2:
            raise MergeError(_("Hồ sơ này đã được gộp vào hồ sơ khác."))
        keep = locked[keep.pk]
        touched: dict[Any, set[tuple[date, int]]] = {
            Case: rollups.points_of(Case, Case.objects.filter(pk__in=[keep.pk, other.pk]))
        }
        for model in MOVED:
            touched[model] = rollups.points_of(model, model.objects.filter(case=other))
            model.objects.filter(case=other).update(case=keep)
        have = set(CaseExploitation.objects.filter(case=keep).values_list("form", flat=True))
        CaseExploitation.objects.filter(case=other).exclude(form__in=have).update(case=keep)
        CaseEvent.objects.create(
            case=keep,
            on=date.today(),
            actor=stored_user(acting_user),
            from_state=keep.state,
            to_state=keep.state,
            reason=f"gộp hồ sơ {other.code}",
        )
        Case.objects.filter(pk=other.pk).update(merged_into=keep, state=State.CLOSED)
        # The duplicate leaves the counts, the kept case gains its forms of exploitation, and
        # the moved records now count in the kept case's unit: every touched cell is redone.
        for model, points in touched.items():
            if model is not Case:
                points |= rollups.points_of(model, model.objects.filter(case=keep))
            work.touch(model, *points)
        audit_write(
            action="victims.case_merge",
            acting_user=acting_user,
            obj=keep,
            changes={"merged": [None, other.code]},
        )
    return Case.objects.get(pk=keep.pk)


def _check_may_merge(acting_user: Any, keep: Case, other: Case) -> None:
    """Both cases must be the acting user's agency's own (a referral grants no merge), and the
    user must supervise cases or review duplicates: the service refuses whatever the caller
    checked."""
    if getattr(acting_user, "pk", None) is None:
        return
    allowed = has_perm(acting_user, P.SUPERVISE_VICTIM_CASES) or has_perm(
        acting_user, P.REVIEW_DUPLICATES
    )
    owned = cases_owned(acting_user).filter(pk__in=[keep.pk, other.pk]).count()
    if not allowed or owned != 2:
        raise MergeError(_("Chỉ gộp được hai hồ sơ do cơ quan của bạn quản lý."))


RETENTION = "victims.retention.closed"


def purge_due(today: date) -> QuerySet[Case]:
    """Closed cases past the retention of the rule in force on the day they were closed (not
    today's rule), and closed cases whose consent to processing was withdrawn. One query per
    version of the rule: within a version the cases closed up to a cut-off day are due, so the
    calendar is read a few times per version, never once per case. A case closed on a day no
    version covers is kept (docs/legal.md: the rule starts on 1/7/2023)."""
    closed = Case.objects.filter(state__in=(State.CLOSED, State.NOT_VICTIM), purged_on__isnull=True)
    expired = Q(pk__in=[])
    for version in Rule.objects.filter(key=RETENTION).order_by("valid_from"):
        last_closed = _last_day_expired(Duration.from_value(version.value), today)
        if version.valid_to is not None:
            last_closed = min(last_closed, version.valid_to)
        window = Q(state_since__lte=last_closed)
        if version.valid_from is not None:
            window &= Q(state_since__gte=version.valid_from)
        expired |= Q(pk__in=closed.filter(window).values("pk"))
    withdrawn = Consent.objects.filter(
        purpose=ConsentPurpose.PROCESSING,
        basis=ConsentBasis.CONSENT,
        withdrawn_on__lte=today,
    ).values("case")
    return closed.filter(expired | Q(pk__in=withdrawn))


def _last_day_expired(retention: Duration, today: date) -> date:
    """The latest closing day whose retention ended before `today`. The end of a limit never
    moves earlier when its start moves later (Civil Code Art. 147-148 as add_duration counts),
    so the days that qualify are all those up to this one: found by halving the interval."""
    # Far enough back that the limit has surely ended: a working day is never more than a
    # fortnight of holidays away (Tết), and a calendar limit moves at most that far.
    low = today - timedelta(days=2 * retention.amount + 400)
    high = today  # add_duration(today, ...) never ends before today
    while high - low > timedelta(days=1):
        middle = low + (high - low) // 2
        if add_duration(middle, retention) < today:
            low = middle
        else:
            high = middle
    return low


def cases_purge(
    *, today: date | None = None, acting_user: Any, dry_run: bool = False
) -> dict[str, int]:
    """Remove the personal data of due cases; their statistical attributes (and so every count)
    stay. Returns what was done."""
    today = today or date.today()
    due = list(purge_due(today).values_list("pk", flat=True))
    report = {"cases": len(due)}
    if dry_run or not due:
        return report
    with unit_of_work():
        report.update(_destroy_personal_data(due, today))
        audit_write(
            action="victims.cases_purge", acting_user=acting_user, count=len(due), changes=report
        )
    return report


def case_purge(*, case: Case, acting_user: Any, today: date | None = None) -> dict[str, int]:
    """Purge one case now (consent to processing withdrawn after the case was closed)."""
    today = today or date.today()
    with unit_of_work():
        report = _destroy_personal_data([case.pk], today)
        audit_write(action="victims.case_purge", acting_user=acting_user, obj=case, changes=report)
    return report


def pointing_to(model: Any) -> list[tuple[Any, str]]:
    """Every (model, foreign key) pointing to `model`, hidden relations (related_name="+")
    included. Never other cases: an accompanying child has a case, and a person, of its own
    (merged duplicates are added to the purge by `_with_merged`)."""
    found = []
    for other in apps.get_models():
        if other is Case:
            continue
        for field in other._meta.concrete_fields:
            if field.many_to_one and field.related_model is model:
                found.append((other, field.name))
    return found


def sealed_columns(model: Any) -> list[str]:
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is SealedFile
    ]


def _with_merged(due: list[int]) -> list[int]:
    """The cases and every duplicate merged into them (a merged case keeps its own identity)."""
    found, frontier = set(due), set(due)
    while frontier:
        merged = Case.objects.filter(merged_into__in=frontier).values_list("pk", flat=True)
        frontier = set(merged) - found
        found |= frontier
    return sorted(found)


def _destroy_personal_data(due: list[int], today: date) -> dict[str, int]:
    """Every copy of the cases' personal data: the case's fields and blind indexes (and those of
    duplicates merged into it), personal fields of every record pointing to it, directly or
    through another record (a watch entry escalated to the case, and its checks), and every
    sealed file (papers, evidence) with its encrypted name. Found by walking the models, so a
    new record type is covered too."""
    cases = _with_merged(due)
    report: dict[str, int] = {}
    blank = {name: "" for name in personal_fields(Case)}
    blank.update({column: "" for column in Case.BLIND_INDEXES})
    report["merged duplicates"] = len(cases) - len(due)
    Case.objects.filter(pk__in=cases).update(**blank, purged_on=today)
    # Counts keep the statistical attributes; the cells are redone all the same, so no rollup
    # can disagree with the records it was built from whatever a purge comes to change.
    # The events' cells (which follow the case) are redone with their blanked reasons below.
    rollups.refresh(model=Case, points=rollups.points_of(Case, Case.objects.filter(pk__in=cases)))
    _destroy_related(Case, cases, today, report, depth=0)
    return report


def _destroy_related(
    model: Any, keys: Any, today: date, report: dict[str, int], depth: int
) -> None:
    for other, fk in pointing_to(model):
        rows = other.objects.filter(**{f"{fk}__in": keys})
        label = f"{other._meta.model_name}"
        values: dict[str, Any] = {f: "" for f in personal_fields(other)}
        if any(f.name == "purged_on" for f in other._meta.concrete_fields):
            values["purged_on"] = today  # a watch entry escalated to the case: its identity goes
        if values:
            report[label] = report.get(label, 0) + rows.update(**values)
            rollups.refresh(model=other, points=rollups.points_of(other, rows))
        for column in sealed_columns(other):
            files = list(
                SealedFile.objects.filter(
                    pk__in=rows.filter(**{f"{column}__isnull": False}).values(column)
                )
            )
            rows.update(**{column: None})
            for sealed in files:
                destroy(sealed)
            if files:
                report[f"{label}.{column}"] = len(files)
        if depth < 3:  # records of records (a watch entry's checks); the graph is shallow
            _destroy_related(other, rows.values("pk"), today, report, depth + 1)
