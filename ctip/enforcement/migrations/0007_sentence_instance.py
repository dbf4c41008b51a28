"""A sentence carries its judgment's kind (first instance or appeal), so that the database keeps
one sentence per defendant and instance (review of issue 24)."""

from django.db import migrations, models


def copy_instance(apps, schema_editor):
    Sentence = apps.get_model("enforcement", "Sentence")
    for kind in ("first_instance", "appeal"):
        Sentence.objects.filter(decision__kind=kind).update(instance=kind)


class Migration(migrations.Migration):
    dependencies = [
        ("enforcement", "0006_decisions_and_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="sentence",
            name="instance",
            field=models.CharField(
                choices=[
                    ("first_instance", "Bản án hình sự sơ thẩm"),
                    ("appeal", "Bản án hình sự phúc thẩm"),
                ],
                default="first_instance",
                editable=False,
                max_length=20,
                verbose_name="cấp xét xử",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(copy_instance, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="sentence",
            constraint=models.UniqueConstraint(
                fields=("suspect", "instance"), name="sentence_once_per_instance"
            ),
        ),
        migrations.AddConstraint(
            model_name="sentence",
            constraint=models.CheckConstraint(
                condition=models.Q(("instance__in", ["first_instance", "appeal"])),
                name="sentence_instance_judgment",
            ),
        ),
    ]
