"""`ctip synth` at the national size of issue 27 on PostgreSQL: a fresh database, `migrate`,
`load_reference`, then `synth --no-reference` over all 34 provinces and 10 years, each timed in
its own process. Prints the synth's progress and a Markdown row for docs/benchmarks.md.

    .venv/bin/python bench/synth_full.py                       # the issue's full size
    .venv/bin/python bench/synth_full.py --activities 1000000 --victims 50000 --cases 20000 \
        --watchlist 200000 --provinces 10 --years 5           # the benchmark's 1M size
    .venv/bin/python bench/synth_full.py --template ctip_tpl  # skip migrate/reference: copy a
                                                              # database that has them

After the synth, `VACUUM (ANALYZE)` (timed apart), as autovacuum would on a server. The database
(`ctip_synth_<pid>`) is dropped at the end unless `--keep`. Needs the PostgreSQL
client tools and `$CTIP_BENCH_PG` (default postgres://root@127.0.0.1:5432).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CTIP = str(ROOT / ".venv" / "bin" / "ctip")
SERVER = os.environ.get("CTIP_BENCH_PG", "postgres://root@127.0.0.1:5432")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--activities", type=int, default=7_000_000)
    parser.add_argument("--victims", type=int, default=350_000)
    parser.add_argument("--cases", type=int, default=140_000)
    parser.add_argument("--watchlist", type=int, default=1_400_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--template", help="an existing database with migrations and reference")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    name = f"ctip_synth_{os.getpid()}"
    server = urlsplit(SERVER)
    client = ["-h", server.hostname or "127.0.0.1", "-p", str(server.port or 5432)]
    client += ["-U", server.username or "root"]
    create = ["createdb", *client, name] + (["-T", args.template] if args.template else [])
    subprocess.run(create, check=True)  # noqa: S603 - our own arguments
    env = {**os.environ, "DATABASE_URL": f"{SERVER}/{name}"}
    times = {}
    try:
        if not args.template:
            times["migrate"] = _timed([CTIP, "migrate", "-v0"], env)
            times["reference"] = _timed([CTIP, "load_reference"], env, quiet=True)
        sizes = [
            f"--{k}={getattr(args, k)}"
            for k in ("provinces", "years", "activities", "victims", "cases", "watchlist", "seed")
        ]
        started = time.monotonic()
        out = subprocess.run(  # noqa: S603
            [CTIP, "synth", "--no-reference", *sizes],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        times["synth"] = time.monotonic() - started
        print(out)
        # As a server's autovacuum would before anyone reads: a development server's PostgreSQL
        # runs without it, and the national review then read a rollup's cells by a scan of the
        # whole cells table (2.9 s) where the index alone takes 0.75 s (docs/benchmarks.md).
        vacuum = ["psql", *client, "-d", name, "-qc", "VACUUM (ANALYZE)"]
        times["vacuum"] = _timed(vacuum, env)
    finally:
        if not args.keep:
            subprocess.run(["dropdb", *client, name], check=False)  # noqa: S603, S607
    rows = _rows(out)
    print(
        f"| postgres | {args.provinces} × {args.years} | {args.activities:,} | {args.victims:,} "
        f"| {args.cases:,} | {args.watchlist:,} | {rows:,} "
        + " | ".join(f"{k} {v:.1f} s" for k, v in times.items())
        + f" | {rows / times['synth']:,.0f} rows/s |"
    )


def _timed(command: list[str], env: dict, quiet: bool = False) -> float:
    started = time.monotonic()
    output = subprocess.DEVNULL if quiet else None
    subprocess.run(command, env=env, check=True, stdout=output)  # noqa: S603
    return time.monotonic() - started


def _rows(out: str) -> int:
    """Rows written, from the closing line's counts ("activities 1.000.000, ...")."""
    closing = out.strip().splitlines()[-1].rsplit(": ", 1)[-1]
    return sum(int(n.replace(".", "")) for n in re.findall(r" (\d[\d.]*)(?:,|\.$)", closing))


if __name__ == "__main__":
    sys.exit(main())
