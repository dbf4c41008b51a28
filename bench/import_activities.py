"""Import a 100,000-row activities workbook; compare with a bare openpyxl read-only pass.

Usage: .venv/bin/python bench/import_activities.py [ROWS] [--postgres] [--no-rollups]
Uses a throw-away SQLite database (with --postgres, a PostgreSQL database dropped at the end),
migrated, reference data loaded, its rollups built as on a server (`--no-rollups`: not built, so
the import skips adding its batch to their cells, as runs before 08/12/2026 did); writes the
workbook to a temporary file, then times: (1) openpyxl read-only iteration over every cell, (2) a
bare python-calamine read of every cell (issue 27: the reader ctip uses when the sheet's survey
allows, ctip.core.calamine_reader), ctip's read alone, (3) ctip's read and check of every row, (4)
the full import (read, check and write in one transaction). Prints Markdown rows with the ratios of
issue 27's goals (import at most 0.5x the openpyxl pass, within 4x the calamine read) and the
process's peak memory (VmHWM; bench/zipbomb.py measures an import alone in a fresh process), and
the machine's speed.
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
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    rows = int(arguments[0]) if arguments else 100_000
    backend = "postgres" if "--postgres" in sys.argv else "sqlite"
    tmp = Path(tempfile.mkdtemp())
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.support import fresh_database, pg_tool

    database = fresh_database(backend, tmp)
    os.environ.update(
        DATABASE_URL=database.url,
        CTIP_VAR_DIR=str(tmp),
        DJANGO_SETTINGS_MODULE="ctip.settings",
    )
    try:
        _run(rows, tmp, backend)
    finally:
        if backend == "postgres":
            from django.db import connections

            connections.close_all()
            pg_tool("dropdb", "--if-exists", "--force", database.name)


def _run(rows: int, tmp: Path, backend: str) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_reference", stdout=open(os.devnull, "w"))  # noqa: SIM115
    if "--no-rollups" not in sys.argv:
        # As on a server, whose rollups are built (`ctip demo`, `ctip synth`, the daily job's
        # `ensure`): the import adds its batch's aggregates to every built rollup's cells, in
        # its transaction. Without built rollups that write is skipped and the import looks
        # faster than it is (the runs before 08/12/2026 measured it so).
        from ctip.indicators import rollups

        rollups.rebuild()

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
    _bare_calamine(data)
    calamine = time.perf_counter() - started

    started = time.perf_counter()
    read = read_file(path.name, data)
    reading = time.perf_counter() - started
    del read

    started = time.perf_counter()
    check_rows(read_file(path.name, data))
    checked = time.perf_counter() - started

    started = time.perf_counter()
    import_file(name=path.name, data=data, acting_user=None)
    full = time.perf_counter() - started

    for label, seconds in (
        ("bare openpyxl read-only pass", bare),
        ("bare python-calamine read", calamine),
        ("ctip read (survey + calamine, rows as the importer keeps them)", reading),
        ("ctip read + check (no write)", checked),
        ("ctip full import (read + check + write)", full),
    ):
        print(f"| {backend}: {label} | {rows:,} | {seconds:.1f} s | {rows / seconds:,.0f} rows/s |")
    print(f"| ratio check / openpyxl | | {checked / bare:.2f}x | |")
    print(f"| ratio import / openpyxl (goal at most 0.5x) | | {full / bare:.2f}x | |")
    print(f"| ratio import / calamine (goal within 4x) | | {full / calamine:.2f}x | |")
    print(f"| peak memory of this process (VmHWM) | | {_peak_mb():,.0f} MB | |")
    from bench.support import python_reference_ms

    print(f"Machine speed: {python_reference_ms()} ms (support.python_reference_ms).")


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


def _bare_calamine(data: bytes) -> None:
    import io

    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    for row in workbook.get_sheet_by_index(0).iter_rows():
        for _value in row:
            pass
    workbook.close()


def _peak_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _bare_pass(path: Path) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    for row in workbook.worksheets[0].iter_rows(values_only=True):
        for _value in row:
            pass
    workbook.close()


if __name__ == "__main__":
    main()
