"""Confidential victim case records (Law 53/2024/QH15; Decree 162/2025/NĐ-CP).

Identity and whereabouts are encrypted at rest (EncryptedTextField); exact lookups go through
blind indexes. Sex, age at reception, nationality and the home unit stay in clear: they are what
de-identified counts are made of and identify no one alone.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.agencies.models import Agency
from ctip.core.bounds import MAX_AGE, MAX_AMOUNT_VND, MAX_SMALL_COUNT
from ctip.core.crypto import EncryptedTextField
from ctip.core.models import sealed_file_field
from ctip.core.validators import AGE, AMOUNT, SMALL_COUNT, range_q, validate_date
from ctip.geo.models import Unit
from ctip.victims.duplicate_models import DuplicateReview as DuplicateReview
from ctip.victims.paper_models import Paper as Paper
from ctip.victims.paper_models import PaperTemplate as PaperTemplate
from ctip.victims.privacy_models import DataSubjectRequest as DataSubjectRequest
from ctip.victims.states import (
    ConsentBasis,
    ConsentForm,
    ConsentGiver,
    ConsentPurpose,
    ReferralStatus,
    State,
)
from ctip.victims.vocab import Sex, Source


class Case(models.Model):
    # Keyed hashes for exact lookups: {index column: encrypted field}. Key rotation recomputes
    # them (ctip.core.crypto_rotation); purge blanks them with the fields.
    BLIND_INDEXES = {
        "name_index": "full_name",
        "dob_index": "date_of_birth",
        "document_index": "identity_document",
    }

    code = models.CharField(_("mã hồ sơ"), max_length=20, unique=True)
    owner = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan quản lý hồ sơ"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField(
        _("trạng thái"), max_length=20, choices=State.choices, default=State.RECEIVED, db_index=True
    )
    state_since = models.DateField(_("từ ngày"))
    received_on = models.DateField(_("ngày tiếp nhận"), db_index=True, validators=[validate_date])
    notified_on = models.DateField(
        _("ngày cơ quan xã hội được thông báo"),
        null=True,
        blank=True,
        validators=[validate_date],
    )
    # The verification time limit, fixed by the rule in force on the notification day.
    verification_due = models.DateField(_("hạn xác minh"), null=True, blank=True, db_index=True)
    source = models.CharField(_("nơi tiếp nhận ban đầu"), max_length=20, choices=Source.choices)
    home_unit = models.ForeignKey(
        Unit, verbose_name=_("địa bàn cư trú"), on_delete=models.PROTECT, related_name="+"
    )
    # Statistical attributes, in clear.
    sex = models.CharField(_("giới tính"), max_length=10, choices=Sex.choices)
    age_at_reception = models.PositiveSmallIntegerField(_("tuổi khi tiếp nhận"), validators=[AGE])
    nationality = models.CharField(_("quốc tịch"), max_length=2, default="VN")
    # A stateless person permanently resident in Vietnam has the rights of a citizen, not of a
    # foreigner (Law 53/2024 Art. 37; rule victims.support.eligibility).
    stateless_resident = models.BooleanField(
        _("người không quốc tịch thường trú tại Việt Nam"), default=False
    )
    destination_country = models.CharField(_("nước bị bóc lột"), max_length=2, blank=True)
    recruitment_channel = models.CharField(_("cách thức tuyển mộ"), max_length=30, blank=True)
    accompanying_children = models.PositiveSmallIntegerField(
        _("số con đi cùng"), default=0, validators=[SMALL_COUNT]
    )
    means_of_control = models.JSONField(_("thủ đoạn khống chế"), default=list, blank=True)
    exploited_from = models.DateField(
        _("bị bóc lột từ ngày"), null=True, blank=True, validators=[validate_date]
    )
    exploited_to = models.DateField(
        _("đến ngày"), null=True, blank=True, validators=[validate_date]
    )
    # Personal data: encrypted.
    full_name = EncryptedTextField(_("họ và tên"))
    other_names = EncryptedTextField(_("tên gọi khác"), blank=True, default="")
    date_of_birth = EncryptedTextField(_("ngày sinh"), blank=True, default="")
    ethnicity = EncryptedTextField(_("dân tộc"), blank=True, default="")
    identity_document = EncryptedTextField(_("giấy tờ tùy thân"), blank=True, default="")
    address = EncryptedTextField(_("địa chỉ"), blank=True, default="")
    contacts = EncryptedTextField(_("liên lạc"), blank=True, default="")
    relatives = EncryptedTextField(_("người thân cần bảo vệ"), blank=True, default="")
    place_of_exploitation = EncryptedTextField(_("nơi bị bóc lột"), blank=True, default="")
    route = EncryptedTextField(_("đường đi"), blank=True, default="")
    support_plan = EncryptedTextField(_("kế hoạch hỗ trợ"), blank=True, default="")
    narrative = EncryptedTextField(_("diễn biến"), blank=True, default="")
    # Blind indexes for exact lookups (duplicates on import, document numbers).
    name_index = models.CharField(max_length=64, db_index=True, editable=False)
    document_index = models.CharField(max_length=64, db_index=True, blank=True, editable=False)
    dob_index = models.CharField(max_length=64, db_index=True, blank=True, editable=False)
    # Identified while abroad (support differs), and the person a child accompanies.
    abroad = models.BooleanField(_("đang ở nước ngoài khi xác định"), default=False)
    accompanies = models.ForeignKey(
        "self",
        verbose_name=_("là con đi cùng của"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="accompanying",
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from"
    )
    purged_on = models.DateField(_("ngày xóa dữ liệu cá nhân"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)  # optimistic locking

    class Meta:
        verbose_name = _("hồ sơ nạn nhân")
        verbose_name_plural = _("hồ sơ nạn nhân")
        ordering = ["-received_on", "-pk"]
        # The id rides along (PostgreSQL): counts of a territory's cases read the index alone,
        # never the wide rows of encrypted fields.
        indexes = [
            models.Index(fields=["home_unit", "received_on"], name="case_unit_date", include=["id"])
        ]
        constraints = [
            models.CheckConstraint(
                condition=range_q("age_at_reception", 0, MAX_AGE), name="case_age_bounds"
            ),
            models.CheckConstraint(
                condition=range_q("accompanying_children", 0, MAX_SMALL_COUNT),
                name="case_children_bounds",
            ),
        ]

    def __str__(self) -> str:
        return self.code  # never the name


class CaseExploitation(models.Model):
    """One form of exploitation of a case (a table, so counts by form are a GROUP BY)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="exploitation")
    form = models.CharField(max_length=30)

    class Meta:
        verbose_name = _("hình thức bóc lột")
        verbose_name_plural = _("hình thức bóc lột")
        constraints = [models.UniqueConstraint(fields=["case", "form"], name="case_form")]

    def __str__(self) -> str:
        return f"{self.case.code}: {self.form}"


