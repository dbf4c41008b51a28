"""The break-glass reason is personal data: encrypted like the case's fields."""

from django.db import migrations

import ctip.core.crypto


def encrypt_reasons(apps, schema_editor):
    AccessLog = apps.get_model("victims", "AccessLog")
    for row in AccessLog.objects.exclude(break_glass_reason="").iterator(chunk_size=500):
        row.reason_sealed = row.break_glass_reason
        row.save(update_fields=["reason_sealed"])
    from ctip.core.migration_files import check_constraints_now

    check_constraints_now(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("victims", "0005_sealed_files")]

    operations = [
        migrations.AddField(
            "accesslog",
            "reason_sealed",
            ctip.core.crypto.EncryptedTextField(blank=True, default=""),
        ),
        migrations.RunPython(encrypt_reasons, migrations.RunPython.noop),
        migrations.RemoveField("accesslog", "break_glass_reason"),
        migrations.RenameField("accesslog", "reason_sealed", "break_glass_reason"),
    ]
