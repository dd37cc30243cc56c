"""The four Bimtek of a programme."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regency.files import PrivateStorage
from regency.html import MINUTES, sanitize
from regency.jobs import Job, JobQuerySet
from regency.models import Opd, Programme
from regency.permissions import READERS, has_role, scope_to_opd
from regency.validators import validate_nip


class WorkshopQuerySet(models.QuerySet):
    def upcoming(self):
        today = timezone.localdate()
        return self.filter(models.Q(end_date__gte=today) | models.Q(end_date__isnull=True))


class Workshop(models.Model):
    """One Bimtek stage (I-IV) of a programme."""

    class Stage(models.IntegerChoices):
        I = 1, "I"  # noqa: E741
        II = 2, "II"
        III = 3, "III"
        IV = 4, "IV"

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        UNDER_WAY = "under_way", _("Under way")
        DONE = "done", _("Done")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="workshops"
    )
    stage = models.PositiveSmallIntegerField(_("stage"), choices=Stage.choices)
    title = models.CharField(_("title"), max_length=200)
    start_date = models.DateField(_("first day"), null=True, blank=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    target_outputs = models.TextField(
        _("target outputs"), blank=True, help_text=_("One output per line.")
    )

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        verbose_name = _("Bimtek")
        verbose_name_plural = _("Bimtek")
        ordering = ["programme", "stage"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "stage"], name="one_workshop_per_stage")
        ]

    def __str__(self) -> str:
        return f"Bimtek {self.get_stage_display()}"

    @property
    def target_output_list(self) -> list[str]:
        return [line.strip() for line in self.target_outputs.splitlines() if line.strip()]

    @property
    def open_output_count(self) -> int:
        return sum(1 for output in self.outputs.all() if output.status != "done")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot come before the first day.")})


class WorkshopDay(models.Model):
    """One day of a Bimtek; attendance is taken per day."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("Bimtek"), on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("date"))

    class Meta:
        verbose_name = _("workshop day")
        verbose_name_plural = _("workshop days")
        ordering = ["workshop", "date"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "date"], name="one_day_per_date")
        ]

    def __str__(self) -> str:
        return f"{self.workshop} · {self.date:%d-%m-%Y}"

    @property
    def number(self) -> int:
        return sum(1 for day in self.workshop.days.all() if day.date <= self.date)


class Mentor(models.Model):
    """A member of the mentor team of a Bimtek."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("Bimtek"), on_delete=models.CASCADE, related_name="mentors"
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role in the team"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        ordering = ["workshop", "pk"]

    def __str__(self) -> str:
        return self.name


class AgendaItem(models.Model):
    """A session on a day's agenda."""

    day = models.ForeignKey(
        WorkshopDay, verbose_name=_("day"), on_delete=models.CASCADE, related_name="agenda"
    )
    start_time = models.TimeField(_("start"))
    end_time = models.TimeField(_("end"), null=True, blank=True)
    topic = models.CharField(_("topic"), max_length=255)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["day", "start_time"]

    def __str__(self) -> str:
        return self.topic

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("A session must end after it starts.")})


