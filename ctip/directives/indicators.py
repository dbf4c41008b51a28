"""Directive indicators (report section I)."""

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy as _

from ctip.directives.models import Document
from ctip.directives.symbols import KINDS, LAW, OFFICIAL_LETTER
from ctip.geo.models import Level
from ctip.indicators.registry import FLOW, Indicator, register

register(
    Indicator(
        code="directives.documents",
        label=_("Số văn bản chỉ đạo, điều hành"),
        measure=_("văn bản"),
        kind=FLOW,
        records=lambda: Document.objects.all(),
        value=lambda: Count("pk"),
        date_field="date",
        unit_field="recorded_by__unit",
        agency_field="recorded_by",
        dimensions=("agency", "kind", "month", "quarter", "year"),
        kind_field="kind",
        kind_labels={**KINDS, OFFICIAL_LETTER: "Công văn", LAW: "Luật, nghị quyết"},
    )
)


def _local_documents() -> QuerySet:
    return Document.objects.all()


# Every level below the country: the agencies of a province, a district or a commune.
_LOCAL_LEVELS = [level for level in Level.values if level != Level.COUNTRY]

# A document a province (or a unit below it) issued, not a central one it recorded: an issuer in
# the system below the country, or, with no issuer linked, the recording unit's own place in the
# issuer's name ("Ủy ban nhân dân tỉnh Quảng Ngãi" recorded in Quảng Ngãi), as a province's review
# tells its own documents (ctip.reporting.blocks._directives). Party documents without an issuer
# are the centre's. Plain lookups, no subquery object: the definition's text must be the same in
# every process (ctip.exchange.payload.definition).
LOCAL_DOCUMENTS = Q(issuers__unit__level__in=_LOCAL_LEVELS) | Q(
    issuers__isnull=True,
    party=False,
    recorded_by__unit__level__in=_LOCAL_LEVELS,
    issuer_name__contains=Substr(
        F("recorded_by__unit__name"), Length(F("recorded_by__unit__kind")) + 2
    ),
)

register(
    Indicator(
        code="directives.local_documents",
        label=_("Số văn bản chỉ đạo, điều hành do địa phương ban hành"),
        measure=_("văn bản"),
        kind=FLOW,
        records=_local_documents,
        # Distinct: a joint document has several issuers, each a row of the join.
        value=lambda: Count("pk", distinct=True),
        date_field="date",
        unit_field="recorded_by__unit",
        agency_field="recorded_by",
        dimensions=("agency", "kind", "unit", "month", "quarter", "year"),
        filters=LOCAL_DOCUMENTS,
        kind_field="kind",
        kind_labels={**KINDS, OFFICIAL_LETTER: "Công văn", LAW: "Luật, nghị quyết"},
    )
)
