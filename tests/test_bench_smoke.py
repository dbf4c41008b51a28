"""The national benchmark's smoke run (bench/national.py --smoke) on SQLite: tiny sizes, a few
seconds of wrk, one compile next to its bare SQL, a small import. Skipped without wrk (CI
installs it). The full benchmark is `make bench`, not part of the test suite."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
def test_national_benchmark_smoke_run(tmp_path):
    results = tmp_path / "results.json"
    recorded = [ROOT / "bench" / "results.json", ROOT / "docs" / "benchmarks.md"]
    before = [p.stat().st_mtime_ns if p.exists() else None for p in recorded]
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "national.py"),
            "--smoke",
            "--backend",
            "sqlite",
            "--results",
            str(results),
            "--logdir",
            str(tmp_path / "logs"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    found = json.loads(results.read_text())
    assert found["smoke"] is True
    run = found["backends"]["sqlite"]
    assert "error" not in run, run

    load = run["dashboard"]
    assert load["requests"] > 0
    assert 0 < load["p50_ms"] <= load["p95_ms"]
    assert load["error_count"] == 0, load

    report = run["compile"]
    assert report["compile_s"] > 0 and report["bare_sql_s"] > 0
    assert report["ratio"] > 0
    assert report["figures"] > 0 and report["checked"] > 0
    assert report["mismatches"] == []  # every compiled value equals its bare SQL

    assert run["import"]["rows"] == 2000 and run["import"]["import_s"] > 0
    assert set(run["goals"]) == {
        "dashboard_p95",
        "compile_time",
        "compile_vs_bare",
        "import_vs_bare",
        "import_full_vs_bare",
    }
    assert not any(g["applies"] for g in run["goals"].values())  # smoke sizes: no verdict
    # Smoke runs never touch the recorded results or the docs.
    assert [p.stat().st_mtime_ns if p.exists() else None for p in recorded] == before
