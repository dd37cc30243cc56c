"""The regency's OPDs: list, add, edit, deactivate, merge (namespace "opds")."""

from django.urls import URLPattern

app_name = "opds"
urlpatterns: list[URLPattern] = []
