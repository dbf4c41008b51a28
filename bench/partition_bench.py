"""Partitioning by province, measured (issue 27, docs/scale.md): the ACTIP review's heaviest
statements on the activities as they are, and on a copy of the activities and their target-group
links as PostgreSQL declaratively partitioned tables (PARTITION BY LIST on the province code).

    .venv/bin/python bench/partition_bench.py --database postgres://root@127.0.0.1:5432/DB \\
        [--province CODE] [--start YYYY-MM-DD --end YYYY-MM-DD] [--runs 3] [--keep-copies] \\
        [--partitionwise] [--out result.json]

On a database made by `ctip synth` (bench/synth_full.py --keep), after VACUUM ANALYZE:

1. The province of each unit is derived through the cover table the rollups read
   (`geo_unitcover`, ADR 0002/0016): the one province in force today whose cover holds the unit
   (today's provinces divide the placed units exactly); a unit placed in no province goes to the
   DEFAULT partition (key 0). Checked against `geo_unit.rollup_province_id`.
2. `bench_activity_part` (every column of prevention_activity plus `province_code`) and
   `bench_activity_tg_part` (the links, plus the activity's `province_code`) are created
   partitioned by LIST (province_code), one partition per province holding activities and a
   DEFAULT one, filled by INSERT ... SELECT, then given the same indexes as the originals (a
   primary or unique key must include the partition key: (id, province_code)), then VACUUM
   ANALYZEd. Build times are recorded.
3. For one province (default: the one with most activities) and for the whole country, over the
   whole synthetic window and over its last 365 days, each statement runs once to warm up and
   `--runs` times timed (median): unpartitioned (bench/bare_sql.py's text: the cover filter for a
   province, none for the country), partitioned with the cover filter plus the partition key
   (what ctip's queries would become) and partitioned with the key alone. Every variant's rows
   must equal the unpartitioned rows (`differences`, must be empty).

`--partitionwise` turns on `enable_partitionwise_join` and `enable_partitionwise_aggregate` (off
by default in PostgreSQL) for the whole run: every variant runs with them.

The copies are dropped at the end unless `--keep-copies`. The original tables are only read.
Prints a Markdown table; writes JSON with `--out`. The machine's 1-minute load average is
recorded with every measure (the bench machine is shared).
"""

# Every statement is built from this module's and bare_sql's constants; values are bound.
# ruff: noqa: S608
from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import bare_sql
import psycopg

ACTIVITY, LINKS = "bench_activity_part", "bench_activity_tg_part"
# bare_sql's statements measured: the review's heaviest, on the activities and their links.
MEASURED = ("activities", "activities by agency", "activities by target group")
COVER_FILTER = f"a.unit_id IN {bare_sql.COVER}"
# Today's provinces (the two %(today)s), as geo.selectors._CURRENT reads "in force".
_PROVINCE_OF_UNIT = (
    "SELECT c.unit_id, p.code FROM geo_unitcover c JOIN geo_unit p ON p.id = c.ancestor_id "
    "WHERE p.level = 'province' AND (p.valid_from IS NULL OR p.valid_from <= %(today)s) "
    "AND (p.valid_to IS NULL OR p.valid_to >= %(today)s)"
)
# Indexes of the originals (prevention/models.py and Django's defaults), on the copies.
_INDEXES = (
    f"ALTER TABLE {ACTIVITY} ADD PRIMARY KEY (id, province_code)",
    f"CREATE INDEX ON {ACTIVITY} (unit_id, start_date) INCLUDE "
    "(id, agency_id, kind, sessions, participants, participants_estimated, media_items, sms)",
    f"CREATE INDEX ON {ACTIVITY} (agency_id)",
    f"CREATE INDEX ON {ACTIVITY} (batch_id)",
    f"CREATE INDEX ON {ACTIVITY} (created_by_id)",
    f"CREATE INDEX ON {ACTIVITY} (start_date)",
    f"CREATE INDEX ON {ACTIVITY} (unit_id)",
    f"ALTER TABLE {LINKS} ADD PRIMARY KEY (id, province_code)",
    f"ALTER TABLE {LINKS} ADD UNIQUE (activity_id, targetgroup_id, province_code)",
    f"CREATE INDEX ON {LINKS} (activity_id)",
    f"CREATE INDEX ON {LINKS} (targetgroup_id)",
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--province", type=int, help="GSO code; default: most activities")
    parser.add_argument("--start", type=date.fromisoformat)
    parser.add_argument("--end", type=date.fromisoformat)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep-copies", action="store_true")
    parser.add_argument("--partitionwise", action="store_true")
    parser.add_argument("--out")
    args = parser.parse_args()
    if not args.database:
        raise SystemExit("--database or DATABASE_URL: a PostgreSQL database made by ctip synth")
    with psycopg.connect(args.database, autocommit=True) as conn:
        if args.partitionwise:
            conn.execute("SET enable_partitionwise_join = on")
            conn.execute("SET enable_partitionwise_aggregate = on")
        try:
            result = run(conn, args)
        finally:
            if not args.keep_copies:
                conn.execute(f"DROP TABLE IF EXISTS {LINKS}, {ACTIVITY}")
    print(markdown(result))
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1, default=str))


