from django.urls import path

from ctip.reporting import views, views_issuing, views_workflow

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("yeu-cau/them/", views.request_new, name="report_request_new"),
    path("yeu-cau/<int:pk>/", views_workflow.request_detail, name="report_request_detail"),
    path("yeu-cau/<int:pk>/van-ban/", views_workflow.request_letter, name="report_request_letter"),
    path("dong-gop/", views_workflow.contribution_list, name="contribution_list"),
    path("dong-gop/<int:pk>/", views_workflow.contribution_detail, name="contribution_detail"),
    path("tinh-hinh-gui/", views_workflow.completeness_view, name="report_completeness"),
    path("dieu-chinh/", views_issuing.correction_list, name="correction_list"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/ban-hanh/", views_issuing.report_issue_view, name="report_issue"),
    path("<int:pk>/ban-scan/", views_issuing.report_scan_upload, name="report_scan_upload"),
    path("<int:pk>/ban-scan/tai/", views_issuing.report_scan_download, name="report_scan"),
    path("<int:pk>/du-thao-moi/", views_issuing.report_redraft_view, name="report_redraft"),
    path("tong-hop/<int:pk>/", views.compilation_detail, name="compilation_detail"),
    path("tong-hop/<int:pk>/so-lieu/<str:fid>/", views.figure_detail, name="figure_detail"),
    path(
        "tong-hop/<int:pk>/tai/<str:fmt>/", views.compilation_download, name="compilation_download"
    ),
]
