"""Importing activities from an Excel workbook or a JSON file: every row checked, errors named
by row and column in Vietnamese, all rows written in one transaction or none."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core import rollups
from ctip.core.audit import audit_write
from ctip.core.bounds import (
    MAX_CELL,
    MAX_COUNT,
    MAX_DATE,
    MAX_IMPORT_FILE_BYTES,
    MAX_IMPORT_ROWS,
    MAX_TEXT,
    MIN_DATE,
)
from ctip.core.bulk import bulk_insert
from ctip.core.cells import Problems, cell_problem, shown
from ctip.core.text import fold
from ctip.geo.models import Level, Unit
from ctip.prevention.models import Activity, ActivityKind, Campaign, TargetGroup
from ctip.prevention.target_groups import TARGET_GROUPS

MAX_FILE_BYTES = MAX_IMPORT_FILE_BYTES
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


def read_file(
    name: str, data: bytes, *, columns: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """Rows of a workbook or JSON file, within the bounds of ctip.core.bounds: at most
    MAX_IMPORT_ROWS rows, texts over MAX_CELL characters kept as `TooLong` (named by row and
    column when checked), memory bounded (ctip.core.workbooks, ctip.core.jsonrows).
    `columns`: key -> workbook header of the rows to read (default: the activities')."""
    columns = columns or COLUMNS
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected([_("Tệp quá lớn (tối đa 50 MB).")])
    if name.lower().endswith(".json"):
        from ctip.core.jsonrows import JsonRejected, read_json_rows

        try:
            # A row's number is its position (a "_row" key in the file is not read).
            return read_json_rows(data, columns)
        except JsonRejected as exc:
            raise ImportRejected([str(exc)]) from exc
    return read_workbook(data, columns=columns)


def read_workbook(data: bytes, *, columns: dict[str, str] | None = None) -> list[dict[str, Any]]:
    from ctip.core.workbooks import FORMULA, SheetRejected, read_rows

    columns = columns or COLUMNS
    by_header = {fold(v): k for k, v in columns.items()} | {k: k for k in columns}
    rows: list[dict[str, Any]] = []
    keys: list[str | None] = []
    errors = Problems()
    try:
        for index, values in read_rows(data):
            if index == 1:
                keys = [by_header.get(fold(str(v or ""))) for v in values]
                continue
            row: dict[str, Any] = {"_row": index}
            for key, value in zip(keys, values, strict=False):
                if key is None or value is None:
                    continue
                if value is FORMULA:
                    errors.append(_cell_error(index, key, _("có công thức; hãy nhập giá trị.")))
                    continue
                row[key] = value
            if len(row) > 1:
                rows.append(row)
    except SheetRejected as exc:
        raise ImportRejected([str(exc)]) from exc
    if errors:
        raise ImportRejected(errors.listed())
    return rows


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
    # A code no unit has is "no such unit", never a number the database cannot compare.
    return code if 0 < code <= MAX_COUNT else None


# Text columns an activity keeps, with the most characters each holds; any other column is a
# name or a code looked up in a list, at most one cell long.
TEXT_LIMITS = {"theme": 300, "notes": MAX_TEXT}
LIST_COLUMNS = ("target_groups", "partners")


def _text_problem(key: str, value: Any) -> str | None:
    if isinstance(value, list) and key in LIST_COLUMNS:
        for item in value:
            problem = _text_problem("", item)
            if problem:
                return problem
        return None
    if isinstance(value, (list, dict)):
        return _("phải là một giá trị (chữ hoặc số).")
    return cell_problem(value, max_length=TEXT_LIMITS.get(key, MAX_CELL))


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
    if len(rows) > MAX_IMPORT_ROWS:
        raise ImportRejected(
            [
                _("Tệp có quá nhiều dòng (tối đa %(max)s).")
                % {"max": f"{MAX_IMPORT_ROWS:,}".replace(",", ".")}
            ]
        )
    lookups = _Lookups(rows)
    groups = set(TargetGroup.objects.values_list("code", flat=True))
    group_names = {fold(str(label)): code for code, label in TARGET_GROUPS.items()}
    kinds = {k: k for k in ActivityKind.values} | {
        fold(str(label)): k for k, label in ActivityKind.choices
    }
    specs: list[Spec] = []
    numbers: list[Any] = []
    errors = Problems()
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
        raise ImportRejected(errors.listed())
    return specs


def _refuse_locked(specs: list[Spec], numbers: list[Any], errors: Problems) -> None:
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

    # Texts first: a value the database cannot take (or a message cannot show) goes no further.
    for key in COLUMNS:
        problem = _text_problem(key, raw.get(key))
        if problem:
            bad(key, problem)
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
        message = _("hình thức “%(value)s” không có trong danh mục.")
        bad("kind", message % {"value": shown(raw["kind"])})
    agency = lookups.agency(str(raw["agency"]), start) if start else None
    if start and agency is None:
        bad("agency", _("không có cơ quan “%(value)s”.") % {"value": shown(raw["agency"])})
    code = _unit_code(raw["unit"])
    unit = lookups.unit(code, start) if (code and start) else None
    if start and unit is None:
        bad(
            "unit",
            _("không có đơn vị mã “%(value)s” vào ngày %(day)s.")
            % {"value": shown(raw["unit"]), "day": f"{start:%d/%m/%Y}"},
        )
    counts = {key: _count(raw.get(key), key, bad) for key in COUNTS}
    estimated = _bool(raw.get("participants_estimated"), bad)
    target = _groups(raw.get("target_groups"), groups, group_names, bad)
    partners = _partners(raw.get("partners"), start, lookups, bad) if start else []
    campaign = str(raw.get("campaign") or "").strip()
    if campaign and campaign not in Campaign.values:
        message = _("đợt “%(value)s” không có trong danh mục.")
        bad("campaign", message % {"value": shown(campaign)})
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
        theme=str(raw.get("theme") or ""),
        notes=str(raw.get("notes") or ""),
        **{k: v or 0 for k, v in counts.items()},
    )


