"""The statistical annex: one sheet per pillar, each indicator in total and by the breakdowns
the template names, plus a sheet tracing every figure of the text to its indicator, territory,
period, group and the records it counts.

Every sheet opens with the title block of an appendix to a state document ("Phụ lục số liệu",
"(Kèm theo Báo cáo số 207/BC-UBND ngày 16/10/2023 của ...)"), read from the result's header
when the XLSX is written: issuing gives the number and date to the header only. Headers are
Vietnamese words, rows are numbered (STT), units carry their statistics (GSO) code, agencies
are named as they stood at the period's end, a breakdown without rows is left out, and a
table whose groups overlap says so.

The national annex (ADR 0016, issue 27) lists provinces, not communes: its tables "by unit" are
by today's province, each record counted in exactly one (as the national dashboard breaks
figures down), with one row for records placed in no province when there are any."""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.core.exports import safe_cell
from ctip.geo.models import Level, Unit
from ctip.indicators import disclosure
from ctip.indicators.naming import agency_rows_named_at
from ctip.indicators.queries import compute
from ctip.indicators.registry import DIMENSIONS, REGISTRY
from ctip.reporting.prose import vn_date

if TYPE_CHECKING:
    from ctip.reporting.builder import Builder

UNPLACED = _l("Không xác định được tỉnh (chỉ tính ở cấp toàn quốc)")
OVERLAP_NOTE = _l(
    "Ghi chú: một hoạt động có thể thuộc nhiều nhóm, nên tổng các dòng có thể lớn hơn tổng số."
)


def annex_tables(b: Builder, specs: list[dict]) -> list[dict[str, Any]]:
    span: dict[str, Any] = {"unit": b.unit, "start": b.start, "end": b.end}
    unit = {"id": b.unit.pk, "code": str(b.unit.code), "name": b.unit.name}
    sheets = []
    for spec in specs:
        codes = spec["indicators"]
        total = _table(b, _("Tổng số"), codes, compute(codes, **span), None)
        tables = [total]
        for dim in spec.get("by", []):
            level = _level(b, dim)
            rows = compute(codes, by=(dim,), level=level, **span)
            if dim == "agency":
                rows = agency_rows_named_at(rows, unit=b.unit, day=b.end)
            title = _("Theo tỉnh, thành phố") if level else str(DIMENSIONS[dim].label)
            table = _table(b, title, codes, rows, dim, by_province=bool(level))
            if table["rows"] and table["columns"]:
                table["note"] = _overlap_note(b, dim, table, total)
                tables.append(table)
        sheets.append({"sheet": spec["sheet"], "unit": unit, "tables": tables})
    return sheets


def _level(b: Builder, dim: str) -> str | None:
    """The level a table "by unit" groups by: the country's, by today's province; a province's,
    by each record's own unit (None)."""
    return Level.PROVINCE if dim == "unit" and b.unit.level == Level.COUNTRY else None


def _table(
    b: Builder,
    title: str,
    codes: list[str],
    rows: list[dict],
    dim: str | None,
    *,
    by_province: bool = False,
) -> dict:
    """Groups down, indicators across; an indicator without that breakdown is left out. A row
    is [name, *values], or [name, GSO code, *values] for units (the total and by unit)."""
    columns = [c for c in codes if dim is None or dim in REGISTRY[c].dimensions]
    # Two unit versions can share a GSO code (a commune that kept its code in 2025): rows are
    # keyed by code and name and their values added, never overwritten; disclosure applies to
    # the sums.
    groups: dict[Any, dict[str, Any]] = {}
    for r in rows:
        key = (r[dim]["code"], r[dim]["name"]) if dim else ""
        unknown = str(UNPLACED) if by_province else _("Không xác định")
        name = (r[dim]["name"] if r[dim]["code"] else unknown) if dim else b.unit.name
        code = key[0] if dim else str(b.unit.code)
        group = groups.setdefault(key, {"name": name, "code": code, "values": {}})
        values = group["values"]
        values[r["indicator"]] = values.get(r["indicator"], 0) + int(r["value"] or 0)
    controlled = {c for c in columns if b.public and disclosure.applies(REGISTRY[c])}
    coded = dim in (None, "unit")
    table = []
    for key, group in groups.items():
        if by_province and not key[0] and not any(group["values"].values()):
            continue  # every record placed in a province: no row saying none is unplaced
        values = [_cell(b, c, group["values"].get(c, 0), c in controlled) for c in columns]
        # In a breakdown, a group listed only for withheld values would say that it has records.
        bare = all(
            isinstance(v, str) if c in controlled else not v
            for c, v in zip(columns, values, strict=True)
        )
        if dim is None or not controlled or not bare:
            table.append([group["name"], *([group["code"]] if coded else []), *values])
    return {
        "title": title,
        "group": _("Tỉnh, thành phố") if by_province else _group_heading(dim),
        "coded": coded,
        "indicators": columns,
        "columns": [str(REGISTRY[c].label) for c in columns],
        "rows": table,
        "note": "",
    }


