"""The procuracy's and the court's decisions on a criminal case, and the sentence of each
defendant in a judgment (issue 24). Which body records which decision, in which stage, and the
stage it moves the case to, is the table of ctip.enforcement.decisions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.core.bounds import MAX_AMOUNT_VND
from ctip.core.labels import code_list_register
from ctip.core.validators import AMOUNT, range_q, validate_date

# A prison term is at most 20 years, 30 for several crimes together (Criminal Code 2015 Art. 38,
# 55): months, so that "3 năm 6 tháng" is exact.
MAX_TERM_MONTHS = 360


class DecisionKind(models.TextChoices):
    # The procuracy (Criminal Procedure Code 2015: Art. 179, 245, 243).
    APPROVAL = "approval", _("Phê chuẩn quyết định khởi tố bị can")
    PROCURACY_RETURN = "procuracy_return", _("Viện kiểm sát trả hồ sơ để điều tra bổ sung")
    INDICTMENT = "indictment", _("Cáo trạng truy tố")
    # The court (Art. 280, 260, 355).
    COURT_RETURN = "court_return", _("Tòa án trả hồ sơ để điều tra bổ sung")
    FIRST_INSTANCE = "first_instance", _("Bản án hình sự sơ thẩm")
    APPEAL = "appeal", _("Bản án hình sự phúc thẩm")


# The kinds of decision that are judgments, with a sentence per defendant.
INSTANCES = [
    (DecisionKind.FIRST_INSTANCE.value, DecisionKind.FIRST_INSTANCE.label),
    (DecisionKind.APPEAL.value, DecisionKind.APPEAL.label),
]


class Verdict(models.TextChoices):
    GUILTY = "guilty", _("Có tội")
    NOT_GUILTY = "not_guilty", _("Không có tội")


class Penalty(models.TextChoices):
    """The main penalties (Criminal Code 2015 Art. 32), and exemption from penalty (Art. 59)."""

    WARNING = "warning", _("Cảnh cáo")
    FINE = "fine", _("Phạt tiền")
    NON_CUSTODIAL = "non_custodial", _("Cải tạo không giam giữ")
    EXPULSION = "expulsion", _("Trục xuất")
    PRISON = "prison", _("Tù có thời hạn")
    LIFE = "life", _("Tù chung thân")
    DEATH = "death", _("Tử hình")
    EXEMPT = "exempt", _("Miễn hình phạt")


# The crimes of trafficking (Criminal Code 2015, amended 2017), and any other a judgment names.
CHARGES = {
    "trafficking": _("Tội mua bán người (Điều 150 Bộ luật Hình sự)"),
    "child_trafficking": _("Tội mua bán người dưới 16 tuổi (Điều 151 Bộ luật Hình sự)"),
    "other": _("Tội danh khác"),
}
code_list_register("charge", CHARGES)


class Decision(models.Model):
    """A decision of the procuracy or the court: its kind, number and date, the body that made it
    and the defendants it concerns. No personal value: the defendants are the case's suspects,
    whose identities stay on the logged page."""

    case = models.ForeignKey(
        "enforcement.CriminalCase",
        verbose_name=_("vụ án"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    kind = models.CharField(_("loại quyết định"), max_length=20, choices=DecisionKind.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=40)
    on = models.DateField(_("ngày"), validators=[validate_date])
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("cơ quan ra quyết định"), on_delete=models.PROTECT
    )
    suspects = models.ManyToManyField(
        "enforcement.Suspect", verbose_name=_("bị can, bị cáo"), blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("thời điểm ghi"), auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định tố tụng")
        verbose_name_plural = _("quyết định tố tụng")
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.number} ({self.kind})"


class Sentence(models.Model):
    """What a judgment decided for one defendant: guilty or not, of which crime, the main
    penalty and its term, a suspended sentence and its probation, a fine."""

    decision = models.ForeignKey(
        Decision, verbose_name=_("bản án"), on_delete=models.CASCADE, related_name="sentences"
    )
    suspect = models.ForeignKey(
        "enforcement.Suspect",
        verbose_name=_("bị cáo"),
        on_delete=models.CASCADE,
        related_name="sentences",
    )
    # The judgment's kind, copied from it so that the database keeps one sentence per defendant
    # and instance (written only by `decision_record`, with the judgment).
    instance = models.CharField(_("cấp xét xử"), max_length=20, choices=INSTANCES, editable=False)
    verdict = models.CharField(_("phán quyết"), max_length=20, choices=Verdict.choices)
    charge = models.CharField(_("tội danh"), max_length=20, blank=True)
    penalty = models.CharField(
        _("hình phạt chính"), max_length=20, choices=Penalty.choices, blank=True
    )
    months = models.PositiveSmallIntegerField(_("thời hạn (tháng)"), null=True, blank=True)
    suspended = models.BooleanField(_("cho hưởng án treo"), default=False)
    probation_months = models.PositiveSmallIntegerField(
        _("thời gian thử thách (tháng)"), null=True, blank=True
    )
    fine_vnd = models.PositiveBigIntegerField(_("phạt tiền (đồng)"), default=0, validators=[AMOUNT])

    class Meta:
        verbose_name = _("hình phạt của bị cáo")
        verbose_name_plural = _("hình phạt của bị cáo")
        ordering = ["decision", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "suspect"], name="sentence_once"),
            # A defendant is judged once at first instance and once on appeal, whatever two
            # requests at the same moment do (ctip.enforcement.decisions).
            models.UniqueConstraint(
                fields=["suspect", "instance"], name="sentence_once_per_instance"
            ),
            models.CheckConstraint(
                condition=models.Q(instance__in=[k for k, _label in INSTANCES]),
                name="sentence_instance_judgment",
            ),
            models.CheckConstraint(
                condition=range_q("months", 0, MAX_TERM_MONTHS, null=True),
                name="sentence_months_bounds",
            ),
            models.CheckConstraint(
                condition=range_q("probation_months", 0, MAX_TERM_MONTHS, null=True),
                name="sentence_probation_bounds",
            ),
            models.CheckConstraint(
                condition=range_q("fine_vnd", 0, MAX_AMOUNT_VND), name="sentence_fine_bounds"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.decision.number} #{self.suspect_id}"
