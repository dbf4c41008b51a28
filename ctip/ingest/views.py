"""Reading an agency's report into draft activities: upload or paste, then each draft corrected
and confirmed (an Activity is created) or discarded. Readings are scoped to the agencies the user
records activities for (selectors); a reading of another agency is a 404 like a missing one."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ctip.core.access import requires
from ctip.core.permissions import P
from ctip.geo.picker import area_ids, unit_path
from ctip.ingest.docx_text import DocumentError
from ctip.ingest.forms import DraftForm, ReadingForm
from ctip.ingest.models import DraftActivity, DraftState, Reading
from ctip.ingest.selectors import access_draft, access_reading, readings_visible
from ctip.ingest.services import DraftError, draft_confirm, draft_discard, reading_create
from ctip.periods.locks import LockedPeriodError
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
        waiting=Count("drafts", filter=Q(drafts__state=DraftState.DRAFT)),
        total=Count("drafts"),
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
    form = DraftForm(request.POST, draft=draft, unit_label="", area=area)
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
def draft_discard_view(request: HttpRequest, pk: int) -> HttpResponse:
    draft = access_draft(request.user, pk)
    if request.method == "POST":
        try:
            draft_discard(draft=draft, acting_user=request.user)
        except DraftError as exc:
            messages.error(request, _message(exc))
        else:
            messages.success(request, _("Đã bỏ bản ghi dự thảo."))
    return redirect("reading_detail", pk=draft.reading_id)


def _page(
    request: HttpRequest, reading: Reading, *, bound: DraftForm | None = None
) -> HttpResponse:
    """The reading's drafts, each with its sentence (numbers marked) and, while a draft, its
    form. A fixed number of queries whatever the number of drafts."""
    drafts = list(
        DraftActivity.objects.filter(reading=reading).select_related(
            "unit__parent__parent__parent", "activity"
        )
    )
    labels = {d.unit_id: unit_path(d.unit) for d in drafts if d.unit is not None}
    area = _area(request.user)
    rows = []
    for draft in drafts:
        form = None
        if draft.state == DraftState.DRAFT:
            if bound is not None and bound.prefix == f"d{draft.pk}":
                form = bound
            else:
                form = DraftForm(draft=draft, unit_label=labels.get(draft.unit_id, ""), area=area)
        rows.append({"draft": draft, "parts": marked(draft), "form": form})
    context = {"reading": reading, "rows": rows}
    return render(request, "ingest/reading.html", context)


def _area(user: Any) -> set[int]:
    return area_ids({a.unit for a in agencies_recordable_by(user).select_related("unit")})


def marked(draft: DraftActivity) -> list[tuple[str, bool]]:
    """The sentence in pieces, the figures' pieces marked (places as read by the extractor)."""
    text, parts, at = draft.sentence, [], 0
    for figure in sorted(draft.figures, key=lambda f: f["start"]):
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
