"""The activity import on the database of the environment (SQLite or PostgreSQL), as JSON.

Usage (inside a ctip environment, see support.ctip_env; reference data loaded):
    python bench/import_bench.py [--rows 100000] --out result.json

The same workbook and steps as bench/import_activities.py (which stays the SQLite-only, Markdown
printing version): a bare openpyxl read-only pass, ctip's read and check of every row, and the
full import (check + write in one transaction), each timed once in this process.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_activities import _bare_pass, _write  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctip.settings")
    import django

    django.setup()
    Path(args.out).write_text(json.dumps(measure(args.rows), indent=1))


def measure(rows: int) -> dict:
    from django.db import connection

    from ctip.geo.models import Level, Unit
    from ctip.prevention.import_batch import import_file
    from ctip.prevention.import_checks import check_rows
    from ctip.prevention.importer import COLUMNS, read_file
    from ctip.prevention.models import Activity

    communes = list(
        Unit.objects.filter(
            level=Level.COMMUNE, parent__parent__code=51, valid_to=date(2025, 6, 30)
        ).values_list("code", flat=True)
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "activities.xlsx"
        _write(path, rows, communes, list(COLUMNS))
        data = path.read_bytes()

        started = time.perf_counter()
        _bare_pass(path)
        bare = time.perf_counter() - started

    started = time.perf_counter()
    check_rows(read_file(path.name, data))
    checked = time.perf_counter() - started

    before = Activity.objects.count()
    started = time.perf_counter()
    import_file(name=path.name, data=data, acting_user=None)
    full = time.perf_counter() - started
    written = Activity.objects.count() - before
    if written != rows:
        raise SystemExit(f"import wrote {written} activities, expected {rows}")
    return {
        "backend": connection.vendor,
        "rows": rows,
        "activities_before": before,
        "bare_read_s": bare,
        "check_s": checked,
        "import_s": full,
        "check_ratio": checked / bare,
        "import_ratio": full / bare,
    }


if __name__ == "__main__":
    main()
