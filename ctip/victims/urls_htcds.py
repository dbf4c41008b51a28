"""The HTCDS export of victim cases (issue 26)."""

from django.urls import URLPattern, path

from ctip.victims import views_htcds

urlpatterns: list[URLPattern] = [
    path("ho-so/htcds/", views_htcds.htcds_export_view, name="htcds_export"),
]
