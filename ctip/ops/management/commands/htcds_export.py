"""`ctip htcds_export --unit U --from D --to D [--purpose report|partner_domestic|partner_abroad]
[--k K] [--format csv|xlsx|json] [--standard htcds|ctdc] [--country CC --counterpart NAME]
--output FILE`

The k-anonymous HTCDS file of a province's victim cases (ctip.victims.htcds): the same service,
the same refusals and the same audit row as the page `/ho-so/htcds/`, acted by no user (the
operator of the server). A district or commune named by --unit is refused by the service; the
period is snapped to whole calendar years. Prints what was generalised and suppressed, never a
record. --standard chooses the column names and codes (HTCDS 2.0 by default, or CTDC's); the
records and the anonymisation are the same for both."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ctip.geo.selectors import UnitNotFound, unit_named
from ctip.victims.htcds import (
    CSV,
    DEFAULT_STANDARD,
    FORMATS,
    PURPOSES,
    REPORT,
    VOCABULARIES,
    HtcdsRefused,
    column_name,
    htcds_export,
)


class Command(BaseCommand):
    help = "Export a province's victim cases in the HTCDS standard, k-anonymised (issue 26)."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="a province: GSO code or name")
        parser.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD (its 1/1)")
        parser.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD (its 31/12)")
        parser.add_argument("--purpose", choices=list(PURPOSES), default=REPORT)
        parser.add_argument("--k", type=int, help="raise k above the configured one")
        parser.add_argument("--format", dest="fmt", choices=list(FORMATS), default=CSV)
        parser.add_argument(
            "--standard",
            choices=list(VOCABULARIES),
            default=DEFAULT_STANDARD,
            help="column names and codes: HTCDS 2.0 (default) or CTDC's",
        )
        parser.add_argument("--country", default="", help="the partner's country (abroad)")
        parser.add_argument("--counterpart", default="", help="the partner receiving the file")
        parser.add_argument("--output", required=True, help="the file to write")

    def handle(self, *args, **options):
        start, end = _day(options["start"]), _day(options["end"])
        try:
            unit = unit_named(options["unit"], end)
        except UnitNotFound as exc:
            raise CommandError(str(exc)) from exc
        try:
            export = htcds_export(
                unit=unit,
                start=start,
                end=end,
                purpose=options["purpose"],
                k=options["k"],
                fmt=options["fmt"],
                counterpart_country=options["country"],
                counterpart=options["counterpart"],
                standard=options["standard"],
                acting_user=None,
            )
        except HtcdsRefused as exc:
            raise CommandError(str(exc)) from exc
        Path(options["output"]).write_bytes(export.data)
        result = export.result
        # Under the file's own column names, as its header gives them.
        generalised = (
            ", ".join(
                f"{column_name(export.standard, c)}={lvl}" for c, lvl in result.generalised.items()
            )
            or "-"
        )
        self.stdout.write(
            _(
                "Đã xuất %(released)s hồ sơ (k = %(k)s); loại %(suppressed)s hồ sơ; khái quát "
                "hóa: %(generalised)s; không có căn cứ chuyển ra nước ngoài: %(excluded)s. "
                "SHA-256 %(digest)s."
            )
            % {
                "released": result.released,
                "k": result.k,
                "suppressed": result.suppressed,
                "generalised": generalised,
                "excluded": export.excluded_no_basis,
                "digest": export.digest,
            }
        )


def _day(text: str) -> date:
    # The bounds are the service's (it refuses a date outside them, with the message).
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        message = _("Ngày không hợp lệ: %(text)s (dùng YYYY-MM-DD).") % {"text": text}
        raise CommandError(message) from exc
