"""The agency fixtures shipped with ctip (one YAML file per province and era)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def shipped_fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("*.yaml"))
