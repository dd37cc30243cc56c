from django.contrib import admin

from .inputs.models import FundingSource, InputWindow, Worksheet, WorksheetStateChange


# OPD inputs: the funding-source list is editable here; windows and worksheets for look-ups.
@admin.register(FundingSource)
class FundingSourceAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order"]
    list_editable = ["order"]


@admin.register(InputWindow)
class InputWindowAdmin(admin.ModelAdmin):
    list_display = ["title", "stage", "deadline", "reminder_days", "reminded_at"]
    list_filter = ["programme", "stage"]


@admin.register(Worksheet)
class WorksheetAdmin(admin.ModelAdmin):
    list_display = ["opd", "dimension", "window", "state", "updated_at"]
    list_filter = ["window", "state", "dimension"]
    list_select_related = ["opd", "dimension", "window"]
    search_fields = ["opd__name", "opd__acronym"]


@admin.register(WorksheetStateChange)
class WorksheetStateChangeAdmin(admin.ModelAdmin):
    list_display = ["worksheet", "from_state", "to_state", "by", "at", "mailed_at"]
    list_select_related = ["worksheet__opd", "worksheet__dimension", "by"]
    readonly_fields = ["worksheet", "from_state", "to_state", "by", "at", "note", "mailed_at"]
