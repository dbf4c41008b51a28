"""Population by unit and year, imported from a CSV that names its source.

Columns: code, level (province|district|commune|special_zone), year, population, source.
The unit is the version of `code` in force on 1 July of `year`. All or nothing.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from ctip.core.audit import audit_write
from ctip.core.bounds import MAX_COUNT, MIN_YEAR
from ctip.core.cells import cell_problem, shown
from ctip.core.csvfiles import check_csv
from ctip.core.text import vn_int
from ctip.core.work import unit_of_work
from ctip.geo.models import Level, Unit
from ctip.prevention.importer import ImportRejected
from ctip.prevention.models import Population

COLUMNS = ("code", "level", "year", "population", "source")


def population_import_csv(*, data: bytes, acting_user: Any) -> int:
    rows = check_csv(data, COLUMNS, _check, ImportRejected)
    with unit_of_work():
        batch = audit_write(
            action="prevention.population_import",
            acting_user=acting_user,
            count=len(rows),
            file_hash=hashlib.sha256(data).hexdigest(),
        )
        for unit, year, population, source in rows:
            Population.objects.update_or_create(
                unit=unit,
                year=year,
                defaults={"population": population, "source": source, "batch": batch},
            )
    return len(rows)


def _source_chars() -> int:
    return Population._meta.get_field("source").max_length  # type: ignore[return-value]


def _check(line: int, raw: dict[str, str], errors: Any) -> tuple | None:
    def bad(message: str) -> None:
        errors.append(_("Dòng %(line)s: %(message)s") % {"line": line, "message": message})

    before = len(errors)
    try:
        code, year, population = int(raw["code"]), int(raw["year"]), int(raw["population"])
    except (TypeError, ValueError):
        bad(_("mã, năm và dân số phải là số nguyên."))
        return None
    level = (raw.get("level") or "").strip()
    if level not in Level.values:
        bad(_("cấp “%(level)s” không hợp lệ.") % {"level": shown(level)})
    if population < 0 or not MIN_YEAR <= year <= date.today().year:
        bad(_("dân số âm hoặc năm không hợp lệ."))
    elif population > MAX_COUNT:
        limit = vn_int(MAX_COUNT)
        bad(_("dân số lớn hơn %(max)s.") % {"max": limit})
    if not 0 < code <= MAX_COUNT:
        bad(_("mã đơn vị không hợp lệ."))
    source = (raw.get("source") or "").strip()
    if not source:
        bad(_("phải ghi nguồn số liệu."))
    elif problem := cell_problem(source, max_length=_source_chars()):
        bad(_("nguồn số liệu %(problem)s") % {"problem": problem})
    if len(errors) > before:
        return None
    unit = Unit.objects.valid_on(date(year, 7, 1)).filter(code=code, level=level).first()
    if unit is None:
        bad(_("không có đơn vị mã %(code)s vào năm %(year)s.") % {"code": code, "year": year})
        return None
    return unit, year, population, source
