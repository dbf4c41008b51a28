"""Administrative units as versions: a GSO code within a validity period, linked by succession."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ctip.core.models import AuditEntry
from ctip.core.validity import Validity, ValidityManager


class Level(models.TextChoices):
    # The whole country (ADR 0016): one unit above the provinces, not their parent.
    COUNTRY = "country", _("Quốc gia")
    PROVINCE = "province", _("Tỉnh, thành phố")
    DISTRICT = "district", _("Huyện, quận, thị xã, thành phố thuộc tỉnh")
    COMMUNE = "commune", _("Xã, phường, thị trấn")
    SPECIAL_ZONE = "special_zone", _("Đặc khu")


# A special zone (e.g. Lý Sơn) sits at commune level in the two-level structure.
COMMUNE_LEVELS: tuple[str, ...] = (Level.COMMUNE, Level.SPECIAL_ZONE)
PARENT_LEVEL: dict[str, tuple[str, ...]] = {
    Level.DISTRICT: (Level.PROVINCE,),
    Level.COMMUNE: (Level.DISTRICT, Level.PROVINCE),
    Level.SPECIAL_ZONE: (Level.DISTRICT, Level.PROVINCE),
}
FLAGS = ("mountainous", "ethnic_minority", "land_border", "coastal", "island")


class Source(models.TextChoices):
    PACKAGE = "package", _("Danh mục chuẩn (gói vietnam-provinces)")
    CSV = "csv", _("Nhập từ tệp CSV")


class Unit(Validity):
    code = models.PositiveIntegerField(_("mã đơn vị (TCTK)"), db_index=True)
    name = models.CharField(_("tên"), max_length=120)
    kind = models.CharField(_("loại"), max_length=40, help_text=_("xã, phường, thị trấn, huyện…"))
    level = models.CharField(_("cấp"), max_length=20, choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    mountainous = models.BooleanField(_("miền núi"), default=False)
    ethnic_minority = models.BooleanField(_("vùng đồng bào dân tộc thiểu số"), default=False)
    land_border = models.BooleanField(_("biên giới đất liền"), default=False)
    coastal = models.BooleanField(_("ven biển"), default=False)
    island = models.BooleanField(_("hải đảo"), default=False)
    flags_source = models.TextField(_("nguồn của các đặc điểm"), blank=True)
    source = models.CharField(_("nguồn"), max_length=20, choices=Source.choices)
    batch = models.ForeignKey(
        AuditEntry,
        verbose_name=_("lô nhập"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Where this unit's records count today; refreshed by derived.units_refresh_rollup().
    rollup_province = models.ForeignKey(
        "self",
        verbose_name=_("tỉnh tổng hợp số liệu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Today's commune, or empty when the unit is above commune level or was split (then its
    # records show as the old commune, never counted in two new ones).
    rollup_commune = models.ForeignKey(
        "self",
        verbose_name=_("xã tổng hợp số liệu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    successors: models.ManyToManyField = models.ManyToManyField(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        through="UnitSuccession",
        symmetrical=False,
        related_name="predecessors",
        through_fields=("predecessor", "successor"),
    )

    objects = ValidityManager()

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["level", "code", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["level", "code"],
                condition=Q(valid_to__isnull=True),
                name="geo_unit_one_current_version",
            ),
            models.UniqueConstraint(
                fields=["level", "code", "valid_to"],
                condition=Q(valid_to__isnull=False),
                name="geo_unit_version_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class UnitSuccession(models.Model):
    predecessor = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị trước"),
        on_delete=models.CASCADE,
        related_name="succession_out",
    )
    successor = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị kế thừa"),
        on_delete=models.CASCADE,
        related_name="succession_in",
    )
    date = models.DateField(_("ngày có hiệu lực"))
    # True when only part of the predecessor's territory went to this successor.
    partial = models.BooleanField(_("chỉ một phần"), default=False)

    class Meta:
        verbose_name = _("kế thừa đơn vị")
        verbose_name_plural = _("kế thừa đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="geo_succession_pair")
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"


class UnitCover(models.Model):
    """The closure of "covers" (parent -> child, successor -> predecessor) as rows: every unit
    whose records belong to `ancestor`, itself included. Derived from units and successions and
    rebuilt with the roll-up columns (derived.units_refresh_rollup) after every load; scope
    filters read it through an index instead of walking the graph per query (ADR 0002)."""

    ancestor = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("quan hệ bao gồm giữa đơn vị")
        verbose_name_plural = _("quan hệ bao gồm giữa đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["ancestor", "unit"], name="geo_unitcover_pair")
        ]

    def __str__(self) -> str:
        return f"{self.ancestor_id} ⊇ {self.unit_id}"
