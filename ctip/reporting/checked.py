"""An agency's written part checked against its data (issue 25, point 3): the figures in its
text (ctip.ingest.extract) beside the same indicators of that agency over the request's period,
each marked "matches", "differs" or "not comparable". Nothing is stored: the check runs on the
page that shows it, one `compute` call per part whatever the length of the text.

Only kinds whose words mean what an indicator counts are compared (MAPPED); the others
(banners, meetings, trainings, leaflets, communes, volunteers...) are listed as not comparable:
an indicator that counts activity records of a kind is not the number of banners hung, and the
volunteer counts have no agency breakdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from ctip.agencies.models import Kind
from ctip.indicators.queries import compute
from ctip.indicators.registry import REGISTRY
from ctip.ingest.extract import Figure, extract
from ctip.ingest.text import normalise
from ctip.reporting.models import Contribution, ReportRequest

MATCHES, DIFFERS, NOT_COMPARABLE = "matches", "differs", "not comparable"

# Extractor kind -> the indicator counting the same thing, by default.
MAPPED: dict[str, str] = {
    "sessions": "prevention.sessions",
    "participants": "prevention.participants",
    "media_items": "prevention.media_items",
    "sms": "prevention.sms",
    "cases": "enforcement.cases_detected",
    "suspects": "enforcement.suspects",
    "victims": "victims.received",
    "inspections": "enforcement.inspections",
    "documents": "directives.documents",
}
# The verb just before a figure says which count it is: "khởi tố 5 vụ" are cases instituted,
# not detected; "xác định 3 nạn nhân" people identified, not received. The last verb wins.
BY_VERB: dict[str, tuple[tuple[str, str], ...]] = {
    "cases": (
        ("phát hiện", "enforcement.cases_detected"),
        ("khởi tố", "enforcement.cases_instituted"),
        ("truy tố", "enforcement.cases_indicted"),
        ("xét xử", "enforcement.cases_tried"),
    ),
    "victims": (
        ("tiếp nhận", "victims.received"),
        ("giải cứu", "victims.received"),
        ("xác định", "victims.identified"),
    ),
}
# "bị can", "bị cáo" are people charged or tried: no indicator counts them by agency.
NOT_SUSPECTS = ("bị can", "bị cáo")
_VERB_WINDOW = 60  # characters before a figure where its verb is looked for
# "gần 600" is at most this share below 600 (600 -> 580..599); "khoảng" this share either side.
NEARLY_SHARE = 1 / 30
ABOUT_SHARE = 0.10


@dataclass(frozen=True)
class Check:
    slot: str
    figure: Figure
    written: str  # bound, number and noun as written: "hơn 3.000 lượt người"
    indicator: str | None
    label: str
    data: int | None  # the agency's value, from the indicator registry
    verdict: str  # MATCHES, DIFFERS or NOT_COMPARABLE
    reason: str  # why not comparable, in words

    @property
    def differs(self) -> bool:
        return self.verdict == DIFFERS

    @property
    def matches(self) -> bool:
        return self.verdict == MATCHES


def indicator_for(figure: Figure, before: str) -> str | None:
    """The indicator a figure states, or None when none counts the same thing."""
    if figure.kind == "suspects" and figure.unit_noun.lower().startswith(NOT_SUSPECTS):
        return None
    code = MAPPED.get(figure.kind)
    before = before.lower()
    best = -1
    for verb, verb_code in BY_VERB.get(figure.kind, ()):
        at = before.rfind(verb)
        if at > best:
            best, code = at, verb_code
    return code


def agrees(bound: str, written: int, data: int, upper: int | None = None) -> bool:
    """Whether the data bears out the figure as written, its bound word respected; a range
    ("từ 30 đến 50 người") holds any value between its ends."""
    if bound == "range" and upper is not None:
        return written <= data <= upper
    if bound == "more_than":
        return data > written
    if bound == "nearly":
        return written - max(1, int(written * NEARLY_SHARE)) <= data < written
    if bound == "about":
        return abs(data - written) <= written * ABOUT_SHARE
    if bound == "at_least":
        return data >= written
    if bound == "at_most":
        return data <= written
    return data == written


def _foreign(figure: Figure, contribution: Contribution) -> bool:
    """Another agency's figure: named in the text, and not of the writing agency's kind (the
    name as written does not say which agency of a kind it is: the writer's, we take it)."""
    return figure.agency is not None and figure.agency_kind != contribution.agency.kind


def _other_kind(code: str, contribution: Contribution) -> bool:
    """A figure only agencies of other kinds are counted for ("xét xử 5 vụ" in the police's
    part: the court's judgments): its data for this agency is 0 by definition, so comparing
    would flag every such sentence (`Indicator.agency_kinds`)."""
    indicator = REGISTRY[code]
    return bool(indicator.agency_kinds) and not indicator.counts_for_kind(contribution.agency.kind)


def _other_period(figure: Figure, request: ReportRequest) -> bool:
    period = figure.period
    if period is None:
        return False
    return (period.start, period.end) != (request.period_start, request.period_end)


def _planned(contribution: Contribution) -> list[tuple[str, Figure, str, str | None, str]]:
    """(slot, figure, written, indicator, reason) for every figure of the part's text."""
    request = contribution.request
    found = []
    for slot, raw in sorted(contribution.narratives.items()):
        text = normalise(raw or "")
        for figure in extract(text):
            start, end = figure.span
            code = indicator_for(figure, text[max(0, start - _VERB_WINDOW) : start])
            reason = ""
            if code is None:
                reason = _("không có chỉ tiêu tương ứng")
            elif _foreign(figure, contribution):
                reason = _("số liệu của cơ quan khác (%(agency)s)") % {"agency": figure.agency}
            elif _other_kind(code, contribution):
                reason = _("chỉ tiêu chỉ tính cho %(kinds)s") % {
                    "kinds": ", ".join(str(Kind(k).label) for k in REGISTRY[code].agency_kinds)
                }
            elif _other_period(figure, request):
                reason = _("kỳ khác với kỳ báo cáo (%(period)s)") % {
                    "period": figure.period.text  # type: ignore[union-attr]
                }
            found.append((slot, figure, text[start:end], code if not reason else None, reason))
    return found


def _values(contribution: Contribution, codes: set[str]) -> dict[str, dict[str, Any]]:
    """The agency's value of each indicator over the request's period: one `compute` call (one
    query per batch of indicators over the same records), however many figures were written."""
    if not codes:
        return {}
    request, agency = contribution.request, contribution.agency
    rows = compute(
        sorted(codes),
        unit=request.unit,
        start=request.period_start,
        end=request.period_end,
        where={"agency": agency.rollup_agency_id or agency.pk},
    )
    return {r["indicator"]: r for r in rows}


def check_contribution(
    contribution: Contribution,
    *,
    planned: list[tuple[str, Figure, str, str | None, str]] | None = None,
    values: dict[str, dict[str, Any]] | None = None,
) -> list[Check]:
    """Each figure of the part's text, compared with the agency's data where it can be;
    `planned` and `values` when the caller read them already (a request's parts together)."""
    if planned is None:
        planned = _planned(contribution)
    if values is None:
        values = _values(contribution, {code for *_rest, code, _r in planned if code})
    checks = []
    for slot, figure, written, code, reason in planned:
        row = values.get(code) if code else None
        if code and row is None:
            reason = _("chỉ tiêu không tính riêng theo cơ quan")
        if row is None:
            checks.append(Check(slot, figure, written, None, "", None, NOT_COMPARABLE, reason))
            continue
        data = int(row["value"] or 0)
        verdict = MATCHES if agrees(figure.bound, figure.value, data, figure.upper) else DIFFERS
        checks.append(Check(slot, figure, written, code, str(row["label"]), data, verdict, ""))
    return checks


def mismatches(contribution: Contribution) -> int:
    return sum(1 for c in check_contribution(contribution) if c.differs)


def request_mismatches(request: ReportRequest | None) -> list[tuple[Contribution, int]]:
    """(part, number of figures that differ from its data) for each part of the request with
    text, by agency name: shown before the report is issued. One `compute` for all the parts
    (grouped by agency), so the page's queries do not grow with the number of parts."""
    if request is None:
        return []
    parts = [
        part
        for part in Contribution.objects.filter(request=request)
        .select_related("agency__rollup_agency", "request__unit")
        .order_by("agency__name", "pk")
        if any((text or "").strip() for text in part.narratives.values())
    ]
    planned = {part.pk: _planned(part) for part in parts}
    codes = {code for rows in planned.values() for *_rest, code, _r in rows if code}
    by_agency = _values_by_agency(request, codes)
    found = []
    for part in parts:
        agency = part.agency.rollup_agency or part.agency
        values = {code: row for (code, key), row in by_agency.items() if key == agency.code}
        # An indicator kept by agency with no group for this one: the agency's value is 0.
        values |= {
            code: {"value": 0, "label": REGISTRY[code].label}
            for code in codes - set(values)
            if "agency" in REGISTRY[code].dimensions
        }
        checks = check_contribution(part, planned=planned[part.pk], values=values)
        found.append((part, sum(1 for c in checks if c.differs)))
    return found


def _values_by_agency(
    request: ReportRequest, codes: set[str]
) -> dict[tuple[str, str], dict[str, Any]]:
    """{(indicator, agency code): row} over the request's period, every agency at once."""
    if not codes:
        return {}
    rows = compute(
        sorted(codes),
        unit=request.unit,
        start=request.period_start,
        end=request.period_end,
        by=("agency",),
    )
    return {(r["indicator"], (r.get("agency") or {}).get("code", "")): r for r in rows}
