"""A URL conf with one view that declares nothing, to prove it is refused."""

from django.http import HttpResponse
from django.urls import path


def forgotten(request):
    return HttpResponse("should never be served")


urlpatterns = [path("quen/", forgotten)]
