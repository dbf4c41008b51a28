"""What the national benchmark's steps share: throw-away databases, the environment of the ctip
processes, running a step in a fresh process and reading its JSON, and the machine it ran on."""

from __future__ import annotations

import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time
import timeit
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable
PG_SERVER = os.environ.get("CTIP_BENCH_PG", "postgres://root@127.0.0.1:5432")


@dataclass
class Database:
    backend: str  # "sqlite" or "postgres"
    url: str
    name: str  # file path or database name

    def drop(self) -> None:
        if self.backend == "postgres":
            pg_tool("dropdb", "--if-exists", "--force", self.name)
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(self.name + suffix).unlink(missing_ok=True)


def _pg_args() -> list[str]:
    from urllib.parse import urlsplit

    server = urlsplit(PG_SERVER)
    args = ["-h", server.hostname or "127.0.0.1", "-p", str(server.port or 5432)]
    if server.username:
        args += ["-U", server.username]
    return args


def pg_tool(tool: str, *args: str) -> str:
    found = subprocess.run(  # noqa: S603 - PostgreSQL client tools, fixed arguments
        [tool, *_pg_args(), *args], capture_output=True, text=True, check=True
    )
    return found.stdout


def fresh_database(backend: str, workdir: Path, role: str = "bench") -> Database:
    """An empty database: a new SQLite file in `workdir`, or a new PostgreSQL database. `role`
    names it, so that a second one (the national ctip a push goes to) sits beside the first."""
    if backend == "sqlite":
        path = workdir / f"{role}.sqlite3"
        return Database("sqlite", f"sqlite:///{path}", str(path))
    name = f"ctip_{role}_{os.getpid()}"
    pg_tool("dropdb", "--if-exists", "--force", name)
    pg_tool("createdb", name)
    return Database("postgres", f"{PG_SERVER.rstrip('/')}/{name}", name)


def copy_database(db: Database, workdir: Path, role: str) -> Database:
    """A copy of `db` (no process may be connected to it): the SQLite file, or a PostgreSQL
    database created from it as a template."""
    if db.backend == "sqlite":
        path = workdir / f"{role}.sqlite3"
        for suffix in ("", "-wal"):
            if Path(db.name + suffix).exists():
                shutil.copyfile(db.name + suffix, str(path) + suffix)
        return Database("sqlite", f"sqlite:///{path}", str(path))
    name = f"ctip_{role}_{os.getpid()}"
    pg_tool("dropdb", "--if-exists", "--force", name)
    pg_tool("createdb", "-T", db.name, name)
    return Database("postgres", f"{PG_SERVER.rstrip('/')}/{name}", name)


def postgres_available() -> bool:
    if not shutil.which("createdb"):
        return False
    try:
        pg_tool("psql", "-d", "postgres", "-Atc", "SELECT 1")
    except (subprocess.CalledProcessError, FileNotFoundError):
        return False
    return True


