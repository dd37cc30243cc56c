"""OPD inputs: windows, worksheets, entries, review (namespace "inputs")."""

from django.urls import path

from . import views

app_name = "inputs"
urlpatterns = [
    path("", views.window_list, name="windows"),
    path("windows/new/", views.window_new, name="window_new"),
    path("windows/<int:window_id>/", views.window_detail, name="window"),
    path("windows/<int:window_id>/deadline/", views.window_deadline, name="deadline"),
    path("windows/<int:window_id>/remind/", views.window_remind, name="remind"),
    path("windows/<int:window_id>/readiness/", views.window_readiness, name="readiness"),
    path("windows/<int:window_id>/export/", views.window_export, name="window_export"),
    path("worksheets/<int:worksheet_id>/export/", views.worksheet_export, name="worksheet_export"),
    path("worksheets/<int:worksheet_id>/import/", views.worksheet_import, name="worksheet_import"),
    path("worksheets/<int:worksheet_id>/", views.worksheet_detail, name="worksheet"),
    path("worksheets/<int:worksheet_id>/comments/", views.comment_add, name="worksheet_comment"),
    path("worksheets/<int:worksheet_id>/entries/", views.entry_new, name="entry_new"),
    path(
        "worksheets/<int:worksheet_id>/<slug:action>/",
        views.worksheet_action,
        name="worksheet_action",
    ),
    path("entries/<int:entry_id>/", views.entry_edit, name="entry_edit"),
    path("entries/<int:entry_id>/autosave/", views.entry_autosave, name="entry_autosave"),
    path("entries/<int:entry_id>/delete/", views.entry_delete, name="entry_delete"),
    path("funding-sources/", views.funding_sources, name="funding_sources"),
    path("funding-sources/new/", views.funding_source_edit, name="funding_source_add"),
    path("funding-sources/<int:source_id>/", views.funding_source_edit, name="funding_source_edit"),
    path(
        "funding-sources/<int:source_id>/active/",
        views.funding_source_active,
        name="funding_source_active",
    ),
]
