"""Submit, comment, return, resubmit, accept: recorded with who and when, and e-mailed."""

import pytest
from django.core import mail
from django.urls import reverse

from masterplan.inputs import workflow
from masterplan.models import ReviewComment, Worksheet, WorksheetStateChange

from .factories_inputs import EntryFactory, WorksheetFactory

pytestmark = pytest.mark.django_db
State = Worksheet.State


@pytest.fixture
def worksheet(programme, opd, representative, secretariat):
    representative.email = "wakil@tubankab.go.id"
    representative.save()
    secretariat.email = "sekretariat@tubankab.go.id"
    secretariat.save()
    worksheet = WorksheetFactory(window__programme=programme, opd=opd, state=State.DRAFT)
    EntryFactory(worksheet=worksheet)
    return worksheet


def act(client, worksheet, action, **data):
    return client.post(
        reverse("masterplan:inputs:worksheet_action", args=[worksheet.pk, action]), data
    )


class TestTheReviewCycle:
    def test_submit_return_resubmit_accept_is_recorded_and_mailed(
        self,
        client,
        login,
        representative,
        secretariat,
        worksheet,
        django_capture_on_commit_callbacks,
    ):
        with django_capture_on_commit_callbacks(execute=True):
            act(login(representative), worksheet, "submit")
        worksheet.refresh_from_db()
        assert worksheet.state == State.SUBMITTED
        assert mail.outbox[-1].to == ["sekretariat@tubankab.go.id"]

        client.logout()
        with django_capture_on_commit_callbacks(execute=True):
            act(login(secretariat), worksheet, "return", note="Lengkapi baseline.")
        worksheet.refresh_from_db()
        assert worksheet.state == State.RETURNED
        assert mail.outbox[-1].to == ["wakil@tubankab.go.id"]
        assert "Lengkapi baseline." in mail.outbox[-1].body
        assert ReviewComment.objects.get().text == "Lengkapi baseline."

        client.logout()
        page = login(representative).get(
            reverse("masterplan:inputs:worksheet", args=[worksheet.pk])
        )
        assert "Lengkapi baseline." in page.text
        with django_capture_on_commit_callbacks(execute=True):
            act(client, worksheet, "submit")
        client.logout()
        with django_capture_on_commit_callbacks(execute=True):
            act(login(secretariat), worksheet, "accept")
        worksheet.refresh_from_db()
        assert worksheet.state == State.ACCEPTED

        history = list(WorksheetStateChange.objects.values_list("to_state", "by__username"))
        assert history == [
            ("submitted", "wakil"),
            ("returned", "sekretariat"),
            ("submitted", "wakil"),
            ("accepted", "sekretariat"),
        ]
        assert len(mail.outbox) == 4
        assert WorksheetStateChange.objects.filter(mailed_at=None).count() == 0

    def test_the_mail_is_sent_once_even_if_the_task_runs_twice(self, worksheet, representative):
        change = workflow.change_state(worksheet, "submit", representative)
        mail.outbox.clear()
        assert workflow.mail_state_change(change.pk) == 1
        assert workflow.mail_state_change(change.pk) == 0
        assert len(mail.outbox) == 1

    def test_returning_needs_a_note(self, login, secretariat, worksheet):
        Worksheet.objects.filter(pk=worksheet.pk).update(state=State.SUBMITTED)
        act(login(secretariat), worksheet, "return", note="")
        worksheet.refresh_from_db()
        assert worksheet.state == State.SUBMITTED

    def test_an_empty_worksheet_cannot_be_submitted(self, login, representative, worksheet):
        worksheet.entries.all().delete()
        act(login(representative), worksheet, "submit")
        worksheet.refresh_from_db()
        assert worksheet.state == State.DRAFT


class TestRefusals:
    def test_a_representative_cannot_accept_or_return_their_own_worksheet(
        self, login, representative, worksheet
    ):
        Worksheet.objects.filter(pk=worksheet.pk).update(state=State.SUBMITTED)
        client = login(representative)
        assert act(client, worksheet, "accept").status_code == 403
        assert act(client, worksheet, "return", note="x").status_code == 403
        worksheet.refresh_from_db()
        assert worksheet.state == State.SUBMITTED

    def test_a_representative_cannot_submit_another_opds_worksheet(
        self, login, representative, programme, other_opd, worksheet
    ):
        other = WorksheetFactory(window=worksheet.window, opd=other_opd, state=State.DRAFT)
        EntryFactory(worksheet=other)
        assert act(login(representative), other, "submit").status_code == 404
        other.refresh_from_db()
        assert other.state == State.DRAFT

    def test_a_mentor_cannot_submit_accept_or_return(self, login, mentor, worksheet):
        client = login(mentor)
        for action in ("submit", "accept", "return"):
            assert act(client, worksheet, action, note="x").status_code == 403
        worksheet.refresh_from_db()
        assert worksheet.state == State.DRAFT

    def test_the_regional_head_reads_but_cannot_comment(self, login, regional_head, worksheet):
        client = login(regional_head)
        assert (
            client.get(reverse("masterplan:inputs:worksheet", args=[worksheet.pk])).status_code
            == 200
        )
        response = client.post(
            reverse("masterplan:inputs:worksheet_comment", args=[worksheet.pk]), {"text": "Bagus"}
        )
        assert response.status_code == 403

    def test_an_unknown_action_is_a_bad_request(self, login, secretariat, worksheet):
        assert act(login(secretariat), worksheet, "approve").status_code == 400


class TestComments:
    def test_a_mentor_comments_on_one_entry_and_the_opd_sees_it(
        self, client, login, mentor, representative, worksheet
    ):
        entry = worksheet.entries.get()
        login(mentor).post(
            reverse("masterplan:inputs:worksheet_comment", args=[worksheet.pk]),
            {"text": "Indikator kurang terukur.", "entry": entry.pk},
        )
        comment = ReviewComment.objects.get()
        assert (comment.entry, comment.author) == (entry, mentor)
        client.logout()
        page = login(representative).get(
            reverse("masterplan:inputs:worksheet", args=[worksheet.pk])
        )
        assert "Indikator kurang terukur." in page.text

    def test_a_representative_cannot_comment(self, login, representative, worksheet):
        response = login(representative).post(
            reverse("masterplan:inputs:worksheet_comment", args=[worksheet.pk]), {"text": "Saya"}
        )
        assert response.status_code == 403
        assert not ReviewComment.objects.exists()

    def test_a_comment_cannot_point_at_an_entry_of_another_worksheet(
        self, login, secretariat, worksheet, other_opd
    ):
        foreign = EntryFactory(worksheet__window=worksheet.window, worksheet__opd=other_opd)
        response = login(secretariat).post(
            reverse("masterplan:inputs:worksheet_comment", args=[worksheet.pk]),
            {"text": "Salah alamat", "entry": foreign.pk},
        )
        assert response.status_code == 404
        assert not ReviewComment.objects.exists()

    def test_an_empty_comment_is_refused(self, login, secretariat, worksheet):
        login(secretariat).post(
            reverse("masterplan:inputs:worksheet_comment", args=[worksheet.pk]), {"text": ""}
        )
        assert not ReviewComment.objects.exists()


def test_a_representative_without_email_addresses_gets_no_mail(worksheet, secretariat):
    Worksheet.objects.filter(pk=worksheet.pk).update(state=State.SUBMITTED)
    worksheet.opd.people.update(email="")
    change = workflow.change_state(worksheet, "accept", secretariat)
    mail.outbox.clear()
    assert workflow.mail_state_change(change.pk) == 0
    assert mail.outbox == []
