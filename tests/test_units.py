"""Administrative units: loading, period resolution, coverage and roll-up (domain README §3)."""

from datetime import date

import pytest

from ctip.core.models import AuditEntry
from ctip.geo.models import Level, Unit, UnitSuccession
from ctip.geo.selectors import (
    count_by_current_commune,
    count_by_current_province,
    records_in,
    subtree_at,
    summary,
    unit_at,
    unit_for_period,
    units_covered,
)
from ctip.geo.services import units_load_package
from tests.conftest import NEW, OLD, unit
from tests.testapp.models import Record

pytestmark = pytest.mark.django_db


def test_summary_counts_the_whole_country():
    assert summary() == {
        "current": {"provinces": 34, "communes": 3321},
        "legacy": {"provinces": 63, "districts": 696, "communes": 10051},
    }


def test_loading_again_changes_nothing():
    audits = AuditEntry.objects.count()
    result = units_load_package()
    assert result.changed == 0
    assert AuditEntry.objects.count() == audits


def test_load_repairs_a_changed_name_and_writes_one_audit_row():
    Unit.objects.filter(code=21142, level=Level.COMMUNE).update(name="sai")
    result = units_load_package()
    assert (result.created, result.updated) == (0, 1)
    assert Unit.objects.get(code=21142, level=Level.COMMUNE).name == "Xã Trà Bùi"
    assert AuditEntry.objects.filter(action="geo.units_load_package").latest("id").count == 1


def test_code_51_is_two_units_in_two_periods(old_quang_ngai, new_quang_ngai):
    assert old_quang_ngai.pk != new_quang_ngai.pk
    assert old_quang_ngai.valid_to == date(2025, 6, 30)
    assert new_quang_ngai.valid_from == date(2025, 7, 1)
    assert set(new_quang_ngai.predecessors.values_list("code", flat=True)) == {51, 62}


def test_quang_ngai_for_2020_2023_is_the_old_province_without_kon_tum(old_quang_ngai):
    named = unit_for_period(
        code=51, level=Level.PROVINCE, start=date(2020, 12, 1), end=date(2023, 10, 16)
    )
    assert named == old_quang_ngai
    qn, kt = _record_in(21142), _record_in(23284)  # Trà Bùi (Quảng Ngãi), Duy Tân (Kon Tum)
    assert set(records_in(Record.objects.all(), named)) == {qn}
    assert kt not in records_in(Record.objects.all(), named)


def test_quang_ngai_for_2021_2026_is_the_merged_province_with_kon_tum(new_quang_ngai):
    named = unit_for_period(
        code=51, level=Level.PROVINCE, start=date(2021, 1, 1), end=date(2026, 6, 30)
    )
    assert named == new_quang_ngai
    qn, kt = _record_in(21142), _record_in(23284)
    now = Record.objects.create(unit=unit(23284, Level.COMMUNE, NEW), made_on=NEW)
    other = _record_in(1, Level.PROVINCE)  # Hà Nội
    assert set(records_in(Record.objects.all(), named)) == {qn, kt, now}
    assert other not in records_in(Record.objects.all(), named)


def test_split_commune_counts_once_in_the_province_and_shows_as_itself():
    tra_bui = unit(21142, Level.COMMUNE, OLD)
    successors = set(tra_bui.successors.values_list("code", flat=True))
    assert successors == {21136, 21157}  # Cà Đam, Tây Trà Bồng
    assert UnitSuccession.objects.filter(predecessor=tra_bui, partial=True).count() == 2
    records = [Record.objects.create(unit=tra_bui, made_on=OLD) for _ in range(3)]
    whole = _record_in(21019)  # Nghĩa Chánh, merged whole into Cẩm Thành (21025)
    qs = Record.objects.filter(pk__in=[r.pk for r in [*records, whole]])
    new_51 = unit(51, Level.PROVINCE, NEW)
    assert count_by_current_province(qs) == {new_51.pk: 4}
    by_commune = count_by_current_commune(qs)
    assert by_commune == {tra_bui.pk: 3, unit(21025, Level.COMMUNE, NEW).pk: 1}
    assert sum(by_commune.values()) == qs.count()
    # Scope: every successor of the split commune sees its records.
    for code in (21136, 21157):
        successor = unit(code, Level.COMMUNE, NEW)
        assert set(records_in(qs, successor)) == set(records)


def test_subtree_at_a_date():
    old_district = unit(525, Level.DISTRICT, OLD)  # Trà Bồng
    communes = subtree_at(old_district, OLD)
    assert communes.filter(code=21142).exists()
    assert not subtree_at(old_district, NEW).exists()
    new_51 = unit(51, Level.PROVINCE, NEW)
    assert subtree_at(new_51, NEW).count() == 1 + 96
    assert not subtree_at(new_51, NEW).filter(code=21142, level=Level.COMMUNE).exists()


def test_unit_at_refuses_a_day_outside_every_version():
    with pytest.raises(Unit.DoesNotExist):
        unit_at(code=525, level=Level.DISTRICT, day=NEW)
    with pytest.raises(ValueError):
        unit_for_period(code=51, level=Level.PROVINCE, start=NEW, end=OLD)


def test_cover_of_the_merged_province_includes_both_old_trees(new_quang_ngai):
    covered = units_covered(new_quang_ngai)
    assert covered.filter(code=62, level=Level.PROVINCE).exists()
    assert covered.filter(code=618, level=Level.DISTRICT).exists()  # Ia H'Drai
    assert not covered.filter(code=1, level=Level.PROVINCE).exists()


def test_flags_come_from_the_fixture_with_their_source():
    ba_to = unit(535, Level.DISTRICT, OLD)
    assert ba_to.mountainous and ba_to.ethnic_minority and not ba_to.coastal
    assert ba_to.flags_source
    ly_son = Unit.objects.valid_on(NEW).get(name__contains="Lý Sơn", level=Level.SPECIAL_ZONE)
    assert ly_son.island and ly_son.coastal


def _record_in(code: int, level: str = Level.COMMUNE) -> Record:
    return Record.objects.create(unit=unit(code, level, OLD), made_on=OLD)


def test_the_precomputed_cover_equals_the_graph_walk(new_quang_ngai, old_kon_tum):
    """UnitCover (read by every scope filter) is the recursive walk of ADR 0002, row for row."""
    from ctip.core.graph import closure_subquery
    from ctip.geo.models import Unit
    from ctip.geo.selectors import _COVER_EDGES, covered_unit_ids

    commune = Unit.objects.filter(parent=old_kon_tum).first()
    for root in (new_quang_ngai, old_kon_tum, commune):
        walked = set(
            Unit.objects.filter(id__in=closure_subquery(_COVER_EDGES, root.pk)).values_list(
                "pk", flat=True
            )
        )
        stored = set(
            Unit.objects.filter(id__in=covered_unit_ids(root)).values_list("pk", flat=True)
        )
        assert stored == walked and root.pk in stored
    assert len(set(Unit.objects.filter(id__in=covered_unit_ids(new_quang_ngai)))) > 300
