"""International cooperation (report section II.5)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.agencies.models import Agency
from ctip.core.bounds import MAX_TEXT
from ctip.core.validators import validate_date


class Kind(models.TextChoices):
    INFORMATION = "information", _("Trao đổi thông tin")
    JOINT_INVESTIGATION = "joint_investigation", _("Phối hợp điều tra")
    REPATRIATION = "repatriation", _("Hồi hương nạn nhân")
    TRAINING = "training", _("Đào tạo, tập huấn")
    MEETING = "meeting", _("Hội đàm, hội nghị")
    AGREEMENT = "agreement", _("Ký kết thỏa thuận")


class CooperationActivity(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan thực hiện"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("hình thức"), max_length=30, choices=Kind.choices)
    counterpart_country = models.CharField(_("nước đối tác"), max_length=2)
    counterpart = models.CharField(_("cơ quan, tổ chức đối tác"), max_length=200)
    start = models.DateField(_("từ ngày"), db_index=True, validators=[validate_date])
    end = models.DateField(_("đến ngày"), validators=[validate_date])
    summary = models.TextField(_("nội dung"), blank=True, max_length=MAX_TEXT)
    criminal_cases = models.ManyToManyField(
        "enforcement.CriminalCase", blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("hoạt động hợp tác quốc tế")
        verbose_name_plural = _("hoạt động hợp tác quốc tế")
        ordering = ["-start", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.counterpart_country} {self.start}"
