"""Review of the chapters: states, comments resolved one by one, and who may do what."""

import pytest

from masterplan.models import Chapter, ChapterComment, ChapterRevision


@pytest.fixture
def chapter(programme):
    return Chapter.objects.get(book__programme=programme, book__number=1, order=1)


@pytest.mark.django_db
class TestComments:
    def test_a_mentor_comments_and_resolves(self, login, chapter, mentor):
        client = login(mentor)
        response = client.post(
            f"/chapters/{chapter.pk}/comments/", {"text": "Tambahkan dasar hukum SPBE."}
        )
        assert response.status_code == 302
        comment = ChapterComment.objects.get()
        assert (comment.author, comment.version, comment.is_resolved) == (mentor, 1, False)
        page = client.get(f"/chapters/{chapter.pk}/").content.decode()
        assert "Tambahkan dasar hukum SPBE." in page
        assert "1 terbuka" in page

        client.post(f"/comments/{comment.pk}/resolve/")
        comment.refresh_from_db()
        assert comment.is_resolved and comment.resolved_by == mentor
        assert "0 terbuka" in client.get(f"/chapters/{chapter.pk}/").content.decode()

    def test_comments_are_resolved_one_by_one(self, login, chapter, secretariat, mentor):
        first = ChapterComment.objects.create(chapter=chapter, author=mentor, text="Satu")
        second = ChapterComment.objects.create(chapter=chapter, author=mentor, text="Dua")
        login(secretariat).post(f"/comments/{first.pk}/resolve/")
        first.refresh_from_db()
        second.refresh_from_db()
        assert first.is_resolved and not second.is_resolved

    def test_an_empty_comment_is_refused(self, login, chapter, mentor):
        response = login(mentor).post(f"/chapters/{chapter.pk}/comments/", {"text": "  "})
        assert response.status_code == 400
        assert not ChapterComment.objects.exists()

    def test_the_book_page_counts_open_comments_and_final_chapters(
        self, login, chapter, secretariat, mentor
    ):
        ChapterComment.objects.create(chapter=chapter, author=mentor, text="Satu")
        Chapter.objects.filter(pk=chapter.pk).update(state=Chapter.State.FINAL)
        page = login(secretariat).get(f"/books/{chapter.book_id}/").content.decode()
        assert "1 dari 6 bab final" in page
        assert 'title="Komentar terbuka"' in page


@pytest.mark.django_db
class TestStates:
    def test_secretariat_moves_a_chapter_through_review(self, login, chapter, secretariat):
        client = login(secretariat)
        for state in ("review", "final", "draft"):
            client.post(f"/chapters/{chapter.pk}/state/", {"state": state})
            chapter.refresh_from_db()
            assert chapter.state == state

    def test_an_unknown_state_is_ignored(self, login, chapter, secretariat):
        login(secretariat).post(f"/chapters/{chapter.pk}/state/", {"state": "published"})
        chapter.refresh_from_db()
        assert chapter.state == Chapter.State.DRAFT


@pytest.mark.django_db
class TestWhoMayEditAndComment:
    def urls(self, chapter, comment):
        book = chapter.book_id
        return {
            "edit": (f"/chapters/{chapter.pk}/edit/", {"title": "X", "body": "<p>X</p>", "version": 1}),
            "preview": (f"/chapters/{chapter.pk}/preview/", {"body": "<p>X</p>"}),
            "state": (f"/chapters/{chapter.pk}/state/", {"state": "final"}),
            "restore": (f"/chapters/{chapter.pk}/revisions/1/restore/", {}),
            "move": (f"/chapters/{chapter.pk}/move/down/", {}),
            "add": (f"/books/{book}/chapters/new/", {"title": "Bab baru"}),
            "roadmap": ("/books/roadmap/new/", {}),
            "comment": (f"/chapters/{chapter.pk}/comments/", {"text": "Catatan"}),
            "resolve": (f"/comments/{comment.pk}/resolve/", {}),
        }  # fmt: skip

    @pytest.fixture
    def comment(self, chapter, secretariat):
        ChapterRevision.objects.create(chapter=chapter, version=1, title="A", body="<p>A</p>")
        return ChapterComment.objects.create(chapter=chapter, author=secretariat, text="Awal")

    def assert_unchanged(self, chapter):
        chapter.refresh_from_db()
        assert (chapter.version, chapter.state, chapter.order) == (1, Chapter.State.DRAFT, 1)
        assert chapter.book.chapters.count() == 6
        assert not chapter.book.programme.books.filter(number=4).exists()
        assert ChapterComment.objects.count() == 1
        assert not ChapterComment.objects.filter(resolved_at__isnull=False).exists()

    def test_opd_people_can_do_nothing(self, login, chapter, comment, representative, opd_head):
        for person in (representative, opd_head):
            client = login(person)
            for name, (url, data) in self.urls(chapter, comment).items():
                assert client.post(url, data).status_code == 403, name
            assert client.get(f"/chapters/{chapter.pk}/edit/").status_code == 403
            assert client.get(f"/chapters/{chapter.pk}/history/").status_code == 403
            assert client.get(f"/chapters/{chapter.pk}/diff/?a=1&b=1").status_code == 403
        self.assert_unchanged(chapter)

    def test_a_mentor_comments_but_does_not_edit(self, login, chapter, comment, mentor):
        client = login(mentor)
        for name, (url, data) in self.urls(chapter, comment).items():
            if name in ("comment", "resolve"):
                continue
            assert client.post(url, data).status_code == 403, name
        assert client.get(f"/chapters/{chapter.pk}/edit/").status_code == 403
        page = client.get(f"/chapters/{chapter.pk}/").content.decode()
        assert "Ubah bab" not in page and "Tambah komentar" in page
        self.assert_unchanged(chapter)

    def test_the_regional_head_reads_but_neither_edits_nor_comments(
        self, login, chapter, comment, regional_head
    ):
        client = login(regional_head)
        for name, (url, data) in self.urls(chapter, comment).items():
            assert client.post(url, data).status_code == 403, name
        page = client.get(f"/chapters/{chapter.pk}/").content.decode()
        assert "Ubah bab" not in page and "Tambah komentar" not in page
        assert client.get(f"/chapters/{chapter.pk}/history/").status_code == 200
        self.assert_unchanged(chapter)

    def test_unknown_ids_are_not_found(self, login, secretariat, programme):
        client = login(secretariat)
        assert client.get("/chapters/999999/edit/").status_code == 404
        assert client.post("/comments/999999/resolve/").status_code == 404
        assert client.post("/chapters/999999/revisions/1/restore/").status_code == 404

    def test_a_stranger_is_sent_to_sign_in(self, client, chapter):
        response = client.get(f"/chapters/{chapter.pk}/edit/")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
class TestHomePage:
    def test_mentors_and_secretariat_see_chapters_with_open_comments(
        self, login, chapter, mentor, secretariat, regional_head
    ):
        ChapterComment.objects.create(chapter=chapter, author=mentor, text="Satu")
        resolved = ChapterComment.objects.create(chapter=chapter, author=mentor, text="Dua")
        resolved.resolved_at = resolved.created_at
        resolved.save()
        for person in (mentor, secretariat):
            page = login(person).get("/").content.decode()
            assert "Komentar reviu yang terbuka" in page
            assert "Buku I · Pendahuluan" in page and "1 terbuka" in page
            assert "Profil Daerah" not in page  # no comments there
        assert "Komentar reviu yang terbuka" not in login(regional_head).get("/").content.decode()
