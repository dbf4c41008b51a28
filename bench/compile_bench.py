"""Compile the ACTIP review for one province, or for the country, next to the bare SQL of the
same aggregates.

Usage (inside a ctip environment, see support.ctip_env):
    python bench/compile_bench.py --province CODE --start YYYY-MM-DD --end YYYY-MM-DD \
        [--runs 5] --out result.json
    python bench/compile_bench.py --national ...   # or --province 0: the country (ADR 0016)

The national review is the country unit's (`geo.selectors.national_unit`; the indicator engine
reads its rollup cells where they hold a figure, the records elsewhere); its bare SQL is
bare_sql.py's statements without a territory filter (the plain national GROUP BYs), checked
figure by figure the same way.

Creates a draft "actip-review" report for the province over the period, compiles it once to warm
up and `--runs` times timed (median), once more counting its queries; then runs the statements
of bench/bare_sql.py with a raw cursor the same way. Every figure of the compiled text (value,
estimate flag, records counted) and every cell of its annex is checked against the bare SQL;
mismatches are listed in the result (a mismatch is a bug).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

import bare_sql


def main() -> None:
    parser = argparse.ArgumentParser()
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--province", type=int, help="GSO code (today's); 0 is the country")
    where.add_argument("--national", action="store_true", help="the country (as --province 0)")
    parser.add_argument("--start", type=date.fromisoformat, required=True)
    parser.add_argument("--end", type=date.fromisoformat, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctip.settings")
    import django

    django.setup()
    result = measure(0 if args.national else args.province, args.start, args.end, args.runs)
    Path(args.out).write_text(json.dumps(result, indent=1, default=str))


def measure(code: int, start: date, end: date, runs: int) -> dict[str, Any]:
    """`code` 0 is the country: the national review and the national bare SQL."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ctip.geo.models import Level
    from ctip.geo.selectors import national_unit, unit_at
    from ctip.reporting.compile import compile_report
    from ctip.reporting.models import ReportTemplate
    from ctip.reporting.services import report_create

    national = code == 0
    province = national_unit() if national else unit_at(code=code, level=Level.PROVINCE, day=end)
    if province is None:
        raise SystemExit("no country unit: run ctip load_units (ADR 0016)")
    load_before = os.getloadavg()
    template = ReportTemplate.objects.get(code="actip-review")
    report = report_create(
        template=template, unit=province, period_start=start, period_end=end, acting_user=None
    )
    compiled = compile_report(report)  # warm-up
    compile_times = []
    for _ in range(runs):
        started = time.perf_counter()
        compiled = compile_report(report)
        compile_times.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        compile_report(report)
        captured_total = time.perf_counter() - started
    sql_seconds = sum(float(q["time"]) for q in queries.captured_queries)
    by_table: dict[str, list] = {}
    for q in queries.captured_queries:
        found = re.search(r'FROM "?(\w+)"?', q["sql"])
        kind = "count" if q["sql"].startswith("SELECT COUNT(*)") else "other"
        entry = by_table.setdefault(f"{found.group(1) if found else '?'} ({kind})", [0, 0.0])
        entry[0] += 1
        entry[1] += float(q["time"])

    params = {"start": start, "end": end, "unit": province.pk}
    vendor = connection.vendor
    with connection.cursor() as cursor:
        results = bare_sql.run_all(cursor, vendor, params, national)  # warm-up
        bare_times, per_statement = [], {}
        for _ in range(runs):
            started = time.perf_counter()
            for statement in bare_sql.STATEMENTS:
                began = time.perf_counter()
                cursor.execute(statement.text(vendor, national), params)
                cursor.fetchall()
                per_statement.setdefault(statement.name, []).append(time.perf_counter() - began)
            bare_times.append(time.perf_counter() - started)
    expected = bare_sql.values(results)
    mismatches = verify(compiled, expected, template.outline.get("annex", []), province)
    compile_s, bare_s = statistics.median(compile_times), statistics.median(bare_times)
    return {
        "province": {"code": province.code, "name": province.name, "id": province.pk},
        "national": national,
        # The machine is shared: the 1-, 5- and 15-minute load averages before and after.
        "load": [list(load_before), list(os.getloadavg())],
        "period": [start.isoformat(), end.isoformat()],
        "runs": runs,
        "compile_s": compile_s,
        "compile_runs_s": compile_times,
        "compile_queries": len(queries.captured_queries),
        "compile_sql_s": sql_seconds,
        "compile_captured_run_s": captured_total,
        "compile_sql_by_table": dict(sorted(by_table.items(), key=lambda kv: -kv[1][1])),
        "compile_slowest": [
            [float(q["time"]), q["sql"][:400]]
            for q in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:8]
        ],
        "bare_sql_s": bare_s,
        "bare_runs_s": bare_times,
        "bare_statements": len(bare_sql.STATEMENTS),
        "bare_statement_ms": {k: 1000 * statistics.median(v) for k, v in per_statement.items()},
        "ratio": compile_s / bare_s if bare_s else None,
        "figures": len(compiled["figures"]),
        "annex_cells": sum(
            len(row) - 1
            for sheet in compiled["annex"]
            for table in sheet["tables"]
            for row in table["rows"]
        ),
        "checked": mismatches["checked"],
        "mismatches": mismatches["found"],
    }


