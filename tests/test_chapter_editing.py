"""Writing the books in the browser: saving, revisions, stale saves, restore, the outline."""

import pytest

from masterplan.books import rendering, revisions
from masterplan.models import Chapter, ChapterRevision


@pytest.fixture
def chapter(programme):
    return Chapter.objects.get(book__programme=programme, book__number=1, order=1)


def edit(client, chapter, body, version=None, title=None):
    return client.post(
        f"/chapters/{chapter.pk}/edit/",
        {
            "title": title or chapter.title,
            "body": body,
            "version": chapter.version if version is None else version,
        },
    )


@pytest.mark.django_db
class TestSaving:
    def test_a_save_is_a_revision_with_its_author(self, login, chapter, secretariat):
        response = edit(login(secretariat), chapter, "<h2>Baru</h2><p>Teks baru.</p>")
        assert response.status_code == 302
        chapter.refresh_from_db()
        assert chapter.version == 2
        assert chapter.body == "<h2>Baru</h2><p>Teks baru.</p>"
        assert chapter.updated_by == secretariat
        latest, initial = chapter.revisions.all()
        assert (latest.version, latest.author, latest.body) == (2, secretariat, chapter.body)
        assert initial.version == 1 and "Latar Belakang" in initial.body  # the outline's text

    def test_the_saved_text_is_sanitised(self, login, chapter, secretariat):
        edit(
            login(secretariat),
            chapter,
            '<p onclick="steal()">Aman</p><script>alert(1)</script><img src="x" onerror="alert(2)">',
        )
        chapter.refresh_from_db()
        assert "script" not in chapter.body and "onclick" not in chapter.body
        assert "onerror" not in chapter.body
        assert chapter.revisions.first().body == chapter.body

    def test_renaming_a_chapter(self, login, chapter, secretariat):
        edit(login(secretariat), chapter, chapter.body, title="Pendahuluan Umum")
        chapter.refresh_from_db()
        assert chapter.title == "Pendahuluan Umum"
        assert chapter.revisions.first().title == "Pendahuluan Umum"

    def test_an_empty_title_is_refused_and_the_text_kept(self, login, chapter, secretariat):
        response = edit(login(secretariat), chapter, "<p>Teks yang diketik.</p>", title=" ")
        assert response.status_code == 400
        assert "Teks yang diketik." in response.content.decode()
        chapter.refresh_from_db()
        assert chapter.version == 1


@pytest.mark.django_db
class TestStaleSave:
    def test_the_later_save_is_refused_with_both_texts_shown(
        self, login, chapter, secretariat, settings
    ):
        from tests.factories import UserFactory

        colleague = UserFactory(full_name="Budi Santoso", role=secretariat.role)
        revisions.save_chapter(chapter, "<p>Teks rekan kerja.</p>", 1, colleague)

        response = edit(login(secretariat), chapter, "<p>Teks saya sendiri.</p>", version=1)
        page = response.content.decode()
        assert response.status_code == 409
        assert "Teks rekan kerja." in page  # theirs, as saved
        assert "Teks saya sendiri." in page  # mine, kept in the editor
        assert "Budi Santoso" in page
        assert 'name="version" value="2"' in page  # the next save knowingly replaces theirs
        chapter.refresh_from_db()
        assert chapter.body == "<p>Teks rekan kerja.</p>"
        assert chapter.version == 2

    def test_saving_again_after_seeing_the_conflict_succeeds(self, login, chapter, secretariat):
        revisions.save_chapter(chapter, "<p>Teks rekan kerja.</p>", 1, secretariat)
        client = login(secretariat)
        assert edit(client, chapter, "<p>Gabungan.</p>", version=1).status_code == 409
        assert edit(client, chapter, "<p>Gabungan.</p>", version=2).status_code == 302
        chapter.refresh_from_db()
        assert (chapter.version, chapter.body) == (3, "<p>Gabungan.</p>")

    def test_two_saves_from_the_same_version_cannot_both_win(self, chapter, secretariat):
        revisions.save_chapter(chapter, "<p>Pertama.</p>", 1, secretariat)
        stale = Chapter.objects.get(pk=chapter.pk)
        stale.version = 1  # an editor opened before the first save
        with pytest.raises(revisions.StaleSave) as refused:
            revisions.save_chapter(stale, "<p>Kedua.</p>", 1, secretariat)
        assert refused.value.body == "<p>Kedua.</p>"
        assert Chapter.objects.get(pk=chapter.pk).body == "<p>Pertama.</p>"
        assert ChapterRevision.objects.filter(chapter=chapter).count() == 2


