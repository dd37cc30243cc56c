from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import LoginForm
from .people import accounts
from .people.forms import PasswordLinkForm
from .throttle import per_address

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.password_change, name="password_change"),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    # Forgotten passwords, and the invitation's link (regency/people/accounts.py) to set one
    path(
        "password/reset/",
        per_address("password_reset", "10/h")(
            auth_views.PasswordResetView.as_view(form_class=PasswordLinkForm)
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/set/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            token_generator=accounts.tokens,
            post_reset_login=True,
            post_reset_login_backend="django.contrib.auth.backends.ModelBackend",
            success_url="/",
        ),
        name="password_reset_confirm",
    ),
    path("imports/<int:job_id>/", views.import_job, name="import_job"),
]
