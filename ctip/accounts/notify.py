"""Mail to an account's owner about a change a manager made that could be the start of a
takeover: a changed e-mail address is told to the OLD address, since every later mail (the
password link included) goes to the new one. After commit only, and without any record's
personal data: the account's username, who changed it and when."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.accounts.models import User


def email_change_notify(*, user: User, old: str, acting_user: Any) -> None:
    """Tell `old` (if any) that `user`'s address changed, once the change is committed. The
    new address is not in the mail: the old one may already be someone else's."""
    if not old:
        return
    actor = acting_user.username if acting_user is not None else _("(hệ thống)")
    subject = _("ctip: địa chỉ thư điện tử của tài khoản đã được thay đổi")
    body = _(
        "Địa chỉ thư điện tử của tài khoản %(username)s trong ctip đã được %(actor)s đổi sang "
        "một địa chỉ khác lúc %(when)s. Từ nay thư của ctip, kể cả liên kết đặt mật khẩu, "
        "không gửi đến địa chỉ này nữa.\n\nNếu bạn không đề nghị thay đổi này, hãy báo ngay cho "
        "Cơ quan Thường trực hoặc quản trị hệ thống."
    ) % {
        "username": user.username,
        "actor": actor,
        "when": timezone.localtime().strftime("%d/%m/%Y %H:%M"),
    }
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [old]))
