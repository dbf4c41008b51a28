"""The statistical annex: one sheet per pillar, each indicator in total and by the breakdowns
the template names, plus a sheet tracing every figure of the text to its indicator, territory,
period, group and the records it counts."""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.core.exports import safe_cell
from ctip.indicators import disclosure
from ctip.indicators.queries import compute
from ctip.indicators.registry import REGISTRY

if TYPE_CHECKING:
    from ctip.reporting.builder import Builder

DIMENSION_TITLES = {
    "agency": _l("Theo cơ quan"),
    "kind": _l("Theo hình thức"),
    "target_group": _l("Theo đối tượng"),
    "unit": _l("Theo địa bàn"),
    "month": _l("Theo tháng"),
    "quarter": _l("Theo quý"),
    "year": _l("Theo năm"),
}


def annex_tables(b: Builder, specs: list[dict]) -> list[dict[str, Any]]:
    span: dict[str, Any] = {"unit": b.unit, "start": b.start, "end": b.end}
    sheets = []
    for spec in specs:
        codes = spec["indicators"]
        tables = [_table(b, _("Tổng số"), codes, compute(codes, **span), None)]
        for dim in spec.get("by", []):
            rows = compute(codes, by=(dim,), **span)
            title = str(DIMENSION_TITLES.get(dim, dim))
            tables.append(_table(b, title, codes, rows, dim))
        sheets.append({"sheet": spec["sheet"], "tables": tables})
    return sheets


def _table(b: Builder, title: str, codes: list[str], rows: list[dict], dim: str | None) -> dict:
    """Groups down, indicators across; an indicator without that breakdown is left blank."""
    columns = [c for c in codes if dim is None or dim in REGISTRY[c].dimensions]
    # Two unit versions can share a GSO code (a commune that kept its code in 2025): rows are
    # keyed by code and name and their values added, never overwritten; disclosure applies to
    # the sums.
    groups: dict[Any, dict[str, Any]] = {}
    for r in rows:
        key = (r[dim]["code"], r[dim]["name"]) if dim else ""
        name = r[dim]["name"] if dim else b.unit.name
        values = groups.setdefault(key, {"name": name, "values": {}})["values"]
        values[r["indicator"]] = values.get(r["indicator"], 0) + int(r["value"] or 0)
    controlled = {c for c in columns if b.public and disclosure.applies(REGISTRY[c])}
    table = []
    for group in groups.values():
        values = [_cell(b, c, group["values"].get(c, 0), c in controlled) for c in columns]
        # In a breakdown, a group listed only for withheld values would say that it has records.
        bare = all(
            isinstance(v, str) if c in controlled else not v
            for c, v in zip(columns, values, strict=True)
        )
        if dim is None or not controlled or not bare:
            table.append([group["name"], *values])
    return {"title": title, "columns": [str(REGISTRY[c].label) for c in columns], "rows": table}


def _cell(b: Builder, code: str, value: int, controlled: bool) -> int | str:
    """A value of the annex: exact for the state chain; through ctip.indicators.disclosure in a
    report for publication (zero included)."""
    if not controlled:
        return value
    shown = disclosure.release_figure(REGISTRY[code], value, b.threshold)
    return disclosure.withheld_mark(REGISTRY[code], b.threshold) if shown is None else shown


PROVENANCE_COLUMNS = [
    _l("Mã số liệu"),
    _l("Chỉ tiêu"),
    _l("Mã chỉ tiêu"),
    _l("Giá trị"),
    _l("Cách ghi trong báo cáo"),
    _l("Địa bàn (mã)"),
    _l("Từ ngày"),
    _l("Đến ngày"),
    _l("Nhóm"),
    _l("Số bản ghi được đếm"),
]


def annex_xlsx(result: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for sheet in result["annex"]:
        ws = wb.create_sheet(sheet["sheet"][:31])
        for table in sheet["tables"]:
            ws.append([safe_cell(table["title"])])
            ws.cell(ws.max_row, 1).font = bold
            ws.append(["", *(safe_cell(c) for c in table["columns"])])
            for row in table["rows"]:
                ws.append([safe_cell(str(row[0])), *row[1:]])
            ws.append([])
        ws.column_dimensions["A"].width = 48
    ws = wb.create_sheet(_("Nguồn số liệu"))
    ws.append([str(c) for c in PROVENANCE_COLUMNS])
    for f in result["figures"].values():
        ws.append(
            [
                f["id"],
                safe_cell(f["label"]),
                f["indicator"],
                f["value"] if f["value"] is not None else f["text"],
                safe_cell(f["text"]),
                f["unit"],
                f["start"],
                f["end"],
                safe_cell(f["where_name"]),
                f.get("records", ""),
            ]
        )
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
