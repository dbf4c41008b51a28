"""Importing activities: valid workbook and JSON, row-level errors, nothing written on error."""

import io
import json
import os
from datetime import date, timedelta
from io import StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from ctip.core.exports import safe_cell
from ctip.core.models import AuditEntry
from ctip.prevention.import_batch import import_file
from ctip.prevention.importer import COLUMNS, ImportRejected
from ctip.prevention.models import Activity
from ctip.prevention.spreadsheets import activities_export, activities_template

pytestmark = pytest.mark.django_db

GOOD = {
    "agency": "qng-ca",
    "kind": "session",
    "start_date": "2022-05-10",
    "end_date": "2022-05-11",
    "unit": 21142,
    "sessions": 2,
    "participants": 80,
    "participants_estimated": True,
    "media_items": 0,
    "sms": 0,
    "target_groups": ["public", "pupils_students"],
    "theme": "30/7",
    "notes": "",
}


def _json(*rows):
    return json.dumps(list(rows)).encode()


def _workbook(rows, formula=False):
    workbook = openpyxl.load_workbook(io.BytesIO(activities_template()))
    sheet = workbook["Hoạt động"]
    for values in rows:
        sheet.append([values.get(k) for k in COLUMNS])
    if formula:
        sheet["F2"] = "=1+1"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_valid_json_is_imported_in_one_batch():
    other = {
        **GOOD,
        "agency": "Hội Liên hiệp Phụ nữ tỉnh Quảng Ngãi",
        "kind": "Buổi tuyên truyền",
        "start_date": "10/06/2022",
        "end_date": "10/06/2022",
        "target_groups": "Ngư dân",
    }
    assert import_file(name="a.json", data=_json(GOOD, other), acting_user=None) == 2
    batch = AuditEntry.objects.get(action="prevention.activities_import")
    assert batch.count == 2 and len(batch.file_hash) == 64
    first = Activity.objects.get(agency__code="qng-ca")
    assert first.batch == batch and first.unit.code == 21142
    assert sorted(first.target_groups.values_list("code", flat=True)) == [
        "public",
        "pupils_students",
    ]
    union = Activity.objects.get(agency__code="qng-hlhpn")
    assert union.start_date == date(2022, 6, 10)
    assert list(union.target_groups.values_list("code", flat=True)) == ["fishermen"]


def test_valid_workbook_from_the_template_is_imported():
    row = {
        **GOOD,
        "target_groups": "Nhân dân, Giáo viên",
        "participants_estimated": "có",
        "start_date": date(2022, 5, 10),
        "end_date": date(2022, 5, 10),
    }
    assert import_file(name="a.xlsx", data=_workbook([row]), acting_user=None) == 1
    activity = Activity.objects.get()
    assert activity.participants_estimated and activity.sessions == 2
    assert sorted(activity.target_groups.values_list("code", flat=True)) == ["public", "teachers"]


@pytest.mark.parametrize(
    ("change", "column", "message"),
    [
        ({"sessions": "hai"}, "Số buổi", "số nguyên không âm"),
        ({"participants": -5}, "Số lượt người", "không được âm"),
        ({"agency": "Sở Không Có"}, "Cơ quan thực hiện", "không có cơ quan"),
        ({"unit": 99999}, "Mã địa bàn", "không có đơn vị mã"),
        ({"end_date": "2022-05-01"}, "Đến ngày", "trước ngày bắt đầu"),
        ({"start_date": "2099-01-01", "end_date": "2099-01-02"}, "Từ ngày", "tương lai"),
        ({"kind": "bay"}, "Hình thức", "không có trong danh mục"),
        ({"target_groups": ["nguoi ngoai hanh tinh"]}, "Đối tượng", "không có trong danh mục"),
        ({"start_date": "hôm qua"}, "Từ ngày", "không phải ngày"),
        ({"agency": ""}, "Cơ quan thực hiện", "bắt buộc"),
    ],
)
def test_bad_rows_are_named_and_nothing_is_written(change, column, message):
    data = _json(GOOD, {**GOOD, **change})
    with pytest.raises(ImportRejected) as caught:
        import_file(name="x.json", data=data, acting_user=None)
    assert any(
        e.startswith(f"Dòng 2, cột “{column}”") and message in e for e in caught.value.errors
    ), caught.value.errors
    assert not Activity.objects.exists()
    assert not AuditEntry.objects.filter(action="prevention.activities_import").exists()


def test_a_formula_in_a_cell_is_refused():
    data = _workbook([{**GOOD, "target_groups": "Nhân dân"}], formula=True)
    with pytest.raises(ImportRejected, match="công thức"):
        import_file(name="a.xlsx", data=data, acting_user=None)
    assert not Activity.objects.exists()


