"""The lock files pin every package with its hashes, and the installs check them."""

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ["requirements.lock", "requirements-dev.lock"]
PIP_LOCK = "requirements-pip.lock"  # pip itself, upgraded in the new virtualenv
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==(\S+)$")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}\b")


def requirements(name: str) -> dict[str, str]:
    """Each requirement of a lock file, name==version, with its options (the hashes) as one
    string: continuation lines joined, comments dropped."""
    joined = (ROOT / name).read_text().replace("\\\n", " ")
    entries = {}
    for line in joined.splitlines():
        line = re.sub(r"(^|\s)#.*", "", line).strip()
        if not line or line.startswith("-"):
            continue
        requirement, _, options = line.partition(" ")
        entries[requirement] = options
    return entries


@pytest.mark.parametrize("name", LOCKS)
def test_every_requirement_is_pinned_with_a_hash(name):
    entries = requirements(name)
    assert len(entries) > 10, f"{name}: no requirements found"
    unpinned = [r for r in entries if not PIN.match(r)]
    assert unpinned == [], f"{name}: not pinned with ==: {unpinned}"
    unhashed = [r for r, options in entries.items() if not HASH.search(options)]
    assert unhashed == [], f"{name}: no --hash=sha256: entry for {unhashed}"


def test_pip_itself_is_pinned_with_a_hash():
    entries = requirements(PIP_LOCK)
    assert [r.split("==")[0] for r in entries] == ["pip"]
    assert all(PIN.match(r) and HASH.search(options) for r, options in entries.items())


@pytest.mark.parametrize("name", LOCKS)
def test_locks_pin_the_build_backend(name):
    # ctip itself is installed with --no-build-isolation, built by this hashed setuptools.
    assert any(r.startswith("setuptools==") for r in requirements(name)), name


def pip_install_lines(path: Path) -> list[str]:
    text = path.read_text().replace("\\\n", " ")
    return [line.strip() for line in text.splitlines() if re.search(r"\bpip install\b", line)]


@pytest.mark.parametrize("path", ["Makefile", "docs/deploy.md"])
def test_lock_installs_require_hashes(path):
    lines = pip_install_lines(ROOT / path)
    lock_lines = [line for line in lines if re.search(r"-r\s+\S*requirements[\w.-]*\.lock", line)]
    assert lock_lines, f"{path}: no pip install -r <lock> line"
    missing = [line for line in lock_lines if "--require-hashes" not in line.split()]
    assert missing == [], f"{path}: lock installs without --require-hashes: {missing}"
    if path == "Makefile":
        installed = {re.search(r"requirements[\w.-]*\.lock", line)[0] for line in lock_lines}
        assert installed == {*LOCKS, PIP_LOCK}
        assert not [line for line in lines if "--upgrade pip" in line]  # unpinned, unhashed


@pytest.mark.parametrize("path", ["Makefile", "docs/deploy.md"])
def test_project_install_builds_without_isolation(path):
    # Build isolation would fetch setuptools from the index without a hash check.
    project = [line for line in pip_install_lines(ROOT / path) if "--no-deps" in line.split()]
    assert project, f"{path}: no pip install --no-deps line for ctip itself"
    missing = [line for line in project if "--no-build-isolation" not in line.split()]
    assert missing == [], f"{path}: ctip installed with build isolation: {missing}"


# The dependency audit of `make lint` (scripts/audit-deps). PyPI's vulnerability data is not
# needed: a fake OSV service on loopback answers the real pip-audit, so these never touch the
# network.
AUDIT = ROOT / "scripts" / "audit-deps"
DJANGO_4_2_0 = {  # as OSV describes CVE-2023-31047 (a fix exists) and an unfixed one, made up
    "vulns": [
        {
            "id": "PYSEC-2023-100",
            "aliases": ["CVE-2023-31047"],
            "summary": "Potential bypass of validation when uploading multiple files",
            "affected": [
                {
                    "package": {"name": "django", "ecosystem": "PyPI"},
                    "ranges": [
                        {"type": "ECOSYSTEM", "events": [{"introduced": "4.2"}, {"fixed": "4.2.1"}]}
                    ],
                }
            ],
        }
    ]
}
UNFIXED = {
    "vulns": [
        {
            "id": "TEST-0000-1",
            "summary": "Vulnerable, no release fixes it yet",
            "affected": [
                {
                    "package": {"name": "django", "ecosystem": "PyPI"},
                    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}]}],
                }
            ],
        }
    ]
}


