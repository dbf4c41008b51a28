from typing import Any

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ctip.core.access import has_perm
from ctip.core.permissions import P


class ViewOnly:
    """Another package's admin page: shown, never written (its writes would not be audited)."""

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


class CtipAdminSite(admin.AdminSite):
    """Every write through the admin is audited (issue 20, one way to write): ctip's own admin
    pages write through services or audit each save and delete; other packages' pages (groups,
    the job queue, login lockouts) are view-only; and the bulk "delete selected" action, which
    deletes without calling the page's audited delete, is removed from every page."""

    site_header = _("ctip — Quản trị hệ thống")
    site_title = "ctip"
    index_title = _("Quản trị")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.disable_action("delete_selected")

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        if not (admin_class and admin_class.__module__.startswith("ctip.")):
            base = admin_class or admin.ModelAdmin
            admin_class = type(base.__name__, (ViewOnly, base), {"__module__": base.__module__})
        super().register(model_or_iterable, admin_class, **options)

    def has_permission(self, request: Any) -> bool:
        """Staff with an administrative permission; the second factor is enforced before this
        by TwoFactorMiddleware."""
        user = request.user
        return bool(
            user.is_active
            and user.is_staff
            and (has_perm(user, P.MANAGE_USERS) or has_perm(user, P.VIEW_AUDIT))
        )

    def login(self, request: Any, extra_context: Any = None) -> Any:
        """One login for the whole site (lockout and second factor apply to the admin too)."""
        from django.contrib.auth.views import redirect_to_login
        from django.core.exceptions import PermissionDenied

        if request.user.is_authenticated:  # logged in, but no administrative role
            raise PermissionDenied
        return redirect_to_login(request.GET.get("next", "/admin/"))