def test_junk_and_renamed_files_are_refused():
    junk = os.urandom(10 * 1024 * 1024)
    with pytest.raises(ImportRejected, match="không phải bảng tính Excel"):
        import_file(name="big.xlsx", data=junk, acting_user=None)
    with pytest.raises(ImportRejected, match="không phải bảng tính Excel"):
        import_file(name="renamed.xlsx", data=b"%PDF-1.4 renamed", acting_user=None)
    with pytest.raises(ImportRejected, match="JSON"):
        import_file(name="bad.json", data=b"{not json", acting_user=None)
    assert not Activity.objects.exists()


def test_command_line_dry_run_writes_nothing(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes(_json(GOOD))
    out = StringIO()
    call_command("import", "activities", str(path), "--dry-run", stdout=out)
    assert "1 dòng hợp lệ" in out.getvalue()
    assert not Activity.objects.exists()
    call_command("import", "activities", str(path), stdout=StringIO())
    assert Activity.objects.count() == 1
    bad = tmp_path / "b.json"
    bad.write_bytes(_json({**GOOD, "sessions": -1}))
    with pytest.raises(CommandError, match="Dòng 1"):
        call_command("import", "activities", str(bad), stdout=StringIO())
    assert Activity.objects.count() == 1


def test_export_neutralises_formula_text_and_reimports():
    risky = {**GOOD, "theme": '=HYPERLINK("x")', "notes": "@SUM(A1)"}
    import_file(name="a.json", data=_json(risky), acting_user=None)
    data = activities_export(Activity.objects.all())
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    values = [c.value for c in sheet[2]]
    assert '\'=HYPERLINK("x")' in values and "'@SUM(A1)" in values
    assert all(not str(v).startswith(("=", "+", "-", "@")) for v in values if v is not None)
    assert safe_cell("-1") == "'-1" and safe_cell(-1) == -1
    assert import_file(name="again.xlsx", data=data, acting_user=None) == 1


def test_tomorrow_is_the_future():
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    with pytest.raises(ImportRejected, match="tương lai"):
        import_file(
            name="x.json",
            data=_json({**GOOD, "start_date": tomorrow, "end_date": tomorrow}),
            acting_user=None,
        )


def test_partners_are_imported_and_exported():
    row = {**GOOD, "partners": ["qng-bdbp", "Sở Ngoại vụ tỉnh Quảng Ngãi"]}
    import_file(name="p.json", data=_json(row), acting_user=None)
    activity = Activity.objects.get()
    assert sorted(activity.partners.values_list("code", flat=True)) == ["qng-bdbp", "qng-sngv"]
    with pytest.raises(ImportRejected, match="Cơ quan phối hợp"):
        import_file(name="p.json", data=_json({**GOOD, "partners": ["xyz"]}), acting_user=None)


def test_every_field_and_link_lands_on_its_own_row():
    """Rows are written without model instances (ctip.core.bulk): each activity gets exactly
    its row's values, target groups and partners, and the importing user."""
    from tests.helpers import make_user

    user = make_user("nhap", "agency_officer", agency="qng-ca")
    rows = [
        {**GOOD, "unit": 21142, "sessions": 1, "participants": 10, "participants_estimated": False,
         "target_groups": ["public"], "partners": [], "theme": "Một", "notes": "ghi chú 1"},
        {**GOOD, "unit": 21145, "sessions": 2, "participants": 20, "participants_estimated": True,
         "target_groups": [], "partners": ["qng-bdbp"], "theme": "Hai", "notes": ""},
        {**GOOD, "start_date": "2022-06-01", "end_date": "2022-06-30", "unit": 21142,
         "sessions": 3, "participants": 30, "media_items": 4, "sms": 5,
         "target_groups": ["pupils_students", "teachers"], "partners": [], "theme": "Ba"},
    ]  # fmt: skip
    assert import_file(name="r.json", data=_json(*rows), acting_user=user) == 3
    found = list(Activity.objects.order_by("pk"))
    assert [
        (
            a.unit.code, a.start_date, a.end_date, a.sessions, a.participants,
            a.participants_estimated, a.media_items, a.sms, a.theme, a.notes, a.agency.code,
            sorted(a.target_groups.values_list("code", flat=True)),
            sorted(a.partners.values_list("code", flat=True)), a.created_by_id,
        )
        for a in found
    ] == [
        (21142, date(2022, 5, 10), date(2022, 5, 11), 1, 10, False, 0, 0, "Một", "ghi chú 1",
         "qng-ca", ["public"], [], user.pk),
        (21145, date(2022, 5, 10), date(2022, 5, 11), 2, 20, True, 0, 0, "Hai", "", "qng-ca",
         [], ["qng-bdbp"], user.pk),
        (21142, date(2022, 6, 1), date(2022, 6, 30), 3, 30, True, 4, 5, "Ba", "", "qng-ca",
         ["pupils_students", "teachers"], [], user.pk),
    ]  # fmt: skip
    assert len({a.batch_id for a in found}) == 1
