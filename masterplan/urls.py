from django.urls import include, path

from . import views, views_books, views_public

app_name = "masterplan"
urlpatterns = [
    path("", views.home, name="home"),
    path("publik/", views_public.public, name="public"),
    path("books/", views.book_list, name="book_list"),
    path("books/<int:book_id>/", views.book_detail, name="book_detail"),
    path("books/<int:book_id>/render/", views.render_book, name="render_book"),
    path("chapters/<int:chapter_id>/", views.chapter_detail, name="chapter_detail"),
    path("renders/<int:job_id>/", views.job_status, name="job_status"),
    path("renders/<int:job_id>/download/", views.job_download, name="job_download"),
    path("commitments/", include("masterplan.urls_signing")),
    path("inputs/", include("masterplan.urls_inputs")),
    path("roadmap/", include("masterplan.urls_roadmap")),
    # Writing and reviewing the books
    path("chapters/<int:chapter_id>/edit/", views_books.chapter_edit, name="chapter_edit"),
    path("chapters/<int:chapter_id>/preview/", views_books.chapter_preview, name="chapter_preview"),
    path("chapters/<int:chapter_id>/history/", views_books.chapter_history, name="chapter_history"),
    path("chapters/<int:chapter_id>/diff/", views_books.chapter_diff, name="chapter_diff"),
    path(
        "chapters/<int:chapter_id>/revisions/<int:version>/restore/",
        views_books.revision_restore,
        name="revision_restore",
    ),
    path("chapters/<int:chapter_id>/state/", views_books.chapter_state, name="chapter_state"),
    path("chapters/<int:chapter_id>/comments/", views_books.comment_add, name="comment_add"),
    path("comments/<int:comment_id>/resolve/", views_books.comment_resolve, name="comment_resolve"),
    path(
        "chapters/<int:chapter_id>/move/<str:direction>/",
        views_books.chapter_move,
        name="chapter_move",
    ),
    path("books/<int:book_id>/chapters/new/", views_books.chapter_add, name="chapter_add"),
    path("books/roadmap/new/", views_books.roadmap_book_add, name="roadmap_book_add"),
    path("books/whole/render/", views_books.masterplan_render, name="masterplan_render"),
    path("books/images/", views_books.chapter_image_upload, name="chapter_image_upload"),
    path("books/images/<str:name>", views_books.chapter_image, name="chapter_image"),
]
