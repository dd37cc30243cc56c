"""The first-run setup and the secretariat's settings pages (namespace "setup")."""

from django.urls import path

from . import views

app_name = "setup"
urlpatterns = [
    path("setup/", views.start, name="start"),
    path("setup/regency/", views.regency_step, name="regency"),
    path("setup/office/", views.office_step, name="office"),
    path("setup/opds/", views.opds_step, name="opds"),
    path("setup/programme/", views.programme_step, name="programme"),
    path("setup/certificate/", views.link_step, {"step": "certificate"}, name="certificate"),
    path("setup/people/", views.link_step, {"step": "people"}, name="people"),
    path("settings/regency/", views.regency_settings, name="settings_regency"),
    path("settings/programme/", views.programme_settings, name="settings_programme"),
]
