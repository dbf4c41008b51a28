from django.urls import path

from ctip.exchange import views

urlpatterns = [
    path("", views.national, name="exchange_national"),
    path("nhan/", views.receive, name="exchange_receive"),
]
