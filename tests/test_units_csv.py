"""Adding a unit dissolved before the January 2025 snapshot from CSV (all or nothing)."""

from datetime import date

import pytest

from ctip.core.models import AuditEntry
from ctip.geo.csv_import import UnitImportError, units_import_csv
from ctip.geo.models import Level, Unit, UnitSuccession
from ctip.geo.selectors import count_by_current_commune, count_by_current_province, records_in
from tests.conftest import NEW, OLD, unit
from tests.testapp.models import Record

pytestmark = pytest.mark.django_db

HEADER = "code,name,level,parent,valid_from,valid_to,successors\n"
# An invented commune code (no such code in the snapshot) inside Thành phố Quảng Ngãi (522),
# merged into Phường Nghĩa Chánh (21019) on 1/1/2020; Nghĩa Chánh went whole into Cẩm Thành.
DISSOLVED = "99901,Xã Thử Nghiệm,commune,522,01/01/2000,31/12/2019,21019\n"


def test_csv_commune_rolls_up_to_today_units():
    units_import_csv(data=(HEADER + DISSOLVED).encode(), acting_user=None)
    added = Unit.objects.get(code=99901)
    assert added.parent == unit(522, Level.DISTRICT, OLD)
    assert (added.valid_from, added.valid_to) == (date(2000, 1, 1), date(2019, 12, 31))
    record = Record.objects.create(unit=added, made_on=date(2019, 5, 1))
    qs = Record.objects.filter(pk=record.pk)
    assert count_by_current_province(qs) == {unit(51, Level.PROVINCE, NEW).pk: 1}
    assert count_by_current_commune(qs) == {unit(21025, Level.COMMUNE, NEW).pk: 1}
    for holder in (unit(51, Level.PROVINCE, OLD), unit(51, Level.PROVINCE, NEW)):
        assert list(records_in(qs, holder)) == [record]
    named_2019 = Unit.objects.valid_on(date(2019, 6, 1)).get(code=99901)
    assert named_2019 == added


def test_one_audit_row_for_the_batch_and_units_point_to_it():
    two = DISSOLVED + "99902,Xã Thử Hai,xã,522,,31/12/2019,21019;21022\n"
    before = AuditEntry.objects.count()
    assert units_import_csv(data=(HEADER + two).encode(), acting_user=None) == 2
    assert AuditEntry.objects.count() == before + 1
    batch = AuditEntry.objects.latest("id")
    assert (batch.action, batch.count, len(batch.file_hash)) == ("geo.units_import_csv", 2, 64)
    assert set(Unit.objects.filter(batch=batch).values_list("code", flat=True)) == {99901, 99902}
    split = UnitSuccession.objects.filter(predecessor__code=99902)
    assert split.count() == 2 and all(s.partial for s in split)
    assert Unit.objects.get(code=99902).rollup_commune is None


def test_importing_the_same_file_twice_adds_nothing_new():
    data = (HEADER + DISSOLVED).encode()
    units_import_csv(data=data, acting_user=None)
    units_import_csv(data=data, acting_user=None)
    assert Unit.objects.filter(code=99901).count() == 1
    assert UnitSuccession.objects.filter(predecessor__code=99901).count() == 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("abc,Xã A,commune,522,,31/12/2019,21019", "mã đơn vị phải là số nguyên dương"),
        ("99903,Xã A,làng,522,,31/12/2019,21019", "cấp “làng” không hợp lệ"),
        ("99903,Xã A,commune,522,,2019-13-45,21019", "không đúng dạng ngày/tháng/năm"),
        ("99903,Xã A,commune,522,,31/12/2019,", "thiếu đơn vị kế thừa"),
        ("99903,Xã A,commune,99999,,31/12/2019,21019", "không có đơn vị cấp trên mã 99999"),
        ("99903,Xã A,commune,522,,31/12/2019,88888", "không có đơn vị kế thừa mã 88888"),
        ("99903,Xã A,commune,522,01/01/2020,31/12/2019,21019", "ngày bắt đầu sau ngày kết thúc"),
        ("21019,Xã A,commune,522,,30/06/2025,21025", "đã có trong danh mục chuẩn"),
    ],
)
def test_bad_line_is_named_in_vietnamese_and_nothing_changes(line, message):
    data = (HEADER + DISSOLVED + line + "\n").encode()
    units, links, audits = (
        Unit.objects.count(),
        UnitSuccession.objects.count(),
        AuditEntry.objects.count(),
    )
    with pytest.raises(UnitImportError) as caught:
        units_import_csv(data=data, acting_user=None)
    assert any(e.startswith("Dòng 3:") and message in e for e in caught.value.errors), (
        caught.value.errors
    )
    assert Unit.objects.count() == units
    assert UnitSuccession.objects.count() == links
    assert AuditEntry.objects.count() == audits
    assert not Unit.objects.filter(code=99901).exists()


def test_missing_columns_and_bad_encoding_are_refused():
    with pytest.raises(UnitImportError, match="thiếu cột: successors"):
        units_import_csv(data=b"code,name,level,parent,valid_from,valid_to\n", acting_user=None)
    with pytest.raises(UnitImportError, match="UTF-8"):
        units_import_csv(data="mã,tên\n".encode("utf-16"), acting_user=None)
