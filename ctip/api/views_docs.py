"""The OpenAPI schema and its Swagger UI page. Both are open to anyone (the schema describes the
routes and their fields, as the source does; no data), limited per client address.

Swagger UI comes from ctip's own static files (drf-spectacular-sidecar), never a CDN. The page
has nothing inline, as ctip's Content-Security-Policy requires: the split view serves its start
script as a file (`?script=`) and the template (api/swagger_ui.html) links its styles."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from ctip.api.permissions import CtipApiPermission, api_requires
from ctip.api.throttles import AddressRateThrottle
from ctip.core.access import PUBLIC


@api_requires(PUBLIC)
class SchemaView(SpectacularAPIView):
    authentication_classes = []  # type: ignore[var-annotated]
    permission_classes = [CtipApiPermission]
    throttle_classes = [AddressRateThrottle]


@api_requires(PUBLIC)
class DocsView(SpectacularSwaggerSplitView):
    authentication_classes = []  # type: ignore[var-annotated]
    permission_classes = [CtipApiPermission]
    throttle_classes = [AddressRateThrottle]
    url_name = "api:schema"
    template_name = "api/swagger_ui.html"
    # The page's title, in Vietnamese like every page (its Swagger UI is the library's own).
    title = _("Giao diện lập trình ctip (API)")  # type: ignore[assignment]  # lazy: per request
