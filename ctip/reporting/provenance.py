"""The records behind a figure, as its viewer may see them: registers without personal data are
listed; records of a register that describes persons (ctip.indicators.disclosure.PERSON_REGISTERS:
victim cases and their events, support and referrals; criminal cases, their stage events and
suspects; watched persons and their checks) are listed only as far as the viewer's own access
reaches, and otherwise only counted. The count follows the figure: exact in a report for the
state chain, controlled by ctip.indicators.disclosure in a report for publication."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet

from ctip.enforcement.selectors import criminal_cases_visible
from ctip.geo.models import Unit
from ctip.indicators import disclosure
from ctip.indicators.raw import records_behind
from ctip.indicators.registry import REGISTRY
from ctip.victims.selectors import cases_visible

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
    return disclosure.describes_persons(REGISTRY[code])


def listed_for(
    user: Any, figure: dict[str, Any], *, limit: int | None = None
) -> tuple[int | None, list[str], bool]:
    """(records counted, the ones this user may see listed, whether some were withheld). The
    count is None ("<limit") when the figure is disclosure-controlled and the count small."""
    records = figure_records(figure)
    total: int | None = records.count()
    if figure.get("controlled"):
        limit = limit or disclosure.threshold(on=date.fromisoformat(figure["end"]))
        total = disclosure.release(total, limit)
    if not is_personal(figure["indicator"]):
        return total, [_describe(r) for r in _listed(records)], (total or 0) > LISTED
    allowed = _allowed(user, records.model)
    if allowed is None:
        return total, [], True
    visible = records.filter(pk__in=allowed.values("pk"))
    shown = [_describe(r) for r in _listed(visible)]
    return total, shown, total is None or len(shown) < total


# What a record's description reads beyond its own row (a sentence is described by its
# judgment's number, Sentence.__str__): joined in the one query that lists them, not one each.
_DESCRIBED_WITH = {"enforcement.sentence": ("decision",)}


def _listed(records: QuerySet) -> QuerySet:
    related = _DESCRIBED_WITH.get(records.model._meta.label_lower, ())
    return (records.select_related(*related) if related else records)[:LISTED]


def _allowed(user: Any, model: Any) -> QuerySet | None:
    """The records of a register of persons this user opens; None: listed to nobody."""
    label = model._meta.label_lower
    if label in disclosure.VICTIM_REGISTERS:
        cases = cases_visible(user)
        if label == "victims.case":
            return cases
        return model.objects.filter(case__in=cases.values("pk"))
    if label in disclosure.CRIMINAL_REGISTERS:
        criminal = criminal_cases_visible(user)
        if label == "enforcement.criminalcase":
            return criminal
        # A sentence hangs on its judgment, the judgment on the case.
        path = "decision__case" if label == "enforcement.sentence" else "case"
        return model.objects.filter(**{f"{path}__in": criminal.values("pk")})
    return None  # watched persons and their checks: never listed from a report


def _describe(record: Any) -> str:
    """A record by its code or number and date, never by a person's name."""
    for field in ("code", "number", "number_symbol"):
        if getattr(record, field, None):
            return f"{getattr(record, field)} (#{record.pk})"
    return f"{record._meta.verbose_name} #{record.pk}: {record}"
