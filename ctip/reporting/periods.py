"""The issued reports as the locked periods that domain services consult (ctip.periods.locks
defines the interface; ReportingConfig.ready provides this)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ctip.periods.locks import IssuedPeriod
from ctip.reporting.models import Correction, Report


class IssuedReports:
    def overlapping(self, start: date, end: date) -> list[IssuedPeriod]:
        issued = Report.objects.filter(
            issued_at__isnull=False, period_start__lte=end, period_end__gte=start
        ).select_related("unit", "issued_compilation")
        return [
            IssuedPeriod(
                pk=r.pk,
                number=r.number,
                unit=r.unit,
                start=r.period_start,
                end=r.period_end,
                figures=(r.issued_compilation.result or {}).get("figures", {})
                if r.issued_compilation
                else {},
            )
            for r in issued.order_by("pk")
        ]

    def correction_write(self, period: IssuedPeriod, **fields: Any) -> None:
        Correction.objects.create(report_id=period.pk, **fields)
