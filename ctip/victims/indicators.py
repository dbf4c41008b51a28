"""Victim indicators (report section II.3): de-identified counts only."""

from __future__ import annotations

from typing import Any

from django.db.models import Case as When_
from django.db.models import Count, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from ctip.core.countries import country_name
from ctip.indicators.registry import (
    FLOW,
    STOCK,
    Dimension,
    Indicator,
    register,
    register_dimension,
    register_field_dimension,
)
from ctip.indicators.rollups import Source as RollupSource
from ctip.indicators.rollups import register_source
from ctip.victims.models import Case, CaseEvent
from ctip.victims.states import State
from ctip.victims.vocab import EXPLOITATION_FORMS, Source

CASE_DIMS = (
    "agency",
    "sex",
    "age_band",
    "source",
    "unit",
    "exploitation_form",
    "destination",
    "month",
    "quarter",
    "year",
)


def _cases() -> Any:
    # A duplicate merged into another case is the same person: counted once, as the case kept
    # (its history moved there). A case decided "not a victim" was still received, and counts.
    return Case.objects.filter(merged_into__isnull=True)


register(
    Indicator(
        code="victims.received",
        label=_("Số người được tiếp nhận"),
        measure=_("người"),
        kind=FLOW,
        records=_cases,
        value=lambda: Count("pk", distinct=True),
        date_field="received_on",
        unit_field="home_unit",
        agency_field="owner",
        persons=True,
        dimensions=CASE_DIMS,
    )
)


def _decisions(state: str) -> Any:
    """The events deciding `state` for a person: each live case's first event into it. Later
    ones decide nothing new: a merge's note (from the state to itself), a reopened case going
    back to its decision, and the duplicate's own decision moved to the case kept."""
    # A note is no decision before another either: a merge's note is dated the day of the
    # merge, which may come before a decision recorded ahead of its date.
    earlier = (
        CaseEvent.objects.filter(case=OuterRef("case"), to_state=state)
        .exclude(from_state=state)
        .filter(Q(on__lt=OuterRef("on")) | Q(on=OuterRef("on"), pk__lt=OuterRef("pk")))
    )
    return (
        CaseEvent.objects.filter(to_state=state, case__merged_into__isnull=True)
        .exclude(from_state=F("to_state"))
        .exclude(Exists(earlier))
    )


def _decided(state: str, code: str, label: Any) -> None:
    # A distinct count of cases, but each case has one first decision into a state at most:
    # the count is one of events, and may roll up (the source below).
    register(
        Indicator(
            code=code,
            label=label,
            measure=_("người"),
            kind=FLOW,
            records=lambda: _decisions(state),
            value=lambda: Count("case", distinct=True),
            date_field="on",
            unit_field="case__home_unit",
            agency_field="case__owner",
            persons=True,
            dimensions=("agency", "month", "quarter", "year", "unit"),
            one_record_each=True,
        )
    )


_decided(State.IDENTIFIED, "victims.identified", _("Số người được xác định là nạn nhân"))
_decided(State.NOT_VICTIM, "victims.not_victims", _("Số người xác định không phải nạn nhân"))


def _being_identified_on(qs: Any, day: Any) -> Any:
    # NOT EXISTS, not NOT IN: PostgreSQL hashes a NOT IN subquery only while it fits work_mem,
    # and otherwise rescans it for every case. At the national benchmark's size (293,000 decided
    # cases) one province's figure took 275 s with the default 4 MB against 1.7 s hashed; NOT
    # EXISTS is an anti-join at any size (docs/benchmarks.md, "Full size (7M)").
    decided = CaseEvent.objects.filter(
        case=OuterRef("pk"), to_state__in=(State.IDENTIFIED, State.NOT_VICTIM), on__lte=day
    )
    return qs.filter(received_on__lte=day).filter(~Exists(decided))


register(
    Indicator(
        code="victims.being_identified",
        label=_("Số người đang trong quá trình xác định là nạn nhân"),
        measure=_("người"),
        kind=STOCK,
        records=_cases,
        value=lambda: Count("pk", distinct=True),
        date_field="received_on",
        unit_field="home_unit",
        agency_field="owner",
        persons=True,
        standing_on=_being_identified_on,
        dimensions=("agency", "sex", "age_band", "unit"),
    )
)


register_field_dimension(
    "sex", "sex", {"female": _("Nữ"), "male": _("Nam")}, label=_("Theo giới tính")
)
register_field_dimension("source", "source", dict(Source.choices), label=_("Theo nguồn tiếp nhận"))
# Victims' cases and criminal cases both store the country as `destination_country`.
register_field_dimension(
    "destination", "destination_country", country_name, label=_("Theo nước đến")
)
# A case may record several forms of exploitation (one row each).
register_field_dimension(
    "exploitation_form",
    "exploitation__form",
    EXPLOITATION_FORMS,
    label=_("Theo hình thức bóc lột"),
    many=True,
)
AGE_BANDS = {"<16": _("Dưới 16 tuổi"), "16-17": _("Từ 16 đến dưới 18 tuổi"), "18+": _("Từ 18 tuổi")}
register_dimension(
    Dimension(
        "age_band",
        lambda ind, level: When_(
            When(age_at_reception__lt=16, then=Value("<16")),
            When(age_at_reception__lt=18, then=Value("16-17")),
            default=Value("18+"),
        ),
        lambda keys: {k: {"code": k, "name": str(AGE_BANDS[k])} for k in keys if k},
        label=_("Theo độ tuổi"),
    )
)