class TargetOutput(models.Model):
    """One target output (target luaran) of a Bimtek, checked off with evidence."""

    class Status(models.TextChoices):
        OPEN = "open", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("Bimtek"), on_delete=models.CASCADE, related_name="outputs"
    )
    title = models.CharField(_("output"), max_length=255)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    responsible_opd = models.ForeignKey(
        Opd,
        verbose_name=_("responsible OPD"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    responsible_person = models.CharField(_("responsible person"), max_length=200, blank=True)
    evidence_link = models.URLField(_("evidence link"), blank=True)
    evidence_file = models.FileField(
        _("evidence file"), storage=PrivateStorage(), upload_to="workshops/evidence/", blank=True
    )

    class Meta:
        verbose_name = _("target output")
        verbose_name_plural = _("target outputs")
        ordering = ["workshop", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class Category(models.TextChoices):
    OPD = "opd", _("OPD")
    KECAMATAN = "kecamatan", _("Kecamatan")
    DESA = "desa", _("Desa/kelurahan")
    COUNCIL = "council", _("Dewan Smart City")
    TEAM = "team", _("Tim Pelaksana")
    ACADEMIC = "academic", _("Academic")
    BUSINESS = "business", _("Business")
    COMMUNITY = "community", _("Community")
    MENTOR = "mentor", _("Mentor")
    OTHER = "other", _("Other")


class ParticipantQuerySet(models.QuerySet):
    def visible_to(self, user):
        return scope_to_opd(self, user)


class Participant(models.Model):
    """Someone in the register of a programme who may attend its Bimtek."""

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position (jabatan)"), max_length=200, blank=True)
    opd = models.ForeignKey(
        Opd,
        verbose_name=_("OPD"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participants",
    )
    organisation = models.CharField(
        _("outside organisation"), max_length=200, blank=True, help_text=_("When not an OPD.")
    )
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.OPD
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    nip = models.CharField(_("NIP"), max_length=18, blank=True, validators=[validate_nip])
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
    )
    is_walk_in = models.BooleanField(_("walk-in"), default=False)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "nip"],
                condition=~models.Q(nip=""),
                name="one_participant_per_nip",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def affiliation(self) -> str:
        if self.opd_id:
            return str(self.opd)
        return self.organisation or str(self.get_category_display())


class InvitationQuerySet(models.QuerySet):
    def visible_to(self, user):
        if has_role(user, READERS):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(participant__user=user)


class Invitation(models.Model):
    """A participant invited to a Bimtek; carries the personal check-in link."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("Bimtek"), on_delete=models.CASCADE, related_name="invitations"
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["workshop", "participant__name"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "participant"], name="one_invitation")
        ]

    def __str__(self) -> str:
        return f"{self.participant} · {self.workshop}"


class Attendance(models.Model):
    """A participant present on a day; one row per participant and day."""

    class Method(models.TextChoices):
        STAFF = "staff", _("Ticked by staff")
        QR = "qr", _("QR self check-in")
        WALK_IN = "walk_in", _("Walk-in")

    day = models.ForeignKey(
        WorkshopDay, verbose_name=_("day"), on_delete=models.CASCADE, related_name="attendances"
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    checked_in_at = models.DateTimeField(_("checked in at"))
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["day", "checked_in_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["day", "participant"], name="one_attendance_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.participant} · {self.day}"


class PrintJobQuerySet(JobQuerySet):
    def visible_to(self, user):
        """Readers see every document; anyone else only their own invitation letter."""
        if has_role(user, READERS):
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(invitation__participant__user=user)


class PrintJob(Job):
    """One request to render an attendance list or invitation letters to PDF, and its outcome."""

    class Kind(models.TextChoices):
        ATTENDANCE_LIST = "attendance_list", _("Attendance list")
        INVITATION_LETTERS = "invitation_letters", _("Invitation letters")

    kind = models.CharField(_("document"), max_length=20, choices=Kind.choices)
    workshop = models.ForeignKey(
        Workshop, verbose_name=_("Bimtek"), on_delete=models.CASCADE, related_name="print_jobs"
    )
    day = models.ForeignKey(
        WorkshopDay,
        verbose_name=_("day"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="print_jobs",
    )
    invitation = models.ForeignKey(
        Invitation,
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="print_jobs",
        help_text=_("Empty: the letters of everyone invited."),
    )
    file = models.FileField(
        _("PDF file"), storage=PrivateStorage(), upload_to="workshops/print/", blank=True
    )
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)

    objects = PrintJobQuerySet.as_manager()  # type: ignore[misc]  # a manager with visible_to()
    task_name = "workshops.tasks.render_print_job"

    class Meta(Job.Meta):
        verbose_name = _("workshop document rendering")
        verbose_name_plural = _("workshop document renderings")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.workshop} #{self.pk}"

    @property
    def filename(self) -> str:
        stage = self.workshop.get_stage_display()
        if self.kind == self.Kind.ATTENDANCE_LIST:
            return f"Daftar-Hadir-Bimtek-{stage}-{self.day.date}.pdf"  # type: ignore[union-attr]  # has its day
        return f"Undangan-Bimtek-{stage}.pdf"


class Minutes(models.Model):
    """The minutes (notulen) of a Bimtek; the text is sanitised HTML."""

    workshop = models.OneToOneField(
        Workshop, verbose_name=_("Bimtek"), on_delete=models.CASCADE, related_name="minutes"
    )
    body = models.TextField(_("minutes"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return f"Notulen {self.workshop}"

    def save(self, *args, **kwargs):
        self.body = sanitize(self.body, MINUTES)
        super().save(*args, **kwargs)


class FollowUpQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done=False)

    def for_opd(self, opd_id):
        return self.filter(owner_opd_id=opd_id)


class FollowUp(models.Model):
    """A decision or follow-up action agreed at a Bimtek, owned by an OPD."""

    class Kind(models.TextChoices):
        DECISION = "decision", _("Decision")
        ACTION = "action", _("Follow-up action")

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("Bimtek"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ACTION)
    text = models.CharField(_("what"), max_length=500)
    owner_opd = models.ForeignKey(
        Opd,
        verbose_name=_("owner OPD"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision or follow-up")
        verbose_name_plural = _("decisions and follow-ups")
        ordering = ["workshop", "done", "due_date", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def is_overdue(self) -> bool:
        return bool(not self.done and self.due_date and self.due_date < timezone.localdate())


class Photo(models.Model):
    """A documentation photo of a Bimtek; its thumbnail is made by a task."""

    workshop = models.ForeignKey(
        Workshop, verbose_name=_("Bimtek"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.FileField(_("photo"), storage=PrivateStorage(), upload_to="workshops/photos/")
    thumbnail = models.FileField(
        _("thumbnail"), storage=PrivateStorage(), upload_to="workshops/thumbnails/", blank=True
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["workshop", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.caption or f"Foto {self.workshop} #{self.pk}"
