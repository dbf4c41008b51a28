from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Who did what, when, with the before/after of changed fields.

    Written by services inside their transaction. A bulk operation writes one entry for the batch
    (how many, file hash) and the records it created point to it.
    """

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("hành động"), max_length=80, db_index=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=80, blank=True)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    count = models.PositiveIntegerField(_("số bản ghi"), null=True, blank=True)
    file_hash = models.CharField(_("mã băm tệp"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type}:{self.object_id}"


class RollupCell(models.Model):
    """Monthly totals of additive flow indicators, kept ahead of time for dashboards (ADR 0008).

    One row per rollup (a source of records and the dimensions it keeps), scope unit (every
    unit above commune level whose territory covers the records, through geo_unitcover), month
    (or day, for daily rollups: `month` then holds the day) and dimension keys; value columns
    follow the order of the source's indicators. Built from the records, never typed in; the
    write services refresh the cells a write touches, in the same transaction. An import adds
    its own rows' cells beside the others, so one key may have several rows: reads sum them."""

    rollup = models.CharField(max_length=80)
    scope = models.IntegerField()  # a geo Unit id; no foreign key: rebuilt wholesale
    month = models.DateField()
    # NULL is a group of its own (records without an agency or target group), as in compute.
    key1 = models.CharField(max_length=64, null=True)  # noqa: DJ001
    key2 = models.CharField(max_length=64, null=True)  # noqa: DJ001
    v0 = models.BigIntegerField(default=0)
    v1 = models.BigIntegerField(default=0)
    v2 = models.BigIntegerField(default=0)
    v3 = models.BigIntegerField(default=0)
    v4 = models.BigIntegerField(default=0)
    v5 = models.BigIntegerField(default=0)
    estimate = models.SmallIntegerField(default=0)

    class Meta:
        # Covering on PostgreSQL: a scope's cells lie scattered over the table (built rollup by
        # rollup, refreshed one by one), so five years of daily cells read 7,600 heap pages
        # (110 ms); the index alone holds them in read order. SQLite ignores INCLUDE.
        indexes = [
            models.Index(
                fields=["rollup", "scope", "month"],
                include=["key1", "key2", "v0", "v1", "v2", "v3", "v4", "v5", "estimate"],
                name="core_rollup_read",
            )
        ]

    def __str__(self) -> str:
        return f"{self.rollup} {self.scope} {self.month:%Y-%m}"


class RollupState(models.Model):
    """A rollup whose cells are complete. Figures are read from cells only while this row
    exists; changes to units, successions or agency heirs delete it (the raw records answer
    until `ctip rollups` rebuilds). Writers lock it to refresh cells one at a time."""

    name = models.CharField(max_length=80, primary_key=True)
    built_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.name