@contextmanager
def fake_osv(answer: dict) -> Iterator[str]:
    """An OSV query endpoint on loopback answering `answer` for django, nothing for the rest."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            body = json.dumps(answer if query["package"]["name"] == "django" else {}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1/query"
    finally:
        server.shutdown()
        server.server_close()


def audit(tmp_path: Path, requirements: str, osv_url: str, **env: str):
    (tmp_path / "req.txt").write_text(requirements)
    return subprocess.run(
        [
            sys.executable,
            str(AUDIT),
            *("-r", str(tmp_path / "req.txt"), "--no-deps", "--disable-pip"),
            *("--vulnerability-service", "osv", "--osv-url", osv_url),
            *("--cache-dir", str(tmp_path / "cache"), "--timeout", "10"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
        check=False,
    )


def test_audit_fails_on_a_vulnerability_with_a_fix(tmp_path):
    with fake_osv(DJANGO_4_2_0) as url:
        done = audit(tmp_path, "django==4.2.0\n", url)
    assert done.returncode == 1, done.stderr
    assert "VULNERABLE, upgrade the pin: django 4.2.0: PYSEC-2023-100, fixed in 4.2.1" in (
        done.stderr
    )


def test_audit_passes_a_clean_lock_and_only_warns_without_a_fix(tmp_path):
    with fake_osv({}) as url:
        clean = audit(tmp_path, "django==5.2.19\n", url)
    assert clean.returncode == 0, clean.stderr
    assert "1 packages audited, 0 fixable and 0 unfixed" in clean.stderr
    with fake_osv(UNFIXED) as url:
        unfixed = audit(tmp_path, "django==5.2.19\n", url)
    assert unfixed.returncode == 0, unfixed.stderr
    assert "vulnerable without a fix: django 5.2.19: TEST-0000-1" in unfixed.stderr


def test_audit_says_what_it_could_not_audit(tmp_path):
    # Nothing listens on the discard port: the service cannot be reached at all.
    closed = "http://127.0.0.1:9/v1/query"
    lenient = audit(tmp_path, "django==5.2.19\n", closed)
    assert lenient.returncode == 0
    assert "NOTHING WAS AUDITED" in lenient.stderr
    strict = audit(tmp_path, "django==5.2.19\n", closed, CTIP_AUDIT_STRICT="1")
    assert strict.returncode == 1


def test_audit_reports_skipped_packages(tmp_path):
    # What PyPI's per-release JSON API answering 404 makes pip-audit write.
    report = tmp_path / "report.json"
    report.write_text(
        json.dumps(
            {
                "dependencies": [
                    {"name": "django", "skip_reason": "Dependency not found on PyPI"},
                    {"name": "six", "version": "1.17.0", "vulns": []},
                ],
                "fixes": [],
            }
        )
    )
    args = [sys.executable, str(AUDIT), "--report", str(report)]
    lenient = subprocess.run(args, capture_output=True, text=True, check=False)
    assert lenient.returncode == 0
    assert "1 of 2 packages were NOT AUDITED" in lenient.stderr
    strict = subprocess.run(
        args,
        capture_output=True,
        text=True,
        env={**os.environ, "CTIP_AUDIT_STRICT": "1"},
        check=False,
    )
    assert strict.returncode == 1


def test_lint_runs_the_audit_on_both_locks():
    lint = (ROOT / "Makefile").read_text().split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "scripts/audit-deps -r requirements.lock -r requirements-dev.lock" in lint
