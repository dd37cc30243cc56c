from django.db import migrations, models


class Migration(migrations.Migration):
    """The free-text origin becomes a note for origins outside the app; masterplan links a quick
    win to its roadmap item or proposal (QuickWinOrigin)."""

    dependencies = [("quickwins", "0001_initial")]

    operations = [
        migrations.RenameField("quickwin", "origin", "origin_note"),
        migrations.AlterField(
            model_name="quickwin",
            name="origin_note",
            field=models.CharField(
                blank=True,
                help_text=(
                    "Where it came from when it is neither a roadmap item nor a proposal, "
                    "e.g. the regent's instruction."
                ),
                max_length=300,
                verbose_name="other origin",
            ),
        ),
    ]
