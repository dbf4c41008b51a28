"""User management in ctip (issue 24, point 3), at /nguoi-dung/: the accounts the manager
reaches (ctip.accounts.stewardship), their roles with agency, area and period, and the
password and second-factor resets of issue 19 (ctip.accounts.recovery).

Every page needs P.MANAGE_ACCOUNTS and a second factor passed in this session, whatever the
role: whoever manages accounts can give a role that reads personal data, so a stolen password
alone must not be enough (as for break-glass reads). Every write goes through a service, which
checks the manager's reach again; a refusal is said in words and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import wraps
from typing import Any

from django.contrib import messages
from django.db.models import Case, Exists, OuterRef, Prefetch, Q, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.forms import AssignmentForm, TwoFactorRequestForm, UserCreateForm, UserForm
from ctip.accounts.history import account_history, period_words
from ctip.accounts.middleware import verify_url
from ctip.accounts.models import Assignment, TwoFactorResetRequest, User
from ctip.accounts.permissions import ROLES
from ctip.accounts.recovery import (
    password_reset_send,
    two_factor_reset_approve,
    two_factor_reset_request,
)
from ctip.accounts.services import (
    AccountError,
    assignment_grant,
    assignment_revoke,
    assignment_update,
    user_create,
    user_deactivate,
    user_reactivate,
    user_update,
)
from ctip.accounts.stewardship import (
    access_managed_assignment,
    may_change_self,
    reach,
    users_managed,
)
from ctip.agencies import labels as agency_labels
from ctip.agencies.models import Agency
from ctip.core.access import access_object, requires
from ctip.core.listing import Listing
from ctip.core.permissions import P
from ctip.core.text import fold
from ctip.geo.models import Unit

STATUSES = [
    ("active", _l("Đang làm việc")),
    ("no_role", _l("Chưa có vai trò đang hiệu lực")),
    ("locked", _l("Đã khóa")),
]
TWO_FACTOR = [("set", _l("Đã cài")), ("none", _l("Chưa cài"))]


def second_factor(view: Callable) -> Callable:
    """The manager has passed a second factor in this session; else to the 2FA page (which
    offers the first set-up to a manager who has none), then back."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_verified():  # type: ignore[union-attr]
            return redirect(verify_url(request.get_full_path()))
        return view(request, *args, **kwargs)

    return wrapped


# --- the list ----------------------------------------------------------------------------------


class UserListing(Listing):
    """Listing with filters over an account's assignments (several per account): each keeps
    the accounts having one that matches, through EXISTS, so an account is never listed twice
    and the counts stay counts of accounts."""

    def where(
        self,
        param: str,
        *,
        choices: list[tuple[str, Any]],
        label: str,
        condition: Callable[[str], Any],
    ) -> str | None:
        raw = self._raw(param)
        if not raw:
            return None
        if raw not in {value for value, _label in choices}:
            self._ignore(label)
            return None
        self.qs = self.qs.filter(condition(raw))
        self.values[param] = raw
        return raw


def _assignments_of(raw_filter: Q) -> Exists:
    return Exists(Assignment.objects.filter(raw_filter, user=OuterRef("pk")))


def _annotated(qs: Any, today: date) -> Any:
    current = Assignment.objects.valid_on(today).filter(user=OuterRef("pk"))
    totp = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    reset = TwoFactorResetRequest.objects.filter(
        user=OuterRef("pk"), status=TwoFactorResetRequest.Status.OPEN
    )
    return qs.annotate(
        status=Case(
            When(is_active=False, then=Value("locked")),
            When(Exists(current), then=Value("active")),
            default=Value("no_role"),
        ),
        two_factor=Case(When(Exists(totp), then=Value("set")), default=Value("none")),
        reset_open=Exists(reset),
    ).prefetch_related(
        Prefetch(
            "assignments",
            queryset=Assignment.objects.select_related("agency__unit", "unit").order_by(
                "role", "pk"
            ),
        )
    )


@dataclass(frozen=True)
class Row:
    """One assignment as the pages show it: in words, never codes."""

    assignment: Assignment
    role: str
    agency: str
    area: str
    period: str
    in_force: bool
    missing_agency: bool


