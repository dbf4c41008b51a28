"""A chart's table as CSV or XLSX: the same rows the page shows (already through
ctip.indicators.disclosure), withheld cells as "<N", a running month marked as on the page."""

from __future__ import annotations

import csv
import io
from typing import Any

from ctip.core.exports import safe_cell
from ctip.indicators.disclosure import mark


def table(chart: dict[str, Any], context: list[str]) -> list[list[Any]]:
    """Context lines (title, territory, period), a header, then one row per group."""
    withheld = mark(chart["limit"])
    rows: list[list[Any]] = [[line] for line in context]
    rows.append([chart["dimension_name"], chart["measure"]])
    for r in chart["rows"]:
        # A month still running or to come says so beside its name, as on the page.
        name = f"{r['name']} ({r['note']})" if r.get("note") else r["name"]
        if r.get("future"):
            value: Any = "—"
        else:
            value = withheld if r["value"] is None else r["value"]
        rows.append([safe_cell(name), value])
    return rows


def as_csv(rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8


def as_xlsx(rows: list[list[Any]], sheet: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet(sheet[:31])
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
