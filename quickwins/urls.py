from django.urls import path

from . import views

app_name = "quickwins"

urlpatterns = [
    path("", views.quick_win_list, name="list"),
    path("baru/", views.quick_win_edit, name="create"),
    path("<int:quick_win_id>/", views.quick_win_detail, name="detail"),
    path("<int:quick_win_id>/ubah/", views.quick_win_edit, name="edit"),
    path("<int:quick_win_id>/pilih/", views.toggle_selected, name="toggle_selected"),
    path("foto/<int:photo_id>/", views.photo_file, name="photo"),
]