class CaseEvent(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    on = models.DateField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20)
    reason = EncryptedTextField(blank=True, default="")
    # The body that took the step (the police that identified the person, not the owner).
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("bước xử lý hồ sơ")
        verbose_name_plural = _("lịch sử xử lý hồ sơ")
        ordering = ["at", "pk"]
        # "Cases identified in a period" and "not yet identified on a day": events of one state
        # from the index alone. The case comes before the date so that a lookup for one case
        # (SQLite's plan for "not yet identified") is not a scan of every event of that state.
        indexes = [models.Index(fields=["to_state", "case", "on"], name="caseevent_state_case_on")]

    def __str__(self) -> str:
        return f"{self.case.code}: {self.from_state} → {self.to_state}"


class AccessLog(models.Model):
    """Every view of a case's personal data: who, when, which case, which section."""

    case = models.ForeignKey(
        Case, verbose_name=_("hồ sơ"), on_delete=models.CASCADE, related_name="access_log"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xem"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    section = models.CharField(_("phần"), max_length=40)
    # The reason often names the person ("xác minh cho Nguyễn Thị A..."): encrypted, and purged.
    break_glass_reason = EncryptedTextField(_("lý do truy cập khẩn cấp"), blank=True, default="")
    # Break-glass reads await review.
    flagged = models.BooleanField(_("cần xem xét"), default=False)

    class Meta:
        verbose_name = _("lần xem dữ liệu hồ sơ")
        verbose_name_plural = _("nhật ký xem dữ liệu hồ sơ")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.case.code} {self.section} {self.at:%Y-%m-%d %H:%M}"


