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

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ctip.indicators.public import (
    NAMES,
    PERIOD_END,
    check_codes,
    indicator_rows,
    parse_day,
    public_period,
    resolve_unit,
)
from ctip.indicators.registry import IndicatorError


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
            choices=NAMES,
            default=PERIOD_END,
            help="agencies named as they stood on the period's end (default) or as today's heirs",
        )
        parser.add_argument(
            "--public",
            action="store_true",
            help="as a reader without access to the records sees them (issue 19)",
        )

    def handle(self, *args, **options):
        # The query language lives in ctip.indicators.public, shared with the REST API.
        try:
            rows = _rows(options)
        except IndicatorError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1))


def _rows(options: dict) -> list[dict]:
    start, end = parse_day(options["start"]), parse_day(options["end"])
    check_codes(options["indicator"], options["by"])
    if start > end:
        raise IndicatorError(_("Ngày bắt đầu sau ngày kết thúc."))
    if options["public"]:
        start, end = public_period(start, end, options["by"])
    return indicator_rows(
        indicators=options["indicator"],
        unit=resolve_unit(options["unit"], end),
        start=start,
        end=end,
        by=options["by"],
        level=options["level"],
        names=options["names"],
        public=options["public"],
    )
