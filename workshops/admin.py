from django.contrib import admin

from .models import Workshop


@admin.register(Workshop)
class WorkshopAdmin(admin.ModelAdmin):
    list_display = ["__str__", "programme", "start_date", "end_date", "venue", "status"]
    list_filter = ["programme", "status"]
