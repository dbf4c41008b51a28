"""Directive indicators (report section I)."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from ctip.directives.models import Document
from ctip.directives.symbols import KINDS, LAW, OFFICIAL_LETTER
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
