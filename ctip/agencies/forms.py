from django import forms
from django.utils.translation import gettext_lazy as _

from ctip.core import formfields as bounded
from ctip.core.validators import NUL_MESSAGE


class ContactForm(forms.Form):
    phone = bounded.CharField(label=_("Điện thoại"), max_length=40, required=False)
    email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        max_length=254,  # the column's length: a longer address would fail on PostgreSQL
        error_messages={
            "invalid": _("Địa chỉ thư điện tử không hợp lệ."),
            "null_characters_not_allowed": NUL_MESSAGE,
        },
    )
    address = bounded.CharField(label=_("Địa chỉ"), max_length=300, required=False)

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        allowed = set("0123456789 +.-()")
        if phone and (not set(phone) <= allowed or sum(c.isdigit() for c in phone) < 8):
            raise forms.ValidationError(_("Số điện thoại chỉ gồm chữ số (ít nhất 8 số)."))
        return phone
