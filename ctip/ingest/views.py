"""Reading an agency's report into draft activities: upload or paste, then each draft corrected
and confirmed (an Activity is created) or discarded. Readings are scoped to the agencies the user
records activities for (selectors); a reading of another agency is a 404 like a missing one."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ctip.accounts.pickers import user_territories
from ctip.accounts.scope import has_perm
from ctip.agencies import labels as agency_labels
from ctip.agencies.selectors import offered_on
from ctip.core.access import requires
from ctip.core.permissions import P
from ctip.enforcement.selectors import investigating_agency
from ctip.geo.picker import area_ids, unit_path
from ctip.geo.selectors import unit_by_code
from ctip.ingest.docx_text import DocumentError
from ctip.ingest.forms import Choices, DraftCaseForm, DraftForm, ReadingForm
from ctip.ingest.models import DraftActivity, DraftCase, DraftState, Reading
from ctip.ingest.selectors import (
    access_draft,
    access_draft_case,
    access_reading,
    readings_visible,
)
from ctip.ingest.services import (
    DraftError,
    draft_case_open,
    draft_confirm,
    draft_discard,
    draft_update,
    reading_create,
)
from ctip.periods.locks import LockedPeriodError
from ctip.prevention.forms import partner_choices
from ctip.prevention.selectors import agencies_recordable_by


@requires(P.EDIT_ACTIVITIES)
def reading_new(request: HttpRequest) -> HttpResponse:
    agencies = list(agencies_recordable_by(request.user).order_by("-valid_from", "name"))
    form = ReadingForm(request.POST or None, request.FILES or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data.get("file")
        try:
            reading = reading_create(
                agency=data["agency_obj"],
                acting_user=request.user,
                text=data.get("text") or "",
                file_bytes=upload.read() if upload else None,
            )
        except (DocumentError, DraftError) as exc:
            form.add_error(None, _message(exc))
        else:
            return redirect("reading_detail", pk=reading.pk)
    readings = readings_visible(request.user).annotate(
        waiting=Count("drafts", filter=Q(drafts__state=DraftState.DRAFT), distinct=True)
        + Count("case_drafts", filter=Q(case_drafts__state=DraftState.DRAFT), distinct=True),
        total=Count("drafts", distinct=True) + Count("case_drafts", distinct=True),
    )[:20]
    return render(request, "ingest/new.html", {"form": form, "readings": readings})


@requires(P.EDIT_ACTIVITIES)
def reading_detail(request: HttpRequest, pk: int) -> HttpResponse:
    reading = access_reading(request.user, pk)
    return _page(request, reading)


@requires(P.EDIT_ACTIVITIES)
def draft_confirm_view(request: HttpRequest, pk: int) -> HttpResponse:
    draft = access_draft(request.user, pk)
    if request.method != "POST":
        return redirect("reading_detail", pk=draft.reading_id)
    area = _area(request.user)
    form = DraftForm(
        request.POST, draft=draft, unit_label="", area=area, choices=_choices(request.user, [draft])
    )
    if form.is_valid():
        try:
            draft_confirm(
                draft=draft,
                values=form.values(),
                acting_user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except LockedPeriodError as exc:
            form.add_error("reason", str(exc))
        except DraftError as exc:
            form.add_error(None, _message(exc))
        else:
            messages.success(request, _("Đã ghi hoạt động từ câu trong báo cáo."))
            return redirect("reading_detail", pk=draft.reading_id)
    return _page(request, draft.reading, bound=form)


@requires(P.EDIT_ACTIVITIES)
def draft_save_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The corrections kept, the draft left to confirm later."""
    draft = access_draft(request.user, pk)
    if request.method != "POST":
        return redirect("reading_detail", pk=draft.reading_id)
    choices = _choices(request.user, [draft])
    form = DraftForm(
        request.POST,
        draft=draft,
        unit_label="",
        area=_area(request.user),
        choices=choices,
        partial=True,
    )
    if form.is_valid():
        try:
            draft_update(draft=draft, values=form.values(), acting_user=request.user)
        except DraftError as exc:
            form.add_error(None, _message(exc))
        else:
            messages.success(request, _("Đã lưu sửa đổi; hoạt động chưa được ghi."))
            return redirect(f"{_reading_url(draft.reading_id)}#du-thao-{draft.pk}")
    return _page(request, draft.reading, bound=form)


@requires(P.EDIT_ACTIVITIES)
def draft_discard_view(request: HttpRequest, pk: int) -> HttpResponse:
    draft = access_draft(request.user, pk)
    return _discard(request, draft)


@requires(P.EDIT_CRIMINAL_CASES)
def draft_case_open_view(request: HttpRequest, pk: int) -> HttpResponse:
    """One case opened from a draft case, by an investigator of the reading's agency."""
    draft = access_draft_case(request.user, pk)
    if request.method != "POST":
        return redirect("reading_detail", pk=draft.reading_id)
    opened = list(draft.opened.all())
    form = DraftCaseForm(request.POST, draft=draft, opened=opened, area=_case_area(request.user))
    if form.is_valid():
        data = dict(form.cleaned_data)
        unit = unit_by_code(data.pop("unit"), day=data["detected_on"])
        if unit is None:
            form.add_error("unit", _("Không có đơn vị mã này vào ngày phát hiện."))
        else:
            try:
                case = draft_case_open(
                    draft=draft, values=data | {"unit": unit}, acting_user=request.user
                )
            except DraftError as exc:
                form.add_error(None, _message(exc))
            else:
                messages.success(
                    request,
                    _("Đã lập vụ án %(number)s từ câu trong báo cáo.") % {"number": case.number},
                )
                return redirect(f"{_reading_url(draft.reading_id)}#vu-du-thao-{draft.pk}")
    return _page(request, draft.reading, bound_case=form)


