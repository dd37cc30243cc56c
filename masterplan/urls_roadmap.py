from django.urls import path

from . import views_roadmap

app_name = "roadmap"
urlpatterns = [
    path("", views_roadmap.item_list, name="list"),
    path("promote/", views_roadmap.promote, name="promote"),
    path("items/<int:item_id>/", views_roadmap.item_edit, name="edit"),
    path("items/<int:item_id>/report/", views_roadmap.report_item, name="report_item"),
    path("report/", views_roadmap.report, name="report"),
    path("monitoring/", views_roadmap.monitoring, name="monitoring"),
    path("evaluation/", views_roadmap.evaluation, name="evaluation"),
]
