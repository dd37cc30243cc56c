"""Progress photos: only real pictures of a sane size (the same rules as Bimtek photos)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 60_000_000
FORMATS = {"JPEG", "PNG", "WEBP"}


def check_image(upload) -> None:
    """Refuse anything that is not a JPEG, PNG or WebP picture of at most 10 MB."""
    from PIL import Image, UnidentifiedImageError

    if upload.size > MAX_BYTES:
        raise ValidationError(_("The photo is larger than 10 MB."))
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
    if kind not in FORMATS:
        raise ValidationError(_("Upload a JPEG, PNG or WebP picture."))
    if width * height > MAX_PIXELS:
        raise ValidationError(_("The picture has too many pixels."))
