"""Writes to a criminal case's record: opening it, editing its modus operandi, counts, route and
outcome, naming suspects. One transaction each, audited without personal values (its stages are
in stages.py, its links in links.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import F
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core.actors import stored_user
from ctip.core.audit import audit_write, field_changes, model_values
from ctip.core.bounds import MAX_COUNT
from ctip.core.countries import is_country, is_nationality
from ctip.core.personal import MASK
from ctip.core.validators import check_date, check_text
from ctip.core.work import unit_of_work
from ctip.enforcement.checks import (
    EnforcementError,
    check_editor,
    check_suspect_texts,
    country_error,
    guard,
    too_many,
)
from ctip.enforcement.models import PLATFORMS, CriminalCase, Stage, StageEvent, Suspect
from ctip.geo.area import agency_area_problem
from ctip.geo.models import Unit
from ctip.periods import locks
from ctip.victims.vocab import EXPLOITATION_FORMS, RECRUITMENT_CHANNELS


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
        check_suspect_texts(suspect)
    errors = []
    if detected_on > date.today():
        errors.append(_("Ngày phát hiện không thể ở tương lai."))
    if destination_country and not is_country(destination_country):
        errors.append(
            _("Không nhận ra nước “%(code)s”; chọn nước trong danh sách.")
            % {"code": destination_country}
        )
    suspects = suspects or []
    count = len(suspects) if suspects_count is None else suspects_count
    if count < 0 or unregistered_victims < 0:
        errors.append(_("Số đối tượng và số nạn nhân không được âm."))
    elif count > MAX_COUNT or unregistered_victims > MAX_COUNT:
        errors.append(too_many())
    elif count < len(suspects):
        errors.append(_("Số đối tượng nhỏ hơn số người đã ghi tên."))
    # A case counts where it was detected: in the owner's area (ctip.geo.area).
    outside = agency_area_problem(owner, unit)
    if outside:
        errors.append(outside)
    if errors:
        raise EnforcementError(" ".join(errors))
    with unit_of_work(sources=[CriminalCase]) as work:
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
            case=case,
            stage=Stage.DETECTED,
            on=detected_on,
            agency=owner,
            actor=stored_user(acting_user),
        )
        work.touch(CriminalCase, (detected_on, unit.pk))
        audit_write(
            action="enforcement.case_create",
            acting_user=acting_user,
            obj=case,
            changes={"number": [None, case.number], "suspects": [None, count]},
        )
    return case


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


def _clean_case_fields(fields: dict[str, Any]) -> dict[str, Any]:
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
            errors.append(country_error(code))
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
            errors.append(too_many())
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
    detected inside an issued report's period needs a reason (reporting.locks). The unit and the
    owner are not editable (EDITABLE), so the case stays inside its owner's area (ctip.geo.area)
    as checked when it was opened."""
    check_editor(acting_user, case)
    values = _clean_case_fields(fields)
    expected = case.version if version is None else version
    with unit_of_work(sources=[CriminalCase]) as work:
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
        lock = guard(CriminalCase, [(locked.detected_on, locked.unit_id)], reason)
        CriminalCase.objects.filter(pk=locked.pk, version=expected).update(
            version=F("version") + 1, **values
        )
        # Unit and date are not editable: the case stays in its cells, whose figures change.
        work.touch(CriminalCase, (locked.detected_on, locked.unit_id))
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
    check_editor(acting_user, case)
    check_suspect_texts(
        {"full_name": full_name, "identity_document": identity_document, "address": address}
    )
    errors = []
    if not full_name.strip():
        errors.append(_("Phải có họ và tên đối tượng."))
    if sex not in SUSPECT_SEXES:
        errors.append(_("Giới tính không có trong danh mục."))
    code = (nationality or "").strip().upper()
    if not is_nationality(code):
        errors.append(country_error(code))
    if errors:
        raise EnforcementError(" ".join(errors))
    with unit_of_work(sources=[CriminalCase]) as work:
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
        work.touch(CriminalCase, (locked.detected_on, locked.unit_id))
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