class Consent(models.Model):
    """The lawful basis of a processing purpose (Decree 13/2023/NĐ-CP from 1/7/2023, Personal
    Data Protection Law 91/2025/QH15 from 1/1/2026): the person's consent, given and withdrawn,
    by whom and in what form, or a statutory basis where a state body processes without it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("mục đích"), max_length=20, choices=ConsentPurpose.choices)
    given_on = models.DateField(_("ngày đồng ý"), validators=[validate_date])
    withdrawn_on = models.DateField(
        _("ngày rút lại"), null=True, blank=True, validators=[validate_date]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    basis = models.CharField(
        _("căn cứ xử lý"), max_length=20, choices=ConsentBasis.choices, default=ConsentBasis.CONSENT
    )
    # The statute relied on when basis is "statute" (article and clause).
    statute = models.CharField(_("căn cứ pháp luật"), max_length=300, blank=True)
    given_by = models.CharField(
        _("người đồng ý"), max_length=20, choices=ConsentGiver.choices, default=ConsentGiver.PERSON
    )
    # A child's own agreement, asked from the age the rule in force sets (Decree 13/2023 Art. 20).
    child_agrees = models.BooleanField(_("trẻ em đồng ý"), null=True, blank=True)
    form = models.CharField(
        _("hình thức"), max_length=20, choices=ConsentForm.choices, blank=True, default=""
    )
    # The signed form or recording: it names the person, so it is sealed like papers.
    evidence = sealed_file_field(_("chứng cứ đồng ý"))

    class Meta:
        verbose_name = _("căn cứ xử lý dữ liệu cá nhân")
        verbose_name_plural = _("căn cứ xử lý dữ liệu cá nhân")
        ordering = ["-given_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.case.code} {self.purpose}"

    def active_on(self, day) -> bool:  # type: ignore[no-untyped-def]
        return self.given_on <= day and (self.withdrawn_on is None or self.withdrawn_on > day)


class Referral(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    from_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    to_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    reason = EncryptedTextField(_("lý do chuyển"))
    consent = models.ForeignKey(
        Consent, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    override_reason = EncryptedTextField(_("lý do chuyển không cần đồng ý"), blank=True, default="")
    status = models.CharField(
        max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.SENT, db_index=True
    )
    sent_on = models.DateField(_("ngày chuyển"))
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    days_to_answer = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("lượt chuyển hồ sơ")
        verbose_name_plural = _("lượt chuyển hồ sơ")
        ordering = ["-sent_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.case.code} → {self.to_agency.code} ({self.status})"


class SupportGiven(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="support")
    regime = models.CharField(_("chế độ"), max_length=30)
    given_on = models.DateField(_("ngày hỗ trợ"), validators=[validate_date])
    provider = models.ForeignKey(
        Agency, verbose_name=_("cơ quan hỗ trợ"), on_delete=models.PROTECT, related_name="+"
    )
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"), default=0, validators=[AMOUNT])
    case_by_case = models.BooleanField(_("quyết định theo từng trường hợp"), default=False)
    # Evidence can name the person: encrypted, under a random name (ctip.core.sealed).
    evidence = sealed_file_field(_("chứng từ"))

    class Meta:
        verbose_name = _("hỗ trợ đã cung cấp")
        verbose_name_plural = _("hỗ trợ đã cung cấp")
        ordering = ["-given_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=range_q("amount", 0, MAX_AMOUNT_VND), name="support_amount_bounds"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case.code} {self.regime} {self.given_on}"


class ActionKind(models.TextChoices):
    PROTECTION = "protection", _("Áp dụng biện pháp bảo vệ")
    FACILITY = "facility", _("Chuyển đến cơ sở trợ giúp xã hội")
    FAMILY_NOTIFIED = "family_notified", _("Thông báo cho gia đình trẻ em")
    SUPPORT_REFUSED = "support_refused", _("Từ chối nhận hỗ trợ")


class CaseAction(models.Model):
    """A recorded step that is not a change of state: a protection measure, a transfer to a
    social-assistance facility, a child's family notified, a support the person refused."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(_("loại"), max_length=20, choices=ActionKind.choices)
    on = models.DateField(_("ngày"), validators=[validate_date])
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan thực hiện"), on_delete=models.PROTECT, related_name="+"
    )
    regime = models.CharField(_("chế độ hỗ trợ"), max_length=30, blank=True)
    # Details often name a place or a relative: encrypted.
    detail = EncryptedTextField(_("nội dung"), blank=True, default="")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("biện pháp đã thực hiện")
        verbose_name_plural = _("biện pháp đã thực hiện")
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.case.code} {self.kind} {self.on}"
