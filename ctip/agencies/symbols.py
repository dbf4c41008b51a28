"""How an agency signs its papers: the issuer symbol of a number ("12/GCN-SYT") and the place of
the place-and-date line ("Quảng Ngãi, ngày ..."), both from agency data (Decree 30/2020/NĐ-CP,
Appendix I), never typed into a template."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.geo.labels import proper_name
from ctip.geo.models import Unit


def issuer_symbol(agency: Agency) -> str:
    """The agency's symbol from its data ("SYT", "SNgV", "UBND"). Only an agency without one
    (loaded before symbols existed, or synthetic) falls back to initials of its abbreviation or
    name: "Sở Y tế" -> "SYT"; initials can collide (Sở Nội vụ and Sở Ngoại vụ are both "SNV"),
    which is why the fixture gives every agency its symbol."""
    if agency.symbol:
        return agency.symbol
    words = (agency.abbreviation or agency.name).replace("-", " ").split()
    return "".join(w[0].upper() for w in words if w[0].isalpha()) or agency.code.upper()


def issuer_place(agency: Agency, on: date) -> str:
    """The place a paper of `agency` issued on `on` names (Decree 30/2020/NĐ-CP, Appendix I):
    the proper name of the agency's unit as it stood that day, without its kind word: "Quảng
    Ngãi" for a provincial department, "Trà Bùi" for a commune's police, "Lý Sơn" for the special
    zone's committee. A unit renamed in a later version of the same code is read as of `on`."""
    unit = _unit_on(agency.unit, on)
    return proper_name(unit.name)


def _unit_on(unit: Unit, on: date) -> Unit:
    if unit.is_valid_on(on):
        return unit
    same = Unit.objects.valid_on(on).filter(level=unit.level, code=unit.code).first()
    return same or unit


def symbol_clashes(candidates: Iterable[Any], existing: Iterable[Any] = ()) -> list[str]:
    """Vietnamese messages, one per pair of agencies of the same unit, in force at the same
    time, with the same symbol (compared without case). `candidates` and `existing` are agencies
    (or rows with code, name, symbol, unit_id, valid_from, valid_to); a candidate replaces an
    existing row of the same code."""
    rows = {a.code: a for a in existing}
    rows.update({a.code: a for a in candidates})
    groups: dict[tuple[int, str], list[Any]] = {}
    for a in rows.values():
        if a.symbol:
            groups.setdefault((a.unit_id, a.symbol.casefold()), []).append(a)
    messages = []
    for group in groups.values():
        group.sort(key=lambda a: a.code)
        for i, first in enumerate(group):
            for second in group[i + 1 :]:
                if _overlap(first, second):
                    messages.append(_clash_message(first, second))
    return messages


def check_symbol(agency: Agency) -> None:
    """Refuse (ValidationError) a symbol another agency of the same unit already uses while both
    are in force."""
    if not agency.symbol:
        return
    start, end = agency.valid_from or date.min, agency.valid_to or date.max
    others = (
        Agency.objects.filter(unit_id=agency.unit_id, symbol__iexact=agency.symbol)
        .exclude(code=agency.code)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
    )
    other = others.order_by("code").first()
    if other is not None:
        raise ValidationError(_clash_message(other, agency), code="symbol_taken")


def _overlap(a: Any, b: Any) -> bool:
    return (a.valid_from or date.min) <= (b.valid_to or date.max) and (
        b.valid_from or date.min
    ) <= (a.valid_to or date.max)


def _clash_message(first: Any, second: Any) -> str:
    return _(
        "Ký hiệu “%(symbol)s” của %(second)s trùng với %(first)s (cùng địa bàn, cùng thời gian "
        "hiệu lực): mỗi cơ quan cần một ký hiệu riêng trên văn bản."
    ) % {"symbol": second.symbol, "first": first.name, "second": second.name}
