"""Enforcement indicators (report section II.4)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from ctip.agencies.models import Kind
from ctip.enforcement.decision_models import DecisionKind, Sentence, Verdict
from ctip.enforcement.models import (
    PLATFORMS,
    STAGE_OWNER_KIND,
    Campaign,
    CriminalCase,
    Stage,
    StageEvent,
)
from ctip.indicators.registry import FLOW, STOCK, Indicator, register, register_field_dimension
from ctip.indicators.rollups import Source as RollupSource
from ctip.indicators.rollups import register_source
from ctip.victims.vocab import RECRUITMENT_CHANNELS

CASE_DIMS = (
    "agency",
    "unit",
    "platform",
    "modus_operandi",
    "destination",
    "month",
    "quarter",
    "year",
)
# The agencies that own a criminal case: the investigating bodies (a police investigator opens it,
# `selectors.investigating_agency`; the synthetic data also gives the border guard some). An
# agency of another kind (the procuracy, the court) is never the one a case counts for, so its
# dashboard leaves these figures out instead of showing 0 (`Indicator.agency_kinds`).
INVESTIGATING = (Kind.POLICE.value, Kind.BORDER_GUARD.value, Kind.COAST_GUARD.value)


def _cases() -> QuerySet:
    # One function for every case indicator: indicators over the same records share one scan
    # (and one rollup source), which is decided by this identity.
    return CriminalCase.objects.all()


register(
    Indicator(
        code="enforcement.cases_detected",
        label=_("Số vụ mua bán người phát hiện"),
        measure=_("vụ"),
        kind=FLOW,
        records=_cases,
        value=lambda: Count("pk"),
        date_field="detected_on",
        agency_field="owner",
        agency_kinds=INVESTIGATING,
        dimensions=CASE_DIMS,
    )
)
register(
    Indicator(
        code="enforcement.suspects",
        label=_("Số đối tượng"),
        measure=_("đối tượng"),
        kind=FLOW,
        records=_cases,
        value=lambda: Sum("suspects_count"),
        date_field="detected_on",
        agency_field="owner",
        agency_kinds=INVESTIGATING,
        persons=True,
        dimensions=CASE_DIMS,
    )
)
register(
    Indicator(
        code="enforcement.victims_unregistered",
        label=_("Số nạn nhân trong vụ án (chưa lập hồ sơ)"),
        measure=_("người"),
        kind=FLOW,
        records=_cases,
        value=lambda: Sum("unregistered_victims"),
        date_field="detected_on",
        agency_field="owner",
        agency_kinds=INVESTIGATING,
        persons=True,
        dimensions=CASE_DIMS,
    )
)


def _stage_indicator(stage: str, label: object) -> None:
    register(
        Indicator(
            code=f"enforcement.cases_{stage}",
            label=label,
            measure=_("vụ"),
            kind=FLOW,
            records=lambda: StageEvent.objects.filter(stage=stage),
            value=lambda: Count("case", distinct=True),
            date_field="on",
            unit_field="case__unit",
            agency_field="agency",
            # Each stage is taken in an agency of the kind that owns it (stages.stage_advance).
            agency_kinds=(STAGE_OWNER_KIND[stage],),
            dimensions=("agency", "unit", "month", "quarter", "year"),
        )
    )


_stage_indicator(Stage.INSTITUTED, _("Số vụ đã khởi tố"))
_stage_indicator(Stage.INDICTED, _("Số vụ đã truy tố"))
_stage_indicator(Stage.TRIED, _("Số vụ đã xét xử sơ thẩm"))

# The court's verdicts (issue 24): each defendant a first-instance judgment found guilty, in the
# month of the judgment, where the case was detected, by the court that judged. An appeal
# judgment changes a sentence, not the count of those convicted at first instance.
register(
    Indicator(
        code="enforcement.defendants_convicted",
        label=_("Số bị cáo bị kết án sơ thẩm"),
        measure=_("bị cáo"),
        kind=FLOW,
        records=lambda: Sentence.objects.filter(
            verdict=Verdict.GUILTY, decision__kind=DecisionKind.FIRST_INSTANCE
        ),
        value=lambda: Count("pk"),
        date_field="decision__on",
        unit_field="decision__case__unit",
        agency_field="decision__agency",
        # A judgment is the court's (decisions.DECISIONS: its body).
        agency_kinds=(Kind.COURT.value,),
        persons=True,
        dimensions=("agency", "unit", "month", "quarter", "year"),
    )
)

register_field_dimension("platform", "platform", PLATFORMS, label=_("Theo nền tảng"))
register_field_dimension(
    "modus_operandi",
    "recruitment_channel",
    RECRUITMENT_CHANNELS,
    label=_("Theo cách thức tuyển mộ"),
)


# --- watchlist --------------------------------------------------------------------------------
from ctip.enforcement.models import WatchCategory, WatchCheck, WatchEntry  # noqa: E402

register_field_dimension(
    "watch_category", "category", dict(WatchCategory.choices), label=_("Theo diện theo dõi")
)
register(
    Indicator(
        code="enforcement.watch_entries",
        label=_("Số trường hợp đưa vào theo dõi"),
        measure=_("trường hợp"),
        kind=FLOW,
        records=lambda: WatchEntry.objects.all(),
        value=lambda: Count("pk"),
        date_field="opened_on",
        agency_field=None,
        persons=True,
        dimensions=("watch_category", "unit", "month", "year"),
    )
)
register(
    Indicator(
        code="enforcement.watch_checks",
        label=_("Số lượt kiểm tra người được theo dõi"),
        measure=_("lượt"),
        kind=FLOW,
        records=lambda: WatchCheck.objects.all(),
        value=lambda: Count("pk"),
        date_field="on",
        unit_field="entry__unit",
        agency_field=None,
        dimensions=("month", "year"),
    )
)
register(
    Indicator(
        code="enforcement.watch_escalations",
        label=_("Số trường hợp chuyển thành hồ sơ, vụ án"),
        measure=_("trường hợp"),
        kind=FLOW,
        records=lambda: WatchEntry.objects.exclude(closed_on__isnull=True).exclude(
            escalated_victim_case__isnull=True, escalated_criminal_case__isnull=True
        ),
        value=lambda: Count("pk"),
        date_field="closed_on",
        agency_field=None,
        dimensions=("watch_category", "month", "year"),
    )
)


def _watched_on(qs: QuerySet, day: date) -> QuerySet:
    """Entries under watch on `day`: opened, not yet closed, review date not passed."""
    return qs.filter(opened_on__lte=day, review_on__gte=day).exclude(closed_on__lte=day)


def _overdue_on(qs: QuerySet, day: date) -> QuerySet:
    # The next check is today's schedule: on a past day this is the schedule as it now stands.
    return _watched_on(qs, day).filter(next_check_on__lt=day)


for _code, _label, _standing in (
    ("enforcement.watch_active", _("Số người đang được theo dõi"), _watched_on),
    ("enforcement.watch_overdue", _("Số người quá hạn kiểm tra"), _overdue_on),
):
    register(
        Indicator(
            code=_code,
            label=_label,
            measure=_("người"),
            kind=STOCK,
            records=lambda: WatchEntry.objects.all(),
            value=lambda: Count("pk"),
            date_field="opened_on",
            agency_field=None,
            persons=True,
            standing_on=_standing,
            dimensions=("watch_category", "unit"),
        )
    )


# The peaks opened in a period (by their first day), under the agency that led them: a national
# review counts the country's and names the lead sectors (ctip.reporting.national_blocks).
register(
    Indicator(
        code="enforcement.campaigns",
        label=_("Số đợt cao điểm"),
        measure=_("đợt"),
        kind=FLOW,
        records=lambda: Campaign.objects.all(),
        value=lambda: Count("pk"),
        date_field="start",
        unit_field="lead__unit",
        agency_field="lead",
        dimensions=("agency", "unit", "month", "quarter", "year"),
    )
)

# Dashboards read criminal cases and the watchlist from rollups (ADR 0008); every shape is kept
# per day (a province holds a few thousand cases, so its cells stay few).
register_source(
    RollupSource(
        name="enforcement.criminal_case",
        model=CriminalCase,
        indicators=(
            "enforcement.cases_detected",
            "enforcement.suspects",
            "enforcement.victims_unregistered",
        ),
        shapes=((), ("agency",), ("platform",), ("destination",), ("unit",)),
        all_daily=True,
        tally="enforcement.cases_detected",
    )
)
register_source(
    RollupSource(
        name="enforcement.watch_entry",
        model=WatchEntry,
        indicators=("enforcement.watch_entries",),
        shapes=((), ("watch_category",), ("unit",)),
        all_daily=True,
        tally="enforcement.watch_entries",
    )
)
register_source(
    RollupSource(
        name="enforcement.watch_check",
        model=WatchCheck,
        indicators=("enforcement.watch_checks",),
        shapes=((),),
        tally="enforcement.watch_checks",
    )
)
register_source(
    RollupSource(
        name="enforcement.watch_escalation",
        model=WatchEntry,
        indicators=("enforcement.watch_escalations",),
        shapes=((),),
        tally="enforcement.watch_escalations",
    )
)
