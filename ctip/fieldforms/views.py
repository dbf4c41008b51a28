"""The field form pages: each form's XLSForm to download, and the upload of what the tool
exported. Activities go through the import jobs of ctip.prevention (the same checks, all or
nothing, a preview before the write); watch checks are written at once by
ctip.enforcement.watchlist.watch_checks_import, after the second factor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ctip.accounts.middleware import verify_url
from ctip.core.access import requires
from ctip.core.listing import content_disposition
from ctip.core.permissions import P
from ctip.core.text import vn_int
from ctip.enforcement.watchlist import WatchImportRejected, watch_checks_import
from ctip.fieldforms.definitions import Form, watch_check_form
from ctip.fieldforms.forms import ExportUploadForm
from ctip.fieldforms.lists import activity_form_for_user
from ctip.fieldforms.xlsform import build_xlsx
from ctip.prevention.import_jobs import ImportJobError, import_job_create
from ctip.prevention.selectors import agencies_recordable_by

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def second_factor(view: Callable) -> Callable:
    """The watchlist is personal data: the session has passed the second factor (the
    middleware asks it of every role that sees personal data; this page asks it whatever)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_verified():  # type: ignore[union-attr]
            return redirect(verify_url(request.get_full_path()))
        return view(request, *args, **kwargs)

    return wrapped


def _download(form: Form) -> HttpResponse:
    response = HttpResponse(build_xlsx(form), content_type=XLSX)
    response["Content-Disposition"] = content_disposition(form.file_name)
    return response


@requires(P.EDIT_ACTIVITIES)
def activities(request: HttpRequest) -> HttpResponse:
    upload = ExportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and upload.is_valid():
        try:
            job = import_job_create(file=upload.cleaned_data["file"], acting_user=request.user)
        except ImportJobError as exc:
            upload.add_error("file", str(exc))
        else:
            return redirect("import_status", pk=job.pk)
    recording = agencies_recordable_by(request.user).valid_on(date.today())  # type: ignore[attr-defined]
    return render(
        request,
        "fieldforms/activities.html",
        {"form": upload, "agencies": list(recording.order_by("name"))},
    )


@requires(P.EDIT_ACTIVITIES)
def activities_xlsform(request: HttpRequest) -> HttpResponse:
    form = activity_form_for_user(request.user)
    if form is None:  # no agency in force to record for: nothing the form could offer
        raise Http404
    return _download(form)


@requires(P.VIEW_WATCHLIST)
@second_factor
def watch_checks(request: HttpRequest) -> HttpResponse:
    upload = ExportUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and upload.is_valid():
        try:
            done = watch_checks_import(
                name=str(upload.cleaned_data["file"].name),
                data=upload.data_bytes(),
                acting_user=request.user,
            )
        except WatchImportRejected as exc:
            errors = exc.errors
        else:
            message = _("Đã ghi %(count)s lượt kiểm tra.") % {"count": vn_int(done.written)}
            if done.skipped:
                message += " " + _("%(count)s bản ghi đã nhập trước đây, bỏ qua.") % {
                    "count": vn_int(done.skipped)
                }
            if done.rejected:
                message += " " + _(
                    "%(count)s bản ghi bị từ chối khi duyệt (trên ODK Central hoặc KoboToolbox), "
                    "bỏ qua."
                ) % {"count": vn_int(done.rejected)}
            messages.success(request, message)
            return redirect("fieldform_watch_checks")
    return render(request, "fieldforms/watch_checks.html", {"form": upload, "errors": errors})


@requires(P.VIEW_WATCHLIST)
def watch_checks_xlsform(request: HttpRequest) -> HttpResponse:
    return _download(watch_check_form())
