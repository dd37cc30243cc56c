"""Files every app shares: private storage, turning print HTML into PDF, and the one way to
check, name, store and serve an upload."""

import logging
import mimetypes
import re
import uuid
import zipfile
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpRequest, HttpResponseBase, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

_View = TypeVar("_View", bound=Callable[..., HttpResponseBase])


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files only signed-in users may fetch, through views: PRIVATE_MEDIA_ROOT, never a URL."""

    @property
    def base_location(self) -> Path:
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self) -> str:
        return str(self.base_location)

    @property
    def base_url(self) -> None:  # type: ignore[override]  # private files have no URL
        return None


logger = logging.getLogger(__name__)

# The folders print HTML may read besides the static files: the pictures of chapters (in
# private storage, masterplan/books/rendering.py stores them) and the regency's emblem (in
# MEDIA_ROOT, regency.models.Regency.emblem). Nothing else of private storage (evidence,
# imports, signed sheets) may end up in a PDF through a link in a chapter.
PRINT_PRIVATE_DIR = "chapter-images"
PRINT_MEDIA_DIR = "emblem"


def print_file(url: str) -> Path | None:
    """The file a ``file:`` URL of print HTML may read, or None: only the app's static files
    (a /static/ path or a file under STATIC_ROOT or STATICFILES_DIRS), the chapter pictures
    and the emblem, after resolving ../ and symbolic links."""
    from django.contrib.staticfiles import finders

    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(parts.path))
    static_prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if str(path).startswith(static_prefix):  # a /static/ link, as base_url "/" makes it
        relative = str(path)[len(static_prefix) :]
        path = Path(finders.find(relative) or Path(settings.STATIC_ROOT) / relative)
    roots = [
        Path(settings.MEDIA_ROOT) / PRINT_MEDIA_DIR,
        Path(settings.PRIVATE_MEDIA_ROOT) / PRINT_PRIVATE_DIR,
        settings.STATIC_ROOT,
    ]
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


def _print_fetcher() -> Any:
    """A WeasyPrint URL fetcher that reads data: URIs and ``print_file`` files, nothing else:
    chapter HTML must not make the worker fetch from the network or read the disk."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PrintFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
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
MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class FileFormat:
    """What a file was found to be by its content: never by its name or its declared type."""

    extension: str
    content_type: str
    picture: bool = False


# Pillow's names of the pictures a browser may show inline, once their bytes were read.
PICTURES = {
    "JPEG": FileFormat("jpg", "image/jpeg", picture=True),
    "PNG": FileFormat("png", "image/png", picture=True),
    "WEBP": FileFormat("webp", "image/webp", picture=True),
    "GIF": FileFormat("gif", "image/gif", picture=True),
}
PDF = FileFormat("pdf", "application/pdf")
_OOXML = "application/vnd.openxmlformats-officedocument."
# An Office Open XML file is a zip whose [Content_Types].xml names its main part.
OFFICE_DOCUMENTS = {
    f"{_OOXML}wordprocessingml.document.main+xml": FileFormat(
        "docx", f"{_OOXML}wordprocessingml.document"
    ),
    f"{_OOXML}spreadsheetml.sheet.main+xml": FileFormat("xlsx", f"{_OOXML}spreadsheetml.sheet"),
    f"{_OOXML}presentationml.presentation.main+xml": FileFormat(
        "pptx", f"{_OOXML}presentationml.presentation"
    ),
}
# An OpenDocument file is a zip whose "mimetype" entry says what it is.
OPEN_DOCUMENTS = {
    f"application/vnd.oasis.opendocument.{kind}": FileFormat(
        extension, f"application/vnd.oasis.opendocument.{kind}"
    )
    for kind, extension in [("text", "odt"), ("spreadsheet", "ods"), ("presentation", "odp")]
}
UNKNOWN = FileFormat("bin", "application/octet-stream")
_ZIP_PART_LIMIT = 1 * MEGABYTE  # [Content_Types].xml and mimetype are a few KB


def _read_picture(file: IO[bytes]) -> tuple[str | None, int, int]:
    """Pillow's name and the size of a picture after reading its bytes; raises if it is not one."""
    from PIL import Image

    file.seek(0)
    try:
        with Image.open(file) as image:
            kind, (width, height) = image.format, image.size
            image.verify()
    finally:
        file.seek(0)
    return kind, width, height


def _picture_errors() -> tuple[type[Exception], ...]:
    from PIL import Image, UnidentifiedImageError

    return (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError)


def _document_format(file: IO[bytes]) -> FileFormat | None:
    """PDF, Office Open XML or OpenDocument, found by content; None for anything else."""
    file.seek(0)
    try:
        if file.read(5) == b"%PDF-":
            return PDF
        file.seek(0)
        if not zipfile.is_zipfile(file):
            return None
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 200:
                return OPEN_DOCUMENTS.get(archive.read("mimetype").decode("ascii", "replace"))
            if "[Content_Types].xml" in names:
                info = archive.getinfo("[Content_Types].xml")
                if info.file_size > _ZIP_PART_LIMIT:
                    return None
                types = archive.read(info).decode("utf-8", "replace")
                found = [fmt for main, fmt in OFFICE_DOCUMENTS.items() if f'"{main}"' in types]
                return found[0] if len(found) == 1 else None
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, NotImplementedError):
        return None
    finally:
        file.seek(0)
    return None


def detect(file: IO[bytes]) -> FileFormat:
    """What an open file is by its content: a picture Pillow can read, a document, or UNKNOWN."""
    try:
        kind, _width, _height = _read_picture(file)
    except _picture_errors():
        kind = None
    if kind in PICTURES:
        return PICTURES[kind]
    return _document_format(file) or UNKNOWN


