from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

validate_nip = RegexValidator(
    r"^\d{18}$", _("A NIP has exactly 18 digits, without spaces or dots."), code="invalid_nip"
)
