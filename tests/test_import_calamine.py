"""Issue 27, build point 4: workbooks are read by python-calamine once the archive has passed its
bounds, with the same values, bounds and messages as the streaming reader, and any sheet that
calamine would hold past its memory bound, or read differently (formulas, error cells), goes to
the streaming reader (ctip.core.calamine_reader)."""

import io
import zipfile
from datetime import date, datetime, time

import openpyxl
import pytest

from ctip.core import workbooks
from ctip.core.calamine_reader import CALAMINE_MAX_BYTES, survey
from ctip.core.cells import TooLong
from ctip.core.workbooks import FORMULA, SheetRejected, read_rows
from ctip.prevention.import_batch import import_file
from ctip.prevention.importer import COLUMNS, ImportRejected
from ctip.prevention.models import Activity
from tests import bombs

NS = bombs.NS.decode()
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)


def _xlsx(rows_xml: str, strings: list[str] = ()) -> bytes:
    """A workbook by hand: the sheet's rows as XML, and its shared strings."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", bombs.CONTENT_TYPES)
        archive.writestr("_rels/.rels", bombs.ROOT_RELS)
        archive.writestr("xl/workbook.xml", bombs.WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", RELS)
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{rows_xml}'
            "</sheetData></worksheet>",
        )
        items = "".join(f"<si><t>{s}</t></si>" for s in strings)
        archive.writestr(
            "xl/sharedStrings.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="{len(strings)}" '
            f'uniqueCount="{len(strings)}">{items}</sst>',
        )
    return out.getvalue()


@pytest.fixture
def calamine_used(monkeypatch):
    """How many sheets calamine read."""
    used = []
    real = workbooks.calamine_rows

    def spy(*args, **kwargs):
        used.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(workbooks, "calamine_rows", spy)
    return used


def _both(data: bytes, **bounds) -> list:
    fast = list(read_rows(data, **bounds))
    assert fast == list(read_rows(data, fast=False, **bounds))
    return fast


def _openpyxl_workbook() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Cơ quan thực hiện", "Từ ngày", "Số buổi", "Ghi chú"])
    sheet.append(["qng-ca", date(2022, 5, 10), 3, "x" * 50])
    sheet.append([None, datetime(2022, 5, 10, 12, 30), 2.5, True])
    sheet.append(["", None, 0, "y" * 3000])
    sheet.cell(row=7, column=3, value=-7)
    sheet.cell(row=8, column=2, value=time(12, 0))
    sheet["A3"].number_format = "General"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_calamine_gives_the_streaming_readers_values(calamine_used):
    rows = _both(_openpyxl_workbook())
    assert len(calamine_used) == 1
    assert rows[1] == (2, ["qng-ca", datetime(2022, 5, 10), 3, "x" * 50])
    assert rows[2] == (3, [None, datetime(2022, 5, 10, 12, 30), 2.5, True])
    assert rows[3] == (4, [None, None, 0, TooLong(3000)])
    assert rows[4] == (7, [None, None, -7])
    assert rows[5] == (8, [None, time(12, 0)])
    assert isinstance(rows[1][1][2], int) and isinstance(rows[2][1][2], float)


def test_shared_strings_and_a_sheet_starting_past_a1(calamine_used):
    data = _xlsx(
        '<row r="1"><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>'
        '<row r="3"><c r="C3" t="s"><v>0</v></c><c r="D3"><v>42</v></c></row>',
        ["Đối tượng", "Ghi chú"],
    )
    assert _both(data) == [(1, [None, "Đối tượng", "Ghi chú"]), (3, [None, None, "Đối tượng", 42])]
    assert len(calamine_used) == 1


def test_row_column_cell_and_text_bounds_hold_on_the_calamine_path(calamine_used, monkeypatch):
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 5))
    with pytest.raises(SheetRejected, match="quá nhiều dòng"):
        list(read_rows(_xlsx(rows), max_rows=2))
    wide = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="F2"><v>1</v></c></row>'
    with pytest.raises(SheetRejected, match="Dòng 2: bảng tính có dữ liệu ở quá 5 cột"):
        list(read_rows(_xlsx(wide), max_columns=5))
    assert _both(_xlsx(wide), max_columns=6)[1] == (2, [None] * 5 + [1])
    long = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    assert _both(_xlsx(long, ["abcdef", "abc"]), max_cell=5) == [(1, [TooLong(6), "abc"])]
    monkeypatch.setattr(workbooks, "MAX_IMPORT_TEXT", 10)
    many = "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>{n - 1}</v></c></row>' for n in (1, 2, 3))
    with pytest.raises(SheetRejected, match="quá nhiều chữ"):
        list(read_rows(_xlsx(many, ["abcd", "efgh", "ijkl"])))
    # One text in every cell is kept, and counted, once.
    same = "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c></row>' for n in range(1, 50))
    assert len(list(read_rows(_xlsx(same, ["abcd"])))) == 49
    assert len(calamine_used) == 6


def test_formulas_and_error_cells_go_to_the_streaming_reader(calamine_used):
    formula = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f><v>2</v></c></row>'
    assert list(read_rows(_xlsx(formula))) == [(1, [1, FORMULA])]
    error = '<row r="1"><c r="A1" t="e"><v>#DIV/0!</v></c></row>'
    assert list(read_rows(_xlsx(error))) == [(1, ["#DIV/0!"])]
    unplaced = '<row r="1"><c><v>1</v></c></row>'
    assert list(read_rows(_xlsx(unplaced))) == [(1, [1])]
    prefixed = '<row r="1"><x:c xmlns:x="urn:x" r="A1"><x:v>1</x:v></x:c></row>'
    assert survey(_archive(_xlsx(prefixed)), "xl/worksheets/sheet1.xml", None) is None
    assert calamine_used == []


@pytest.mark.django_db
def test_an_imported_formula_is_still_named_by_row_and_column():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS.values()))
    sheet.append(["qng-ca", "session", "2022-05-10", "2022-05-10", 21142, "=1+1"])
    out = io.BytesIO()
    workbook.save(out)
    with pytest.raises(ImportRejected, match="Dòng 2, cột “Số buổi”: có công thức"):
        import_file(name="a.xlsx", data=out.getvalue(), acting_user=None)
    assert not Activity.objects.exists()


def _archive(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def test_a_sheet_calamine_would_hold_past_its_bound_is_streamed(calamine_used):
    # Two cells, far apart: calamine's dense rectangle would be 1,048,576 x 200 cells (6.7 GB).
    corners = (
        '<row r="1"><c r="A1"><v>1</v></c></row>'
        '<row r="1048576"><c r="GR1048576"><v>2</v></c></row>'
    )
    data = _xlsx(corners)
    assert len(data) < 2_000
    assert survey(_archive(data), "xl/worksheets/sheet1.xml", None) > CALAMINE_MAX_BYTES
    assert list(read_rows(data)) == [(1, [1]), (1048576, [None] * 199 + [2])]
    # 100,000 cells using one 2,000-character shared string: calamine copies it into each.
    cells = "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c></row>' for n in range(1, 100_001))
    data = _xlsx(cells, ["x" * 2_000])
    assert survey(_archive(data), "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml") > (
        CALAMINE_MAX_BYTES
    )
    assert calamine_used == []


def test_a_reference_with_leading_zeros_is_counted_as_calamine_reads_it():
    deep = '<row r="1"><c r="GR0001048576"><v>1</v></c></row>'
    assert survey(_archive(_xlsx(deep)), "xl/worksheets/sheet1.xml", None) > CALAMINE_MAX_BYTES


def test_a_template_shaped_sheet_is_estimated_within_the_bound():
    row = "".join(
        f'<c r="{c}{{n}}" t="inlineStr"><is><t>qng-ca</t></is></c>' for c in "ABCDEFGHIJKLMNO"
    )
    rows = "".join(f'<row r="{n}">' + row.format(n=n) + "</row>" for n in range(1, 20_001))
    estimate = survey(_archive(_xlsx(rows)), "xl/worksheets/sheet1.xml", None)
    assert estimate is not None and estimate < CALAMINE_MAX_BYTES


def test_one_long_shared_string_among_many_short_ones_is_counted_by_its_own_cells(calamine_used):
    # 40,000 rows of three cells using a short string, one using a 2,000-character note: counted
    # at the longest string every cell is past the bound, counted cell by cell it is not.
    cells = "".join(
        f'<row r="{n}">' + "".join(f'<c r="{c}{n}" t="s"><v>0</v></c>' for c in "ABC") + "</row>"
        for n in range(1, 40_001)
    )
    note = '<row r="40001"><c r="D40001" t="s"><v>1</v></c></row>'
    data = _xlsx(cells + note, ["a", "x" * 2_000])
    estimate = survey(_archive(data), "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml")
    assert estimate is not None and estimate < CALAMINE_MAX_BYTES
    rows = list(read_rows(data))
    assert rows[-1] == (40001, [None, None, None, "x" * 2_000]) and len(rows) == 40_001
    assert len(calamine_used) == 1


# Review of the fast path (C1 to C6): a crafted file must never make calamine read what the
# survey did not count, nor give a value the streaming reader would not.
def _parts(members: dict[str, str | bytes]) -> bytes:
    """A workbook by hand from its members; the content types and root relationships added."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", bombs.CONTENT_TYPES)
        archive.writestr("_rels/.rels", bombs.ROOT_RELS)
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _relations(*targets: tuple[str, str, str]) -> str:
    items = "".join(
        f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/{kind}" Target="{target}"/>'
        for rid, kind, target in targets
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{items}</Relationships>"
    )


