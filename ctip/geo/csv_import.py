"""Adding units dissolved before the January 2025 snapshot from a CSV file.

Columns: code, name, level, parent, valid_from, valid_to, successors
- level: province | district | commune | special_zone (or tỉnh, huyện, xã)
- parent: code of the unit it belonged to, as on its last day (valid_to)
- dates: dd/mm/yyyy (or yyyy-mm-dd); valid_to (last day, inclusive) is required
- successors: codes separated by ";", as on the day after valid_to
All or nothing: any error leaves the database as it was and names each bad line in Vietnamese.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ctip.core.audit import audit_write
from ctip.core.bounds import MAX_COUNT, MAX_DATE, MIN_DATE
from ctip.core.csvfiles import check_csv
from ctip.core.work import unit_of_work
from ctip.geo.derived import units_refresh_rollup
from ctip.geo.models import COMMUNE_LEVELS, PARENT_LEVEL, Level, Source, Unit, UnitSuccession

COLUMNS = ("code", "name", "level", "parent", "valid_from", "valid_to", "successors")
LEVEL_WORDS: dict[str, str] = {
    "province": Level.PROVINCE,
    "tỉnh": Level.PROVINCE,
    "district": Level.DISTRICT,
    "huyện": Level.DISTRICT,
    "commune": Level.COMMUNE,
    "xã": Level.COMMUNE,
    "special_zone": Level.SPECIAL_ZONE,
    "đặc khu": Level.SPECIAL_ZONE,
}
KIND_OF_LEVEL: dict[str, str] = {
    Level.PROVINCE: "tỉnh",
    Level.DISTRICT: "huyện",
    Level.COMMUNE: "xã",
    Level.SPECIAL_ZONE: "đặc khu",
}


class UnitImportError(Exception):
    """The file was rejected; `errors` lists every problem found, one message per line."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class _Row:
    line: int
    code: int
    name: str
    level: str
    parent: int | None
    valid_from: date | None
    valid_to: date
    successors: list[int] = field(default_factory=list)


def units_import_csv(*, data: bytes, acting_user: Any) -> int:
    """Import the file; returns how many units were added or updated."""
    rows = _parse(data)
    with unit_of_work():
        batch = audit_write(
            action="geo.units_import_csv",
            acting_user=acting_user,
            count=len(rows),
            file_hash=hashlib.sha256(data).hexdigest(),
        )
        errors: list[str] = []
        order: list[str] = [Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.SPECIAL_ZONE]
        units = {}
        for row in sorted(rows, key=lambda r: order.index(r.level)):
            unit = _save_row(row, batch, errors)
            if unit is not None:
                units[row.line] = unit
        for row in rows:
            if row.line in units:
                _link_successors(row, units[row.line], errors)
        if errors:
            transaction.set_rollback(True)
            raise UnitImportError(sorted(errors, key=_line_number))
        units_refresh_rollup()
    return len(rows)


def _line_number(message: str) -> int:
    digits = "".join(ch for ch in message.split(":")[0] if ch.isdigit())
    return int(digits or 0)


def _parse(data: bytes) -> list[_Row]:
    return check_csv(data, COLUMNS, _parse_row, UnitImportError)


def _parse_row(line: int, raw: dict[str, str], errors: Any) -> _Row | None:
    def bad(message: str) -> None:
        errors.append(_("Dòng %(line)s: %(message)s") % {"line": line, "message": message})

    count_before = len(errors)
    code = _int(raw.get("code"))
    if code is None:
        bad(_("mã đơn vị phải là số nguyên dương."))
    name = (raw.get("name") or "").strip()
    if not name:
        bad(_("thiếu tên đơn vị."))
    elif len(name) > Unit._meta.get_field("name").max_length:  # type: ignore[operator]
        bad(_("tên đơn vị quá dài."))
    level = LEVEL_WORDS.get((raw.get("level") or "").strip().lower())
    if level is None:
        bad(_("cấp “%(level)s” không hợp lệ.") % {"level": raw.get("level", "")})
    parent_text = (raw.get("parent") or "").strip()
    parent = _int(parent_text) if parent_text else None
    if parent_text and parent is None:
        bad(_("mã đơn vị cấp trên phải là số."))
    if level is not None and level != Level.PROVINCE and parent is None:
        bad(_("thiếu mã đơn vị cấp trên."))
    valid_from = _date(raw.get("valid_from"), bad, _("ngày bắt đầu"), required=False)
    valid_to = _date(raw.get("valid_to"), bad, _("ngày kết thúc"), required=True)
    if valid_from and valid_to and valid_from > valid_to:
        bad(_("ngày bắt đầu sau ngày kết thúc."))
    successors = [s.strip() for s in (raw.get("successors") or "").split(";") if s.strip()]
    succ_codes = [_int(s) for s in successors]
    if not successors:
        bad(_("thiếu đơn vị kế thừa."))
    elif None in succ_codes:
        bad(_("mã đơn vị kế thừa phải là số, cách nhau bởi dấu “;”."))
    if len(errors) > count_before:
        return None
    assert code is not None and level is not None and valid_to is not None
    return _Row(line, code, name, level, parent, valid_from, valid_to, [c for c in succ_codes if c])


