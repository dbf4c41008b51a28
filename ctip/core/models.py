from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ctip.core.audit_words import action_label
from ctip.core.crypto import EncryptedTextField
from ctip.core.serial import serialise


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
    # The way in when it was not a page or a command: "api:<token prefix>" for a write made
    # with an API token (ctip.api.auth marks the user it authenticates), so that what a stolen
    # or misused token did can be found and told apart from the owner's own work. Null, not
    # "", on purpose: SQLite adds a nullable column without rebuilding the table, which would
    # drop the append-only trigger.
    via = models.CharField(_("kênh"), max_length=40, null=True, blank=True)  # noqa: DJ001

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        """ "16/10/2023 14:05 Mở hồ sơ nạn nhân": the admin's titles and batch links read it."""
        at = f"{timezone.localtime(self.at):%d/%m/%Y %H:%M} " if self.at else ""
        return at + action_label(self.action)


class RollupCell(models.Model):
    """Monthly totals of additive flow indicators, kept ahead of time for dashboards (ADR 0008).

    One row per rollup (a source of records and the dimensions it keeps), scope unit (every
    unit above commune level whose territory covers the records, through geo_unitcover), month
    (or day, for daily rollups: `month` then holds the day) and dimension keys (up to three);
    value columns follow the order of the source's indicators. Built from the records, never
    typed in; the write services refresh the cells a write touches, in the same transaction. An
    import adds its own rows' cells beside the others, so one key may have several rows: reads
    sum them."""

    rollup = models.CharField(max_length=80)
    scope = models.IntegerField()  # a geo Unit id; no foreign key: rebuilt wholesale
    month = models.DateField()
    # NULL is a group of its own (records without an agency or target group), as in compute.
    key1 = models.CharField(max_length=64, null=True)  # noqa: DJ001
    key2 = models.CharField(max_length=64, null=True)  # noqa: DJ001
    key3 = models.CharField(max_length=64, null=True)  # noqa: DJ001
    v0 = models.BigIntegerField(default=0)
    v1 = models.BigIntegerField(default=0)
    v2 = models.BigIntegerField(default=0)
    v3 = models.BigIntegerField(default=0)
    v4 = models.BigIntegerField(default=0)
    v5 = models.BigIntegerField(default=0)
    estimate = models.SmallIntegerField(default=0)

    class Meta:
        verbose_name = _("ô số liệu tổng hợp sẵn")
        verbose_name_plural = _("ô số liệu tổng hợp sẵn")
        # Covering on PostgreSQL: a scope's cells lie scattered over the table (built rollup by
        # rollup, refreshed one by one), so five years of daily cells read 7,600 heap pages
        # (110 ms); the index alone holds them in read order. SQLite ignores INCLUDE.
        indexes = [
            models.Index(
                fields=["rollup", "scope", "month"],
                include=["key1", "key2", "key3", "v0", "v1", "v2", "v3", "v4", "v5", "estimate"],
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

    class Meta:
        verbose_name = _("trạng thái số liệu tổng hợp sẵn")
        verbose_name_plural = _("trạng thái số liệu tổng hợp sẵn")

    def __str__(self) -> str:
        return self.name


class SealedFile(models.Model):
    """A file that can hold personal data (evidence, generated papers, signed scans, uploads).

    Its bytes are encrypted with the same key ring as personal fields and stored under a random
    name (`path`, relative to MEDIA_ROOT); the name it was uploaded with is encrypted too,
    because officers name files after the person. Only `ctip.core.sealed` reads or writes it,
    and it is served only by views that check access and log the read."""

    path = models.CharField(max_length=100, unique=True, editable=False)
    name = EncryptedTextField(_("tên tệp gốc"), blank=True, default="")
    size = models.PositiveBigIntegerField(default=0)
    content_type = models.CharField(max_length=100, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp mã hóa")
        verbose_name_plural = _("tệp mã hóa")

    def __str__(self) -> str:
        return f"#{self.pk}"


class KeyFingerprint(models.Model):
    """The fingerprints of the keys this database's encrypted values and blind indexes were
    written with (one row). ctip refuses to start when the configured keys do not match."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    encryption = models.CharField(max_length=64)
    blind_index = models.CharField(max_length=64)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("dấu nhận dạng khóa mã hóa")
        verbose_name_plural = _("dấu nhận dạng khóa mã hóa")

    def __str__(self) -> str:
        return f"{self.encryption[:8]}/{self.blind_index[:8]}"


class KeyRotation(models.Model):
    """Progress of an unfinished `ctip rotate-key`, so that an interrupted run resumes where it
    stopped: one row per step (a model, or the sealed files), with the last primary key done."""

    target = models.CharField(max_length=64)  # fingerprint of the key being rotated to
    step = models.CharField(max_length=100)
    last_pk = models.BigIntegerField(default=0)
    done = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("tiến độ đổi khóa mã hóa")
        verbose_name_plural = _("tiến độ đổi khóa mã hóa")
        constraints = [models.UniqueConstraint(fields=["target", "step"], name="key_rotation_step")]

    def __str__(self) -> str:
        return f"{self.step} > {self.last_pk}"


class KeyInUse(models.Model):
    """An encryption key that may have encrypted something not yet re-encrypted under another
    (one row per key, by fingerprint). ctip.core.keyring writes the row before anything is
    encrypted under a key (inside the writing transaction) and refuses to start while a key
    listed here is missing from CTIP_ENCRYPTION_KEY; a finished rotation keeps only its own key.
    Without it, a key put first and taken out again before `ctip rotate-key` went unnoticed."""

    fingerprint = models.CharField(max_length=64, primary_key=True)
    since = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("khóa mã hóa đang dùng")
        verbose_name_plural = _("khóa mã hóa đang dùng")

    def __str__(self) -> str:
        return self.fingerprint


def sealed_file_field(verbose_name: Any = None, *, on_delete: Any = models.PROTECT) -> Any:
    """The foreign key a record uses for a file that can hold personal data (never a FileField):
    optional, and without a reverse accessor (a sealed file is reached through its record)."""
    return models.ForeignKey(
        SealedFile,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=on_delete,
        related_name="+",
    )


# Writers of rollup cells hold this lock shared from their first refresh to their commit
# (ctip.indicators.rollups); a build, and whatever stops the cells being read, holds it alone.
ROLLUP_WRITERS = "rollups:writers"


def rollups_lock_out_writers() -> None:
    """Wait for every transaction that is refreshing or adding to rollup cells, and keep new
    ones waiting until this one ends (PostgreSQL; SQLite writes one transaction at a time).
    A build reads the records as its statement starts: a writer committing after that, whose
    rollup was not built yet (or whose state row the build had deleted), skipped its refresh, so
    the new cells missed its records for good. Call before this transaction locks anything a
    writer may wait for (a state row), and never after it refreshed cells itself (it would hold
    the lock shared and wait for it alone)."""
    serialise(ROLLUP_WRITERS)


def rollups_writing() -> None:
    """Hold the writers' lock shared until this transaction ends: called before a refresh or
    an addition reads which rollups are built (ctip.indicators.rollups)."""
    serialise(ROLLUP_WRITERS, shared=True)


def rollups_invalidate() -> None:
    """Stop reading every rollup (units, successions or agency heirs changed): the records answer
    until `ctip rollups` rebuilds the cells (ctip.indicators.rollups). Here in the kernel because
    the reference services below the indicators call it. After any build in progress: deleting
    its state rows before it commits would leave its new ones, built on the old units."""
    rollups_lock_out_writers()
    RollupState.objects.all().delete()
