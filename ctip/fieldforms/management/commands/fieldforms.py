"""`ctip fieldforms build DIR [--agency CODE ...]`: the XLSForm files to load into ODK Central
or KoboToolbox: the watch-check form, and the activity form of the agencies named (their units
and their provinces' agencies as its lists).

`ctip fieldforms watch-checks FILE --user USERNAME`: import the checks of a watch-check export
(CSV or JSON) as that user, within the entries they may see. Activities exported from the
activity form import with `ctip import activities FILE.csv|FILE.json` (docs/import.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ctip.accounts.models import User
from ctip.agencies.models import Agency
from ctip.core.bounds import MAX_IMPORT_FILE_BYTES
from ctip.enforcement.watchlist import WatchImportRejected, watch_checks_import
from ctip.fieldforms.definitions import watch_check_form
from ctip.fieldforms.lists import activity_form_for
from ctip.fieldforms.xlsform import build_xlsx


class Command(BaseCommand):
    help = (
        "Field forms (ODK, Kobo): `build DIR [--agency CODE ...]` writes the XLSForm files; "
        "`watch-checks FILE --user USERNAME` imports a watch-check export."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["build", "watch-checks"])
        parser.add_argument("path", type=Path, help="build: a directory; watch-checks: a file")
        parser.add_argument(
            "--agency", action="append", default=[], help="build: code of a recording agency"
        )
        parser.add_argument("--user", help="watch-checks: the user the checks are recorded by")

    def handle(self, *args, **options):
        if options["action"] == "build":
            self._build(options["path"], options["agency"])
        else:
            self._watch_checks(options["path"], options["user"])

    def _build(self, directory: Path, codes: list[str]) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        forms = [watch_check_form()]
        if codes:
            agencies = list(Agency.objects.filter(code__in=codes).select_related("unit"))
            missing = sorted(set(codes) - {a.code for a in agencies})
            if missing:
                message = _("Không có cơ quan mã %(codes)s.") % {"codes": ", ".join(missing)}
                raise CommandError(message)
            form = activity_form_for(agencies)
            if form is not None:
                forms.append(form)
        for form in forms:
            path = directory / form.file_name
            path.write_bytes(build_xlsx(form))
            self.stdout.write(f"{path} ({form.form_id}, {form.version})")

    def _watch_checks(self, path: Path, username: str | None) -> None:
        user = User.objects.filter(username=username or "", is_active=True).first()
        if user is None:
            raise CommandError(_("Phải chỉ ra --user là tên đăng nhập của một người dùng."))
        if not path.is_file():
            raise CommandError(_("Không có tệp %(path)s.") % {"path": path})
        if path.stat().st_size > MAX_IMPORT_FILE_BYTES:  # never read whole into memory
            limit = MAX_IMPORT_FILE_BYTES // 1024 // 1024
            raise CommandError(_("Tệp quá lớn (tối đa %(max)s MB).") % {"max": limit})
        try:
            done = watch_checks_import(name=path.name, data=path.read_bytes(), acting_user=user)
        except WatchImportRejected as exc:
            raise CommandError("\n".join(exc.errors)) from exc
        self.stdout.write(
            f"{done.written} lượt kiểm tra đã ghi, {done.skipped} đã có, bỏ qua, "
            f"{done.rejected} bị từ chối khi duyệt, bỏ qua"
        )
