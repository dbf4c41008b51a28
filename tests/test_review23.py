"""Issue 23, findings of the review of its first wave: agencies that share a name in different
places are both offered and both importable."""

import json
from datetime import date

import pytest

from ctip.agencies.models import Agency
from ctip.agencies.selectors import in_territories, offered_on
from ctip.geo.models import Level
from ctip.prevention.import_batch import import_file
from ctip.prevention.models import Activity
from tests.conftest import unit
from tests.helpers import activity_row

pytestmark = pytest.mark.django_db
OLD = date(2024, 1, 1)


def namesakes():
    """Two agencies of one name, in force before the merger, in different districts."""
    agencies = Agency.objects.valid_on(OLD).filter(name__icontains="phường Nguyễn Nghiêm")
    by_name: dict[str, list[Agency]] = {}
    for agency in agencies.select_related("unit"):
        by_name.setdefault(agency.name, []).append(agency)
    pair = next(group for group in by_name.values() if len(group) == 2)
    assert pair[0].unit_id != pair[1].unit_id
    return pair


def test_namesake_agencies_in_different_places_are_both_offered():
    first, second = namesakes()
    offered = set(offered_on(in_territories([unit(51, Level.PROVINCE, OLD)]), OLD))
    assert {first, second} <= offered


def test_an_imported_namesake_agency_is_the_one_whose_area_holds_the_unit():
    for agency in namesakes():
        row = activity_row(
            agency=agency.name,
            start_date="2024-03-10",
            end_date="2024-03-10",
            unit=agency.unit.code,
        )
        import_file(name="a.json", data=json.dumps([row]).encode(), acting_user=None)
        assert Activity.objects.order_by("-pk").first().agency_id == agency.pk
