from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ctip.agencies.selectors import agencies_on
from ctip.geo.selectors import summary


@login_required
def home(request: HttpRequest) -> HttpResponse:
    today = date.today()
    return render(
        request,
        "core/home.html",
        {"units": summary(), "agency_count": agencies_on(today).count(), "today": today},
    )
