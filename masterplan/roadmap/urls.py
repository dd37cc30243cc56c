from django.urls import path

from . import views

app_name = "roadmap"
urlpatterns = [
    path("", views.item_list, name="list"),
    path("promote/", views.promote, name="promote"),
    path("publish/", views.publish_summary, name="publish"),
    path("items/new/", views.item_edit, name="create"),
    path("items/<int:item_id>/", views.item_detail, name="item"),
    path("items/<int:item_id>/edit/", views.item_edit, name="edit"),
    path("items/<int:item_id>/report/", views.report_item, name="report_item"),
    path("items/<int:item_id>/quick-win/", views.quick_win_from_item, name="quick_win"),
    path(
        "quick-wins/<int:quick_win_id>/origin/",
        views.quick_win_origin,
        name="quick_win_origin",
    ),
    path("report/", views.report, name="report"),
    path("monitoring/", views.monitoring, name="monitoring"),
    path("evaluation/", views.evaluation, name="evaluation"),
    path("evaluation/<int:year>/", views.evaluation_edit, name="evaluation_edit"),
]
