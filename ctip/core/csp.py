"""Content-Security-Policy on every response (issue 19, "Also").

Everything ctip serves is its own: templates load scripts and styles from /static/ only, with no
inline script, no inline style attribute and no `<style>` element (tests/test_csp.py scans the
templates, tests/browser checks for violations in Chromium). So the policy can refuse anything
inline: an injected `<script>` or `onerror=` in a page does not run even if escaping ever fails.
Images may be data: URIs (the authenticator's QR code is inline SVG markup, not an image).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", POLICY)
        return response
