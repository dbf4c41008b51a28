from datetime import date

import pytest

from ctip.agencies.generate import commune_agencies_generate
from ctip.agencies.package_data import shipped_fixtures
from ctip.agencies.services import agencies_load_fixture
from ctip.geo.flags import shipped_flag_fixtures, units_load_flags
from ctip.geo.models import Level, Unit
from ctip.geo.services import units_load_package
from ctip.ops.management.commands.load_reference import rule_fixtures
from ctip.reporting.services import templates_load_fixture
from ctip.rules.services import holidays_load, rules_load_fixture
from tests import leakcheck
from tests.leakcheck import no_personal_value_in_clear  # noqa: F401 - autouse fixture
from tests.rollupcheck import rollups_match_records  # noqa: F401 - autouse fixture


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The whole country's units, the shipped agencies and holidays, loaded once per run; each
    test runs in a transaction rolled back afterwards."""
    with django_db_blocker.unblock():
        load_reference_data()


def load_reference_data() -> None:
    """Also called by transaction=True tests, which end by emptying every table."""
    units_load_package()
    for path in shipped_flag_fixtures():
        units_load_flags(path=path)
    for path in shipped_fixtures():
        agencies_load_fixture(path=path)
    commune_agencies_generate()
    holidays_load(years=range(2020, 2028))
    for path in rule_fixtures():
        rules_load_fixture(path=path)
    templates_load_fixture()


def unit(code: int, level: str, day: date) -> Unit:
    return Unit.objects.valid_on(day).get(code=code, level=level)


OLD = date(2024, 1, 1)
NEW = date(2026, 1, 1)


@pytest.fixture
def old_quang_ngai(db) -> Unit:
    return unit(51, Level.PROVINCE, OLD)


@pytest.fixture
def new_quang_ngai(db) -> Unit:
    return unit(51, Level.PROVINCE, NEW)


@pytest.fixture
def old_kon_tum(db) -> Unit:
    return unit(62, Level.PROVINCE, OLD)


def pytest_configure(config):
    leakcheck.install()


@pytest.fixture(autouse=True)
def vietnamese_first():
    """Each test starts in Vietnamese: a request with an English cookie leaves English active in
    the thread, which would otherwise leak into the next test."""
    from django.utils import translation

    translation.activate("vi")
    yield
    translation.activate("vi")
