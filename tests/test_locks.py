"""The lock files pin every package with its hashes, and the installs check them."""

import re
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