def verify(compiled: dict, expected: dict[tuple, int], annex: list[dict], unit: Any) -> dict:
    """Figures and annex cells of the compiled report that differ from the bare SQL."""
    found: list[str] = []
    checked = 0
    national = unit.level == "country"
    if national:
        expected = {**expected, **_national_groups(expected)}

    def check(target: str, dims: tuple, keys: tuple, got: Any, where: str) -> None:
        nonlocal checked
        checked += 1
        want = expected.get((target, dims, keys), 0)
        if int(got or 0) != want:
            found.append(
                f"{where}: {target} {dict(zip(dims, keys, strict=True))} compiled {got}, SQL {want}"
            )

    for fid, f in compiled["figures"].items():
        # A figure narrowed to an agency, or to an agency's work of one kind (II.1).
        dims, keys = tuple(f["where"]), tuple(f["where"].values())
        check(f["indicator"], dims, keys, f["value"], f"figure {fid}")
        check("#" + f["indicator"], dims, keys, f["records"], f"figure {fid} records")
        check("~" + f["indicator"], dims, keys, int(f["estimate"]), f"figure {fid} estimate")
    from ctip.indicators.registry import DIMENSIONS

    for spec, sheet in zip(annex, compiled["annex"], strict=True):
        # The annex leaves out a breakdown without rows; its tables are found by their titles.
        tables = {t["title"]: t for t in sheet["tables"]}
        for dim in [None, *spec.get("by", [])]:
            title = "Tổng số" if dim is None else str(DIMENSIONS[dim].label)
            by_province = national and dim == "unit"
            if by_province:
                title = "Theo tỉnh, thành phố"
            table = tables.get(title, {"rows": [], "coded": False})
            want = _annex_rows(
                spec["indicators"], "province" if by_province else dim, expected, unit.name
            )
            # Values only (groups are named as at the period's end, units carry their code);
            # rows of zeros only say nothing either way.
            got = _value_rows([r[2:] if table["coded"] else r[1:] for r in table["rows"]])
            checked += sum(len(r) - 1 for r in table["rows"])
            if got != _value_rows([r[1:] for r in want]):
                missing = sorted(set(_value_rows([r[1:] for r in want])) - set(got))[:3]
                extra = sorted(set(got) - set(_value_rows([r[1:] for r in want])))[:3]
                found.append(
                    f"annex {sheet['sheet']} / {title}: {len(want)} rows by SQL, "
                    f"{len(got)} compiled; e.g. SQL rows not compiled {missing}, compiled rows "
                    f"not in SQL {extra}"
                )
    return {"checked": checked, "found": found}


def _national_groups(expected: dict[tuple, int]) -> dict[tuple, int]:
    """The national review's groups (issue 27), from the bare SQL's own rows: its sectors (the
    agencies of one kind, II.1) from the rows by agency and kind, added up by the heir's kind;
    its annex by today's province from the rows by unit, added up by the unit's
    rollup_province (None: placed in no province)."""
    from ctip.agencies.models import Agency
    from ctip.geo.models import Unit

    agency_ids = {k[0] for (_t, d, k) in expected if d == ("agency", "kind")}
    kinds = dict(Agency.objects.filter(pk__in=agency_ids).values_list("pk", "kind"))
    unit_ids = {k[0] for (_t, d, k) in expected if d == ("unit",)}
    provinces = dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "rollup_province"))
    found: dict[tuple, int] = {}
    for (target, dims, keys), value in expected.items():
        if dims == ("agency", "kind"):
            group = (target, ("agency_kind", "kind"), (kinds.get(keys[0]), keys[1]))
        elif dims == ("unit",):
            group = (target, ("province",), (provinces.get(keys[0]),))
        else:
            continue
        # An estimate flag says whether any record is one; values and records add up.
        added = max if target.startswith("~") else (lambda a, b: a + b)
        found[group] = added(found.get(group, 0), value)
    return found


def _value_rows(rows: list) -> list[tuple]:
    return sorted(tuple(int(v) for v in row) for row in rows if any(int(v) for v in row))


def _annex_rows(codes: list[str], dim: str | None, expected: dict, unit_name: str) -> list:
    from ctip.indicators.registry import DIMENSIONS, REGISTRY

    has = "unit" if dim == "province" else dim
    columns = [c for c in codes if has is None or has in REGISTRY[c].dimensions]
    if dim is None:
        return [[unit_name, *(expected.get((c, (), ()), 0) for c in columns)]]
    keys = sorted(
        {k[0] for (t, d, k) in expected if d == (dim,) and t in columns},
        key=lambda k: (k is None, str(k)),
    )
    if dim == "quarter":
        names = {k: {"name": f"{k // 10}-Q{k % 10}"} for k in keys if k is not None}
    elif dim == "province":  # the national annex by today's province
        names = DIMENSIONS["unit"].describe(keys)
    else:
        names = DIMENSIONS[dim].describe(keys)
    # As the annex does: unit versions sharing a GSO code and name make one row, their values
    # added (the bare SQL groups by unit id).
    rows: dict[tuple, list] = {}
    for k in keys:
        described = names.get(k, {"name": "—"})
        group = (described.get("code"), described["name"]) if dim == "unit" else (k,)
        values = [expected.get((c, (dim,), (k,)), 0) for c in columns]
        row = rows.setdefault(group, [described["name"], *([0] * len(columns))])
        row[1:] = [a + b for a, b in zip(row[1:], values, strict=True)]
    return list(rows.values())


if __name__ == "__main__":
    main()
