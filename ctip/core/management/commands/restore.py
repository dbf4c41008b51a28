"""`ctip restore PATH [--yes]`: replace the database and the media folder with a `ctip backup`
archive, after checking that the configured keys can read it (docs/operations.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from ctip.core import backup_db, backup_manifest, restore
from ctip.core.backup_manifest import BackupError

YES = {"y", "yes", "c", "co", "có"}


class Command(BaseCommand):
    help = "Restore the database and the media folder from a `ctip backup` archive."
    # The database being replaced may be empty or belong to other keys: the key check that
    # matters is the archive's, done below before anything changes.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="Archive written by `ctip backup`.")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask for confirmation (scripts)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        try:
            manifest = backup_manifest.manifest_read(path)
            restore.manifest_check(manifest)
            with restore.staging_dir() as staging:
                restore.archive_extract(path, manifest, Path(staging))
                if not options["yes"]:
                    self.confirm(manifest)
                backup_db.database_restore(manifest, Path(staging))
                restore.media_replace(Path(staging))
            restore.restore_finish(manifest, archive=path.name)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _("Đã khôi phục bản sao lưu ngày %(created)s: cơ sở dữ liệu và %(files)s tệp.")
            % {"created": manifest.created, "files": manifest.media_count()}
        )

    def confirm(self, manifest: backup_manifest.Manifest) -> None:
        if not sys.stdin.isatty():
            raise CommandError(
                _("Không có ai để xác nhận (đầu vào không phải terminal): thêm --yes để khôi phục.")
            )
        question = _(
            "Khôi phục sẽ THAY THẾ toàn bộ cơ sở dữ liệu và thư mục tệp hiện tại bằng bản sao "
            "lưu ngày %(created)s. Tiếp tục? [c/K] "
        ) % {"created": manifest.created}
        try:
            answer = input(question)
        except EOFError:
            answer = ""
        if answer.strip().lower() not in YES:
            raise CommandError(_("Đã hủy: không thay đổi gì."))
