from django.urls import path

from . import views as views

app_name = "commitments"
urlpatterns = [
    path("", views.sheet_list, name="list"),
    path("new/", views.sheet_create, name="create"),
    path("verify/", views.verify, name="verify"),
    path("certificate/", views.certificate_page, name="certificate"),
    path("<int:sheet_id>/", views.sheet_detail, name="detail"),
    path("<int:sheet_id>/edit/", views.sheet_edit, name="edit"),
    path("<int:sheet_id>/issue/", views.sheet_issue, name="issue"),
    path("<int:sheet_id>/void/", views.sheet_void, name="void"),
    path("<int:sheet_id>/remind/", views.sheet_remind, name="remind"),
    path("<int:sheet_id>/sign/", views.sheet_sign, name="sign"),
    path("<int:sheet_id>/pdf/", views.sheet_pdf, name="pdf"),
    path("<int:sheet_id>/pdf/status/", views.sheet_pdf_status, name="pdf_status"),
    path("<int:sheet_id>/pdf/again/", views.sheet_pdf_again, name="pdf_again"),
]
