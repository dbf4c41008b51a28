"""The token pages (HTML, session): a user's own tokens, and a manager's page for the tokens of a
machine client's account. Issuing or revoking a token needs the second factor in this session,
whatever the role (ctip.accounts.middleware.verify_url sends the user there and back). A new
token's text is shown once, on the page that answers the form, and never again: that page is
never cached (no-store). A manager also creates a machine client's account here."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ctip.accounts.middleware import verify_url
from ctip.accounts.stewardship import AccountError, access_managed_user, users_managed
from ctip.api.forms import MachineClientForm, TokenForm
from ctip.api.models import ApiToken, TokenKind
from ctip.api.permissions import SCOPE_LABELS
from ctip.api.services import TokenError, machine_client_create, token_issue, token_revoke
from ctip.core.access import access_object, authenticated, has_perm, requires
from ctip.core.permissions import P


def _needs_second_factor(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_verified():  # type: ignore[union-attr]
        return redirect(verify_url(request.get_full_path()))
    return None


def _rows(tokens: Any) -> list[dict[str, Any]]:
    now = timezone.now()
    return [
        {
            "token": t,
            "scopes": [str(SCOPE_LABELS.get(s, s)) for s in t.scopes],
            "in_force": t.in_force(now),
        }
        for t in tokens
    ]


def _issue(request: HttpRequest, form: TokenForm, *, user: Any, kind: str) -> str | None:
    """The new token's text, or None with the refusal on the form."""
    data = form.cleaned_data
    try:
        _token, text = token_issue(
            user=user,
            name=data["name"],
            scopes=data["scopes"],
            expires_at=timezone.now() + timedelta(days=data["days"]),
            kind=kind,
            acting_user=request.user,
        )
    except TokenError as exc:
        form.add_error(None, str(exc))
        return None
    return text


@never_cache
@authenticated
def token_list(request: HttpRequest) -> HttpResponse:
    """The user's own tokens, and a new one."""
    refused = _needs_second_factor(request)
    if refused is not None:
        return refused
    form = TokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        issued = _issue(request, form, user=request.user, kind=TokenKind.PERSONAL)
        if issued is not None:
            form = TokenForm()
    tokens = ApiToken.objects.filter(user_id=request.user.pk or 0, kind=TokenKind.PERSONAL)
    return render(
        request,
        "api/tokens.html",
        {"form": form, "issued": issued, "rows": _rows(tokens), "account": None},
    )


@never_cache
@requires(P.MANAGE_ACCOUNTS)
def machine_tokens(request: HttpRequest, pk: int) -> HttpResponse:
    """The tokens of a machine client's account the manager reaches (stewardship)."""
    refused = _needs_second_factor(request)
    if refused is not None:
        return refused
    account = access_managed_user(request.user, pk)
    form = TokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        issued = _issue(request, form, user=account, kind=TokenKind.MACHINE)
        if issued is not None:
            form = TokenForm()
    tokens = ApiToken.objects.filter(user=account, kind=TokenKind.MACHINE)
    return render(
        request,
        "api/tokens.html",
        {"form": form, "issued": issued, "rows": _rows(tokens), "account": account},
    )


@requires(P.MANAGE_ACCOUNTS)
def machine_client_new(request: HttpRequest) -> HttpResponse:
    """A new machine client's account and its first role, then its tokens' page."""
    refused = _needs_second_factor(request)
    if refused is not None:
        return refused
    form = MachineClientForm(request.POST or None, manager=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            account = machine_client_create(acting_user=request.user, **form.cleaned_data)
        except AccountError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("api:machine_tokens", pk=account.pk)
    return render(
        request,
        "accounts/users/form.html",
        {
            "form": form,
            "title": _("Tạo tài khoản cho hệ thống kết nối"),
            "back": reverse("user_list"),
        },
    )


@authenticated
def token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke one's own token, or a machine client's token of an account one manages."""
    refused = _needs_second_factor(request)
    if refused is not None:
        return refused
    token = access_object(_revocable(request), pk)
    if token.user_id == request.user.pk:
        back = reverse("api:token_list")
    else:
        back = reverse("api:machine_tokens", args=[token.user_id])
    if request.method == "POST":
        try:
            token_revoke(token=token, acting_user=request.user)
        except TokenError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Đã thu hồi mã truy cập."))
        return redirect(back)
    return render(request, "api/token_revoke.html", {"token": token, "back": back})


def _revocable(request: HttpRequest) -> Any:
    own = ApiToken.objects.filter(user_id=request.user.pk or 0, kind=TokenKind.PERSONAL)
    if not has_perm(request.user, P.MANAGE_ACCOUNTS):
        return own
    managed = ApiToken.objects.filter(kind=TokenKind.MACHINE, user__in=users_managed(request.user))
    return own | managed
