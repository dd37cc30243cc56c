from django.utils.functional import SimpleLazyObject

from . import permissions
from .models import Regency


def regency(request):
    user = getattr(request, "user", None)
    return {
        "regency": SimpleLazyObject(Regency.load),
        "nav": {
            "is_secretariat": permissions.is_secretariat(user) if user else False,
            "can_read_books": permissions.can_read_books(user) if user else False,
            "can_read_inputs": permissions.can_read_inputs(user) if user else False,
            "can_edit_chapters": permissions.can_edit_chapters(user) if user else False,
            "can_comment_chapters": permissions.can_comment_chapters(user) if user else False,
        },
    }