def run(conn: psycopg.Connection, args: argparse.Namespace) -> dict[str, Any]:
    today = date.today()
    start, end = _window(conn, args.start, args.end)
    result: dict[str, Any] = {"build": build(conn, today), "measures": []}
    result["partitionwise"] = args.partitionwise
    code = args.province or _largest_province(conn)
    unit_id = _one(
        conn,
        "SELECT p.id FROM geo_unit p WHERE p.level = 'province' AND p.code = %(code)s "
        "AND (p.valid_from IS NULL OR p.valid_from <= %(today)s) "
        "AND (p.valid_to IS NULL OR p.valid_to >= %(today)s)",
        {"code": code, "today": today},
    )[0]
    result["province"] = {"code": code, "id": unit_id}
    periods = [("whole window", start, end), ("last 365 days", end - timedelta(days=364), end)]
    for scope in ("province", "country"):
        for label, first, last in periods:
            params = {"start": first, "end": last, "unit": unit_id, "code": code}
            for name in MEASURED:
                result["measures"].append(
                    measure(conn, name, scope, label, params, args.runs)
                    | {"period": [first.isoformat(), last.isoformat()]}
                )
    return result


def build(conn: psycopg.Connection, today: date) -> dict[str, Any]:
    """The partitioned copies, their indexes and statistics; the seconds of each step."""
    times: dict[str, Any] = {}
    began = time.perf_counter()
    conn.execute(f"DROP TABLE IF EXISTS {LINKS}, {ACTIVITY}")
    conn.execute(f"CREATE TEMP TABLE bench_unit_province AS {_PROVINCE_OF_UNIT}", {"today": today})
    units, distinct = _one(
        conn, "SELECT COUNT(*), COUNT(DISTINCT unit_id) FROM bench_unit_province"
    )
    if units != distinct:
        raise SystemExit(f"{units - distinct} units covered by two provinces in force today")
    # The cover and the roll-up column must agree (ADR 0016); a disagreement is a finding.
    times["units_disagreeing_with_rollup_province"] = _one(
        conn,
        "SELECT COUNT(*) FROM geo_unit u LEFT JOIN bench_unit_province b ON b.unit_id = u.id "
        "LEFT JOIN geo_unit r ON r.id = u.rollup_province_id "
        "WHERE b.code IS DISTINCT FROM r.code AND u.level <> 'country'",
    )[0]
    codes = [
        c
        for (c,) in conn.execute(
            "SELECT DISTINCT b.code FROM prevention_activity a "
            "JOIN bench_unit_province b ON b.unit_id = a.unit_id ORDER BY 1"
        )
    ]
    conn.execute(
        f"CREATE TABLE {ACTIVITY} (LIKE prevention_activity INCLUDING DEFAULTS "
        "EXCLUDING IDENTITY, province_code integer NOT NULL) PARTITION BY LIST (province_code)"
    )
    conn.execute(
        f"CREATE TABLE {LINKS} (id bigint NOT NULL, activity_id bigint NOT NULL, "
        "targetgroup_id varchar(40) NOT NULL, province_code integer NOT NULL) "
        "PARTITION BY LIST (province_code)"
    )
    for table in (ACTIVITY, LINKS):
        for c in codes:
            conn.execute(f"CREATE TABLE {table}_{c} PARTITION OF {table} FOR VALUES IN ({int(c)})")
        conn.execute(f"CREATE TABLE {table}_default PARTITION OF {table} DEFAULT")
    times["partitions"] = len(codes) + 1
    times["create_s"] = time.perf_counter() - began
    step = time.perf_counter()
    conn.execute(
        f"INSERT INTO {ACTIVITY} SELECT a.*, COALESCE(b.code, 0) FROM prevention_activity a "
        "LEFT JOIN bench_unit_province b ON b.unit_id = a.unit_id"
    )
    times["copy_activities_s"] = time.perf_counter() - step
    step = time.perf_counter()
    conn.execute(
        f"INSERT INTO {LINKS} SELECT g.id, g.activity_id, g.targetgroup_id, a.province_code "
        f"FROM prevention_activity_target_groups g JOIN {ACTIVITY} a ON a.id = g.activity_id"
    )
    times["copy_links_s"] = time.perf_counter() - step
    step = time.perf_counter()
    for statement in _INDEXES:
        conn.execute(statement)
    times["indexes_s"] = time.perf_counter() - step
    step = time.perf_counter()
    # The originals too: the comparison needs both sides analysed and their visibility maps set.
    for table in (ACTIVITY, LINKS, "prevention_activity", "prevention_activity_target_groups"):
        conn.execute(f"VACUUM ANALYZE {table}")
    times["vacuum_analyze_s"] = time.perf_counter() - step
    times["rows"] = {
        t: _one(conn, f"SELECT COUNT(*) FROM {t}")[0]
        for t in ("prevention_activity", ACTIVITY, "prevention_activity_target_groups", LINKS)
    }
    times["rows_by_partition"] = dict(
        conn.execute(f"SELECT province_code, COUNT(*) FROM {ACTIVITY} GROUP BY 1 ORDER BY 1")
    )
    return times


