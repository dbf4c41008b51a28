"""Dashboards under load (issue 27, build point 3): the panel cache off and on, side by side in
one run, through nginx and gunicorn as deployed, with wrk.

    .venv/bin/python bench/dashboard_load.py build --workdir /tmp/dash --backend sqlite
    .venv/bin/python bench/dashboard_load.py run --workdir /tmp/dash --out /tmp/dash/result.json

`build` makes a reduced synthetic dataset (default 150,000 activities, two provinces, three
years) in a database kept in --workdir with its users (bench/site_setup.py); `run` measures, for
the cache off (CTIP_PANEL_CACHE=0) then on: 50 users with about 1 s of think time (p95), and the
same connections asking at once (closed-loop capacity). Two request mixes: "drawn" is
bench/national.py's (every request its own period and unit, 40 % provinces), "usual" is a user
reading the page as it opens (this year so far, the whole province) or one of the last four
quarters, which is what a cache of whole panels can serve.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import urllib.parse
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_test  # noqa: E402
from support import (  # noqa: E402
    Database,
    ctip,
    ctip_env,
    fresh_database,
    git_commit,
    machine,
    run_timed,
    step,
)

SIZES = {
    "provinces": 2,
    "years": 3,
    "activities": 150_000,
    "victims": 7_500,
    "cases": 3_000,
    "watchlist": 30_000,
}
PASSWORD = "bench-dashboards-27"  # noqa: S105 - the throwaway database's users


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("phase", choices=("build", "run"))
    p.add_argument("--workdir", type=Path, required=True)
    p.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    for name, value in SIZES.items():
        p.add_argument(f"--{name}", type=int, default=value)
    p.add_argument("--users", type=int, default=50)
    p.add_argument("--think", default="800-1200", help="MIN-MAX ms between a user's pages")
    p.add_argument("--duration", type=int, default=60)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("--workers", type=int, default=3)
    p.add_argument("--mix", default="usual,drawn")
    p.add_argument("--modes", default="off,on")
    p.add_argument("--out", type=Path)
    return p.parse_args(argv)


def build(args: argparse.Namespace) -> None:
    args.workdir.mkdir(parents=True, exist_ok=True)
    db = fresh_database(args.backend, args.workdir)
    env = ctip_env(db, args.workdir)
    log = args.workdir / "build.log"
    timings = {
        "migrate_s": run_timed(ctip("migrate", "--noinput"), env, log),
        "load_reference_s": run_timed(ctip("load_reference"), env, log),
    }
    sizes = [f"--{name}={getattr(args, name)}" for name in SIZES]
    timings["synth_s"] = run_timed(ctip("synth", "--no-reference", *sizes), env, log)
    setup(args, db, timings)


def setup(args: argparse.Namespace, db: Database, timings: dict[str, Any]) -> None:
    """After the dataset: statistics, the users, the state `run` reads."""
    env = ctip_env(db, args.workdir)
    log = args.workdir / "build.log"
    run_timed(ctip("migrate", "--noinput"), env, log)  # a migration added since the build
    if db.backend == "postgres":
        from support import pg_tool

        pg_tool("psql", "-d", db.name, "-c", "VACUUM ANALYZE")
    site = step("site_setup.py", ["--users", str(args.users), "--password", PASSWORD], env, log)
    state = {
        "database": db.__dict__,
        "sizes": {name: getattr(args, name) for name in SIZES},
        "timings": timings,
        "site": site,
    }
    (args.workdir / "state.json").write_text(json.dumps(state, indent=1, default=str))
    print(f"built: {timings}", flush=True)


def usual_lines(site: dict[str, Any], sessions: dict[str, str], n: int) -> list[str]:
    """The page as it opens (half the requests) or one of the last four whole quarters of the
    window, for the user's province, on the dashboard (4 in 5) or the risk page."""
    rng = random.Random(27)  # noqa: S311 - benchmark workload
    last = date.fromisoformat(site["window"][1])
    quarters = []
    year, q = last.year, (last.month - 1) // 3
    for _ in range(4):
        q -= 1
        if q < 0:
            year, q = year - 1, 3
        start = date(year, 3 * q + 1, 1)
        end = date(year + (q == 3), (3 * q + 3) % 12 + 1, 1)
        quarters.append((start, date.fromordinal(end.toordinal() - 1)))
    lines = []
    for _ in range(n):
        user = rng.choice(site["users"])
        page = "/bang-dieu-khien/" if rng.random() < 0.8 else "/bang-dieu-khien/nguy-co/"
        if rng.random() < 0.5:
            query = ""
        else:
            start, end = rng.choice(quarters)
            query = urllib.parse.urlencode({"tu": f"{start:%d/%m/%Y}", "den": f"{end:%d/%m/%Y}"})
        lines.append(f"{sessions[user['username']]}\t{page}?{query}")
    return lines


