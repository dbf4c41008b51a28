"""An account's audit trail in words, for its page in user management: what was done to the
account and to its assignments, by whom and when ("Giao vai trò cho người dùng: Cán bộ quản
lý hồ sơ nạn nhân — Sở Y tế tỉnh Quảng Ngãi"). Audit rows hold codes (role, agency code, unit
id); they are read back as names here, with one query per kind of name, never per row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.models import Assignment, User
from ctip.accounts.permissions import ROLES
from ctip.agencies.models import Agency
from ctip.core.audit_words import action_label
from ctip.core.models import AuditEntry
from ctip.geo.models import Unit

LIMIT = 30
USER_FIELDS = {
    "username": _l("tên đăng nhập"),
    "email": _l("thư điện tử"),
    "first_name": _l("tên"),
    "last_name": _l("họ và tên đệm"),
    "is_active": _l("trạng thái hoạt động"),
    "is_staff": _l("quyền vào trang quản trị"),
}
ASSIGNMENT_ACTIONS = ("accounts.assignment_grant", "accounts.assignment_revoke")


@dataclass(frozen=True)
class Line:
    at: datetime
    actor: str
    what: str
    detail: str


def account_history(user: User, *, limit: int = LIMIT) -> list[Line]:
    """The newest audit rows about `user`'s account and assignments (also those revoked
    since, found by the account id their revocation recorded: never by the username, which
    the account may have changed and another account may have taken since), newest first."""
    assignment_ids = [
        str(pk) for pk in Assignment.objects.filter(user=user).values_list("pk", flat=True)
    ]
    about = Q(object_type=User._meta.label_lower, object_id=str(user.pk))
    about |= Q(object_type=Assignment._meta.label_lower, object_id__in=assignment_ids)
    about |= Q(action="accounts.assignment_revoke", changes__user_id__0=user.pk)
    entries = list(
        AuditEntry.objects.filter(about).select_related("actor").order_by("-at", "-pk")[:limit]
    )
    names = _Names(entries)
    return [
        Line(
            at=entry.at,
            actor=entry.actor.username if entry.actor else _("(hệ thống)"),
            what=action_label(entry.action),
            detail=names.detail(entry),
        )
        for entry in entries
    ]


class _Names:
    """The agencies and units the rows name, read once."""

    def __init__(self, entries: list[AuditEntry]) -> None:
        codes: set[str] = set()
        units: set[int] = set()
        for entry in entries:
            if entry.object_type != Assignment._meta.label_lower:
                continue
            codes |= {v for v in _values(entry, "agency") if isinstance(v, str)}
            units |= {v for v in _values(entry, "unit") if isinstance(v, int)}
        self.agencies = dict(Agency.objects.filter(code__in=codes).values_list("code", "name"))
        self.units = dict(Unit.objects.filter(pk__in=units).values_list("pk", "name"))

    def detail(self, entry: AuditEntry) -> str:
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        if entry.object_type == User._meta.label_lower:
            fields = [str(USER_FIELDS[k]) for k in changes if k in USER_FIELDS]
            if entry.action == "accounts.user_create" or not fields:
                return ""
            return _("đã sửa: %(fields)s") % {"fields": ", ".join(fields)}
        if entry.object_type != Assignment._meta.label_lower:
            return ""
        if entry.action in ASSIGNMENT_ACTIONS:
            side = 1 if entry.action == "accounts.assignment_grant" else 0
            return self._assignment({k: _side(v, side) for k, v in changes.items()})
        before = {k: _side(v, 0) for k, v in changes.items()}
        after = {k: _side(v, 1) for k, v in changes.items()}
        return "; ".join(
            f"{self._part(k, before)} → {self._part(k, after)}"
            for k in ("role", "agency", "unit", "valid_from", "valid_to")
            if k in changes
        )

    def _assignment(self, values: dict[str, Any]) -> str:
        parts = [self._part(k, values) for k in ("role", "agency", "unit") if values.get(k)]
        period = period_words(values.get("valid_from"), values.get("valid_to"))
        return " — ".join([*parts, period])

    def _part(self, key: str, values: dict[str, Any]) -> str:
        value = values.get(key)
        if value in (None, ""):
            return "—"
        if key == "role":
            return str(ROLES[value].label) if value in ROLES else _("vai trò khác")
        if key == "agency":
            return self.agencies.get(value, _("cơ quan khác"))
        if key == "unit":
            return self.units.get(value, _("địa bàn khác"))
        prefix = _("từ") if key == "valid_from" else _("đến")
        return f"{prefix} {_day(value)}"


def _values(entry: AuditEntry, key: str) -> list[Any]:
    pair = entry.changes.get(key) if isinstance(entry.changes, dict) else None
    return list(pair) if isinstance(pair, list) else []


def _side(pair: Any, index: int) -> Any:
    return pair[index] if isinstance(pair, list) and len(pair) == 2 else None


def _day(text: Any) -> str:
    try:
        return date.fromisoformat(str(text)).strftime("%d/%m/%Y")
    except ValueError:
        return str(text)


def period_words(start: Any, end: Any) -> str:
    """ "từ 01/07/2025 đến 31/12/2026", "từ 01/07/2025", "không thời hạn"."""
    if start and end:
        return _("từ %(start)s đến %(end)s") % {"start": _day(start), "end": _day(end)}
    if start:
        return _("từ %(start)s") % {"start": _day(start)}
    if end:
        return _("đến %(end)s") % {"end": _day(end)}
    return _("không thời hạn")
