from datetime import date
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ctip.accounts.scope import has_perm, territories_granting, unit_within
from ctip.core.access import access_object, is_htmx, requires
from ctip.core.exports import safe_cell
from ctip.core.listing import attachment_name, content_disposition
from ctip.core.permissions import P
from ctip.core.validators import check_text
from ctip.geo.labels import level_label
from ctip.geo.models import Level
from ctip.geo.picker import bind_unit_pickers
from ctip.periods.locks import LockedPeriodError
from ctip.prevention.coverage import coverage_report, sort_rows
from ctip.prevention.forms import ActivityForm, CoverageForm, FilterForm, UploadForm
from ctip.prevention.import_jobs import ImportJobError, import_job_confirm, import_job_create
from ctip.prevention.importer import COLUMNS
from ctip.prevention.models import Activity, ImportJob, ImportStatus
from ctip.prevention.selectors import (
    activities_editable,
    activities_visible,
    agencies_recordable_by,
)
from ctip.prevention.services import activity_create, activity_delete, activity_update
from ctip.prevention.spreadsheets import activities_export, activities_template

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filtered(request: HttpRequest) -> tuple[FilterForm, QuerySet[Activity]]:
    form = FilterForm(request.GET or None)
    qs = activities_visible(request.user)
    if form.is_valid():
        data = form.cleaned_data
        if data["kind"]:
            qs = qs.filter(kind=data["kind"])
        if data["date_from"]:
            qs = qs.filter(start_date__gte=data["date_from"])
        if data["date_to"]:
            qs = qs.filter(start_date__lte=data["date_to"])
        if data["q"]:
            qs = qs.filter(theme__icontains=data["q"]) | qs.filter(notes__icontains=data["q"])
    return form, qs


@requires(P.VIEW_ACTIVITIES)
def activity_list(request: HttpRequest) -> HttpResponse:
    form, qs = _filtered(request)
    page = Paginator(qs.order_by("-start_date", "-pk"), 50).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "can_edit": has_perm(request.user, P.EDIT_ACTIVITIES),
        "query": request.GET.urlencode(),
    }
    template = "prevention/_rows.html" if is_htmx(request) else "prevention/list.html"
    return render(request, template, context)


@requires(P.VIEW_ACTIVITIES)
def activity_export(request: HttpRequest) -> HttpResponse:
    _form, qs = _filtered(request)
    response = HttpResponse(activities_export(qs), content_type=XLSX)
    data = _form.cleaned_data if _form.is_valid() else {}
    start, end = data.get("date_from"), data.get("date_to") or date.today()
    name = attachment_name("hoat-dong", *((start,) if start else ()), "den", end, ext="xlsx")
    response["Content-Disposition"] = content_disposition(name)
    return response


