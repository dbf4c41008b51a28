from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ctip.agencies import labels as agency_labels
from ctip.agencies.models import Agency
from ctip.agencies.selectors import in_territories, offered_on
from ctip.core import formfields as bounded
from ctip.geo.picker import UnitPickerField, bind_unit_pickers, record_day
from ctip.prevention.import_checks import check_rows
from ctip.prevention.importer import COLUMNS, ImportRejected, Spec
from ctip.prevention.models import ActivityKind, Campaign
from ctip.prevention.target_groups import TARGET_GROUPS


class ActivityForm(forms.Form):
    """The same rules as an imported row (importer.check_rows), so a form and a workbook can
    never disagree on what is valid."""

    agency = forms.ChoiceField(label=_("Cơ quan thực hiện"))
    kind = forms.ChoiceField(label=_("Hình thức"), choices=ActivityKind.choices)
    start_date = bounded.DateField(label=_("Từ ngày (ngày/tháng/năm)"))
    end_date = bounded.DateField(label=_("Đến ngày (ngày/tháng/năm)"))
    unit = UnitPickerField(label=_("Địa bàn"), date_field="start_date")
    target_groups = forms.MultipleChoiceField(
        label=_("Đối tượng"),
        choices=list(TARGET_GROUPS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.MultipleChoiceField(
        label=_("Cơ quan phối hợp"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    # Left blank: the figure was not stated (kept empty, never turned into 0).
    sessions = bounded.IntegerField(label=_("Số buổi"), required=False)
    participants = bounded.IntegerField(label=_("Số lượt người"), required=False)
    participants_estimated = forms.BooleanField(label=_("Số người là ước tính"), required=False)
    media_items = bounded.IntegerField(label=_("Số tin, bài"), required=False)
    sms = bounded.IntegerField(label=_("Số tin nhắn"), required=False)
    campaign = forms.ChoiceField(label=_("Đợt"), choices=Campaign.choices, required=False)
    theme = bounded.CharField(label=_("Chủ đề"), max_length=300, required=False)
    notes = bounded.CharField(
        label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    reason = bounded.CharField(
        label=_("Lý do điều chỉnh (bắt buộc nếu thuộc kỳ đã có báo cáo ban hành)"),
        max_length=1000,
        required=False,
    )

    def __init__(self, *args: Any, agencies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.allowed = {a.pk for a in agencies}
        day = record_day(self, "start_date")
        own = agencies_on(agencies, day) or agencies_on(agencies, date.today())
        self.fields["agency"].choices = agency_labels.choices(own)  # type: ignore[attr-defined]
        self.fields["partners"].choices = partner_choices(  # type: ignore[attr-defined]
            agencies, day, keep=self.initial.get("partners") or ()
        )
        # The unit: the agencies' area first, as it stood on the activity's first day.
        bind_unit_pickers(self, territories={a.unit for a in agencies})
        self.spec: Spec | None = None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        raw = {k: data.get(k) for k in COLUMNS}
        try:
            self.spec = check_rows([raw], allowed_agencies=self.allowed, locked_ok=True)[0]
        except ImportRejected as exc:
            by_label = {v: k for k, v in COLUMNS.items()}
            for error in exc.errors:
                label = error.split("“", 1)[-1].split("”", 1)[0]
                field = by_label.get(label)
                message = error.split(": ", 1)[-1]
                self.add_error(field if field in self.fields else None, message)
        return data


def agencies_on(agencies: Any, day: date) -> list[Agency]:
    """The agencies of `agencies` (the user's) in force on `day`, each name once, by name."""
    return list(offered_on(Agency.objects.filter(pk__in=[a.pk for a in agencies]), day))


def partner_choices(agencies: Any, day: date, *, keep: Any = ()) -> list[tuple[str, str]]:
    """Partners: the agencies in force on `day` in the province of the user's agencies (not the
    whole country's), by name, each name once; `keep` (codes already linked) stay offered."""
    provinces = {a.unit.rollup_province or a.unit for a in agencies}
    offered = list(offered_on(in_territories(provinces), day))
    codes = {a.code for a in offered}
    kept = [a for a in Agency.objects.filter(code__in=list(keep)) if a.code not in codes]
    return agency_labels.choices(sorted([*offered, *kept], key=lambda a: (a.name, a.pk)))


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx) hoặc JSON"))


class FilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Hình thức"), required=False, choices=[("", _("Tất cả")), *ActivityKind.choices]
    )
    date_from = bounded.DateField(label=_("Từ ngày"), required=False)
    date_to = bounded.DateField(label=_("Đến ngày"), required=False)
    q = bounded.CharField(label=_("Chủ đề, ghi chú"), max_length=300, required=False)


class CoverageForm(forms.Form):
    # A picker within the user's area, as the unit stood at the period's end (issue 23).
    province = UnitPickerField(label=_("Địa bàn"), area_only=True, date_field="date_to")
    date_from = bounded.DateField(label=_("Từ ngày"))
    date_to = bounded.DateField(label=_("Đến ngày"))
    structure = forms.ChoiceField(
        label=_("Cơ cấu đơn vị"),
        choices=[("new", _("Hiện hành (từ 01/7/2025)")), ("old", _("Tại ngày cuối kỳ"))],
        initial="new",
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("Ngày kết thúc trước ngày bắt đầu."))
        return data
