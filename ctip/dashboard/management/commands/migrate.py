"""`ctip migrate`: Django's, then a new epoch for the dashboards' panel cache. A migration's
data steps write outside any unit of work, and a database just created or restored may hold
versions already used for other data: every panel a running worker cached is recomputed
(ctip.core.work.everything_changed, ctip.dashboard.versions)."""

from __future__ import annotations

import contextlib
from typing import Any

from django.core.management.commands import migrate
from django.db import DEFAULT_DB_ALIAS

from ctip.core.work import everything_changed


class Command(migrate.Command):
    def handle(self, *args: Any, **options: Any) -> None:
        # A plan or a check changes nothing; the panel cache reads the default database only.
        if options["plan"] or options["check_unapplied"] or options["database"] != DEFAULT_DB_ALIAS:
            super().handle(*args, **options)
            return
        try:
            super().handle(*args, **options)
        except BaseException:
            # Also when a later migration failed: the data steps before it have committed. The
            # migration's own error is the one to report, not a second one from here.
            with contextlib.suppress(Exception):
                everything_changed()
            raise
        everything_changed()
