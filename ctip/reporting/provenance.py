"""The records behind a figure, as its viewer may see them: registers without personal data are
listed; records holding personal data (victim cases, criminal cases, watched persons) are listed
only as far as the viewer's own access reaches, and otherwise only counted."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet

from ctip.core.indicators import REGISTRY, records_behind
from ctip.geo.models import Unit

PERSONAL_MODELS = {"victims.case", "enforcement.criminalcase", "enforcement.watchentry"}
LISTED = 200


def figure_records(figure: dict[str, Any]) -> QuerySet:
    return records_behind(
        figure["indicator"],
        unit=Unit.objects.get(pk=figure["unit"]),
        start=date.fromisoformat(figure["start"]),
        end=date.fromisoformat(figure["end"]),
        where=figure["where"] or None,
    )


def is_personal(code: str) -> bool:
    return REGISTRY[code].records().model._meta.label_lower in PERSONAL_MODELS


def listed_for(user: Any, figure: dict[str, Any]) -> tuple[int, list[str], bool]:
    """(records counted, the ones this user may see listed, whether some were withheld)."""
    records = figure_records(figure)
    total = records.count()
    if not is_personal(figure["indicator"]):
        return total, [_describe(r) for r in records[:LISTED]], total > LISTED
    allowed = _allowed(user, records.model)
    if allowed is None:
        return total, [], total > 0
    visible = records.filter(pk__in=allowed.values("pk"))
    shown = [_describe(r) for r in visible[:LISTED]]
    return total, shown, len(shown) < total


def _allowed(user: Any, model: Any) -> QuerySet | None:
    label = model._meta.label_lower
    if label == "victims.case":
        from ctip.victims.selectors import cases_visible

        return cases_visible(user)
    if label == "enforcement.criminalcase":
        from ctip.enforcement.selectors import criminal_cases_visible

        return criminal_cases_visible(user)
    return None  # watched persons: never listed from a report


def _describe(record: Any) -> str:
    """A record by its code or number and date, never by a person's name."""
    for field in ("code", "number", "number_symbol"):
        if getattr(record, field, None):
            return f"{getattr(record, field)} (#{record.pk})"
    return f"{record._meta.verbose_name} #{record.pk}: {record}"
