from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ctip.accounts.permissions import P
from ctip.accounts.scope import has_perm
from ctip.core.access import access_object, is_htmx, requires
from ctip.core.jobs import enqueue
from ctip.core.sealed import seal
from ctip.core.validators import check_text
from ctip.prevention.forms import ActivityForm, FilterForm, UploadForm
from ctip.prevention.models import Activity, ImportJob, ImportStatus
from ctip.prevention.selectors import (
    activities_editable,
    activities_visible,
    agencies_recordable_by,
)
from ctip.prevention.services import activity_create, activity_delete, activity_update
from ctip.prevention.spreadsheets import activities_export, activities_template
from ctip.reporting.locks import LockedPeriodError

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
    response["Content-Disposition"] = 'attachment; filename="hoat-dong-tuyen-truyen.xlsx"'
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
        upload = form.cleaned_data["file"]
        with transaction.atomic():
            sealed = seal(content=upload, name=str(upload.name))
            job = ImportJob.objects.create(
                user=request.user,  # type: ignore[misc]
                file_name=upload.name[:200],
                file=sealed,
            )
        enqueue("ctip.prevention.jobs.check_import", job.pk)
        return redirect("import_status", pk=job.pk)
    return render(request, "prevention/upload.html", {"form": form})


@requires(P.EDIT_ACTIVITIES)
def import_status(request: HttpRequest, pk: int) -> HttpResponse:
    job = access_object(ImportJob.objects.filter(user_id=request.user.pk or 0), pk)
    if request.method == "POST" and job.status == ImportStatus.READY:
        ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.WRITING)
        enqueue("ctip.prevention.jobs.write_import", job.pk)
        return redirect("import_status", pk=job.pk)
    template = "prevention/_import_status.html" if is_htmx(request) else "prevention/import.html"
    return render(request, template, {"job": job, "columns": _columns()})


def _columns() -> list[tuple[str, str]]:
    from ctip.prevention.importer import COLUMNS

    return list(COLUMNS.items())


@requires(P.VIEW_ACTIVITIES)
def coverage_view(request: HttpRequest) -> HttpResponse:
    """Which communes outreach reached, flagged communes with none or little first. Aggregates
    only: no personal data, so every role that reads activities may see the whole province."""
    from datetime import date

    from django.core.management.base import CommandError

    from ctip.core.management.commands.indicators import resolve_unit
    from ctip.prevention.coverage import above_commune, coverage, sort_rows
    from ctip.prevention.forms import CoverageForm

    today = date.today()
    form = CoverageForm(
        request.GET
        or {
            "province": "Quảng Ngãi",
            "structure": "new",
            "date_from": date(today.year, 1, 1),
            "date_to": today,
        }
    )
    rows, extra = [], {}
    if form.is_valid():
        data = form.cleaned_data
        try:
            province = resolve_unit(data["province"], data["date_to"])
        except CommandError:
            form.add_error("province", _("Không tìm thấy tỉnh này vào ngày cuối kỳ."))
        else:
            rows = sort_rows(
                coverage(
                    province=province,
                    start=data["date_from"],
                    end=data["date_to"],
                    structure=data["structure"],
                ),
                request.GET.get("sort", "priority"),
            )
            extra = above_commune(province=province, start=data["date_from"], end=data["date_to"])
    if request.GET.get("format") == "xlsx" and rows:
        response = HttpResponse(_coverage_xlsx(rows), content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="do-phu-tuyen-truyen.xlsx"'
        return response
    query = request.GET.copy()
    query.pop("sort", None)
    return render(
        request,
        "prevention/coverage.html",
        {"form": form, "rows": rows, "extra": extra, "query": query.urlencode()},
    )


def _coverage_xlsx(rows: list) -> bytes:
    import io

    from openpyxl import Workbook

    from ctip.core.exports import safe_cell

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
        ]
    )
    for r in rows:
        sheet.append(
            [
                r.unit.code,
                safe_cell(r.unit.name),
                safe_cell(r.unit.parent.name if r.unit.parent else ""),
                ", ".join(r.flags),
                r.activities,
                r.sessions,
                r.participants,
                r.population,
                r.population_year,
                r.per_thousand,
            ]
        )
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
