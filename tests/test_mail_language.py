"""Each e-mail is written in its recipient's own language (User.language), not the site's."""

import datetime

from django.core import mail

from masterplan.commitments import signing
from masterplan.inputs import workflow
from masterplan.models import Worksheet, WorksheetStateChange
from regency.models import Role
from tests.factories import UserFactory

from .factories_inputs import InputWindowFactory, WorksheetFactory
from .factories_signing import issued_sheet


def by_recipient() -> dict[str, mail.EmailMessage]:
    return {message.to[0]: message for message in mail.outbox}


def test_the_state_change_mail_is_in_each_recipients_language(programme, opd, secretariat):
    UserFactory(role=Role.OPD_REPRESENTATIVE, opd=opd, email="en@tubankab.go.id", language="en")
    UserFactory(role=Role.OPD_REPRESENTATIVE, opd=opd, email="id@tubankab.go.id", language="id")
    worksheet = WorksheetFactory(window=InputWindowFactory(programme=programme), opd=opd)
    change = WorksheetStateChange.objects.create(
        worksheet=worksheet,
        from_state=Worksheet.State.SUBMITTED,
        to_state=Worksheet.State.RETURNED,
        by=secretariat,
    )
    workflow.mail_state_change(change.pk)
    mails = by_recipient()
    assert sorted(mails) == ["en@tubankab.go.id", "id@tubankab.go.id"]
    assert mails["en@tubankab.go.id"].subject.startswith("Worksheet ")
    assert "Open it:" in mails["en@tubankab.go.id"].body
    assert mails["id@tubankab.go.id"].subject.startswith("Kertas kerja ")
    assert "Open it:" not in mails["id@tubankab.go.id"].body


def test_the_input_reminder_is_in_each_recipients_language(programme, opd):
    UserFactory(role=Role.OPD_REPRESENTATIVE, opd=opd, email="en@tubankab.go.id", language="en")
    UserFactory(role=Role.OPD_REPRESENTATIVE, opd=opd, email="id@tubankab.go.id", language="id")
    WorksheetFactory(window=InputWindowFactory(programme=programme), opd=opd)
    workflow.send_reminders(programme.input_windows.get())
    mails = by_recipient()
    assert mails["en@tubankab.go.id"].subject.startswith("Reminder: worksheets due")
    assert mails["id@tubankab.go.id"].subject.startswith("Pengingat: kertas kerja")


def test_the_signing_reminder_is_in_each_signatorys_language(
    programme, secretariat, opd_head, regional_head, other_opd
):
    other_head = UserFactory(
        role=Role.OPD_HEAD, opd=other_opd, email="kepala.dinkes@tubankab.go.id", language="id"
    )
    opd_head.email, opd_head.language = "kepala@tubankab.go.id", "en"
    opd_head.save()
    sheet = issued_sheet(programme, secretariat, [regional_head, opd_head, other_head])
    mail.outbox.clear()
    signing.send_reminders(sheet.pk, datetime.datetime.now(datetime.UTC))
    mails = by_recipient()
    assert sorted(mails) == ["kepala.dinkes@tubankab.go.id", "kepala@tubankab.go.id"]
    assert mails["kepala@tubankab.go.id"].subject.startswith("Awaiting your signature")
    assert "Read it and sign it here" in mails["kepala@tubankab.go.id"].body
    assert mails["kepala.dinkes@tubankab.go.id"].subject.startswith("Menunggu tanda tangan")
    assert "Read it and sign it here" not in mails["kepala.dinkes@tubankab.go.id"].body