def _group_heading(dim: str | None) -> str:
    """The heading of the groups' column: "Cơ quan" for a table "Theo cơ quan"."""
    if dim is None:
        return _("Địa bàn")
    title = str(DIMENSIONS[dim].label)
    prefix = _("Theo ")
    if title.startswith(prefix) and len(title) > len(prefix):
        words = title[len(prefix) :]
        return words[:1].upper() + words[1:]
    return _("Nhóm")


def _overlap_note(b: Builder, dim: str, table: dict, total: dict) -> str:
    """The note under a table whose groups overlap: declared by the dimension (a record may
    fall in several of its groups), or seen in the data (the rows of an additive, exact
    indicator add up to more than its total)."""
    if DIMENSIONS[dim].many:
        return str(OVERLAP_NOTE)
    if not total["rows"]:
        return ""
    first = 2 if table["coded"] else 1
    totals = dict(zip(total["indicators"], total["rows"][0][2:], strict=True))
    for n, code in enumerate(table["indicators"]):
        indicator = REGISTRY[code]
        if not indicator.additive or b.public and disclosure.applies(indicator):
            continue
        if sum(int(row[first + n]) for row in table["rows"]) > int(totals.get(code) or 0):
            return str(OVERLAP_NOTE)
    return ""


def _cell(b: Builder, code: str, value: int, controlled: bool) -> int | str:
    """A value of the annex: exact for the state chain; through ctip.indicators.disclosure in a
    report for publication (zero included)."""
    if not controlled:
        return value
    shown = disclosure.release_figure(REGISTRY[code], value, b.threshold)
    return disclosure.withheld_mark(REGISTRY[code], b.threshold) if shown is None else shown


PROVENANCE_COLUMNS = [
    _l("STT"),
    _l("Mã số liệu"),
    _l("Chỉ tiêu"),
    _l("Mã chỉ tiêu"),
    _l("Giá trị"),
    _l("Cách ghi trong báo cáo"),
    _l("Địa bàn"),
    _l("Mã địa bàn"),
    _l("Từ ngày"),
    _l("Đến ngày"),
    _l("Nhóm"),
    _l("Số bản ghi được đếm"),
]
LONG_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


def title_lines(result: dict[str, Any]) -> list[str]:
    """The appendix's title block: "Phụ lục số liệu" and what it is attached to, from the
    header as the result has it now (a draft until issued)."""
    head = result.get("header") or {}
    number = str(head.get("number", "")).removeprefix("Số:").strip()
    if number.startswith("/"):  # "Số:      /BC-UBND": no number yet
        number = ""
    day = _header_date(str(head.get("place_date", "")))
    authority = head.get("author") or " ".join(head.get("authority", []))
    if number:
        attached = _("Kèm theo Báo cáo số %(number)s") % {"number": number}
        if day:
            attached += _(" ngày %(day)s") % {"day": vn_date(day)}
    else:
        attached = _("Kèm theo dự thảo báo cáo")
    if authority:
        attached += _(" của %(authority)s") % {"authority": authority}
    lines = [_("Phụ lục số liệu"), f"({attached})"]
    if head.get("period"):
        lines.append(str(head["period"]))
    return lines


