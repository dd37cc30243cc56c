from django.db import migrations

SOURCES = [
    ("apbd", "APBD"),
    ("apbn", "APBN"),
    ("dana-desa", "Dana Desa"),
    ("csr", "CSR"),
    ("kpbu", "KPBU"),
    ("lainnya", "Lainnya"),
]


def add_sources(apps, schema_editor):
    FundingSource = apps.get_model("masterplan", "FundingSource")
    for order, (code, name) in enumerate(SOURCES):
        FundingSource.objects.get_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("masterplan", "0002_inputs")]

    operations = [migrations.RunPython(add_sources, migrations.RunPython.noop)]
