"""Words with two meanings get a context, and counts agree with their number."""

from django import forms
from django.utils import translation

from masterplan.books.blocks import render_blocks
from masterplan.inputs.forms import _display

from .factories_workshops import ParticipantFactory


def test_a_yes_no_answer_is_ya_or_tidak_in_indonesian():
    field = forms.BooleanField()
    with translation.override("id"):
        assert _display(field, True) == "Ya"
        assert _display(field, False) == "Tidak"


def test_the_number_column_is_no_with_a_dot_in_both_languages(programme):
    placeholder = '<div data-block="dimensions"></div>'
    for language in ("id", "en"):
        with translation.override(language):
            assert "<th>No.</th>" in render_blocks(placeholder, programme)


def test_inviting_one_person_says_person_in_english(login, secretariat, programme, opd):
    ParticipantFactory(programme=programme, opd=opd)
    workshop = programme.workshops.get(stage=1)
    secretariat.language = "en"  # the account's language, not the browser's (issue 13)
    secretariat.save()
    client = login(secretariat)
    page = client.post(f"/workshops/{workshop.pk}/invite/", {"opds": [opd.pk]}, follow=True)
    assert "1 person invited." in page.content.decode()
