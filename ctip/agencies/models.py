"""Agencies as versions with successors, like units: records keep the agency that made them;
figures "by agency" and open cases follow the succession."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.core.models import AuditEntry
from ctip.core.validity import Validity, ValidityManager
from ctip.geo.models import Unit


class Kind(models.TextChoices):
    POLICE = "police", _("Công an")
    BORDER_GUARD = "border_guard", _("Bộ đội Biên phòng")
    COAST_GUARD = "coast_guard", _("Cảnh sát biển")
    PROCURACY = "procuracy", _("Viện kiểm sát nhân dân")
    COURT = "court", _("Tòa án nhân dân")
    SOCIAL_PROTECTION = "social_protection", _("Bảo trợ xã hội")
    FOREIGN_AFFAIRS = "foreign_affairs", _("Ngoại vụ")
    EDUCATION = "education", _("Giáo dục và Đào tạo")
    INFORMATION = "information", _("Thông tin và Truyền thông")
    WOMENS_UNION = "womens_union", _("Hội Liên hiệp Phụ nữ")
    YOUTH_UNION = "youth_union", _("Đoàn Thanh niên")
    FATHERLAND_FRONT = "fatherland_front", _("Mặt trận Tổ quốc")
    LABOUR_FEDERATION = "labour_federation", _("Liên đoàn Lao động")
    VETERANS = "veterans", _("Hội Cựu chiến binh")
    FARMERS = "farmers", _("Hội Nông dân")
    PEOPLE_COMMITTEE = "people_committee", _("Ủy ban nhân dân")
    JUSTICE = "justice", _("Tư pháp")
    LEGAL_AID = "legal_aid", _("Trợ giúp pháp lý")
    OTHER = "other", _("Khác")


class Agency(Validity):
    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    abbreviation = models.CharField(_("tên viết tắt"), max_length=40, blank=True)
    # The issuer part of a paper's number ("SYT" in 12/GCN-SYT; Decree 30/2020, Appendix I).
    # Unique among agencies of the same unit in force at the same time (symbols.check_symbol).
    symbol = models.CharField(_("ký hiệu cơ quan ban hành"), max_length=20, blank=True)
    kind = models.CharField(_("loại"), max_length=30, choices=Kind.choices, db_index=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="agencies"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    source = models.TextField(_("nguồn"), blank=True)
    batch = models.ForeignKey(
        AuditEntry,
        verbose_name=_("đợt nạp dữ liệu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The agency in force today that carries this one's records (itself while it exists);
    # refreshed by derived.agencies_refresh_heirs().
    heir = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan kế thừa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Where figures "by agency" go: the heir, climbed to its top-level agency of the same kind in
    # the province (district police -> provincial police). Refreshed with `heir`.
    rollup_agency = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan tổng hợp số liệu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    successors: models.ManyToManyField = models.ManyToManyField(
        "self",
        verbose_name=_("cơ quan kế thừa"),
        through="AgencySuccession",
        symmetrical=False,
        related_name="predecessors",
        through_fields=("predecessor", "successor"),
    )

    objects = ValidityManager()

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        ordering = ["unit__code", "kind", "name"]

    def __str__(self) -> str:
        return self.name


class AgencySuccession(models.Model):
    predecessor = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan trước"),
        on_delete=models.CASCADE,
        related_name="succession_out",
    )
    successor = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan kế thừa"),
        on_delete=models.CASCADE,
        related_name="succession_in",
    )
    date = models.DateField(_("ngày có hiệu lực"))
    # The successor that continues the predecessor's records and open cases (at most one per
    # predecessor); others took over only some functions (labour went to Home Affairs).
    carries_records = models.BooleanField(_("kế thừa hồ sơ"), default=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("kế thừa cơ quan")
        verbose_name_plural = _("kế thừa cơ quan")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="agency_pair"),
            models.UniqueConstraint(
                fields=["predecessor"],
                condition=models.Q(carries_records=True),
                name="agency_one_record_heir",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"
