"""Documentation photos of a Bimtek: adding one, and making its thumbnail in a task."""

import io

from celery import shared_task
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile

from regency.models import User
from regency.outbox import enqueue

from .models import Photo, Workshop

MAX_MEGABYTES = 15
THUMBNAIL_SIZE = (480, 480)


def add_photo(workshop: Workshop, upload: UploadedFile, caption: str, user: User) -> Photo:
    photo = Photo(workshop=workshop, caption=caption, uploaded_by=user)
    photo.image.save(upload.name, upload, save=False)  # type: ignore[arg-type]  # has a name
    photo.save()
    enqueue(thumbnail_task, photo.pk)
    return photo


def make_thumbnail(photo_id: int) -> Photo | None:
    """A small JPEG of the photo, turned upright (idempotent)."""
    from PIL import Image, ImageOps

    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None or photo.thumbnail:
        return photo
    with photo.image.open("rb") as source, Image.open(source) as image:
        image = ImageOps.exif_transpose(image)  # type: ignore[assignment]  # an Image, upright
        image.thumbnail(THUMBNAIL_SIZE)
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, format="JPEG", quality=82)
    photo.thumbnail.save(f"{photo.pk}.jpg", ContentFile(buffer.getvalue()), save=False)
    photo.save(update_fields=["thumbnail"])
    return photo


@shared_task(name="workshops.tasks.make_thumbnail", time_limit=120, soft_time_limit=100)
def thumbnail_task(photo_id: int) -> str:
    photo = make_thumbnail(photo_id)
    return "done" if photo else "missing"
