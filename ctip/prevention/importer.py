"""Importing activities from an Excel workbook or a JSON file: every row checked, errors named
by row and column in Vietnamese, all rows written in one transaction or none."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core import rollups
from ctip.core.audit import audit_write
from ctip.core.bulk import bulk_insert
from ctip.core.text import fold
from ctip.geo.models import Level, Unit
from ctip.prevention.models import Activity, ActivityKind, Campaign, TargetGroup
from ctip.prevention.target_groups import TARGET_GROUPS

MAX_FILE_BYTES = 50 * 1024 * 1024
# Template columns: key -> Vietnamese header (the workbook's first row).
COLUMNS = {
    "agency": "Cơ quan thực hiện",
    "kind": "Hình thức",
    "start_date": "Từ ngày",
    "end_date": "Đến ngày",
    "unit": "Mã địa bàn",
    "sessions": "Số buổi",
    "participants": "Số lượt người",
    "participants_estimated": "Số người là ước tính",
    "media_items": "Số tin, bài",
    "sms": "Số tin nhắn",
    "target_groups": "Đối tượng",
    "partners": "Cơ quan phối hợp",
    "campaign": "Đợt",
    "theme": "Chủ đề",
    "notes": "Ghi chú",
}
REQUIRED = ("agency", "kind", "start_date", "end_date", "unit")
COUNTS = ("sessions", "participants", "media_items", "sms")
UNIT_LEVEL_ORDER = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.SPECIAL_ZONE)


class ImportRejected(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Spec:
    agency_id: int
    kind: str
    start_date: date
    end_date: date
    unit_id: int
    sessions: int = 0
    participants: int = 0
    participants_estimated: bool = False
    media_items: int = 0
    sms: int = 0
    target_groups: list[str] = field(default_factory=list)
    partners: list[int] = field(default_factory=list)
    campaign: str = ""
    theme: str = ""
    notes: str = ""


# --- reading files ----------------------------------------------------------------------------


def read_file(name: str, data: bytes) -> list[dict[str, Any]]:
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected([_("Tệp quá lớn (tối đa 50 MB).")])
    if name.lower().endswith(".json"):
        return _read_json(data)
    return read_workbook(data)


def _read_json(data: bytes) -> list[dict[str, Any]]:
    try:
        rows = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportRejected([_("Tệp JSON không đọc được: %(error)s") % {"error": exc}]) from exc
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ImportRejected([_("Tệp JSON phải là một danh sách các đối tượng.")])
    return rows


def read_workbook(data: bytes) -> list[dict[str, Any]]:
    import openpyxl

    if not data.startswith(b"PK\x03\x04") or not _is_xlsx(data):
        raise ImportRejected([_("Tệp không phải bảng tính Excel (.xlsx).")])
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types on damaged files
        raise ImportRejected([_("Không mở được bảng tính: tệp bị hỏng.")]) from exc
    sheet = workbook.worksheets[0]
    by_header = {fold(v): k for k, v in COLUMNS.items()} | {k: k for k in COLUMNS}
    rows: list[dict[str, Any]] = []
    columns: list[str | None] = []
    errors: list[str] = []
    for index, cells in enumerate(sheet.iter_rows(), start=1):
        if index == 1:
            columns = [by_header.get(fold(str(c.value or ""))) for c in cells]
            continue
        row: dict[str, Any] = {"_row": index}
        for key, cell in zip(columns, cells, strict=False):
            if key is None or cell.value is None:
                continue
            if cell.data_type == "f":
                errors.append(_cell_error(index, key, _("có công thức; hãy nhập giá trị.")))
                continue
            row[key] = cell.value
        if len(row) > 1:
            rows.append(row)
    workbook.close()
    if errors:
        raise ImportRejected(errors)
    return rows


def _is_xlsx(data: bytes) -> bool:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return False
    return "xl/workbook.xml" in names


# --- checking rows ----------------------------------------------------------------------------


def _cell_error(row: int, key: str, message: str) -> str:
    return _("Dòng %(row)s, cột “%(column)s”: %(message)s") % {
        "row": row,
        "column": COLUMNS.get(key, key),
        "message": message,
    }


class _Lookups:
    """Agencies and units of the whole file, read in a few queries."""

    def __init__(self, rows: list[dict[str, Any]]):
        self.agencies: dict[str, list[Agency]] = {}
        for agency in Agency.objects.only("id", "code", "name", "valid_from", "valid_to"):
            self.agencies.setdefault(agency.code.lower(), []).append(agency)
            self.agencies.setdefault(fold(agency.name), []).append(agency)
        codes = {_unit_code(r.get("unit")) for r in rows} - {None}
        self.units: dict[int, list[Unit]] = {}
        for unit in Unit.objects.filter(code__in=codes).only(
            "id", "code", "level", "valid_from", "valid_to"
        ):
            self.units.setdefault(unit.code, []).append(unit)

    def agency(self, text: str, day: date) -> Agency | None:
        found = self.agencies.get(text.strip().lower()) or self.agencies.get(fold(text)) or []
        # The version in force on the activity's day; else the record keeps the agency named.
        valid = [a for a in found if a.is_valid_on(day)]
        chosen = valid or found
        return chosen[0] if chosen else None

    def unit(self, code: int, day: date) -> Unit | None:
        versions = [u for u in self.units.get(code, []) if u.is_valid_on(day)]
        versions.sort(key=lambda u: UNIT_LEVEL_ORDER.index(u.level))  # type: ignore[arg-type]
        return versions[0] if versions else None


def _unit_code(value: Any) -> int | None:
    try:
        code = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return code if code > 0 else None


def check_rows(
    rows: list[dict[str, Any]],
    *,
    today: date | None = None,
    allowed_agencies: set[int] | None = None,
    progress: Any = None,
    locked_ok: bool = False,
) -> list[Spec]:
    """Specs for every row, or ImportRejected listing every problem of every row.
    `allowed_agencies`: the agencies the importing user may record for (None: any, as for the
    command line). `progress(done, total)` is called every 1,000 rows. Rows inside the period
    of an issued report are refused unless `locked_ok` (the form, which asks for a reason)."""
    today = today or date.today()
    if not rows:
        raise ImportRejected([_("Tệp không có dòng dữ liệu nào.")])
    lookups = _Lookups(rows)
    groups = set(TargetGroup.objects.values_list("code", flat=True))
    group_names = {fold(str(label)): code for code, label in TARGET_GROUPS.items()}
    kinds = {k: k for k in ActivityKind.values} | {
        fold(str(label)): k for k, label in ActivityKind.choices
    }
    specs: list[Spec] = []
    numbers: list[Any] = []
    errors: list[str] = []
    for position, raw in enumerate(rows, start=1):
        row_number = raw.get("_row", position)
        spec = _check_row(raw, row_number, today, lookups, groups, group_names, kinds, errors)
        foreign = allowed_agencies is not None and spec is not None
        if foreign and spec.agency_id not in allowed_agencies:  # type: ignore[union-attr,operator]
            errors.append(_cell_error(row_number, "agency", _("không phải cơ quan của bạn.")))
            spec = None
        if spec is not None:
            specs.append(spec)
            numbers.append(row_number)
        if progress is not None and position % 1000 == 0:
            progress(position, len(rows))
    if not locked_ok:
        _refuse_locked(specs, numbers, errors)
    if errors:
        raise ImportRejected(errors)
    return specs


def _refuse_locked(specs: list[Spec], numbers: list[Any], errors: list[str]) -> None:
    from ctip.reporting.locks import locked_points

    found = locked_points([(s.start_date, s.unit_id) for s in specs])
    for index, report_number in sorted(found.items()):
        message = _(
            "thuộc kỳ của Báo cáo số %(number)s đã ban hành; nhập hoạt động này qua biểu mẫu "
            "và nêu lý do điều chỉnh."
        ) % {"number": report_number}
        errors.append(_cell_error(numbers[index], "start_date", message))


def _check_row(raw, row, today, lookups, groups, group_names, kinds, errors) -> Spec | None:
    before = len(errors)

    def bad(key: str, message: str) -> None:
        errors.append(_cell_error(row, key, message))

    for key in REQUIRED:
        if raw.get(key) in (None, ""):
            bad(key, _("bắt buộc."))
    if len(errors) > before:
        return None
    start = _date(raw["start_date"], "start_date", bad)
    end = _date(raw["end_date"], "end_date", bad)
    if start and end and end < start:
        bad("end_date", _("ngày kết thúc trước ngày bắt đầu."))
    for key, day in (("start_date", start), ("end_date", end)):
        if day and day > today:
            bad(key, _("ngày ở tương lai."))
    kind = kinds.get(str(raw["kind"]).strip()) or kinds.get(fold(str(raw["kind"])))
    if kind is None:
        bad("kind", _("hình thức “%(value)s” không có trong danh mục.") % {"value": raw["kind"]})
    agency = lookups.agency(str(raw["agency"]), start) if start else None
    if start and agency is None:
        bad("agency", _("không có cơ quan “%(value)s”.") % {"value": raw["agency"]})
    code = _unit_code(raw["unit"])
    unit = lookups.unit(code, start) if (code and start) else None
    if start and unit is None:
        bad(
            "unit",
            _("không có đơn vị mã “%(value)s” vào ngày %(day)s.")
            % {"value": raw["unit"], "day": f"{start:%d/%m/%Y}"},
        )
    counts = {key: _count(raw.get(key), key, bad) for key in COUNTS}
    estimated = _bool(raw.get("participants_estimated"), bad)
    target = _groups(raw.get("target_groups"), groups, group_names, bad)
    partners = _partners(raw.get("partners"), start, lookups, bad) if start else []
    campaign = str(raw.get("campaign") or "").strip()
    if campaign and campaign not in Campaign.values:
        bad("campaign", _("đợt “%(value)s” không có trong danh mục.") % {"value": campaign})
    if len(errors) > before:
        return None
    assert agency is not None and unit is not None and start and end and kind
    return Spec(
        agency_id=agency.pk,
        kind=kind,
        start_date=start,
        end_date=end,
        unit_id=unit.pk,
        participants_estimated=estimated,
        target_groups=target,
        partners=partners,
        campaign=campaign,
        theme=str(raw.get("theme") or "")[:300],
        notes=str(raw.get("notes") or ""),
        **{k: v or 0 for k, v in counts.items()},
    )


def _date(value: Any, key: str, bad: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    bad(
        key,
        _("“%(value)s” không phải ngày (năm-tháng-ngày hoặc ngày/tháng/năm).") % {"value": value},
    )
    return None


def _count(value: Any, key: str, bad: Any) -> int | None:
    if value in (None, ""):
        return 0
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        bad(key, _("phải là số nguyên không âm."))
        return None
    try:
        number = int(str(value).replace(".", "").strip()) if isinstance(value, str) else int(value)
    except (TypeError, ValueError):
        bad(key, _("phải là số nguyên không âm."))
        return None
    if number < 0:
        bad(key, _("không được âm."))
        return None
    return number


def _bool(value: Any, bad: Any) -> bool:
    if value in (None, "", False, 0):
        return False
    if value in (True, 1):
        return True
    text = fold(str(value))
    if text in {"co", "x", "true", "yes", "1"}:
        return True
    if text in {"khong", "false", "no", "0"}:
        return False
    bad("participants_estimated", _("chỉ nhận “có” hoặc “không”."))
    return False


def _partners(value: Any, day: date, lookups: _Lookups, bad: Any) -> list[int]:
    if value in (None, ""):
        return []
    items = value if isinstance(value, list) else str(value).replace(";", ",").split(",")
    found = []
    for item in (str(i).strip() for i in items if str(i).strip()):
        agency = lookups.agency(item, day)
        if agency is None:
            bad("partners", _("không có cơ quan “%(value)s”.") % {"value": item})
        else:
            found.append(agency.pk)
    return found


def _groups(value: Any, groups: set[str], names: dict[str, str], bad: Any) -> list[str]:
    if value in (None, ""):
        return []
    items = value if isinstance(value, list) else str(value).replace(";", ",").split(",")
    out = []
    for item in (str(i).strip() for i in items):
        code = item if item in groups else names.get(fold(item))
        if code is None:
            bad(
                "target_groups",
                _("đối tượng “%(value)s” không có trong danh mục.") % {"value": item},
            )
        else:
            out.append(code)
    return out


# --- writing ----------------------------------------------------------------------------------


def activities_import(
    *,
    specs: list[Spec],
    data: bytes,
    acting_user: Any,
    action: str = "prevention.activities_import",
) -> int:
    """Write every spec in one transaction with one audit row for the batch."""
    with transaction.atomic():
        batch = audit_write(
            action=action,
            acting_user=acting_user,
            count=len(specs),
            file_hash=hashlib.sha256(data).hexdigest(),
        )
        user = acting_user.pk if getattr(acting_user, "pk", None) else None
        bulk_insert(Activity, ACTIVITY_FIELDS, (_values(s, batch.pk, user) for s in specs))
        # Ids rise in insertion order within the transaction: the n-th id is the n-th spec's.
        ids = list(Activity.objects.filter(batch=batch).order_by("pk").values_list("pk", flat=True))
        bulk_insert(
            Activity.target_groups.through,
            ["activity_id", "targetgroup_id"],
            ((pk, code) for pk, s in zip(ids, specs, strict=True) for code in s.target_groups),
        )
        bulk_insert(
            Activity.partners.through,
            ["activity_id", "agency_id"],
            ((pk, agency) for pk, s in zip(ids, specs, strict=True) for agency in s.partners),
        )
        # New records only: their aggregates are added to the cells (no month is recomputed).
        rollups.add(model=Activity, only=Q(batch=batch))
    return len(ids)


# An activity's own columns, as a Spec holds them (the services write the same ones).
SPEC_FIELDS = [
    "agency_id",
    "kind",
    "start_date",
    "end_date",
    "unit_id",
    "sessions",
    "participants",
    "participants_estimated",
    "media_items",
    "sms",
    "campaign",
    "theme",
    "notes",
]
ACTIVITY_FIELDS = [*SPEC_FIELDS, "batch_id", "created_by_id"]


def _values(s: Spec, batch: int, user: int | None) -> tuple:
    return (*(getattr(s, f) for f in SPEC_FIELDS), batch, user)


def import_file(*, name: str, data: bytes, acting_user: Any, dry_run: bool = False) -> int:
    specs = check_rows(read_file(name, data))
    if dry_run:
        return len(specs)
    return activities_import(specs=specs, data=data, acting_user=acting_user)
