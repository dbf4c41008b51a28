"""Derived tables recomputed from the reference data (no user acts here, so no audit row):
run after loads and by the daily job.

The refresh is its own unit of work (ctip.core.work, without an audit row): the heirs it
rewrites and the rollups it stops commit together or not at all, whoever calls it (a load,
the daily job, `ctip synth`, `ctip shell`). Inside a caller's unit of work it is a savepoint of
the caller's transaction, whose end bumps the dashboards' versions; outside any (alone, or in
`ctip synth`'s plain transaction) its own end bumps the agencies' everywhere, so every panel
recomputes."""

from __future__ import annotations

from datetime import date
from typing import Any

from ctip.agencies.models import Agency, AgencySuccession
from ctip.core.models import rollups_invalidate
from ctip.core.work import unit_of_work


def agencies_refresh_heirs(*, today: date | None = None) -> int:
    """Recompute, for every agency, the agency in force today that carries its records."""
    # Rollup cells are keyed by heir: new heirs with the rollups still read (a failure between
    # the update and the invalidation) would put records under the wrong agency.
    with unit_of_work(audit=False):
        return _refresh(today or date.today())


def _refresh(today: date) -> int:
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
