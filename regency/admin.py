from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from .files import check_picture
from .models import Dimension, Element, Opd, OutboxTask, Programme, Regency, User

EMBLEM_MAX_MEGABYTES = 5


class RegencyForm(forms.ModelForm):
    """The emblem lies under MEDIA_ROOT, which a proxy may serve: only a checked picture, under
    a generated name, goes there."""

    # A FileField: check_picture reads the content; the name and declared type are not asked.
    emblem = forms.FileField(label=_("emblem"), required=False)

    class Meta:
        model = Regency
        fields = [
            "name",
            "kind",
            "province",
            "head_title",
            "head_name",
            "emblem",
            "time_zone",
            "address",
        ]

    def clean_emblem(self):
        emblem = self.cleaned_data.get("emblem")
        if isinstance(emblem, UploadedFile):
            check_picture(emblem, EMBLEM_MAX_MEGABYTES)
        return emblem


@admin.register(Regency)
class RegencyAdmin(admin.ModelAdmin):
    form = RegencyForm
    list_display = ["official_name", "province", "head_name", "time_zone"]

    def has_add_permission(self, request):
        return not Regency.objects.exists()


@admin.register(Opd)
class OpdAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "head_name", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "acronym", "head_name"]


@admin.register(User)
class PersonAdmin(UserAdmin):
    list_display = ["username", "display_name", "role", "opd", "position", "is_active"]
    list_filter = ["role", "opd", "is_active"]
    search_fields = ["username", "full_name", "first_name", "last_name", "nip", "email"]
    list_select_related = ["opd"]
    fieldsets = UserAdmin.fieldsets + (  # type: ignore[operator]  # UserAdmin's are a tuple
        (
            _("Smart-city programme"),
            {"fields": ["role", "opd", "full_name", "position", "nip", "phone", "organisation"]},
        ),
    )
    add_fieldsets = UserAdmin.add_fieldsets + (
        (_("Smart-city programme"), {"fields": ["role", "opd", "full_name", "position"]}),
    )


class ElementInline(admin.TabularInline):
    model = Element
    extra = 0


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_id", "name_en", "order"]
    inlines = [ElementInline]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "year_joined", "period_start", "period_end", "status"]
    list_filter = ["status"]


@admin.register(OutboxTask)
class OutboxTaskAdmin(admin.ModelAdmin):
    """Tasks kept while the broker was down; read-only, beat sends them (regency/outbox.py)."""

    list_display = ["task", "args", "created_at", "sent_at", "attempts"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    readonly_fields = ["task", "args", "created_at", "sent_at", "attempts", "error"]

    def has_add_permission(self, request):
        return False
