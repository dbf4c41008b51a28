"""The fast paths of the activities import (issue 27) give what the slow paths give: the text
checks' quick pass (import_checks._texts_fine) never lets a bad cell through, and a workbook's
rows with every kind of bad cell get the same messages, in the same order, with and without it;
bulk_insert's per-column converters give the database value the field itself gives."""

from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection

from ctip.core.bounds import MAX_CELL, MAX_TEXT
from ctip.core.bulk import _converter
from ctip.core.cells import TooLong
from ctip.prevention import import_checks
from ctip.prevention.import_checks import _text_problem, _texts_fine, check_rows
from ctip.prevention.importer import COLUMNS, ImportRejected
from ctip.prevention.models import Activity


class Text(str):
    """A str subclass: the quick pass leaves it to the slow path."""


GOOD = {
    "agency": "qng-ca",
    "kind": "session",
    "start_date": datetime(2022, 5, 10),
    "end_date": datetime(2022, 5, 11),
    "unit": 21142,
    "sessions": 2,
    "participants": 80,
    "participants_estimated": "không",
    "media_items": 0,
    "sms": 0,
    "target_groups": "Nhân dân",
    "theme": "30/7",
    "notes": "",
}

# Every kind of value a cell can hold, good and bad.
VALUES = [
    None,
    "",
    "qng-ca",
    "x" * 300,
    "x" * 301,
    "x" * MAX_CELL,
    "x" * (MAX_CELL + 1),
    "y" * (MAX_TEXT + 1),
    "Buổi\x00sáng",
    "tab\tand\nline\rfeed",
    "\x1f",
    "\x7f",
    "\ud800",
    Text("qng-ca"),
    Text("a\x00b"),
    TooLong(MAX_CELL + 5),
    ["public", "pupils_students"],
    ["public\x00"],
    [TooLong(MAX_CELL + 1)],
    {"a": 1},
    [],
    0,
    -1,
    2**40,
    1.5,
    True,
    False,
    date(2022, 5, 10),
    datetime(2022, 5, 10, 8, 30),
    time(8, 30),
    timedelta(days=1),
]


def test_the_quick_pass_lets_no_text_problem_through():
    checked = 0
    for key in COLUMNS:
        for value in VALUES:
            row = {**GOOD, key: value}
            if any(v is not None and _text_problem(k, v) for k, v in row.items()):
                assert not _texts_fine(row), (key, value)
                checked += 1
    assert checked > 100


def test_plain_rows_take_the_quick_pass():
    assert _texts_fine({"_row": 2, **GOOD})
    assert _texts_fine({"_row": 2, **GOOD, "theme": "x" * 300, "notes": "tab\tline\n"})


def _messages(rows):
    try:
        return check_rows(rows, today=date(2025, 1, 1))
    except ImportRejected as exc:
        return exc.errors


def _bad_files():
    """One file per value (in every column, a row each), within the messages listed."""
    files = []
    for value in VALUES:
        rows = [{"_row": 2, **GOOD}]
        for key in COLUMNS:
            rows.append({"_row": len(rows) + 2, **GOOD, key: value})
        files.append(rows)
    # Several bad cells in one row, and a bad key that is no column.
    files.append(
        [
            {"_row": 2, **GOOD, "agency": "a\x00", "notes": "z" * (MAX_TEXT + 1)},
            {"_row": 3, **GOOD, "theme": "t" * 301, "kind": ["x"]},
            {"_row": 4, **GOOD, "_instance": "uuid:\x00"},
        ]
    )
    return files


@pytest.mark.django_db
def test_every_bad_cell_has_the_slow_paths_messages(monkeypatch):
    files = _bad_files()
    fast = [_messages(rows) for rows in files]
    monkeypatch.setattr(import_checks, "_texts_fine", lambda raw: False)
    slow = [_messages(rows) for rows in files]
    assert fast == slow
    fast = [m for messages in fast for m in messages if isinstance(m, str)]
    # The texts' messages are there (the comparison is not of two empty lists).
    assert any("ký tự điều khiển" in m for m in fast)
    assert any("dài quá" in m for m in fast)
    assert any("phải là một giá trị" in m for m in fast)


@pytest.mark.django_db
def test_good_rows_give_the_same_specs_on_both_paths(monkeypatch):
    rows = [
        {"_row": 2, **GOOD},
        {"_row": 3, **GOOD, "theme": "x" * 300, "notes": "ghi\tchú\n" * 10},
        {"_row": 4, **GOOD, "target_groups": ["public", "pupils_students"]},
    ]
    fast = check_rows(rows, today=date(2025, 1, 1))
    monkeypatch.setattr(import_checks, "_texts_fine", lambda raw: False)
    assert check_rows(rows, today=date(2025, 1, 1)) == fast


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value", [date(2022, 5, 10), datetime(2022, 5, 10, 23, 59), "2022-05-10", None]
)
def test_a_date_column_converts_as_the_field_does(value):
    field = Activity._meta.get_field("start_date")
    assert _converter(field, connection)(value) == field.get_db_prep_save(value, connection)
