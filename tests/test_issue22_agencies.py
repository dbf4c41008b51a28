"""Issue 22, builds 3 and 9: commune committees and police generated from the units, the new
bodies of the fixture, and issuer symbols and places from agency data."""

import time
from collections import defaultdict
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from ctip.agencies.generate import commune_agencies_generate
from ctip.agencies.models import Agency, AgencySuccession, Kind
from ctip.agencies.package_data import shipped_fixtures
from ctip.agencies.selectors import agencies_on, count_by_current_agency
from ctip.agencies.services import (
    AgencyFixtureError,
    agencies_load_fixture,
    agency_set_symbol,
)
from ctip.agencies.symbols import issuer_place, issuer_symbol
from ctip.core.models import AuditEntry
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from tests.conftest import NEW, OLD, unit
from tests.testapp.models import Record

pytestmark = pytest.mark.django_db

Y2019 = date(2019, 6, 1)


def _fresh() -> None:
    """Remove generated agencies (present if the session's reference data already generates
    them), so a test sees a first generation."""
    generated = Agency.objects.filter(Q(code__startswith="ubnd-x") | Q(code__startswith="ca-x"))
    AgencySuccession.objects.filter(
        Q(predecessor__in=generated) | Q(successor__in=generated)
    ).delete()
    Agency.objects.filter(heir__in=generated).update(heir=None, rollup_agency=None)
    generated.delete()


@pytest.fixture
def generated():
    _fresh()
    return commune_agencies_generate()


def a(code: str) -> Agency:
    return Agency.objects.get(code=code)


def communes_of(province_code: int, day: date):
    province = unit(province_code, Level.PROVINCE, day)
    return (
        Unit.objects.valid_on(day)
        .filter(level__in=COMMUNE_LEVELS)
        .filter(parent__in=[province.pk, *province.children.values_list("pk", flat=True)])
    )


def _generated_on(day: date, kind: str, units):
    return Agency.objects.valid_on(day).filter(kind=kind, unit__in=units, code__contains="-x")


@pytest.mark.parametrize(
    "province, day, expected",
    [(51, Y2019, 170), (62, Y2019, 102), (51, date(2025, 6, 30), 170), (51, NEW, 96)],
)
def test_one_committee_and_one_police_per_commune_level_unit_on_each_date(
    generated, province, day, expected
):
    units = communes_of(province, day)
    assert units.count() == expected
    for kind in (Kind.PEOPLE_COMMITTEE, Kind.POLICE):
        agencies = _generated_on(day, kind, units)
        assert agencies.count() == expected
        assert set(agencies.values_list("unit_id", flat=True)) == set(
            units.values_list("pk", flat=True)
        )
    assert generated.created == 2 * (170 + 102 + 96)


def test_a_2019_commune_has_its_committee_and_police_under_the_district():
    commune_agencies_generate()
    tra_bui = unit(21142, Level.COMMUNE, Y2019)
    committee, police = a("ubnd-x21142-0"), a("ca-x21142-0")
    assert (committee.name, police.name) == ("Ủy ban nhân dân xã Trà Bùi", "Công an xã Trà Bùi")
    assert committee.unit == police.unit == tra_bui
    assert (committee.valid_from, committee.valid_to) == (None, date(2025, 6, 30))
    assert committee.parent == a("qng-ubnd-525")  # Trà Bồng district
    assert police.parent == a("qng-ca-525")
    assert (committee.symbol, police.symbol) == ("UBND", "CAX")
    on_2019 = {x.code for x in agencies_on(Y2019, unit=tra_bui)}
    assert {"ubnd-x21142-0", "ca-x21142-0"} <= on_2019
    town = a("ca-x21040-0")
    assert (town.name, town.symbol) == ("Công an thị trấn Châu Ổ", "CATT")


def test_a_2026_commune_and_the_special_zone_have_theirs_under_the_province():
    commune_agencies_generate()
    cam_thanh = unit(21025, Level.COMMUNE, NEW)
    committee = a("ubnd-x21025-20250701")
    assert committee.name == "Ủy ban nhân dân phường Cẩm Thành"
    assert committee.unit == cam_thanh and committee.valid_from == date(2025, 7, 1)
    assert committee.parent == a("qng-ubnd-2025")
    assert a("ca-x21025-20250701").parent == a("qng-ca-2025")
    zone = a("ubnd-x21548-20250701")
    assert zone.name == "Ủy ban nhân dân đặc khu Lý Sơn"
    assert (a("ca-x21548-20250701").name, a("ca-x21548-20250701").symbol) == (
        "Công an đặc khu Lý Sơn",
        "CAĐK",
    )
    codes = {x.code for x in agencies_on(NEW, unit=unit(51, Level.PROVINCE, NEW))}
    assert {"ubnd-x21025-20250701", "ca-x21548-20250701"} <= codes