def _sheet_xml(rows_xml: str, root: str = f"<worksheet {NS}>", end: str = "</worksheet>") -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>{root}<sheetData>{rows_xml}</sheetData>{end}'


def _strings_xml(strings: list[str]) -> str:
    items = "".join(f"<si><t>{s}</t></si>" for s in strings)
    return f'<?xml version="1.0" encoding="UTF-8"?><sst {NS}>{items}</sst>'


MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def test_a_non_ascii_namespace_prefix_goes_to_the_streaming_reader(calamine_used):
    # C1: a prefix of any characters hides cells and formulas from a survey that counts `<c`.
    root = f'<é:worksheet xmlns:é="{MAIN_NS}">'
    formula = '<é:row r="1"><é:c r="A1"><é:f>1+1</é:f><é:v>2</é:v></é:c></é:row>'
    data = _parts(
        {
            "xl/workbook.xml": bombs.WORKBOOK,
            "xl/_rels/workbook.xml.rels": RELS,
            "xl/worksheets/sheet1.xml": _sheet_xml(
                formula.replace("é:", "é:"), root, "</é:worksheet>"
            )
            .replace("<sheetData>", "<é:sheetData>")
            .replace("</sheetData>", "</é:sheetData>"),
        }
    )
    assert list(read_rows(data)) == [(1, [FORMULA])]
    assert survey(_archive(data), "xl/worksheets/sheet1.xml", None) is None
    # A far prefixed cell: calamine's rectangle would be 16,384 x 1,048,576 cells (it aborted).
    far = '<é:row r="1048576"><é:c r="XFD1048576"><é:v>1</é:v></é:c></é:row>'
    sheet = _sheet_xml(far, root, "</é:worksheet>")
    data = _parts(
        {
            "xl/workbook.xml": bombs.WORKBOOK,
            "xl/_rels/workbook.xml.rels": RELS,
            "xl/worksheets/sheet1.xml": sheet,
        }
    )
    assert len(data) < 2_000
    with pytest.raises(SheetRejected):
        list(read_rows(data))
    # A prefixed shared string table too.
    strings = f'<é:sst xmlns:é="{MAIN_NS}"><é:si><é:t>a</é:t></é:si></é:sst>'
    data = _parts(
        {
            "xl/workbook.xml": bombs.WORKBOOK,
            "xl/_rels/workbook.xml.rels": RELS,
            "xl/worksheets/sheet1.xml": _sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
            "xl/sharedStrings.xml": strings,
        }
    )
    assert survey(_archive(data), "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml") is None
    assert list(read_rows(data)) == [(1, ["a"])]
    assert calamine_used == []


