"""Issue 27: a row naming the same target group twice ("public, Nhân dân", or one label twice)
passed `--dry-run`, then crashed the real import on the link table's unique constraint
(UniqueViolation on PostgreSQL). The check merges the names into one link, so the dry run and
the import agree; the write merges them too, for a caller that built its specs itself."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from ctip.agencies.models import Agency
from ctip.geo.models import Unit
from ctip.prevention.import_batch import activities_import
from ctip.prevention.importer import Spec
from ctip.prevention.models import Activity

pytestmark = pytest.mark.django_db

ROW = {
    "agency": "qng-ca",
    "kind": "session",
    "start_date": "2022-05-10",
    "end_date": "2022-05-11",
    "unit": 21142,
    "partners": "qng-hlhpn, Hội Liên hiệp Phụ nữ tỉnh Quảng Ngãi",
}


@pytest.mark.parametrize(
    ("groups", "codes"),
    [
        ("public, Nhân dân", ["public"]),
        ("Nhân dân, Nhân dân", ["public"]),
        ("public; public", ["public"]),
        (["public", "Nhân dân"], ["public"]),
        ("Học sinh, sinh viên, pupils_students, Nhân dân", ["public", "pupils_students"]),
    ],
)
def test_a_group_named_twice_is_one_link_in_the_dry_run_and_the_import(tmp_path, groups, codes):
    path = tmp_path / "a.json"
    path.write_bytes(json.dumps([{**ROW, "target_groups": groups}]).encode())
    out = StringIO()
    call_command("import", "activities", str(path), "--dry-run", stdout=out)
    assert "1 dòng hợp lệ" in out.getvalue()
    call_command("import", "activities", str(path), stdout=StringIO())
    activity = Activity.objects.get()
    assert sorted(activity.target_groups.values_list("code", flat=True)) == codes
    assert list(activity.partners.values_list("code", flat=True)) == ["qng-hlhpn"]


def test_the_write_merges_a_group_or_partner_given_twice():
    agency = Agency.objects.get(code="qng-ca")
    partner = Agency.objects.get(code="qng-hlhpn")
    unit = Unit.objects.filter(code=21142).order_by("pk").first()
    spec = Spec(
        agency_id=agency.pk,
        kind="session",
        start_date=date(2022, 5, 10),
        end_date=date(2022, 5, 10),
        unit_id=unit.pk,
        target_groups=["public", "public", "youth"],
        partners=[partner.pk, partner.pk],
    )
    assert activities_import(specs=[spec], data=b"x", acting_user=None) == 1
    activity = Activity.objects.get()
    assert sorted(activity.target_groups.values_list("code", flat=True)) == ["public", "youth"]
    assert list(activity.partners.values_list("pk", flat=True)) == [partner.pk]
