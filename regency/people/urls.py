"""The secretariat's list of people: add, import, edit, deactivate (namespace "people")."""

from django.urls import URLPattern

app_name = "people"
urlpatterns: list[URLPattern] = []