def run(args: argparse.Namespace) -> dict[str, Any]:
    state = json.loads((args.workdir / "state.json").read_text())
    db = Database(**state["database"])
    site = state["site"]
    low, high = (int(x) for x in args.think.split("-"))
    out: dict[str, Any] = {
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "git": git_commit(),
        "machine": machine([db.backend]),
        "backend": db.backend,
        "sizes": state["sizes"],
        "users": args.users,
        "workers": args.workers,
        "think_ms": [low, high],
        "duration_s": args.duration,
        "results": {},
    }
    for mode in args.modes.split(","):
        env = ctip_env(db, args.workdir)
        env["CTIP_PANEL_CACHE"] = "1" if mode == "on" else "0"
        log = args.workdir / f"run-{mode}.log"
        proc, base = load_test.start_gunicorn(env, args.workers, log)
        front = None
        try:
            front, base = load_test.start_nginx(base, args.workdir / f"nginx-{mode}", log)
            sessions = {
                u["username"]: load_test.log_in(base, u["username"], PASSWORD)
                for u in site["users"]
            }
            for mix in args.mix.split(","):
                if mix == "usual":
                    lines = usual_lines(site, sessions, 20_000)
                else:
                    lines = load_test.request_lines(site, sessions, 20_000, 1)
                requests = args.workdir / f"requests-{mix}.txt"
                requests.write_text("\n".join(lines) + "\n")
                load_test.check_page(base, lines[0])

                def load(
                    seconds: int,
                    think: tuple[int, int],
                    requests: Path = requests,
                    base: str = base,
                    log: Path = log,
                ) -> dict:
                    # Other work on the machine weighs on every figure: its load is recorded.
                    before = os.getloadavg()[0]
                    found = load_test.run_wrk(
                        base,
                        requests,
                        connections=args.users,
                        threads=min(2, args.users),
                        seconds=seconds,
                        log=log,
                        think_ms=think,
                    )
                    found["load_before"], found["load_after"] = before, os.getloadavg()[0]
                    return found

                load(args.warmup, (0, 0))
                time.sleep(5)
                users = load(args.duration, (low, high))
                closed = load(args.duration, (0, 0))
                key = f"{mix}/cache {mode}"
                out["results"][key] = {"users": _brief(users), "closed_loop": _brief(closed)}
                print(key, json.dumps(out["results"][key]), flush=True)
        finally:
            if front is not None:
                load_test.stop_server(front)
            load_test.stop_server(proc)
    return out


def _brief(found: dict[str, Any]) -> dict[str, Any]:
    keys = ("requests", "requests_per_s", "p50_ms", "p95_ms", "p99_ms", "error_count")
    keys += ("load_before", "load_after")
    return {k: found[k] for k in keys}


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.phase == "build":
        build(args)
        return 0
    result = run(args)
    text = json.dumps(result, indent=1, default=str)
    (args.out or args.workdir / "result.json").write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
