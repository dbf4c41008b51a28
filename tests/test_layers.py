"""The layers of ctip (docs/adr/0010-layers.md) are checked by `make lint` with import-linter.
These tests show that the check can fail: a copy of the package with one import against the
layers breaks the contract, and an import hidden inside a function counts as much as one at the
top of a module."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = Path(sys.executable).parent / "lint-imports"


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "ctip",
        tmp_path / "ctip",
        ignore=shutil.ignore_patterns("__pycache__", "locale", "static", "templates", "*.mo"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _lint(where: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT), "--no-cache"],
        cwd=where,
        env={"PYTHONPATH": str(where), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _copy(tmp_path_factory.mktemp("layers"))


def test_the_tree_keeps_its_layers(tree: Path) -> None:
    result = _lint(tree)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("where", "code"),
    [
        # The kernel reaching up into a domain.
        ("core/violation.py", "from ctip.victims.models import Case\n"),
        # A domain reaching a higher one from inside a function (the old way to dodge a cycle).
        ("prevention/violation.py", "def f():\n    from ctip.reporting import models\n"),
        # Reference data reaching the indicators above it.
        ("geo/violation.py", "import ctip.indicators.rollups\n"),
    ],
)
def test_an_import_against_the_layers_breaks_lint(tree: Path, where: str, code: str) -> None:
    bad = tree / "ctip" / where
    bad.write_text(code)
    try:
        result = _lint(tree)
    finally:
        bad.unlink()
    assert result.returncode != 0
    assert "BROKEN" in result.stdout


def test_every_app_is_in_a_layer() -> None:
    """exhaustive = true: a new package under ctip/ must be given its layer."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (contract,) = config["contracts"]
    assert contract["exhaustive"] is True
    named = {m.strip() for layer in contract["layers"] for m in layer.split("|")}
    packages = {
        p.name
        for p in (ROOT / "ctip").iterdir()
        if (p / "__init__.py").exists() or (p.suffix == ".py" and p.stem != "__init__")
    }
    packages = {p.removesuffix(".py") for p in packages}
    assert packages == named
