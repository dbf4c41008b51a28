"""The forms of reading a report: the upload (or pasted text), and one form per draft with what
the officer corrects before confirming. A draft's form reads nothing from the database when it
is built (the unit's label and the user's area are given): a page of many drafts stays a few
queries."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ctip.agencies import labels as agency_labels
from ctip.core import formfields as bounded
from ctip.enforcement.forms import CaseForm
from ctip.geo.picker import UnitPickerField
from ctip.ingest.models import DraftActivity, DraftCase
from ctip.prevention.models import ActivityKind
from ctip.prevention.target_groups import TARGET_GROUPS

MAX_PASTED = 200_000


class ReadingForm(forms.Form):
    agency = forms.ChoiceField(label=_("Cơ quan báo cáo"))
    file = forms.FileField(label=_("Tệp báo cáo (Word .docx hoặc văn bản .txt)"), required=False)
    text = bounded.CharField(
        label=_("Hoặc dán nội dung báo cáo"),
        max_length=MAX_PASTED,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args: Any, agencies: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = {str(a.pk): a for a in agencies}
        self.fields["agency"].choices = agency_labels.choices(agencies, key="pk")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("file") and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Hãy chọn tệp báo cáo hoặc dán nội dung báo cáo."))
        if data.get("file") and (data.get("text") or "").strip():
            raise forms.ValidationError(_("Chọn tệp hoặc dán nội dung, không cả hai."))
        data["agency_obj"] = self.agencies.get(data.get("agency") or "")
        return data


class DraftForm(forms.Form):
    # Left blank (an older form): the agency the draft proposes.
    agency = forms.ChoiceField(label=_("Cơ quan thực hiện"), required=False)
    kind = forms.ChoiceField(label=_("Hình thức"), choices=ActivityKind.choices)
    start_date = bounded.DateField(label=_("Từ ngày (ngày/tháng/năm)"))
    end_date = bounded.DateField(label=_("Đến ngày (ngày/tháng/năm)"))
    unit = UnitPickerField(label=_("Địa bàn"), date_field="start_date")
    sessions = bounded.IntegerField(label=_("Số buổi"), required=False)
    participants = bounded.IntegerField(label=_("Số lượt người"), required=False)
    participants_estimated = forms.BooleanField(label=_("Số người là ước tính"), required=False)
    media_items = bounded.IntegerField(label=_("Số tin, bài"), required=False)
    sms = bounded.IntegerField(label=_("Số tin nhắn"), required=False)
    target_groups = forms.MultipleChoiceField(
        label=_("Đối tượng"),
        choices=list(TARGET_GROUPS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.MultipleChoiceField(
        label=_("Cơ quan phối hợp"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    notes = bounded.CharField(
        label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    reason = bounded.CharField(
        label=_("Lý do điều chỉnh (bắt buộc nếu thuộc kỳ đã có báo cáo ban hành)"),
        max_length=1000,
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        draft: DraftActivity,
        unit_label: str,
        area: set[int],
        choices: Choices,
        partial: bool = False,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("prefix", f"d{draft.pk}")
        kwargs.setdefault("initial", initial_of(draft, unit_label))
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = choices.agencies  # type: ignore[attr-defined]
        self.fields["partners"].choices = choices.partners  # type: ignore[attr-defined]
        if partial:
            # Corrections kept without confirming: what is not filled in yet may stay empty.
            for field in self.fields.values():
                field.required = False
        picker = self.fields["unit"]
        assert isinstance(picker, UnitPickerField)
        picker.date_field = self.add_prefix("start_date")
        picker._sync()
        picker.bind(area=area, day_of=self._day)

    def _day(self) -> date:
        value = self.data.get(self.add_prefix("start_date")) if self.is_bound else None
        try:
            day = self.fields["start_date"].clean(value) if value else None
        except forms.ValidationError:
            day = None
        return day or self.initial.get("start_date") or date.today()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Ngày kết thúc trước ngày bắt đầu."))
        return data

    def values(self) -> dict[str, Any]:
        """What services.draft_confirm takes (the unit as its code)."""
        data = dict(self.cleaned_data)
        data.pop("reason", None)
        return data


class Choices:
    """The agencies a page's draft forms offer, read once for all its drafts."""

    def __init__(self, agencies: list[tuple[str, str]], partners: list[tuple[str, str]]):
        self.agencies = agencies
        self.partners = partners


def initial_of(draft: DraftActivity, unit_label: str) -> dict[str, Any]:
    agency = draft.agency or draft.reading.agency
    return {
        "agency": agency.code,
        "kind": draft.kind,
        "start_date": draft.start_date,
        "end_date": draft.end_date,
        "unit": (str(draft.unit.code), unit_label) if draft.unit else None,
        "sessions": draft.sessions,
        "participants": draft.participants,
        "participants_estimated": draft.participants_estimated,
        "media_items": draft.media_items,
        "sms": draft.sms,
        "target_groups": list(draft.target_groups),
        "partners": list(draft.partners),
        "notes": draft.notes,
    }


class DraftCaseForm(CaseForm):
    """One case to open from a draft case: ctip.enforcement's own form (the same fields and
    rules as a case opened on its page), the counts proposed from what remains of the sentence's
    figures."""

    def __init__(
        self, *args: Any, draft: DraftCase, opened: list[Any], area: set[int], **kwargs: Any
    ) -> None:
        kwargs.setdefault("prefix", f"c{draft.pk}")
        kwargs.setdefault("initial", case_initial(draft, opened))
        super().__init__(*args, **kwargs)
        picker = self.fields["unit"]
        assert isinstance(picker, UnitPickerField)
        picker.date_field = self.add_prefix("detected_on")
        picker._sync()
        picker.bind(area=area, day_of=self._day)

    def _day(self) -> date:
        value = self.data.get(self.add_prefix("detected_on")) if self.is_bound else None
        try:
            day = self.fields["detected_on"].clean(value) if value else None
        except forms.ValidationError:
            day = None
        return day or date.today()


def case_initial(draft: DraftCase, opened: list[Any]) -> dict[str, Any]:
    """The last case to open takes the suspects and victims the others left; before it, none is
    guessed (the sentence does not say how they split)."""
    left = draft.cases - len(opened)
    initial: dict[str, Any] = {"suspects_count": 0, "unregistered_victims": 0}
    if left == 1 and draft.suspects is not None:
        taken = sum(c.suspects_count for c in opened)
        initial["suspects_count"] = max(draft.suspects - taken, 0)
    return initial
