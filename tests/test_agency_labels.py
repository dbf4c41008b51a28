"""Namesake agencies are told apart in choice lists: two commune police of one name in different
districts by the unit above each, two versions of one agency (before and after 1/7/2025) by
their time; a name without a namesake reads as it is. The labels cost one query, whatever the
length of the list."""

from __future__ import annotations

from datetime import date

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ctip.agencies.labels import AgencyChoiceField, AgencyMultipleChoiceField, choices, labels
from ctip.agencies.models import Agency
from ctip.geo.models import Level, Unit
from tests.conftest import OLD, unit

pytestmark = pytest.mark.django_db


def _two_communes_of_one_name() -> tuple[Unit, Unit]:
    """Two communes under two different districts of old Quảng Ngãi, renamed alike."""
    province = unit(51, Level.PROVINCE, OLD)
    districts = list(Unit.objects.valid_on(OLD).filter(parent=province).order_by("code")[:2])
    communes = [
        Unit.objects.valid_on(OLD).filter(parent=d, level__in=("commune", "ward")).first()
        for d in districts
    ]
    assert all(communes) and districts[0].name != districts[1].name
    return communes[0], communes[1]


def _agency(code: str, name: str, place: Unit, **validity: date) -> Agency:
    return Agency.objects.create(code=code, name=name, kind="police", unit=place, **validity)


def test_namesakes_in_two_districts_read_with_the_district():
    first, second = _two_communes_of_one_name()
    a = _agency("t-a", "Công an phường Nguyễn Nghiêm", first)
    b = _agency("t-b", "Công an phường Nguyễn Nghiêm", second)
    alone = _agency("t-c", "Công an xã Tịnh Ấn Tây", first)
    named = labels([a, b, alone])
    assert named[a.pk] == f"Công an phường Nguyễn Nghiêm ({first.parent.name})"
    assert named[b.pk] == f"Công an phường Nguyễn Nghiêm ({second.parent.name})"
    assert named[alone.pk] == "Công an xã Tịnh Ấn Tây"


def test_two_versions_of_one_agency_read_with_their_time():
    place, _other = _two_communes_of_one_name()
    old = _agency("t-old", "Công an xã Tịnh Khê", place, valid_to=date(2025, 6, 30))
    new = _agency("t-new", "Công an xã Tịnh Khê", place, valid_from=date(2025, 7, 1))
    named = labels([old, new])
    assert named[old.pk] == "Công an xã Tịnh Khê (đến 30/06/2025)"
    assert named[new.pk] == "Công an xã Tịnh Khê (từ 01/07/2025)"
    # A choice list keeps the order given and the key asked for.
    assert choices([new, old]) == [
        ("t-new", "Công an xã Tịnh Khê (từ 01/07/2025)"),
        ("t-old", "Công an xã Tịnh Khê (đến 30/06/2025)"),
    ]
    assert choices([old], key="pk") == [(str(old.pk), "Công an xã Tịnh Khê")]


def test_a_model_choice_field_shows_the_labels_and_still_takes_the_choice():
    first, second = _two_communes_of_one_name()
    a = _agency("t-a", "Công an phường Nguyễn Nghiêm", first)
    b = _agency("t-b", "Công an phường Nguyễn Nghiêm", second)
    queryset = Agency.objects.filter(pk__in=[a.pk, b.pk]).order_by("pk")

    class Form(forms.Form):
        one = AgencyChoiceField(queryset=queryset)
        many = AgencyMultipleChoiceField(queryset=queryset)

    html = str(Form())
    assert html.count(f"Công an phường Nguyễn Nghiêm ({first.parent.name})") == 2
    assert html.count(f"Công an phường Nguyễn Nghiêm ({second.parent.name})") == 2
    form = Form({"one": str(b.pk), "many": [str(a.pk)]})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["one"] == b and list(form.cleaned_data["many"]) == [a]


def test_the_labels_cost_one_query_whatever_the_list():
    first, second = _two_communes_of_one_name()
    made = [_agency(f"t-{n}", f"Công an {n % 3}", first if n % 2 else second) for n in range(30)]
    with CaptureQueriesContext(connection) as queries:
        named = labels(made)
    assert len(queries) == 1 and len(set(named.values())) == len(named)


def test_namesakes_under_one_province_read_with_their_own_commune():
    province = unit(51, Level.PROVINCE, date(2026, 1, 1))
    communes = list(
        Unit.objects.valid_on(date(2026, 1, 1)).filter(parent=province).order_by("code")[:2]
    )
    a = _agency("t-a", "Đồn Công an khu vực", communes[0], valid_from=date(2025, 7, 1))
    b = _agency("t-b", "Đồn Công an khu vực", communes[1], valid_from=date(2025, 7, 1))
    named = labels([a, b])
    assert named == {
        a.pk: f"Đồn Công an khu vực ({communes[0].name})",
        b.pk: f"Đồn Công an khu vực ({communes[1].name})",
    }


def test_the_field_form_and_the_case_lists_tell_namesakes_apart():
    from ctip.enforcement.views import CRIMINAL_COLUMNS as CRIMINAL
    from ctip.fieldforms.lists import activity_form_for
    from ctip.victims.views import CASE_COLUMNS as VICTIMS

    first, second = _two_communes_of_one_name()
    a = _agency("t-a", "Công an phường Thử Nghiệm", first)
    b = _agency("t-b", "Công an phường Thử Nghiệm", second)
    apart = {
        f"Công an phường Thử Nghiệm ({first.parent.name})",
        f"Công an phường Thử Nghiệm ({second.parent.name})",
    }
    form = activity_form_for([a, b], day=OLD)
    assert form is not None
    assert {str(label) for _code, label in form.choices["agencies"]} == apart
    partners = {str(label) for code, label in form.choices["partners"] if code in ("t-a", "t-b")}
    assert partners == apart
    for columns in (VICTIMS, CRIMINAL):
        assert columns.owner_choices is not None
        assert {label for _pk, label in columns.owner_choices([a, b])} == apart