def variants(name: str, scope: str) -> dict[str, str]:
    """The statement's SQL: unpartitioned, partitioned with the cover filter and the key, and
    partitioned with the key alone (for the country: no filter, every partition)."""
    statement = next(s for s in bare_sql.STATEMENTS if s.name == name)
    plain = statement.text("postgresql", national=scope == "country")
    parted = plain.replace("prevention_activity a", f"{ACTIVITY} a").replace(
        "prevention_activity_target_groups g ON g.activity_id = a.id",
        f"{LINKS} g ON g.activity_id = a.id AND g.province_code = a.province_code",
    )
    if scope == "country":
        return {"unpartitioned": plain, "partitioned": parted}
    key = "a.province_code = %(code)s"
    return {
        "unpartitioned": plain,
        "partitioned, key + cover": parted.replace(COVER_FILTER, f"{key} AND {COVER_FILTER}"),
        "partitioned, key only": parted.replace(COVER_FILTER, key),
    }


def measure(
    conn: psycopg.Connection, name: str, scope: str, period: str, params: dict, runs: int
) -> dict[str, Any]:
    out: dict[str, Any] = {"statement": name, "scope": scope, "label": period, "ms": {}}
    reference = None
    out["differences"] = []
    for variant, sql in variants(name, scope).items():
        rows = sorted(conn.execute(sql, params).fetchall(), key=str)  # warm-up
        if reference is None:
            reference = rows
        elif rows != reference:
            out["differences"].append(variant)
        times = []
        for _ in range(runs):
            began = time.perf_counter()
            conn.execute(sql, params).fetchall()
            times.append(1000 * (time.perf_counter() - began))
        out["ms"][variant] = {"median": statistics.median(times), "runs": times}
    out["load_1min"] = os.getloadavg()[0]
    out["rows"] = len(reference or [])
    return out


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "| scope | period | statement | unpartitioned | partitioned, key + cover "
        "| partitioned, key only (country: all partitions) | load 1 min | rows equal |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for m in result["measures"]:
        ms = {k: v["median"] for k, v in m["ms"].items()}
        key_cover = ms.get("partitioned, key + cover")
        key_only = ms.get("partitioned, key only", ms.get("partitioned"))
        lines.append(
            f"| {m['scope']} | {m['label']} | {m['statement']} | {ms['unpartitioned']:.0f} ms "
            f"| {f'{key_cover:.0f} ms' if key_cover is not None else '—'} | {key_only:.0f} ms "
            f"| {m['load_1min']:.1f} | {'yes' if not m['differences'] else m['differences']} |"
        )
    build = {k: v for k, v in result["build"].items() if k != "rows_by_partition"}
    return "\n".join(lines) + f"\n\nbuild: {json.dumps(build, default=str)}"


def _window(conn: psycopg.Connection, start: date | None, end: date | None) -> tuple[date, date]:
    """The period given, else the activities' first and last start dates (about the synthetic
    window)."""
    if start and end:
        return start, end
    first, last = _one(conn, "SELECT MIN(start_date), MAX(start_date) FROM prevention_activity")
    return start or first, end or last


def _one(conn: psycopg.Connection, sql: str, params: dict | None = None) -> tuple[Any, ...]:
    row = conn.execute(sql, params).fetchone()
    if row is None:
        raise SystemExit(f"no row: {sql[:80]}")
    return row


def _largest_province(conn: psycopg.Connection) -> int:
    return _one(
        conn,
        f"SELECT b.code FROM prevention_activity a JOIN ({_PROVINCE_OF_UNIT}) b "
        "ON b.unit_id = a.unit_id GROUP BY b.code ORDER BY COUNT(*) DESC LIMIT 1",
        {"today": date.today()},
    )[0]


if __name__ == "__main__":
    main()
