"""With the production static storage (hashed names from a manifest) the pages that load
TinyMCE still render, and TinyMCE's own files are there under the names it asks for."""

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import override_settings

from masterplan.models import Chapter

TINYMCE = "vendor/tinymce-6.8.6"


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    storages = {
        **django_settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root, storages


@pytest.fixture
def manifest_storage(collected, settings):
    root, storages = collected
    settings.STATIC_ROOT = root
    settings.STORAGES = storages
    return root


@pytest.mark.django_db
class TestPagesWithTheEditorUnderHashedStaticNames:
    def test_the_chapter_editor_opens(self, manifest_storage, login, secretariat, programme):
        chapter = Chapter.objects.get(book__programme=programme, book__number=1, order=1)
        response = login(secretariat).get(f"/chapters/{chapter.pk}/edit/")
        assert response.status_code == 200
        page = response.content.decode()
        assert f"/static/{TINYMCE}/tinymce.min." in page and 'tinymce.min.js"' not in page

    def test_the_minutes_page_opens_with_its_editor(
        self, manifest_storage, login, secretariat, programme
    ):
        workshop = programme.workshops.get(stage=1)
        response = login(secretariat).get(f"/workshops/{workshop.pk}/minutes/")
        assert response.status_code == 200
        assert "js/rich_text." in response.content.decode()

    def test_tinymce_finds_its_plugins_skin_and_indonesian_under_their_own_names(
        self, manifest_storage
    ):
        # TinyMCE asks for these relative to its own script, without hashes.
        for name in [
            "themes/silver/theme.min.js",
            "models/dom/model.min.js",
            "icons/default/icons.min.js",
            "plugins/lists/plugin.min.js",
            "plugins/table/plugin.min.js",
            "plugins/image/plugin.min.js",
            "plugins/link/plugin.min.js",
            "plugins/autoresize/plugin.min.js",
            "skins/ui/oxide/skin.min.css",
            "skins/ui/oxide/content.min.css",
            "skins/content/default/content.min.css",
            "langs/id.js",
        ]:
            assert (manifest_storage / TINYMCE / name).is_file(), name
