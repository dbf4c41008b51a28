from django.urls import path

from ctip.reporting import views

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("yeu-cau/them/", views.request_new, name="report_request_new"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("tong-hop/<int:pk>/", views.compilation_detail, name="compilation_detail"),
    path("tong-hop/<int:pk>/so-lieu/<str:fid>/", views.figure_detail, name="figure_detail"),
    path(
        "tong-hop/<int:pk>/tai/<str:fmt>/", views.compilation_download, name="compilation_download"
    ),
]