@requires(P.EDIT_ACTIVITIES)
def activity_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(activities_template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-hoat-dong.xlsx"'
    return response


@requires(P.EDIT_ACTIVITIES)
def activity_create_view(request: HttpRequest) -> HttpResponse:
    form = ActivityForm(request.POST or None, agencies=agencies_recordable_by(request.user))
    if request.method == "POST" and form.is_valid() and form.spec is not None:
        try:
            activity_create(
                spec=form.spec, acting_user=request.user, reason=form.cleaned_data["reason"]
            )
        except LockedPeriodError as exc:
            form.add_error("reason", str(exc))
        else:
            messages.success(request, _("Đã ghi hoạt động."))
            return redirect("activity_list")
    return render(request, "prevention/form.html", {"form": form})


@requires(P.EDIT_ACTIVITIES)
def activity_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access_object(activities_editable(request.user), pk)
    initial = {
        "agency": activity.agency.code,
        "kind": activity.kind,
        "start_date": activity.start_date,
        "end_date": activity.end_date,
        "unit": activity.unit.code,
        "sessions": activity.sessions,
        "participants": activity.participants,
        "participants_estimated": activity.participants_estimated,
        "media_items": activity.media_items,
        "sms": activity.sms,
        "campaign": activity.campaign,
        "theme": activity.theme,
        "notes": activity.notes,
        "target_groups": list(activity.target_groups.values_list("pk", flat=True)),
        "partners": list(activity.partners.values_list("code", flat=True)),
    }
    form = ActivityForm(
        request.POST or None, initial=initial, agencies=agencies_recordable_by(request.user)
    )
    if request.method == "POST" and form.is_valid() and form.spec is not None:
        try:
            activity_update(
                activity=activity,
                spec=form.spec,
                acting_user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except LockedPeriodError as exc:
            form.add_error("reason", str(exc))
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("activity_list")
    return render(request, "prevention/form.html", {"form": form, "activity": activity})


@requires(P.EDIT_ACTIVITIES)
def activity_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access_object(activities_editable(request.user), pk)
    error = ""
    if request.method == "POST":
        reason = request.POST.get("reason", "")
        try:
            # Over 1.000 characters (or a NUL): refused with a message, never cut.
            check_text(reason, label=_("Lý do"), max_length=1000, error=LockedPeriodError)
            activity_delete(activity=activity, acting_user=request.user, reason=reason)
        except LockedPeriodError as exc:
            error = str(exc)
        else:
            messages.success(request, _("Đã xóa hoạt động."))
            return redirect("activity_list")
    return render(request, "prevention/delete.html", {"activity": activity, "error": error})


@requires(P.EDIT_ACTIVITIES)
def import_upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = import_job_create(file=form.cleaned_data["file"], acting_user=request.user)
        except ImportJobError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("import_status", pk=job.pk)
    return render(request, "prevention/upload.html", {"form": form})


@requires(P.EDIT_ACTIVITIES)
def import_status(request: HttpRequest, pk: int) -> HttpResponse:
    job = access_object(ImportJob.objects.filter(user_id=request.user.pk or 0), pk)
    if request.method == "POST" and job.status == ImportStatus.READY:
        try:
            import_job_confirm(job_id=job.pk, acting_user=request.user)
        except ImportJobError as exc:  # confirmed twice at once, or the file already written
            messages.error(request, str(exc))
        return redirect("import_status", pk=job.pk)
    template = "prevention/_import_status.html" if is_htmx(request) else "prevention/import.html"
    return render(request, template, {"job": job, "columns": _columns()})


def _columns() -> list[tuple[str, str]]:
    return list(COLUMNS.items())


@requires(P.VIEW_ACTIVITIES)
def coverage_view(request: HttpRequest) -> HttpResponse:
    """Which communes outreach reached, flagged communes with none or little first: for the
    territory of the user's own scope by default, and only for units within it (a unit outside
    gets the same answer as a unit that does not exist)."""
    today = date.today()
    territories = territories_granting(request.user, P.VIEW_ACTIVITIES)
    if not territories:
        raise Http404
    # "format" and "sort" are not filters: a bare "?format=xlsx" exports the default view.
    params = request.GET.copy()
    for key in ("format", "sort"):
        params.pop(key, None)
    form = CoverageForm(
        params
        or {
            "province": str(territories[0].code),
            "province_text": territories[0].name,
            "structure": "new",
            "date_from": date(today.year, 1, 1),
            "date_to": today,
        }
    )
    bind_unit_pickers(form, territories=territories)
    rows: list[Any] = []
    extra: dict[str, int] = {}
    if form.is_valid():
        data = form.cleaned_data
        province = (
            unit_within(data["province"], data["date_to"], territories)
            if params
            else territories[0]
        )
        if province is None:
            form.add_error("province", _("Không có địa bàn này trong phạm vi của bạn."))
        else:
            found, extra = coverage_report(
                province=province,
                start=data["date_from"],
                end=data["date_to"],
                structure=data["structure"],
            )
            rows = sort_rows(found, request.GET.get("sort", "priority"))
    if request.GET.get("format") == "xlsx" and rows:
        response = HttpResponse(_coverage_xlsx(rows), content_type=XLSX)
        name = attachment_name(
            "do-phu-tuyen-truyen",
            province.name if province else "",
            data["date_from"],
            "den",
            data["date_to"],
            ext="xlsx",
        )
        response["Content-Disposition"] = content_disposition(name)
        return response
    query = request.GET.copy()
    query.pop("sort", None)
    # The level's words as they stood on the structure's day (issue 22: "xã, phường, đặc khu"
    # from 1/7/2025, "xã, phường, thị trấn" before).
    old = form.is_valid() and form.cleaned_data["structure"] == "old"
    day = form.cleaned_data["date_to"] if old else today
    return render(
        request,
        "prevention/coverage.html",
        {
            "form": form,
            "rows": rows,
            "extra": extra,
            "query": query.urlencode(),
            "commune_level": level_label(Level.COMMUNE, day, capitalised=True),
        },
    )


def _coverage_xlsx(rows: list) -> bytes:
    import io

    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Độ phủ")
    sheet.append(
        [
            "Mã",
            "Xã, phường",
            "Trực thuộc",
            "Đặc điểm",
            "Số hoạt động",
            "Số buổi",
            "Số lượt người",
            "Dân số",
            "Năm dân số",
            "Lượt người/1.000 dân",
            "Nguồn dân số",
        ]
    )
    for r in rows:
        sheet.append(
            [
                r.unit.code,
                safe_cell(r.unit.name),
                safe_cell(r.unit.parent.name if r.unit.parent else ""),
                ", ".join(r.flag_words),
                r.activities,
                r.sessions,
                r.participants,
                r.population,
                r.population_year,
                r.per_thousand,
                # A rate from a synthetic population says so on its own row (issue 23).
                "Dân số giả lập" if r.synthetic else safe_cell(r.population_source or ""),
            ]
        )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
