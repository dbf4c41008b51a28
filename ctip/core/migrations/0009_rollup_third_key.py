"""A third key for rollup cells (issue 27): the reviews' audiences by agency, kind of work and
target group. The covering index is rebuilt with the new column, so reading those cells stays an
index-only scan on PostgreSQL. Cells of earlier shapes keep NULL there; the new shape's cells are
built by the next `ctip rollups` (its state row does not exist: the records answer until then)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0008_keys_in_use'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='rollupcell',
            name='core_rollup_read',
        ),
        migrations.AddField(
            model_name='rollupcell',
            name='key3',
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.AddIndex(
            model_name='rollupcell',
            index=models.Index(fields=['rollup', 'scope', 'month'], include=('key1', 'key2', 'key3', 'v0', 'v1', 'v2', 'v3', 'v4', 'v5', 'estimate'), name='core_rollup_read'),
        ),
    ]
