"""The record of changes costs the same number of queries with 5 or 30 changes (no query per
row for the previous record or for a changed OPD's name), and is paged in the database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regency.models import Regency, Role

from .factories import OpdFactory, UserFactory

pytestmark = pytest.mark.django_db


def make_changes(person, opds, count: int) -> None:
    """``count`` edits of a person, each moving them to another OPD (a foreign key) and
    changing their position, plus as many of the regency's profile."""
    profile = Regency.load()
    for number in range(count):
        person.opd = opds[number % len(opds)]
        person.position = f"Staf {number}"
        person.save()
        profile.head_name = f"Bupati {number}"
        profile.save()


def queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize(
    "url", ["/people/changes/", "/people/changes/?kind=person", "/people/{pk}/"]
)
def test_the_query_count_does_not_grow_with_the_changes(login, secretariat, regency, url):
    opds = [OpdFactory(name=f"Dinas {n}", acronym=f"D{n}") for n in range(6)]
    few = UserFactory(role=Role.OPD_REPRESENTATIVE, opd=opds[0], full_name="Sedikit")
    many = UserFactory(role=Role.OPD_REPRESENTATIVE, opd=opds[0], full_name="Banyak")
    client = login(secretariat)
    make_changes(few, opds, 5)
    counted_few, page_few = queries(client, url.format(pk=few.pk))
    make_changes(many, opds, 30)
    counted_many, page_many = queries(client, url.format(pk=many.pk))
    assert counted_many <= counted_few, (counted_few, counted_many)
    assert "Staf 29" in page_many and "D4 → D5" in page_many  # the names are still resolved


def test_the_changes_are_paged_newest_first(login, secretariat, regency):
    opds = [OpdFactory(name=f"Dinas {n}", acronym=f"D{n}") for n in range(2)]
    person = UserFactory(role=Role.OPD_REPRESENTATIVE, opd=opds[0])
    make_changes(person, opds, 30)  # 60 changes and more: two pages of 50
    client = login(secretariat)
    first = client.get("/people/changes/").content.decode()
    second = client.get("/people/changes/?page=2").content.decode()
    assert "Bupati 29" in first and "Staf 29" in first
    assert "Bupati 0" not in first and "Staf 0 " not in first
    assert "Bupati 0" in second
    assert first.count("<tr>") == 51 and "page=2" in first
