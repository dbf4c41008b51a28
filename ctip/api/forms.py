"""The form that issues an API token (a person's own, or a machine client's), and the one that
creates a machine client's account."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ctip.accounts.forms import UserCreateForm
from ctip.api.permissions import SCOPE_LABELS
from ctip.api.services import DEFAULT_DAYS, MAX_DAYS
from ctip.core import formfields as bounded


class TokenForm(forms.Form):
    name = bounded.CharField(
        label=_("Tên gợi nhớ (dùng cho việc gì, ở đâu)"), max_length=100, required=True
    )
    scopes = forms.MultipleChoiceField(
        label=_("Phạm vi"),
        choices=list(SCOPE_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
    )
    days = bounded.IntegerField(
        label=_("Hiệu lực (số ngày)"), min_value=1, max_value=MAX_DAYS, initial=DEFAULT_DAYS
    )


class MachineClientForm(UserCreateForm):
    """A machine client's account: the fields and first role of any new account (the same
    choices the manager may grant); its address names who answers for the system, and receives
    no password link."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["email"].label = _("Thư điện tử của người phụ trách hệ thống kết nối")
