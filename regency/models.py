"""The shared vocabulary: the regency, its OPDs and people, the six dimensions, the programme."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import ClassVar, Self

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .files import PRINT_MEDIA_DIR, PrivateStorage
from .jobs import Job
from .outbox import OutboxTask  # noqa: F401 (defined beside the outbox that sends it)
from .validators import validate_nip

# Regency.load is read many times per request; regency.local_time remembers it for the
# request's (or task's) duration, so that it is read once and is never stale afterwards.
_remembered: ContextVar[list["Regency | None"] | None] = ContextVar(
    "remembered_regency", default=None
)


@contextmanager
def remembering_regency() -> Iterator[None]:
    """Within: Regency.load() reads the database once."""
    token = _remembered.set([])
    try:
        yield
    finally:
        _remembered.reset(token)


class Regency(models.Model):
    """The one regency (kabupaten) or city (kota) this installation serves."""

    class Kind(models.TextChoices):
        KABUPATEN = "kabupaten", _("Kabupaten (regency)")
        KOTA = "kota", _("Kota (city)")

    class TimeZone(models.TextChoices):
        WIB = "Asia/Jakarta", _("WIB (UTC+7)")
        WITA = "Asia/Makassar", _("WITA (UTC+8)")
        WIT = "Asia/Jayapura", _("WIT (UTC+9)")

    name = models.CharField(_("name"), max_length=100, help_text=_("Without the kind, e.g. Tuban."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.KABUPATEN)
    province = models.CharField(_("province"), max_length=100)
    head_title = models.CharField(
        _("title of the regional head"),
        max_length=50,
        blank=True,
        help_text=_("Left empty: Bupati for a kabupaten, Wali Kota for a kota."),
    )
    head_name = models.CharField(_("name of the regional head"), max_length=150)
    head_nip = models.CharField(
        _("NIP of the regional head"), max_length=18, blank=True, validators=[validate_nip]
    )
    emblem = models.ImageField(_("emblem"), upload_to=f"{PRINT_MEDIA_DIR}/", blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=20, choices=TimeZone.choices, default=TimeZone.WIB
    )
    address = models.CharField(_("address of the regional government"), max_length=255, blank=True)
    # The secretariat's office (usually Diskominfo), for the letterheads of its letters.
    office_name = models.CharField(
        _("office of the secretariat"),
        max_length=200,
        blank=True,
        help_text=_("As on the letterhead, e.g. Dinas Komunikasi dan Informatika."),
    )
    office_address = models.CharField(_("office address"), max_length=255, blank=True)
    office_phone = models.CharField(_("office telephone"), max_length=50, blank=True)
    office_email = models.EmailField(_("office e-mail"), blank=True)
    office_website = models.URLField(_("office website"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("regency profile")
        verbose_name_plural = _("regency profile")

    def __str__(self) -> str:
        return self.official_name

    def save(self, *args, **kwargs):
        self.pk = 1  # one per installation
        super().save(*args, **kwargs)
        remembered = _remembered.get()
        if remembered is not None:
            remembered[:] = [self]

    @classmethod
    def load(cls) -> "Regency | None":
        remembered = _remembered.get()
        if remembered:
            return remembered[0]
        regency = cls.objects.filter(pk=1).first()
        if remembered is not None:
            remembered.append(regency)
        return regency

    @property
    def official_name(self) -> str:
        prefix = "Kabupaten" if self.kind == self.Kind.KABUPATEN else "Kota"
        return f"{prefix} {self.name}"

    @property
    def regional_head_title(self) -> str:
        if self.head_title:
            return self.head_title
        return "Bupati" if self.kind == self.Kind.KABUPATEN else "Wali Kota"

    @property
    def time_zone_abbreviation(self) -> str:
        return {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}[
            self.time_zone
        ]


class Opd(models.Model):
    """An agency of the regency (organisasi perangkat daerah)."""

    class Kind(models.TextChoices):
        SEKRETARIAT = "sekretariat", _("Secretariat")
        DINAS = "dinas", _("Dinas (agency)")
        BADAN = "badan", _("Badan (board)")
        BAGIAN = "bagian", _("Bagian (section of the secretariat)")
        INSPEKTORAT = "inspektorat", _("Inspectorate")
        RSUD = "rsud", _("RSUD (regional hospital)")
        SATPOL = "satpol", _("Satpol PP")
        KECAMATAN = "kecamatan", _("Kecamatan (sub-district)")
        KELURAHAN = "kelurahan", _("Kelurahan")
        DESA = "desa", _("Desa (village)")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DINAS)
    head_name = models.CharField(_("name of the head"), max_length=150, blank=True)
    head_nip = models.CharField(
        _("NIP of the head"), max_length=18, blank=True, validators=[validate_nip]
    )
    head_position = models.CharField(
        _("position of the head"), max_length=200, blank=True, help_text=_("e.g. Kepala Dinas")
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("An inactive OPD keeps its history but is offered for no new work."),
    )
    # Set when a reorganisation joined this OPD into another (regency.opds.merging).
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_from",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("OPD")
        verbose_name_plural = _("OPDs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.acronym or self.name

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat (Diskominfo)")
    OPD_REPRESENTATIVE = "opd_rep", _("OPD representative")
    OPD_HEAD = "opd_head", _("OPD head")
    REGIONAL_HEAD = "regional_head", _("Regional head")
    MENTOR = "mentor", _("Mentor")


ROLES_WITH_OPD = {Role.OPD_REPRESENTATIVE, Role.OPD_HEAD}


class User(AbstractUser):
    """A person who signs in. Belongs to at most one OPD; has one role in the programme."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    opd = models.ForeignKey(
        Opd,
        verbose_name=_("OPD"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    full_name = models.CharField(_("full name with titles"), max_length=200, blank=True)
    position = models.CharField(_("position (jabatan)"), max_length=200, blank=True)
    nip = models.CharField(_("NIP"), max_length=18, blank=True, validators=[validate_nip])
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("For mentors and others outside the regency, e.g. Citiasia or UGM."),
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="id",
        help_text=_("The language of the pages and e-mails, whatever the browser says."),
    )

    # who changed a role, an OPD or a person's details, and when (never the password)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    objects: ClassVar[UserManager[Self]] = UserManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name", "username"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.full_name or self.get_full_name() or self.username

    def clean(self):
        super().clean()
        if self.role in ROLES_WITH_OPD and not self.opd_id:
            raise ValidationError(
                {"opd": _("An OPD representative or head must belong to an OPD.")}
            )