def rows_of(assignments: Any, today: date) -> list[Row]:
    found = []
    for a in assignments:
        role = ROLES.get(a.role)
        territory = a.unit or (a.agency.unit if a.agency else None)
        found.append(
            Row(
                assignment=a,
                role=str(role.label) if role else _("vai trò khác"),
                agency=a.agency.name if a.agency else "—",
                area=territory.name if territory else "—",
                period=period_words(a.valid_from, a.valid_to),
                in_force=a.is_valid_on(today),
                missing_agency=bool(role and role.scoped_by_agency and a.agency_id is None),
            )
        )
    return found


def needs_two_factor(user: User) -> bool:
    """The account's roles read personal data (from its prefetched assignments)."""
    return user.is_superuser or any(
        ROLES[a.role].sees_personal_data
        for a in user.assignments.all()  # type: ignore[attr-defined]
        if a.role in ROLES
    )


@requires(P.MANAGE_ACCOUNTS)
@second_factor
def user_list(request: HttpRequest) -> HttpResponse:
    """The accounts the manager reaches: filters (role, agency, area, second factor), counts by
    state, sorting; the number of queries does not grow with the accounts."""
    today = date.today()
    visible = users_managed(request.user)
    theirs = Assignment.objects.filter(user__in=visible.values("pk"))
    agencies = Agency.objects.filter(pk__in=theirs.values("agency")).order_by("name", "pk")
    agency_choices = agency_labels.choices(agencies, key="pk")
    units = Unit.objects.filter(
        Q(pk__in=theirs.values("unit")) | Q(pk__in=theirs.values("agency__unit"))
    )
    unit_choices = sorted(((str(u.pk), u.name) for u in units), key=lambda c: fold(c[1]))
    role_choices = [(code, str(role.label)) for code, role in ROLES.items()]
    listing = UserListing(
        request,
        _annotated(visible, today),
        sorts={
            "username": ("username",),
            "name": ("last_name", "first_name"),
            "last_login": ("last_login",),
        },
        default_sort="username",
        counted_as=_("%(n)s người dùng"),
    )
    listing.where(
        "role",
        choices=role_choices,
        label=_("Vai trò"),
        condition=lambda raw: _assignments_of(Q(role=raw)),
    )
    listing.where(
        "agency",
        choices=agency_choices,
        label=_("Cơ quan"),
        condition=lambda raw: _assignments_of(Q(agency_id=raw)),
    )
    listing.where(
        "unit",
        choices=unit_choices,
        label=_("Địa bàn"),
        condition=lambda raw: _assignments_of(
            Q(unit_id=raw) | Q(unit__isnull=True, agency__unit_id=raw)
        ),
    )
    listing.choice(
        "two_factor", field="two_factor", choices=TWO_FACTOR, label=_("Xác thực hai lớp")
    )
    listing.counts_by("status", STATUSES)
    listing.choice("status", field="status", choices=STATUSES, label=_("Trạng thái"))
    context = listing.context()
    context.update(
        {
            "users": [
                {
                    "user": u,
                    "rows": rows_of(u.assignments.all(), today),
                    "needs_two_factor": needs_two_factor(u),
                }
                for u in context["page"]
            ],
            "statuses": STATUSES,
            "two_factor_choices": TWO_FACTOR,
            "role_choices": role_choices,
            "agency_choices": agency_choices,
            "unit_choices": unit_choices,
            "reach": _reach_words(request.user),
        }
    )
    return render(request, "accounts/users/list.html", context)


def _reach_words(user: Any) -> str:
    found = reach(user)
    if found.everyone:
        return _("Tất cả tài khoản (quản trị hệ thống).")
    return _("Tài khoản của các cơ quan, địa bàn thuộc %(area)s.") % {
        "area": ", ".join(p.name for p in found.areas)
    }


# --- one account -------------------------------------------------------------------------------


def _account(request: HttpRequest, pk: int) -> User:
    """An account the manager reaches, with its state and assignments (404 otherwise)."""
    return access_object(_annotated(users_managed(request.user), date.today()), pk)


def _may_change(request: HttpRequest, user: User) -> bool:
    """A standing office does not change its own account (stewardship.check_manage)."""
    return user.pk != request.user.pk or may_change_self(request.user)


