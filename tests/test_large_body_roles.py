"""Only the people a view admits may make the server read a large chapter body; a broken
Content-Length is a bad request, not a server error."""

from unittest import mock

import pytest
from django.http import HttpRequest

from masterplan.models import Chapter

from .test_chapter_size_limit import post_form, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def chapter(programme):
    return Chapter.objects.get(book__programme=programme, book__number=1, order=1)


@pytest.fixture
def bytes_read():
    """How many bytes of request bodies the server read, however it read them."""
    read = []
    original = HttpRequest.read

    def counting(self, *args, **kwargs):
        chunk = original(self, *args, **kwargs)
        read.append(len(chunk))
        return chunk

    with mock.patch.object(HttpRequest, "read", counting):
        yield read


@pytest.mark.parametrize("who", ["mentor", "representative"])
def test_a_large_body_from_someone_the_view_refuses_is_never_read(
    request, login, chapter, bytes_read, who
):
    before = (chapter.version, chapter.body)
    response = post_form(
        login(request.getfixturevalue(who)),
        f"/chapters/{chapter.pk}/edit/",
        {"title": chapter.title, "body": text_of(3), "version": chapter.version},
    )
    assert response.status_code == 403
    assert sum(bytes_read) == 0
    chapter.refresh_from_db()
    assert (chapter.version, chapter.body) == before


def test_the_secretariat_may_still_send_a_large_chapter(login, secretariat, chapter, bytes_read):
    body = text_of(3)
    response = post_form(
        login(secretariat),
        f"/chapters/{chapter.pk}/edit/",
        {"title": chapter.title, "body": body, "version": chapter.version},
    )
    assert response.status_code == 302
    assert sum(bytes_read) > 3 * 1024 * 1024
    chapter.refresh_from_db()
    assert chapter.body == body


def test_a_content_length_that_is_not_a_number_is_a_bad_request(login, secretariat, chapter):
    before = (chapter.version, chapter.body)
    response = login(secretariat).post(
        f"/chapters/{chapter.pk}/edit/",
        "title=x&body=y&version=1",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH="zwanzig",
    )
    assert response.status_code == 400
    chapter.refresh_from_db()
    assert (chapter.version, chapter.body) == before
