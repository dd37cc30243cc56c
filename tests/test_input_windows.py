"""The secretariat opens input windows, follows them in a matrix, extends deadlines and
reminds the OPDs; representatives see what is due on their home page."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from masterplan.inputs import workflow
from masterplan.models import InputWindow, Worksheet, WorksheetStateChange
from regency.models import Dimension

from .factories import OpdFactory, UserFactory
from .factories_inputs import InputWindowFactory, WorksheetFactory

pytestmark = pytest.mark.django_db
State = Worksheet.State


def in_days(days):
    return timezone.now() + datetime.timedelta(days=days)


class TestOpeningAWindow:
    def test_the_secretariat_opens_a_window_with_a_worksheet_per_opd_and_dimension(
        self, login, secretariat, programme, opd, other_opd
    ):
        dimensions = Dimension.objects.filter(code__in=["governance", "living"])
        response = login(secretariat).post(
            reverse("masterplan:inputs:window_new"),
            {
                "stage": 2,
                "title": "Program per dimensi",
                "kinds": ["issues", "proposals"],
                "deadline": in_days(14).strftime("%Y-%m-%dT%H:%M"),
                "reminder_days": 3,
                "opds": [opd.pk, other_opd.pk],
                "dimensions": [d.pk for d in dimensions],
            },
        )
        window = InputWindow.objects.get()
        assert response.url == reverse("masterplan:inputs:window", args=[window.pk])
        assert window.kinds == ["issues", "proposals"]
        assert window.worksheets.count() == 4
        assert set(window.worksheets.values_list("state", flat=True)) == {State.NOT_STARTED}

    def test_a_past_deadline_is_refused_and_the_form_keeps_the_title(
        self, login, secretariat, programme, opd
    ):
        response = login(secretariat).post(
            reverse("masterplan:inputs:window_new"),
            {
                "stage": 2,
                "title": "Judul yang saya ketik",
                "kinds": ["issues"],
                "deadline": in_days(-1).strftime("%Y-%m-%dT%H:%M"),
                "reminder_days": 3,
                "opds": [opd.pk],
                "dimensions": [Dimension.objects.first().pk],
            },
        )
        assert response.status_code == 200
        assert "deadline" in response.context["form"].errors
        assert "Judul yang saya ketik" in response.text
        assert not InputWindow.objects.exists()

    def test_only_the_secretariat_opens_windows(self, login, representative, mentor, programme):
        for user in (representative, mentor):
            client = login(user)
            assert client.get(reverse("masterplan:inputs:window_new")).status_code == 403
            client.logout()


class TestTheMatrix:
    def test_it_shows_each_cell_state_and_marks_late_cells(
        self, login, secretariat, programme, opd, other_opd
    ):
        window = InputWindowFactory(programme=programme, deadline=in_days(-1))
        WorksheetFactory(window=window, opd=opd, state=State.ACCEPTED)
        WorksheetFactory(window=window, opd=other_opd, state=State.DRAFT)
        response = login(secretariat).get(reverse("masterplan:inputs:window", args=[window.pk]))
        assert response.status_code == 200
        assert response.context["counts"]["late"] == 1
        assert response.context["counts"]["accepted"] == 1
        assert response.text.count("state-late") == 2  # the late cell and the legend

    def test_the_query_count_does_not_grow_with_the_number_of_opds(self, programme):
        window = InputWindowFactory(programme=programme)
        dimensions = list(Dimension.objects.all())

        def queries():
            with CaptureQueriesContext(connection) as captured:
                workflow.matrix(window)
            return len(captured)

        Worksheet.objects.bulk_create(
            Worksheet(window=window, opd=OpdFactory(), dimension=d) for d in dimensions
        )
        few = queries()
        for _ in range(10):
            opd = OpdFactory()
            Worksheet.objects.bulk_create(
                Worksheet(window=window, opd=opd, dimension=d) for d in dimensions
            )
        assert queries() == few

    def test_representatives_cannot_see_the_matrix(self, login, representative, programme):
        window = InputWindowFactory(programme=programme)
        response = login(representative).get(reverse("masterplan:inputs:window", args=[window.pk]))
        assert response.status_code == 403

    def test_a_mentor_sees_the_matrix_without_the_secretariat_buttons(
        self, login, mentor, programme
    ):
        window = InputWindowFactory(programme=programme)
        response = login(mentor).get(reverse("masterplan:inputs:window", args=[window.pk]))
        assert response.status_code == 200
        assert reverse("masterplan:inputs:remind", args=[window.pk]) not in response.text


class TestDeadlines:
    def test_the_secretariat_extends_the_deadline_and_rearms_the_reminder(
        self, login, secretariat, programme
    ):
        window = InputWindowFactory(programme=programme, reminded_at=timezone.now())
        later = in_days(21).replace(second=0, microsecond=0)
        login(secretariat).post(
            reverse("masterplan:inputs:deadline", args=[window.pk]),
            {"deadline": timezone.localtime(later).strftime("%Y-%m-%dT%H:%M")},
        )
        window.refresh_from_db()
        assert window.deadline == later
        assert window.reminded_at is None

    def test_a_representative_cannot_extend_a_deadline(self, login, representative, programme):
        window = InputWindowFactory(programme=programme)
        before = window.deadline
        response = login(representative).post(
            reverse("masterplan:inputs:deadline", args=[window.pk]),
            {"deadline": in_days(30).strftime("%Y-%m-%dT%H:%M")},
        )
        assert response.status_code == 403
        window.refresh_from_db()
        assert window.deadline == before


class TestReminders:
    @pytest.fixture
    def window(self, programme, opd, other_opd, representative):
        representative.email = "wakil@tubankab.go.id"
        representative.save()
        UserFactory(role="opd_rep", opd=other_opd, email="dinkes@tubankab.go.id")
        window = InputWindowFactory(programme=programme, deadline=in_days(10), reminder_days=3)
        WorksheetFactory(window=window, opd=opd, state=State.DRAFT)
        WorksheetFactory(window=window, opd=other_opd, state=State.SUBMITTED)
        return window

    def test_only_opds_that_have_not_submitted_are_reminded(self, window):
        assert workflow.send_reminders(window) == 1
        assert mail.outbox[0].to == ["wakil@tubankab.go.id"]
        assert "Smart Governance" in mail.outbox[0].body

    def test_the_secretariat_sends_reminders_on_request(
        self, login, secretariat, window, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            login(secretariat).post(reverse("masterplan:inputs:remind", args=[window.pk]))
        assert [m.to for m in mail.outbox] == [["wakil@tubankab.go.id"]]

    def test_a_representative_cannot_send_reminders(self, login, representative, window):
        response = login(representative).post(reverse("masterplan:inputs:remind", args=[window.pk]))
        assert response.status_code == 403

    def test_the_automatic_reminder_goes_out_once_within_the_reminder_days(self, window):
        assert workflow.send_due_reminders(now=in_days(6)) == []
        assert workflow.send_due_reminders(now=in_days(8)) == [window.pk]
        assert workflow.send_due_reminders(now=in_days(9)) == []
        assert len(mail.outbox) == 1

    def test_no_automatic_reminder_after_the_deadline(self, window):
        assert workflow.send_due_reminders(now=in_days(11)) == []

    def test_the_beat_schedule_runs_the_reminder_task(self, settings):
        entry = settings.CELERY_BEAT_SCHEDULE["input-reminders"]
        assert entry["task"] == workflow.send_due_input_reminders.name


class TestHomePage:
    def test_a_representative_sees_their_worksheets_with_the_time_left(
        self, login, representative, programme, opd, other_opd
    ):
        window = InputWindowFactory(programme=programme, deadline=in_days(5), title="Program II")
        mine = WorksheetFactory(window=window, opd=opd)
        theirs = WorksheetFactory(
            window=window, opd=other_opd, dimension=Dimension.objects.get(code="living")
        )
        response = login(representative).get(reverse("masterplan:home"))
        assert reverse("masterplan:inputs:worksheet", args=[mine.pk]) in response.text
        assert reverse("masterplan:inputs:worksheet", args=[theirs.pk]) not in response.text
        assert "Program II" in response.text
        assert response.context["inputs_due"] == [mine]

    def test_the_secretariat_sees_the_open_windows(self, login, secretariat, programme):
        window = InputWindowFactory(programme=programme, title="Isu per dimensi")
        response = login(secretariat).get(reverse("masterplan:home"))
        assert reverse("masterplan:inputs:window", args=[window.pk]) in response.text

    def test_submitted_worksheets_leave_the_to_do_list(self, login, representative, programme, opd):
        window = InputWindowFactory(programme=programme)
        done = WorksheetFactory(window=window, opd=opd, state=State.SUBMITTED)
        response = login(representative).get(reverse("masterplan:home"))
        assert response.context["inputs_due"] == []
        assert response.context["inputs_done"] == [done]
        assert reverse("masterplan:inputs:worksheet", args=[done.pk]) in response.text


class TestWindowList:
    def test_readers_see_the_windows(self, login, mentor, programme):
        window = InputWindowFactory(programme=programme, title="Isu per dimensi")
        response = login(mentor).get(reverse("masterplan:inputs:windows"))
        assert response.status_code == 200
        assert "Isu per dimensi" in response.text
        assert reverse("masterplan:inputs:window_new") not in response.text
        assert reverse("masterplan:inputs:window", args=[window.pk]) in response.text

    def test_representatives_and_opd_heads_are_refused(
        self, client, login, representative, opd_head, programme
    ):
        for user in (representative, opd_head):
            assert login(user).get(reverse("masterplan:inputs:windows")).status_code == 403
            client.logout()


def test_the_demo_has_worksheets_in_every_state_and_late_ones(
    regency, django_capture_on_commit_callbacks
):
    from io import StringIO

    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
    states = set(Worksheet.objects.values_list("state", flat=True))
    assert states == set(State.values)
    assert any(w.is_late for w in Worksheet.objects.select_related("window"))
    assert not WorksheetStateChange.objects.filter(by=None).exists()
