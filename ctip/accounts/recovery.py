"""Account recovery without administrator over-reach (issue 19, finding 8).

An administrator never sets or sees a password: a reset sends the user a one-time link (Django's
token, void once the password changes or the user logs in) and keeps their second factor.
Removing a second factor takes a second administrator's approval. Each step is audited, and the
user is told at the next login what administrators did to the account.
"""

from __future__ import annotations

from datetime import datetime
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
from ctip.core.audit import audit_write
from ctip.core.models import AuditEntry
from ctip.core.work import unit_of_work


class RecoveryError(ValueError):
    pass


def password_reset_send(*, user: User, link_base: str, acting_user: Any) -> None:
    """E-mail `user` a one-time link to choose a password. The password is not changed here:
    the user keeps logging in as before until they use the link."""
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
    link = link_base.rstrip("/") + path
    with unit_of_work():
        audit_write(action="accounts.password_reset_send", acting_user=acting_user, obj=user)
        # After commit: no mail for a reset that did not happen. The link is in the mail only.
        transaction.on_commit(lambda: _mail_link(user, link))


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
    with unit_of_work():
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
