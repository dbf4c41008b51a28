"""`ctip indicators --unit U --from D --to D [--indicator C] [--by DIM] [--level L]
[--names period-end|today] [--public] --json`

`--by agency` groups figures by today's heir of each agency (so that years add up) and names
each group as the agency that stood on the period's end (`--names period-end`, the default,
as a report for that period does) or after today's heir (`--names today`); the group's code is
the heir's either way.

Exact figures: the command runs on the server, for an operator who can read the database (and
its keys) anyway. `--public` gives the figures as a reader without access to the records sees
them (ctip.indicators.disclosure, as the dashboards show them to leaders): whole quarters, figures
about persons rounded, small ones and zeros withheld (`"value": null`, `"withheld": true`) and
their groups left out. Use it for anything handed on."""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ctip.core.bounds import MAX_DATE, MIN_DATE
from ctip.geo.models import Unit
from ctip.geo.selectors import UnitNotFound, unit_named
from ctip.indicators import disclosure
from ctip.indicators.naming import agency_rows_named_at
from ctip.indicators.queries import compute
from ctip.indicators.registry import DIMENSIONS, REGISTRY, IndicatorError

PERIOD_END, TODAY = "period-end", "today"


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
        parser.add_argument(
            "--names",
            choices=[PERIOD_END, TODAY],
            default=PERIOD_END,
            help="agencies named as they stood on the period's end (default) or as today's heirs",
        )
        parser.add_argument(
            "--public",
            action="store_true",
            help="as a reader without access to the records sees them (issue 19)",
        )

    def handle(self, *args, **options):
        start, end = _date(options["start"]), _date(options["end"])
        unknown = [c for c in options["indicator"] if c not in REGISTRY]
        unknown += [d for d in options["by"] if d not in DIMENSIONS]
        if unknown:
            raise CommandError(f"Không có chỉ tiêu hoặc chiều phân tổ: {', '.join(unknown)}")
        if start > end:
            raise CommandError(_("Ngày bắt đầu sau ngày kết thúc."))
        if options["public"]:
            if "month" in options["by"]:
                raise CommandError(
                    _(
                        "Với --public, số liệu về người chỉ tính theo quý trọn vẹn: "
                        "dùng --by quarter hoặc --by year."
                    )
                )
            start, end = disclosure.snap(start, end)
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
        if "agency" in options["by"] and options["names"] == PERIOD_END:
            rows = agency_rows_named_at(rows, unit=unit, day=end)
        if options["public"]:
            limit = disclosure.current_threshold()
            rows = public_rows(rows, grouped=bool(options["by"]), limit=limit)
            for row in rows:
                row.update(start=start.isoformat(), end=end.isoformat())
        self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1))


def public_rows(rows: list[dict], *, grouped: bool, limit: int) -> list[dict]:
    """The rows through ctip.indicators.disclosure for a reader who opens no record."""
    out = []
    for row in rows:
        indicator = REGISTRY[row["indicator"]]
        if disclosure.controlled(indicator, frozenset()):
            value = disclosure.release_figure(indicator, row["value"], limit)
            if value is None and grouped:
                continue  # a group listed for a withheld value would say it has records
            row = {**row, "value": value, "withheld": value is None}
        out.append(row)
    return out


def _date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"Ngày không hợp lệ: {text!r} (dùng YYYY-MM-DD)") from exc
    if not MIN_DATE <= day <= MAX_DATE:
        raise CommandError(
            _("Ngày phải trong khoảng %(min)s – %(max)s.")
            % {"min": f"{MIN_DATE:%d/%m/%Y}", "max": f"{MAX_DATE:%d/%m/%Y}"}
        )
    return day


def resolve_unit(text: str, day: date) -> Unit:
    try:
        return unit_named(text, day)
    except UnitNotFound as e:
        raise CommandError(str(e)) from e
