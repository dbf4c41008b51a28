"""Criminal trafficking cases: detection to judgment, with suspects' identities encrypted."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.agencies.models import Agency
from ctip.core.bounds import MAX_AMOUNT_VND, MAX_COUNT, MAX_INTERVAL_DAYS, MAX_TEXT
from ctip.core.crypto import EncryptedTextField
from ctip.core.labels import code_list_register
from ctip.core.validators import AMOUNT, COUNT, INTERVAL, range_q, validate_date
from ctip.core.workflow import Step, Workflow
from ctip.enforcement.decision_models import Decision as Decision
from ctip.enforcement.decision_models import Sentence as Sentence
from ctip.geo.models import Unit


class Stage(models.TextChoices):
    DETECTED = "detected", _("Phát hiện, tiếp nhận tin báo")
    INSTITUTED = "instituted", _("Đã khởi tố")
    INDICTED = "indicted", _("Đã truy tố")
    TRIED = "tried", _("Đã xét xử sơ thẩm")
    JUDGED = "judged", _("Đã có bản án")
    DROPPED = "dropped", _("Không khởi tố, đình chỉ")


STAGE_ORDER = [Stage.DETECTED, Stage.INSTITUTED, Stage.INDICTED, Stage.TRIED, Stage.JUDGED]
# Each move is the legal step enforcement.<new stage> (the rule roles.step.enforcement.<stage>
# names the roles), taken in an agency of the kind that owns the stage (STAGE_OWNER_KIND).
_STAGE_MOVES = [
    (Stage.DETECTED, Stage.INSTITUTED),
    (Stage.DETECTED, Stage.DROPPED),
    (Stage.INSTITUTED, Stage.INDICTED),
    (Stage.INSTITUTED, Stage.DROPPED),
    (Stage.INDICTED, Stage.TRIED),
    (Stage.TRIED, Stage.JUDGED),
]
STAGE_FLOW = Workflow(
    states=Stage.choices,
    transitions={(a, b): Step(legal_step=f"enforcement.{b}") for a, b in _STAGE_MOVES},
    initial=Stage.DETECTED,
    refused=_("Không thể chuyển vụ án từ “%(old)s” sang “%(new)s”."),
)
# The agency kind that owns each stage (Criminal Procedure Code): police investigate and
# institute, the procuracy indicts, the court tries and judges.
STAGE_OWNER_KIND: dict[str, str] = {
    Stage.INSTITUTED: "police",
    Stage.DROPPED: "police",
    Stage.INDICTED: "procuracy",
    Stage.TRIED: "court",
    Stage.JUDGED: "court",
}


class DetectionSource(models.TextChoices):
    PATROL = "patrol", _("Tuần tra, kiểm soát")
    DENUNCIATION = "denunciation", _("Tố giác, tin báo")
    HOTLINE = "hotline", _("Đường dây nóng")
    VICTIM = "victim", _("Nạn nhân trình báo")
    BORDER_CHECK = "border_check", _("Kiểm soát biên giới")
    FOREIGN_PARTNER = "foreign_partner", _("Đối tác nước ngoài thông báo")


PLATFORMS = {
    "zalo": "Zalo",
    "facebook": "Facebook",
    "tiktok": "TikTok",
    "telegram": "Telegram",
    "other": _("Khác"),
    "none": _("Không qua mạng"),
}
code_list_register("platform", PLATFORMS)


class CriminalCase(models.Model):
    number = models.CharField(_("số hồ sơ vụ việc"), max_length=30, unique=True)
    owner = models.ForeignKey(
        Agency, verbose_name=_("cơ quan thụ lý"), on_delete=models.PROTECT, related_name="+"
    )
    stage = models.CharField(
        _("giai đoạn"), max_length=20, choices=Stage.choices, default=Stage.DETECTED, db_index=True
    )
    detected_on = models.DateField(_("ngày phát hiện"), db_index=True, validators=[validate_date])
    source = models.CharField(_("nguồn phát hiện"), max_length=20, choices=DetectionSource.choices)
    unit = models.ForeignKey(
        Unit, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="+"
    )
    recruitment_channel = models.CharField(_("cách thức tuyển mộ"), max_length=30, blank=True)
    platform = models.CharField(_("nền tảng"), max_length=20, blank=True)
    exploitation_form = models.CharField(_("hình thức bóc lột"), max_length=30, blank=True)
    destination_country = models.CharField(_("nước đến"), max_length=2, blank=True)
    route = EncryptedTextField(_("đường đi"), blank=True, default="")
    suspects_count = models.PositiveIntegerField(_("số đối tượng"), default=0, validators=[COUNT])
    unregistered_victims = models.PositiveIntegerField(
        _("số nạn nhân chưa lập hồ sơ"), default=0, validators=[COUNT]
    )
    victim_cases = models.ManyToManyField("victims.Case", blank=True, related_name="+")
    directives = models.ManyToManyField("directives.Document", blank=True, related_name="+")
    outcome = EncryptedTextField(_("kết quả"), blank=True, default="")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("vụ án mua bán người")
        verbose_name_plural = _("vụ án mua bán người")
        ordering = ["-detected_on", "-pk"]
        indexes = [
            models.Index(
                fields=["unit", "detected_on"], name="criminalcase_unit_date", include=["id"]
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=range_q("suspects_count", 0, MAX_COUNT),
                name="criminalcase_suspects_bounds",
            ),
            models.CheckConstraint(
                condition=range_q("unregistered_victims", 0, MAX_COUNT),
                name="criminalcase_victims_bounds",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class StageEvent(models.Model):
    case = models.ForeignKey(CriminalCase, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(max_length=20, choices=Stage.choices)
    on = models.DateField()
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("giai đoạn tố tụng")
        verbose_name_plural = _("giai đoạn tố tụng")
        ordering = ["on", "pk"]
        # As for victims' case events: one stage's events from the index alone, by case.
        indexes = [models.Index(fields=["stage", "case", "on"], name="stageevent_stage_case_on")]

    def __str__(self) -> str:
        return f"{self.case.number} {self.stage} {self.on}"


class Suspect(models.Model):
    """A suspect's identity, encrypted like a victim's; counted in clear by sex and nationality."""

    case = models.ForeignKey(CriminalCase, on_delete=models.CASCADE, related_name="suspects")
    full_name = EncryptedTextField(_("họ và tên"))
    identity_document = EncryptedTextField(_("giấy tờ tùy thân"), blank=True, default="")
    address = EncryptedTextField(_("địa chỉ"), blank=True, default="")
    sex = models.CharField(_("giới tính"), max_length=10, blank=True)
    nationality = models.CharField(_("quốc tịch"), max_length=2, default="VN")

    class Meta:
        verbose_name = _("đối tượng")
        verbose_name_plural = _("đối tượng")

    def __str__(self) -> str:
        return f"{self.case.number} #{self.pk}"


class WatchCategory(models.TextChoices):
    LONG_ABSENT = "long_absent", _("Phụ nữ, trẻ em vắng mặt lâu ngày không rõ lý do")
    OVERSTAYING = "overstaying", _("Ra nước ngoài lao động, học tập, du lịch quá hạn")
    FOREIGN_ELEMENT = "foreign_element", _("Kết hôn, lao động, nuôi con nuôi có yếu tố nước ngoài")


class WatchEntry(models.Model):
    """A person at risk, watched for a stated purpose until a review date (Law 91/2025: purpose
    limitation); identity encrypted."""

    category = models.CharField(_("diện theo dõi"), max_length=20, choices=WatchCategory.choices)
    unit = models.ForeignKey(
        Unit, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ phụ trách"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    lawful_basis = models.CharField(_("căn cứ pháp lý"), max_length=300)
    purpose = models.CharField(_("mục đích"), max_length=300)
    opened_on = models.DateField(_("ngày đưa vào theo dõi"), validators=[validate_date])
    review_on = models.DateField(
        _("ngày xem xét lại, hết hạn"), db_index=True, validators=[validate_date]
    )
    check_every_days = models.PositiveSmallIntegerField(
        _("kiểm tra mỗi (ngày)"), default=30, validators=[INTERVAL]
    )
    next_check_on = models.DateField(_("hạn kiểm tra tiếp"), db_index=True)
    full_name = EncryptedTextField(_("họ và tên"))
    address = EncryptedTextField(_("địa chỉ"), blank=True, default="")
    note = EncryptedTextField(_("ghi chú"), blank=True, default="")
    escalated_victim_case = models.ForeignKey(
        "victims.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    escalated_criminal_case = models.ForeignKey(
        CriminalCase, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    purged_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("người được theo dõi")
        verbose_name_plural = _("người được theo dõi")
        ordering = ["next_check_on", "pk"]
        indexes = [models.Index(fields=["unit", "opened_on"], name="watchentry_unit_date")]
        constraints = [
            models.CheckConstraint(
                condition=range_q("check_every_days", 1, MAX_INTERVAL_DAYS),
                name="watchentry_interval_bounds",
            )
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def code(self) -> str:
        """ "TD-1054": never through number formatting, which would print "TD-1.054"."""
        return f"TD-{self.pk}"


class WatchCheck(models.Model):
    entry = models.ForeignKey(WatchEntry, on_delete=models.CASCADE, related_name="checks")
    on = models.DateField()
    found = models.BooleanField(_("đã xác minh được"), default=False)
    result = EncryptedTextField(_("kết quả"), blank=True, default="")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    # The instance ID ("uuid:…") of the field form submission the check came from: exports
    # are cumulative, and the database refuses a second check from the same submission.
    source_instance = models.CharField(
        _("mã bản ghi biểu mẫu thực địa"),
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        editable=False,
    )

    class Meta:
        verbose_name = _("lượt kiểm tra người được theo dõi")
        verbose_name_plural = _("lượt kiểm tra người được theo dõi")
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"TD-{self.entry_id} {self.on}"


class Inspection(models.Model):
    """An inspection of a conditional business line (or another check)."""

    on = models.DateField(_("ngày kiểm tra"), db_index=True, validators=[validate_date])
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan kiểm tra"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="+"
    )
    establishment_kind = models.CharField(_("loại cơ sở"), max_length=60)
    findings = models.TextField(_("kết quả kiểm tra"), blank=True, max_length=MAX_TEXT)
    violations = models.PositiveIntegerField(_("số vi phạm"), default=0, validators=[COUNT])
    sanctions_vnd = models.PositiveBigIntegerField(
        _("tiền xử phạt (đồng)"), default=0, validators=[AMOUNT]
    )

    class Meta:
        verbose_name = _("cuộc kiểm tra")
        verbose_name_plural = _("cuộc kiểm tra")
        ordering = ["-on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=range_q("violations", 0, MAX_COUNT), name="inspection_violations_bounds"
            ),
            models.CheckConstraint(
                condition=range_q("sanctions_vnd", 0, MAX_AMOUNT_VND),
                name="inspection_sanctions_bounds",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.establishment_kind} {self.on}"


class Campaign(models.Model):
    """A crackdown or awareness peak: dates, lead agency, the cases and activities in it."""

    class Kind(models.TextChoices):
        CRACKDOWN = "crackdown", _("Cao điểm tấn công trấn áp")
        AWARENESS = "awareness", _("Cao điểm tuyên truyền")

    name = models.CharField(_("tên đợt"), max_length=200)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    start = models.DateField(_("từ ngày"), validators=[validate_date])
    end = models.DateField(_("đến ngày"), validators=[validate_date])
    lead = models.ForeignKey(
        Agency, verbose_name=_("cơ quan chủ trì"), on_delete=models.PROTECT, related_name="+"
    )
    cases = models.ManyToManyField(CriminalCase, blank=True, related_name="campaigns")
    activities = models.ManyToManyField("prevention.Activity", blank=True, related_name="+")

    class Meta:
        verbose_name = _("đợt cao điểm")
        verbose_name_plural = _("đợt cao điểm")
        ordering = ["-start"]

    def __str__(self) -> str:
        return self.name
