"""Form fields with ctip's bounds (issue 19, finding 5): a number, date or text outside them is
refused with a Vietnamese message that names the allowed range, before any service runs.

- `IntegerField(min_value=0, max_value=MAX_COUNT)`: a count by default; pass other bounds for
  amounts, ages, intervals, years or codes (`min_value=None` leaves negatives to a service that
  refuses them with a message of its own). "1e20", "1.5" and overlong digit strings are "not a
  whole number"; the browser gets the bounds as `min`/`max`.
- `DateField`: between MIN_DATE and MAX_DATE.
- `CharField`: at most MAX_TEXT characters unless `max_length` says less; no NUL character.
- `ModelChoiceField`, `ModelMultipleChoiceField`: Django's, with Vietnamese messages where
  Django's Vietnamese catalog has none (a NUL character, a value that is not a key).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ctip.core.bounds import MAX_COUNT, MAX_TEXT
from ctip.core.validators import NUL_MESSAGE, InRange, validate_date


class IntegerField(forms.IntegerField):
    default_error_messages = {"invalid": _("Nhập một số nguyên.")}

    def __init__(
        self, *, min_value: int | None = 0, max_value: int = MAX_COUNT, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        # One validator naming both bounds instead of Django's two, which name one each.
        self.validators.append(InRange(min_value, max_value))
        self.min_value, self.max_value = min_value, max_value
        self.widget.attrs["max"] = max_value
        if min_value is not None:
            self.widget.attrs["min"] = min_value


class DateField(forms.DateField):
    default_validators = [validate_date]


class CharField(forms.CharField):
    default_error_messages = {
        "null_characters_not_allowed": NUL_MESSAGE,
        "max_length": _("Nội dung dài tối đa %(limit_value)s ký tự (đang có %(show_value)s)."),
    }

    def __init__(self, *, max_length: int = MAX_TEXT, **kwargs: Any) -> None:
        super().__init__(max_length=max_length, **kwargs)


class _NoNulMessage:
    def validate_no_null_characters(self, value: Any) -> None:
        if "\x00" in str(value):
            raise forms.ValidationError(NUL_MESSAGE, code="null_characters_not_allowed")


class ModelChoiceField(_NoNulMessage, forms.ModelChoiceField):
    pass


class ModelMultipleChoiceField(_NoNulMessage, forms.ModelMultipleChoiceField):
    default_error_messages = {"invalid_pk_value": _("“%(pk)s” không phải là lựa chọn hợp lệ.")}

    def _check_values(self, value: Any) -> Any:
        # Django looks the keys up with `__in`, which (unlike `=`) passes a number past 64 bits
        # to the database driver: refused here as any other value that is not a choice.
        for pk in value:
            text = str(pk).strip()
            if text.lstrip("-").isdecimal() and not -(2**63) <= int(text[:30]) < 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)  # type: ignore[misc]
