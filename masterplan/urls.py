"""masterplan's URLs: the home and public pages, then each room under its own namespace."""

from django.urls import include, path

from . import views

app_name = "masterplan"
urlpatterns = [
    path("", views.home, name="home"),
    path("publik/", views.public, name="public"),
    path("commitments/", include("masterplan.commitments.urls")),
    path("inputs/", include("masterplan.inputs.urls")),
    path("roadmap/", include("masterplan.roadmap.urls")),
    path("", include("masterplan.books.urls")),
]
