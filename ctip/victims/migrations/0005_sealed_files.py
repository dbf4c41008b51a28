"""Support evidence and generated papers become sealed files (encrypted, random names, original
name encrypted); blind indexes are recomputed under the blind-index key of their own."""

import django.db.models.deletion
from django.db import migrations, models


def seal_files(apps, schema_editor):
    from ctip.core.migration_files import check_constraints_now, seal_field

    seal_field(apps, apps.get_model("victims", "SupportGiven"), "evidence", "evidence_sealed")
    Paper = apps.get_model("victims", "Paper")
    seal_field(
        apps,
        Paper,
        "file",
        "file_sealed",
        name_of=lambda paper: f"{paper.case.code}-{paper.kind}.docx",
        encrypted=True,  # papers were already Fernet tokens under the same key ring
    )
    check_constraints_now(schema_editor)


def recompute_indexes(apps, schema_editor):
    from ctip.core.crypto import blind_index

    Case = apps.get_model("victims", "Case")
    for case in Case.objects.filter(purged_on__isnull=True).iterator(chunk_size=500):
        case.name_index = blind_index(case.full_name) if case.full_name else ""
        case.dob_index = blind_index(case.date_of_birth) if case.date_of_birth else ""
        doc = case.identity_document
        case.document_index = blind_index(doc) if doc else ""
        Case.objects.filter(pk=case.pk).update(
            name_index=case.name_index, dob_index=case.dob_index, document_index=case.document_index
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_sealed_files_and_keys"),
        ("victims", "0004_caseevent_state_on_pg"),
    ]

    operations = [
        migrations.AddField(
            model_name="supportgiven",
            name="evidence_sealed",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.sealedfile",
            ),
        ),
        migrations.AddField(
            model_name="paper",
            name="file_sealed",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.sealedfile",
            ),
        ),
        migrations.RunPython(seal_files, migrations.RunPython.noop),
        migrations.RunPython(recompute_indexes, migrations.RunPython.noop),
        migrations.RemoveField(model_name="supportgiven", name="evidence"),
        migrations.RemoveField(model_name="paper", name="file"),
        migrations.RenameField(model_name="supportgiven", old_name="evidence_sealed", new_name="evidence"),
        migrations.RenameField(model_name="paper", old_name="file_sealed", new_name="file"),
        migrations.AlterField(
            model_name="supportgiven",
            name="evidence",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.sealedfile",
                verbose_name="chứng từ",
            ),
        ),
    ]
