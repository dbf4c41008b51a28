"""Writes to international cooperation and to inspections and campaigns, audited."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from ctip.agencies.selectors_scope import agencies_acting_for
from ctip.cooperation.models import CooperationActivity, Kind
from ctip.core.audit import audit_write
from ctip.core.bounds import MAX_AMOUNT_VND, MAX_COUNT
from ctip.core.countries import is_country
from ctip.core.permissions import P
from ctip.core.validators import check_date, check_number, check_text
from ctip.core.work import unit_of_work
from ctip.enforcement.models import Campaign, Inspection
from ctip.geo.area import check_agency_area


class RecordError(ValueError):
    pass


def _dates(start: date, end: date) -> None:
    check_date(start, label=_("Từ ngày"), error=RecordError)
    check_date(end, label=_("Đến ngày"), error=RecordError)
    if end < start:
        raise RecordError(_("Ngày kết thúc trước ngày bắt đầu."))
    if start > date.today():
        raise RecordError(_("Ngày bắt đầu ở tương lai."))


def _check_acting_for(agency: Any, acting_user: Any) -> None:
    """A cooperation activity has no unit: it is the agency's, so a user records it only for an
    agency they act for (their own, or one it succeeded). No user (the demo, a command) is the
    system's own write."""
    if not getattr(acting_user, "pk", None):
        return
    if not agencies_acting_for(acting_user, P.EDIT_OWN_AGENCY).filter(pk=agency.pk).exists():
        raise RecordError(
            _("Bạn chỉ ghi nhận được cho cơ quan của mình; %(agency)s không thuộc phạm vi của bạn.")
            % {"agency": agency.name}
        )


def cooperation_record(
    *,
    agency: Any,
    kind: str,
    counterpart_country: str,
    counterpart: str,
    start: date,
    end: date,
    summary: str = "",
    acting_user: Any,
    criminal_cases: list | None = None,
) -> CooperationActivity:
    if kind not in Kind.values:
        raise RecordError(_("Hình thức hợp tác không có trong danh mục."))
    if not is_country(counterpart_country):
        raise RecordError(
            _("Không nhận ra nước “%(value)s”; chọn nước trong danh sách.")
            % {"value": str(counterpart_country)[:40]}
        )
    if not counterpart.strip():
        raise RecordError(_("Chưa nhập cơ quan, tổ chức đối tác."))
    check_text(counterpart, label=_("Cơ quan, tổ chức đối tác"), max_length=200, error=RecordError)
    check_text(summary, label=_("Nội dung"), error=RecordError)
    _dates(start, end)
    _check_acting_for(agency, acting_user)
    with unit_of_work():
        activity = CooperationActivity.objects.create(
            agency=agency,
            kind=kind,
            counterpart_country=counterpart_country.upper(),
            counterpart=counterpart,
            start=start,
            end=end,
            summary=summary,
        )
        activity.criminal_cases.set(criminal_cases or [])
        audit_write(
            action="cooperation.record",
            acting_user=acting_user,
            obj=activity,
            changes={"kind": [None, kind], "country": [None, counterpart_country]},
        )
    return activity


def inspection_record(
    *,
    agency: Any,
    unit: Any,
    on: date,
    establishment_kind: str,
    findings: str = "",
    violations: int = 0,
    sanctions_vnd: int = 0,
    acting_user: Any,
) -> Any:
    if violations < 0 or sanctions_vnd < 0:
        raise RecordError(_("Số vi phạm và tiền xử phạt không được âm."))
    check_number(violations, 0, MAX_COUNT, label=_("Số vi phạm"), error=RecordError)
    check_number(sanctions_vnd, 0, MAX_AMOUNT_VND, label=_("Tiền xử phạt"), error=RecordError)
    check_text(establishment_kind, error=RecordError)  # its length: checked below
    check_text(findings, label=_("Kết quả kiểm tra"), error=RecordError)
    if not establishment_kind.strip():
        raise RecordError(_("Chưa nhập loại cơ sở được kiểm tra."))
    if len(establishment_kind) > (Inspection._meta.get_field("establishment_kind").max_length or 0):
        # SQLite would store it; PostgreSQL refuses: the same clear message on both.
        raise RecordError(_("Tên loại cơ sở quá dài (tối đa 60 ký tự)."))
    _dates(on, on)
    check_agency_area(agency, unit, error=RecordError)
    with unit_of_work():
        inspection = Inspection.objects.create(
            agency=agency,
            unit=unit,
            on=on,
            establishment_kind=establishment_kind,
            findings=findings,
            violations=violations,
            sanctions_vnd=sanctions_vnd,
        )
        audit_write(
            action="enforcement.inspection_record",
            acting_user=acting_user,
            obj=inspection,
            changes={"violations": [None, violations]},
        )
    return inspection


def campaign_record(
    *,
    name: str,
    kind: str,
    start: date,
    end: date,
    lead: Any,
    acting_user: Any,
    cases: list | None = None,
    activities: list | None = None,
) -> Any:
    if kind not in Campaign.Kind.values:
        raise RecordError(_("Loại đợt cao điểm không có trong danh mục."))
    if not name.strip():
        raise RecordError(_("Chưa nhập tên đợt cao điểm."))
    check_text(name, label=_("Tên đợt cao điểm"), max_length=200, error=RecordError)
    check_date(start, label=_("Từ ngày"), error=RecordError)
    check_date(end, label=_("Đến ngày"), error=RecordError)
    if end < start:
        raise RecordError(_("Ngày kết thúc trước ngày bắt đầu."))
    with unit_of_work():
        campaign = Campaign.objects.create(name=name, kind=kind, start=start, end=end, lead=lead)
        campaign.cases.set(cases or [])
        campaign.activities.set(activities or [])
        audit_write(
            action="enforcement.campaign_record",
            acting_user=acting_user,
            obj=campaign,
            changes={"name": [None, name]},
        )
    return campaign
