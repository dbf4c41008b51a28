"""The statistical annex as a reader of a provincial review expects it (issue 21, point 7):
Vietnamese headers only, the statistics code of units, a title block tying it to the report's
number and date, STT, no empty table, and a note where a record counts in several groups."""

import re
from datetime import date
from io import BytesIO
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from ctip.cooperation.services import cooperation_record
from ctip.core.countries import CODES, country_name
from ctip.geo.models import Level
from ctip.indicators.registry import DIMENSIONS
from ctip.reporting.annex import OVERLAP_NOTE, _overlap_note, annex_xlsx, title_lines
from ctip.reporting.header import header
from ctip.reporting.models import ReportTemplate
from ctip.reporting.services import compilation_start, report_create
from tests.conftest import OLD, unit
from tests.factories import ActivityFactory, CriminalCaseFactory, agency, commune

pytestmark = pytest.mark.django_db
START, END = date(2020, 12, 1), date(2023, 10, 16)
HELD = date(2023, 5, 10)
# A code as the registry spells it: "counterpart_country", "prevention.sessions", "platform".
CODE = re.compile(r"^[a-z0-9]+([_.][a-z0-9]+)+$|^[a-z]+$")


def _records() -> None:
    ActivityFactory(agency="qng-ca", start_date=HELD, target_groups=["public"], sessions=2)
    ActivityFactory(agency="qng-ca", start_date=HELD, target_groups=[], sessions=1)
    # One training for pupils and teachers: it counts in both groups, once in the total.
    ActivityFactory(
        agency="qng-sldtbxh",
        start_date=HELD,
        target_groups=["pupils_students", "teachers"],
        participants=120,
    )
    CriminalCaseFactory(
        owner="qng-ca",
        detected_on=HELD,
        unit=commune(21157, HELD),
        platform="facebook",
        destination_country="LA",
        recruitment_channel="fake_job",
    )
    cooperation_record(
        agency=agency("qng-bdbp"),
        kind="information",
        counterpart_country="KH",
        counterpart="Cảnh sát tỉnh Ratanakiri",
        start=HELD,
        end=HELD,
        acting_user=None,
    )


def _result(*, issued: bool) -> dict:
    """The 2020-2023 review's compiled result, as a draft or with the header issuing gives it
    (number and date written into the header only, as `issuing` does)."""
    _records()
    report = report_create(
        template=ReportTemplate.objects.get(code="actip-review"),
        unit=unit(51, Level.PROVINCE, OLD),
        period_start=START,
        period_end=END,
        acting_user=None,
    )
    result = compilation_start(report=report, acting_user=None, run_now=True).result
    if issued:
        report.number, report.report_date = "207/BC-UBND", END
        result = {**result, "header": header(report)}
    return result


def _sheets(result: dict) -> dict[str, list[tuple]]:
    book = load_workbook(BytesIO(annex_xlsx(result)))
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book}


def _headings(rows: list[tuple]) -> list[str]:
    """The cells a reader takes for titles and headers: rows with text in the first cell only
    (titles, table titles, notes) and the rows of column headings (starting with "STT")."""
    found = []
    for row in rows:
        cells = [c for c in row if c not in (None, "")]
        if row[0] == "STT":
            found += [str(c) for c in cells]
        elif len(cells) == 1 and isinstance(cells[0], str):
            found.append(cells[0])
    return found


def _tables(rows: list[tuple]) -> dict[str, tuple[tuple, list[tuple]]]:
    """{title: (column headings, data rows)} of a sheet ("" for an untitled table)."""
    tables = {}
    for i, row in enumerate(rows):
        if row[0] == "STT":
            body = []
            for data in rows[i + 1 :]:
                if not isinstance(data[0], int):
                    break
                body.append(data)
            tables[rows[i - 1][0] or ""] = (row, body)
    return tables


def test_headers_are_vietnamese_words_never_codes():
    sheets = _sheets(_result(issued=True))
    assert {"Phòng ngừa", "Đấu tranh tội phạm", "Hợp tác quốc tế", "Nguồn số liệu"} <= set(sheets)
    for title, rows in sheets.items():
        for cell in _headings(rows):
            assert not CODE.match(cell), (title, cell)
    crime = _tables(sheets["Đấu tranh tội phạm"])
    assert {"Theo nền tảng", "Theo nước đến"} <= set(crime)
    assert crime["Theo nền tảng"][1][0][1] == "Facebook"
    assert crime["Theo nước đến"][1][0][1] == "Lào"
    cooperation = _tables(sheets["Hợp tác quốc tế"])
    assert cooperation["Theo nước đối tác"][1][0][1] == "Campuchia"
    assert cooperation["Theo hình thức hợp tác"][1][0][1] == "Trao đổi thông tin"


def test_every_sheet_opens_with_the_title_block_of_the_report_it_is_attached_to():
    issued = _sheets(_result(issued=True))
    for rows in issued.values():
        assert rows[0][0] == "Phụ lục số liệu"
        assert rows[1][0] == (
            "(Kèm theo Báo cáo số 207/BC-UBND ngày 16/10/2023 của Ủy ban nhân dân tỉnh Quảng Ngãi)"
        )


def test_a_draft_annex_says_it_goes_with_a_draft():
    head = {
        "number": "Số:      /BC-UBND",
        "place_date": "Quảng Ngãi, ngày      tháng      năm 2023",
        "author": "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "authority": ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"],
    }
    lines = title_lines({"header": head})
    assert lines[:2] == [
        "Phụ lục số liệu",
        "(Kèm theo dự thảo báo cáo của Ủy ban nhân dân tỉnh Quảng Ngãi)",
    ]
    issued = {
        **head,
        "number": "Số: 5/BC-UBND",
        "place_date": "Quảng Ngãi, ngày 05 tháng 02 năm 2024",
    }
    assert title_lines({"header": issued})[1] == (
        "(Kèm theo Báo cáo số 5/BC-UBND ngày 05/02/2024 của Ủy ban nhân dân tỉnh Quảng Ngãi)"
    )


