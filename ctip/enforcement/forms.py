"""The forms of a criminal case shared by the case pages and by the draft cases read out of a
report (ctip.ingest): the same fields and rules wherever a case is opened."""

from django import forms
from django.utils.translation import gettext_lazy as _l

from ctip.core import formfields as bounded
from ctip.enforcement.models import PLATFORMS, DetectionSource
from ctip.geo.picker import CountryField, UnitPickerField
from ctip.victims.vocab import EXPLOITATION_FORMS, RECRUITMENT_CHANNELS


class ModusOperandiForm(forms.Form):
    """The modus operandi and counts: the same fields when a case is opened and edited."""

    recruitment_channel = forms.ChoiceField(
        label=_l("Cách thức tuyển mộ"),
        required=False,
        choices=[("", "—"), *RECRUITMENT_CHANNELS.items()],
    )
    platform = forms.ChoiceField(
        label=_l("Nền tảng"), required=False, choices=[("", "—"), *PLATFORMS.items()]
    )
    exploitation_form = forms.ChoiceField(
        label=_l("Hình thức bóc lột"),
        required=False,
        choices=[("", "—"), *EXPLOITATION_FORMS.items()],
    )
    destination_country = CountryField(label=_l("Nước đến"), required=False)
    suspects_count = bounded.IntegerField(label=_l("Số đối tượng"), initial=0)
    unregistered_victims = bounded.IntegerField(label=_l("Số nạn nhân chưa lập hồ sơ"), initial=0)


class CaseForm(ModusOperandiForm):
    field_order = ["detected_on", "source", "unit"]
    detected_on = bounded.DateField(label=_l("Ngày phát hiện (ngày/tháng/năm)"))
    source = forms.ChoiceField(label=_l("Nguồn phát hiện"), choices=DetectionSource.choices)
    unit = UnitPickerField(label=_l("Địa bàn (xã, phường hoặc tỉnh)"), date_field="detected_on")
