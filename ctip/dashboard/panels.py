"""What each role's dashboard shows: panels by pillar, each a set of indicators (headline
figures, a monthly series, breakdowns), and the scope a user reads them in.

Figures come only from the indicator registry. A panel is shown when the user holds its
permission; the scope is the territory of an aggregate-reading role (standing office, leaders),
the own agency of an agency role, or the own commune of a commune officer.

An agency's dashboard shows only the figures that can count for an agency of its kind: a figure
whose agency field never names one (the court's judgments on a police dashboard, the watchlist
that belongs to no agency) is left out, as a 0 there would read as "none" (`counts_for`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy as _

from ctip.accounts.permissions import ROLES
from ctip.accounts.scope import active_assignments, has_perm, user_permissions
from ctip.agencies.models import Agency
from ctip.core.permissions import P
from ctip.geo.models import Level, Unit
from ctip.indicators import disclosure
from ctip.indicators.registry import REGISTRY, Indicator


@dataclass(frozen=True)
class Panel:
    code: str
    title: Any
    permission: str
    headline: tuple[str, ...]
    series: str  # "" on an agency's dashboard whose kind the series never counts for
    breakdowns: tuple[tuple[str, str], ...]  # (indicator, dimension)
    # Headline figures also shown per 1,000 inhabitants of the territory, once its population
    # is loaded (ctip.prevention.population.per_thousand).
    rates: tuple[str, ...] = ()


PANELS = [
    Panel(
        "prevention",
        _("Phòng ngừa"),
        P.VIEW_ACTIVITIES,
        (
            "prevention.activities",
            "prevention.sessions",
            "prevention.participants",
            "prevention.media_items",
        ),
        "prevention.sessions",
        (
            ("prevention.sessions", "agency"),
            ("prevention.participants", "target_group"),
            ("prevention.sessions", "unit"),
        ),
        rates=("prevention.participants",),
    ),
    Panel(
        "protection",
        _("Bảo vệ, hỗ trợ nạn nhân"),
        P.VIEW_VICTIM_CASES,
        ("victims.received", "victims.identified", "victims.support_persons", "victims.referrals"),
        "victims.received",
        (
            ("victims.received", "exploitation_form"),
            ("victims.received", "destination"),
            ("victims.received", "unit"),
            ("victims.received", "sex"),
            ("victims.received", "age_band"),
        ),
    ),
    Panel(
        "enforcement",
        _("Đấu tranh, xử lý tội phạm"),
        P.VIEW_CRIMINAL_CASES,
        (
            "enforcement.cases_detected",
            "enforcement.suspects",
            "enforcement.cases_instituted",
            "enforcement.cases_tried",
            "enforcement.defendants_convicted",
            "enforcement.inspections",
        ),
        "enforcement.cases_detected",
        (
            ("enforcement.cases_detected", "platform"),
            ("enforcement.cases_detected", "destination"),
            ("enforcement.cases_detected", "agency"),
        ),
    ),
    Panel(
        "watch",
        _("Theo dõi người có nguy cơ"),
        P.VIEW_WATCHLIST,
        ("enforcement.watch_entries", "enforcement.watch_checks", "enforcement.watch_escalations"),
        "enforcement.watch_entries",
        (("enforcement.watch_entries", "watch_category"), ("enforcement.watch_entries", "unit")),
    ),
    Panel(
        "cooperation",
        _("Hợp tác quốc tế"),
        P.VIEW_AGGREGATES,
        ("cooperation.activities", "directives.documents"),
        "cooperation.activities",
        (
            ("cooperation.activities", "counterpart_country"),
            ("cooperation.activities", "cooperation_kind"),
        ),
    ),
]


@dataclass(frozen=True)
class Scope:
    """The territory a dashboard may show (a province or a commune) and, for agency roles, the
    agency (its roll-up) every figure is narrowed to."""

    unit: Unit
    agency_id: int | None
    agency_name: str
    # Registers of persons the user opens record by record (ctip.indicators.disclosure.readable):
    # their figures stay exact; every other figure about persons is disclosure-controlled.
    readable: frozenset[str]
    panels: tuple[Panel, ...]
    # The kind of the agency figures are narrowed to (today's roll-up agency's): its panels
    # hold only the figures that can count for it (`counts_for`).
    agency_kind: str = ""

    def controls(self, code: str) -> bool:
        return disclosure.controlled(REGISTRY[code], self.readable)

    @property
    def controlled(self) -> bool:
        """Some figure of this dashboard is disclosure-controlled: its period snaps to whole
        quarters."""
        return any(self.controls(code) for p in self.panels for code in panel_codes(p))


def panel_codes(panel: Panel) -> set[str]:
    codes = {*panel.headline, *(code for code, _dim in panel.breakdowns)}
    return codes | {panel.series} if panel.series else codes


def counts_for(indicator: Indicator, kind: str) -> bool:
    """Whether the figure narrowed to one agency of `kind` can count any record
    (`Indicator.counts_for_kind`)."""
    return indicator.counts_for_kind(kind)


def narrowed(panel: Panel, kind: str) -> Panel | None:
    """The panel as an agency of `kind` reads it: the headline figures, series, breakdowns and
    rates that can count for it; None when none can (the section is not shown at all)."""

    def counts(code: str) -> bool:
        return counts_for(REGISTRY[code], kind)

    kept = replace(
        panel,
        headline=tuple(code for code in panel.headline if counts(code)),
        series=panel.series if counts(panel.series) else "",
        breakdowns=tuple((code, dim) for code, dim in panel.breakdowns if counts(code)),
        rates=tuple(code for code in panel.rates if counts(code)),
    )
    return kept if panel_codes(kept) else None


def user_scope(user: Any, *, today: date | None = None) -> Scope | None:
    """None for a user who may read no dashboard."""
    today = today or date.today()
    panels: tuple[Panel, ...] = tuple(p for p in PANELS if _may_see(user, p))
    if not panels:
        return None
    held = user_permissions(user)

    def registers(a: Any) -> frozenset[str]:
        # Exact figures only for the registers the assignment the scope comes from opens: a
        # leader who also sits as a judge reads the province's convictions under the rule, not
        # exactly (the judge's own are exact on the court's narrowed dashboard).
        role = ROLES.get(a.role)
        return disclosure.registers_for(role.permissions & held) if role else frozenset()

    for a in active_assignments(user):
        role = ROLES.get(a.role)
        if role is not None and a.unit is not None and not role.scoped_by_agency:
            return Scope(a.unit, None, "", registers(a), panels)
    for a in active_assignments(user):
        if a.agency is not None:
            province = _province_of(a.agency.unit, today)
            if province is None:
                continue
            heir = a.agency.rollup_agency_id or a.agency.pk
            kind = _kind_of(a.agency, heir)
            # An agency's dashboard: its own prevention and enforcement figures; territory-wide
            # panels (cooperation) are for aggregate readers only.
            own = [narrowed(p, kind) for p in panels if p.code != "cooperation"]
            shown = tuple(p for p in own if p is not None)
            if shown:  # else nothing of the pillars it may read can count for its kind
                return Scope(province, heir, a.agency.name, registers(a), shown, kind)
    return None


def _kind_of(agency: Agency, heir: int) -> str:
    """The kind of the agency the figures are narrowed to (`heir`, the agency's roll-up). An
    agency that is its own roll-up, or has none, is known already; a district branch rolls up
    to the top of its own kind, but that top may since have been succeeded by another kind's
    agency, so any other roll-up's kind is read (one query)."""
    if heir == agency.pk:
        return agency.kind
    found = Agency.objects.filter(pk=heir).values_list("kind", flat=True).first()
    return found or agency.kind


def _may_see(user: Any, panel: Panel) -> bool:
    if panel.code == "watch":
        return has_perm(user, P.VIEW_WATCHLIST) or has_perm(user, P.VIEW_AGGREGATES)
    if panel.code == "cooperation":
        return has_perm(user, P.VIEW_AGGREGATES)
    return has_perm(user, panel.permission) or has_perm(user, P.VIEW_AGGREGATES)


def _province_of(unit: Unit, day: date) -> Unit | None:
    if unit.level == Level.PROVINCE:
        return unit
    if unit.rollup_province_id:
        return Unit.objects.filter(pk=unit.rollup_province_id).first()
    return None
