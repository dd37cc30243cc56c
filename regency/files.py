"""Files every app shares: private storage and turning print HTML into PDF."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files only signed-in users may fetch, through views: PRIVATE_MEDIA_ROOT, never a URL."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return str(self.base_location)

    @property
    def base_url(self):
        return None


def html_to_pdf(html: str, base_url: str = "/") -> tuple[bytes, int]:
    """Render print HTML with WeasyPrint; return the PDF and its page count.

    Call it from Celery tasks, never from a web request.
    """
    from weasyprint import HTML  # imported here: it is heavy and only workers need it

    document = HTML(string=html, base_url=base_url).render()
    return document.write_pdf(), len(document.pages)
