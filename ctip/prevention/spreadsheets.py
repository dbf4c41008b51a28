"""The activities workbook: the import template (Vietnamese headers, drop-down lists) and the
export of any filtered list (same columns, so an export can be corrected and imported again).

Both are written in words, in Vietnamese whatever the reader's language (the headers are): the
agency by its name, the form, target groups and campaign by their labels, "có"/"không". The
import (import_checks.py) reads names and labels as well as codes; several target groups or
partners are separated by semicolons, as labels hold commas ("Học sinh, sinh viên")."""

from __future__ import annotations

import io
from typing import Any

from django.db.models import QuerySet
from django.utils import translation

from ctip.core.exports import safe_cell
from ctip.prevention.importer import COLUMNS
from ctip.prevention.models import ActivityKind, Campaign
from ctip.prevention.target_groups import TARGET_GROUPS


def activities_template() -> bytes:
    with translation.override("vi"):
        return _template()


def _template() -> bytes:
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Hoạt động"
    sheet.append(list(COLUMNS.values()))
    lists = workbook.create_sheet("Danh mục")
    choices = {
        "kind": [str(label) for _, label in ActivityKind.choices],
        "campaign": [str(label) for value, label in Campaign.choices if value],
        "participants_estimated": ["có", "không"],
        "target_groups": [str(label) for label in TARGET_GROUPS.values()],
    }
    keys = list(COLUMNS)
    for col, (key, values) in enumerate(choices.items(), start=1):
        letter = chr(ord("A") + col - 1)
        lists.cell(row=1, column=col, value=COLUMNS[key])
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=col, value=value)
        target = chr(ord("A") + keys.index(key))
        validation = DataValidation(
            type="list",
            formula1=f"='Danh mục'!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            # Target groups may list several, separated by commas: a hint, not a strict list.
            showErrorMessage=key != "target_groups",
            errorTitle="Giá trị không hợp lệ",
            error="Hãy chọn trong danh sách.",
        )
        validation.add(f"{target}2:{target}10000")
        sheet.add_data_validation(validation)
    for index, header in enumerate(COLUMNS.values(), start=1):
        sheet.column_dimensions[chr(ord("A") + index - 1)].width = max(12, len(header) + 2)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def activities_export(qs: QuerySet) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Hoạt động")
    sheet.append(list(COLUMNS.values()))
    rows = qs.select_related("agency", "unit").prefetch_related("target_groups", "partners")
    with translation.override("vi"):
        for a in rows.iterator(chunk_size=2000):
            sheet.append([safe_cell(v) for v in _row(a)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _row(a: Any) -> list[Any]:
    return [
        a.agency.name,
        a.get_kind_display(),
        a.start_date,
        a.end_date,
        a.unit.code,
        a.sessions,
        a.participants,
        "có" if a.participants_estimated else "không",
        a.media_items,
        a.sms,
        "; ".join(str(TARGET_GROUPS.get(g.code, g.code)) for g in a.target_groups.all()),
        "; ".join(p.name for p in a.partners.all()),
        a.get_campaign_display() if a.campaign else "",
        a.theme,
        a.notes,
    ]
