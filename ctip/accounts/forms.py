from datetime import date
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ctip.accounts.models import Assignment
from ctip.accounts.permissions import ROLES
from ctip.accounts.pickers import agencies_offered, bind_pickers_for
from ctip.accounts.stewardship import agencies_within, agency_required_message, reach
from ctip.agencies.labels import AgencyChoiceField
from ctip.agencies.models import Agency
from ctip.core import formfields as bounded
from ctip.geo.models import Level
from ctip.geo.picker import UnitPickerField, record_day
from ctip.geo.selectors import unit_by_code


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Tên đăng nhập hoặc thư điện tử"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản này đã bị khóa."),
    }


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Mã xác thực (6 số) hoặc mã dự phòng (8 số)"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(_("Mã chỉ gồm chữ số."))
        return token


# --- user management (/nguoi-dung/) ------------------------------------------------------------


class UserForm(forms.Form):
    """An account's own fields. No password field: the owner chooses one through the link."""

    username = bounded.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        help_text=_("Chữ, chữ số và các ký tự @ . + - _ (không dấu cách)."),
    )
    email = bounded.CharField(
        label=_("Thư điện tử (nhận liên kết đặt mật khẩu)"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    last_name = bounded.CharField(label=_("Họ và tên đệm"), max_length=150, required=False)
    first_name = bounded.CharField(label=_("Tên"), max_length=150, required=False)


class AssignmentForm(forms.Form):
    """A role with its agency, area and period. The roles offered are those the manager may
    grant; the agencies those in force on the first day of the period (today without one), of
    the manager's province first (only those of its own area for a standing office); the area
    is picked by name, within its own area for a standing office."""

    role = forms.ChoiceField(label=_("Vai trò"))
    agency = AgencyChoiceField(
        label=_("Cơ quan"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label="—",
        help_text=_("Bắt buộc với vai trò làm việc theo cơ quan (cán bộ, lãnh đạo cơ quan, ...)."),
    )
    unit = UnitPickerField(
        label=_("Địa bàn (tỉnh, xã, phường; để trống nếu theo cơ quan)"),
        required=False,
        date_field="valid_from",
        # Every level, the country included: the ministry's roles are assigned to "Việt Nam"
        # (docs/adr/0016); a manager whose area is smaller is refused it by area_only below.
        levels=tuple(Level.values),
    )
    valid_from = bounded.DateField(label=_("Hiệu lực từ ngày (ngày/tháng/năm)"), required=False)
    valid_to = bounded.DateField(label=_("Hiệu lực đến ngày (ngày/tháng/năm)"), required=False)

    def __init__(
        self, *args: Any, manager: Any, current: Assignment | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        found = reach(manager)
        self.fields["role"].choices = [  # type: ignore[attr-defined]
            ("", "—"),
            *((code, role.label) for code, role in ROLES.items() if code in found.roles),
        ]
        day = record_day(self, "valid_from")
        offered = agencies_offered(manager, day)
        # A standing office names only agencies of its own area (the service refuses others).
        keep = Q(pk__in=offered.values("pk")) & agencies_within(found)
        if current is not None and current.agency_id:
            keep |= Q(pk=current.agency_id)  # a dissolved agency stays what it was
        agency = self.fields["agency"]
        assert isinstance(agency, forms.ModelChoiceField)
        agency.queryset = Agency.objects.filter(keep).select_related("unit").order_by("name", "pk")
        bind_pickers_for(self, manager)
        unit = self.fields["unit"]
        assert isinstance(unit, UnitPickerField)
        unit.area_only = not found.everyone
        unit._sync()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        role = data.get("role")
        if role and ROLES[role].scoped_by_agency and not data.get("agency"):
            self.add_error("agency", agency_required_message(role))
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("Ngày hết hiệu lực phải từ ngày bắt đầu hiệu lực trở đi."))
        code = data.get("unit")
        if code is not None and "unit" not in self.errors:
            unit = unit_by_code(code, day=start or date.today())
            if unit is None:
                self.add_error("unit", _("Không có đơn vị hành chính mã này vào ngày hiệu lực."))
            data["unit"] = unit
        return data


class UserCreateForm(AssignmentForm, UserForm):
    """A new account and its first role, on one page."""

    field_order = [
        "username",
        "email",
        "last_name",
        "first_name",
        "role",
        "agency",
        "unit",
        "valid_from",
        "valid_to",
    ]


class TwoFactorRequestForm(forms.Form):
    reason = bounded.CharField(
        label=_("Lý do (ví dụ: mất điện thoại có ứng dụng xác thực)"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