def _with_strings_at(target: str, members: dict[str, str]) -> bytes:
    rels = _relations(
        ("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "sharedStrings", target)
    )
    sheet = _sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
    return _parts(
        {
            "xl/workbook.xml": bombs.WORKBOOK,
            "xl/_rels/workbook.xml.rels": rels,
            "xl/worksheets/sheet1.xml": sheet,
            **members,
        }
    )


def test_shared_strings_or_styles_elsewhere_than_calamine_reads_them_are_streamed(calamine_used):
    # C2: calamine reads xl/sharedStrings.xml and xl/styles.xml whatever the relationships say.
    data = _with_strings_at(
        "other.xml",
        {"xl/other.xml": _strings_xml(["surveyed"]), "xl/sharedStrings.xml": _strings_xml(["no"])},
    )
    assert list(read_rows(data)) == [(1, ["surveyed"])]
    # No relationship to shared strings, but a member by calamine's fixed name.
    rels = _relations(("rId1", "worksheet", "worksheets/sheet1.xml"))
    unrelated = _parts(
        {
            "xl/workbook.xml": bombs.WORKBOOK,
            "xl/_rels/workbook.xml.rels": rels,
            "xl/worksheets/sheet1.xml": _sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'),
            "xl/sharedStrings.xml": _strings_xml(["x" * 100]),
        }
    )
    assert list(read_rows(unrelated)) == [(1, [1])]
    assert calamine_used == []
    # The usual layout still takes the fast path.
    usual = _with_strings_at("sharedStrings.xml", {"xl/sharedStrings.xml": _strings_xml(["a"])})
    assert _both(usual) == [(1, ["a"])] and len(calamine_used) == 1


def test_styles_related_elsewhere_are_streamed(calamine_used):
    rels = _relations(
        ("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId3", "styles", "mystyles.xml")
    )
    data = _parts(
        {
            "xl/workbook.xml": bombs.WORKBOOK,
            "xl/_rels/workbook.xml.rels": rels,
            "xl/worksheets/sheet1.xml": _sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'),
            "xl/mystyles.xml": f"<styleSheet {NS}/>",
            "xl/styles.xml": f"<styleSheet {NS}/>",
        }
    )
    assert list(read_rows(data)) == [(1, [1])]
    assert calamine_used == []


def test_a_target_that_normalises_to_another_member_is_streamed(calamine_used):
    # C3: "worksheets/../big.xml" names xl/big.xml once normalised.
    rels = _relations(("rId1", "worksheet", "worksheets/../big.xml"))
    data = _parts(
        {
            "xl/workbook.xml": bombs.WORKBOOK,
            "xl/_rels/workbook.xml.rels": rels,
            "xl/big.xml": _sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'),
        }
    )
    assert list(read_rows(data)) == [(1, [1])]
    assert calamine_used == []


@pytest.mark.parametrize(
    "name", ["xl/worksheets/../big.xml", "xl/./big.xml", "/xl/big.xml", "xl\\big.xml"]
)
def test_member_names_with_dot_segments_backslashes_or_a_root_are_refused(name):
    data = _parts(
        {
            "xl/workbook.xml": bombs.WORKBOOK,
            "xl/_rels/workbook.xml.rels": RELS,
            "xl/worksheets/sheet1.xml": _sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'),
            name: _sheet_xml(""),
        }
    )
    with pytest.raises(SheetRejected, match="tên thành phần không hợp lệ"):
        list(read_rows(data))


def _duration_xlsx(before: str = "") -> bytes:
    """1e20 days in a cell shown as a duration ("[h]:mm"), after the rows `before`."""
    styles = (
        f'<styleSheet {NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="[h]:mm"/>'
        '</numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>'
        "</cellXfs></styleSheet>"
    )
    rels = _relations(
        ("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml")
    )
    return _parts(
        {
            "xl/workbook.xml": bombs.WORKBOOK,
            "xl/_rels/workbook.xml.rels": rels,
            "xl/worksheets/sheet1.xml": _sheet_xml(
                before + '<row r="2"><c r="A2" s="1"><v>1e20</v></c></row>'
            ),
            "xl/styles.xml": styles,
        }
    )


def test_an_error_while_calamine_reads_rows_falls_back_to_the_streaming_reader():
    # C4: calamine raises OverflowError for 1e20 days shown as a duration.
    data = _duration_xlsx()
    try:
        streamed = list(read_rows(data, fast=False))
    except SheetRejected:
        with pytest.raises(SheetRejected):
            list(read_rows(data))
    else:
        assert list(read_rows(data)) == streamed


def test_an_error_after_a_row_was_given_refuses_the_sheet(calamine_used):
    data = _duration_xlsx('<row r="1"><c r="A1"><v>1</v></c></row>')
    rows = read_rows(data)
    assert next(rows) == (1, [1])
    with pytest.raises(SheetRejected, match="hỏng"):
        next(rows)
    assert len(calamine_used) == 1


def test_a_large_workbook_part_is_streamed(calamine_used):
    # C5: defined names are held by calamine and not surveyed.
    names = "".join(f'<definedName name="n{i}">Sheet1!$A$1</definedName>' for i in range(30_000))
    workbook = bombs.WORKBOOK.decode().replace(
        "</sheets>", f"</sheets><definedNames>{names}</definedNames>"
    )
    data = _parts(
        {
            "xl/workbook.xml": workbook,
            "xl/_rels/workbook.xml.rels": RELS,
            "xl/worksheets/sheet1.xml": _sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'),
        }
    )
    assert list(read_rows(data)) == [(1, [1])]
    assert calamine_used == []


def test_an_unusual_date1904_value_is_streamed(calamine_used):
    # C6: calamine and the streaming reader read "TRUE" differently.
    workbook = bombs.WORKBOOK.decode().replace("<sheets>", '<workbookPr date1904="TRUE"/><sheets>')
    data = _parts(
        {
            "xl/workbook.xml": workbook,
            "xl/_rels/workbook.xml.rels": RELS,
            "xl/worksheets/sheet1.xml": _sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'),
        }
    )
    assert list(read_rows(data)) == [(1, [1])]
    assert calamine_used == []


def test_a_prefixed_sheet_in_the_workbook_part_is_streamed(calamine_used):
    # calamine could take another sheet for the first than the one surveyed.
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="{MAIN_NS}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<x:sheets><x:sheet name="A" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>'
    )
    data = _parts(
        {
            "xl/workbook.xml": workbook,
            "xl/_rels/workbook.xml.rels": RELS,
            "xl/worksheets/sheet1.xml": _sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'),
        }
    )
    assert list(read_rows(data)) == [(1, [1])]
    assert calamine_used == []
