"""`ctip demo`: reference data, then demo data and accounts. Idempotent."""

import os

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from ctip.agencies.services import agencies_load_fixture, shipped_fixtures
from ctip.rules.services import default_years, holidays_load

DEFAULT_DEMO_PASSWORD = "ctip-demo-2026"  # noqa: S105 - documented demo default, README


class Command(BaseCommand):
    help = "Load reference data (units, agencies, holidays) and the demo accounts."

    def handle(self, *args, **options):
        call_command("load_units", stdout=self.stdout)
        for path in shipped_fixtures():
            changed = agencies_load_fixture(path=path)
            self.stdout.write(f"agencies: {path.name}: {changed} changed")
        self.stdout.write(f"holidays: {holidays_load(years=default_years())} added")
        password = os.environ.get("CTIP_DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)
        with transaction.atomic():
            _ensure_admin(password)
        self.stdout.write("")
        self.stdout.write("Tài khoản thử nghiệm / demo accounts (http://127.0.0.1:8000):")
        self.stdout.write(f"  admin  mật khẩu/password: {password}  (quản trị hệ thống)")


def _ensure_admin(password: str) -> None:
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username="admin", defaults={"is_staff": True, "is_superuser": True}
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.save()
