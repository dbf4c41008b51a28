"""Writes to agencies: one transaction each, with the audit row inside it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from ctip.agencies.derived import agencies_refresh_heirs
from ctip.agencies.models import Agency, AgencySuccession, Kind
from ctip.agencies.symbols import check_symbol, symbol_clashes
from ctip.core.audit import audit_write, field_changes, model_values
from ctip.core.bounds import MAX_TEXT
from ctip.core.validators import check_text
from ctip.core.work import unit_of_work
from ctip.geo.models import Unit

FIXTURES = Path(__file__).parent / "fixtures"


class AgencyFixtureError(ValueError):
    pass


def agencies_load_fixture(*, path: Path, acting_user: Any = None) -> int:
    """Create or update the agencies of a fixture by code, with their successions. Idempotent:
    returns how many agencies were created or changed."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["agencies"]
    fields = (
        "name",
        "abbreviation",
        "symbol",
        "kind",
        "unit_id",
        "valid_from",
        "valid_to",
        "source",
    )
    changed = 0
    with unit_of_work():
        by_code = {a.code: a for a in Agency.objects.filter(code__in=[e["code"] for e in entries])}
        for entry in entries:
            values = _values(entry)
            agency = by_code.get(entry["code"])
            if agency is None:
                agency = Agency.objects.create(code=entry["code"], **values)
                by_code[agency.code] = agency
                changed += 1
            elif any(getattr(agency, f) != values[f] for f in fields):
                for f in fields:
                    setattr(agency, f, values[f])
                agency.save()
                changed += 1
        changed += _link(entries, by_code)
        _refuse_symbol_clashes(by_code.values())
        if changed:
            batch = audit_write(
                action="agencies.load_fixture",
                acting_user=acting_user,
                count=changed,
                changes={"fixture": path.name},
            )
            Agency.objects.filter(code__in=by_code, batch__isnull=True).update(batch=batch)
            agencies_refresh_heirs()
    return changed


def _values(entry: dict[str, Any]) -> dict[str, Any]:
    if entry["kind"] not in Kind.values:
        raise AgencyFixtureError(f"{entry['code']}: unknown kind {entry['kind']!r}")
    ref = entry["unit"]
    try:
        unit = Unit.objects.valid_on(ref["at"]).get(code=ref["code"], level=ref["level"])
    except Unit.DoesNotExist as exc:
        raise AgencyFixtureError(f"{entry['code']}: no unit {ref}") from exc
    return {
        "name": entry["name"],
        "abbreviation": entry.get("abbreviation") or "",
        "symbol": entry.get("symbol") or "",
        "kind": entry["kind"],
        "unit_id": unit.pk,
        "valid_from": entry.get("valid_from"),
        "valid_to": entry.get("valid_to"),
        "source": entry.get("source") or "",
    }


def _link(entries: list[dict[str, Any]], by_code: dict[str, Agency]) -> int:
    """Set parents and successions; returns how many links changed."""
    changed = 0
    have = {
        (s.predecessor_id, s.successor_id): s
        for s in AgencySuccession.objects.filter(predecessor__code__in=by_code)
    }
    changed += _drop_unlisted(entries, by_code, have)
    for entry in entries:
        agency = by_code[entry["code"]]
        parent = by_code.get(entry.get("parent") or "") or _agency(entry.get("parent"))
        if agency.parent_id != (parent.pk if parent else None):
            agency.parent = parent
            agency.save(update_fields=["parent"])
            changed += 1
        for succ in entry.get("successors") or []:
            successor = by_code.get(succ["code"]) or _agency(succ["code"])
            if successor is None:
                raise AgencyFixtureError(f"{entry['code']}: unknown successor {succ['code']}")
            wanted = {
                "date": succ["date"],
                "carries_records": bool(succ.get("carries_records", True)),
                "note": succ.get("note") or "",
            }
            link = have.get((agency.pk, successor.pk))
            if link is None:
                AgencySuccession.objects.create(predecessor=agency, successor=successor, **wanted)
                changed += 1
            elif any(getattr(link, k) != v for k, v in wanted.items()):
                for k, v in wanted.items():
                    setattr(link, k, v)
                link.save()
                changed += 1
    return changed


def _drop_unlisted(
    entries: list[dict[str, Any]], by_code: dict[str, Agency], have: dict[tuple[int, int], Any]
) -> int:
    """Remove a succession between two agencies of the fixture that the fixture no longer
    lists (Lý Sơn's district committee now passes to the special zone's committee instead of
    the province's), first, so that a new record-carrying link never meets the old one. Links
    to agencies outside the fixture (generated ones) are left alone."""
    listed = {(e["code"], s["code"]) for e in entries for s in e.get("successors") or []}
    code_of = {a.pk: code for code, a in by_code.items()}
    stale = [
        link
        for (pred, succ), link in list(have.items())
        if pred in code_of and succ in code_of and (code_of[pred], code_of[succ]) not in listed
    ]
    for link in stale:
        del have[(link.predecessor_id, link.successor_id)]
    AgencySuccession.objects.filter(pk__in=[link.pk for link in stale]).delete()
    return len(stale)


def _refuse_symbol_clashes(agencies: Iterable[Agency]) -> None:
    """Two agencies of one unit in force together never share a symbol: a paper's number would
    not say who issued it. Checked against every agency of the units the fixture touches."""
    units = {a.unit_id for a in agencies}
    others = Agency.objects.filter(unit_id__in=units).exclude(symbol="")
    clashes = symbol_clashes(agencies, others)
    if clashes:
        raise AgencyFixtureError("\n".join(clashes))


def agency_set_symbol(*, agency: Agency, symbol: str, acting_user: Any) -> Agency:
    """Give an agency the issuer symbol its papers carry. Refused (ValidationError, in
    Vietnamese) when another agency of the same unit in force at the same time has it."""
    symbol = symbol.strip()
    field = Agency._meta.get_field("symbol")
    check_text(symbol, label=getattr(field, "verbose_name", "symbol"), max_length=20)
    with unit_of_work():
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        before = agency.symbol
        agency.symbol = symbol
        check_symbol(agency)
        if before != symbol:
            agency.save(update_fields=["symbol"])
            audit_write(
                action="agencies.set_symbol",
                acting_user=acting_user,
                obj=agency,
                changes=field_changes({"symbol": before}, {"symbol": symbol}),
            )
    return agency


def _agency(code: str | None) -> Agency | None:
    return Agency.objects.filter(code=code).first() if code else None


CONTACT_FIELDS = ["phone", "email", "address"]


def agency_update_contact(
    *, agency: Agency, phone: str, email: str, address: str, acting_user: Any
) -> Agency:
    """Change how an agency is reached; audited with before and after. A value over its column's
    length (or with a NUL) is refused, never cut (ValidationError)."""
    for name, value in (("phone", phone), ("email", email), ("address", address)):
        field = Agency._meta.get_field(name)
        limit = getattr(field, "max_length", None) or MAX_TEXT
        check_text(value, label=getattr(field, "verbose_name", name), max_length=limit)
    with unit_of_work():
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        before = model_values(agency, CONTACT_FIELDS)
        agency.phone, agency.email, agency.address = phone.strip(), email.strip(), address.strip()
        changes = field_changes(before, model_values(agency, CONTACT_FIELDS), model=Agency)
        if changes:
            agency.save(update_fields=CONTACT_FIELDS)
            audit_write(
                action="agencies.update_contact",
                acting_user=acting_user,
                obj=agency,
                changes=changes,
            )
    return agency
