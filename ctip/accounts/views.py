"""Login with a second factor: verify, first set-up, and the user's security page."""

from __future__ import annotations

import base64
from io import BytesIO
from typing import Any

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.i18n import set_language
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.forms import LoginForm, TokenForm
from ctip.accounts.language import language_save, supported
from ctip.accounts.middleware import verify_url
from ctip.accounts.recovery import notices_since
from ctip.accounts.services import (
    backup_codes_renew,
    password_save,
    second_factor_passed,
    totp_confirm,
    totp_start,
)
from ctip.core.access import authenticated, public


@public
class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: Any) -> HttpResponse:
        """Logged in: tell the user what administrators did to the account since last time."""
        user = form.get_user()
        since = user.last_login  # read before login() moves it
        response = super().form_valid(form)
        for notice in notices_since(user, since):
            messages.warning(self.request, notice)
        return response


@public
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The one-time link an administrator had sent: the user chooses the password. The second
    factor stays; the user is not logged in by the link."""

    template_name = "accounts/password_set.html"
    post_reset_login = False

    def get_success_url(self) -> str:
        return reverse("login")

    def form_valid(self, form: Any) -> HttpResponse:
        password_save(form=form, action="accounts.password_set", acting_user=form.user)
        # Django's view would save the form again: what it does after saving is redirect.
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        messages.success(self.request, _("Đã đặt mật khẩu mới. Hãy đăng nhập."))
        return HttpResponseRedirect(self.get_success_url())


@authenticated
class PasswordChangeView(auth_views.PasswordChangeView):
    """Users change their own password (the only way a password is ever chosen)."""

    template_name = "accounts/password_change.html"

    def get_success_url(self) -> str:
        return reverse("security")

    def form_valid(self, form: Any) -> HttpResponse:
        password_save(form=form, action="accounts.password_change", acting_user=form.user)
        # What Django's view does after saving: keep this session logged in, then redirect.
        update_session_auth_hash(self.request, form.user)
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return HttpResponseRedirect(self.get_success_url())


@public
class LogoutView(auth_views.LogoutView):
    pass


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"


@authenticated
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(verify_url(_next(request), "two_factor_setup"))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            second_factor_passed(device=device, acting_user=user)
            return redirect(_next(request))
        form.add_error("token", _("Mã không đúng hoặc đã dùng. Hãy thử lại."))
    return render(request, "accounts/verify.html", {"form": form, "next": _next(request)})


@authenticated
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists() and not user.is_verified():  # type: ignore[union-attr]
        # Replacing an authenticator needs the current one first.
        return redirect(verify_url(request.get_full_path()))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = totp_start(user=user, acting_user=user)  # type: ignore[arg-type]
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = totp_confirm(device=device, token=form.cleaned_data["token"], acting_user=user)
        if codes is not None:
            otp_login(request, device)
            return render(
                request, "accounts/backup_codes.html", {"codes": codes, "next": _next(request)}
            )
        form.add_error("token", _("Mã không đúng. Kiểm tra giờ trên điện thoại rồi thử lại."))
    secret = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/setup.html",
        {"form": form, "secret": secret, "qr": _qr_svg(device.config_url), "next": _next(request)},
    )


@authenticated
def security(request: HttpRequest) -> HttpResponse:
    codes = None
    if request.method == "POST" and request.POST.get("action") == "renew":
        codes = backup_codes_renew(user=request.user, acting_user=request.user)  # type: ignore[arg-type]
    has_totp = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    return render(request, "accounts/security.html", {"codes": codes, "has_totp": has_totp})


def _qr_svg(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = BytesIO()
    image.save(out)
    return out.getvalue().decode()


@public
def language_choice(request: HttpRequest) -> HttpResponse:
    """The header's language switch: Django's set_language (the cookie, for a visitor not logged
    in, and the redirect back), and for a logged-in user the choice saved on their account, so
    it holds on their next sessions and on any browser."""
    response = set_language(request)
    language = supported(request.POST.get("language")) if request.method == "POST" else None
    if language and request.user.is_authenticated:
        language_save(user=request.user, language=language, acting_user=request.user)
    return response