@requires(P.MANAGE_ACCOUNTS)
@second_factor
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _account(request, pk)
    today = date.today()
    return render(
        request,
        "accounts/users/detail.html",
        {
            "account": user,
            "rows": rows_of(user.assignments.all(), today),  # type: ignore[attr-defined]
            "needs_two_factor": needs_two_factor(user),
            "status": dict(STATUSES)[user.status],  # type: ignore[attr-defined]
            "open_reset": _open_reset(user),
            "may_change": _may_change(request, user),
            "history": account_history(user),
        },
    )


def _open_reset(user: User) -> TwoFactorResetRequest | None:
    return (
        TwoFactorResetRequest.objects.filter(user=user, status=TwoFactorResetRequest.Status.OPEN)
        .select_related("requested_by")
        .order_by("-requested_at")
        .first()
    )


@requires(P.MANAGE_ACCOUNTS)
@second_factor
def user_create_view(request: HttpRequest) -> HttpResponse:
    """A new account and its first role; its owner gets the one-time link to choose a
    password (no one else ever sets or sees it)."""
    form = UserCreateForm(request.POST or None, manager=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = user_create(acting_user=request.user, **data)
        except AccountError as exc:
            form.add_error(None, str(exc))
        else:
            _send_link(request, user)
            return redirect("user_detail", pk=user.pk)
    return render(
        request,
        "accounts/users/form.html",
        {"form": form, "title": _("Tạo tài khoản"), "back": reverse("user_list")},
    )


def _send_link(request: HttpRequest, user: User) -> None:
    try:
        password_reset_send(
            user=user, link_base=request.build_absolute_uri("/"), acting_user=request.user
        )
    except AccountError as exc:
        messages.warning(request, _("Đã tạo tài khoản %(username)s.") % {"username": user.username})
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _(
                "Đã tạo tài khoản %(username)s và gửi liên kết đặt mật khẩu đến %(email)s. "
                "Người dùng tự đặt mật khẩu qua liên kết đó."
            )
            % {"username": user.username, "email": user.email},
        )


@requires(P.MANAGE_ACCOUNTS)
@second_factor
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _account(request, pk)
    initial = {f: getattr(user, f) for f in ("username", "email", "first_name", "last_name")}
    form = UserForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            user_update(user=user, acting_user=request.user, **form.cleaned_data)
        except AccountError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Đã lưu thông tin tài khoản %(username)s.")
                % {"username": form.cleaned_data["username"]},
            )
            return redirect("user_detail", pk=user.pk)
    return render(
        request,
        "accounts/users/form.html",
        {
            "form": form,
            "title": _("Sửa tài khoản %(username)s") % {"username": user.username},
            "back": reverse("user_detail", args=[user.pk]),
        },
    )


@requires(P.MANAGE_ACCOUNTS)
@second_factor
def user_active(request: HttpRequest, pk: int) -> HttpResponse:
    """Lock an account (the person left or no longer works on this) or open it again: a
    confirmation page, then the POST."""
    user = _account(request, pk)
    if request.method == "POST" and request.POST.get("active") in ("0", "1"):
        change = user_reactivate if request.POST["active"] == "1" else user_deactivate
        try:
            change(user=user, acting_user=request.user)
        except AccountError as exc:
            messages.error(request, str(exc))
        else:
            done = (
                _("Đã mở khóa tài khoản %(username)s.")
                if request.POST["active"] == "1"
                else _("Đã khóa tài khoản %(username)s: người này không đăng nhập được nữa.")
            )
            messages.success(request, done % {"username": user.username})
        return redirect("user_detail", pk=user.pk)
    return render(request, "accounts/users/active.html", {"account": user})


