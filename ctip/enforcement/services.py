"""Writes to criminal cases: one transaction each, audited without personal values."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from ctip.accounts.permissions import ROLES
from ctip.accounts.scope import active_assignments
from ctip.accounts.steps import roles_for_step
from ctip.agencies.models import Agency
from ctip.core import rollups
from ctip.core.audit import audit_write, field_changes, model_values
from ctip.core.bounds import MAX_COUNT, MAX_TEXT
from ctip.core.countries import is_country
from ctip.core.personal import MASK
from ctip.core.validators import check_date, check_text, show_number
from ctip.enforcement.models import (
    PLATFORMS,
    STAGE_OWNER_KIND,
    STAGE_TRANSITIONS,
    CriminalCase,
    Stage,
    StageEvent,
    Suspect,
)
from ctip.geo.models import Unit
from ctip.reporting import locks


class EnforcementError(ValueError):
    pass


def criminal_case_create(
    *,
    owner: Agency,
    detected_on: date,
    source: str,
    unit: Unit,
    acting_user: Any,
    suspects: list[dict[str, str]] | None = None,
    suspects_count: int | None = None,
    unregistered_victims: int = 0,
    destination_country: str = "",
    platform: str = "",
    recruitment_channel: str = "",
    exploitation_form: str = "",
    route: str = "",
) -> CriminalCase:
    check_date(detected_on, label=_("Ngày phát hiện"), error=EnforcementError)
    check_text(route, label=_("Đường đi"), error=EnforcementError)
    for suspect in suspects or []:
        _check_suspect_texts(suspect)
    errors = []
    if detected_on > date.today():
        errors.append(_("Ngày phát hiện không thể ở tương lai."))
    if destination_country and not is_country(destination_country):
        errors.append(
            _("Mã nước “%(code)s” không có trong danh mục ISO 3166.")
            % {"code": destination_country}
        )
    suspects = suspects or []
    count = len(suspects) if suspects_count is None else suspects_count
    if count < 0 or unregistered_victims < 0:
        errors.append(_("Số đối tượng và số nạn nhân không được âm."))
    elif count > MAX_COUNT or unregistered_victims > MAX_COUNT:
        errors.append(_too_many())
    elif count < len(suspects):
        errors.append(_("Số đối tượng nhỏ hơn số người đã ghi tên."))
    if errors:
        raise EnforcementError(" ".join(errors))
    with transaction.atomic():
        year = detected_on.year
        seq = CriminalCase.objects.filter(number__startswith=f"VA-{year}-").count() + 1
        case = CriminalCase.objects.create(
            number=f"VA-{year}-{seq:04d}",
            owner=owner,
            detected_on=detected_on,
            source=source,
            unit=unit,
            suspects_count=count,
            unregistered_victims=unregistered_victims,
            destination_country=destination_country.upper(),
            platform=platform,
            recruitment_channel=recruitment_channel,
            exploitation_form=exploitation_form,
            route=route,
        )
        Suspect.objects.bulk_create(Suspect(case=case, **s) for s in suspects)
        StageEvent.objects.create(
            case=case, stage=Stage.DETECTED, on=detected_on, agency=owner, actor=_user(acting_user)
        )
        rollups.refresh(model=CriminalCase, points=[(detected_on, unit.pk)])
        audit_write(
            action="enforcement.case_create",
            acting_user=acting_user,
            obj=case,
            changes={"number": [None, case.number], "suspects": [None, count]},
        )
    return case


def stage_advance(
    *, case: CriminalCase, to_stage: str, on: date, acting_user: Any, reason: str = ""
) -> CriminalCase:
    """Move the case to its next stage: the right role, in an agency of the kind that owns the
    stage, on a date not before the previous stage. A date inside an issued report's period
    needs a reason (reporting.locks)."""
    check_date(on, label=_("Ngày"), error=EnforcementError)
    if to_stage not in STAGE_TRANSITIONS.get(case.stage, ()):
        raise EnforcementError(
            _("Không thể chuyển vụ án từ “%(old)s” sang “%(new)s”.")
            % {"old": Stage(case.stage).label, "new": Stage(to_stage).label}
        )
    if on > date.today():
        raise EnforcementError(_("Ngày không thể ở tương lai."))
    last = case.stages.order_by("on", "pk").last()  # type: ignore[attr-defined]
    if last is not None and on < last.on:
        raise EnforcementError(
            _("Ngày %(day)s trước ngày của giai đoạn trước (%(prev)s).")
            % {"day": f"{on:%d/%m/%Y}", "prev": f"{last.on:%d/%m/%Y}"}
        )
    agency = _acting_agency(acting_user, to_stage, on)
    with transaction.atomic():
        locked = CriminalCase.objects.select_for_update().get(pk=case.pk)
        if locked.stage != case.stage:
            raise EnforcementError(_("Vụ án vừa được người khác cập nhật."))
        lock = _guard(StageEvent, [(on, locked.unit_id)], reason)
        event = StageEvent.objects.create(
            case=locked, stage=to_stage, on=on, agency=agency, actor=_user(acting_user)
        )
        locks.record(lock, obj=event, action="create", acting_user=acting_user)
        old = locked.stage
        CriminalCase.objects.filter(pk=locked.pk).update(stage=to_stage)
        audit_write(
            action="enforcement.stage_advance",
            acting_user=acting_user,
            obj=locked,
            changes={"stage": [old, to_stage]},
        )
    return CriminalCase.objects.get(pk=case.pk)


def _acting_agency(user: Any, stage: str, on: date) -> Agency:
    allowed = roles_for_step(f"enforcement.{stage}", on=on)
    kind = STAGE_OWNER_KIND[stage]
    for assignment in active_assignments(user):
        agency = assignment.agency
        if (
            assignment.role in allowed
            and assignment.role in ROLES
            and agency is not None
            and agency.kind == kind
        ):
            return agency
    raise EnforcementError(
        _("Chỉ %(roles)s của cơ quan %(kind)s được thực hiện bước này.")
        % {"roles": ", ".join(str(ROLES[r].label) for r in sorted(allowed)) or "—", "kind": kind}
    )


# What may change after creation: the modus operandi, the counts, the route and the outcome
# (route and outcome are encrypted; the audit records only that they changed).
EDITABLE = (
    "recruitment_channel",
    "platform",
    "exploitation_form",
    "destination_country",
    "suspects_count",
    "unregistered_victims",
    "route",
    "outcome",
)
SUSPECT_SEXES = ("", "male", "female")


def _guard(model: Any, points: list[tuple[date, int]], reason: str) -> locks.Lock | None:
    try:
        return locks.guard(model=model, points=points, reason=reason)
    except locks.LockedPeriodError as exc:
        raise EnforcementError(str(exc)) from exc


def _check_editor(acting_user: Any, case: CriminalCase) -> None:
    """Services refuse whoever is not an investigator of the owning police agency, whatever the
    caller checked."""
    from ctip.enforcement.selectors import criminal_cases_editable

    if not criminal_cases_editable(acting_user).filter(pk=case.pk).exists():
        raise EnforcementError(
            _("Chỉ điều tra viên của cơ quan Công an thụ lý được sửa vụ án %(number)s.")
            % {"number": case.number}
        )


def _country_error(code: str) -> str:
    return _("Mã nước “%(code)s” không có trong danh mục ISO 3166.") % {"code": code}


def _too_many() -> str:
    return _("Số đối tượng và số nạn nhân tối đa %(max)s.") % {"max": show_number(MAX_COUNT)}


def _check_suspect_texts(values: dict[str, Any]) -> None:
    limits = {"full_name": 200, "identity_document": 100, "address": MAX_TEXT}
    for name, limit in limits.items():
        check_text(values.get(name), max_length=limit, error=EnforcementError)


def _clean_case_fields(fields: dict[str, Any]) -> dict[str, Any]:
    from ctip.victims.models import EXPLOITATION_FORMS, RECRUITMENT_CHANNELS

    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise EnforcementError(
            _("Không sửa được các trường: %(fields)s.") % {"fields": ", ".join(unknown)}
        )
    values = dict(fields)
    errors = []
    if "destination_country" in values:
        code = (values["destination_country"] or "").strip().upper()
        if code and not is_country(code):
            errors.append(_country_error(code))
        values["destination_country"] = code
    catalogs: dict[str, dict[str, Any]] = {
        "recruitment_channel": RECRUITMENT_CHANNELS,
        "platform": PLATFORMS,
        "exploitation_form": EXPLOITATION_FORMS,
    }
    for name, catalog in catalogs.items():
        if name in values:
            values[name] = values[name] or ""
            if values[name] and values[name] not in catalog:
                errors.append(
                    _("“%(value)s” không có trong danh mục %(field)s.")
                    % {
                        "value": values[name],
                        "field": getattr(CriminalCase._meta.get_field(name), "verbose_name", name),
                    }
                )
    for name in ("suspects_count", "unregistered_victims"):
        if name in values and (values[name] is None or int(values[name]) < 0):
            errors.append(_("Số đối tượng và số nạn nhân không được âm."))
            break
        if name in values and int(values[name]) > MAX_COUNT:
            errors.append(_too_many())
            break
    for name in ("route", "outcome"):
        if name in values:
            check_text(values[name], error=EnforcementError)
            values[name] = (values[name] or "").strip()
    if errors:
        raise EnforcementError(" ".join(errors))
    return values


def criminal_case_update(
    *,
    case: CriminalCase,
    acting_user: Any,
    version: int | None = None,
    reason: str = "",
    **fields: Any,
) -> CriminalCase:
    """Save edits made on `version` (by default the version `case` was read at); if someone saved
    in between, refuse (no lost update). Only investigators of the owning police agency. A case
    detected inside an issued report's period needs a reason (reporting.locks)."""
    _check_editor(acting_user, case)
    values = _clean_case_fields(fields)
    expected = case.version if version is None else version
    with transaction.atomic():
        locked = CriminalCase.objects.select_for_update().get(pk=case.pk)
        if locked.version != expected:
            raise EnforcementError(
                _(
                    "Vụ án %(number)s vừa được người khác sửa. Hãy mở lại vụ án để xem thay đổi "
                    "rồi sửa lại; thay đổi của bạn chưa được lưu."
                )
                % {"number": locked.number}
            )
        named = Suspect.objects.filter(case=locked).count()
        if values.get("suspects_count", named) < named:
            raise EnforcementError(
                _("Số đối tượng nhỏ hơn số người đã ghi tên (%(named)s).") % {"named": named}
            )
        changes = field_changes(model_values(locked, list(values)), values, model=CriminalCase)
        if not changes:
            return locked
        lock = _guard(CriminalCase, [(locked.detected_on, locked.unit_id)], reason)
        CriminalCase.objects.filter(pk=locked.pk, version=expected).update(
            version=F("version") + 1, **values
        )
        # Unit and date are not editable: the case stays in its cells, whose figures change.
        rollups.refresh(model=CriminalCase, points=[(locked.detected_on, locked.unit_id)])
        audit_write(
            action="enforcement.case_update",
            acting_user=acting_user,
            obj=locked,
            changes=changes,
        )
        locks.record(lock, obj=locked, action="update", acting_user=acting_user)
    return CriminalCase.objects.select_related("owner", "unit").get(pk=case.pk)