def test_successions_follow_the_units():
    commune_agencies_generate()
    # Nghĩa Chánh passed whole into Cẩm Thành: its committee's records go with it.
    whole = AgencySuccession.objects.get(predecessor=a("ubnd-x21019-0"))
    assert whole.successor == a("ubnd-x21025-20250701") and whole.carries_records
    assert whole.date == date(2025, 7, 1)
    assert a("ca-x21019-0").heir == a("ca-x21025-20250701")
    # Trà Bùi was split between Cà Đam and Tây Trà Bồng: linked to both, records to neither.
    split = AgencySuccession.objects.filter(predecessor=a("ubnd-x21142-0"))
    assert {s.successor.code for s in split} == {"ubnd-x21136-20250701", "ubnd-x21157-20250701"}
    assert not any(s.carries_records for s in split)
    assert a("ubnd-x21142-0").heir == a("ubnd-x21142-0")
    # Its figures "by agency" stand under today's provincial agency, not the old one.
    assert a("ca-x21142-0").rollup_agency == a("qng-ca-2025")
    assert a("ubnd-x21142-0").rollup_agency == a("qng-ubnd-2025")
    # Lý Sơn district's committee passes to the special zone's, which carries its records.
    ly_son = AgencySuccession.objects.get(predecessor=a("qng-ubnd-536"))
    assert ly_son.successor == a("ubnd-x21548-20250701") and ly_son.carries_records
    record = Record.objects.create(
        unit=unit(536, Level.DISTRICT, OLD), agency=a("qng-ubnd-536"), made_on=OLD
    )
    counts = count_by_current_agency(Record.objects.filter(pk=record.pk))
    assert counts == {a("ubnd-x21548-20250701").pk: 1}
    # District police ended on 28/2/2025, not on the day before the link: no succession.
    assert not AgencySuccession.objects.filter(
        predecessor=a("qng-ca-536"), successor__code__startswith="ca-x"
    ).exists()


def test_generation_is_idempotent_with_one_audit_row_per_batch():
    _fresh()
    audits = AuditEntry.objects.filter(action="agencies.generate_communes")
    before = audits.count()
    first = commune_agencies_generate()
    assert first.created == 736 and first.links > 0
    assert audits.count() == before + 1
    batch = audits.latest("id")
    assert batch.count == first.changed
    assert Agency.objects.filter(code__startswith="ubnd-x", batch=batch).count() == 368
    again = commune_agencies_generate()
    assert again.changed == 0 and audits.count() == before + 1


def test_a_unit_renamed_keeps_its_agencies_and_codes():
    commune_agencies_generate()
    Unit.objects.filter(code=21142, level=Level.COMMUNE, valid_to=date(2025, 6, 30)).update(
        name="Xã Trà Bùi Mới"
    )
    result = commune_agencies_generate()
    assert (result.created, result.updated) == (0, 2)
    assert a("ubnd-x21142-0").name == "Ủy ban nhân dân xã Trà Bùi Mới"


def test_generation_runs_in_a_fixed_number_of_queries():
    _fresh()
    started = time.monotonic()
    with CaptureQueriesContext(connection) as queries:
        result = commune_agencies_generate()
    elapsed = time.monotonic() - started
    assert result.created == 736
    # 736 agencies and their successions: no query per row (bulk inserts, set-based reads).
    assert len(queries) < 40, len(queries)
    print(f"default generation: {result.created} agencies, {result.links} links, {elapsed:.2f} s")


def test_any_province_on_request_from_the_command_line():
    out = StringIO()
    call_command("agencies", "generate", "--province", "22", stdout=out)
    assert "created" in out.getvalue()
    quang_ninh_2026 = communes_of(22, NEW)
    assert _generated_on(NEW, Kind.POLICE, quang_ninh_2026).count() == quang_ninh_2026.count()
    van_don = a("ubnd-x6994-20250701")
    assert van_don.name == "Ủy ban nhân dân đặc khu Vân Đồn" and van_don.parent is None
    with pytest.raises(CommandError, match="Không có tỉnh mã 999"):
        call_command("agencies", "generate", "--province", "999", stdout=StringIO())


def test_every_fixture_agency_has_a_symbol_and_symbols_are_unique_per_unit_and_time():
    commune_agencies_generate()
    codes = [e["code"] for p in shipped_fixtures() for e in _entries(p)]
    assert not Agency.objects.filter(code__in=codes, symbol="").exists()
    by_unit_symbol = defaultdict(list)
    for agency in Agency.objects.exclude(symbol=""):
        by_unit_symbol[(agency.unit_id, agency.symbol.casefold())].append(agency)
    clashes = [
        (x.code, y.code)
        for group in by_unit_symbol.values()
        for i, x in enumerate(group)
        for y in group[i + 1 :]
        if (x.valid_from or date.min) <= (y.valid_to or date.max)
        and (y.valid_from or date.min) <= (x.valid_to or date.max)
    ]
    assert clashes == []


