"""Queued messages and the beat schedule name tasks by string: those names never change."""

from config.celery import app

REGISTERED = {
    "masterplan.tasks.render_book",
    "masterplan.tasks.sign_commitment_pdf",
    "masterplan.tasks.send_signing_reminders",
    "masterplan.tasks.mail_worksheet_state_change",
    "masterplan.tasks.send_input_reminders",
    "masterplan.tasks.send_due_input_reminders",
    "workshops.tasks.render_print_job",
    "workshops.tasks.make_thumbnail",
    "masterplan.import_worksheet",
    "workshops.import_participants",
    "regency.tasks.send_outbox",
    "regency.tasks.requeue_stale_jobs",
    "regency.people.send_password_link",  # issue 13: invitations and password resets
}


def test_every_task_keeps_the_name_it_was_first_registered_with():
    app.loader.import_default_modules()
    ours = {name for name in app.tasks if not name.startswith("celery.")}
    assert ours == REGISTERED


def test_the_beat_schedule_names_a_registered_task(settings):
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks


def test_every_task_acknowledges_late_and_has_a_time_limit(settings):
    """From the settings' defaults (CELERY_TASK_*): a worker that dies gives the message back,
    and no task runs for ever."""
    app.loader.import_default_modules()
    for name in REGISTERED:
        task = app.tasks[name]
        assert task.acks_late and task.reject_on_worker_lost, name
        assert 0 < (task.time_limit or app.conf.task_time_limit) <= settings.CELERY_TASK_TIME_LIMIT
