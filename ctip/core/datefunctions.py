"""Month, quarter and year of a date column, in SQLite's own SQL.

Django computes TruncMonth, TruncQuarter and ExtractYear on SQLite by calling back into Python
for every row (`django_date_trunc`, `django_date_extract`): grouping 300,000 dates by month
took 2.6 s that way and 0.7 s with SQLite's `date(..., 'start of month')` on this machine
(rollup refreshes, imports and dashboards group every record of a period so). The rewrite is
for DATE columns only: a timestamp's month depends on the time zone, which Django's function
handles and SQLite's does not, so those keep Django's SQL. PostgreSQL keeps Django's SQL
(`date_trunc`, `extract`: native already). Values come back as Django's would (a date for a
month or quarter, an integer for a year)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models.functions import ExtractYear, TruncMonth, TruncQuarter


def _plain_date(expression: Any) -> bool:
    field = getattr(expression, "output_field", None)
    return isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField)


class MonthStart(TruncMonth):
    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        if not _plain_date(self.lhs):
            return self.as_sql(compiler, connection)
        sql, params = compiler.compile(self.lhs)
        return f"date({sql}, 'start of month')", params


class QuarterStart(TruncQuarter):
    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        if not _plain_date(self.lhs):
            return self.as_sql(compiler, connection)
        sql, params = compiler.compile(self.lhs)
        # Back 0, 1 or 2 months from the month's first day to the quarter's.
        back = f"'-' || ((CAST(strftime('%%m', {sql}) AS INTEGER) - 1) %% 3) || ' months'"
        return f"date({sql}, 'start of month', {back})", (*params, *params)


class YearOf(ExtractYear):
    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, Any]:
        if not _plain_date(self.lhs):
            return self.as_sql(compiler, connection)
        sql, params = compiler.compile(self.lhs)
        return f"CAST(strftime('%%Y', {sql}) AS INTEGER)", params
