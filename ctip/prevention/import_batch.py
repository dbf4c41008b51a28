"""Writing checked activities: the whole batch in one transaction with one audit row (the file's
hash), and `import_file`, the command line's read, check and write."""

from __future__ import annotations

import hashlib
from operator import attrgetter
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core.audit import audit_write
from ctip.core.bulk import bulk_insert
from ctip.core.text import vn_int
from ctip.core.work import unit_of_work
from ctip.geo.area import outside_message
from ctip.geo.models import Unit, UnitCover
from ctip.prevention.import_checks import check_rows, fresh_rows
from ctip.prevention.importer import SPEC_FIELDS, ImportRejected, Spec, read_file
from ctip.prevention.models import Activity

ACTIVITY_FIELDS = [*SPEC_FIELDS, "batch_id", "created_by_id", "source_instance"]


def activities_import(
    *,
    specs: list[Spec],
    data: bytes,
    acting_user: Any,
    action: str = "prevention.activities_import",
    instances: list[str] | None = None,
) -> int:
    """Write every spec in one transaction with one audit row for the batch; refused
    (ImportRejected, nothing written) when a spec's unit lies outside its agency's area.
    `instances`: the field form submission each spec came from (import_checks.fresh_rows)."""
    if instances is not None and len(instances) != len(specs):
        raise ValueError("one instance per spec")
    sources = instances if instances is not None else [None] * len(specs)
    with unit_of_work(sources=[Activity]) as work:
        refuse_outside_area(specs)
        batch = audit_write(
            action=action,
            acting_user=acting_user,
            count=len(specs),
            file_hash=hashlib.sha256(data).hexdigest(),
        )
        user = acting_user.pk if getattr(acting_user, "pk", None) else None
        bulk_insert(
            Activity,
            ACTIVITY_FIELDS,
            (_values(s, batch.pk, user, i) for s, i in zip(specs, sources, strict=True)),
        )
        # Ids rise in insertion order within the transaction: the n-th id is the n-th spec's.
        ids = list(Activity.objects.filter(batch=batch).order_by("pk").values_list("pk", flat=True))
        bulk_insert(
            Activity.target_groups.through,
            ["activity_id", "targetgroup_id"],
            # A group or partner named twice is one link (check_rows merges them already; a
            # caller's own specs could repeat one, and the link table takes each pair once).
            (
                (pk, code)
                for pk, s in zip(ids, specs, strict=True)
                for code in dict.fromkeys(s.target_groups)
            ),
        )
        bulk_insert(
            Activity.partners.through,
            ["activity_id", "agency_id"],
            (
                (pk, agency)
                for pk, s in zip(ids, specs, strict=True)
                for agency in dict.fromkeys(s.partners)
            ),
        )
        # New records only: their aggregates are added to the cells (no month is recomputed).
        work.add(Activity, Q(batch=batch))
    return len(ids)


# The messages name at most this many (agency, unit) pairs outside the area.
OUTSIDE_SHOWN = 5


def refuse_outside_area(specs: list[Spec]) -> None:
    """check_rows refuses, row by row, a unit outside its agency's area (ctip.geo.area); the
    write refuses it again, so that a caller that skipped the check (or checked other rows)
    writes nothing there either. One query for the whole batch: the (agency, unit) pairs the
    cover table holds, for the batch's agencies and units."""
    wanted = {(s.agency_id, s.unit_id) for s in specs}
    if not wanted:
        return
    inside = set(
        UnitCover.objects.filter(
            unit_id__in={unit for _agency, unit in wanted},
            ancestor__agencies__in={agency for agency, _unit in wanted},
        ).values_list("ancestor__agencies", "unit_id")
    )
    outside = sorted(wanted - inside)
    if not outside:
        return
    shown = outside[:OUTSIDE_SHOWN]
    agencies = Agency.objects.in_bulk([agency for agency, _unit in shown])
    units = Unit.objects.select_related("parent__parent__parent").in_bulk(
        [unit for _agency, unit in shown]
    )
    errors = [
        outside_message(units[unit], agencies[agency])
        if unit in units and agency in agencies
        else _("Có cơ quan hoặc địa bàn không có trong danh mục.")
        for agency, unit in shown
    ]
    if len(outside) > len(shown):
        errors.append(
            _("Và %(n)s cặp cơ quan, địa bàn khác ở ngoài địa bàn của cơ quan.")
            % {"n": vn_int(len(outside) - len(shown))}
        )
    raise ImportRejected(errors)


# A spec's own fields as a tuple, in one call (an import runs this for every row).
_spec_values = attrgetter(*SPEC_FIELDS)


def _values(s: Spec, batch: int, user: int | None, instance: str | None) -> tuple:
    return (*_spec_values(s), batch, user, instance)


def import_file(*, name: str, data: bytes, acting_user: Any, dry_run: bool = False) -> int:
    fresh = fresh_rows(read_file(name, data))
    specs = check_rows(fresh.rows)
    if dry_run:
        return len(specs)
    return activities_import(
        specs=specs,
        data=data,
        acting_user=acting_user,
        action=(
            "prevention.fieldform_import" if fresh.submitted else "prevention.activities_import"
        ),
        instances=fresh.instances,
    )
