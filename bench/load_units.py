"""Time `ctip load_units` on an empty database (first load) and again (idempotent pass).

Usage: .venv/bin/python bench/load_units.py [DATABASE_URL]
Creates a throw-away SQLite file (or uses the given PostgreSQL URL, whose database it migrates
and fills), runs the load twice in fresh processes, and prints the timings as a Markdown row.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(args: list[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "ctip", *args],
        env=env,
        check=True,
        capture_output=True,
    )
    return time.monotonic() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        env = {**os.environ, "DATABASE_URL": url, "CTIP_VAR_DIR": tmp}
        run(["migrate", "--noinput"], env)
        first = run(["load_units"], env)
        again = run(["load_units"], env)
        backend = url.split(":", 1)[0]
        print(f"| load_units | {backend} | {first:.1f} s | {again:.1f} s |")


if __name__ == "__main__":
    main()
