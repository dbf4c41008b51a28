"""Derived tables recomputed from the reference data (no user acts here, so no audit row):
run after loads and by the daily job."""

from __future__ import annotations

from datetime import date
from typing import Any

from ctip.agencies.models import Agency, AgencySuccession
from ctip.core.models import rollups_invalidate


def agencies_refresh_heirs(*, today: date | None = None) -> int:
    """Recompute, for every agency, the agency in force today that carries its records."""
    today = today or date.today()
    agencies = {
        a.pk: a
        for a in Agency.objects.only(
            "id", "valid_from", "valid_to", "heir_id", "rollup_agency_id", "parent_id", "kind"
        )
    }
    carrier = dict(
        AgencySuccession.objects.filter(carries_records=True).values_list(
            "predecessor_id", "successor_id"
        )
    )
    heirs = {pk: _heir(pk, agencies, carrier, today) for pk in agencies}
    changed = []
    for pk, agency in agencies.items():
        heir = heirs[pk]
        # The top of the heir's kind, then that top's own heir: the police of a split commune
        # (no record-carrying successor) climbs to its old provincial police, whose figures
        # stand under today's provincial police.
        top = heirs[_top_of_kind(heir, agencies)]
        agency_any: Any = agency
        if (agency_any.heir_id, agency_any.rollup_agency_id) != (heir, top):
            agency_any.heir_id, agency_any.rollup_agency_id = heir, top
            changed.append(agency)
    Agency.objects.bulk_update(changed, ["heir", "rollup_agency"], batch_size=500)
    if changed:
        rollups_invalidate()  # cells keyed by agency heir: stop reading them until rebuilt
    return len(changed)


def _heir(pk: int, agencies: dict[int, Any], carrier: dict[int, int], today: date) -> int:
    heir, seen = pk, {pk}
    while not agencies[heir].is_valid_on(today) and carrier.get(heir) not in (None, *seen):
        heir = carrier[heir]
        seen.add(heir)
    return heir


def _top_of_kind(pk: int, agencies: dict[int, Any]) -> int:
    """Climb parents of the same kind (a district branch to its provincial agency); a parent of
    another kind (the Fatherland Front above a union) is not a roll-up target."""
    seen = {pk}
    while True:
        parent = agencies[pk].parent_id
        if parent is None or parent in seen or agencies[parent].kind != agencies[pk].kind:
            return pk
        pk = parent
        seen.add(pk)
