"""Issue 23, findings of the review of its first wave: agencies that share a name in different
places are both offered and both importable."""

import json
from datetime import date

import pytest
from django import forms

from ctip.agencies.models import Agency
from ctip.agencies.selectors import in_territories, offered_on
from ctip.core import formfields as bounded
from ctip.geo.models import Level, Unit
from ctip.geo.picker import UnitPickerField, bind_unit_pickers, unit_path
from ctip.geo.selectors import unit_by_code
from ctip.prevention.import_batch import import_file
from ctip.prevention.models import Activity
from tests.conftest import unit
from tests.helpers import activity_row, log_in, make_user

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


# --- a code shared by units of different levels ---------------------------------------------

EARLY = date(2025, 3, 1)  # before the merger: districts still exist


class PeriodForm(forms.Form):
    on = bounded.DateField(label="Ngày")
    unit = UnitPickerField(date_field="on")


def test_a_bare_code_names_the_highest_level_not_the_first_in_name_order():
    """A review found 51 (Tỉnh Quảng Ngãi) resolved to a Cao Bằng district and 535 (Huyện Ba
    Tơ) to a Hà Nội commune: levels were ordered by their names."""
    assert unit_by_code(51, day=EARLY).level == Level.PROVINCE
    ba_to = unit_by_code(535, day=EARLY)
    assert (ba_to.level, ba_to.name) == (Level.DISTRICT, "Huyện Ba Tơ")


def test_the_picked_unit_travels_with_its_code():
    """The picker posts the code and the label picked: the field resolves the unit the label
    names, and a view's unit_by_code returns that unit, whichever level shares the code."""
    units = Unit.objects.valid_on(EARLY).filter(code=535).select_related("parent__parent__parent")
    assert len(units) >= 2  # the district and a commune elsewhere
    for picked in units:
        form = PeriodForm({"on": "01/03/2025", "unit": "535", "unit_text": unit_path(picked)})
        bind_unit_pickers(form, territories=[])
        assert form.is_valid(), form.errors
        code = form.cleaned_data["unit"]
        assert code == 535 and unit_by_code(code, day=EARLY) == picked


def test_the_leaders_dashboard_reads_the_province_by_its_bare_code(client):
    leader = make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, date(2026, 1, 1)))
    log_in(client, leader)
    html = client.get("/bang-dieu-khien/?tu=01/01/2025&den=31/03/2025&dv=51").content.decode()
    assert "không thuộc địa bàn" not in html and "Không có địa bàn" not in html
    assert "<p>Tỉnh Quảng Ngãi ·" in html
