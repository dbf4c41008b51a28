"""Writes to rules and the holiday calendar: one transaction each, audited."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import holidays as holidays_lib
from django.utils.translation import gettext as _

from ctip.core.audit import audit_write
from ctip.core.work import unit_of_work
from ctip.rules.calendar import Duration
from ctip.rules.legal_table import versions_with_ends
from ctip.rules.models import DayKind, Holiday, Rule, ValueKind


class RuleError(ValueError):
    pass


def rule_set(
    *,
    key: str,
    kind: str,
    value: Any,
    valid_from: date,
    valid_to: date | None = None,
    legal_basis_document: str,
    legal_basis_article: str,
    note: str = "",
    title: str = "",
    verified: bool = False,
    acting_user: Any,
) -> Rule:
    """Add a version of rule `key` in force from `valid_from`. An open-ended earlier version ends
    the day before; any other overlap is refused."""
    _check_value(kind, value)
    if not legal_basis_document.strip():
        raise RuleError(_("Phải nêu văn bản căn cứ của quy định."))
    if not legal_basis_article.strip():
        raise RuleError(_("Phải nêu điều, khoản căn cứ của quy định."))
    if valid_to is not None and valid_to < valid_from:
        raise RuleError(_("Ngày hết hiệu lực phải sau ngày có hiệu lực."))
    with unit_of_work():
        versions = Rule.objects.select_for_update().filter(key=key)
        far = valid_to or date.max
        for other in versions.overlapping(valid_from, far):
            starts_before = other.valid_from is None or other.valid_from < valid_from
            if other.valid_to is None and starts_before:
                other.valid_to = valid_from - timedelta(days=1)
                other.save(update_fields=["valid_to"])
                continue
            raise RuleError(
                _("Quy định “%(key)s” đã có phiên bản hiệu lực trùng thời gian (%(basis)s).")
                % {"key": key, "basis": other.legal_basis_document}
            )
        rule = Rule.objects.create(
            key=key,
            kind=kind,
            value=value,
            valid_from=valid_from,
            valid_to=valid_to,
            legal_basis_document=legal_basis_document,
            legal_basis_article=legal_basis_article,
            note=note,
            title=title,
            verified=verified,
        )
        audit_write(
            action="rules.rule_set",
            acting_user=acting_user,
            obj=rule,
            changes={"key": [None, key], "valid_from": [None, valid_from.isoformat()]},
        )
    return rule


def _check_value(kind: str, value: Any) -> None:
    ok: dict[str, Any] = {
        ValueKind.NUMBER: lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        ValueKind.DURATION: lambda v: isinstance(v, dict) and bool(Duration.from_value(v)),
        ValueKind.LIST: lambda v: isinstance(v, list),
        ValueKind.MAPPING: lambda v: isinstance(v, dict),
        ValueKind.TEXT: lambda v: isinstance(v, str),
    }
    if kind not in ok:
        raise RuleError(_("Loại giá trị “%(kind)s” không hợp lệ.") % {"kind": kind})
    try:
        valid = ok[kind](value)
    except ValueError:
        valid = False
    if not valid:
        raise RuleError(_("Giá trị không đúng loại “%(kind)s”.") % {"kind": kind})


def holidays_load(*, years: range, acting_user: Any = None) -> int:
    """Vietnam's public holidays (the `holidays` package, Labour Code Art. 112) for `years`.
    Days already in the calendar are kept as they are: hand-entered days off and make-up days
    (announced each year) win. Returns how many days were added."""
    calendar = holidays_lib.country_holidays("VN", years=list(years), language="vi")
    have = set(Holiday.objects.filter(date__year__in=list(years)).values_list("date", flat=True))
    new = [
        Holiday(date=day, kind=DayKind.HOLIDAY, name=str(name), source="holidays (VN)")
        for day, name in sorted(calendar.items())
        if day not in have
    ]
    if new:
        with unit_of_work():
            Holiday.objects.bulk_create(new)
            audit_write(action="rules.holidays_load", acting_user=acting_user, count=len(new))
    return len(new)


# The fields of a fixture entry that describe a version (besides key and valid_from).
_DESCRIPTIVE = (
    "kind",
    "value",
    "valid_to",
    "legal_basis_document",
    "legal_basis_article",
    "note",
    "title",
    "verified",
)


def rules_load_fixture(*, path: Any, acting_user: Any = None) -> int:
    """Add the fixture's rule versions not yet present (by key and start date), and correct a
    present version whose description differs (a citation fixed, a rule verified): one audited
    correction each. Idempotent. Returns how many versions were added or corrected."""
    import yaml

    entries = versions_with_ends(yaml.safe_load(path.read_text(encoding="utf-8"))["rules"])
    changed = 0
    for entry in entries:
        fields = {name: entry.get(name, _default(name)) for name in _DESCRIPTIVE}
        present = Rule.objects.filter(key=entry["key"], valid_from=entry["valid_from"]).first()
        if present is None:
            rule_set(
                key=entry["key"], valid_from=entry["valid_from"], acting_user=acting_user, **fields
            )
            changed += 1
        elif any(getattr(present, name) != value for name, value in fields.items()):
            rule_correct(rule=present, fields=fields, acting_user=acting_user)
            changed += 1
    return changed


def _default(name: str) -> Any:
    return {"valid_to": None, "note": "", "title": "", "verified": False}.get(name, "")


def rule_correct(*, rule: Rule, fields: dict[str, Any], acting_user: Any) -> Rule:
    """Correct a version encoded wrongly (its citation, value or end), not a change of the law:
    a new legal text is a new version (rule_set)."""
    _check_value(fields["kind"], fields["value"])
    if not str(fields["legal_basis_article"]).strip():
        raise RuleError(_("Phải nêu điều, khoản căn cứ của quy định."))
    with unit_of_work():
        before = {name: getattr(rule, name) for name in fields}
        for name, value in fields.items():
            setattr(rule, name, value)
        rule.full_clean(exclude=["value"])
        rule.save()
        audit_write(
            action="rules.rule_correct",
            acting_user=acting_user,
            obj=rule,
            changes={
                name: [_plain(before[name]), _plain(value)]
                for name, value in fields.items()
                if before[name] != value
            },
        )
    return rule


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
