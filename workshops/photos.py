"""Documentation photos: checking an upload is a real image, and making its thumbnail."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Photo

MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 60_000_000
FORMATS = {"JPEG", "PNG", "WEBP"}
THUMBNAIL_SIZE = (480, 480)


def check_image(upload) -> None:
    """Refuse anything that is not a JPEG, PNG or WebP picture of a sane size."""
    from PIL import Image, UnidentifiedImageError

    if upload.size > MAX_BYTES:
        raise ValidationError(_("The photo is larger than 15 MB."))
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


def add_photo(workshop, upload, caption: str, user) -> Photo:
    from .tasks import make_thumbnail  # tasks import this module

    photo = Photo(workshop=workshop, caption=caption, uploaded_by=user)
    photo.image.save(upload.name, upload, save=False)
    photo.save()
    transaction.on_commit(lambda: make_thumbnail.delay(photo.pk))
    return photo


def make_thumbnail(photo_id: int) -> Photo | None:
    """A small JPEG of the photo, turned upright (idempotent)."""
    from PIL import Image, ImageOps

    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None or photo.thumbnail:
        return photo
    with photo.image.open("rb") as source, Image.open(source) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail(THUMBNAIL_SIZE)
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, format="JPEG", quality=82)
    photo.thumbnail.save(f"{photo.pk}.jpg", ContentFile(buffer.getvalue()), save=False)
    photo.save(update_fields=["thumbnail"])
    return photo
