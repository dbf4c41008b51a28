"""The watchlist on the web: the commune officer's persons at risk, checks, escalation."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.pickers import bind_pickers_for
from ctip.accounts.scope import active_assignments
from ctip.core import formfields as bounded
from ctip.core.access import access_confidential, requires
from ctip.core.bounds import MAX_INTERVAL_DAYS
from ctip.core.permissions import P
from ctip.enforcement.models import WatchCategory
from ctip.enforcement.selectors import criminal_cases_visible
from ctip.enforcement.watchlist import (
    WatchError,
    watch_check,
    watch_counts_by_unit,
    watch_escalate,
    watch_open,
    watch_visible,
)
from ctip.geo.models import COMMUNE_LEVELS, Unit
from ctip.geo.picker import UnitPickerField
from ctip.geo.selectors import units_covered
from ctip.indicators import disclosure


class EntryForm(forms.Form):
    category = forms.ChoiceField(label=_l("Diện theo dõi"), choices=WatchCategory.choices)
    full_name = bounded.CharField(label=_l("Họ và tên"), max_length=200)
    address = bounded.CharField(label=_l("Địa chỉ"), required=False)
    # Only the communes of the officer's own area are offered (and accepted: watch_new).
    unit = UnitPickerField(label=_l("Xã, phường"), levels=COMMUNE_LEVELS, area_only=True)
    lawful_basis = bounded.CharField(label=_l("Căn cứ pháp lý"), max_length=300)
    purpose = bounded.CharField(label=_l("Mục đích theo dõi"), max_length=300)
    review_on = bounded.DateField(label=_l("Ngày xem xét lại (ngày/tháng/năm)"))
    check_every_days = bounded.IntegerField(
        label=_l("Kiểm tra mỗi (ngày)"), min_value=1, max_value=MAX_INTERVAL_DAYS, initial=30
    )


class CheckForm(forms.Form):
    on = bounded.DateField(label=_l("Ngày kiểm tra"), initial=date.today)
    found = forms.BooleanField(label=_l("Đã xác minh được người này"), required=False)
    result = bounded.CharField(
        label=_l("Kết quả"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


@requires(P.VIEW_WATCHLIST)
def watch_list(request: HttpRequest) -> HttpResponse:
    today = date.today()
    entries = watch_visible(request.user).filter(closed_on__isnull=True, review_on__gte=today)
    return render(request, "enforcement/watch_list.html", {"entries": entries, "today": today})


@requires(P.VIEW_WATCHLIST)
def watch_new(request: HttpRequest) -> HttpResponse:
    form = EntryForm(
        request.POST or None, initial={"review_on": date.today() + timedelta(days=180)}
    )
    bind_pickers_for(form, request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = (
            Unit.objects.valid_on(date.today())
            .filter(code=data.pop("unit"), level__in=COMMUNE_LEVELS)
            .first()
        )
        if unit is None or not _in_scope(request, unit):
            form.add_error("unit", _("Xã, phường này không thuộc địa bàn của bạn."))
        else:
            try:
                entry = watch_open(
                    unit=unit,
                    officer=request.user,
                    opened_on=date.today(),
                    acting_user=request.user,
                    **data,
                )
            except WatchError as exc:
                form.add_error(None, str(exc))
            else:
                return redirect("watch_detail", pk=entry.pk)
    return render(request, "enforcement/watch_form.html", {"form": form})


def _in_scope(request: HttpRequest, unit: Unit) -> bool:
    for assignment in active_assignments(request.user):
        territory = assignment.unit or (assignment.agency.unit if assignment.agency else None)
        if territory is not None and units_covered(territory).filter(pk=unit.pk).exists():
            return True
    return False


@requires(P.VIEW_WATCHLIST)
def watch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # The page shows who is watched (name, address): the read is logged before it is shown.
    entry = access_confidential(watch_visible(request.user), pk, user=request.user, purpose="watch")
    form = CheckForm(request.POST if "check" in request.POST else None)
    if request.method == "POST":
        try:
            if "check" in request.POST and form.is_valid():
                check = watch_check(entry=entry, acting_user=request.user, **form.cleaned_data)
                messages.success(  # every save says what it saved (issue 24)
                    request,
                    _("Đã ghi kết quả kiểm tra ngày %(day)s.") % {"day": f"{check.on:%d/%m/%Y}"},
                )
                return redirect("watch_detail", pk=entry.pk)
            if "escalate" in request.POST:
                number = request.POST.get("number", "").strip()
                # A NUL character matches no case (and PostgreSQL refuses it in a query).
                case = (
                    None
                    if "\x00" in number
                    else criminal_cases_visible(request.user).filter(number=number).first()
                )
                if case is None:
                    raise WatchError(_("Không có vụ án này trong phạm vi của bạn."))
                watch_escalate(entry=entry, criminal_case=case, acting_user=request.user)
                messages.success(
                    request, _("Đã chuyển thành vụ án %(number)s.") % {"number": case.number}
                )
                return redirect("watch_detail", pk=entry.pk)
        except WatchError as exc:
            messages.error(request, str(exc))
    return render(
        request,
        "enforcement/watch_detail.html",
        {
            "entry": entry,
            "checks": entry.checks.all(),  # type: ignore[attr-defined]
            "form": form,
            # Offered only to those who can name a criminal case (a commune officer sees none:
            # the step would always be refused).
            "can_escalate": criminal_cases_visible(request.user).exists(),
        },
    )


@requires(P.VIEW_AGGREGATES)
def watch_overdue_by_unit(request: HttpRequest) -> HttpResponse:
    """For the standing office and leaders: per commune, how many persons are watched and how
    many checks are overdue. Counts only: no name, no entry code; for a reader who does not
    open the watchlist, under ctip.indicators.disclosure (issue 19: rounded, a commune below the
    threshold not listed)."""

    data = watch_counts_by_unit(request.user)
    limit = disclosure.current_threshold()
    data["limit"] = limit
    if "enforcement.watchentry" not in disclosure.readable(request.user):
        rows = disclosure.release_table(data["rows"], ("active", "overdue"), limit)
        rows.sort(key=lambda r: (-(r["overdue"] or 0), -(r["active"] or 0), r["unit__name"]))
        data["rows"] = rows
        data["totals"] = {k: disclosure.release(v, limit) for k, v in data["totals"].items()}
        data["rule"] = _("Số người làm tròn đến bội số của %(n)s; dưới %(n)s ghi “<%(n)s”.") % {
            "n": limit
        }
    return render(request, "enforcement/watch_overdue.html", data)
