"""The secretariat's list of people: add, import, edit, deactivate (namespace "people")."""

from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("new/", views.person_add, name="add"),
    path("import/", views.person_import, name="import"),
    path("changes/", views.change_list, name="changes"),
    path("<int:person_id>/", views.person_detail, name="detail"),
    path("<int:person_id>/edit/", views.person_edit, name="edit"),
    path("<int:person_id>/deactivate/", views.person_deactivate, name="deactivate"),
    path("<int:person_id>/reactivate/", views.person_reactivate, name="reactivate"),
    path("<int:person_id>/invite/", views.person_invite, name="invite"),
]
