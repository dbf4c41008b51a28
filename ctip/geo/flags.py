"""Loading unit flags (mountainous, ethnic-minority, border, coastal, island) from a fixture that
states the public source of each."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ctip.core.audit import audit_write
from ctip.core.work import unit_of_work
from ctip.geo.models import COMMUNE_LEVELS, FLAGS, Level, Unit
from ctip.geo.package_data import LAST_LEGACY_DAY, REFORM_DAY

FIXTURES = Path(__file__).parent / "fixtures"


def units_load_flags(*, path: Path, acting_user: Any = None) -> int:
    """Apply a flags fixture; returns how many units changed. Idempotent."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    sources: dict[str, str] = data.get("sources", {})
    groups: list[tuple[str, tuple[str, ...], date]] = [
        ("legacy_districts", (Level.DISTRICT,), LAST_LEGACY_DAY),
        ("current_communes", COMMUNE_LEVELS, max(REFORM_DAY, date.today())),
    ]
    changed: list[Unit] = []
    with unit_of_work():
        for key, levels, day in groups:
            entries = {int(e["code"]): e for e in data.get(key) or []}
            units = Unit.objects.valid_on(day).filter(level__in=levels, code__in=entries)
            for unit in units:
                entry = entries[unit.code]
                cited = [sources.get(s, s) for s in entry.get("sources", [])]
                if entry.get("derived"):
                    cited.append(str(entry["derived"]))
                wanted = {f: bool(entry.get(f, False)) for f in FLAGS}
                wanted_source = "\n".join(cited)
                if {f: getattr(unit, f) for f in FLAGS} != wanted or (
                    unit.flags_source != wanted_source
                ):
                    for f, v in wanted.items():
                        setattr(unit, f, v)
                    unit.flags_source = wanted_source
                    changed.append(unit)
        Unit.objects.bulk_update(changed, [*FLAGS, "flags_source"], batch_size=500)
        if changed:
            audit_write(
                action="geo.units_load_flags",
                acting_user=acting_user,
                count=len(changed),
                changes={"fixture": path.name},
            )
    return len(changed)


def shipped_flag_fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("flags-*.yaml"))