# --- support and referrals (victim protection II) ---------------------------------------------
from django.db.models import Avg, Sum  # noqa: E402

from ctip.victims.models import Referral, SupportGiven  # noqa: E402
from ctip.victims.states import ReferralStatus  # noqa: E402
from ctip.victims.vocab import REGIMES  # noqa: E402

register_field_dimension("regime", "regime", REGIMES, label=_("Theo chế độ hỗ trợ"))
register_field_dimension(
    "referral_status",
    "status",
    dict(ReferralStatus.choices),
    label=_("Theo tình trạng chuyển giao"),
)
# One case's own figures (its protection page): `where={"case": <id>}`, never a breakdown
# shown across cases.
register_dimension(
    Dimension(
        "case",
        lambda ind, level: F("case"),
        lambda keys: {
            pk: {"code": code, "name": code}
            for pk, code in Case.objects.filter(pk__in=keys).values_list("pk", "code")
        },
        breakdown=False,
        label=_("Theo hồ sơ nạn nhân"),
    )
)


def _support() -> Any:
    # One function for every support indicator: they share one scan (one query per page).
    return SupportGiven.objects.all()


SUPPORT_DIMS = ("regime", "agency", "month", "quarter", "year", "case")
for _code, _label, _measure, _value, _persons in (
    (
        "victims.support_amount",
        _("Kinh phí hỗ trợ nạn nhân"),
        _("đồng"),
        lambda: Sum("amount"),
        False,
    ),
    (
        "victims.support_persons",
        _("Số người được hỗ trợ"),
        _("người"),
        # A person, not a record: support left on a merged duplicate counts as the case kept.
        lambda: Count(Coalesce("case__merged_into", "case"), distinct=True),
        True,
    ),
    ("victims.support_given", _("Số lượt hỗ trợ"), _("lượt"), lambda: Count("pk"), False),
):
    register(
        Indicator(
            code=_code,
            label=_label,
            measure=_measure,
            kind=FLOW,
            records=_support,
            value=_value,
            date_field="given_on",
            unit_field="case__home_unit",
            agency_field="provider",
            persons=_persons,
            dimensions=SUPPORT_DIMS,
        )
    )

register(
    Indicator(
        code="victims.referrals",
        label=_("Số lượt chuyển hồ sơ giữa các cơ quan"),
        measure=_("lượt"),
        kind=FLOW,
        records=lambda: Referral.objects.all(),
        value=lambda: Count("pk"),
        date_field="sent_on",
        unit_field="case__home_unit",
        agency_field="to_agency",
        dimensions=("referral_status", "agency", "month", "year"),
    )
)
register(
    Indicator(
        code="victims.referral_days_to_accept",
        label=_("Số ngày trung bình để tiếp nhận hồ sơ chuyển"),
        measure=_("ngày"),
        kind=FLOW,
        records=lambda: Referral.objects.filter(
            status__in=(ReferralStatus.ACCEPTED, ReferralStatus.REVOKED),
            days_to_answer__isnull=False,
        ),
        value=lambda: Avg("days_to_answer"),
        additive=False,
        date_field="sent_on",
        unit_field="case__home_unit",
        agency_field="to_agency",
        dimensions=("agency", "year"),
    )
)


# Dashboards read victims received from monthly rollups (ADR 0008), in the breakdowns they draw.
register_source(
    RollupSource(
        name="victims.case",
        model=Case,
        indicators=("victims.received",),
        shapes=(
            (),
            ("agency",),
            ("exploitation_form",),
            ("destination",),
            ("unit",),
            ("sex",),
            ("age_band",),
        ),
        all_daily=True,
        tally="victims.received",
    )
)


# The persons identified, on every province dashboard: read from the records, PostgreSQL
# underestimates how many of a province's cases lie in its cover (it assumes them spread over
# the whole country's units) and probes every case's events, whatever the period (about 15 ms a
# figure at 6,000 cases, growing with the province's cases; docs/benchmarks.md). Cells per day.
# Which event is a case's first decision depends on its other events, and its unit on the case:
# the services touch every event of a case they change, and a write to a case must refresh
# these cells too (`follows`).
register_source(
    RollupSource(
        name="victims.identified",
        model=CaseEvent,
        indicators=("victims.identified",),
        shapes=((), ("agency",)),
        all_daily=True,
        follows=(Case,),
        tally="victims.identified",
    )
)
