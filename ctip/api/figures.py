"""Figures for a token: the query language of `ctip indicators` (ctip.indicators.public) inside
the scope the user's dashboard has (ctip.dashboard.panels.user_scope: the territory, and the
agency an agency role is narrowed to), always as a reader without the records sees them: no
token carries a personal-data permission, so every figure about persons goes through the
disclosure rule (whole quarters, small values withheld, the others rounded).

Which indicators: all for a holder of P.VIEW_AGGREGATES (the standing office, leaders);
otherwise those of the dashboard panels the token's permissions open."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied, ValidationError

from ctip.accounts.scope import has_perm
from ctip.core.permissions import P
from ctip.dashboard.panels import Scope, panel_codes, user_scope
from ctip.geo.models import Unit
from ctip.geo.selectors import covered_unit_ids
from ctip.indicators import disclosure
from ctip.indicators.public import indicator_rows, public_period, resolve_unit
from ctip.indicators.registry import DIMENSIONS, REGISTRY


def reader_scope(user: Any) -> Scope:
    scope = user_scope(user)
    if scope is None:
        raise PermissionDenied(_("Mã truy cập này không mở bảng số liệu nào."))
    return scope


def readable_indicators(user: Any, scope: Scope) -> list[str]:
    if has_perm(user, P.VIEW_AGGREGATES):
        return list(REGISTRY)
    found: set[str] = set()
    for panel in scope.panels:
        found |= panel_codes(panel)
    return [code for code in REGISTRY if code in found]


def catalog(user: Any) -> dict[str, Any]:
    scope = reader_scope(user)
    return {
        "indicators": [
            {
                "code": code,
                "label": str(REGISTRY[code].label),
                "kind": REGISTRY[code].kind,
                "dimensions": list(REGISTRY[code].dimensions),
                "controlled": disclosure.controlled(REGISTRY[code], frozenset()),
            }
            for code in readable_indicators(user, scope)
        ],
        "dimensions": [
            {"code": d.code, "label": str(d.label or d.code), "breakdown": d.breakdown}
            for d in DIMENSIONS.values()
        ],
    }


def answer(user: Any, query: dict[str, Any], *, indicators: list[str]) -> dict[str, Any]:
    """The figures asked for in `query` (a valid IndicatorQuery), or a 400/403."""
    scope = reader_scope(user)
    readable = readable_indicators(user, scope)
    outside = [code for code in indicators if code not in readable]
    if outside:
        raise PermissionDenied(
            _("Các chỉ tiêu ngoài phạm vi của mã truy cập: %(codes)s")
            % {"codes": ", ".join(outside)}
        )
    today = timezone.localdate()
    start = query.get("from") or date(today.year, 1, 1)
    end = query.get("to") or today
    if start > end:
        raise ValidationError({"to": [_("Ngày kết thúc trước ngày bắt đầu.")]})
    by = list(dict.fromkeys(query.get("by") or []))
    start, end = public_period(start, end, by)
    unit = _unit(query.get("unit"), end, scope)
    rows = indicator_rows(
        indicators=indicators or readable,
        unit=unit,
        start=start,
        end=end,
        by=by,
        level=query.get("level"),
        names=query["names"],
        public=True,
        where={"agency": scope.agency_id} if scope.agency_id else None,
    )
    return {
        "start": start,
        "end": end,
        "unit": {"code": unit.code, "name": unit.name},
        "threshold": disclosure.current_threshold(),
        "rows": [_row(row, by) for row in rows],
    }


def _unit(text: str | None, day: date, scope: Scope) -> Unit:
    """The unit named, within the scope's territory (as the dashboard's `dv`), else 400."""
    if not text:
        return scope.unit
    unit = resolve_unit(text, day)
    if not Unit.objects.filter(pk=unit.pk, id__in=covered_unit_ids(scope.unit)).exists():
        raise ValidationError({"unit": [_("Không có địa bàn này trong phạm vi của bạn.")]})
    return unit


def _row(row: dict[str, Any], by: list[str]) -> dict[str, Any]:
    value = row["value"]
    return {
        "indicator": row["indicator"],
        "label": row["label"],
        "value": value if value is None or isinstance(value, int) else float(value),
        "withheld": bool(row.get("withheld", False)),
        "estimate": bool(row.get("estimate", False)),
        "groups": {
            d: {"code": str(row[d]["code"]), "name": str(row[d]["name"])} for d in by if d in row
        },
    }