def suspect_add(
    *,
    case: CriminalCase,
    full_name: str,
    identity_document: str,
    address: str,
    sex: str,
    nationality: str,
    acting_user: Any,
) -> Suspect:
    """Name one more suspect (identity encrypted); the case's count never falls below the
    number of named suspects."""
    _check_editor(acting_user, case)
    _check_suspect_texts(
        {"full_name": full_name, "identity_document": identity_document, "address": address}
    )
    errors = []
    if not full_name.strip():
        errors.append(_("Phải có họ và tên đối tượng."))
    if sex not in SUSPECT_SEXES:
        errors.append(_("Giới tính không có trong danh mục."))
    code = (nationality or "").strip().upper()
    if not is_country(code):
        errors.append(_country_error(code))
    if errors:
        raise EnforcementError(" ".join(errors))
    with transaction.atomic():
        locked = CriminalCase.objects.select_for_update().get(pk=case.pk)
        suspect = Suspect.objects.create(
            case=locked,
            full_name=full_name.strip(),
            identity_document=identity_document.strip(),
            address=address.strip(),
            sex=sex,
            nationality=code,
        )
        count = max(locked.suspects_count, Suspect.objects.filter(case=locked).count())
        CriminalCase.objects.filter(pk=locked.pk).update(
            suspects_count=count, version=F("version") + 1
        )
        if count != locked.suspects_count:
            rollups.refresh(model=CriminalCase, points=[(locked.detected_on, locked.unit_id)])
        # The identity is recorded only as given or not: never its value.
        given = {"full_name": full_name, "identity_document": identity_document, "address": address}
        changes: dict[str, Any] = {
            "suspect": [None, suspect.pk],
            **{k: [None, MASK] for k, v in given.items() if v.strip()},
            "sex": [None, sex],
            "nationality": [None, code],
        }
        if count != locked.suspects_count:
            changes["suspects_count"] = [locked.suspects_count, count]
        audit_write(
            action="enforcement.suspect_add", acting_user=acting_user, obj=locked, changes=changes
        )
    return suspect