def ctip_env(db: Database, workdir: Path) -> dict[str, str]:
    """The environment of every ctip process of one run: production settings on plain HTTP,
    secrets kept in the run's own directory, persistent connections as docs/deploy.md suggests."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DEBUG", "PYTEST_CURRENT_TEST")
    }
    env.update(
        DATABASE_URL=db.url,
        DJANGO_SETTINGS_MODULE="ctip.settings",
        CTIP_VAR_DIR=str(workdir),
        CTIP_HTTPS="0",
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CONN_MAX_AGE="60",
        LOG_LEVEL="WARNING",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
    )
    return env


def source_env(env: dict[str, str], tree: Path) -> dict[str, str]:
    """`env` (from `ctip_env`) for the code exported into `tree` (see `export_revision`): the
    tree first on PYTHONPATH and the working tree off it. The virtualenv's editable install of
    the working tree is found by a meta-path finder that comes after PYTHONPATH, so `import ctip`
    finds the tree's package (run the processes with the tree as their working directory: `-m`
    and gunicorn put the current directory before PYTHONPATH)."""
    rest = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(ROOT)]
    return {**env, "PYTHONPATH": os.pathsep.join([str(tree), *rest])}


def _git(*args: str, check: bool = True) -> str:
    """git's output in the working tree; a failure raises (`check`) or gives its output."""
    found = subprocess.run(  # noqa: S603
        ["git", *args],  # noqa: S607 - git on PATH
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if check and found.returncode:
        raise RuntimeError(f"git {' '.join(args)} failed: {found.stderr.strip()}")
    return found.stdout.strip()


def export_revision(rev: str, workdir: Path) -> tuple[Path, str]:
    """The code of git revision `rev` (`git archive REV | tar -x`) in `workdir`/src-<short sha>,
    exported once (an existing one is reused); the tree and the revision's full sha."""
    commit = _git("rev-parse", "--verify", f"{rev}^{{commit}}")
    tree = workdir / f"src-{_git('rev-parse', '--short', commit)}"
    if tree.is_dir():
        return tree, commit
    partial = workdir / f".{tree.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    archive = subprocess.Popen(["git", "archive", commit], cwd=ROOT, stdout=subprocess.PIPE)  # noqa: S603, S607
    untar = subprocess.run(["tar", "-x", "-C", str(partial)], stdin=archive.stdout, check=False)  # noqa: S603, S607
    assert archive.stdout is not None
    archive.stdout.close()
    if archive.wait() or untar.returncode:
        raise RuntimeError(f"git archive {commit} | tar -x -C {partial} failed")
    partial.rename(tree)  # whole or not at all: a tree that is present is complete
    return tree, commit


def revision(commit: str) -> dict[str, Any]:
    """What the results record of a git revision run from an exported tree."""
    return {"commit": commit, "subject": _git("log", "-1", "--format=%s", commit)}


def run_timed(args: list[str], env: dict[str, str], log: Path, cwd: Path | None = None) -> float:
    """Run a command to completion (output appended to `log`); seconds taken."""
    started = time.perf_counter()
    with log.open("a", encoding="utf-8") as out:
        out.write(f"\n$ {' '.join(args)}\n")
        out.flush()
        done = subprocess.run(  # noqa: S603
            args, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, check=False
        )
    if done.returncode:
        raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}); see {log}")
    return time.perf_counter() - started


def ctip(*args: str) -> list[str]:
    return [PYTHON, "-m", "ctip", *args]


def step(
    script: str,
    args: list[str],
    env: dict[str, str],
    log: Path,
    bench: Path = BENCH,
    cwd: Path | None = None,
) -> dict[str, Any]:
    """Run <bench>/<script> (default: this bench/) in a fresh process; it writes its result as
    JSON to --out."""
    out = log.parent / f"{Path(script).stem}-{time.monotonic_ns()}.json"
    run_timed([PYTHON, str(bench / script), *args, "--out", str(out)], env, log, cwd)
    return json.loads(out.read_text(encoding="utf-8"))


def machine(backends: list[str]) -> dict[str, Any]:
    info: dict[str, Any] = {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gib": _ram_gib(),
        "os": _os_name(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "python_reference_ms": python_reference_ms(),
    }
    if "postgres" in backends or postgres_available():
        try:
            info["postgresql"] = pg_tool(
                "psql", "-d", "postgres", "-Atc", "SHOW server_version"
            ).strip()
        except (subprocess.CalledProcessError, FileNotFoundError):
            info["postgresql"] = None
    wrk = shutil.which("wrk")
    if wrk:
        found = subprocess.run([wrk, "--version"], capture_output=True, text=True, check=False)  # noqa: S603
        info["wrk"] = (found.stdout or found.stderr).split("\n")[0].split(" Copyright")[0]
    return info


def python_reference_ms() -> float:
    """A fixed pure-Python workload (dicts, a sort, number formatting: what a dashboard page
    does between its queries), best of 5, in ms. Machines of the same description ("AMD EPYC",
    2 cores) have differed by more than 3 times in speed from one session to the next; this
    figure tells runs on different machines apart."""

    def work() -> int:
        rows = [{"k": i % 977, "v": i * 7 % 1013} for i in range(200_000)]
        rows.sort(key=lambda r: (r["k"], -r["v"]))
        return len("".join(f"<td>{r['v']:,}</td>" for r in rows[:50_000]))

    return round(min(timeit.repeat(work, number=1, repeat=5)) * 1000, 1)


def git_commit() -> dict[str, Any]:
    def git(*args: str) -> str:
        return _git(*args, check=False)  # outside a repository: empty fields

    return {
        "commit": git("rev-parse", "HEAD"),
        "subject": git("log", "-1", "--format=%s"),
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        # The application itself differs from the commit (edited or new files under ctip/).
        "ctip_dirty": bool(git("status", "--porcelain", "--", "ctip")),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return platform.platform()
