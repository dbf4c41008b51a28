"""Month, quarter and year of a date in the database's own SQL (ctip.core.datefunctions): the
same values as Django's TruncMonth, TruncQuarter and ExtractYear on every backend, without a
call back into Python per row on SQLite; a timestamp (time-zone dependent) keeps Django's."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.db import connection
from django.db.models import DateField, DateTimeField, Value
from django.db.models.functions import ExtractYear, TruncMonth, TruncQuarter
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ctip.core.datefunctions import MonthStart, QuarterStart, YearOf
from ctip.geo.models import Unit

pytestmark = pytest.mark.django_db

DAYS = [
    date(2016, 1, 1),
    date(2020, 2, 29),
    date(2024, 3, 31),
    date(2024, 4, 1),
    date(2025, 6, 30),
    date(2025, 7, 1),
    date(2025, 9, 30),
    date(2025, 10, 1),
    date(2026, 12, 31),
]


def _one(expression):
    with CaptureQueriesContext(connection) as queries:
        value = Unit.objects.annotate(v=expression).values_list("v", flat=True)[:1].get()
    return value, queries[0]["sql"]


@pytest.mark.parametrize("day", DAYS)
def test_the_same_month_quarter_and_year_as_django(day):
    of = Value(day, output_field=DateField())
    for ours, django in (
        (MonthStart(of), TruncMonth(of)),
        (QuarterStart(of), TruncQuarter(of)),
        (YearOf(of), ExtractYear(of)),
    ):
        mine, sql = _one(ours)
        theirs, _sql = _one(django)
        assert mine == theirs and type(mine) is type(theirs), (day, ours, mine, theirs)
        if connection.vendor == "sqlite":
            assert "django_date" not in sql, sql


def test_a_timestamp_keeps_djangos_time_zone_aware_function():
    # 00:30 on 1/7/2025 in Vietnam is still June in UTC: SQLite's own date() would say June.
    early = timezone.make_aware(datetime(2025, 7, 1, 0, 30), timezone.get_current_timezone())
    of = Value(early, output_field=DateTimeField())
    mine, _sql = _one(MonthStart(of))
    assert mine == _one(TruncMonth(of))[0]
    assert (mine.year, mine.month) == (2025, 7)
