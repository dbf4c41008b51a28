from django.urls import path

from ctip.dashboard import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("nguy-co/", views.risk, name="risk"),
    path("tai/<str:key>.<str:fmt>", views.dashboard_download, name="dashboard_download"),
]