def test_rows_are_numbered_and_no_table_is_empty():
    sheets = _sheets(_result(issued=False))
    for title, rows in sheets.items():
        tables = _tables(rows)
        assert tables, title
        for name, (heading, body) in tables.items():
            assert heading[0] == "STT"
            assert body, (title, name)  # "Theo cơ quan" with no row is left out
            assert [r[0] for r in body] == list(range(1, len(body) + 1)), (title, name)
    # Victims: none in the period, so no breakdown at all, only the total.
    assert list(_tables(sheets["Bảo vệ nạn nhân"])) == ["Tổng số"]


def test_units_carry_their_statistics_code_not_an_internal_id():
    result = _result(issued=False)
    province = unit(51, Level.PROVINCE, OLD)
    assert province.pk != 51  # else the test could not tell an id from the code
    sheets = _sheets(result)
    heading, body = _tables(sheets["Phòng ngừa"])["Tổng số"]
    assert heading[1:3] == ("Địa bàn", "Mã") and body[0][1:3] == ("Tỉnh Quảng Ngãi", "51")
    heading, body = _tables(sheets["Đấu tranh tội phạm"])["Theo địa bàn"]
    assert heading[2] == "Mã" and body[0][1:3] == ("Xã Hương Trà", "21157")
    sources = sheets["Nguồn số liệu"]
    start = next(i for i, r in enumerate(sources) if r[0] == "STT")
    heading = sources[start]
    column = heading.index("Mã địa bàn")
    figures = sources[start + 1 :]
    assert figures and all(r[column] == "51" for r in figures)
    assert all(r[heading.index("Địa bàn")] == "Tỉnh Quảng Ngãi" for r in figures)


def test_a_table_whose_groups_overlap_carries_a_note():
    rows = _sheets(_result(issued=False))["Phòng ngừa"]
    note = str(OVERLAP_NOTE)
    tables = _tables(rows)
    _heading, groups = tables["Theo đối tượng"]
    _heading, total = tables["Tổng số"]
    activities = total[0][3]
    assert sum(r[2] for r in groups) > activities == 3  # four groups for three activities
    # An activity recorded without target groups is said to be so, not shown as a dash.
    assert ("Không xác định", 1) in [(r[1], r[2]) for r in groups]
    assert "—" not in [r[1] for table in tables.values() for r in table[1]]
    after = rows.index(groups[-1]) + 1
    assert rows[after][0] == note
    # A breakdown whose groups do not overlap has no note.
    _heading, agencies = tables["Theo cơ quan"]
    assert rows[rows.index(agencies[-1]) + 1][0] != note


def test_the_overlap_flag_is_on_the_many_valued_dimensions_only():
    many = {code for code, d in DIMENSIONS.items() if d.many}
    assert many == {"target_group", "exploitation_form"}


def test_every_breakdown_has_a_vietnamese_title():
    for code, dimension in DIMENSIONS.items():
        if dimension.breakdown:
            label = str(dimension.label)
            assert label and label != code and not CODE.match(label), code


def test_groups_are_named_in_words_not_codes():
    def name(dimension: str, code: str) -> str:
        return DIMENSIONS[dimension].describe([code])[code]["name"]

    assert name("platform", "facebook") == "Facebook"
    assert name("modus_operandi", "fake_job") == "Lời mời việc làm giả"
    assert name("exploitation_form", "online_scam") == "Cưỡng bức lừa đảo trực tuyến"
    assert name("cooperation_kind", "repatriation") == "Hồi hương nạn nhân"
    assert name("destination", "KH") == "Campuchia"
    assert name("counterpart_country", "TW") == "Đài Loan (Trung Quốc)"
    assert name("quarter", "2023-07-01") == "Quý III/2023"
    assert name("month", "2023-05-01") == "Tháng 5/2023"


def test_every_country_code_has_a_vietnamese_name():
    assert len(CODES) == 249
    assert all(country_name(code) != code for code in CODES)
    official = {
        "LA": "Lào",
        "KH": "Campuchia",
        "CN": "Trung Quốc",
        "TH": "Thái Lan",
        "MY": "Malaysia",
        "KR": "Hàn Quốc",
        "JP": "Nhật Bản",
        "TW": "Đài Loan (Trung Quốc)",
        "MM": "Myanmar",
        "US": "Hoa Kỳ",
        "GB": "Vương quốc Anh",
        "DE": "Đức",
        "RU": "Liên bang Nga",
    }
    assert {code: country_name(code) for code in official} == official
    assert country_name("la") == "Lào"
    assert country_name("QQ") == "QQ"  # not a code: given back, never dropped
    assert country_name("XX") == "Không quốc tịch"  # a nationality, never a country (issue 23)


def test_groups_seen_to_overlap_in_the_data_get_the_note_too():
    """A dimension not declared `many` whose rows still add up to more than the total (an
    additive, exact figure) carries the note; rows that add up to the total do not."""
    b = SimpleNamespace(public=False, threshold=5)
    total = {"indicators": ["prevention.activities"], "rows": [["Tỉnh", "51", 2]]}

    def table(*values: int) -> dict:
        rows = [[f"Nhóm {n}", v] for n, v in enumerate(values)]
        return {"coded": False, "indicators": ["prevention.activities"], "rows": rows}

    assert _overlap_note(b, "kind", table(2, 1), total) == str(OVERLAP_NOTE)
    assert _overlap_note(b, "kind", table(1, 1), total) == ""
