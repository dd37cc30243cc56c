from django.urls import path

from . import views

app_name = "workshops"
urlpatterns = [
    path("", views.workshop_list, name="list"),
    path("<int:workshop_id>/", views.workshop_detail, name="detail"),
    path("<int:workshop_id>/edit/", views.workshop_edit, name="edit"),
    path("<int:workshop_id>/mentors/", views.mentor_add, name="mentor_add"),
    path("<int:workshop_id>/agenda/", views.agenda_add, name="agenda_add"),
    path("<int:workshop_id>/outputs/", views.output_add, name="output_add"),
    path("<int:workshop_id>/invite/", views.invite, name="invite"),
    path("outputs/<int:output_id>/", views.output_edit, name="output_edit"),
    path("outputs/<int:output_id>/evidence/", views.output_evidence, name="output_evidence"),
    path("delete/<str:kind>/<int:item_id>/", views.item_delete, name="item_delete"),
    path("participants/", views.participant_list, name="participants"),
    path("participants/add/", views.participant_add, name="participant_add"),
    path("participants/<int:participant_id>/", views.participant_add, name="participant_edit"),
    path("participants/import/", views.participant_import, name="participant_import"),
    path("participants/export/", views.participant_export, name="participant_export"),
    path("days/<int:day_id>/door/", views.door, name="door"),
    path("days/<int:day_id>/tick/<int:participant_id>/", views.tick, name="tick"),
    path("days/<int:day_id>/walk-in/", views.walk_in, name="walk_in"),
    path("days/<int:day_id>/who-came/", views.who_came, name="who_came"),
    path(
        "days/<int:day_id>/attendance-list/",
        views.attendance_list_request,
        name="attendance_list_request",
    ),
    path("<int:workshop_id>/letters/", views.letters_request, name="letters_request"),
    path("invitations/<int:invitation_id>/letter/", views.my_letter_request, name="my_letter"),
    path("prints/<int:job_id>/", views.print_status, name="print_status"),
    path("prints/<int:job_id>/download/", views.print_download, name="print_download"),
    path("check-in/<str:token>/", views.checkin, name="checkin"),
    path("my-invitations/", views.my_invitations, name="my_invitations"),
    path("<int:workshop_id>/minutes/", views.minutes, name="minutes"),
    path("<int:workshop_id>/follow-ups/", views.follow_up_add, name="follow_up_add"),
    path("follow-ups/<int:follow_up_id>/toggle/", views.follow_up_toggle, name="follow_up_toggle"),
    path("<int:workshop_id>/photos/", views.gallery, name="gallery"),
    path("photos/<int:photo_id>/full/", views.photo_file, {"size": "full"}, name="photo"),
    path("photos/<int:photo_id>/thumb/", views.photo_file, {"size": "thumb"}, name="photo_thumb"),
    path("photos/<int:photo_id>/delete/", views.photo_delete, name="photo_delete"),
]
