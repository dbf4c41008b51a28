from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ctip.accounts.pickers import agencies_offered
from ctip.accounts.scope import has_perm, scoped
from ctip.agencies.selectors_scope import agency_acting_for
from ctip.core.access import access_object, is_htmx, requires
from ctip.core.listing import symbol_file_name
from ctip.core.permissions import P
from ctip.directives.forms import DocumentForm, RelationForm, SearchForm, TaskForm, TaskStatusForm
from ctip.directives.models import Task
from ctip.directives.selectors import documents_search, documents_visible, tasks_overdue
from ctip.directives.services import document_create, document_relate, task_assign, task_set_status
from ctip.geo.picker import record_day


@requires(P.VIEW_DIRECTIVES)
def document_list(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = documents_search(
        request.user,
        query=filters.get("q") or "",
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
        issuer=filters.get("issuer") or "",
    )
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    template = "directives/_rows.html" if is_htmx(request) else "directives/list.html"
    context = {
        "form": form,
        "page": page,
        "q": filters.get("q", ""),
        "can_edit": has_perm(request.user, P.EDIT_DIRECTIVES),
    }
    return render(request, template, context)


@requires(P.VIEW_DIRECTIVES)
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = access_object(documents_visible(request.user), pk)
    return render(
        request,
        "directives/detail.html",
        {
            "document": document,
            "tasks": document.tasks.select_related("agency"),  # type: ignore[attr-defined]
            "relations": document.relations_out.select_related("target"),  # type: ignore[attr-defined]
            "can_edit": has_perm(request.user, P.EDIT_DIRECTIVES),
        },
    )


@requires(P.VIEW_DIRECTIVES)
def document_file(request: HttpRequest, pk: int) -> FileResponse:
    """Files live outside the web root; they are served only through this permission check."""
    document = access_object(documents_visible(request.user), pk)
    if not document.file:  # type: ignore[attr-defined]
        raise Http404
    stored = document.file  # type: ignore[attr-defined]
    ext = stored.name.rsplit(".", 1)[-1].lower() if "." in stored.name else "bin"
    name = symbol_file_name(document.number_symbol, document.date, ext=ext)  # type: ignore[attr-defined]
    return FileResponse(stored.open("rb"), as_attachment=True, filename=name)


@requires(P.EDIT_DIRECTIVES)
def document_create_view(request: HttpRequest) -> HttpResponse:
    form = DocumentForm(request.POST or None, request.FILES or None)
    # The issuers in force on the document's date, in the user's province, each name once.
    form.fields["issuers"].queryset = agencies_offered(  # type: ignore[attr-defined]
        request.user, record_day(form, "date_issued")
    )
    agency = agency_acting_for(request.user, P.EDIT_DIRECTIVES)
    if request.method == "POST" and form.is_valid():
        if agency is None:
            form.add_error(None, _("Tài khoản chưa được phân công cho cơ quan nào."))
        else:
            try:
                document = document_create(
                    number_symbol=form.cleaned_data["number_symbol"],
                    date_issued=form.cleaned_data["date_issued"],
                    subject=form.cleaned_data["subject"],
                    issuer_name=form.cleaned_data["issuer_name"],
                    recorded_by=agency,
                    issuers=list(form.cleaned_data.get("issuers") or []),
                    file=form.cleaned_data.get("file"),
                    acting_user=request.user,
                )
            except ValueError as exc:
                field = "number_symbol" if "ký hiệu" in str(exc) else None
                form.add_error(field, str(exc))
            else:
                messages.success(request, _("Đã ghi văn bản vào sổ."))
                return redirect("document_detail", pk=document.pk)
    return render(request, "directives/create.html", {"form": form})


@requires(P.EDIT_DIRECTIVES)
def task_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = access_object(documents_visible(request.user), pk)
    form = TaskForm(request.POST or None)
    # The agencies in force on the deadline (today without one), in the user's province.
    form.fields["agency"].queryset = agencies_offered(  # type: ignore[attr-defined]
        request.user, record_day(form, "deadline")
    )
    if request.method == "POST" and form.is_valid():
        try:
            task_assign(document=document, acting_user=request.user, **form.cleaned_data)
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("document_detail", pk=document.pk)
    return render(request, "directives/task_form.html", {"form": form, "document": document})


@requires(P.EDIT_DIRECTIVES)
def task_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The agency that carries a task changes its status."""

    task = access_object(scoped(Task.objects.all(), request.user, P.EDIT_OWN_AGENCY), pk)
    form = TaskStatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            task_set_status(task=task, status=form.cleaned_data["status"], acting_user=request.user)
        except ValueError as exc:
            messages.error(request, str(exc))
        return redirect("document_detail", pk=task.document_id)  # type: ignore[attr-defined]
    return render(request, "directives/task_status.html", {"form": form, "task": task})


@requires(P.VIEW_OWN_AGENCY)
def overdue_tasks(request: HttpRequest) -> HttpResponse:
    return render(request, "directives/overdue.html", {"tasks": tasks_overdue(request.user)})


@requires(P.EDIT_DIRECTIVES)
def relation_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Link a document to one it implements, continues or replaces (found by number/symbol)."""

    document = access_object(documents_visible(request.user), pk)
    form = RelationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        symbol = " ".join(form.cleaned_data["target"].split()).replace(" ", "")
        target = documents_visible(request.user).filter(number_symbol=symbol).first()
        if target is None:
            form.add_error("target", _("Không có văn bản này trong sổ."))
        else:
            try:
                document_relate(
                    source=document,
                    target=target,
                    kind=form.cleaned_data["kind"],
                    acting_user=request.user,
                )
            except ValueError as exc:
                form.add_error(None, str(exc))
            else:
                return redirect("document_detail", pk=document.pk)
    return render(request, "directives/relation_form.html", {"form": form, "document": document})
