from django.db import migrations

from ctip.core.migration_ops import AppendOnly


class Migration(migrations.Migration):
    dependencies = [("victims", "0007_duplicate_review")]

    operations = [
        # Who read which case, when, and which section: never rewritten (a merge used to move
        # these rows to the surviving case).
        AppendOnly(table="victims_accesslog", columns=["case_id", "user_id", "at", "section"]),
    ]
