"""`ctip demo`: reference data, then demo data and accounts. Idempotent."""

import os

from django.core.management import call_command
from django.core.management.base import BaseCommand

from ctip.accounts.services import user_ensure_demo

DEFAULT_DEMO_PASSWORD = "ctip-demo-2026"  # noqa: S105 - the documented demo default (README)


class Command(BaseCommand):
    help = "Load reference data and the demo accounts (never on a production server)."

    def handle(self, *args, **options):
        call_command("load_reference", stdout=self.stdout)
        password = os.environ.get("CTIP_DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)
        user_ensure_demo(username="admin", password=password, superuser=True)
        self.stdout.write("")
        self.stdout.write("Tài khoản thử nghiệm / demo accounts — http://127.0.0.1:8000")
        self.stdout.write(f"  admin   mật khẩu / password: {password}   quản trị hệ thống")
