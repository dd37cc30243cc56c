from django.urls import path

from . import views_roadmap

app_name = "roadmap"
urlpatterns = [
    path("", views_roadmap.item_list, name="list"),
    path("promote/", views_roadmap.promote, name="promote"),
    path("publish/", views_roadmap.publish_summary, name="publish"),
    path("items/new/", views_roadmap.item_edit, name="create"),
    path("items/<int:item_id>/", views_roadmap.item_detail, name="item"),
    path("items/<int:item_id>/edit/", views_roadmap.item_edit, name="edit"),
    path("items/<int:item_id>/report/", views_roadmap.report_item, name="report_item"),
    path("items/<int:item_id>/quick-win/", views_roadmap.quick_win_from_item, name="quick_win"),
    path(
        "quick-wins/<int:quick_win_id>/origin/",
        views_roadmap.quick_win_origin,
        name="quick_win_origin",
    ),
    path("report/", views_roadmap.report, name="report"),
    path("monitoring/", views_roadmap.monitoring, name="monitoring"),
    path("evaluation/", views_roadmap.evaluation, name="evaluation"),
]
