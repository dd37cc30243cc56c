from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "The username or password is wrong. Both are case-sensitive; ask the "
            "secretariat (Diskominfo) if you have forgotten them."
        ),
        "inactive": _("This account has been deactivated by the secretariat."),
    }
