"""A figure an agency did not state is blank, never 0: the form, the workbook and JSON imports
keep it empty (a written 0 stays 0), the export writes an empty cell, the list shows "—", and
the indicators sum what was stated (a group of unstated figures reads 0, from records and from
rollup cells alike, while its activities are still counted)."""

import io
import json
import re
from datetime import date

import openpyxl
import pytest

from ctip.geo.models import Level
from ctip.indicators import rollups
from ctip.indicators.queries import compute
from ctip.prevention.import_batch import import_file
from ctip.prevention.importer import COLUMNS
from ctip.prevention.models import Activity
from ctip.prevention.spreadsheets import activities_export, activities_template
from tests.conftest import unit
from tests.helpers import log_in, make_user

pytestmark = pytest.mark.django_db
FIGURES = ("sessions", "participants", "media_items", "sms")
ROW = {  # a banner of the police in old Quảng Ngãi, in a whole month
    "agency": "qng-ca",
    "kind": "banner",
    "start_date": "2022-07-20",
    "end_date": "2022-07-31",
    "unit": 21142,
    "target_groups": ["public"],
}
FORM = {
    "agency": "qng-ca",
    "kind": "banner",
    "start_date": "20/07/2022",
    "end_date": "31/07/2022",
    "unit": "21142",
    "target_groups": ["public"],
    "campaign": "national_day",
    "theme": "Ngày toàn dân phòng, chống mua bán người",
    "notes": "",
}


def _figures(activity: Activity) -> dict:
    return {name: getattr(activity, name) for name in FIGURES}


def _workbook(rows: list[dict]) -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(activities_template()))
    sheet = workbook["Hoạt động"]
    for values in rows:
        sheet.append([values.get(k) for k in COLUMNS])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.fixture
def police(client):
    log_in(client, make_user("congan", "agency_officer", agency="qng-ca-2025"))
    return client


def test_the_form_keeps_a_blank_figure_blank_and_a_zero_zero(police):
    form = police.get("/hoat-dong/them/").content.decode()
    assert not re.search(r'name="sessions"[^>]*value="0"', form)  # nothing typed for the user
    blank = {**FORM, "sessions": "", "participants": "", "media_items": "0", "sms": ""}
    assert police.post("/hoat-dong/them/", blank).status_code == 302
    activity = Activity.objects.get()
    assert _figures(activity) == {
        "sessions": None,
        "participants": None,
        "media_items": 0,
        "sms": None,
    }
    zero = {**FORM, "sessions": "0", "participants": "0", "media_items": "", "sms": ""}
    assert police.post(f"/hoat-dong/{activity.pk}/sua/", zero).status_code == 302
    activity.refresh_from_db()
    assert (activity.sessions, activity.participants, activity.media_items) == (0, 0, None)


def test_the_list_shows_a_dash_for_a_blank_figure_and_0_for_a_zero(police):
    police.post("/hoat-dong/them/", {**FORM, "sessions": "", "participants": ""})
    police.post("/hoat-dong/them/", {**FORM, "start_date": "21/07/2022", "sessions": "0"})
    page = police.get("/hoat-dong/").content.decode()
    cells = re.findall(r"<td>([^<]*)</td>", page)
    assert cells.count("—") == 3  # the first row's two figures, the second row's participants
    assert "0" in cells


def test_an_empty_cell_is_imported_as_blank_and_a_written_0_as_0():
    rows = [
        {**ROW, "start_date": date(2022, 7, 20), "end_date": date(2022, 7, 31), "media_items": 0},
        {**ROW, "start_date": date(2022, 7, 21), "end_date": date(2022, 7, 31), "sessions": 3},
    ]
    rows[0]["target_groups"] = rows[1]["target_groups"] = "Nhân dân"
    assert import_file(name="a.xlsx", data=_workbook(rows), acting_user=None) == 2
    first, second = Activity.objects.order_by("start_date")
    assert _figures(first) == {
        "sessions": None,
        "participants": None,
        "media_items": 0,
        "sms": None,
    }
    assert _figures(second) == {
        "sessions": 3,
        "participants": None,
        "media_items": None,
        "sms": None,
    }


def test_json_null_missing_and_empty_text_are_blank():
    rows = [{**ROW, "sessions": None, "participants": "", "sms": 0}]
    assert import_file(name="a.json", data=json.dumps(rows).encode(), acting_user=None) == 1
    activity = Activity.objects.get()
    assert _figures(activity) == {
        "sessions": None,
        "participants": None,
        "media_items": None,
        "sms": 0,
    }


def test_the_export_writes_an_empty_cell_for_a_blank_figure():
    rows = [{**ROW, "sms": 0}]
    import_file(name="a.json", data=json.dumps(rows).encode(), acting_user=None)
    sheet = openpyxl.load_workbook(io.BytesIO(activities_export(Activity.objects.all()))).active
    header = [c.value for c in sheet[1]]
    row = {key: sheet.cell(row=2, column=header.index(COLUMNS[key]) + 1).value for key in FIGURES}
    assert row == {"sessions": None, "participants": None, "media_items": None, "sms": 0}


def _by_agency(**kwargs) -> dict[str, int]:
    province = unit(51, Level.PROVINCE, date(2022, 7, 1))
    codes = ["prevention.activities", *(f"prevention.{f}" for f in FIGURES)]
    rows = compute(codes, unit=province, by=("agency",), **kwargs)
    return {r["indicator"]: r["value"] for r in rows if r["agency"]["code"] == "qng-ca-2025"}


EXPECTED = {
    "prevention.activities": 2,
    "prevention.sessions": 0,
    "prevention.participants": 0,
    "prevention.media_items": 0,
    "prevention.sms": 0,
}


def test_a_group_of_unstated_figures_reads_0_and_its_activities_count():
    rows = [ROW, {**ROW, "start_date": "2022-07-22"}]
    import_file(name="a.json", data=json.dumps(rows).encode(), acting_user=None)
    assert _by_agency(start=date(2022, 7, 1), end=date(2022, 7, 31)) == EXPECTED


def test_rollup_cells_take_unstated_figures_as_0():
    """Cells are built and added to after an import; a cell cannot hold NULL."""
    rollups.rebuild()
    rows = [ROW, {**ROW, "start_date": "2022-07-22"}]
    assert import_file(name="a.json", data=json.dumps(rows).encode(), acting_user=None) == 2
    assert _by_agency(start=date(2022, 7, 1), end=date(2022, 7, 31)) == EXPECTED
    rollups.rebuild()
    assert _by_agency(start=date(2022, 1, 1), end=date(2022, 12, 31)) == EXPECTED
