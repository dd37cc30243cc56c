"""The regency's OPDs: list, add, edit, deactivate, merge (namespace "opds")."""

from django.urls import path

from . import views

app_name = "opds"
urlpatterns = [
    path("", views.opd_list, name="list"),
    path("new/", views.opd_add, name="add"),
    path("import/", views.opd_import, name="import"),
    path("merge/", views.opd_merge, name="merge"),
    path("<int:opd_id>/", views.opd_edit, name="edit"),
    path("<int:opd_id>/deactivate/", views.opd_deactivate, name="deactivate"),
    path("<int:opd_id>/activate/", views.opd_activate, name="activate"),
]
