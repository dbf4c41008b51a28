"""`ctip import activities FILE.xlsx|FILE.json [--dry-run]` (docs/import.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core.bounds import MAX_IMPORT_FILE_BYTES
from ctip.prevention.import_batch import import_file
from ctip.prevention.importer import ImportRejected
from ctip.prevention.population import population_import_csv
from ctip.victims.importer import import_cases


class Command(BaseCommand):
    help = "Import records from a file: `ctip import activities FILE [--dry-run]`."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["activities", "population", "cases"])
        parser.add_argument("--agency", help="cases: code of the agency that will own them")
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")

    def handle(self, *args, **options):
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"Không có tệp {path}")
        if path.stat().st_size > MAX_IMPORT_FILE_BYTES:  # never read whole into memory
            limit = MAX_IMPORT_FILE_BYTES // 1024 // 1024
            raise CommandError(_("Tệp quá lớn (tối đa %(max)s MB).") % {"max": limit})
        try:
            if options["what"] == "cases":
                count = _import_cases(path, options)
            elif options["what"] == "population":
                if options["dry_run"]:
                    raise CommandError("--dry-run chỉ dùng cho activities")
                count = population_import_csv(data=path.read_bytes(), acting_user=None)
            else:
                count = import_file(
                    name=path.name,
                    data=path.read_bytes(),
                    acting_user=None,
                    dry_run=options["dry_run"],
                )
        except ImportRejected as exc:
            raise CommandError("\n".join(exc.errors)) from exc
        except DatabaseError as exc:
            # The checks should leave nothing for the database to refuse; if one does, the
            # import's transaction rolled back: say so instead of a traceback.
            message = _(
                "Cơ sở dữ liệu từ chối dữ liệu của tệp; không có gì được ghi. Hãy báo quản trị "
                "hệ thống (%(error)s)."
            )
            raise CommandError(message % {"error": type(exc).__name__}) from exc
        verb = "hợp lệ (chưa ghi)" if options["dry_run"] else "đã ghi"
        self.stdout.write(f"{count} dòng {verb}")


def _import_cases(path: Path, options: dict) -> int:
    """Nothing personal is printed: errors name rows and columns only."""
    agency = Agency.objects.filter(code=options.get("agency") or "").first()
    if agency is None:
        raise CommandError("Phải chỉ ra --agency là mã một cơ quan có trong hệ thống")
    return import_cases(
        name=path.name,
        data=path.read_bytes(),
        agency=agency,
        acting_user=None,
        dry_run=options["dry_run"],
    )
