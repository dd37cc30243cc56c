"""Planning a Bimtek: its days follow its dates, its outputs come from the defaults."""

import datetime

from django.db import transaction

from regency.models import Programme

from .models import TargetOutput, Workshop, WorkshopDay


@transaction.atomic
def sync_days(workshop: Workshop) -> list[WorkshopDay]:
    """Give the workshop one day per date from its first to its last day.

    Days outside the range are removed unless attendance was taken on them.
    """
    if not workshop.start_date:
        return list(workshop.days.all())
    last = workshop.end_date or workshop.start_date
    dates: list[datetime.date] = []
    current = workshop.start_date
    while current <= last and len(dates) < 14:
        dates.append(current)
        current += datetime.timedelta(days=1)
    for date in dates:
        WorkshopDay.objects.get_or_create(workshop=workshop, date=date)
    workshop.days.exclude(date__in=dates).filter(attendances__isnull=True).delete()
    return list(workshop.days.all())


def create_outputs_from_text(workshop: Workshop) -> None:
    """Turn the workshop's default target outputs (one per line) into a checklist once."""
    if workshop.outputs.exists():
        return
    TargetOutput.objects.bulk_create(
        TargetOutput(workshop=workshop, title=title, order=order)
        for order, title in enumerate(workshop.target_output_list, start=1)
    )


def timeline(programme: Programme) -> list[dict]:
    """The four stages with their dates and how many of their outputs are done."""
    rows = []
    for workshop in programme.workshops.prefetch_related("outputs"):
        outputs = list(workshop.outputs.all())
        rows.append(
            {
                "workshop": workshop,
                "done": sum(1 for o in outputs if o.status == TargetOutput.Status.DONE),
                "total": len(outputs),
            }
        )
    return rows
