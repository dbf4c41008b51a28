"""The form of the HTCDS export page (issue 26)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ctip.core import formfields as bounded
from ctip.geo.models import Level
from ctip.geo.picker import CountryField, UnitPickerField
from ctip.victims.htcds import (
    CSV,
    DEFAULT_STANDARD,
    JSON,
    MAX_K,
    PURPOSES,
    VOCABULARIES,
    XLSX,
    configured_k,
)


class HtcdsForm(forms.Form):
    # A province within the user's area, as it stood at the period's end (issue 23): a finer
    # unit would name where everyone in the file lives (the service refuses it too).
    unit = UnitPickerField(
        label=_("Tỉnh, thành phố"),
        levels=[Level.PROVINCE],
        area_only=True,
        date_field="date_to",
    )
    date_from = bounded.DateField(label=_("Tiếp nhận từ ngày"))
    date_to = bounded.DateField(label=_("Đến ngày"))
    purpose = forms.ChoiceField(label=_("Mục đích"), choices=list(PURPOSES.items()))
    counterpart = bounded.CharField(
        label=_("Đối tác nhận dữ liệu (khi chuyển cho đối tác)"), max_length=200, required=False
    )
    counterpart_country = CountryField(
        label=_("Nước của đối tác (khi chuyển ra nước ngoài)"), required=False
    )
    fmt = forms.ChoiceField(
        label=_("Định dạng tệp"),
        choices=[(CSV, "CSV"), (XLSX, "Excel (XLSX)"), (JSON, "JSON")],
        initial=CSV,
    )
    # The column names and codes of the file; the anonymisation is the same for both. Not
    # required: a request without it gets the default, as the command does.
    standard = forms.ChoiceField(
        label=_("Bộ tên cột và mã"),
        choices=list(VOCABULARIES.items()),
        initial=DEFAULT_STANDARD,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # k may be raised for one export, never lowered below what is configured.
        least = configured_k()
        self.fields["k"] = bounded.IntegerField(
            label=_("k (mỗi tổ hợp đặc điểm có ít nhất k hồ sơ)"),
            min_value=least,
            max_value=MAX_K,
            required=False,
            initial=least,
        )

    def clean_standard(self) -> str:
        return self.cleaned_data.get("standard") or DEFAULT_STANDARD

    def clean(self) -> dict:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("Ngày kết thúc trước ngày bắt đầu."))
        return data