def test_home_affairs_and_foreign_affairs_have_different_symbols():
    assert issuer_symbol(a("qng-snv")) == "SNV"
    assert issuer_symbol(a("qng-sngv")) == "SNgV"
    assert issuer_symbol(a("qng-snv-2025")) != issuer_symbol(a("qng-sngv-2025"))
    # Without a symbol, initials: exactly the clash the data now avoids.
    home, foreign = a("qng-snv"), a("qng-sngv")
    home.symbol = foreign.symbol = ""
    assert issuer_symbol(home) == issuer_symbol(foreign) == "SNV"


def test_a_duplicate_symbol_is_refused_in_vietnamese():
    with pytest.raises(ValidationError, match="trùng với Sở Nội vụ tỉnh Quảng Ngãi"):
        agency_set_symbol(agency=a("qng-sngv"), symbol="SNV", acting_user=None)
    assert a("qng-sngv").symbol == "SNgV"
    # Another unit, or another time, may use it.
    agency_set_symbol(agency=a("kt-sngv"), symbol="SNGV2", acting_user=None)
    assert a("kt-sngv").symbol == "SNGV2"
    assert AuditEntry.objects.filter(action="agencies.set_symbol").count() == 1


def test_a_fixture_with_a_clash_is_refused(tmp_path):
    fixture = tmp_path / "clash.yaml"
    fixture.write_text(
        yaml.safe_dump(
            {
                "agencies": [
                    {
                        "code": "qng-test-clash",
                        "name": "Sở Thử nghiệm tỉnh Quảng Ngãi",
                        "symbol": "SYT",
                        "kind": "other",
                        "unit": {"code": 51, "level": "province", "at": date(2024, 1, 1)},
                        "valid_from": None,
                        "valid_to": date(2025, 6, 30),
                    }
                ]
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    with pytest.raises(AgencyFixtureError, match="trùng"):
        agencies_load_fixture(path=fixture)
    assert not Agency.objects.filter(code="qng-test-clash").exists()


def test_issuer_place_is_the_units_proper_name():
    commune_agencies_generate()
    assert issuer_place(a("qng-syt"), date(2025, 4, 1)) == "Quảng Ngãi"
    assert issuer_place(a("qng-syt-2025"), NEW) == "Quảng Ngãi"
    assert issuer_place(a("kt-ca"), OLD) == "Kon Tum"
    assert issuer_place(a("qng-ubnd-525"), OLD) == "Trà Bồng"
    assert issuer_place(a("ca-x21142-0"), Y2019) == "Trà Bùi"
    assert issuer_place(a("ubnd-x21548-20250701"), NEW) == "Lý Sơn"


def test_coast_guard_regional_courts_justice_and_legal_aid_before_and_after_the_reform():
    before = {x.code: x for x in agencies_on(OLD, unit=unit(51, Level.PROVINCE, OLD))}
    after = {x.code: x for x in agencies_on(NEW, unit=unit(51, Level.PROVINCE, NEW))}
    assert before["csb-v2"].kind == after["csb-v2-2025"].kind == Kind.COAST_GUARD
    assert {"qng-stp", "qng-tgpl"} <= set(before) and {"qng-stp-2025", "qng-tgpl-2025"} <= set(
        after
    )
    assert a("qng-tgpl").kind == Kind.LEGAL_AID and a("qng-tgpl").parent == a("qng-stp")
    assert a("kt-tgpl").heir == a("qng-tgpl-2025") and a("kt-stp").heir == a("qng-stp-2025")
    regional = [x for x in after.values() if x.code.startswith(("qng-ta-kv", "qng-vks-kv"))]
    assert len(regional) == 22
    assert a("qng-ta-kv1").name == "Tòa án nhân dân khu vực 1 - Quảng Ngãi"
    assert a("qng-vks-kv7").parent == a("qng-vks-2025")
    assert not any(code.startswith("qng-ta-kv") for code in before)


def test_the_fixture_drops_a_link_it_no_longer_lists():
    AgencySuccession.objects.filter(predecessor=a("qng-ubnd-536")).delete()
    AgencySuccession.objects.create(
        predecessor=a("qng-ubnd-536"), successor=a("qng-ubnd-2025"), date=date(2025, 7, 1)
    )
    assert sum(agencies_load_fixture(path=p) for p in shipped_fixtures()) == 1
    assert not AgencySuccession.objects.filter(predecessor=a("qng-ubnd-536")).exists()


def _entries(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["agencies"]
