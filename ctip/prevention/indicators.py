"""Prevention indicators (report section II.1 and II.3's volunteer teams)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils.translation import gettext_lazy as _

from ctip.core.validity import valid_on_q
from ctip.indicators.registry import (
    FLOW,
    STOCK,
    Dimension,
    Indicator,
    IndicatorError,
    register,
    register_dimension,
)
from ctip.indicators.rollups import Source, register_source
from ctip.prevention.models import Activity, ActivityKind, Funding, VolunteerCount, VolunteerTeam
from ctip.prevention.target_groups import TARGET_GROUPS

ACTIVITY_DIMS = ("agency", "kind", "target_group", "unit", "month", "quarter", "year")
KIND_LABELS = dict(ActivityKind.choices)


def _activities() -> QuerySet:
    return Activity.objects.all()


def _activity(code: str, label: Any, measure: Any, value: Any, **extra: Any) -> Indicator:
    return register(
        Indicator(
            code=code,
            label=label,
            measure=measure,
            kind=FLOW,
            records=_activities,
            value=value,
            date_field="start_date",
            dimensions=ACTIVITY_DIMS,
            kind_field="kind",
            kind_labels=KIND_LABELS,
            **extra,
        )
    )


_activity(
    "prevention.activities",
    _("Số hoạt động tuyên truyền"),
    _("hoạt động"),
    # COUNT(*): no join repeats an activity within a group (a target-group breakdown puts it
    # once in each of its groups), and PostgreSQL answers it from the covering index alone.
    lambda: Count("*"),
)
# A figure an agency did not state is NULL: the sums skip it, and `default=0` makes a group of
# unstated figures read 0 in SQL too (a rollup cell cannot hold NULL). The activity count above
# still counts such records, so work reported without figures stays visible.
_activity(
    "prevention.sessions",
    _("Số buổi tuyên truyền, tập huấn"),
    _("buổi"),
    lambda: Sum("sessions", default=0),
)
_activity(
    "prevention.participants",
    _("Số lượt người tham dự"),
    _("lượt người"),
    lambda: Sum("participants", default=0),
    estimate_field="participants_estimated",
    persons=True,
    attendance=True,
)
_activity(
    "prevention.media_items",
    _("Số tin, bài, phóng sự"),
    _("tin, bài"),
    lambda: Sum("media_items", default=0),
)
_activity(
    "prevention.sms", _("Số tin nhắn SMS đã gửi"), _("tin nhắn"), lambda: Sum("sms", default=0)
)


def _standing_q(day: date, prefix: str = "") -> Q:
    """A team standing on `day`: established, not yet dissolved (a team dissolved on a day no
    longer stands that day), in a commune valid that day. A team is of its commune: when the
    commune is abolished (1/7/2025) so is the team, even where its dissolution was not recorded;
    the teams re-established in the new communes are the ones counted after it."""
    return (
        Q(**{f"{prefix}established__lte": day})
        & ~Q(**{f"{prefix}dissolved__lte": day})
        & valid_on_q(day, f"{prefix}unit__")
    )


def _teams_standing(qs: QuerySet, day: date) -> QuerySet:
    return qs.filter(_standing_q(day))


def _counts_standing(qs: QuerySet, day: date) -> QuerySet:
    """Each standing team's latest volunteer count on or before `day`."""
    latest = (
        VolunteerCount.objects.filter(team=OuterRef("team"), as_of__lte=day)
        .order_by("-as_of")
        .values("as_of")[:1]
    )
    return qs.filter(_standing_q(day, "team__")).filter(as_of=Subquery(latest))


register(
    Indicator(
        code="prevention.volunteer_teams",
        label=_("Số đội công tác xã hội tình nguyện"),
        measure=_("đội"),
        kind=STOCK,
        records=lambda: VolunteerTeam.objects.all(),
        value=lambda: Count("pk"),
        date_field="established",
        agency_field=None,
        standing_on=_teams_standing,
        dimensions=("unit",),
    )
)
register(
    Indicator(
        code="prevention.volunteers",
        label=_("Số tình nguyện viên"),
        measure=_("người"),
        kind=STOCK,
        records=lambda: VolunteerCount.objects.all(),
        value=lambda: Sum("volunteers"),
        date_field="as_of",
        unit_field="team__unit",
        agency_field=None,
        persons=True,
        standing_on=_counts_standing,
        dimensions=("unit",),
    )
)


def _funding(code: str, label: Any, field: str) -> Indicator:
    return register(
        Indicator(
            code=code,
            label=label,
            measure=_("đồng"),
            kind=FLOW,
            records=lambda: Funding.objects.all(),
            value=lambda: Sum(field),
            date_field="year_start",
            unit_field="agency__unit",
            dimensions=("agency", "year"),
        )
    )


_funding("prevention.funding_allocated", _("Kinh phí được giao"), "allocated")
_funding("prevention.funding_spent", _("Kinh phí đã chi"), "spent")


def _target_group_key(ind: Indicator, level: str | None) -> Any:
    if "target_group" not in ind.dimensions:
        raise IndicatorError(f"{ind.code} has no target groups")
    # One row per (record, group): a record for several groups counts in each of them, so the
    # groups of a breakdown do not add up to the total.
    return F("target_groups")


register_dimension(
    Dimension(
        "target_group",
        _target_group_key,
        lambda keys: {
            k: {"code": k, "name": str(TARGET_GROUPS.get(k, k))} for k in keys if k is not None
        },
        label=_("Theo đối tượng"),
        many=True,
    )
)


# Dashboards read these from monthly rollups (ADR 0008): the shapes are the breakdowns they draw,
# for a territory and, narrowed to one agency, for an agency's own dashboard (by commune: records).
register_source(
    Source(
        name="prevention.activity",
        model=Activity,
        indicators=(
            "prevention.activities",
            "prevention.sessions",
            "prevention.participants",
            "prevention.media_items",
            "prevention.sms",
        ),
        shapes=(
            (),
            ("agency",),
            ("target_group",),
            ("unit",),
            ("agency", "target_group"),
            # The reviews' work by kind and each agency's (sector's) by kind, with the records
            # behind each figure (the tally): at 7M the national review scanned every activity
            # twice for them (docs/benchmarks.md, issue 27).
            ("kind",),
            ("agency", "kind"),
            # The audiences each agency (sector) reached with each kind of work, named in the
            # reviews: at 7M the national review read every activity and its groups for them.
            ("agency", "kind", "target_group"),
        ),
        tally="prevention.activities",
    )
)