def _header_date(place_date: str) -> date | None:
    found = LONG_DATE.search(place_date)
    if not found:
        return None
    d, m, y = (int(g) for g in found.groups())
    try:
        return date(y, m, d)
    except ValueError:
        return None


def annex_xlsx(result: dict[str, Any]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    title = title_lines(result)
    for sheet in result["annex"]:
        ws = wb.create_sheet(sheet["sheet"][:31])
        _title_block(ws, title, sheet["sheet"])
        for table in sheet["tables"]:
            _write_table(ws, table)
        _widths(ws)
    ws = wb.create_sheet(_("Nguồn số liệu"))
    _title_block(ws, title, _("Nguồn số liệu"))
    _provenance(ws, result)
    _widths(ws)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _title_block(ws: Any, lines: list[str], subject: str) -> None:
    from openpyxl.styles import Font

    ws.append([safe_cell(lines[0])])
    ws.cell(ws.max_row, 1).font = Font(bold=True)
    for line in lines[1:]:
        ws.append([safe_cell(line)])
        ws.cell(ws.max_row, 1).font = Font(italic=True)
    ws.append([safe_cell(subject)])
    ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.append([])


def _write_table(ws: Any, table: dict[str, Any]) -> None:
    from openpyxl.styles import Font

    bold = Font(bold=True)
    ws.append([safe_cell(table["title"])])
    ws.cell(ws.max_row, 1).font = bold
    group = table.get("group") or _("Nhóm")
    code = [_("Mã")] if table.get("coded") else []
    heading = [_("STT"), group, *code, *table["columns"]]
    ws.append([safe_cell(str(c)) for c in heading])
    for column in range(1, len(heading) + 1):
        ws.cell(ws.max_row, column).font = bold
    for n, row in enumerate(table["rows"], start=1):
        texts = 2 if table.get("coded") else 1
        ws.append([n, *(safe_cell(str(c)) for c in row[:texts]), *row[texts:]])
    if table.get("note"):
        ws.append([safe_cell(table["note"])])
        ws.cell(ws.max_row, 1).font = Font(italic=True)
    ws.append([])


def _provenance(ws: Any, result: dict[str, Any]) -> None:
    from openpyxl.styles import Font

    ws.append([str(c) for c in PROVENANCE_COLUMNS])
    for column in range(1, len(PROVENANCE_COLUMNS) + 1):
        ws.cell(ws.max_row, column).font = Font(bold=True)
    units = _units(result)
    for n, f in enumerate(result["figures"].values(), start=1):
        unit = units.get(f["unit"], {"code": "", "name": ""})
        ws.append(
            [
                n,
                f["id"],
                safe_cell(f["label"]),
                f["indicator"],
                f["value"] if f["value"] is not None else f["text"],
                safe_cell(f["text"]),
                safe_cell(unit["name"]),
                unit["code"],
                vn_date(date.fromisoformat(f["start"])),
                vn_date(date.fromisoformat(f["end"])),
                safe_cell(f["where_name"]),
                f.get("records", ""),
            ]
        )


def _units(result: dict[str, Any]) -> dict[int, dict[str, str]]:
    """{unit id: GSO code and name} of the figures' territories: from the annex sheets, and
    for a result compiled before they carried it, from the units themselves."""
    found = {s["unit"]["id"]: s["unit"] for s in result["annex"] if s.get("unit")}
    missing = {f["unit"] for f in result["figures"].values()} - set(found)
    for pk, code, name in Unit.objects.filter(pk__in=missing).values_list("pk", "code", "name"):
        found[pk] = {"code": str(code), "name": name}
    return found


def _widths(ws: Any) -> None:
    ws.column_dimensions["A"].width = 8
    ws.column_dimensions["B"].width = 48
    for letter in "CDEFGHIJKL":
        ws.column_dimensions[letter].width = 18
