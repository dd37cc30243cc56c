"""The first-run setup and the secretariat's settings pages (namespace "setup")."""

from django.urls import URLPattern

app_name = "setup"
urlpatterns: list[URLPattern] = []
