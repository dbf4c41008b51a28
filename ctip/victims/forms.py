from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ctip.accounts.pickers import bind_pickers_for
from ctip.core import formfields as bounded
from ctip.core.bounds import MAX_AGE, MAX_SMALL_COUNT
from ctip.geo.models import COMMUNE_LEVELS
from ctip.geo.picker import CountryField, UnitPickerField
from ctip.victims.vocab import (
    EXPLOITATION_FORMS,
    MEANS_OF_CONTROL,
    RECRUITMENT_CHANNELS,
    Sex,
    Source,
)


class CaseForm(forms.Form):
    received_on = bounded.DateField(label=_("Ngày tiếp nhận (ngày/tháng/năm)"))
    notified_on = bounded.DateField(label=_("Ngày cơ quan xã hội được thông báo"), required=False)
    source = forms.ChoiceField(label=_("Nơi tiếp nhận ban đầu"), choices=Source.choices)
    full_name = bounded.CharField(label=_("Họ và tên"), max_length=200)
    other_names = bounded.CharField(label=_("Tên gọi khác"), required=False, max_length=200)
    sex = forms.ChoiceField(label=_("Giới tính"), choices=Sex.choices)
    age_at_reception = bounded.IntegerField(label=_("Tuổi khi tiếp nhận"), max_value=MAX_AGE)
    date_of_birth = bounded.CharField(
        label=_("Ngày sinh (nếu biết)"), required=False, max_length=40
    )
    ethnicity = bounded.CharField(label=_("Dân tộc"), required=False, max_length=100)
    nationality = CountryField(label=_("Quốc tịch"), initial="VN", stateless=True)
    stateless_resident = forms.BooleanField(
        label=_("Người không quốc tịch thường trú tại Việt Nam (hưởng chế độ như công dân)"),
        required=False,
    )
    identity_document = bounded.CharField(
        label=_("Giấy tờ tùy thân"), required=False, max_length=100
    )
    # A victim may live in another province: the user's area first, then the whole country.
    home_unit = UnitPickerField(
        label=_("Xã, phường nơi cư trú"), levels=COMMUNE_LEVELS, date_field="received_on"
    )
    address = bounded.CharField(label=_("Địa chỉ"), required=False)
    contacts = bounded.CharField(label=_("Liên lạc"), required=False)
    relatives = bounded.CharField(
        label=_("Người thân cần bảo vệ"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    recruitment_channel = forms.ChoiceField(
        label=_("Cách thức tuyển mộ"),
        required=False,
        choices=[("", "—"), *RECRUITMENT_CHANNELS.items()],
    )
    exploitation_forms = forms.MultipleChoiceField(
        label=_("Hình thức bóc lột"),
        required=False,
        choices=list(EXPLOITATION_FORMS.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    means_of_control = forms.MultipleChoiceField(
        label=_("Thủ đoạn khống chế"),
        required=False,
        choices=list(MEANS_OF_CONTROL.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    exploited_from = bounded.DateField(label=_("Bị bóc lột từ ngày"), required=False)
    exploited_to = bounded.DateField(label=_("Đến ngày"), required=False)
    place_of_exploitation = bounded.CharField(label=_("Nơi bị bóc lột"), required=False)
    route = bounded.CharField(label=_("Đường đi"), required=False)
    destination_country = CountryField(label=_("Nước bị bóc lột"), required=False)
    accompanying_children = bounded.IntegerField(
        label=_("Số con dưới 18 tuổi đi cùng"), max_value=MAX_SMALL_COUNT, initial=0
    )
    confirm_new = forms.BooleanField(
        label=_("Đã kiểm tra: đây là người khác, vẫn lập hồ sơ mới"), required=False
    )
    narrative = bounded.CharField(
        label=_("Diễn biến"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bind_pickers_for(self, user)


class TransitionForm(forms.Form):
    to_state = forms.ChoiceField(label=_("Chuyển sang"))
    on = bounded.DateField(label=_("Ngày (ngày/tháng/năm)"))
    reason = bounded.CharField(
        label=_("Lý do, ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class IdentityForm(forms.Form):
    version = bounded.IntegerField(widget=forms.HiddenInput)
    full_name = bounded.CharField(label=_("Họ và tên"), max_length=200)
    other_names = bounded.CharField(label=_("Tên gọi khác"), required=False, max_length=200)
    address = bounded.CharField(label=_("Địa chỉ"), required=False)
    contacts = bounded.CharField(label=_("Liên lạc"), required=False)
    relatives = bounded.CharField(
        label=_("Người thân cần bảo vệ"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class BreakGlassForm(forms.Form):
    reason = bounded.CharField(
        label=_("Lý do truy cập khẩn cấp"), min_length=10, widget=forms.Textarea(attrs={"rows": 2})
    )


class SearchForm(forms.Form):
    q = bounded.CharField(label=_("Tìm theo tên"), required=False, max_length=200)
