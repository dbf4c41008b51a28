"""Cooperation and inspection indicators (report sections II.4 and II.5)."""

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from ctip.cooperation.models import CooperationActivity, Kind
from ctip.core.countries import country_name
from ctip.enforcement.models import Inspection
from ctip.indicators.registry import FLOW, Indicator, register, register_field_dimension

register_field_dimension(
    "cooperation_kind", "kind", dict(Kind.choices), label=_("Theo hình thức hợp tác")
)
register_field_dimension(
    "counterpart_country", "counterpart_country", country_name, label=_("Theo nước đối tác")
)
register(
    Indicator(
        code="cooperation.activities",
        label=_("Số hoạt động hợp tác quốc tế"),
        measure=_("hoạt động"),
        kind=FLOW,
        records=lambda: CooperationActivity.objects.all(),
        value=lambda: Count("pk"),
        date_field="start",
        unit_field="agency__unit",
        dimensions=("cooperation_kind", "counterpart_country", "agency", "month", "year"),
    )
)
register(
    Indicator(
        code="enforcement.inspections",
        label=_("Số cuộc kiểm tra cơ sở kinh doanh có điều kiện"),
        measure=_("cuộc"),
        kind=FLOW,
        records=lambda: Inspection.objects.all(),
        value=lambda: Count("pk"),
        date_field="on",
        dimensions=("agency", "unit", "month", "year"),
    )
)
register(
    Indicator(
        code="enforcement.inspection_violations",
        label=_("Số vi phạm phát hiện qua kiểm tra"),
        measure=_("vi phạm"),
        kind=FLOW,
        records=lambda: Inspection.objects.all(),
        value=lambda: Sum("violations"),
        date_field="on",
        dimensions=("agency", "unit", "month", "year"),
    )
)
