"""Import uploads become sealed files; finished jobs' uploads are deleted."""

import django.db.models.deletion

import ctip.core.crypto
from django.db import migrations, models


def seal(apps, schema_editor):
    from pathlib import Path

    from django.conf import settings

    from ctip.core.migration_files import check_constraints_now, delete_after_commit, seal_field

    ImportJob = apps.get_model("prevention", "ImportJob")
    # A finished job's upload is no longer needed: delete it (after commit) instead of sealing it.
    for job in ImportJob.objects.exclude(status__in=["checking", "ready", "writing"]):
        if job.file:
            delete_after_commit(Path(settings.MEDIA_ROOT) / str(job.file))
    ImportJob.objects.exclude(status__in=["checking", "ready", "writing"]).update(file="")
    seal_field(apps, ImportJob, "file", "file_sealed")
    check_constraints_now(schema_editor)


def encrypt_names(apps, schema_editor):
    ImportJob = apps.get_model("prevention", "ImportJob")
    for job in ImportJob.objects.all():
        job.file_name_sealed = job.file_name
        job.save(update_fields=["file_name_sealed"])
    from ctip.core.migration_files import check_constraints_now

    check_constraints_now(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_sealed_files_and_keys"),
        ("prevention", "0006_activity_index_id"),
    ]

    operations = [
        migrations.AddField(
            "importjob",
            "file_sealed",
            models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="core.sealedfile",
            ),
        ),
        migrations.RunPython(seal, migrations.RunPython.noop),
        migrations.AddField(
            "importjob", "file_name_sealed", ctip.core.crypto.EncryptedTextField(default="")
        ),
        migrations.RunPython(encrypt_names, migrations.RunPython.noop),
        migrations.RemoveField("importjob", "file_name"),
        migrations.RenameField("importjob", "file_name_sealed", "file_name"),
        migrations.AlterField("importjob", "file_name", ctip.core.crypto.EncryptedTextField()),
        migrations.RemoveField("importjob", "file"),
        migrations.RenameField("importjob", "file_sealed", "file"),
    ]
