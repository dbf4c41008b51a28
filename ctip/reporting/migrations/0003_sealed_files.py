"""Request letters and signed scans become sealed files (encrypted, random names)."""

import django.db.models.deletion
from django.db import migrations, models


def seal(apps, schema_editor):
    from ctip.core.migration_files import check_constraints_now, seal_field

    seal_field(apps, apps.get_model("reporting", "ReportRequest"), "letter", "letter_sealed")
    seal_field(apps, apps.get_model("reporting", "Report"), "scan", "scan_sealed")
    check_constraints_now(schema_editor)


def _fk(verbose_name):
    return models.ForeignKey(
        blank=True,
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="core.sealedfile",
        verbose_name=verbose_name,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_sealed_files_and_keys"),
        ("reporting", "0002_workflow"),
    ]

    operations = [
        migrations.AddField("reportrequest", "letter_sealed", _fk("văn bản yêu cầu (tệp)")),
        migrations.AddField("report", "scan_sealed", _fk("bản scan đã ký, đóng dấu")),
        migrations.RunPython(seal, migrations.RunPython.noop),
        migrations.RemoveField("reportrequest", "letter"),
        migrations.RemoveField("report", "scan"),
        migrations.RenameField("reportrequest", "letter_sealed", "letter"),
        migrations.RenameField("report", "scan_sealed", "scan"),
    ]