@requires(P.EDIT_CRIMINAL_CASES)
def draft_case_discard_view(request: HttpRequest, pk: int) -> HttpResponse:
    draft = access_draft_case(request.user, pk)
    return _discard(request, draft)


def _discard(request: HttpRequest, draft: DraftActivity | DraftCase) -> HttpResponse:
    if request.method == "POST":
        try:
            draft_discard(draft=draft, acting_user=request.user)
        except DraftError as exc:
            messages.error(request, _message(exc))
        else:
            messages.success(request, _("Đã bỏ bản ghi dự thảo."))
    return redirect("reading_detail", pk=draft.reading_id)


def _reading_url(pk: int) -> str:
    return reverse("reading_detail", kwargs={"pk": pk})


def _page(
    request: HttpRequest,
    reading: Reading,
    *,
    bound: DraftForm | None = None,
    bound_case: DraftCaseForm | None = None,
) -> HttpResponse:
    """The reading's drafts, each with its sentence (numbers marked) and, while a draft, its
    form. A fixed number of queries whatever the number of drafts."""
    drafts = list(
        DraftActivity.objects.filter(reading=reading).select_related(
            "unit__parent__parent__parent", "activity", "agency", "reading__agency"
        )
    )
    labels = {d.unit_id: unit_path(d.unit) for d in drafts if d.unit is not None}
    area = _area(request.user)
    choices = _choices(request.user, drafts)
    rows = []
    for draft in drafts:
        form = None
        if draft.state == DraftState.DRAFT:
            if bound is not None and bound.prefix == f"d{draft.pk}":
                form = bound
            else:
                label = labels.get(draft.unit_id, "")
                form = DraftForm(draft=draft, unit_label=label, area=area, choices=choices)
        rows.append({"draft": draft, "parts": marked(draft), "form": form})
    context = {"reading": reading, "rows": rows, "cases": _case_rows(request, reading, bound_case)}
    return render(request, "ingest/reading.html", context)


def _case_rows(
    request: HttpRequest, reading: Reading, bound: DraftCaseForm | None
) -> list[dict[str, Any]]:
    """The draft cases, each with the cases opened from it and, for an investigator of the
    reading's agency while it is a draft, the form of the next case to open."""
    drafts = list(
        DraftCase.objects.filter(reading=reading).prefetch_related("opened").order_by("position")
    )
    if not drafts:
        return []
    may_record = has_perm(request.user, P.EDIT_CRIMINAL_CASES)
    owner = investigating_agency(request.user) if may_record else None
    may_open = owner is not None and owner.pk == reading.agency_id
    area = _case_area(request.user) if may_open else set()
    rows = []
    for draft in drafts:
        opened = list(draft.opened.all())
        form = None
        if may_open and draft.state == DraftState.DRAFT:
            if bound is not None and bound.prefix == f"c{draft.pk}":
                form = bound
            else:
                form = DraftCaseForm(draft=draft, opened=opened, area=area)
        rows.append(
            {
                "draft": draft,
                "parts": marked(draft),
                "opened": opened,
                "left": max(draft.cases - len(opened), 0),
                "form": form,
                "may_open": may_open,
            }
        )
    return rows


def _choices(user: Any, drafts: list[DraftActivity]) -> Choices:
    """The agencies the user records for (in force today, and those the drafts already name),
    and the partners of their province: read once for all the page's drafts."""
    today = date.today()
    agencies = list(agencies_recordable_by(user).select_related("unit__rollup_province"))
    own = {a.pk: a for a in offered_on(agencies_recordable_by(user), today)}
    for draft in drafts:
        for agency in (draft.agency, draft.reading.agency):
            if agency is not None:
                own.setdefault(agency.pk, agency)
    kept = {code for d in drafts for code in d.partners}
    return Choices(
        agencies=agency_labels.choices(sorted(own.values(), key=lambda a: (a.name, a.pk))),
        partners=partner_choices(agencies, today, keep=kept) if agencies else [],
    )


def _case_area(user: Any) -> set[int]:
    return area_ids(user_territories(user))


def _area(user: Any) -> set[int]:
    return area_ids({a.unit for a in agencies_recordable_by(user).select_related("unit")})


def marked(draft: DraftActivity | DraftCase) -> list[tuple[str, bool]]:
    """The sentence in pieces, the figures' pieces marked (places as read by the extractor)."""
    text, parts, at = draft.sentence, [], 0
    # A figure inside what masking hid has no place left: its value stays, unmarked.
    placed = [f for f in draft.figures if "start" in f and "end" in f]
    for figure in sorted(placed, key=lambda f: f["start"]):
        start, end = int(figure["start"]), int(figure["end"])
        if start < at or end > len(text):
            continue
        parts += [(text[at:start], False), (text[start:end], True)]
        at = end
    parts.append((text[at:], False))
    return [p for p in parts if p[0]]


def _message(exc: Exception) -> str:
    if hasattr(exc, "messages"):
        return " ".join(str(m) for m in exc.messages)
    return str(exc)
