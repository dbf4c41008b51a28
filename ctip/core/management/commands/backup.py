"""`ctip backup [--output PATH]`: one tar archive with the database, the media folder and a
manifest; never the keys (ctip/core/backup.py, docs/operations.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from ctip.core.backup import backup_create
from ctip.core.backup_manifest import BackupError, BackupResult


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


class Command(BaseCommand):
    help = "Back up the database and the media folder (never the keys) into one tar archive."
    # The command checks the keys itself, with a message of its own; the other system checks
    # have nothing to say about a backup.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            help="Archive to write (default: $CTIP_VAR_DIR/backups/ctip-YYYYmmdd-HHMMSS.tar).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = backup_create(options["output"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(result.path))
        self.stdout.write(self.summary(result))

    @staticmethod
    def summary(result: BackupResult) -> str:
        return _(
            "Đã sao lưu cơ sở dữ liệu %(database)s (%(db_mb)s MB) và %(files)s tệp (%(media_mb)s "
            "MB); các khóa không có trong bản sao lưu, hãy giữ chúng ở nơi khác."
        ) % {
            "database": result.manifest.database,
            "db_mb": _megabytes(result.database_size),
            "files": result.manifest.media_count(),
            "media_mb": _megabytes(result.media_size),
        }