def _int(text: str | None) -> int | None:
    try:
        value = int((text or "").strip())
    except ValueError:
        return None
    return value if 0 < value <= MAX_COUNT else None


def _date(text: str | None, bad: Any, label: str, *, required: bool) -> date | None:
    text = (text or "").strip()
    if not text:
        if required:
            bad(_("thiếu %(field)s.") % {"field": label})
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            day = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if MIN_DATE <= day <= MAX_DATE:
            return day
        bad(
            _("%(field)s phải trong khoảng %(min)s – %(max)s.")
            % {"field": label, "min": f"{MIN_DATE:%d/%m/%Y}", "max": f"{MAX_DATE:%d/%m/%Y}"}
        )
        return None
    bad(
        _("%(field)s “%(value)s” không đúng dạng ngày/tháng/năm.") % {"field": label, "value": text}
    )
    return None


def _save_row(row: _Row, batch: Any, errors: list[str]) -> Unit | None:
    def bad(message: str) -> None:
        errors.append(_("Dòng %(line)s: %(message)s") % {"line": row.line, "message": message})

    parent = None
    if row.parent is not None:
        parent = (
            Unit.objects.valid_on(row.valid_to)
            .filter(code=row.parent, level__in=PARENT_LEVEL.get(row.level, ()))
            .order_by("level")
            .first()
        )
        if parent is None:
            bad(
                _("không có đơn vị cấp trên mã %(code)s vào ngày %(day)s.")
                % {"code": row.parent, "day": f"{row.valid_to:%d/%m/%Y}"}
            )
            return None
    same = Unit.objects.filter(level=row.level, code=row.code, valid_to=row.valid_to).first()
    if same is not None and same.source != Source.CSV:
        bad(_("đơn vị mã %(code)s đã có trong danh mục chuẩn.") % {"code": row.code})
        return None
    if not _make_room(row, same, bad):
        return None
    unit = same or Unit(level=row.level, code=row.code, source=Source.CSV, valid_to=row.valid_to)
    unit.name, unit.parent, unit.valid_from, unit.batch = row.name, parent, row.valid_from, batch
    unit.kind = unit.kind or KIND_OF_LEVEL[row.level]
    unit.save()
    return unit


def _make_room(row: _Row, same: Unit | None, bad: Any) -> bool:
    """A code identifies a unit only within a period: versions must not overlap. A later version
    whose start was unknown (the package snapshot) starts the day after this one ends."""
    start = row.valid_from or date.min
    others = Unit.objects.filter(level=row.level, code=row.code).overlapping(start, row.valid_to)
    if same is not None:
        others = others.exclude(pk=same.pk)
    for other in others:
        if other.valid_from is None and (other.valid_to is None or other.valid_to > row.valid_to):
            other.valid_from = row.valid_to + timedelta(days=1)
            other.save(update_fields=["valid_from"])
            continue
        bad(
            _("mã %(code)s trùng thời gian hiệu lực với “%(name)s”.")
            % {"code": row.code, "name": other.name}
        )
        return False
    return True


def _link_successors(row: _Row, unit: Unit, errors: list[str]) -> None:
    day = row.valid_to + timedelta(days=1)
    levels = COMMUNE_LEVELS if row.level in COMMUNE_LEVELS else (row.level,)
    found = {
        u.code: u
        for u in Unit.objects.valid_on(day).filter(code__in=row.successors, level__in=levels)
    }
    missing = [c for c in row.successors if c not in found]
    if missing:
        errors.append(
            _("Dòng %(line)s: không có đơn vị kế thừa mã %(codes)s vào ngày %(day)s.")
            % {
                "line": row.line,
                "codes": ", ".join(map(str, missing)),
                "day": f"{day:%d/%m/%Y}",
            }
        )
        return
    UnitSuccession.objects.filter(predecessor=unit).delete()
    partial = len(found) > 1
    UnitSuccession.objects.bulk_create(
        UnitSuccession(predecessor=unit, successor=s, date=day, partial=partial)
        for s in found.values()
    )
