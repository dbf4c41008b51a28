"""A criminal case's links: the victim cases (within the user's scope), directives and campaigns
it concerns, set in one audited change."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from ctip.core.audit import audit_write
from ctip.core.work import unit_of_work
from ctip.directives.selectors import documents_visible
from ctip.enforcement.checks import EnforcementError, check_editor
from ctip.enforcement.models import CriminalCase
from ctip.enforcement.selectors import campaigns_visible
from ctip.victims.selectors import cases_visible


def criminal_case_link(
    *,
    case: CriminalCase,
    victim_case_codes: list[str],
    directive_ids: list[int],
    campaign_ids: list[int],
    acting_user: Any,
) -> CriminalCase:
    """Set the victim cases, directives and campaigns of the case, each among those the user may
    see: links to records outside their scope (another agency's case, document or campaign) are
    kept as they are. Any unknown code or id refuses the whole change."""

    check_editor(acting_user, case)
    codes = sorted({c.strip().upper() for c in victim_case_codes if c and c.strip()})
    visible = cases_visible(acting_user)
    victims = dict(visible.filter(code__in=codes).values_list("code", "pk"))
    directives = set(
        documents_visible(acting_user)
        .filter(pk__in=set(directive_ids))
        .values_list("pk", flat=True)
    )
    campaigns = set(
        campaigns_visible(acting_user).filter(pk__in=set(campaign_ids)).values_list("pk", flat=True)
    )
    errors = []
    if missing := [c for c in codes if c not in victims]:
        errors.append(
            _("Không có hồ sơ nạn nhân %(codes)s trong phạm vi của bạn.")
            % {"codes": ", ".join(missing)}
        )
    if set(directive_ids) - directives:
        errors.append(_("Có văn bản không có trong sổ văn bản."))
    if set(campaign_ids) - campaigns:
        errors.append(_("Có đợt cao điểm không có trong danh sách."))
    if errors:
        raise EnforcementError(" ".join(errors))
    with unit_of_work(sources=[CriminalCase]) as work:
        locked = CriminalCase.objects.select_for_update().get(pk=case.pk)
        before = _links(locked)
        locked.victim_cases.set(_unseen(locked.victim_cases, visible) | set(victims.values()))
        seen_documents = documents_visible(acting_user)
        locked.directives.set(_unseen(locked.directives, seen_documents) | directives)
        seen_campaigns = campaigns_visible(acting_user)
        locked.campaigns.set(_unseen(locked.campaigns, seen_campaigns) | campaigns)  # type: ignore[attr-defined]
        work.touch_records(CriminalCase, CriminalCase.objects.filter(pk=locked.pk))
        after = _links(locked)
        changes = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
        if changes:
            audit_write(
                action="enforcement.case_link",
                acting_user=acting_user,
                obj=locked,
                changes=changes,
            )
    return CriminalCase.objects.select_related("owner", "unit").get(pk=case.pk)


def _unseen(linked: Any, visible: Any) -> set[int]:
    """The linked records the user cannot see: the form never offered them, so they stay."""
    return set(linked.exclude(pk__in=visible.values("pk")).values_list("pk", flat=True))


def _links(case: CriminalCase) -> dict[str, Any]:
    """The case's links as JSON-safe lists: victim case codes (not personal), directive and
    campaign ids."""
    return {
        "victim_cases": sorted(case.victim_cases.values_list("code", flat=True)),
        "directives": sorted(case.directives.values_list("pk", flat=True)),
        "campaigns": sorted(case.campaigns.values_list("pk", flat=True)),  # type: ignore[attr-defined]
    }
