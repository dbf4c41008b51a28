"""Writing checked activities: the whole batch in one transaction with one audit row (the file's
hash), and `import_file`, the command line's read, check and write."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db.models import Q

from ctip.core.audit import audit_write
from ctip.core.bulk import bulk_insert
from ctip.core.work import unit_of_work
from ctip.prevention.import_checks import check_rows
from ctip.prevention.importer import SPEC_FIELDS, Spec, read_file
from ctip.prevention.models import Activity

ACTIVITY_FIELDS = [*SPEC_FIELDS, "batch_id", "created_by_id"]


def activities_import(
    *,
    specs: list[Spec],
    data: bytes,
    acting_user: Any,
    action: str = "prevention.activities_import",
) -> int:
    """Write every spec in one transaction with one audit row for the batch."""
    with unit_of_work(sources=[Activity]) as work:
        batch = audit_write(
            action=action,
            acting_user=acting_user,
            count=len(specs),
            file_hash=hashlib.sha256(data).hexdigest(),
        )
        user = acting_user.pk if getattr(acting_user, "pk", None) else None
        bulk_insert(Activity, ACTIVITY_FIELDS, (_values(s, batch.pk, user) for s in specs))
        # Ids rise in insertion order within the transaction: the n-th id is the n-th spec's.
        ids = list(Activity.objects.filter(batch=batch).order_by("pk").values_list("pk", flat=True))
        bulk_insert(
            Activity.target_groups.through,
            ["activity_id", "targetgroup_id"],
            ((pk, code) for pk, s in zip(ids, specs, strict=True) for code in s.target_groups),
        )
        bulk_insert(
            Activity.partners.through,
            ["activity_id", "agency_id"],
            ((pk, agency) for pk, s in zip(ids, specs, strict=True) for agency in s.partners),
        )
        # New records only: their aggregates are added to the cells (no month is recomputed).
        work.add(Activity, Q(batch=batch))
    return len(ids)


def _values(s: Spec, batch: int, user: int | None) -> tuple:
    return (*(getattr(s, f) for f in SPEC_FIELDS), batch, user)


def import_file(*, name: str, data: bytes, acting_user: Any, dry_run: bool = False) -> int:
    specs = check_rows(read_file(name, data))
    if dry_run:
        return len(specs)
    return activities_import(specs=specs, data=data, acting_user=acting_user)
