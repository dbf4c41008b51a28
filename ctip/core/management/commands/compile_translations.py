"""Compile ctip's .po catalogs to .mo in pure Python (polib), so installing ctip needs no GNU
gettext on the machine. `makemessages` (for developers) still uses xgettext."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile ctip's translation catalogs (.po -> .mo) without GNU gettext."

    def handle(self, *args, **options):
        count = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                catalog = polib.pofile(str(po_path))
                errors = [e for e in catalog if e.translated() and _placeholders_differ(e)]
                if errors:
                    raise CommandError(
                        f"{po_path}: placeholders differ in: " + "; ".join(e.msgid for e in errors)
                    )
                mo_path = po_path.with_suffix(".mo")
                if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
                    catalog.save_as_mofile(str(mo_path))
                    count += 1
        if options["verbosity"] > 1:
            self.stdout.write(f"{count} catalogs compiled")


def _placeholders_differ(entry: polib.POEntry) -> bool:
    import re

    pattern = re.compile(r"%\((\w+)\)[sd]")
    wanted = set(pattern.findall(entry.msgid))
    if entry.msgstr_plural:
        return any(set(pattern.findall(s)) != wanted for s in entry.msgstr_plural.values())
    return set(pattern.findall(entry.msgstr)) != wanted
