from django.urls import path

from ctip.exchange import views

urlpatterns = [
    path("", views.national, name="exchange_national"),
    path("so-lieu/", views.figures, name="exchange_figures"),
    path("so-lieu/xlsx/", views.figures_download, name="exchange_figures_download"),
    path("so-lieu/docx/", views.figures_summary, name="exchange_figures_summary"),
    path("nhan/", views.receive, name="exchange_receive"),
    path("da-gui/", views.sent, name="exchange_sent"),
    path("da-gui/<int:pk>/gui-lai/", views.requeue, name="exchange_requeue"),
]
