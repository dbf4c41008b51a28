"""Agencies' contributions to a requested report: assignment, drafting, the leader's sign-off,
and the standing office's acceptance or return, each round kept (writes are audited)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.accounts.scope import scoped
from ctip.agencies.models import Agency
from ctip.agencies.selectors_scope import agencies_acting_for
from ctip.core.audit import audit_write
from ctip.core.permissions import P
from ctip.core.validators import check_date, check_text
from ctip.core.work import unit_of_work
from ctip.indicators.queries import compute
from ctip.indicators.registry import REGISTRY
from ctip.reporting.errors import ReportError
from ctip.reporting.models import Contribution, ContributionRound, ReportRequest
from ctip.reporting.outline import narrative_slots, walk
from ctip.reporting.states import CONTRIBUTION_FLOW, ContributionState

S = ContributionState

# Where each action may be taken: the rest of the workflow is CONTRIBUTION_FLOW's table.
EDITABLE = CONTRIBUTION_FLOW.sources("save")
SIGNABLE = CONTRIBUTION_FLOW.sources("sign_off")
MAX_TEXT = 20_000


def _next_state(contribution: Contribution, action: str) -> str:
    """Where `action` leads from the part's state; anything not in the table is refused."""
    target, _step = CONTRIBUTION_FLOW.by_action(contribution.state, action, error=ReportError)
    return target


def acts_for(user: Any, contribution: Contribution, perm: str) -> bool:
    """Whether `user` holds `perm` for the contribution's agency (or one it succeeded)."""

    return agencies_acting_for(user, perm).filter(pk=contribution.agency_id).exists()


def coordinates(user: Any, request: ReportRequest) -> bool:
    """The standing office of the request's territory."""
    requests = ReportRequest.objects.filter(pk=request.pk)
    return scoped(requests, user, P.COMPILE_REPORTS, agency_field=None, unit_field="unit").exists()


def contribution_codes(request: ReportRequest) -> list[str]:
    """The indicators of the template's figure blocks, in outline order."""

    codes: list[str] = []
    for section in walk(request.template.outline.get("sections", [])):
        for block in section.get("blocks", []):
            for code in _block_codes(block):
                if code not in codes:
                    codes.append(code)
    return codes


def _block_codes(block: dict) -> list[str]:
    if block.get("type") == "figures":
        return [part["indicator"] for part in block.get("parts", [])]
    if block.get("type") == "agency_work":
        kinds = [spec["figure"] for spec in block.get("kinds", []) if spec.get("figure")]
        return kinds + [extra["indicator"] for extra in block.get("extras", [])]
    return []


def contribution_figures(contribution: Contribution) -> list[dict[str, Any]]:
    """The agency's own figures for the request's period, straight from the indicator registry
    (one query per indicator); the agency reads them, it never types them."""

    request = contribution.request
    agency = contribution.agency
    # Figures its kind can never be counted for (the court's judgments in the police's part)
    # are left out, as on its dashboard: shown, they would read 0.
    codes = [
        code
        for code in contribution_codes(request)
        if not REGISTRY[code].agency_kinds or REGISTRY[code].counts_for_kind(agency.kind)
    ]
    if not codes:
        return []
    rows = compute(
        codes,
        unit=request.unit,
        start=request.period_start,
        end=request.period_end,
        where={"agency": agency.rollup_agency_id or agency.pk},
    )
    return [
        {
            "indicator": r["indicator"],
            "label": r["label"],
            "value": int(r["value"] or 0),
            "estimate": r["estimate"],
        }
        for r in rows
    ]


def contributions_assign(
    *, request: ReportRequest, agencies: list[Agency], deadline: date, acting_user: Any
) -> list[Contribution]:
    if not coordinates(acting_user, request):
        raise ReportError(_("Chỉ Cơ quan Thường trực giao nhiệm vụ báo cáo."))
    if not agencies:
        raise ReportError(_("Chọn ít nhất một cơ quan."))
    check_date(deadline, label=_("Hạn nội bộ"), error=ReportError)
    if deadline < request.date:
        raise ReportError(_("Hạn nội bộ không thể trước ngày văn bản yêu cầu."))
    if request.deadline and deadline > request.deadline:
        raise ReportError(
            _("Hạn nội bộ phải trước hạn gửi báo cáo (%(day)s).")
            % {"day": request.deadline.strftime("%d/%m/%Y")}
        )
    taken = Contribution.objects.filter(request=request, agency__in=agencies).first()
    if taken is not None:
        raise ReportError(
            _("%(agency)s đã được giao phần báo cáo này.") % {"agency": taken.agency.name}
        )
    with unit_of_work():
        created = [
            Contribution.objects.create(
                request=request,
                agency=agency,
                deadline=deadline,
                assigned_by=acting_user if getattr(acting_user, "pk", None) else None,
            )
            for agency in agencies
        ]
        audit_write(
            action="reporting.contributions_assign",
            acting_user=acting_user,
            obj=request,
            changes={"agencies": [None, sorted(a.code for a in agencies)]},
            count=len(created),
        )
    return created


def _locked(contribution: Contribution) -> Contribution:
    return Contribution.objects.select_for_update().get(pk=contribution.pk)


