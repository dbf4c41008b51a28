"""Deny by default: every view declares what it requires.

`@requires(P.X)` marks and enforces a permission; `@public` marks the few views anyone may open
(login, language switch). DeclaredViewMiddleware refuses any view that declares nothing, and a test
walks the URL conf for the same. `access_object` gives one 404 for missing and forbidden.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Protocol

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from ctip.core.audit import audit_read

PUBLIC = "public"


class Actors(Protocol):
    """What the kernel needs to know about the acting user, provided by the accounts app above
    it (AccountsConfig.ready): the permissions of the user's active roles, and the agencies
    whose assignments grant a permission."""

    def permissions(self, user: Any) -> frozenset[str]: ...

    def agencies(self, user: Any, perm: str) -> list[Any]: ...


_actors: Actors | None = None


def provide_actors(source: Actors) -> None:
    global _actors
    _actors = source


def actors() -> Actors:
    if _actors is None:
        raise ImproperlyConfigured("ctip.accounts provides the acting users (provide_actors)")
    return _actors


def user_permissions(user: Any) -> frozenset[str]:
    return actors().permissions(user)


def has_perm(user: Any, perm: str) -> bool:
    return perm in actors().permissions(user)


def own_agencies(user: Any, perm: str) -> list[Any]:
    """The agencies of the user's active assignments whose role grants `perm`."""
    return actors().agencies(user, perm)


ATTR = "ctip_permission"


def requires(perm: str) -> Callable:
    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_perm(request.user, perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        setattr(wrapped, ATTR, perm)
        return wrapped

    return decorate


AUTHENTICATED = "authenticated"


def authenticated(view: Callable) -> Callable:
    """Any logged-in user, whatever their roles (their own account pages). Works on a function
    view and on a class-based view (its dispatch is guarded)."""
    if isinstance(view, type):
        dispatch = view.dispatch  # type: ignore[attr-defined]

        def guarded(self: Any, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            return dispatch(self, request, *args, **kwargs)

        view.dispatch = guarded  # type: ignore[attr-defined]
        setattr(view, ATTR, AUTHENTICATED)
        return view

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    setattr(wrapped, ATTR, AUTHENTICATED)
    return wrapped


def public(view: Callable) -> Callable:
    setattr(view, ATTR, PUBLIC)
    return view


def declared_permission(view: Callable) -> str | None:
    """What a resolved view declares, looking through class-based view wrappers."""
    found = getattr(view, ATTR, None)
    if found is None and hasattr(view, "view_class"):
        found = getattr(view.view_class, ATTR, None)
    return found


# The admin site checks its own permission (CtipAdminSite.has_permission) on every view.
DECLARED_NAMESPACES = frozenset({"admin"})


def undeclared_views(patterns: list, prefix: str = "") -> list[str]:
    """Routes under `patterns` whose view declares no permission (admin namespace excepted)."""
    from django.urls import URLPattern, URLResolver

    found: list[str] = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in DECLARED_NAMESPACES:
                continue
            found += undeclared_views(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and declared_permission(entry.callback) is None:
            found.append(prefix + str(entry.pattern))
    return found


class DeclaredViewMiddleware:
    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Callable, args: Any, kwargs: Any) -> None:
        match = request.resolver_match
        if match is not None and DECLARED_NAMESPACES & set(match.namespaces):
            return None
        if declared_permission(view) is None:
            raise PermissionDenied("view declares no permission")
        return None


def access_object[M: Model](qs: QuerySet[M], pk: Any) -> M:
    """The object `pk` of an already scoped queryset, or 404 (missing and forbidden alike)."""
    try:
        return qs.get(pk=pk)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None


def is_htmx(request: HttpRequest) -> bool:
    """A partial-page request from htmx (it sends HX-Request: true)."""
    return request.headers.get("HX-Request") == "true"


def access_confidential[M: Model](qs: QuerySet[M], pk: Any, *, user: Any, purpose: str = "") -> M:
    """Like access_object, and the read is logged (who, when, which record) before it is shown."""

    obj = access_object(qs, pk)
    audit_read(acting_user=user, obj=obj, purpose=purpose)
    return obj
