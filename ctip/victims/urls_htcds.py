"""The HTCDS export of victim cases (issue 26)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
