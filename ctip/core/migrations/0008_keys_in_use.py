from django.db import migrations, models


def record_keys_in_use(apps, schema_editor):
    """Which keys encrypted what is already there cannot be told apart: the stored encrypting key
    and every configured key are taken to be in use (any of them may have been first in the
    ring since the last finished rotation: the gap this table closes). A fresh database records
    its ring. A key listed here is dropped only after `ctip rotate-key` has finished."""
    from ctip.core.key_use import recorded_on_commit
    from ctip.core.keyring import ring

    found = set(ring())
    stored = apps.get_model("core", "KeyFingerprint").objects.filter(pk=1).first()
    if stored is not None:
        found.add(stored.encryption)
    KeyInUse = apps.get_model("core", "KeyInUse")
    KeyInUse.objects.bulk_create(
        [KeyInUse(fingerprint=fp) for fp in sorted(found)], ignore_conflicts=True
    )
    recorded_on_commit(found)


class Migration(migrations.Migration):
    dependencies = [("core", "0007_audit_via")]

    operations = [
        migrations.CreateModel(
            name="KeyInUse",
            fields=[
                ("fingerprint", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("since", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "verbose_name": "khóa mã hóa đang dùng",
                "verbose_name_plural": "khóa mã hóa đang dùng",
            },
        ),
        migrations.RunPython(record_keys_in_use, migrations.RunPython.noop),
    ]