@pytest.mark.django_db
class TestHistoryAndRestore:
    @pytest.fixture
    def edited(self, chapter, secretariat):
        revisions.save_chapter(chapter, "<p>Versi dua.</p><p>Tetap.</p>", 1, secretariat)
        revisions.save_chapter(chapter, "<p>Versi tiga.</p><p>Tetap.</p>", 2, secretariat)
        return chapter

    def test_the_history_lists_every_revision(self, login, edited, mentor):
        page = login(mentor).get(f"/chapters/{edited.pk}/history/").content.decode()
        for version in (1, 2, 3):
            assert f'name="b" value="{version}"' in page
        assert "Rina Kusumawati" in page

    def test_the_differences_between_two_revisions(self, login, edited, regional_head):
        response = login(regional_head).get(f"/chapters/{edited.pk}/diff/?a=2&b=3")
        page = response.content.decode()
        assert response.status_code == 200
        assert "<del>Versi dua.</del>" in page
        assert "<ins>Versi tiga.</ins>" in page
        assert "Tetap." in page

    def test_an_unknown_revision_is_not_found(self, login, edited, mentor):
        assert login(mentor).get(f"/chapters/{edited.pk}/diff/?a=1&b=9").status_code == 404
        assert login(mentor).get(f"/chapters/{edited.pk}/diff/?a=x").status_code == 404

    def test_restoring_an_old_revision_makes_a_new_one(self, login, edited, secretariat):
        response = login(secretariat).post(f"/chapters/{edited.pk}/revisions/2/restore/")
        assert response.status_code == 302
        edited.refresh_from_db()
        assert edited.version == 4
        assert edited.body == "<p>Versi dua.</p><p>Tetap.</p>"
        restored = edited.revisions.first()
        assert (restored.version, restored.restored_from) == (4, 2)
        assert edited.revisions.count() == 4  # nothing was rewritten

    def test_restoring_the_outline_text(self, login, edited, secretariat):
        login(secretariat).post(f"/chapters/{edited.pk}/revisions/1/restore/")
        edited.refresh_from_db()
        assert "Latar Belakang" in edited.body

    def test_the_diff_shrinks_long_unchanged_runs(self):
        old = "".join(f"<p>Baris {n}.</p>" for n in range(20))
        new = old.replace("<p>Baris 10.</p>", "<p>Baris sepuluh.</p>")
        lines = revisions.diff(old, new, context=2)
        kinds = [line.kind for line in lines]
        assert kinds.count("skipped") == 2
        assert len(lines) < 12


@pytest.mark.django_db
class TestOutline:
    def test_secretariat_adds_a_chapter_at_the_end(self, login, programme, secretariat):
        book = programme.books.get(number=3)
        response = login(secretariat).post(
            f"/books/{book.pk}/chapters/new/", {"title": "Lampiran: Daftar Hadir"}
        )
        chapter = book.chapters.order_by("order").last()
        assert chapter.title == "Lampiran: Daftar Hadir"
        assert chapter.order == 4
        assert response["Location"] == f"/chapters/{chapter.pk}/edit/"

    def test_moving_a_chapter_renumbers_the_book(self, login, programme, secretariat):
        book = programme.books.get(number=1)
        second = book.chapters.get(order=2)
        login(secretariat).post(f"/chapters/{second.pk}/move/up/")
        assert list(book.chapters.order_by("order").values_list("title", flat=True))[:2] == [
            "Profil Daerah",
            "Pendahuluan",
        ]
        html = rendering.book_html(book)
        assert html.index("BAB 1</span>Profil Daerah") < html.index("BAB 2</span>Pendahuluan")

    def test_the_first_chapter_cannot_move_up(self, programme):
        first = programme.books.get(number=1).chapters.get(order=1)
        rendering.move_chapter(first, -1)
        first.refresh_from_db()
        assert first.order == 1

    def test_a_fourth_road_map_book_is_added_once(self, login, programme, secretariat):
        client = login(secretariat)
        client.post("/books/roadmap/new/")
        client.post("/books/roadmap/new/")
        book = programme.books.get(number=4)
        assert book.title == "Road Map"
        assert book.chapters.count() == 3
        assert "Tambah buku keempat" not in client.get("/books/").content.decode()
