"""The states of a victim case and of a referral, the workflows between them, consent purposes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ctip.core.labels import code_list_register
from ctip.core.permissions import P
from ctip.core.workflow import Step, Workflow


class State(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    VERIFYING = "verifying", _("Đang xác minh")
    IDENTIFIED = "identified", _("Đã xác định là nạn nhân")
    NOT_VICTIM = "not_victim", _("Không phải nạn nhân")
    SUPPORT = "support", _("Đang hỗ trợ")
    REPATRIATION = "repatriation", _("Hồi hương")
    REINTEGRATION = "reintegration", _("Tái hòa nhập cộng đồng")
    FOLLOW_UP = "follow_up", _("Theo dõi sau hỗ trợ")
    CLOSED = "closed", _("Đã đóng hồ sơ")


# Explicit workflow: which state may follow which (reopening a closed case is a separate step,
# victims.reopen). Each move is the legal step victims.<new state>: the rule
# roles.step.victims.<new state> in force on the event's date names the roles that may take it.
_CASE_MOVES = [
    (State.RECEIVED, State.VERIFYING),
    (State.VERIFYING, State.IDENTIFIED),
    (State.VERIFYING, State.NOT_VICTIM),
    (State.IDENTIFIED, State.SUPPORT),
    (State.SUPPORT, State.REPATRIATION),
    (State.SUPPORT, State.REINTEGRATION),
    (State.REPATRIATION, State.REINTEGRATION),
    (State.REINTEGRATION, State.FOLLOW_UP),
    (State.FOLLOW_UP, State.CLOSED),
    (State.NOT_VICTIM, State.CLOSED),
]
CASE_FLOW = Workflow(
    states=State.choices,
    transitions={(a, b): Step(legal_step=f"victims.{b}") for a, b in _CASE_MOVES},
    initial=State.RECEIVED,
    refused=_("Không thể chuyển hồ sơ từ “%(old)s” sang “%(new)s”."),
)
code_list_register("case_state", dict(State.choices))  # a case event's from/to state
# Persons "being identified" already have rights (Law 53/2024): every state before a decision.
BEING_IDENTIFIED = (State.RECEIVED, State.VERIFYING)


class ConsentPurpose(models.TextChoices):
    PROCESSING = "processing", _("Xử lý dữ liệu cá nhân để hỗ trợ")
    REFERRAL = "referral", _("Chuyển hồ sơ sang cơ quan khác")
    ABROAD = "abroad", _("Chia sẻ với cơ quan nước ngoài")


class ConsentBasis(models.TextChoices):
    CONSENT = "consent", _("Sự đồng ý của chủ thể dữ liệu")
    STATUTE = "statute", _("Theo quy định của luật (không cần sự đồng ý)")


class ConsentGiver(models.TextChoices):
    PERSON = "person", _("Chính người đó")
    GUARDIAN = "guardian", _("Cha, mẹ hoặc người giám hộ")


class ConsentForm(models.TextChoices):
    WRITTEN = "written", _("Văn bản có chữ ký")
    ELECTRONIC = "electronic", _("Điện tử, kiểm chứng được")
    RECORDED = "recorded", _("Ghi âm, ghi hình")


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Đã chuyển, chờ tiếp nhận")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    DECLINED = "declined", pgettext_lazy("referral status", "Từ chối")
    REVOKED = "revoked", _("Đã thu hồi")


# Each answer is taken by an agency's case workers: accept and decline by the receiving agency,
# revoke by the sender (ctip.victims.views_protection scopes which referrals each may answer).
_R = ReferralStatus
_ANSWER = P.EDIT_VICTIM_CASES
REFERRAL_FLOW = Workflow(
    states=ReferralStatus.choices,
    transitions={
        (_R.SENT, _R.ACCEPTED): Step(action="accept", permission=_ANSWER),
        (_R.SENT, _R.DECLINED): Step(action="decline", permission=_ANSWER),
        (_R.SENT, _R.REVOKED): Step(action="revoke", permission=_ANSWER),
        (_R.ACCEPTED, _R.REVOKED): Step(action="revoke", permission=_ANSWER),
    },
    initial=ReferralStatus.SENT,
    refused=_("Không thể chuyển yêu cầu từ “%(old)s” sang “%(new)s”."),
)
