"""Locked periods: once a report is issued, a record inside its period and territory can still
be corrected, but only with a reason, and each correction is listed with its effect on the
issued figures ("số liệu điều chỉnh"); the next compiled report shows it.

A write service calls `guard()` before the change (it refuses a change without a reason and
reads the issued figures' live values) and `record()` after it, in the same transaction:

    lock = guard(model=Activity, points=[(day, unit_id), ...], reason=reason)
    ... change ...
    record(lock, obj=activity, action="update", acting_user=acting_user)

The periods are the issued reports, which live in the reporting app above the domains; this
module defines what it needs of them (`IssuedPeriods`) and the reporting app provides it at
start-up, so that domain services consult locked periods without knowing reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core.validators import check_text
from ctip.geo.models import Unit
from ctip.geo.selectors import covered_unit_ids
from ctip.indicators.queries import compute
from ctip.indicators.registry import DIMENSIONS, REGISTRY


@dataclass(frozen=True)
class IssuedPeriod:
    """An issued report's period and territory, and the figures it froze."""

    pk: int
    number: str
    unit: Unit
    start: date
    end: date
    figures: dict[str, dict[str, Any]]


class IssuedPeriods(Protocol):
    def overlapping(self, start: date, end: date) -> list[IssuedPeriod]: ...

    def correction_write(self, period: IssuedPeriod, **fields: Any) -> None: ...


_source: IssuedPeriods | None = None


def provide(source: IssuedPeriods) -> None:
    global _source
    _source = source


def _periods() -> IssuedPeriods:
    if _source is None:
        raise ImproperlyConfigured("ctip.reporting provides the issued periods (periods.provide)")
    return _source


class LockedPeriodError(ValueError):
    pass


@dataclass
class Lock:
    model: type[Model]
    reports: list[IssuedPeriod]
    reason: str
    before: dict[int, dict[str, int]] = field(default_factory=dict)


def locking_reports(points: Sequence[tuple[date | None, int | None]]) -> list[IssuedPeriod]:
    """Issued reports whose period holds one of the (date, unit id) points in their territory."""
    found: dict[int, IssuedPeriod] = {}
    for day, unit_id in points:
        if day is None or unit_id is None:
            continue
        for report in _periods().overlapping(day, day):
            inside = Unit.objects.filter(pk=unit_id, id__in=covered_unit_ids(report.unit))
            if report.pk not in found and inside.exists():
                found[report.pk] = report
    return sorted(found.values(), key=lambda r: r.pk)


def locked_points(points: list[tuple[date, int]]) -> dict[int, str]:
    """For a batch (an import): index of each point inside an issued report -> its number.
    One query for the reports and one per report for its territory, whatever the batch size."""
    if not points:
        return {}
    days = [day for day, _unit in points]
    found: dict[int, str] = {}
    for report in _periods().overlapping(min(days), max(days)):
        units = set(
            Unit.objects.filter(id__in=covered_unit_ids(report.unit)).values_list("pk", flat=True)
        )
        for index, (day, unit_id) in enumerate(points):
            if index not in found and unit_id in units and report.start <= day <= report.end:
                found[index] = report.number
    return found


def guard(
    *, model: type[Model], points: Sequence[tuple[date | None, int | None]], reason: str
) -> Lock | None:
    # Every caller's reason is refused over 1.000 characters or with a NUL, never cut.
    check_text(reason, label=_("Lý do điều chỉnh"), max_length=1000, error=LockedPeriodError)
    reports = locking_reports(points)
    if not reports:
        return None
    if not reason.strip():
        raise LockedPeriodError(
            _("Bản ghi thuộc kỳ đã báo cáo (Báo cáo số %(number)s); điều chỉnh phải nêu lý do.")
            % {"number": ", ".join(r.number for r in reports)}
        )
    lock = Lock(model=model, reports=reports, reason=reason.strip())
    lock.before = {r.pk: live_values(r, model) for r in reports}
    return lock


def _touched(report: IssuedPeriod, model: type[Model]) -> dict[str, dict[str, Any]]:
    """The issued figures whose indicator counts records of `model`."""
    return {
        fid: f
        for fid, f in report.figures.items()
        if f["indicator"] in REGISTRY and REGISTRY[f["indicator"]].records().model is model
    }


def live_values(report: IssuedPeriod, model: type[Model]) -> dict[str, int]:
    """Today's value of each touched figure, over the same unit, period and group."""
    values = {}
    sectors: dict[tuple[str, str, str, tuple[str, ...]], list[tuple[str, dict[str, Any]]]] = {}
    for fid, f in _touched(report, model).items():
        where = f["where"] or {}
        if SECTOR in where and all(
            d in DIMENSIONS and DIMENSIONS[d].breakdown for d in where if d != SECTOR
        ):
            others = tuple(sorted(d for d in where if d != SECTOR))
            sectors.setdefault((f["indicator"], f["start"], f["end"], others), []).append((fid, f))
            continue
        rows = compute(
            [f["indicator"]],
            unit=report.unit,
            start=date.fromisoformat(f["start"]),
            end=date.fromisoformat(f["end"]),
            where=where or None,
        )
        values[fid] = int(rows[0]["value"] or 0) if rows else 0
    for key, figures in sectors.items():
        values.update(_sector_values(report, key, figures))
    return values


# A national review's sector figures (ctip.reporting.agency_work) narrow to a kind of agency,
# which no rollup keeps: a hundred or more of them, each a scan of the country's records, made
# one edit of a locked period take minutes. Those of one indicator and period are answered from
# one aggregate by heir agency (and the figure's other groups), summed by the heir's kind.
SECTOR = "agency_kind"


def _sector_values(
    report: IssuedPeriod,
    key: tuple[str, str, str, tuple[str, ...]],
    figures: list[tuple[str, dict[str, Any]]],
) -> dict[str, int]:
    indicator, start, end, others = key
    rows = compute(
        [indicator],
        unit=report.unit,
        start=date.fromisoformat(start),
        end=date.fromisoformat(end),
        by=("agency", *others),
    )
    kinds = dict(
        Agency.objects.filter(code__in={r["agency"]["code"] for r in rows}).values_list(
            "code", "kind"
        )
    )
    sums: dict[tuple[Any, ...], int] = {}
    for r in rows:
        kind = kinds.get(r["agency"]["code"])
        if kind is None:
            continue  # no agency: in no sector
        group = (kind, *(str(r[d]["code"]) for d in others))
        sums[group] = sums.get(group, 0) + int(r["value"] or 0)
    return {
        fid: sums.get((f["where"][SECTOR], *(str(f["where"][d]) for d in others)), 0)
        for fid, f in figures
    }


def record(
    lock: Lock | None, *, obj: Model, action: str, acting_user: Any, pk: int | None = None
) -> None:
    """Write the corrections (after the change; `pk` for a record already deleted)."""
    if lock is None:
        return
    for report in lock.reports:
        figures = _touched(report, lock.model)
        after = live_values(report, lock.model)
        effect = [
            {
                "fid": fid,
                "label": figures[fid]["label"],
                "where_name": figures[fid]["where_name"],
                "issued": figures[fid]["text"],
                "before": lock.before[report.pk].get(fid, 0),
                "after": value,
            }
            for fid, value in after.items()
            if value != lock.before[report.pk].get(fid, 0)
        ]
        _periods().correction_write(
            report,
            record_type=obj._meta.label_lower,
            record_id=pk or obj.pk,
            action=action,
            reason=lock.reason,
            effect=effect,
            user=acting_user if getattr(acting_user, "pk", None) else None,
        )
