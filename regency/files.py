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


PICTURE_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_PICTURE_PIXELS = 60_000_000


def check_picture(upload, max_megabytes: int, formats=None, wrong_format: str = "") -> None:
    """Refuse an upload that is not a readable picture of a sane size: JPEG, PNG or WebP, or
    one of ``formats`` (Pillow's names), which ``wrong_format`` then names to the user."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _
    from PIL import Image, UnidentifiedImageError

    if upload.size > max_megabytes * 1024 * 1024:
        raise ValidationError(
            _("The photo is larger than %(megabytes)s MB.") % {"megabytes": max_megabytes}
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            kind, (width, height) = image.format, image.size
            image.verify()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as exc:
        raise ValidationError(_("The file is not a picture that can be read.")) from exc
    finally:
        upload.seek(0)
    if kind not in (formats or PICTURE_FORMATS):
        raise ValidationError(wrong_format or _("Upload a JPEG, PNG or WebP picture."))
    if width * height > MAX_PICTURE_PIXELS:
        raise ValidationError(_("The picture has too many pixels."))
