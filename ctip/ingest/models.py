"""Draft records read out of an agency's report (issue 25, build point 2).

A `Reading` is one uploaded (or pasted) report part: who read it, for which agency, when, and the
SHA-256 of its bytes. The text itself is not kept: only the sentences that gave figures, each on
the `DraftActivity` it proposes, which an officer corrects and confirms (an Activity is created
through ctip.prevention's own service) or discards. Nothing enters the data unconfirmed.

The sentence an activity came from stays on its draft (`DraftActivity.activity`, one to one):
ctip.prevention's Activity is not changed for it (no migration on that table, its import, export
and audit values untouched); `activity.source_draft.sentence` reads it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.agencies.models import Agency
from ctip.core.bounds import MAX_TEXT
from ctip.core.validators import COUNT
from ctip.enforcement.models import CriminalCase
from ctip.geo.models import Unit
from ctip.prevention.models import Activity, ActivityKind


class Reading(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created = models.DateTimeField(_("thời điểm đọc"), auto_now_add=True)
    # SHA-256 of the uploaded bytes (or of the pasted text, UTF-8): which file it was, not its text.
    content_hash = models.CharField(max_length=64, db_index=True)
    from_file = models.BooleanField(_("đọc từ tệp"), default=False)

    class Meta:
        verbose_name = _("lượt đọc số liệu từ báo cáo")
        verbose_name_plural = _("lượt đọc số liệu từ báo cáo")
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.agency} {self.created:%d/%m/%Y %H:%M}"


class DraftState(models.TextChoices):
    DRAFT = "draft", _("Chờ xác nhận")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    DISCARDED = "discarded", _("Đã bỏ")


# The only moves a draft makes: confirmed or discarded, once.
TRANSITIONS: dict[str, frozenset[str]] = {
    DraftState.DRAFT: frozenset({DraftState.CONFIRMED, DraftState.DISCARDED}),
    DraftState.CONFIRMED: frozenset(),
    DraftState.DISCARDED: frozenset(),
}


class DraftActivity(models.Model):
    """One sentence's figures proposed as one activity ("98 buổi ... hơn 3.000 lượt người")."""

    reading = models.ForeignKey(Reading, on_delete=models.CASCADE, related_name="drafts")
    position = models.PositiveIntegerField(default=0)
    sentence = models.TextField(_("câu trong báo cáo"), max_length=MAX_TEXT)
    # The figures of the sentence as read: [{"kind", "value", "bound", "unit_noun", "start",
    # "end"}], places within `sentence` (to mark the numbers on the page).
    figures = models.JSONField(default=list)
    # The agency the sentence is about when it is another the reader records for (a compiled
    # report: "- Hội LHPN tỉnh: ..."); else None, the reading's agency.
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("hình thức"), max_length=20, choices=ActivityKind.choices)
    sessions = models.PositiveIntegerField(_("số buổi"), null=True, blank=True, validators=[COUNT])
    participants = models.PositiveIntegerField(
        _("số lượt người tham dự"), null=True, blank=True, validators=[COUNT]
    )
    participants_estimated = models.BooleanField(_("số người là ước tính"), default=False)
    media_items = models.PositiveIntegerField(
        _("số tin, bài"), null=True, blank=True, validators=[COUNT]
    )
    sms = models.PositiveIntegerField(_("số tin nhắn"), null=True, blank=True, validators=[COUNT])
    # Target group codes (ctip.prevention.target_groups) and partner agency codes, as proposed
    # from the sentence's words and corrected by the officer; checked again on confirmation.
    target_groups = models.JSONField(_("đối tượng"), default=list, blank=True)
    partners = models.JSONField(_("cơ quan phối hợp"), default=list, blank=True)
    # Figures with no column of their own ("45 băng rôn", "1.200 tờ rơi"), proposed as notes.
    notes = models.TextField(_("ghi chú"), blank=True, max_length=MAX_TEXT)
    # From the period the sentence states, when it fixes both days; else the officer fills them.
    start_date = models.DateField(_("từ ngày"), null=True, blank=True)
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    state = models.CharField(
        _("tình trạng"), max_length=20, choices=DraftState.choices, default=DraftState.DRAFT
    )
    activity = models.OneToOneField(
        Activity,
        verbose_name=_("hoạt động đã ghi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_draft",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("hoạt động dự thảo từ báo cáo")
        verbose_name_plural = _("hoạt động dự thảo từ báo cáo")
        ordering = ["reading", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_state_display()})"


class DraftCase(models.Model):
    """One sentence's enforcement figures ("khởi tố 17 vụ/32 đối tượng") proposed as criminal
    cases to open: the investigator opens them one by one (each through ctip.enforcement's
    `criminal_case_create`, linked here as the sentence it came from); the draft is confirmed
    when as many cases are open as the sentence states, or discarded (those already opened
    stay)."""

    reading = models.ForeignKey(Reading, on_delete=models.CASCADE, related_name="case_drafts")
    position = models.PositiveIntegerField(default=0)
    sentence = models.TextField(_("câu trong báo cáo"), max_length=MAX_TEXT)
    figures = models.JSONField(default=list)
    # What the sentence's verb says was done ("phát hiện", "khởi tố", "truy tố"...), as written.
    verb = models.CharField(_("việc đã làm"), max_length=40, blank=True)
    cases = models.PositiveIntegerField(_("số vụ trong câu"), validators=[COUNT])
    suspects = models.PositiveIntegerField(
        _("số đối tượng trong câu"), null=True, blank=True, validators=[COUNT]
    )
    victims = models.PositiveIntegerField(
        _("số nạn nhân trong câu"), null=True, blank=True, validators=[COUNT]
    )
    start_date = models.DateField(_("từ ngày"), null=True, blank=True)
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    state = models.CharField(
        _("tình trạng"), max_length=20, choices=DraftState.choices, default=DraftState.DRAFT
    )
    opened = models.ManyToManyField(
        CriminalCase, verbose_name=_("vụ án đã lập"), blank=True, related_name="source_drafts"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("vụ án dự thảo từ báo cáo")
        verbose_name_plural = _("vụ án dự thảo từ báo cáo")
        ordering = ["reading", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.cases} {self.get_state_display()}"
