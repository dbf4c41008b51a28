import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ctip.agencies.generate import commune_agencies_generate
from ctip.agencies.selectors import agencies_on
from ctip.geo.models import Level, Unit


class Command(BaseCommand):
    help = (
        "List agencies in force on a date (--json), optionally within a unit's territory; "
        "`generate [--province CODE ...]` creates the commune committees and police from the "
        "units (default: the provinces of the shipped fixtures)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", nargs="?", choices=["generate"], help="generate")
        parser.add_argument("--json", action="store_true", help="print JSON (the only format)")
        parser.add_argument("--unit", help="GSO code of a unit, or level:code (commune:21187)")
        parser.add_argument("--date", help="dd/mm/yyyy or yyyy-mm-dd (default: today)")
        parser.add_argument(
            "--province", type=int, action="append", help="generate: GSO province code"
        )

    def handle(self, *args, **options):
        if options["action"] == "generate":
            self._generate(options["province"])
            return
        day = _parse_date(options["date"]) if options["date"] else date.today()
        unit = _resolve_unit(options["unit"], day) if options["unit"] else None
        rows = [
            {
                "code": a.code,
                "name": a.name,
                "kind": a.kind,
                "unit": {"code": a.unit.code, "level": a.unit.level, "name": a.unit.name},
                "valid_from": a.valid_from.isoformat() if a.valid_from else None,
                "valid_to": a.valid_to.isoformat() if a.valid_to else None,
            }
            for a in agencies_on(day, unit=unit)
        ]
        self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))

    def _generate(self, provinces: list[int] | None) -> None:
        if provinces and not Unit.objects.filter(level=Level.PROVINCE, code__in=provinces):
            raise CommandError(
                _("Không có tỉnh mã %(codes)s.") % {"codes": ", ".join(map(str, provinces))}
            )
        try:
            result = commune_agencies_generate(provinces=provinces)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"commune agencies for provinces {', '.join(map(str, result.provinces))}: "
            f"{result.units} units, {result.created} created, {result.updated} updated, "
            f"{result.links} successions ({result.seconds:.1f} s)"
        )


def _parse_date(text: str) -> date:
    for sep, order in (("/", (2, 1, 0)), ("-", (0, 1, 2))):
        parts = text.split(sep)
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            y, m, d = (int(parts[i]) for i in order)
            try:
                return date(y, m, d)
            except ValueError:
                break
    raise CommandError(f"Ngày không hợp lệ: {text!r} (dùng dd/mm/yyyy)")


def _resolve_unit(text: str, day: date) -> Unit:
    level, _, code = text.rpartition(":")
    levels = [level] if level else [Level.PROVINCE, Level.DISTRICT, Level.COMMUNE]
    if not code.isdigit():
        raise CommandError(f"Mã đơn vị không hợp lệ: {text!r}")
    for lv in levels:
        unit = Unit.objects.valid_on(day).filter(code=int(code), level=lv).first()
        if unit is not None:
            return unit
    raise CommandError(f"Không có đơn vị {text!r} vào ngày {day:%d/%m/%Y}")