def _date(value: Any, key: str, bad: Any) -> date | None:
    day = _parse_date(value)
    if day is None:
        message = _("“%(value)s” không phải ngày (năm-tháng-ngày hoặc ngày/tháng/năm).")
        bad(key, message % {"value": shown(value)})
        return None
    if not MIN_DATE <= day <= MAX_DATE:
        message = _("ngày phải trong khoảng %(min)s – %(max)s.")
        bad(key, message % {"min": f"{MIN_DATE:%d/%m/%Y}", "max": f"{MAX_DATE:%d/%m/%Y}"})
        return None
    return day


def _parse_date(value: Any) -> date | None:
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
    if number > MAX_COUNT:
        message = _("không được lớn hơn %(max)s.")
        bad(key, message % {"max": f"{MAX_COUNT:,}".replace(",", ".")})
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
    found: list[int] = []
    for item in (str(i).strip() for i in items if str(i).strip()):
        agency = lookups.agency(item, day)
        if agency is None:
            bad("partners", _("không có cơ quan “%(value)s”.") % {"value": shown(item)})
        elif agency.pk not in found:  # named twice (code and name): one link
            found.append(agency.pk)
    return found


def _groups(value: Any, groups: set[str], names: dict[str, str], bad: Any) -> list[str]:
    if value in (None, ""):
        return []
    items = value if isinstance(value, list) else str(value).replace(";", ",").split(",")
    out: list[str] = []
    for item in (str(i).strip() for i in items):
        code = item if item in groups else names.get(fold(item))
        if code is None:
            bad(
                "target_groups",
                _("đối tượng “%(value)s” không có trong danh mục.") % {"value": shown(item)},
            )
        elif code not in out:  # "public, Nhân dân" names one group twice: one link
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
