"""Completeness and timeliness of agencies' contributions to requested reports: one definition,
shared by the request page, the overdue list and any dashboard.

A contribution counts in the period of the request's date. "On time" means the leader's first
sign-off came on or before the internal deadline, even if the part was returned afterwards;
"returned" counts contributions sent back at least once."""

from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _

from ctip.indicators.registry import FLOW, Dimension, Indicator, register, register_dimension
from ctip.reporting.models import Contribution, ReportRequest
from ctip.reporting.states import ContributionState


def _describe_requests(keys: list) -> dict:
    return {
        r.pk: {"code": str(r.pk), "name": r.number_symbol}
        for r in ReportRequest.objects.filter(pk__in=[k for k in keys if k])
    }


register_dimension(
    Dimension(
        "request",
        lambda ind, level: F("request"),
        _describe_requests,
        label=_("Theo yêu cầu báo cáo"),
    )
)

COMPLETENESS = {
    "reporting.contributions_expected": (_("Số phần báo cáo được giao"), Q()),
    "reporting.contributions_submitted": (
        _("Số phần báo cáo đã gửi"),
        Q(first_submitted_on__isnull=False),
    ),
    "reporting.contributions_on_time": (
        _("Số phần báo cáo gửi đúng hạn"),
        Q(first_submitted_on__lte=F("deadline")),
    ),
    "reporting.contributions_returned": (
        _("Số phần báo cáo bị trả lại"),
        Q(times_returned__gt=0),
    ),
    "reporting.contributions_accepted": (
        _("Số phần báo cáo đã được tiếp nhận"),
        Q(state=ContributionState.ACCEPTED),
    ),
}

for code, (label, condition) in COMPLETENESS.items():
    register(
        Indicator(
            code=code,
            label=label,
            measure=_("phần"),
            kind=FLOW,
            records=lambda: Contribution.objects.all(),
            value=lambda: Count("pk"),
            date_field="request__date",
            unit_field="request__unit",
            agency_field="agency",
            filters=condition,
            dimensions=("agency", "request", "month", "quarter", "year"),
        )
    )
