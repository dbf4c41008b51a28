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

`--source REV` (build, run) runs another revision's code with the same virtualenv: `git archive
REV | tar -x` into WORKDIR/src-<short sha> (once), `ctip compile_translations` there (the .mo
files are not in git), then every ctip process of the phase (migrate, load_reference, synth,
site_setup, gunicorn) runs with that tree as its directory and first on PYTHONPATH (the editable
install of the working tree comes after it), the tree's own bench/site_setup.py when it has one.
The revision's full sha is recorded in state.json and the result ("code"); `run` without
--source runs the code the build was made with. `compare` measures two builds side by side,
each with its own code, A then B (--rounds times, default 2), the same requests for both (drawn
once from A's users and window; builds of other sizes, seed, window or users are refused), and
writes each round and the ratio B/A of the closed-loop requests per second per mix and mode with
the users' p95 of each. Issue 27's "today" (dc16ec0) against the current code:

    .venv/bin/python bench/dashboard_load.py build --workdir /tmp/dash-today --source dc16ec0
    .venv/bin/python bench/dashboard_load.py build --workdir /tmp/dash-head --source HEAD
    .venv/bin/python bench/dashboard_load.py compare --workdir /tmp/dash-today \
        --workdir-b /tmp/dash-head --out /tmp/dash-compare.json

(the same --backend and sizes for both builds, on the same day: the window ends today; without
--source the second build and its measure run the working tree as it is.)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_test  # noqa: E402
from support import (  # noqa: E402
    BENCH,
    PYTHON,
    Database,
    ctip,
    ctip_env,
    export_revision,
    fresh_database,
    git_commit,
    machine,
    python_reference_ms,
    revision,
    run_timed,
    source_env,
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
    p.add_argument("phase", choices=("build", "run", "compare"))
    p.add_argument("--workdir", type=Path, required=True)
    p.add_argument(
        "--workdir-b", type=Path, help="compare: the second build (B), measured after --workdir (A)"
    )
    p.add_argument(
        "--source",
        metavar="REV",
        help="build, run: run the code of git revision REV, exported into WORKDIR/src-<sha> "
        "(run: default the build's)",
    )
    p.add_argument("--rounds", type=int, default=2, help="compare: A then B, this many times")
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
    args = p.parse_args(argv)
    if args.phase == "compare" and args.workdir_b is None:
        p.error("compare needs --workdir-b")
    if args.rounds < 1:
        p.error("--rounds: at least 1")
    if args.phase == "compare" and args.source is not None:
        p.error("compare runs each build with its own code (its state.json): no --source")
    return args


@dataclass
class Code:
    """The code every ctip process of a phase runs: the working tree (`tree` None), or a git
    revision exported into the workdir (`--source`), run with the same virtualenv."""

    tree: Path | None = None
    info: dict[str, Any] | None = None  # source, commit, subject, tree, ctip_file

    def env(self, db: Database, workdir: Path) -> dict[str, str]:
        env = ctip_env(db, workdir)
        return env if self.tree is None else source_env(env, self.tree)

    @property
    def bench(self) -> Path:
        """The bench/ whose site_setup.py makes the users: the revision's own when it has one."""
        if self.tree is not None and (self.tree / "bench" / "site_setup.py").is_file():
            return self.tree / "bench"
        return BENCH

    def record(self) -> dict[str, Any]:
        """What the results say of the code: the revision, or the working tree's commit."""
        return self.info if self.info is not None else {"source": None, **git_commit()}


def imported_ctip(env: dict[str, str], cwd: Path | None) -> str:
    """The file `import ctip` loads in a process with this environment and directory."""
    found = subprocess.run(  # noqa: S603 - our own interpreter
        [PYTHON, "-c", "import ctip; print(ctip.__file__)"],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return found.stdout.strip()


def source_code(rev: str | None, workdir: Path, db: Database, log: Path) -> Code:
    """The code of `rev` (None: the working tree), exported into `workdir` once, its
    translations compiled as an installation does (docs/deploy.md: `compile_translations`; the
    .mo files are not in git), and checked to be what `import ctip` finds."""
    if rev is None:
        return Code()
    tree, commit = export_revision(rev, workdir)
    code = Code(tree)
    env = code.env(db, workdir)
    if not any(tree.glob("ctip/locale/*/LC_MESSAGES/*.mo")):
        run_timed(ctip("compile_translations"), env, log, tree)
    found = imported_ctip(env, tree)
    if not Path(found).resolve().is_relative_to(tree.resolve()):
        raise RuntimeError(f"import ctip found {found}, not the code of {rev} in {tree}")
    code.info = {"source": rev, **revision(commit), "tree": str(tree), "ctip_file": found}
    return code


def build(args: argparse.Namespace) -> None:
    args.workdir.mkdir(parents=True, exist_ok=True)
    db = fresh_database(args.backend, args.workdir)
    log = args.workdir / "build.log"
    code = source_code(args.source, args.workdir, db, log)
    env = code.env(db, args.workdir)
    timings = {
        "migrate_s": run_timed(ctip("migrate", "--noinput"), env, log, code.tree),
        "load_reference_s": run_timed(ctip("load_reference"), env, log, code.tree),
    }
    sizes = [f"--{name}={getattr(args, name)}" for name in SIZES]
    timings["synth_s"] = run_timed(ctip("synth", "--no-reference", *sizes), env, log, code.tree)
    setup(args, db, timings, code)


def setup(
    args: argparse.Namespace, db: Database, timings: dict[str, Any], code: Code | None = None
) -> None:
    """After the dataset: statistics, the users, the state `run` reads."""
    code = code or Code()
    env = code.env(db, args.workdir)
    log = args.workdir / "build.log"
    # a migration added since the build
    run_timed(ctip("migrate", "--noinput"), env, log, code.tree)
    if db.backend == "postgres":
        from support import pg_tool

        pg_tool("psql", "-d", db.name, "-c", "VACUUM ANALYZE")
    site = step(
        "site_setup.py",
        ["--users", str(args.users), "--password", PASSWORD],
        env,
        log,
        code.bench,
        code.tree,
    )
    state = {
        "database": db.__dict__,
        "sizes": {name: getattr(args, name) for name in SIZES},
        "timings": timings,
        "site": site,
    }
    if code.info is not None:
        state["code"] = code.info
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


def plan_requests(site: dict[str, Any], mixes: list[str], n: int = 20_000) -> dict[str, list[str]]:
    """Each mix's requests as "<username>\t<path>": drawn once, sent to any server once its
    users' session cookies take the usernames' place (`with_sessions`)."""
    names = {u["username"]: u["username"] for u in site["users"]}
    return {
        mix: usual_lines(site, names, n)
        if mix == "usual"
        else load_test.request_lines(site, names, n, 1)
        for mix in mixes
    }


def with_sessions(lines: list[str], sessions: dict[str, str]) -> list[str]:
    out = []
    for line in lines:
        username, path = line.split("\t", 1)
        out.append(f"{sessions[username]}\t{path}")
    return out


def measure(
    args: argparse.Namespace,
    workdir: Path,
    state: dict[str, Any],
    code: Code,
    plan: dict[str, list[str]],
    label: str = "",
) -> dict[str, Any]:
    """One build (`workdir`, its `state`) served by `code`: for each mode (panel cache off or
    on) its own gunicorn behind its own nginx, and for each mix of `plan` a warm-up, the users
    with think time, then the closed loop. Results by "<mix>/cache <mode>"."""
    db = Database(**state["database"])
    low, high = (int(x) for x in args.think.split("-"))
    results: dict[str, Any] = {}
    for mode in args.modes.split(","):
        env = code.env(db, workdir)
        env["CTIP_PANEL_CACHE"] = "1" if mode == "on" else "0"
        log = workdir / f"run-{mode}.log"
        proc, base = load_test.start_gunicorn(env, args.workers, log, code.tree)
        front = None
        try:
            front, base = load_test.start_nginx(base, workdir / f"nginx-{mode}", log)
            sessions = {
                u["username"]: load_test.log_in(base, u["username"], PASSWORD)
                for u in state["site"]["users"]
            }
            for mix, planned in plan.items():
                lines = with_sessions(planned, sessions)
                requests = workdir / f"requests-{mix}.txt"
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
                results[key] = {"users": _brief(users), "closed_loop": _brief(closed)}
                print(label + key, json.dumps(results[key]), flush=True)
        finally:
            if front is not None:
                load_test.stop_server(front)
            load_test.stop_server(proc)
    return results


def read_state(workdir: Path) -> dict[str, Any]:
    return json.loads((workdir / "state.json").read_text())


def built_code(state: dict[str, Any], workdir: Path, source: str | None = None) -> Code:
    """The code a measure of this build runs: `source` if given, else the revision the build
    was made with (its full sha: a name such as HEAD may have moved since), else the working
    tree."""
    built = state.get("code")
    rev = source if source is not None or built is None else built["commit"]
    db = Database(**state["database"])
    code = source_code(rev, workdir, db, workdir / "code.log")
    if source is None and built is not None and code.info is not None:
        code.info["source"] = built["source"]
    elif source is not None and (built or {}).get("commit") != (code.info or {}).get("commit"):
        made = built["commit"] if built else "the working tree"
        print(f"note: {workdir} was built by {made}, is run with {source}", flush=True)
    return code


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    low, high = (int(x) for x in args.think.split("-"))
    return {
        "users": args.users,
        "workers": args.workers,
        "think_ms": [low, high],
        "duration_s": args.duration,
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    state = read_state(args.workdir)
    code = built_code(state, args.workdir, args.source)
    out: dict[str, Any] = {"measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    if code.info is not None:
        out["code"] = code.info
    else:
        out["git"] = git_commit()
    out.update(
        machine=machine([state["database"]["backend"]]),
        backend=state["database"]["backend"],
        sizes=state["sizes"],
        **_settings(args),
    )
    plan = plan_requests(state["site"], args.mix.split(","))
    out["results"] = measure(args, args.workdir, state, code, plan)
    return out


class NotComparable(Exception):
    pass


def check_comparable(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """Two builds' states (state.json) measured side by side must be the same dataset: the same
    backend, sizes, seed, window and users (NotComparable otherwise). The differences that do not
    prevent it (the units the two revisions' reference data know) are returned as warnings."""
    wrong = []
    if a["database"]["backend"] != b["database"]["backend"]:
        wrong.append(f"backends differ: {a['database']['backend']} and {b['database']['backend']}")
    if a["sizes"] != b["sizes"]:
        wrong.append(f"sizes differ: {a['sizes']} and {b['sizes']}")
    sa, sb = a["site"], b["site"]
    seeds = [s.get("options", {}).get("seed") for s in (sa, sb)]
    if seeds[0] != seeds[1]:
        wrong.append(f"seeds differ: {seeds[0]} and {seeds[1]}")
    if sa["window"] != sb["window"]:
        wrong.append(f"windows differ (built on other days?): {sa['window']} and {sb['window']}")
    if sa["users"] != sb["users"]:
        wrong.append(f"users differ: {len(sa['users'])} and {len(sb['users'])}")
    if wrong:
        raise NotComparable("; ".join(wrong))
    warnings = []
    units = [{p["code"]: p.get("communes") for p in s["provinces"]} for s in (sa, sb)]
    if units[0] != units[1]:
        warnings.append(
            "the builds' provinces or communes differ: the requests are drawn from the first's"
        )
    return warnings


def _ratio(b: float | None, a: float | None) -> float | None:
    return round(b / a, 3) if a and b is not None else None


def summarise(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """Per "<mix>/cache <mode>": A's and B's closed-loop requests per second in each round, the
    ratio B/A of their means and round by round, and the users' p95 of each."""
    out = {}
    for key in rounds[0]["a"]["results"]:
        cells = {
            side: [r[side]["results"][key] for r in rounds if key in r[side]["results"]]
            for side in ("a", "b")
        }
        rps = {s: [c["closed_loop"]["requests_per_s"] for c in cells[s]] for s in cells}
        out[key] = {
            "ratio": _ratio(
                statistics.fmean(rps["b"]) if rps["b"] else None,
                statistics.fmean(rps["a"]) if rps["a"] else None,
            ),
            "ratio_by_round": [_ratio(b, a) for a, b in zip(rps["a"], rps["b"], strict=False)],
            "a_closed_loop_rps": rps["a"],
            "b_closed_loop_rps": rps["b"],
            "a_closed_loop_p95_ms": [c["closed_loop"]["p95_ms"] for c in cells["a"]],
            "b_closed_loop_p95_ms": [c["closed_loop"]["p95_ms"] for c in cells["b"]],
            "a_users_p95_ms": [c["users"]["p95_ms"] for c in cells["a"]],
            "b_users_p95_ms": [c["users"]["p95_ms"] for c in cells["b"]],
            "errors": sum(c[k]["error_count"] for s in cells for c in cells[s] for k in c),
        }
    return out


def compare(args: argparse.Namespace, out_path: Path) -> dict[str, Any]:
    """Two builds (A: --workdir, B: --workdir-b), each served by its own code, measured with
    the same requests in turn, A B A B ... (--rounds); the result after each round in
    `out_path`."""
    workdirs = {"a": args.workdir, "b": args.workdir_b}
    states = {side: read_state(w) for side, w in workdirs.items()}
    warnings = check_comparable(states["a"], states["b"])
    for warning in warnings:
        print(f"warning: {warning}", flush=True)
    codes = {side: built_code(states[side], workdirs[side]) for side in workdirs}
    backend = states["a"]["database"]["backend"]
    out: dict[str, Any] = {
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": machine([backend]),
        "backend": backend,
        "sizes": states["a"]["sizes"],
        **_settings(args),
        "warmup_s": args.warmup,
        "mixes": args.mix.split(","),
        "modes": args.modes.split(","),
        "order": "a, b" + ", a, b" * (args.rounds - 1),
        **{
            side: {"workdir": str(workdirs[side]), "code": codes[side].record()}
            for side in workdirs
        },
        "warnings": warnings,
        "rounds": [],
    }
    plan = plan_requests(states["a"]["site"], out["mixes"])
    for number in range(1, args.rounds + 1):
        done: dict[str, Any] = {}
        for side in workdirs:
            started, reference = time.strftime("%H:%M:%S"), python_reference_ms()
            results = measure(
                args, workdirs[side], states[side], codes[side], plan, f"round {number} {side} "
            )
            done[side] = {
                "started": started,
                "ended": time.strftime("%H:%M:%S"),
                "python_reference_ms": reference,
                "results": results,
            }
        out["rounds"].append(done)
        out["ratios_b_over_a"] = summarise(out["rounds"])
        out_path.write_text(json.dumps(out, indent=1, default=str) + "\n")
    for key, found in out["ratios_b_over_a"].items():
        print(
            f"{key}: closed loop B/A {found['ratio']} (by round {found['ratio_by_round']}); "
            f"users p95 ms A {found['a_users_p95_ms']} B {found['b_users_p95_ms']}",
            flush=True,
        )
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
    if args.phase == "compare":
        try:
            compare(args, args.out or args.workdir / "compare.json")
        except NotComparable as e:
            print(f"not comparable: {e}", file=sys.stderr)
            return 2
        return 0
    result = run(args)
    text = json.dumps(result, indent=1, default=str)
    (args.out or args.workdir / "result.json").write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
