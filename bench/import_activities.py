"""Import a 100,000-row activities workbook; compare with a bare openpyxl read-only pass.

Usage: .venv/bin/python bench/import_activities.py [ROWS]
Uses a throw-away SQLite database (migrated, reference data loaded), writes the workbook to a
temporary file, then times: (1) openpyxl read-only iteration over every cell, (2) ctip's read and
check of every row, (3) the full import (check + write in one transaction). Prints Markdown rows.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    tmp = Path(tempfile.mkdtemp())
    os.environ.update(
        DATABASE_URL=f"sqlite:///{tmp / 'bench.sqlite3'}",
        CTIP_VAR_DIR=str(tmp),
        DJANGO_SETTINGS_MODULE="ctip.settings",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_reference", stdout=open(os.devnull, "w"))  # noqa: SIM115

    from ctip.geo.models import Level, Unit
    from ctip.prevention.import_batch import import_file
    from ctip.prevention.import_checks import check_rows
    from ctip.prevention.importer import COLUMNS, read_file

    communes = list(
        Unit.objects.filter(
            level=Level.COMMUNE, parent__parent__code=51, valid_to=date(2025, 6, 30)
        ).values_list("code", flat=True)
    )
    path = tmp / "activities.xlsx"
    _write(path, rows, communes, list(COLUMNS))
    data = path.read_bytes()

    started = time.perf_counter()
    _bare_pass(path)
    bare = time.perf_counter() - started

    started = time.perf_counter()
    check_rows(read_file(path.name, data))
    checked = time.perf_counter() - started

    started = time.perf_counter()
    import_file(name=path.name, data=data, acting_user=None)
    full = time.perf_counter() - started

    for label, seconds in (
        ("bare openpyxl read-only pass", bare),
        ("ctip read + check (no write)", checked),
        ("ctip full import (check + write)", full),
    ):
        print(f"| {label} | {rows:,} | {seconds:.1f} s | {rows / seconds:,.0f} rows/s |")
    print(f"| ratio check / bare | | {checked / bare:.2f}x | |")


def _write(path: Path, rows: int, communes: list[int], columns: list[str]) -> None:
    from openpyxl import Workbook

    rng = random.Random(1)  # noqa: S311 - benchmark data
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Hoạt động")
    from ctip.prevention.importer import COLUMNS

    sheet.append(list(COLUMNS.values()))
    for _ in range(rows):
        day = date(2021, 1, 1) + timedelta(days=rng.randrange(900))
        sheet.append(
            [
                "qng-ca",
                "session",
                day,
                day,
                rng.choice(communes),
                1,
                rng.randrange(10, 200),
                "không",
                0,
                0,
                "Nhân dân",
                "",
                "",
                "",
            ]
        )
    workbook.save(path)


def _bare_pass(path: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    for row in workbook.worksheets[0].iter_rows(values_only=True):
        for _value in row:
            pass
    workbook.close()


if __name__ == "__main__":
    main()
