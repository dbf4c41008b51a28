"""After `ctip synth`: the benchmark's users and what its requests may ask for.

Usage (inside a ctip environment, see support.ctip_env):
    python bench/site_setup.py --users 20 --password PW --out site.json

Creates `--users` leaders (role "leader", no second factor), spread round-robin over the
synthetic provinces, and writes as JSON: the synthetic window, the provinces (code, id, name,
records), every commune or ward each province covers with its validity (a request names a unit
as it stood on the period's end), the users, and the counts of the load's audit row.
"""

from __future__ import annotations

import argparse
import json
import os
from datetime import date
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--password", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctip.settings")
    import django

    django.setup()
    Path(args.out).write_text(json.dumps(site(args.users, args.password), indent=1))


def site(users: int, password: str) -> dict:
    from django.db import connection

    from ctip.accounts.models import User
    from ctip.accounts.services import assignment_grant
    from ctip.agencies.models import Agency
    from ctip.core.models import AuditEntry
    from ctip.geo.models import COMMUNE_LEVELS, Level, Unit, UnitCover
    from ctip.ops.synth import ACTION
    from ctip.ops.synth.world import window

    batch = AuditEntry.objects.filter(action=ACTION).order_by("-pk").first()
    if batch is None:
        raise SystemExit("no synthetic load found: run ctip synth first")
    options = batch.changes["options"]
    today = date.today()
    start, end = window(options["years"], today)
    ids = (
        Agency.objects.filter(code__startswith="syn-")
        .values_list("unit__rollup_province_id", flat=True)
        .distinct()
    )
    provinces = list(
        Unit.objects.valid_on(today).filter(level=Level.PROVINCE, pk__in=list(ids)).order_by("code")
    )
    out: dict = {
        "window": [start.isoformat(), end.isoformat()],
        "options": options,
        "counts": batch.changes.get("counts", {}),
        "provinces": [],
        "users": [],
    }
    with connection.cursor() as cursor:
        for province in provinces:
            cursor.execute(
                "SELECT COUNT(*) FROM prevention_activity WHERE unit_id IN "
                "(SELECT unit_id FROM geo_unitcover WHERE ancestor_id = %s)",
                [province.pk],
            )
            (activities,) = cursor.fetchone()
            communes = Unit.objects.filter(
                level__in=COMMUNE_LEVELS,
                pk__in=UnitCover.objects.filter(ancestor_id=province.pk).values("unit_id"),
            ).values_list("code", "valid_from", "valid_to")
            out["provinces"].append(
                {
                    "code": province.code,
                    "id": province.pk,
                    "name": province.name,
                    "activities": activities,
                    "communes": [
                        [code, _iso(valid_from), _iso(valid_to)]
                        for code, valid_from, valid_to in communes
                        if _overlaps(valid_from, valid_to, start, end)
                    ],
                }
            )
    for n in range(users):
        province = provinces[n % len(provinces)]
        username = f"bench-leader-{n + 1:02d}"
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username, password=password)
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        assignment_grant(user=user, role="leader", unit=province, acting_user=None)
        out["users"].append({"username": username, "province": province.code})
    return out


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _overlaps(valid_from: date | None, valid_to: date | None, start: date, end: date) -> bool:
    return (valid_from is None or valid_from <= end) and (valid_to is None or valid_to >= start)


if __name__ == "__main__":
    main()
