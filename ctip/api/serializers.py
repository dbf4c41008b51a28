"""What the API reads and writes. Every serializer lists its fields one by one (never `__all__`):
a field added to a model reaches no client until it is named here, and a test refuses any field
backed by a personal field (ctip.core.personal). Query filters are serializers too: a bad
filter is a 400, never ignored."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers

from ctip.core.bounds import MAX_CELL, MAX_COUNT, MAX_DATE, MAX_TEXT, MIN_DATE
from ctip.directives.models import Document
from ctip.indicators.public import LEVELS, NAMES, PERIOD_END
from ctip.indicators.registry import DIMENSIONS, REGISTRY
from ctip.prevention.models import Activity, ActivityKind, Campaign

MAX_LIST = 20


class BoundedDateField(serializers.DateField):
    """A date within ctip's bounds (1945-2100): a year 1 or 9999 would overflow period sums."""

    def to_internal_value(self, value: Any) -> date:
        day = super().to_internal_value(value)
        if not MIN_DATE <= day <= MAX_DATE:
            raise serializers.ValidationError(
                _("Ngày phải trong khoảng %(min)s – %(max)s.")
                % {"min": f"{MIN_DATE:%d/%m/%Y}", "max": f"{MAX_DATE:%d/%m/%Y}"}
            )
        return day


def _text(max_length: int = MAX_CELL, **kwargs: Any) -> serializers.CharField:
    return serializers.CharField(max_length=max_length, **kwargs)


def _count() -> serializers.IntegerField:
    # None: the figure was not stated (distinct from a stated 0), as in the workbook.
    return serializers.IntegerField(
        min_value=0, max_value=MAX_COUNT, required=False, allow_null=True, default=None
    )


# --- indicators ----------------------------------------------------------------------------------


def _query_fields(*, by: list[str], by_required: bool) -> dict[str, serializers.Field]:
    """The query language of `ctip indicators` (--unit, --from, --to, --by, --level, --names)."""
    return {
        "unit": _text(100, required=False),
        "from": BoundedDateField(required=False),
        "to": BoundedDateField(required=False),
        "by": serializers.ListField(
            child=serializers.ChoiceField(choices=by),
            required=by_required,
            min_length=1 if by_required else 0,
            max_length=3,
        ),
        "level": serializers.ChoiceField(choices=LEVELS, required=False),
        "names": serializers.ChoiceField(choices=NAMES, default=PERIOD_END),
    }


BREAKDOWNS = sorted(d for d, dimension in DIMENSIONS.items() if dimension.breakdown)
# `from` is a Python keyword: the classes are made from a dict of fields.
IndicatorQuery = type(
    "IndicatorQuery",
    (serializers.Serializer,),
    {
        **_query_fields(by=BREAKDOWNS, by_required=False),
        "indicator": serializers.ListField(
            child=serializers.ChoiceField(choices=sorted(REGISTRY)),
            required=False,
            max_length=len(REGISTRY),
        ),
    },
)
# De-identified aggregates of victim cases: who was received and identified, by one breakdown.
CASE_BREAKDOWNS = ["age_band", "destination", "exploitation_form", "sex", "source", "unit"]
CaseAggregateQuery = type(
    "CaseAggregateQuery",
    (serializers.Serializer,),
    _query_fields(by=CASE_BREAKDOWNS, by_required=True),
)


class GroupSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class IndicatorRowSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    label = serializers.CharField()
    # null: withheld by the disclosure rule (below the threshold, or not a count).
    value = serializers.FloatField(allow_null=True)
    withheld = serializers.BooleanField()
    estimate = serializers.BooleanField()
    groups = serializers.DictField(child=GroupSerializer())


class UnitSerializer(serializers.Serializer):
    code = serializers.IntegerField()
    name = serializers.CharField()


class IndicatorAnswerSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()
    unit = UnitSerializer()
    threshold = serializers.IntegerField(help_text="k of the disclosure rule")
    rows = IndicatorRowSerializer(many=True)


class CatalogIndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    kind = serializers.CharField()
    dimensions = serializers.ListField(child=serializers.CharField())
    controlled = serializers.BooleanField()


class CatalogDimensionSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    breakdown = serializers.BooleanField()


class CatalogSerializer(serializers.Serializer):
    indicators = CatalogIndicatorSerializer(many=True)
    dimensions = CatalogDimensionSerializer(many=True)


# --- activities ----------------------------------------------------------------------------------


class ActivityQuery(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ActivityKind.values, required=False)
    date_from = BoundedDateField(required=False)
    date_to = BoundedDateField(required=False)
    q = _text(200, required=False)


class NamedSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class UnitRefSerializer(serializers.Serializer):
    code = serializers.IntegerField()
    name = serializers.CharField()


class ActivitySerializer(serializers.ModelSerializer):
    agency = NamedSerializer()
    unit = UnitRefSerializer()
    target_groups = serializers.SerializerMethodField()
    partners = serializers.SerializerMethodField()

    class Meta:
        model = Activity
        fields = [
            "id",
            "agency",
            "kind",
            "start_date",
            "end_date",
            "unit",
            "sessions",
            "participants",
            "participants_estimated",
            "media_items",
            "sms",
            "target_groups",
            "partners",
            "campaign",
            "theme",
            "notes",
        ]

    def get_target_groups(self, obj: Activity) -> list[str]:
        return sorted(g.pk for g in obj.target_groups.all())

    def get_partners(self, obj: Activity) -> list[str]:
        return sorted(a.code for a in obj.partners.all())


class ActivityWriteSerializer(serializers.Serializer):
    """An activity as the workbook names it (ctip.prevention.importer.COLUMNS): agency by code
    or name, unit by GSO code, target groups and partners by code or name. The values are then
    checked by the same rules as a workbook row and the web form (import_checks.check_rows)."""

    agency = _text(200)
    kind = serializers.ChoiceField(choices=ActivityKind.values)
    start_date = BoundedDateField()
    end_date = BoundedDateField()
    unit = serializers.IntegerField(min_value=1, max_value=MAX_COUNT)
    sessions = _count()
    participants = _count()
    participants_estimated = serializers.BooleanField(default=False)
    media_items = _count()
    sms = _count()
    target_groups = serializers.ListField(
        child=_text(200), required=False, default=list, max_length=MAX_LIST
    )
    partners = serializers.ListField(
        child=_text(200), required=False, default=list, max_length=MAX_LIST
    )
    campaign = serializers.ChoiceField(choices=Campaign.values, required=False, default="")
    theme = _text(300, required=False, allow_blank=True, default="")
    notes = _text(MAX_TEXT, required=False, allow_blank=True, default="")
    # Required when the activity falls in the period of an issued report (as on the form).
    reason = _text(1000, required=False, allow_blank=True, default="")


class ActivityDeleteQuery(serializers.Serializer):
    reason = _text(1000, required=False, allow_blank=True, default="")


# --- directives ----------------------------------------------------------------------------------


class DocumentQuery(serializers.Serializer):
    q = _text(200, required=False)
    date_from = BoundedDateField(required=False)
    date_to = BoundedDateField(required=False)
    issuer = _text(200, required=False)


class DocumentSerializer(serializers.ModelSerializer):
    issuer_codes = serializers.ListField(child=serializers.CharField())
    has_file = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "number_symbol",
            "number",
            "year",
            "kind",
            "party",
            "date",
            "issuer_name",
            "issuer_codes",
            "subject",
            "has_file",
        ]

    def get_has_file(self, obj: Document) -> bool:
        return bool(obj.file)
