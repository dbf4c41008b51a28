"""Field forms (issue 26): the XLSForm downloads and the submission imports."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
