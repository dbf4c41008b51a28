from typing import Any

from django.apps import apps
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _

# The admin in words (issue 23): other packages' apps and models are named in English, with no
# Vietnamese catalogue of their own (the login lockout of django-axes, the job queue of
# django-q2, the second factor of django-otp). ctip's msgids are Vietnamese (docs/adr/0003), so
# their names are given here, in Vietnamese, translated to English by ctip's English catalogue.
# Only the names read at run time change (`_meta.verbose_name`, not the model's declared Meta):
# the migrations of those packages see no change. ctip's own models declare their names
# (verbose_name on every field and in Meta; tests/test_admin_names.py keeps it so).
APP_NAMES = {
    "axes": _("Khóa đăng nhập"),
    "django_q": _("Công việc nền"),
    "otp_totp": _("Xác thực hai lớp: ứng dụng"),
    "otp_static": _("Xác thực hai lớp: mã dự phòng"),
    "auth": _("Nhóm quyền"),
}
MODEL_NAMES = {
    "axes.AccessAttempt": (_("lần đăng nhập sai"), _("lần đăng nhập sai")),
    "axes.AccessFailureLog": (_("nhật ký đăng nhập sai"), _("nhật ký đăng nhập sai")),
    "axes.AccessLog": (_("nhật ký đăng nhập"), _("nhật ký đăng nhập")),
    "axes.AccessAttemptExpiration": (_("hạn khóa đăng nhập"), _("hạn khóa đăng nhập")),
    "django_q.Schedule": (_("công việc theo lịch"), _("công việc theo lịch")),
    "django_q.Success": (_("công việc đã xong"), _("công việc đã xong")),
    "django_q.Failure": (_("công việc bị lỗi"), _("công việc bị lỗi")),
    "django_q.OrmQ": (_("công việc đang chờ"), _("công việc đang chờ")),
    "django_q.Task": (_("công việc"), _("công việc")),
    "otp_totp.TOTPDevice": (_("ứng dụng xác thực"), _("ứng dụng xác thực")),
    "otp_static.StaticDevice": (_("bộ mã dự phòng"), _("bộ mã dự phòng")),
    "otp_static.StaticToken": (_("mã dự phòng"), _("mã dự phòng")),
    "auth.Group": (_("nhóm"), _("nhóm")),
    "auth.Permission": (_("quyền"), _("quyền")),
}


def _when(moment: Any) -> str:
    from django.utils import formats, timezone

    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def _axes_titles() -> None:
    """django-axes titles its records in English ("Access Log for ... @ ..."): in words."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    def failure(self: Any) -> str:
        return str(_("Đăng nhập sai: %(username)s lúc %(time)s, từ %(ip)s")) % {
            "username": self.username,
            "time": _when(self.attempt_time),
            "ip": self.ip_address,
        }

    def attempt(self: Any) -> str:
        return str(_("Lần đăng nhập sai lúc %(time)s")) % {"time": _when(self.attempt_time)}

    def log(self: Any) -> str:
        return str(_("Đăng nhập của %(username)s lúc %(time)s")) % {
            "username": self.username,
            "time": _when(self.attempt_time),
        }

    AccessFailureLog.__str__ = failure  # type: ignore[method-assign,assignment]
    AccessAttempt.__str__ = attempt  # type: ignore[method-assign,assignment]
    AccessLog.__str__ = log  # type: ignore[method-assign,assignment]


def name_other_apps() -> None:
    """Give the apps and models of APP_NAMES and MODEL_NAMES their Vietnamese names."""
    for app_label, app_name in APP_NAMES.items():
        if app_label in apps.app_configs:
            apps.app_configs[app_label].verbose_name = app_name
    for dotted, (singular, plural) in MODEL_NAMES.items():
        app_label, model_name = dotted.split(".")
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        options: Any = model._meta
        options.verbose_name, options.verbose_name_plural = singular, plural
    if "axes" in apps.app_configs:
        _axes_titles()


class CtipAdminConfig(AdminConfig):
    default_site = "ctip.core.admin_site.CtipAdminSite"

    def ready(self) -> None:
        super().ready()
        name_other_apps()
