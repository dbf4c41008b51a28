from django.db import migrations, models

from ctip.core.migration_ops import AppendOnlyWiden

BEFORE = ["at", "actor_id", "action", "object_type", "object_id"]


class Migration(migrations.Migration):
    dependencies = [("core", "0006_model_names")]

    operations = [
        # Nullable, so that SQLite adds the column in place (a rebuilt table would lose the
        # append-only trigger of 0005).
        migrations.AddField(
            model_name="auditentry",
            name="via",
            field=models.CharField(blank=True, max_length=40, null=True, verbose_name="kênh"),
        ),
        # The token a write came through is as fixed as who made it.
        AppendOnlyWiden(
            table="core_auditentry",
            before=BEFORE,
            columns=[*BEFORE, "via"],
            whole_row_if="OLD.action = 'read'",
        ),
    ]
