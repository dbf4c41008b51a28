"""The national benchmark's smoke run (bench/national.py --smoke) on SQLite: tiny sizes, a few
seconds of wrk, a province's and the country's review next to their bare SQL, a period pushed to
a second (national) ctip over HTTP, a small import. Skipped without wrk (CI installs it). The
full benchmark is `make bench`, not part of the test suite."""

import json
import os
import re
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
        timeout=400,
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

    check_run(run, done.stdout)
    # Smoke runs never touch the recorded results or the docs.
    assert [p.stat().st_mtime_ns if p.exists() else None for p in recorded] == before


def check_run(run: dict, stdout: str) -> None:
    """One backend's smoke results: every step ran, every compiled value equals its bare SQL,
    the push arrived once, and no goal got a verdict."""
    assert {"compile", "compile_national", "push", "import"} <= set(run["step_s"])

    for key, national in (("compile", False), ("compile_national", True)):
        report = run[key]
        assert report["national"] is national, key
        assert report["compile_s"] > 0 and report["bare_sql_s"] > 0, key
        assert report["ratio"] > 0, key
        assert report["figures"] > 0 and report["checked"] > 0, key
        assert report["mismatches"] == [], key  # every compiled value equals its bare SQL
    assert run["compile_national"]["province"]["id"] != run["compile"]["province"]["id"]

    pushed = run["push"]
    assert pushed["build_s"] > 0 and pushed["queue_s"] > 0 and pushed["send_s"] > 0
    assert pushed["figures"] > 0
    assert pushed["status"] == "sent" and pushed["attempts"] == 1
    assert pushed["first_answer"] == {"status": 200, "code": "applied", "version": 1}
    # The same period pushed again: the same row, nothing to send, the receiver applies nothing.
    assert pushed["again"] == {
        "created": False,
        "same_row": True,
        "status": "sent",
        "attempts": 1,
        "due": 0,
    }
    assert pushed["resend_answer"]["code"] == "already_applied"
    received = pushed["receiver"]
    assert (received["pushes"], received["applied"]) == (1, 1)
    assert received["figures"] == pushed["figures"]
    assert received["signatures"] == 2  # both requests reached the receiver's checks
    assert pushed["arrived_once"] is True

    assert run["import"]["rows"] == 2000 and run["import"]["import_s"] > 0
    assert set(run["goals"]) == {
        "dashboard_p95",
        "compile_time",
        "compile_vs_bare",
        "import_vs_bare",
        "import_full_vs_bare",
    }
    assert not any(g["applies"] for g in run["goals"].values())  # smoke sizes: no verdict
    # Nor does the summary it prints say a goal is met or not.
    summary = [line for line in stdout.splitlines() if "of the goal" in line]
    assert len(summary) == len(run["goals"])
    assert not [line for line in summary if re.search(r"\bmet\b", line)], summary
