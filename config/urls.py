from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from regency.people.views import set_language

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/setlang/", set_language, name="set_language"),  # also the account's language
    path("accounts/", include("regency.urls")),
    path("people/", include("regency.people.urls")),
    path("opds/", include("regency.opds.urls")),
    path("", include("regency.setup.urls")),
    path("workshops/", include("workshops.urls")),
    # The public page was first at /quickwins/publik/; links to it keep working.
    path(
        "quickwins/publik/", RedirectView.as_view(pattern_name="masterplan:public", permanent=True)
    ),
    path("quickwins/", include("quickwins.urls")),
    path("", include("masterplan.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# 400, 403 and 404 are Django's views with templates/400.html, 403.html and 404.html.
handler500 = "regency.errors.server_error"
