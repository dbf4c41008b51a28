"""Issue 23, build 2: the activity import's write refuses a unit outside its agency's area by
itself, not only through check_rows: a caller that hands it specs without checking them (the
demo, a job, a future command) writes nothing, and the check is one query for the whole batch."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.prevention.import_batch import activities_import, refuse_outside_area
from ctip.prevention.importer import ImportRejected
from ctip.prevention.models import Activity
from tests.test_area import DAY, HOME, NEIGHBOUR, OUTSIDE, _commune, _hanoi, _spec

pytestmark = pytest.mark.django_db


def _written() -> tuple[int, int]:
    return (
        Activity.objects.count(),
        AuditEntry.objects.filter(action="prevention.activities_import").count(),
    )


def test_the_write_refuses_a_batch_with_one_spec_outside_the_area_and_writes_nothing():
    specs = [_spec(), _spec(unit_id=_hanoi().pk), _spec()]
    before = _written()
    with pytest.raises(ImportRejected) as caught:
        activities_import(specs=specs, data=b"unchecked", acting_user=None)
    assert caught.value.errors == [OUTSIDE]
    assert _written() == before
    assert activities_import(specs=[_spec(), _spec()], data=b"checked", acting_user=None) == 2
    assert _written() == (before[0] + 2, before[1] + 1)


def test_each_agency_is_held_to_its_own_area():
    """The province's Border Guard covers the neighbouring commune; the home commune's committee
    does not, though both agencies and both units are in the batch."""
    committee = Agency.objects.valid_on(DAY).get(unit=_commune(HOME), kind="people_committee")
    specs = [
        _spec(unit_id=_commune(NEIGHBOUR).pk),  # the Border Guard's: inside
        _spec(agency_id=committee.pk, unit_id=_commune(HOME).pk),  # inside
        _spec(agency_id=committee.pk, unit_id=_commune(NEIGHBOUR).pk),  # outside
    ]
    with pytest.raises(ImportRejected) as caught:
        activities_import(specs=specs, data=b"x", acting_user=None)
    neighbour = _commune(NEIGHBOUR)
    assert caught.value.errors == [
        f"{neighbour.name} (Quảng Ngãi) không thuộc địa bàn của {committee.name}."
    ]
    assert not Activity.objects.exists()


def test_the_check_is_one_query_for_the_whole_batch():
    units = [_commune(code).pk for code in (HOME, NEIGHBOUR)]
    specs = [_spec(unit_id=units[i % 2]) for i in range(200)]
    with CaptureQueriesContext(connection) as queries:
        refuse_outside_area(specs)
    assert len(queries) == 1
    refuse_outside_area([])  # nothing to check


def test_many_pairs_outside_are_named_a_few_then_counted():
    hanoi = _hanoi()
    agencies = list(Agency.objects.filter(unit__rollup_province__code=51).order_by("pk")[:8])
    specs = [_spec(agency_id=a.pk, unit_id=hanoi.pk) for a in agencies]
    with pytest.raises(ImportRejected) as caught:
        refuse_outside_area(specs)
    assert len(caught.value.errors) == 6
    assert caught.value.errors[-1] == "Và 3 cặp cơ quan, địa bàn khác ở ngoài địa bàn của cơ quan."


def test_an_agency_or_unit_that_does_not_exist_is_refused_not_a_crash():
    with pytest.raises(ImportRejected) as caught:
        refuse_outside_area([_spec(unit_id=10**9)])
    assert caught.value.errors == ["Có cơ quan hoặc địa bàn không có trong danh mục."]
