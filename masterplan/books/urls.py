"""The books: list, book, chapters, editor, review, renderings (namespace "books")."""

from django.urls import path

from . import views

app_name = "books"
urlpatterns = [
    path("books/", views.book_list, name="book_list"),
    path("books/<int:book_id>/", views.book_detail, name="book_detail"),
    path("books/<int:book_id>/render/", views.render_book, name="render_book"),
    path("chapters/<int:chapter_id>/", views.chapter_detail, name="chapter_detail"),
    path("renders/<int:job_id>/", views.job_status, name="job_status"),
    path("renders/<int:job_id>/download/", views.job_download, name="job_download"),
    path("chapters/<int:chapter_id>/edit/", views.chapter_edit, name="chapter_edit"),
    path("chapters/<int:chapter_id>/preview/", views.chapter_preview, name="chapter_preview"),
    path("chapters/<int:chapter_id>/history/", views.chapter_history, name="chapter_history"),
    path("chapters/<int:chapter_id>/diff/", views.chapter_diff, name="chapter_diff"),
    path(
        "chapters/<int:chapter_id>/revisions/<int:version>/restore/",
        views.revision_restore,
        name="revision_restore",
    ),
    path("chapters/<int:chapter_id>/state/", views.chapter_state, name="chapter_state"),
    path("chapters/<int:chapter_id>/comments/", views.comment_add, name="comment_add"),
    path("comments/<int:comment_id>/resolve/", views.comment_resolve, name="comment_resolve"),
    path(
        "chapters/<int:chapter_id>/move/<str:direction>/",
        views.chapter_move,
        name="chapter_move",
    ),
    path("books/<int:book_id>/chapters/new/", views.chapter_add, name="chapter_add"),
    path("books/roadmap/new/", views.roadmap_book_add, name="roadmap_book_add"),
    path("books/whole/render/", views.masterplan_render, name="masterplan_render"),
    path("books/images/", views.chapter_image_upload, name="chapter_image_upload"),
    path("books/images/<str:name>", views.chapter_image, name="chapter_image"),
]
