"""Field forms (issue 26): the XLSForm downloads and the submission imports."""

from django.urls import path

from ctip.fieldforms import views

urlpatterns = [
    path("bieu-mau-thuc-dia/hoat-dong/", views.activities, name="fieldform_activities"),
    path(
        "bieu-mau-thuc-dia/hoat-dong/ctip_hoat_dong.xlsx",
        views.activities_xlsform,
        name="fieldform_activities_xlsform",
    ),
    path("bieu-mau-thuc-dia/kiem-tra-theo-doi/", views.watch_checks, name="fieldform_watch_checks"),
    path(
        "bieu-mau-thuc-dia/kiem-tra-theo-doi/ctip_kiem_tra_theo_doi.xlsx",
        views.watch_checks_xlsform,
        name="fieldform_watch_checks_xlsform",
    ),
]
