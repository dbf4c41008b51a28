"""Agencies with successors: records keep their agency; "by agency" follows the succession."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ctip.agencies.derived import agencies_refresh_heirs
from ctip.agencies.models import Agency, AgencySuccession
from ctip.agencies.package_data import shipped_fixtures
from ctip.agencies.selectors import agencies_on, count_by_current_agency, records_of
from ctip.agencies.services import agencies_load_fixture
from ctip.geo.models import Level
from tests.conftest import OLD, unit
from tests.testapp.models import Record

pytestmark = pytest.mark.django_db


def a(code: str) -> Agency:
    return Agency.objects.get(code=code)


def _record(agency: str, day: date = OLD) -> Record:
    return Record.objects.create(unit=unit(51, Level.PROVINCE, OLD), agency=a(agency), made_on=day)


def test_health_department_carries_the_labour_department_records():
    labour = _record("qng-sldtbxh", date(2023, 5, 1))
    health_spring = _record("qng-syt", date(2025, 4, 1))
    kon_tum_labour = _record("kt-sldtbxh", date(2024, 2, 1))
    home_affairs = _record("qng-snv", date(2024, 2, 1))
    heir = a("qng-syt-2025")
    assert set(records_of(Record.objects.all(), heir)) == {labour, health_spring, kon_tum_labour}
    # Home Affairs took labour over, but not the victim-support records.
    assert labour not in records_of(Record.objects.all(), a("qng-snv-2025"))
    assert home_affairs in records_of(Record.objects.all(), a("qng-snv-2025"))
    # Records keep the agency that made them.
    labour.refresh_from_db()
    assert labour.agency.code == "qng-sldtbxh"


def test_counts_by_agency_follow_succession():
    for code in ("qng-sldtbxh", "qng-syt", "kt-sldtbxh", "qng-ca", "qng-ca-522", "kt-ca-608"):
        _record(code)
    counts = count_by_current_agency(Record.objects.all())
    assert counts == {a("qng-syt-2025").pk: 3, a("qng-ca-2025").pk: 3}


def test_the_predecessor_police_keeps_its_own_scope():
    district = _record("qng-ca-522")
    assert list(records_of(Record.objects.all(), a("qng-ca-522"))) == [district]
    assert district in records_of(Record.objects.all(), a("qng-ca"))


def test_agencies_on_a_date_within_a_unit():
    before = {x.code for x in agencies_on(date(2024, 1, 1), unit=unit(51, Level.PROVINCE, OLD))}
    after = {
        x.code
        for x in agencies_on(date(2026, 1, 1), unit=unit(51, Level.PROVINCE, date(2026, 1, 1)))
    }
    assert "qng-sldtbxh" in before and "kt-ca" not in before and "qng-ca-2025" not in before
    assert "qng-ca-2025" in after and "qng-sldtbxh" not in after and "qng-ca-522" not in after
    spring = {x.code for x in agencies_on(date(2025, 4, 1))}
    assert "qng-syt" in spring and "qng-sldtbxh" not in spring and "qng-ca-522" not in spring


def test_one_record_heir_per_agency_is_enforced():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        AgencySuccession.objects.create(
            predecessor=a("qng-sldtbxh"), successor=a("qng-ca"), date=date(2025, 3, 1)
        )


def test_fixture_load_is_idempotent_and_heirs_are_stable():
    assert sum(agencies_load_fixture(path=p) for p in shipped_fixtures()) == 0
    assert agencies_refresh_heirs() == 0
    assert a("kt-ca-608").heir == a("qng-ca-2025")


def test_cli_lists_agencies_as_json():
    out = StringIO()
    call_command("agencies", "--json", "--unit", "62", "--date", "01/01/2024", stdout=out)
    rows = json.loads(out.getvalue())
    codes = {r["code"] for r in rows}
    assert "kt-ca" in codes and "qng-ca" not in codes
    police = next(r for r in rows if r["code"] == "kt-ca")
    assert police["kind"] == "police" and police["unit"]["code"] == 62
    assert police["valid_to"] == "2025-06-30"
    with pytest.raises(CommandError, match="Ngày không hợp lệ"):
        call_command("agencies", "--json", "--date", "31/02/2024", stdout=StringIO())
