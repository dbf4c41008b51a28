"""`ctip demo`: reference data, then demo data and accounts. Idempotent."""

import os

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from ctip.agencies.models import Agency
from ctip.geo.models import Unit
from ctip.indicators import rollups
from ctip.ops.demo.accounts import demo_accounts_ensure, demo_accounts_table
from ctip.ops.demo.directives import demo_directives_ensure
from ctip.ops.demo.enforcement import demo_enforcement_ensure
from ctip.ops.demo.prevention import demo_prevention_ensure
from ctip.ops.demo.readings import demo_readings_ensure
from ctip.ops.demo.reporting import demo_reporting_ensure
from ctip.ops.demo.reporting_workflow import demo_workflow_ensure
from ctip.ops.demo.victims import demo_cases_ensure
from ctip.prevention.population import population_demo_ensure

DEFAULT_DEMO_PASSWORD = "ctip-demo-2026"  # noqa: S105 - the documented demo default (README)


class Command(BaseCommand):
    help = "Load reference data and the demo accounts (never on a production server)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--accounts-table",
            action="store_true",
            help="Print the README's table of demo accounts (after `ctip demo`) and stop.",
        )

    def handle(self, *args, **options):
        if options["accounts_table"]:
            try:
                self.stdout.write(demo_accounts_table())
            except (Agency.DoesNotExist, Unit.DoesNotExist, DatabaseError):
                raise CommandError("Run `ctip demo` first: the table names its agencies.") from None
            return
        call_command("load_reference", stdout=self.stdout)
        password = os.environ.get("CTIP_DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)
        accounts = demo_accounts_ensure(password=password)
        # The province's real population (cited) and synthetic commune populations, so the
        # rates per 1,000 inhabitants show (labelled "dân số giả lập"): fixtures/README.md.
        self.stdout.write(f"population: {population_demo_ensure()} rows (communes synthetic)")
        self.stdout.write(f"directives: {demo_directives_ensure()} added")
        self.stdout.write(f"activities: {demo_prevention_ensure()} added")
        self.stdout.write(f"victim cases: {demo_cases_ensure()} added (synthetic, not printed)")
        self.stdout.write(f"criminal cases: {demo_enforcement_ensure()} added (synthetic)")
        self.stdout.write(f"report requests: {demo_reporting_ensure()} draft added (3131/BCA-V03)")
        self.stdout.write(f"report workflow: {demo_workflow_ensure()} agency parts added")
        self.stdout.write(f"report read into drafts: {demo_readings_ensure()} added")
        self.stdout.write(f"rollups: {sum(rollups.rebuild().values())} cells")
        self.stdout.write("")
        self.stdout.write("Tài khoản thử nghiệm / demo accounts — http://127.0.0.1:8000")
        self.stdout.write(f"Mật khẩu / password: {password}")
        for a in accounts:
            totp = f"  TOTP: {a['totp_secret']}" if a["totp_secret"] else ""
            self.stdout.write(f"  {a['username']:<11} {a['role']}{totp}")
