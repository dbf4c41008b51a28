"""The states of reports' jobs and contributions, the audiences a report is for, and the
contributions' workflow."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.core.permissions import P
from ctip.core.workflow import Step, Workflow


class Audience(models.TextChoices):
    STATE = "state", _("Trong hệ thống cơ quan nhà nước (số liệu đầy đủ)")
    PUBLIC = "public", _("Công bố, gửi đối tác ngoài nhà nước (che số nhỏ)")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang tổng hợp")
    DONE = "done", _("Đã xong")
    FAILED = "failed", _("Lỗi")


class ContributionState(models.TextChoices):
    ASSIGNED = "assigned", _("Chưa soạn")
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã ký, chờ tiếp nhận")
    RETURNED = "returned", _("Bị trả lại")
    ACCEPTED = "accepted", _("Đã tiếp nhận")


_C = ContributionState
_SAVE = Step(action="save", permission=P.CONTRIBUTE_REPORTS)  # the agency's officers
_SIGN = Step(action="sign_off", permission=P.SIGN_CONTRIBUTIONS)  # the agency's leader
# The standing office of the request's territory accepts or returns a signed part.
_ACCEPT = Step(action="accept", permission=P.COMPILE_REPORTS)
_RETURN = Step(action="return", permission=P.COMPILE_REPORTS)
CONTRIBUTION_FLOW = Workflow(
    states=ContributionState.choices,
    transitions={
        (_C.ASSIGNED, _C.DRAFT): _SAVE,
        (_C.DRAFT, _C.DRAFT): _SAVE,
        (_C.RETURNED, _C.DRAFT): _SAVE,
        (_C.ASSIGNED, _C.SUBMITTED): _SIGN,
        (_C.DRAFT, _C.SUBMITTED): _SIGN,
        (_C.RETURNED, _C.SUBMITTED): _SIGN,
        (_C.SUBMITTED, _C.ACCEPTED): _ACCEPT,
        (_C.SUBMITTED, _C.RETURNED): _RETURN,
    },
    initial=ContributionState.ASSIGNED,
    refused=_("Không thể thực hiện thao tác này khi phần báo cáo ở trạng thái “%(state)s”."),
)
