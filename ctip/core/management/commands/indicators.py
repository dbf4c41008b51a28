"""`ctip indicators --unit U --from D --to D [--indicator C] [--by DIM] [--level L] --json`"""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from ctip.core.indicators import DIMENSIONS, REGISTRY, IndicatorError, compute
from ctip.core.text import fold
from ctip.geo.models import Level, Unit


class Command(BaseCommand):
    help = "Print indicator values for a unit and a period as JSON (the indicator registry)."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="GSO code or name, e.g. 'Quảng Ngãi'")
        parser.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD (inclusive)")
        parser.add_argument("--indicator", action="append", default=[], help="indicator code")
        parser.add_argument("--by", action="append", default=[], help="dimension")
        parser.add_argument("--level", choices=["province", "district", "commune"])
        parser.add_argument("--json", action="store_true", help="print JSON (the only format)")

    def handle(self, *args, **options):
        start, end = _date(options["start"]), _date(options["end"])
        unknown = [c for c in options["indicator"] if c not in REGISTRY]
        unknown += [d for d in options["by"] if d not in DIMENSIONS]
        if unknown:
            raise CommandError(f"Không có chỉ tiêu hoặc chiều phân tổ: {', '.join(unknown)}")
        unit = resolve_unit(options["unit"], end)
        try:
            rows = compute(
                options["indicator"] or None,
                unit=unit,
                start=start,
                end=end,
                by=tuple(options["by"]),
                level=options["level"],
            )
        except IndicatorError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1))


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"Ngày không hợp lệ: {text!r} (dùng YYYY-MM-DD)") from exc


def resolve_unit(text: str, day: date) -> Unit:
    """A province code or a unit's name as it stood on `day` (the period's end)."""
    current = Unit.objects.valid_on(day)
    if text.strip().isdigit():
        found = current.filter(code=int(text), level=Level.PROVINCE).first()
    else:
        wanted = fold(text)
        found = None
        for level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.SPECIAL_ZONE):
            for unit in current.filter(level=level, name__icontains=text.strip().split()[-1]):
                if fold(unit.name).endswith(wanted):
                    found = unit
                    break
            if found:
                break
    if found is None:
        raise CommandError(f"Không có đơn vị {text!r} vào ngày {day:%d/%m/%Y}")
    return found
