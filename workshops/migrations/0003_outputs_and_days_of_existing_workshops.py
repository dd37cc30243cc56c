"""Give workshops that existed before the checklist their outputs and days."""

import datetime

from django.db import migrations


def forwards(apps, schema_editor):
    Workshop = apps.get_model("workshops", "Workshop")
    TargetOutput = apps.get_model("workshops", "TargetOutput")
    WorkshopDay = apps.get_model("workshops", "WorkshopDay")
    for workshop in Workshop.objects.all():
        if not TargetOutput.objects.filter(workshop=workshop).exists():
            lines = [line.strip() for line in workshop.target_outputs.splitlines() if line.strip()]
            TargetOutput.objects.bulk_create(
                TargetOutput(workshop=workshop, title=title[:255], order=order)
                for order, title in enumerate(lines, start=1)
            )
        if workshop.start_date:
            last = workshop.end_date or workshop.start_date
            day = workshop.start_date
            while day <= last and (day - workshop.start_date).days < 14:
                WorkshopDay.objects.get_or_create(workshop=workshop, date=day)
                day += datetime.timedelta(days=1)


class Migration(migrations.Migration):
    dependencies = [("workshops", "0002_plan_register_attendance")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
