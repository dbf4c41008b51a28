"""The versions the dashboards' panel cache is keyed by (ctip.dashboard.versions)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PanelVersion(models.Model):
    """How many times the records of `source` (an app's tables) changed within `scope` (a unit
    id: every unit whose territory covers the changed records; 0: anywhere, when a write did not
    say where). Bumped inside the writing transaction by the unit of work; a cached panel is
    keyed by the versions of its sources, so it is never read after its sources changed.
    One more row, source "(epoch)" at scope 0, holds the database's epoch: a random number drawn
    anew when every cached panel is to be recomputed (versions.bump_everywhere)."""

    source = models.CharField(max_length=40)
    scope = models.BigIntegerField()
    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("phiên bản số liệu của bảng điều khiển")
        verbose_name_plural = _("phiên bản số liệu của bảng điều khiển")
        constraints = [
            models.UniqueConstraint(fields=["source", "scope"], name="dashboard_panelversion_key")
        ]

    def __str__(self) -> str:
        return f"{self.source}@{self.scope}: {self.version}"
