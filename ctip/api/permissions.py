"""What a token may do: scopes, each a set of ctip permissions, and the permissions no token
ever carries (personal data, case records, the watchlist, the audit log, accounts).

A request made with a token acts as the token's user with the user's roles narrowed to the
token's scopes (`ctip_token_permissions`, read by ctip.accounts.scope.user_permissions). A view
declares what it requires with `api_requires(P.X)`, which the URL-conf walk and
DeclaredViewMiddleware read (ctip.core.access) and `CtipApiPermission` enforces."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from ctip.core.access import ATTR, AUTHENTICATED, PUBLIC, has_perm
from ctip.core.permissions import P

SCOPES: dict[str, frozenset[str]] = {
    "indicators:read": frozenset({P.VIEW_DASHBOARD, P.VIEW_AGGREGATES, P.VIEW_REFERENCE}),
    "activities:read": frozenset({P.VIEW_ACTIVITIES}),
    "activities:write": frozenset({P.VIEW_ACTIVITIES, P.EDIT_ACTIVITIES}),
    "directives:read": frozenset({P.VIEW_DIRECTIVES}),
}
SCOPE_LABELS: dict[str, Any] = {
    "indicators:read": _("Đọc chỉ tiêu, số liệu tổng hợp"),
    "activities:read": _("Đọc hoạt động phòng ngừa"),
    "activities:write": _("Ghi, sửa, xóa hoạt động phòng ngừa"),
    "directives:read": _("Đọc văn bản chỉ đạo"),
}
# Never through a token, whatever its scopes and the user's roles: each opens persons' records
# or what is written about them, or changes who may do what.
NEVER_BY_TOKEN = frozenset(
    {
        P.VIEW_PERSONAL_DATA,
        P.VIEW_VICTIM_CASES,
        P.EDIT_VICTIM_CASES,
        P.SUPERVISE_VICTIM_CASES,
        P.REVIEW_DUPLICATES,
        P.VIEW_CRIMINAL_CASES,
        P.EDIT_CRIMINAL_CASES,
        P.VIEW_WATCHLIST,
        P.VIEW_AUDIT,
        P.MANAGE_USERS,
        P.MANAGE_ACCOUNTS,
        P.MANAGE_REFERENCE,
        P.EXPORT_HTCDS,
    }
)


def token_permissions(scopes: Iterable[str]) -> frozenset[str]:
    """The permissions a token with `scopes` carries (unknown scopes give nothing)."""
    found: set[str] = set()
    for scope in scopes:
        found |= SCOPES.get(scope, frozenset())
    return frozenset(found - NEVER_BY_TOKEN)


def scopes_granting(perm: str) -> list[str]:
    return sorted(code for code, perms in SCOPES.items() if perm in perms)


def api_requires(perm: str) -> Callable[[type], type]:
    """Declare (for the URL-conf walk) and enforce (CtipApiPermission) what an API view
    requires: a permission, or AUTHENTICATED (any valid token) or PUBLIC."""

    def decorate(cls: type) -> type:
        setattr(cls, ATTR, perm)
        return cls

    return decorate


WRITE_ATTR = "ctip_write_permission"


def api_writes(perm: str) -> Callable[[type], type]:
    """What the view's writing methods (POST, PUT, PATCH, DELETE) require besides what it
    declares with `api_requires` (a list that reads and creates, a record read and changed)."""

    def decorate(cls: type) -> type:
        setattr(cls, WRITE_ATTR, perm)
        return cls

    return decorate


class CtipApiPermission(BasePermission):
    """The view's declared permission (and for a write, its write permission), held by the
    token's user through the token's scopes."""

    def has_permission(self, request: Any, view: Any) -> bool:
        perm = getattr(view, ATTR, None)
        if perm == PUBLIC:
            return True
        if request.user is None or request.auth is None or perm is None:
            return False
        if perm != AUTHENTICATED and not has_perm(request.user, perm):
            return False
        write = getattr(view, WRITE_ATTR, None)
        if write is not None and request.method not in SAFE_METHODS:
            return has_perm(request.user, write)
        return True
