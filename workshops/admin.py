from django.contrib import admin

from .models import Workshop


@admin.register(Workshop)
class WorkshopAdmin(admin.ModelAdmin):
    list_display = ["__str__", "programme", "start_date", "end_date", "venue", "status"]
    list_filter = ["programme", "status"]


from .models import (  # noqa: E402
    Attendance,
    Invitation,
    Participant,
    PrintJob,
    TargetOutput,
)


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "opd", "organisation", "category", "nip", "user"]
    list_filter = ["programme", "category", "opd"]
    search_fields = ["name", "nip", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["participant", "workshop", "created_at"]
    list_filter = ["workshop"]
    search_fields = ["participant__name"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["participant", "day", "checked_in_at", "method"]
    list_filter = ["day__workshop", "method"]
    search_fields = ["participant__name"]


@admin.register(TargetOutput)
class TargetOutputAdmin(admin.ModelAdmin):
    list_display = ["title", "workshop", "status", "responsible_opd"]
    list_filter = ["workshop", "status"]


@admin.register(PrintJob)
class PrintJobAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "created_at", "finished_at"]
    list_filter = ["kind", "status"]
