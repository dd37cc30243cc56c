"""Files every app shares: private storage and turning print HTML into PDF."""

import logging
import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

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


logger = logging.getLogger(__name__)


def print_file(url: str) -> Path | None:
    """The file a ``file:`` URL of print HTML may read, or None: only the app's static files
    (a /static/ path or a file under STATIC_ROOT or STATICFILES_DIRS) and files under
    MEDIA_ROOT and PRIVATE_MEDIA_ROOT, after resolving ../ and symbolic links."""
    from django.contrib.staticfiles import finders

    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(parts.path))
    static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if str(path).startswith(static_prefix):  # a /static/ link, as base_url "/" makes it
        relative = str(path)[len(static_prefix) :]
        path = Path(finders.find(relative) or Path(settings.STATIC_ROOT) / relative)
    roots = [settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT, settings.STATIC_ROOT]
    roots += [
        entry[1] if isinstance(entry, tuple) else entry for entry in settings.STATICFILES_DIRS
    ]
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not real.is_file():
        return None
    if not any(real.is_relative_to(Path(root).resolve()) for root in roots):
        return None
    return real


def _print_fetcher():
    """A WeasyPrint URL fetcher that reads data: URIs and ``print_file`` files, nothing else:
    chapter HTML must not make the worker fetch from the network or read the disk."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PrintFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url[:5].lower() == "data:":
                return super().fetch(url, headers)
            path = print_file(url)
            if path is None:
                logger.warning("The PDF renderer refused to fetch %s", url[:300])
                raise ValueError(f"Not a file print HTML may use: {url[:300]}")
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": kind})

    return PrintFetcher(allowed_protocols=("data", "file"), allow_redirects=False)


def html_to_pdf(html: str, base_url: str = "/") -> tuple[bytes, int]:
    """Render print HTML with WeasyPrint; return the PDF and its page count.

    Call it from Celery tasks, never from a web request.
    """
    from weasyprint import HTML  # imported here: it is heavy and only workers need it

    document = HTML(string=html, base_url=base_url, url_fetcher=_print_fetcher()).render()
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
