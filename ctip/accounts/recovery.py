"""Account recovery without administrator over-reach (issue 19, finding 8).

An administrator never sets or sees a password: a reset sends the user a one-time link (Django's
token, void once the password changes or the user logs in) and keeps their second factor.
Removing a second factor takes a second administrator's approval. Each step is audited, and the
user is told at the next login what administrators did to the account.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.models import TwoFactorResetRequest, User
from ctip.accounts.services import two_factor_reset
from ctip.accounts.stewardship import AccountError, check_manage
from ctip.core.audit import audit_write
from ctip.core.models import AuditEntry
from ctip.core.work import unit_of_work


class RecoveryError(AccountError):
    pass


# A manager who changed an account's e-mail address does not also send its password link for
# this long: otherwise one person could take the account over (new address, then a link to it)
# while its owner only learns of it afterwards. Another manager sends it.
EMAIL_CHANGE_HOLD = timedelta(days=7)


def password_reset_send(*, user: User, link_base: str, acting_user: Any) -> None:
    """E-mail `user` a one-time link to choose a password. The password is not changed here:
    the user keeps logging in as before until they use the link. Refused to the manager who
    changed the account's address in the last EMAIL_CHANGE_HOLD."""
    with unit_of_work():
        user = User.objects.select_for_update().get(pk=user.pk)
        check_manage(acting_user, user)
        _check_not_own_email_change(acting_user, user)
        link = _link(user, link_base)
        audit_write(action="accounts.password_reset_send", acting_user=acting_user, obj=user)
        # After commit: no mail for a reset that did not happen. The link is in the mail only.
        transaction.on_commit(lambda: _mail_link(user, link))


def _check_not_own_email_change(acting_user: Any, user: User) -> None:
    """The account's audit rows (by its id) hold no change of its e-mail address by
    `acting_user` within EMAIL_CHANGE_HOLD."""
    if acting_user is None:
        return
    changed = AuditEntry.objects.filter(
        action="accounts.user_change",
        object_type=user._meta.label_lower,
        object_id=str(user.pk),
        actor=acting_user,
        changes__has_key="email",
        at__gte=timezone.now() - EMAIL_CHANGE_HOLD,
    )
    if changed.exists():
        raise RecoveryError(
            _("Một người quản lý khác phải gửi liên kết đặt mật khẩu sau khi đổi thư điện tử.")
        )


def _link(user: User, link_base: str) -> str:
    if not user.email:
        raise RecoveryError(
            _(
                "Người dùng %(username)s chưa có địa chỉ thư điện tử: hãy nhập địa chỉ rồi gửi "
                "lại liên kết."
            )
            % {"username": user.username}
        )
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return link_base.rstrip("/") + path


def _mail_link(user: User, link: str) -> None:
    send_mail(
        _("ctip: đặt mật khẩu mới"),
        _(
            "Quản trị viên đã gửi cho bạn liên kết để đặt mật khẩu mới cho tài khoản "
            "%(username)s:\n\n%(link)s\n\nLiên kết chỉ dùng được một lần. Xác thực hai lớp của "
            "bạn được giữ nguyên. Nếu bạn không đề nghị đặt lại mật khẩu, hãy báo ngay cho "
            "Cơ quan Thường trực."
        )
        % {"username": user.username, "link": link},
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )


def two_factor_reset_request(*, user: User, reason: str, acting_user: Any) -> TwoFactorResetRequest:
    if not reason.strip():
        raise RecoveryError(_("Phải ghi lý do đề nghị đặt lại xác thực hai lớp."))
    if len(reason.strip()) > 300:
        raise RecoveryError(_("Lý do dài quá 300 ký tự."))
    with unit_of_work():
        user = User.objects.select_for_update().get(pk=user.pk)
        check_manage(acting_user, user)
        if TwoFactorResetRequest.objects.filter(
            user=user, status=TwoFactorResetRequest.Status.OPEN
        ).exists():
            raise RecoveryError(
                _("Đã có một đề nghị đặt lại xác thực hai lớp của người dùng này đang chờ duyệt.")
            )
        request = TwoFactorResetRequest.objects.create(
            user=user, requested_by=acting_user, reason=reason.strip()[:300]
        )
        audit_write(
            action="accounts.two_factor_reset_request",
            acting_user=acting_user,
            obj=user,
            changes={"request": [None, request.pk]},
        )
    return request


def two_factor_reset_approve(
    *, request: TwoFactorResetRequest, acting_user: Any
) -> TwoFactorResetRequest:
    """A second administrator approves; then the user's authenticator and backup codes go."""
    if acting_user.pk in (request.requested_by_id, request.user_id):
        raise RecoveryError(
            _(
                "Đề nghị phải được một quản trị viên khác phê duyệt (không phải người đề nghị, "
                "không phải chính người dùng)."
            )
        )
    with unit_of_work():
        check_manage(acting_user, User.objects.select_for_update().get(pk=request.user_id))
        updated = TwoFactorResetRequest.objects.filter(
            pk=request.pk, status=TwoFactorResetRequest.Status.OPEN
        ).update(
            status=TwoFactorResetRequest.Status.APPROVED,
            decided_by=acting_user,
            decided_at=timezone.now(),
        )
        if not updated:
            raise RecoveryError(_("Đề nghị này đã được xử lý."))
        two_factor_reset(user=request.user, acting_user=acting_user)
        audit_write(
            action="accounts.two_factor_reset_approve",
            acting_user=acting_user,
            obj=request.user,
            changes={
                "request": [None, request.pk],
                "requested_by": [None, request.requested_by_id],
            },
        )
    request.refresh_from_db()
    return request


# What others did to an account that its owner is told at the next login.
NOTICES = {
    "accounts.password_reset_send": _l("gửi liên kết đặt lại mật khẩu"),
    "accounts.two_factor_reset": _l("đặt lại xác thực hai lớp"),
    "accounts.user_change": _l("sửa thông tin tài khoản"),
    "accounts.user_reactivate": _l("mở khóa tài khoản"),
}


def notices_since(user: User, since: datetime | None) -> list[str]:
    """Sentences for the account's owner: administrators' actions since their last login."""
    entries = AuditEntry.objects.filter(
        object_type=user._meta.label_lower,
        object_id=str(user.pk),
        action__in=list(NOTICES),
    ).exclude(actor=user)
    if since is not None:
        entries = entries.filter(at__gt=since)
    out = []
    for entry in entries.select_related("actor").order_by("at")[:20]:
        out.append(
            _("%(when)s: quản trị viên %(actor)s đã %(what)s của bạn.")
            % {
                "when": timezone.localtime(entry.at).strftime("%d/%m/%Y %H:%M"),
                "actor": entry.actor.username if entry.actor else _("(hệ thống)"),
                "what": NOTICES[entry.action],
            }
        )
    return out
