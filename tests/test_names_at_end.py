"""Names as at the period's end (issue 21, point 5): figures group by today's heir agency, but a
report, its annex and `ctip indicators --by agency` for 2020-2023 name the labour department's
work after the labour department, not after the health department that took its records in
2025 (`--names today` gives today's names)."""

import json
from datetime import date
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from ctip.geo.models import Level
from ctip.indicators.naming import agency_names_at, agency_rows_named_at
from ctip.indicators.queries import compute
from ctip.reporting.annex import annex_xlsx
from ctip.reporting.models import ReportTemplate
from ctip.reporting.services import compilation_start, report_create
from tests.conftest import NEW, OLD, unit
from tests.factories import ActivityFactory, agency

pytestmark = pytest.mark.django_db
LABOUR = "Sở Lao động - Thương binh và Xã hội tỉnh Quảng Ngãi"
HEALTH = "Sở Y tế tỉnh Quảng Ngãi"
END = date(2023, 10, 16)


@pytest.fixture
def labour_session():
    """A 2023 session of the labour department, whose records today's health department took."""
    ActivityFactory(agency="qng-sldtbxh", start_date=date(2023, 5, 10), sessions=4)
    return agency("qng-syt-2025")


def test_the_agency_standing_at_the_period_end_names_the_heir_s_figures(labour_session):
    heir = labour_session
    assert heir.name == HEALTH
    old = unit(51, Level.PROVINCE, OLD)
    assert agency_names_at([heir.pk], unit=old, day=END) == {heir.pk: LABOUR}
    # In spring 2025 the health department had taken the work over.
    assert agency_names_at([heir.pk], unit=old, day=date(2025, 5, 1)) == {heir.pk: HEALTH}
    # Today's province covers Kon Tum too: two labour departments stood in 2023, none of them
    # the report unit's own, so the heir keeps its name rather than one of them.
    assert agency_names_at([heir.pk], unit=unit(51, Level.PROVINCE, NEW), day=END) == {
        heir.pk: HEALTH
    }


def test_rows_keep_the_heir_s_code_and_take_the_name_of_the_period(labour_session):
    old = unit(51, Level.PROVINCE, OLD)
    rows = compute(
        ["prevention.sessions"], unit=old, start=date(2023, 1, 1), end=END, by=("agency",)
    )
    assert [r["agency"] for r in rows] == [{"code": "qng-syt-2025", "name": HEALTH}]
    named = agency_rows_named_at(rows, unit=old, day=END)
    assert [(r["agency"], r["value"]) for r in named] == [
        ({"code": "qng-syt-2025", "name": LABOUR}, 4)
    ]


def _command(*extra: str) -> dict[str, int]:
    out = StringIO()
    call_command(
        "indicators",
        "--unit=Quảng Ngãi",
        "--from=2020-12-01",
        f"--to={END.isoformat()}",
        "--indicator=prevention.sessions",
        "--by=agency",
        "--json",
        *extra,
        stdout=out,
    )
    return {r["agency"]["name"]: r["value"] for r in json.loads(out.getvalue())}


def test_the_indicators_command_names_agencies_as_at_the_period_end_or_today(labour_session):
    assert _command() == {LABOUR: 4}
    assert _command("--names=period-end") == {LABOUR: 4}
    assert _command("--names=today") == {HEALTH: 4}


def test_the_annex_names_agencies_as_at_the_period_end(labour_session):
    report = report_create(
        template=ReportTemplate.objects.get(code="actip-review"),
        unit=unit(51, Level.PROVINCE, OLD),
        period_start=date(2020, 12, 1),
        period_end=END,
        acting_user=None,
    )
    result = compilation_start(report=report, acting_user=None, run_now=True).result
    rows = list(
        load_workbook(BytesIO(annex_xlsx(result)))["Phòng ngừa"].iter_rows(values_only=True)
    )
    start = rows.index(next(r for r in rows if r[0] == "Theo cơ quan"))
    heading = rows[start + 1]
    column = heading.index("Số buổi tuyên truyền, tập huấn")
    body = rows[start + 2 :]
    body = body[: next(i for i, r in enumerate(body) if not isinstance(r[0], int))]
    assert [(r[1], r[column]) for r in body] == [(LABOUR, 4)]