def criminal_case_link(
    *,
    case: CriminalCase,
    victim_case_codes: list[str],
    directive_ids: list[int],
    campaign_ids: list[int],
    acting_user: Any,
) -> CriminalCase:
    """Set the victim cases, directives and campaigns of the case. Victim cases only among those
    the user may see (links to cases outside their scope are kept as they are); any unknown code
    or id refuses the whole change."""
    from ctip.directives.selectors import documents_visible
    from ctip.enforcement.models import Campaign
    from ctip.victims.selectors import cases_visible

    _check_editor(acting_user, case)
    codes = sorted({c.strip().upper() for c in victim_case_codes if c and c.strip()})
    visible = cases_visible(acting_user)
    victims = dict(visible.filter(code__in=codes).values_list("code", "pk"))
    directives = set(
        documents_visible(acting_user)
        .filter(pk__in=set(directive_ids))
        .values_list("pk", flat=True)
    )
    campaigns = set(Campaign.objects.filter(pk__in=set(campaign_ids)).values_list("pk", flat=True))
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
    with transaction.atomic():
        locked = CriminalCase.objects.select_for_update().get(pk=case.pk)
        hidden = set(
            locked.victim_cases.exclude(pk__in=visible.values("pk")).values_list("pk", flat=True)
        )
        before = _links(locked)
        locked.victim_cases.set(hidden | set(victims.values()))
        locked.directives.set(directives)
        locked.campaigns.set(campaigns)  # type: ignore[attr-defined]
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


def _links(case: CriminalCase) -> dict[str, Any]:
    """The case's links as JSON-safe lists: victim case codes (not personal), directive and
    campaign ids."""
    return {
        "victim_cases": sorted(case.victim_cases.values_list("code", flat=True)),
        "directives": sorted(case.directives.values_list("pk", flat=True)),
        "campaigns": sorted(case.campaigns.values_list("pk", flat=True)),  # type: ignore[attr-defined]
    }


def _user(acting_user: Any) -> Any:
    return acting_user if getattr(acting_user, "pk", None) else None