def _name_by_format(upload: UploadedFile, fmt: FileFormat) -> FileFormat:
    # Whatever stores the upload stores it under this name, never the uploader's.
    upload.name = f"{uuid.uuid4().hex}.{fmt.extension}"
    return fmt


def _check_size(upload: UploadedFile, max_megabytes: int, message: str) -> None:
    if upload.size > max_megabytes * MEGABYTE:  # type: ignore[operator]  # an upload has a size
        raise ValidationError(message % {"megabytes": max_megabytes})


def check_picture(
    upload: UploadedFile,
    max_megabytes: int,
    formats: Collection[str] | None = None,
    wrong_format: "StrOrPromise" = "",
) -> FileFormat:
    """Refuse an upload that is not a readable picture of a sane size: JPEG, PNG or WebP, or
    one of ``formats`` (Pillow's names), which ``wrong_format`` then names to the user.

    A picture that passes is renamed to a fresh name with the extension of its real format;
    its format is returned.
    """
    _check_size(upload, max_megabytes, _("The photo is larger than %(megabytes)s MB."))
    try:
        kind, width, height = _read_picture(upload)
    except _picture_errors() as exc:
        raise ValidationError(_("The file is not a picture that can be read.")) from exc
    if kind not in (formats or PICTURE_FORMATS) or kind not in PICTURES:
        raise ValidationError(wrong_format or _("Upload a JPEG, PNG or WebP picture."))
    if width * height > MAX_PICTURE_PIXELS:
        raise ValidationError(_("The picture has too many pixels."))
    return _name_by_format(upload, PICTURES[kind])


def check_document(upload: UploadedFile, max_megabytes: int) -> FileFormat:
    """Refuse an upload that is not a PDF, a JPEG, PNG or WebP picture, or an office document
    (DOCX, XLSX, PPTX, ODT, ODS, ODP), found by content; rename it as check_picture does."""
    _check_size(upload, max_megabytes, _("The file is larger than %(megabytes)s MB."))
    fmt = detect(upload)
    if fmt.picture:
        return check_picture(upload, max_megabytes)
    if fmt is UNKNOWN:
        raise ValidationError(
            _(
                "Upload a PDF, a JPEG, PNG or WebP picture, or an office document "
                "(DOCX, XLSX, PPTX, ODT, ODS, ODP)."
            )
        )
    return _name_by_format(upload, fmt)


# Nothing in a served file may run or load anything, even if a browser were to render it.
FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


def serve(file: FieldFile | str | Path, filename: str = "") -> FileResponse:
    """Answer with a stored file (a FieldFile or a path), typed by its content at serve time.

    A picture Pillow can read is shown inline; anything else is an attachment, and what is
    neither picture nor known document is application/octet-stream. The download name is
    ``filename`` (or the stored name) made safe, with the extension of the real format.
    """
    # FileResponse closes the file when the response is done.
    handle = open(file, "rb") if isinstance(file, str | Path) else file.open("rb")  # noqa: SIM115
    fmt = detect(handle)
    stem = Path(filename or getattr(file, "name", "") or str(file)).stem
    stem = re.sub(r"[^\w\- ]+", "-", stem).strip(" -")[:100] or "berkas"
    response = FileResponse(
        handle,
        content_type=fmt.content_type,
        as_attachment=not fmt.picture,
        filename=f"{stem}.{fmt.extension}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    return response


class DownloadLink:
    """A stored private file as a form shows it: its name, and the view that serves it."""

    def __init__(self, url: str, name: str) -> None:
        self.url, self.name = url, name

    def __str__(self) -> str:
        return self.name


class PrivateFileField(forms.FileField):
    """A file field for private storage: the current file links to ``download_url`` (a view
    that checks roles), since private files have no URL of their own."""

    download_url = ""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, FieldFile) and value and self.download_url:
            return DownloadLink(self.download_url, Path(value.name or "").name)  # a file: named
        return None if isinstance(value, FieldFile) else value


def _files_too_large(megabytes: int) -> str:
    return _(
        "The chosen file is over the limit of %(megabytes)s MB. Choose a smaller file; the "
        "form has not been sent, so what you typed is still here."
    ) % {"megabytes": megabytes}


def size_limit(megabytes: int) -> dict[str, object]:
    """Attributes for the widget of a file field of a view with ``upload_limit(megabytes)``:
    static/js/app.js refuses files that are together larger before the form is sent, with
    the message (in the language of the page), so that nothing typed in the form is lost."""
    return {
        "data-max-bytes": megabytes * MEGABYTE,
        "data-too-large": lazy(_files_too_large, str)(megabytes),
    }


def upload_limit(megabytes: int, back: str = "", json: bool = False) -> Callable[[_View], _View]:
    """Refuse a request whose body is over ``megabytes`` before any of it is read.

    The form is shown again (``back``, a URL name taking the view's arguments, or the same
    page) with a message that names the limit; ``json`` answers 413 with the message instead.
    CSRF is checked after the size, because checking it reads the body.
    """

    def decorator(view: _View) -> _View:
        protected = csrf_protect(view)

        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            # A little room over the stated limit for the other fields of the form.
            if length <= megabytes * MEGABYTE + MEGABYTE:
                return protected(request, *args, **kwargs)
            message = _(
                "What you sent is over the limit of %(megabytes)s MB. Choose a smaller file."
            ) % {"megabytes": megabytes}
            if json:
                return JsonResponse({"error": message}, status=413)
            nothing_saved = _("Nothing was saved: fill in the form and send it again.")
            messages.error(request, f"{message} {nothing_saved}")
            target = reverse(back, args=args, kwargs=kwargs) if back else request.get_full_path()
            return redirect(target)

        return cast(_View, csrf_exempt(wrapper))  # wraps() keeps the view's signature

    return decorator