class Dimension(models.Model):
    """One of the six smart-city dimensions; labels are editable because regions word them differently."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name_id = models.CharField(_("name (Indonesian)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.name_en if (get_language() or "id").startswith("en") else self.name_id


class Element(models.Model):
    """One of the three elements of a dimension."""

    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.CASCADE, related_name="elements"
    )
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_id = models.CharField(_("name (Indonesian)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("element")
        verbose_name_plural = _("elements")
        ordering = ["dimension__order", "order"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.name_en if (get_language() or "id").startswith("en") else self.name_id


class Programme(models.Model):
    """One cycle of the smart-city programme: the year the regency joined and its masterplan period."""

    class Status(models.TextChoices):
        PREPARATION = "preparation", _("Preparation")
        WORKSHOPS = "workshops", _("Bimtek under way")
        ADOPTED = "adopted", _("Masterplan adopted")
        MONITORING = "monitoring", _("Implementation and monitoring")
        CLOSED = "closed", _("Closed")

    name = models.CharField(
        _("name"), max_length=200, default="Masterplan Smart City", help_text=_("Shown on covers.")
    )
    year_joined = models.PositiveSmallIntegerField(_("year joined"))
    period_start = models.PositiveSmallIntegerField(_("masterplan period: first year"))
    period_end = models.PositiveSmallIntegerField(_("masterplan period: last year"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PREPARATION
    )
    roadmap_published = models.BooleanField(
        _("roadmap summary published"),
        default=False,
        help_text=_("Citizens see the roadmap's programmes and their status on the public page."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-year_joined"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="programme_period_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.period_label}"

    @property
    def period_label(self) -> str:
        return f"{self.period_start}–{self.period_end}"

    @property
    def years(self) -> list[int]:
        return list(range(self.period_start, self.period_end + 1))

    def clean(self):
        super().clean()
        if self.period_start and self.period_end:
            if self.period_end < self.period_start:
                raise ValidationError(
                    {"period_end": _("The last year cannot come before the first year.")}
                )
            if not 5 <= self.period_end - self.period_start + 1 <= 20:
                raise ValidationError(
                    {"period_end": _("A masterplan covers between 5 and 20 years.")}
                )

    @classmethod
    def current(cls) -> "Programme | None":
        return cls.objects.order_by("-year_joined", "-pk").first()

    @classmethod
    def current_or_404(cls) -> "Programme":
        """The current programme, for a page that means nothing without one."""
        from django.http import Http404

        programme = cls.current()
        if programme is None:
            raise Http404("No programme has been set up yet.")
        return programme


class ImportJob(Job):
    """One large import of an uploaded table (worksheet rows, participants), and its report."""

    class Kind(models.TextChoices):
        WORKSHEET = "worksheet", _("Worksheet")
        PARTICIPANTS = "participants", _("Participants")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("import of"), max_length=20, choices=Kind.choices)
    target_id = models.PositiveIntegerField(
        _("imported into"), help_text=_("The worksheet, or the programme of the register.")
    )
    file = models.FileField(
        _("uploaded file"), storage=PrivateStorage(), upload_to="imports/", blank=True
    )
    file_name = models.CharField(_("file name"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows checked"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)

    # The task that runs each kind (defined beside the import it wraps, in its own app).
    TASKS: dict[str, str] = {  # by Kind
        Kind.WORKSHEET: "masterplan.import_worksheet",
        Kind.PARTICIPANTS: "workshops.import_participants",
    }
    task_names = tuple(TASKS.values())

    class Meta(Job.Meta):
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return self.file_name

    @property
    def task_name(self) -> str:
        return self.TASKS[self.kind]

    @property
    def percent(self) -> int:
        return min(100, 100 * self.rows_done // self.rows_total) if self.rows_total else 0
