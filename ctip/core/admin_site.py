from typing import Any

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ctip.accounts.permissions import P


class CtipAdminSite(admin.AdminSite):
    site_header = _("ctip — Quản trị hệ thống")
    site_title = "ctip"
    index_title = _("Quản trị")

    def has_permission(self, request: Any) -> bool:
        """Staff with an administrative permission; the second factor is enforced before this
        by TwoFactorMiddleware."""
        from ctip.accounts.scope import has_perm

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
