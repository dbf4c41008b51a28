"""Coverage of outreach by commune, and the population it is measured against."""

from datetime import date

import pytest

from ctip.geo.models import Level
from ctip.geo.selectors import subtree_at
from ctip.ops.demo.prevention import demo_prevention_ensure
from ctip.prevention.coverage import NEW, OLD, coverage, sort_rows
from ctip.prevention.importer import ImportRejected
from ctip.prevention.models import Population
from ctip.prevention.population import population_import_csv
from tests.conftest import unit
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db
START, END = date(2020, 12, 1), date(2023, 10, 16)


@pytest.fixture
def demo():
    demo_prevention_ensure(today=date(2026, 11, 28))


def test_every_old_commune_is_listed_flagged_gaps_first(demo):
    province = unit(51, Level.PROVINCE, END)
    rows = sort_rows(coverage(province=province, start=START, end=END, structure=OLD), "priority")
    communes = subtree_at(province, END).filter(level=Level.COMMUNE).count()
    assert communes > 150 and len(rows) == communes  # every commune, reached or not
    flagged = [r for r in rows if r.flags]
    assert flagged and rows[0].flags and rows[0].sessions == min(r.sessions for r in flagged)
    assert sum(r.sessions for r in rows) > 0
    # No commune appears twice.
    assert len({r.unit.pk for r in rows}) == len(rows)


def test_new_structure_counts_each_record_once(demo):
    """Each session counts once in either structure: in a commune row, or above commune level.
    A district whose whole territory became one special zone (Lý Sơn, issue 22) counts in that
    zone's row in today's structure, above commune level in the old one."""
    from ctip.prevention.coverage import coverage_report

    province = unit(51, Level.PROVINCE, date(2026, 1, 1))
    rows, above = coverage_report(province=province, start=START, end=END, structure=NEW)
    old, old_above = coverage_report(
        province=unit(51, Level.PROVINCE, END), start=START, end=END, structure=OLD
    )
    total = sum(r.sessions for r in rows) + above["s"]
    assert total == sum(r.sessions for r in old) + old_above["s"]
    assert len({r.unit.pk for r in rows}) == len(rows)
    ly_son = next(r for r in rows if r.unit.code == 21548)
    assert ly_son.sessions > 0  # the island's outreach shows where it happened


def test_population_gives_rates_and_bad_files_change_nothing(demo, tmp_path):
    tra_bui = unit(21142, Level.COMMUNE, END)
    data = "code,level,year,population,source\n21142,commune,2022,5000,Niên giám thống kê 2022\n"
    assert population_import_csv(data=data.encode(), acting_user=None) == 1
    rows = coverage(province=unit(51, Level.PROVINCE, END), start=START, end=END, structure=OLD)
    row = next(r for r in rows if r.unit.pk == tra_bui.pk)
    assert row.population == 5000 and row.population_year == 2022
    if row.participants:
        assert row.per_thousand == round(1000 * row.participants / 5000, 1)
    bad = "code,level,year,population,source\n21142,commune,2022,-1,\n99999,commune,2022,10,x\n"
    with pytest.raises(ImportRejected) as caught:
        population_import_csv(data=bad.encode(), acting_user=None)
    assert caught.value.errors == [
        "Dòng 2: dân số âm hoặc năm không hợp lệ.",
        "Dòng 2: phải ghi nguồn số liệu.",
        "Dòng 3: không có đơn vị mã 99999 vào năm 2022.",
    ]
    assert Population.objects.get().population == 5000  # the rejected file changed nothing


def test_coverage_page_and_export(client, demo):
    log_in(client, make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, date(2026, 1, 1))))
    # As the picker posts it: the code and the label picked.
    query = (
        "province=51&province_text=Tỉnh+Quảng+Ngãi"
        "&date_from=01/12/2020&date_to=16/10/2023&structure=old"
    )
    page = client.get(f"/hoat-dong/do-phu/?{query}")
    assert page.status_code == 200 and "Xã Trà Bùi" in page.content.decode()
    export = client.get(f"/hoat-dong/do-phu/?{query}&format=xlsx")
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_coverage_reads_the_registry_figures(demo):
    from ctip.indicators.queries import compute
    from ctip.prevention.coverage import coverage_report

    codes = ["prevention.activities", "prevention.sessions", "prevention.participants"]
    for province, structure in (
        (unit(51, Level.PROVINCE, END), OLD),
        (unit(51, Level.PROVINCE, date(2026, 1, 1)), NEW),
    ):
        rows, above = coverage_report(province=province, start=START, end=END, structure=structure)
        total = [r["value"] for r in compute(codes, unit=province, start=START, end=END)]
        listed = [
            sum(getattr(r, f) for r in rows) for f in ("activities", "sessions", "participants")
        ]
        assert [a + b for a, b in zip(listed, above.values(), strict=True)] == total


def test_coverage_page_is_the_users_territory_only(client, demo):
    tra_bui = unit(21142, Level.COMMUNE, END)
    officer = make_user("xa", "commune_officer", unit=tra_bui)
    log_in(client, officer, add_totp(officer))
    page = client.get("/hoat-dong/do-phu/").content.decode()  # by default: their own commune
    assert "Xã Trà Bùi" in page and "Xã Trà Đốc" not in page
    query = "date_from=01/12/2020&date_to=16/10/2023&structure=old&province="
    for outside in ("Quảng Ngãi", "Hà Nội", "Không có tỉnh này", "51", "1"):
        refused = client.get(f"/hoat-dong/do-phu/?{query}{outside}").content.decode()
        # The unit picker refuses it beside the field (units are public reference data).
        form, _, rows = refused.split("<main", 1)[1].partition("</form>")
        assert 'class="errors"' in form, outside
        assert "Xã Trà Bùi" not in rows
    own = client.get(f"/hoat-dong/do-phu/?{query}Trà Bùi").content.decode()
    assert "Xã Trà Bùi" in own.split("</form>")[-1]
    # A period that ends before it starts is refused with a message (it was a server error).
    backwards = client.get(
        "/hoat-dong/do-phu/?date_from=16/10/2023&date_to=01/12/2020&structure=old&province=Trà Bùi"
    )
    assert backwards.status_code == 200
    assert "Ngày kết thúc trước ngày bắt đầu." in backwards.content.decode()
