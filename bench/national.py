"""National-scale benchmark (issue 10): build a synthetic national dataset, load the dashboards
with wrk, compile the ACTIP review of a province and of the country next to their bare SQL, push
a period's figures to a second (national) ctip, import a workbook; on SQLite and/or
PostgreSQL. Writes bench/results.json and the "National scale (issue 10)" section at the end of
docs/benchmarks.md. See bench/README.md.

    .venv/bin/python bench/national.py --backend both            # the issue's sizes (long)
    .venv/bin/python bench/national.py --smoke --backend sqlite  # tiny, writes a temp file only

Each backend gets a fresh database (a new SQLite file, or a new PostgreSQL database on
$CTIP_BENCH_PG, default postgres://root@127.0.0.1:5432, dropped afterwards), every step runs in
its own process, and the web server is gunicorn on loopback with wrk as a separate process.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_test  # noqa: E402
import results_doc  # noqa: E402
from support import (  # noqa: E402
    ROOT,
    Database,
    copy_database,
    ctip,
    ctip_env,
    fresh_database,
    git_commit,
    machine,
    pg_tool,
    postgres_available,
    run_timed,
    step,
)

# The issue's sizes; the province count and years are this benchmark's choice (about 100,000
# activities per province over five years, ten provinces of different sizes drawn by the seed).
FULL = {
    "provinces": 10,
    "years": 5,
    "activities": 1_000_000,
    "victims": 50_000,
    "cases": 20_000,
    "watchlist": 200_000,
}
SMOKE = {
    "provinces": 1,
    "years": 1,
    "activities": 2_000,
    "victims": 100,
    "cases": 50,
    "watchlist": 200,
}
REQUEST_LIST = 20_000  # drawn requests wrk picks from at random


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    p.add_argument("--smoke", action="store_true", help="tiny sizes, 5 s of load, no docs")
    for name in FULL:
        p.add_argument(f"--{name}", type=int, help=f"default {FULL[name]:,} ({SMOKE[name]} smoke)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--duration", type=int, help="seconds of measured load (default 60; smoke 5)")
    p.add_argument(
        "--users-duration", type=int, help="seconds of the users' run (default 180; smoke 5)"
    )
    p.add_argument("--warmup", type=int, help="seconds of load before (default 10; smoke 2)")
    p.add_argument("--connections", type=int, help="wrk connections (default 20; smoke 4)")
    p.add_argument("--threads", type=int, default=2, help="wrk threads")
    p.add_argument(
        "--think",
        help="users' think time between pages, MIN-MAX ms (default 2000-8000; smoke 100-400)",
    )
    p.add_argument(
        "--workers", type=int, help="gunicorn workers (default 2 x cores + 1)", default=None
    )
    p.add_argument("--users", type=int, help="leaders logged in (default 20; smoke 4)")
    p.add_argument("--import-rows", type=int, help="default 100,000 (smoke 2,000)")
    p.add_argument("--runs", type=int, default=5, help="timed compiles and bare SQL passes")
    p.add_argument("--results", type=Path, help="JSON output (default bench/results.json)")
    p.add_argument(
        "--docs", type=Path, help="Markdown to update (default docs/benchmarks.md; never in smoke)"
    )
    p.add_argument("--logdir", type=Path, help="where logs go (default a new temporary dir)")
    p.add_argument("--keep", action="store_true", help="keep the databases (to inspect them)")
    args = p.parse_args(argv)
    base = SMOKE if args.smoke else FULL
    for name, value in base.items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    defaults = {
        "duration": (5, 60),
        "users_duration": (5, 180),
        "warmup": (2, 10),
        "connections": (4, 20),
        "users": (4, 20),
        "import_rows": (2_000, 100_000),
    }
    for name, (smoke, full) in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, smoke if args.smoke else full)
    if args.think is None:
        args.think = "100-400" if args.smoke else "2000-8000"
    if args.workers is None:
        args.workers = 2 * (os.cpu_count() or 1) + 1
    if args.results is None:
        args.results = (
            Path(tempfile.mkdtemp(prefix="ctip-bench-smoke-")) / "results.json"
            if args.smoke
            else ROOT / "bench" / "results.json"
        )
    if args.smoke:
        args.docs = None
    elif args.docs is None:
        args.docs = ROOT / "docs" / "benchmarks.md"
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if not shutil.which("wrk"):
        print("bench: wrk is not installed (apt-get install -y wrk; `make bench` does it)")
        return 2
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    if "postgres" in backends and not postgres_available():
        print("bench: PostgreSQL does not answer (createdb/psql on $CTIP_BENCH_PG)")
        return 2
    logdir = args.logdir or Path(tempfile.mkdtemp(prefix="ctip-bench-logs-"))
    logdir.mkdir(parents=True, exist_ok=True)
    print(f"bench: logs in {logdir}", flush=True)
    results = _previous(args.results) if not args.smoke else {}
    results.update(
        generated=datetime.now().astimezone().isoformat(timespec="seconds"),
        smoke=args.smoke,
        machine=machine(backends),
        goals=results_doc.GOALS,
        issue_sizes=FULL,
    )
    results.setdefault("backends", {})
    failed = False
    for backend in backends:
        print(f"bench: {backend}", flush=True)
        try:
            results["backends"][backend] = run_backend(backend, args, logdir / backend)
        except Exception as exc:  # noqa: BLE001 - record and go on with the other backend
            failed = True
            print(f"bench: {backend} FAILED: {exc}", flush=True)
            results["backends"][backend] = {"error": str(exc), "log": str(logdir / backend)}
        results_doc.evaluate(results)
        args.results.parent.mkdir(parents=True, exist_ok=True)
        args.results.write_text(json.dumps(results, indent=1, default=str) + "\n")
    if args.docs is not None:
        results_doc.write_section(args.docs, results)
    print(f"bench: results in {args.results}", flush=True)
    for line in results_doc.summary_lines(results):
        print(f"bench: {line}", flush=True)
    return 1 if failed else 0


def _previous(path: Path) -> dict[str, Any]:
    """Results of the other backend from an earlier full run are kept (a run may be per backend)."""
    try:
        old = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return {"backends": old.get("backends", {})} if not old.get("smoke") else {}


def run_backend(backend: str, args: argparse.Namespace, logdir: Path) -> dict[str, Any]:
    logdir.mkdir(parents=True, exist_ok=True)
    log = logdir / "run.log"
    workdir = Path(tempfile.mkdtemp(prefix=f"ctip-bench-{backend}-"))
    db = fresh_database(backend, workdir)
    env = ctip_env(db, workdir)
    # The national ctip a push goes to: a copy of the database right after migrate (empty).
    national_dir = Path(tempfile.mkdtemp(prefix=f"ctip-bench-{backend}-national-"))
    national: Database | None = None
    out: dict[str, Any] = {
        "measured_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "git": git_commit(),
        "sizes": {name: getattr(args, name) for name in FULL},
        "seed": args.seed,
        "full_size": all(getattr(args, name) == FULL[name] for name in FULL),
        "smoke": args.smoke,
        "log": str(log),
    }
    steps = out["git_steps"] = {}
    # Wall time of each step, its process start and setup included (what a run costs).
    seconds = out["step_s"] = {}

    def commit(name: str) -> None:
        found = git_commit()
        steps[name] = found["commit"][:10] + (
            " + changes under ctip/" if found["ctip_dirty"] else ""
        )
        seconds[name] = time.perf_counter()

    def done(name: str) -> None:
        seconds[name] = time.perf_counter() - seconds[name]

    try:
        commit("dataset")
        out["dataset"], national = build(db, env, args, log, national_dir)
        site = step(
            "site_setup.py",
            ["--users", str(args.users), "--password", _password()],
            env,
            log,
        )
        out["dataset"]["provinces"] = [
            {"code": p["code"], "name": p["name"], "activities": p["activities"]}
            for p in site["provinces"]
        ]
        done("dataset")
        commit("dashboard")
        out["dashboard"] = dashboard(env, site, args, logdir)
        done("dashboard")
        largest = max(site["provinces"], key=lambda p: p["activities"])
        print(f"bench: {backend}: compiling the ACTIP review ({largest['name']})", flush=True)
        commit("compile")
        out["compile"] = review(str(largest["code"]), site["window"], args, env, log)
        done("compile")
        print(f"bench: {backend}: compiling the national ACTIP review", flush=True)
        commit("compile_national")
        out["compile_national"] = review("0", site["window"], args, env, log)
        done("compile_national")
        print(f"bench: {backend}: pushing a period to a national ctip", flush=True)
        commit("push")
        out["push"] = push(national, national_dir, env, largest["code"], site["window"], args, log)
        done("push")
        print(f"bench: {backend}: importing {args.import_rows:,} rows", flush=True)
        commit("import")
        out["import"] = step("import_bench.py", ["--rows", str(args.import_rows)], env, log)
        done("import")
    finally:
        if not args.keep:
            for database in (db, national):
                if database is not None:
                    database.drop()
            shutil.rmtree(workdir, ignore_errors=True)
            shutil.rmtree(national_dir, ignore_errors=True)
        else:
            out["database"] = db.url
            out["national_database"] = national.url if national else None
    return out


def review(
    code: str, window: list[str], args: argparse.Namespace, env: dict[str, str], log: Path
) -> dict[str, Any]:
    """The ACTIP review of a province, or of the country (code "0", ADR 0016), next to its bare
    SQL (compile_bench.py)."""
    where = ["--national"] if code == "0" else ["--province", code]
    dates = ["--start", window[0], "--end", window[1], "--runs", str(args.runs)]
    return step("compile_bench.py", [*where, *dates], env, log)


def push(
    national: Database | None,
    national_dir: Path,
    env: dict[str, str],
    code: int,
    window: list[str],
    args: argparse.Namespace,
    log: Path,
) -> dict[str, Any]:
    """One period's figures of province `code` pushed from the benchmark's database to the
    national ctip (its own gunicorn on loopback: ctip's sender and receiver over real HTTP),
    then pushed again; what the receiver stored is counted in its database afterwards (it must
    hold the push once)."""
    if national is None:
        raise RuntimeError("no national database (build() makes it after migrate)")
    key_id, secret = f"tinh-{code}", secrets.token_urlsafe(24)
    receiver_env = {
        **ctip_env(national, national_dir),
        "CTIP_PUSH_PEERS": f"{key_id}:{code}:{secret}",
    }
    sender_env = {
        **env,
        "CTIP_PUSH_PROVINCE": str(code),
        "CTIP_PUSH_KEY_ID": key_id,
        "CTIP_PUSH_KEY": secret,
        # The benchmark sends itself, timed: a job run at queue time would send it first.
        "CTIP_JOBS_SYNC": "0",
    }
    period = last_quarter(date.fromisoformat(window[1]))
    # One worker: a province pushes one request at a time.
    proc, base = load_test.start_gunicorn(receiver_env, 1, log)
    try:
        out = step(
            "push_bench.py",
            ["--period", period, "--to", f"{base}/trao-doi/nhan/", "--runs", str(args.runs)],
            sender_env,
            log,
        )
    finally:
        load_test.stop_server(proc)
    out["receiver"] = {
        "database": "a copy of the benchmark's database right after migrate (empty)",
        "workers": 1,
        **_received(national),
    }
    out["arrived_once"] = arrived_once(out)
    return out


def last_quarter(end: date) -> str:
    """The last whole quarter ending on or before `end` ("2026-Q3"): a push's period."""
    index = end.year * 4 + (end.month - 1) // 3
    following = end + timedelta(days=1)
    if not (following.day == 1 and following.month in (1, 4, 7, 10)):
        index -= 1  # `end` falls inside its quarter
    year, quarter = divmod(index, 4)
    return f"{year}-Q{quarter + 1}"


def _received(db: Database) -> dict[str, int]:
    """What the national ctip stored (it was empty: every row is the benchmark's): pushes,
    figures, apply audit rows, and the signed requests it saw."""
    queries = {
        "pushes": "SELECT COUNT(*) FROM exchange_receivedpush",
        "figures": "SELECT COUNT(*) FROM exchange_receivedfigure",
        "applied": "SELECT COUNT(*) FROM core_auditentry WHERE action = 'exchange.push_apply'",
        "signatures": "SELECT COUNT(*) FROM exchange_seensignature",
    }
    if db.backend == "sqlite":
        with sqlite3.connect(db.name) as conn:
            return {k: int(conn.execute(q).fetchone()[0]) for k, q in queries.items()}
    return {k: int(pg_tool("psql", "-d", db.name, "-Atc", q)) for k, q in queries.items()}


def arrived_once(out: dict[str, Any]) -> bool:
    """The push was applied, its figures stored once, and pushing the period again (queued
    again, and the same body posted again) applied nothing."""
    got, again = out["receiver"], out["again"]
    return (
        (out.get("first_answer") or {}).get("code") == "applied"
        and out["status"] == "sent"
        and got["pushes"] == 1
        and got["applied"] == 1
        and got["figures"] == out["figures"]
        and not again["created"]
        and again["same_row"]
        and again["due"] == 0
        and out["resend_answer"]["code"] == "already_applied"
    )


def _password() -> str:
    global _PASSWORD
    if not _PASSWORD:
        _PASSWORD = "bench-" + secrets.token_urlsafe(12)
    return _PASSWORD


_PASSWORD = ""


def build(
    db: Database, env: dict[str, str], args: argparse.Namespace, log: Path, national_dir: Path
) -> tuple[dict[str, Any], Database]:
    """The dataset, and a copy of the database as it stands after migrate: the national ctip
    the push goes to (a second migrate would cost as much as the first, for the same tables)."""
    print(f"bench: {db.backend}: migrate, reference data, synth", flush=True)
    migrate = run_timed(ctip("migrate", "--noinput"), env, log)
    started = time.perf_counter()
    national = copy_database(db, national_dir, "national")
    # With the keys it was migrated under: ctip refuses to start on a database whose recorded
    # key fingerprints differ from its own (ctip.core.keyring). The push signs with its own key.
    secrets_file = Path(env["CTIP_VAR_DIR"]) / "secrets.json"
    if secrets_file.exists():
        shutil.copy2(secrets_file, national_dir / secrets_file.name)
    copy = time.perf_counter() - started
    try:
        reference = run_timed(ctip("load_reference"), env, log)
        sizes = [f"--{name}={getattr(args, name)}" for name in FULL]
        synth = run_timed(ctip("synth", "--no-reference", *sizes, f"--seed={args.seed}"), env, log)
    except Exception:
        national.drop()  # the caller never gets it to drop
        raise
    started = time.perf_counter()
    if db.backend == "postgres":
        # This server runs with autovacuum off; a production server's autovacuum would have
        # analysed the new tables within a minute. Without statistics the planner walks the
        # whole activity table through the unit-cover index (measured: 287 ms instead of 50).
        pg_tool("psql", "-d", db.name, "-c", "VACUUM ANALYZE")
        analyzed = "VACUUM ANALYZE (autovacuum stands in)"
    else:
        analyzed = "none (ctip runs no ANALYZE on SQLite)"
    analyze = time.perf_counter() - started
    counts = _counts(db, env)
    rows = sum(counts.values())
    main_rows = sum(counts.get(k, 0) for k in MAIN_RECORDS)
    return {
        "migrate_s": migrate,
        "national_copy_s": copy,
        "load_reference_s": reference,
        "synth_s": synth,
        "analyze_s": analyze,
        "analyze": analyzed,
        "counts": counts,
        "rows": rows,
        "rows_per_s": rows / synth,
        "records": main_rows,
        "records_per_s": main_rows / synth,
    }, national


MAIN_RECORDS = ("activities", "victim_cases", "criminal_cases", "watch_entries")


def _counts(db: Any, env: dict[str, str]) -> dict[str, int]:
    """What the load wrote, from its audit row."""
    query = "SELECT changes FROM core_auditentry WHERE action = 'synth.load' ORDER BY id DESC"
    if db.backend == "sqlite":
        with sqlite3.connect(db.name) as conn:
            (changes,) = conn.execute(query).fetchone()
    else:
        changes = pg_tool("psql", "-d", db.name, "-Atc", query + " LIMIT 1")
    found = json.loads(changes) if isinstance(changes, str) else changes
    return {k: int(v) for k, v in found.get("counts", {}).items()}


def dashboard(
    env: dict[str, str], site: dict[str, Any], args: argparse.Namespace, logdir: Path
) -> dict[str, Any]:
    log = logdir / "run.log"
    proc, base = load_test.start_gunicorn(env, args.workers, log)
    front, front_name = None, "none (wrk to gunicorn)"
    try:
        if load_test.nginx_path():
            front, base = load_test.start_nginx(base, logdir, log)
            front_name = "nginx (as docs/deploy.md)"
        sessions = {
            u["username"]: load_test.log_in(base, u["username"], _password()) for u in site["users"]
        }
        lines = load_test.request_lines(site, sessions, REQUEST_LIST, args.seed)
        requests_file = logdir / "requests.txt"
        requests_file.write_text("\n".join(lines) + "\n")
        for page in load_test.PAGES.values():
            load_test.check_page(base, next(x for x in lines if f"\t{page}?" in x))
        print(
            f"bench: warm-up {args.warmup} s, {args.users_duration} s of users, "
            f"{args.duration} s of closed-loop load",
            flush=True,
        )
        low, high = (int(x) for x in args.think.split("-"))

        def load(seconds: int, think: tuple[int, int] = (0, 0)) -> dict[str, Any]:
            return load_test.run_wrk(
                base,
                requests_file,
                connections=args.connections,
                threads=args.threads,
                seconds=seconds,
                log=log,
                think_ms=think,
            )

        warm = load(args.warmup)
        # The warm-up leaves up to one request per connection in the workers: let them finish,
        # or the users' first pages would queue behind them.
        time.sleep(2 if args.smoke else 15)
        # The goal's 20 concurrent users: each reads a page before asking for the next (a
        # longer run: at a few pages per second, 60 s gives too few for a p95).
        measured = load(args.users_duration, (low, high))
        # The same connections asking again at once: the server's capacity (closed loop).
        saturated = load(args.duration)
        provinces = {str(p["code"]) for p in site["provinces"]}
        single = load_test.single_client(base, lines, provinces, 2 if args.smoke else 6, args.seed)
    finally:
        if front is not None:
            load_test.stop_server(front)
        load_test.stop_server(proc)
    return {
        **measured,
        "front": front_name,
        "workers": args.workers,
        "warmup_s": args.warmup,
        "warmup_requests": warm["requests"],
        "warmup_errors": warm["error_count"],
        "single_client": single,
        "saturated": saturated,
        "request_mix": _mix(lines, site),
    }


def _mix(lines: list[str], site: dict[str, Any]) -> dict[str, Any]:
    provinces = {str(p["code"]) for p in site["provinces"]}
    pages: Counter[str] = Counter()
    units: Counter[str] = Counter()
    for line in lines:
        path = line.split("\t", 1)[1]
        pages["risk" if "/nguy-co/" in path else "dashboard"] += 1
        code = path.rsplit("dv=", 1)[1]
        units["province" if code in provinces else "commune or ward"] += 1
    return {"requests": len(lines), "pages": dict(pages), "units": dict(units)}


if __name__ == "__main__":
    sys.exit(main())
