"""The app's URLs plus a trivial page that renders only base.html, as the baseline."""

from django.shortcuts import render
from django.urls import include, path


def trivial(request):
    return render(request, "base.html")


urlpatterns = [path("bench/trivial/", trivial), path("", include("config.urls"))]
