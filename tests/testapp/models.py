from django.db import models

from ctip.agencies.models import Agency
from ctip.core.personal import PersonalCharField
from ctip.geo.models import Unit


class Record(models.Model):
    """A record made in a unit by an agency, as every domain record will be."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT)
    agency = models.ForeignKey(Agency, null=True, on_delete=models.PROTECT)
    made_on = models.DateField()

    def __str__(self) -> str:
        return f"{self.unit} {self.made_on}"


class Person(models.Model):
    """A record holding personal data, as victims and suspects will."""

    full_name = PersonalCharField(max_length=120)
    note = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return f"Person #{self.pk}"


class Attachment(models.Model):
    """A record with a plain file beside a sealed one, as before and after the migrations that
    sealed ctip's files (ctip.core.migration_files)."""

    file = models.FileField(upload_to="attachments/", blank=True)
    sealed = models.ForeignKey(
        "core.SealedFile", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"Attachment #{self.pk}"
