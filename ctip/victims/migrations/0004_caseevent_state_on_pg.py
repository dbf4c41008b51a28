from django.db import migrations

from ctip.core.migration_ops import PostgresIndex


class Migration(migrations.Migration):
    dependencies = [("victims", "0003_event_indexes")]

    operations = [
        # "Cases identified in a period" over a few months: events of the state in the period
        # first, then their cases (the (state, case, on) index serves long periods).
        PostgresIndex(
            table="victims_caseevent",
            name="caseevent_state_on_pg",
            columns=["to_state", "on"],
            include=["case_id"],
        ),
    ]
