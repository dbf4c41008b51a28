from django.db import models

from ctip.agencies.models import Agency
from ctip.geo.models import Unit


class Record(models.Model):
    """A record made in a unit by an agency, as every domain record will be."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT)
    agency = models.ForeignKey(Agency, null=True, on_delete=models.PROTECT)
    made_on = models.DateField()

    def __str__(self) -> str:
        return f"{self.unit} {self.made_on}"
