from django.db import migrations

from ctip.core.migration_ops import PostgresIndex


class Migration(migrations.Migration):
    dependencies = [("enforcement", "0003_event_indexes")]

    operations = [
        # Cases instituted / indicted / tried in a period: see victims 0004.
        PostgresIndex(
            table="enforcement_stageevent",
            name="stageevent_stage_on_pg",
            columns=["stage", "on"],
            include=["case_id"],
        ),
    ]
