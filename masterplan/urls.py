from django.urls import include, path

from . import views

app_name = "masterplan"
urlpatterns = [
    path("", views.home, name="home"),
    path("books/", views.book_list, name="book_list"),
    path("books/<int:book_id>/", views.book_detail, name="book_detail"),
    path("books/<int:book_id>/render/", views.render_book, name="render_book"),
    path("chapters/<int:chapter_id>/", views.chapter_detail, name="chapter_detail"),
    path("renders/<int:job_id>/", views.job_status, name="job_status"),
    path("renders/<int:job_id>/download/", views.job_download, name="job_download"),
    path("commitments/", include("masterplan.urls_signing")),
    path("inputs/", include("masterplan.urls_inputs")),
]
