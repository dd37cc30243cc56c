from django.contrib import admin

from .models import ProgressPhoto, ProgressUpdate, QuickWin


class ProgressUpdateInline(admin.StackedInline):
    model = ProgressUpdate
    extra = 0
    fields = ["text", "links", "author"]
    raw_id_fields = ["author"]


@admin.register(QuickWin)
class QuickWinAdmin(admin.ModelAdmin):
    list_display = ["title", "year", "selected", "status", "lead_opd", "published"]
    list_filter = ["year", "selected", "status", "published", "dimension"]
    search_fields = ["title", "problem", "solution"]
    inlines = [ProgressUpdateInline]


class ProgressPhotoInline(admin.TabularInline):
    model = ProgressPhoto
    extra = 0


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    list_display = ["quick_win", "author", "created_at"]
    list_select_related = ["quick_win", "author"]
    inlines = [ProgressPhotoInline]