def contribution_save(
    *, contribution: Contribution, narratives: dict[str, str], acting_user: Any
) -> Contribution:
    """Save the agency's draft text (its officers or leader)."""
    if not acts_for(acting_user, contribution, P.CONTRIBUTE_REPORTS):
        raise ReportError(_("Chỉ cán bộ của cơ quan được giao mới soạn phần này."))
    slots = {slot for slot, _h, _l in narrative_slots(contribution.request.template.outline)}
    unknown = sorted(set(narratives) - slots)
    if unknown:
        raise ReportError(_("Mẫu báo cáo không có phần viết “%(slot)s”.") % {"slot": unknown[0]})
    if any(len(text) > MAX_TEXT for text in narratives.values()):
        raise ReportError(_("Mỗi phần viết tối đa 20.000 ký tự."))
    for text in narratives.values():
        check_text(text, error=ReportError)  # a NUL character: PostgreSQL's JSON refuses it
    with unit_of_work():
        locked = _locked(contribution)
        state = _next_state(locked, "save")
        merged = {**locked.narratives, **{k: v.strip() for k, v in narratives.items()}}
        changed = sorted(k for k in merged if merged.get(k) != locked.narratives.get(k))
        Contribution.objects.filter(pk=locked.pk).update(narratives=merged, state=state)
        audit_write(
            action="reporting.contribution_save",
            acting_user=acting_user,
            obj=locked,
            changes={"slots": [None, changed], "state": [locked.state, state]},
        )
    contribution.refresh_from_db()
    return contribution


def contribution_sign_off(*, contribution: Contribution, acting_user: Any) -> Contribution:
    """The agency leader signs the part off: a new round holding the text and the figures as
    they stand now, sent to the standing office."""
    if not acts_for(acting_user, contribution, P.SIGN_CONTRIBUTIONS):
        raise ReportError(_("Chỉ lãnh đạo cơ quan được giao mới ký gửi phần này."))
    today = timezone.localdate()
    with unit_of_work():
        locked = _locked(contribution)
        state = _next_state(locked, "sign_off")
        number = locked.rounds.count() + 1  # type: ignore[attr-defined]
        ContributionRound.objects.create(
            contribution=locked,
            number=number,
            narratives=locked.narratives,
            figures=contribution_figures(locked),
            signed_by=acting_user,
            submitted_at=timezone.now(),
        )
        Contribution.objects.filter(pk=locked.pk).update(
            state=state,
            submitted_on=today,
            first_submitted_on=locked.first_submitted_on or today,
        )
        audit_write(
            action="reporting.contribution_sign_off",
            acting_user=acting_user,
            obj=locked,
            changes={"state": [locked.state, state], "round": [None, number]},
        )
    contribution.refresh_from_db()
    return contribution


def contribution_decide(
    *, contribution: Contribution, accept: bool, acting_user: Any, comment: str = ""
) -> Contribution:
    """The standing office accepts the submitted part, or returns it with its comments."""
    if not coordinates(acting_user, contribution.request):
        raise ReportError(_("Chỉ Cơ quan Thường trực tiếp nhận hoặc trả lại phần báo cáo."))
    check_text(comment, label=_("Ý kiến"), max_length=5000, error=ReportError)
    comment = comment.strip()
    if not accept and not comment:
        raise ReportError(_("Trả lại phần báo cáo phải kèm ý kiến (cần sửa, bổ sung gì)."))
    with unit_of_work():
        locked = _locked(contribution)
        state = _next_state(locked, "accept" if accept else "return")
        last = locked.rounds.order_by("-number")[0]  # type: ignore[attr-defined]  # submitted
        ContributionRound.objects.filter(pk=last.pk).update(
            decision=state, decided_by=acting_user, decided_at=timezone.now(), comment=comment
        )
        returned = locked.times_returned + (0 if accept else 1)
        Contribution.objects.filter(pk=locked.pk).update(state=state, times_returned=returned)
        audit_write(
            action="reporting.contribution_decide",
            acting_user=acting_user,
            obj=locked,
            changes={"state": [locked.state, state], "round": [None, last.number]},
        )
    contribution.refresh_from_db()
    return contribution


def accepted_texts(request: ReportRequest) -> dict[str, list[tuple[str, str]]]:
    """For each narrative slot, (agency name, text) of the accepted contributions."""
    found: dict[str, list[tuple[str, str]]] = {}
    accepted = Contribution.objects.filter(request=request, state=S.ACCEPTED).select_related(
        "agency"
    )
    for c in accepted.order_by("agency__name"):
        for slot, text in c.narratives.items():
            if text.strip():
                found.setdefault(slot, []).append((c.agency.name, text.strip()))
    return found


def accepted_by_agency(request: ReportRequest) -> dict[str, dict[int, str]]:
    """For each narrative slot, the accepted text of each agency, keyed by the agency its
    records roll up to (the heir figures are grouped by), so a report puts an agency's words
    beside its own figures."""
    found: dict[str, dict[int, str]] = {}
    accepted = Contribution.objects.filter(request=request, state=S.ACCEPTED).select_related(
        "agency"
    )
    for c in accepted.order_by("agency__name", "pk"):
        heir = c.agency.rollup_agency_id or c.agency_id
        for slot, text in c.narratives.items():
            if text.strip():
                texts = found.setdefault(slot, {})
                texts[heir] = f"{texts[heir]}\n{text.strip()}" if heir in texts else text.strip()
    return found


def overdue(contributions: Any, *, today: date | None = None) -> Any:
    """Parts still owed (not sent, or returned and not sent again) past their deadline."""
    return contributions.filter(state__in=EDITABLE, deadline__lt=today or timezone.localdate())