@requires(P.MANAGE_ACCOUNTS)
@second_factor
def user_password(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the owner a one-time link to choose a new password (issue 19: a manager never sets
    or sees one); the second factor stays."""
    user = _account(request, pk)
    if request.method == "POST":
        try:
            password_reset_send(
                user=user, link_base=request.build_absolute_uri("/"), acting_user=request.user
            )
        except AccountError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _(
                    "Đã gửi liên kết đặt mật khẩu mới đến %(email)s. Mật khẩu cũ vẫn dùng được "
                    "cho đến khi người dùng đặt mật khẩu mới."
                )
                % {"email": user.email},
            )
        return redirect("user_detail", pk=user.pk)
    return render(request, "accounts/users/password.html", {"account": user})


@requires(P.MANAGE_ACCOUNTS)
@second_factor
def user_two_factor(request: HttpRequest, pk: int) -> HttpResponse:
    """Removing a second factor takes two managers: one asks, with a reason; another approves,
    and only then the authenticator and backup codes are removed."""
    user = _account(request, pk)
    open_reset = _open_reset(user)
    form = TwoFactorRequestForm(request.POST if request.POST.get("do") == "request" else None)
    if request.method == "POST":
        try:
            if request.POST.get("do") == "approve" and open_reset is not None:
                two_factor_reset_approve(request=open_reset, acting_user=request.user)
                messages.success(
                    request,
                    _(
                        "Đã gỡ xác thực hai lớp của %(username)s; người dùng cài lại ở lần đăng "
                        "nhập tới."
                    )
                    % {"username": user.username},
                )
                return redirect("user_detail", pk=user.pk)
            if request.POST.get("do") == "request" and form.is_valid():
                two_factor_reset_request(
                    user=user, reason=form.cleaned_data["reason"], acting_user=request.user
                )
                messages.success(
                    request,
                    _(
                        "Đã ghi đề nghị gỡ xác thực hai lớp của %(username)s; một người quản lý "
                        "khác cần duyệt trước khi gỡ."
                    )
                    % {"username": user.username},
                )
                return redirect("user_detail", pk=user.pk)
        except AccountError as exc:
            messages.error(request, str(exc))
            return redirect("user_two_factor", pk=user.pk)
    return render(
        request,
        "accounts/users/two_factor.html",
        {
            "account": user,
            "form": form,
            "open_reset": open_reset,
            "may_approve": open_reset is not None
            and request.user.pk not in (open_reset.requested_by_id, open_reset.user_id),
        },
    )


# --- assignments -------------------------------------------------------------------------------


@requires(P.MANAGE_ACCOUNTS)
@second_factor
def assignment_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = _account(request, pk)
    form = AssignmentForm(request.POST or None, manager=request.user)
    return _assignment_page(
        request,
        form,
        user,
        save=lambda data: assignment_grant(user=user, acting_user=request.user, **data),
        title=_("Giao vai trò cho %(username)s") % {"username": user.username},
        done=_("Đã giao vai trò “%(role)s” cho %(username)s."),
    )


@requires(P.MANAGE_ACCOUNTS)
@second_factor
def assignment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = access_managed_assignment(request.user, pk)
    user = assignment.user
    initial = {
        "role": assignment.role,
        "agency": assignment.agency_id,
        "unit": assignment.unit.code if assignment.unit else None,
        "valid_from": assignment.valid_from,
        "valid_to": assignment.valid_to,
    }
    form = AssignmentForm(
        request.POST or None, initial=initial, manager=request.user, current=assignment
    )
    return _assignment_page(
        request,
        form,
        user,
        save=lambda data: assignment_update(
            assignment=assignment, acting_user=request.user, **data
        ),
        title=_("Sửa vai trò của %(username)s") % {"username": user.username},
        done=_("Đã lưu vai trò “%(role)s” của %(username)s."),
    )


def _assignment_page(
    request: HttpRequest,
    form: AssignmentForm,
    user: Any,
    *,
    save: Callable[[dict[str, Any]], Any],
    title: str,
    done: str,
) -> HttpResponse:
    """A role's form (grant or change): saved through `save`, the service's refusal shown on
    the form, `done` ("… %(role)s … %(username)s") said after saving."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except AccountError as exc:
            form.add_error(None, str(exc))
        else:
            role = ROLES[form.cleaned_data["role"]].label
            messages.success(request, done % {"role": role, "username": user.username})
            return redirect("user_detail", pk=user.pk)
    back = reverse("user_detail", args=[user.pk])
    return render(request, "accounts/users/form.html", {"form": form, "title": title, "back": back})


@requires(P.MANAGE_ACCOUNTS)
@second_factor
def assignment_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = access_managed_assignment(request.user, pk)
    user = assignment.user
    (row,) = rows_of([assignment], date.today())
    if request.method == "POST":
        try:
            assignment_revoke(assignment=assignment, acting_user=request.user)
        except AccountError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("Đã thu hồi vai trò “%(role)s” của %(username)s.")
                % {"role": row.role, "username": user.username},
            )
        return redirect("user_detail", pk=user.pk)
    return render(request, "accounts/users/revoke.html", {"account": user, "row": row})
