"""Names as they stood at a period's end.

Figures "by agency" group by today's heir (`Agency.rollup_agency`, Foundation I), so that a
2023 figure and a 2025 one of the same work add up. A report, an annex or an export for a
period names each group as the agency that stood at the period's end: a 2020-2023 review says
"Sở Lao động - Thương binh và Xã hội", not the department that took its records in 2025.

Units need no such step: a breakdown by unit at its own level (`level=None`) groups by the
record's own unit version, which is named as it stood."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from ctip.agencies.models import Agency
from ctip.geo.models import Unit
from ctip.geo.selectors import covered_unit_ids


def agency_names_at(heir_ids: Iterable[int], *, unit: Unit, day: date) -> dict[int, str]:
    """{heir id: the name to print} for figures of `unit`'s territory grouped by heir: the one
    agency valid on `day`, in the territory, whose records roll up to the heir; the one of
    `unit` itself where several stood; else the heir's own name (an heir none of whose
    agencies stood then, or one with several candidates and none of `unit`'s own)."""
    ids = [pk for pk in heir_ids if pk]
    names = dict(Agency.objects.filter(pk__in=ids).values_list("pk", "name"))
    return _standing_names(names, unit=unit, day=day)


def agency_rows_named_at(
    rows: list[dict[str, Any]], *, unit: Unit, day: date, dimension: str = "agency"
) -> list[dict[str, Any]]:
    """Rows of `compute(..., by=(..., "agency"))` with each agency group named as at `day`;
    the group's code stays the heir's (the key that groups the figures)."""
    codes = {r[dimension]["code"] for r in rows if r.get(dimension, {}).get("code")}
    if not codes:
        return rows
    found = Agency.objects.filter(code__in=codes).values_list("pk", "code", "name")
    pks = {code: pk for pk, code, _name in found}
    names = _standing_names({pk: name for pk, _code, name in found}, unit=unit, day=day)
    out = []
    for row in rows:
        group = row.get(dimension)
        if group and group.get("code") in pks:
            row = {**row, dimension: {**group, "name": names[pks[group["code"]]]}}
        out.append(row)
    return out


def _standing_names(names: dict[int, str], *, unit: Unit, day: date) -> dict[int, str]:
    standing: dict[int, list[tuple[int, str]]] = {}
    candidates = Agency.objects.valid_on(day).filter(
        rollup_agency__in=list(names), unit__in=covered_unit_ids(unit)
    )
    for heir, unit_id, name in candidates.values_list("rollup_agency", "unit", "name"):
        standing.setdefault(heir, []).append((unit_id, name))
    for heir, found in standing.items():
        own = [name for unit_id, name in found if unit_id == unit.pk]
        if len(own) == 1:
            names[heir] = own[0]
        elif len(found) == 1:
            names[heir] = found[0][1]
    return names
