"""Writes to administrative units. Each service is one transaction with its audit row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ctip.core.audit import audit_write, field_changes
from ctip.core.work import unit_of_work
from ctip.geo import package_data
from ctip.geo.derived import country_ensure, units_refresh_rollup
from ctip.geo.models import COMMUNE_LEVELS, FLAGS, Level, Source, Unit, UnitSuccession

Key = tuple[str, int, date | None]  # (level, code, valid_to) identifies a version


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    links_created: int = 0
    links_removed: int = 0

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.links_created + self.links_removed


def units_load_package(*, acting_user: Any = None) -> LoadResult:
    """Load (or bring up to date) today's units and the January 2025 snapshot from the package,
    with the succession between them. Idempotent: a second run changes nothing."""
    result = LoadResult()
    with unit_of_work():
        legacy = package_data.legacy_rows()
        current = package_data.current_rows()
        # Created here on a database loaded before ADR 0016 too: a change, so the refresh below
        # rebuilds the cover and rollup_province and stops the old rollup cells.
        result.created += country_ensure()
        ids = _upsert_generation(legacy, result)
        ids |= _upsert_generation(current, result)
        current_levels = {r.code: r.level for r in current if r.level in COMMUNE_LEVELS}
        legacy_keys = {(r.level, r.code): (r.level, r.code, r.valid_to) for r in legacy}
        current_keys = {(r.level, r.code): (r.level, r.code, r.valid_to) for r in current}
        wanted = []
        package_links = package_data.links(current_levels) + package_data.district_links(current)
        for link in package_links:
            pred = ids.get(legacy_keys.get(link.predecessor, ("", 0, None)))
            succ = ids.get(current_keys.get(link.successor, ("", 0, None)))
            if pred and succ:
                wanted.append((pred, succ, link.partial))
        result.links_created = _add_links(wanted, package_data.REFORM_DAY)
        result.links_removed = _drop_stale_links(wanted, package_data.REFORM_DAY)
        if result.changed:
            batch = audit_write(
                action="geo.units_load_package",
                acting_user=acting_user,
                count=result.changed,
                file_hash=package_data.fingerprint(),
                changes={
                    "created": result.created,
                    "updated": result.updated,
                    "links_created": result.links_created,
                    "links_removed": result.links_removed,
                },
            )
            Unit.objects.filter(batch__isnull=True, source=Source.PACKAGE).update(batch=batch)
            units_refresh_rollup()
    return result


def _upsert_generation(rows: list[package_data.Row], result: LoadResult) -> dict[Key, int]:
    """Create or update one generation of units, parents before children."""
    existing = {
        (u.level, u.code, u.valid_to): u
        for u in Unit.objects.filter(source=Source.PACKAGE).only(
            "id", "level", "code", "valid_to", "name", "kind", "parent_id", "valid_from"
        )
    }
    ids: dict[Key, int] = {k: u.pk for k, u in existing.items()}
    order = [Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.SPECIAL_ZONE]
    for level in order:
        level_rows = [r for r in rows if r.level == level]
        to_create, to_update = [], []
        for row in level_rows:
            parent_id = _parent_id(row, rows, ids)
            key = (row.level, row.code, row.valid_to)
            unit = existing.get(key)
            if unit is None:
                to_create.append(_new_unit(row, parent_id))
            elif (unit.name, unit.kind, unit.parent_id) != (row.name, row.kind, parent_id):
                unit.name, unit.kind, unit.parent_id = row.name, row.kind, parent_id
                to_update.append(unit)
        created = Unit.objects.bulk_create(to_create, batch_size=2000)
        Unit.objects.bulk_update(to_update, ["name", "kind", "parent"], batch_size=1000)
        for unit in created:
            ids[(unit.level, unit.code, unit.valid_to)] = unit.pk
        result.created += len(created)
        result.updated += len(to_update)
    return ids


def _parent_id(row: package_data.Row, rows: list[package_data.Row], ids: dict[Key, int]):
    if row.parent is None:
        return None
    level, code = row.parent
    return ids.get((level, code, row.valid_to))


def _new_unit(row: package_data.Row, parent_id: int | None) -> Unit:
    return Unit(
        level=row.level,
        code=row.code,
        name=row.name,
        kind=row.kind,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        parent_id=parent_id,
        source=Source.PACKAGE,
    )


def _add_links(wanted: list[tuple[int, int, bool]], day: date) -> int:
    have = set(UnitSuccession.objects.values_list("predecessor_id", "successor_id"))
    new = [
        UnitSuccession(predecessor_id=p, successor_id=s, date=day, partial=partial)
        for p, s, partial in wanted
        if (p, s) not in have
    ]
    UnitSuccession.objects.bulk_create(new, batch_size=2000)
    return len(new)


def _drop_stale_links(wanted: list[tuple[int, int, bool]], day: date) -> int:
    """Remove links between package units that the package data no longer yields (Tiền Giang
    -> Tây Ninh, an artefact of the package's province table), so a reload repairs them. Links
    of units imported from CSV are never touched."""
    keep = {(p, s) for p, s, _partial in wanted}
    package = UnitSuccession.objects.filter(
        date=day, predecessor__source=Source.PACKAGE, successor__source=Source.PACKAGE
    )
    stale = [
        pk
        for pk, p, s in package.values_list("pk", "predecessor_id", "successor_id")
        if (p, s) not in keep
    ]
    UnitSuccession.objects.filter(pk__in=stale).delete()
    return len(stale)


def unit_set_flags(
    *, unit: Unit, flags: dict[str, bool], flags_source: str, acting_user: Any
) -> Unit:
    """Set the analysis flags of a unit, stating where they come from."""
    unknown = set(flags) - set(FLAGS)
    if unknown:
        raise ValueError(f"unknown flags: {sorted(unknown)}")
    with unit_of_work():
        unit = Unit.objects.select_for_update().get(pk=unit.pk)
        before = {f: getattr(unit, f) for f in (*FLAGS, "flags_source")}
        for name, value in flags.items():
            setattr(unit, name, bool(value))
        unit.flags_source = flags_source
        after = {f: getattr(unit, f) for f in (*FLAGS, "flags_source")}
        changes = field_changes(before, after)
        if changes:
            unit.save(update_fields=[*FLAGS, "flags_source"])
            audit_write(
                action="geo.unit_set_flags", acting_user=acting_user, obj=unit, changes=changes
            )
    return unit
