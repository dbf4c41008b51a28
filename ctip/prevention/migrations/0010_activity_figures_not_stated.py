# A figure an agency did not state is NULL, distinct from a stated 0. Existing rows keep their
# values: a 0 already written cannot be told apart from "not stated", so it stays 0.

import ctip.core.validators
from django.db import migrations, models

FIGURES = {
    "sessions": "số buổi",
    "participants": "số lượt người tham dự",
    "media_items": "số tin, bài",
    "sms": "số tin nhắn",
}


def _field(label):
    return models.PositiveIntegerField(
        blank=True,
        default=None,
        null=True,
        validators=[ctip.core.validators.InRange(0, 100000000)],
        verbose_name=label,
    )


def _bounds(name):
    return models.CheckConstraint(
        condition=models.Q(
            models.Q((f"{name}__gte", 0), (f"{name}__lte", 100000000)),
            (f"{name}__isnull", True),
            _connector="OR",
        ),
        name=f"activity_{name}_bounds",
    )


class Migration(migrations.Migration):
    dependencies = [("prevention", "0009_importjob_content_hash")]

    operations = [
        *(
            migrations.RemoveConstraint(model_name="activity", name=f"activity_{name}_bounds")
            for name in FIGURES
        ),
        *(
            migrations.AlterField(model_name="activity", name=name, field=_field(label))
            for name, label in FIGURES.items()
        ),
        *(migrations.AddConstraint(model_name="activity", constraint=_bounds(name)) for name in FIGURES),
    ]
