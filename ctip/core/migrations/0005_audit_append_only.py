from django.db import migrations

from ctip.core.migration_ops import AppendOnly


class Migration(migrations.Migration):
    dependencies = [("core", "0004_sealed_files_and_keys")]

    operations = [
        # Who did what to which record, and when, is never rewritten; a logged read (of a watched
        # person, a suspect) not at all. A batch's count and summary are filled in after its rows.
        AppendOnly(
            table="core_auditentry",
            columns=["at", "actor_id", "action", "object_type", "object_id"],
            whole_row_if="OLD.action = 'read'",
        ),
    ]
