"""The client address that login lockouts count by (django-axes' AXES_CLIENT_IP_CALLABLE).

Behind CTIP_PROXY_COUNT reverse proxies, each of which appends the address of its peer to
X-Forwarded-For (nginx's `$proxy_add_x_forwarded_for`), the client is the CTIP_PROXY_COUNT-th
entry from the right: the one the outermost trusted proxy wrote. Everything to its left came
from the client and is ignored. Without a proxy (0, the default) the header is never read, since
a client reaching gunicorn directly could write any address in it.

The header is split on commas alone: the trusted entries on the right are plain addresses
written by the proxies, so no quoting a client adds on the left can shift them. (django-ipware's
parser honours quotes: a client sending `"` swallowed the address nginx appended and was counted
as the proxy itself.)
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.CTIP_PROXY_COUNT
    if proxies <= 0:
        return remote
    entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(entries) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(entries[-proxies].strip()))
    except ValueError:  # no proxy wrote this: the request did not come through them
        return remote
