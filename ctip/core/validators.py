"""Validators for the bounds of ctip.core.bounds (issue 19, finding 5).

Forms, model fields and services share them, so a value refused on a page is refused by the
command line and by the database too (each app's check constraints, built with `range_q`). The
messages are in Vietnamese and name the allowed range, so a typing slip tells the user what to
type instead of ending in a server error.

- `validate_date` and `InRange(low, high)`: for model fields and form fields.
- `check_count`, `check_amount`, `check_number`, `check_date`, `check_text`: explicit checks for
  services. They raise `error`: Django's ValidationError by default; a service passes its own
  error class (a ValueError its views and commands already show as a message).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from ctip.core.bounds import (
    MAX_AGE,
    MAX_AMOUNT_VND,
    MAX_COUNT,
    MAX_DATE,
    MAX_INTERVAL_DAYS,
    MAX_SMALL_COUNT,
    MAX_TEXT,
    MAX_YEAR,
    MIN_DATE,
    MIN_YEAR,
)
from ctip.core.text import vn_int

DATE_MESSAGE = _("Ngày phải trong khoảng %(min)s – %(max)s.")
NUMBER_MESSAGE = _("Giá trị phải là số nguyên trong khoảng %(min)s – %(max)s.")
MAX_MESSAGE = _("Giá trị không được lớn hơn %(max)s.")
TEXT_MESSAGE = _("Nội dung dài tối đa %(max)s ký tự (đang có %(length)s).")
NUL_MESSAGE = _("Nội dung có ký tự không hợp lệ (ký tự NUL).")


def show_number(value: int) -> str:
    """10000000 -> "10.000.000", as numbers are written in Vietnamese; a year (or any number
    under 10.000) as it is: 2100."""
    return vn_int(value) if abs(value) >= 10_000 else str(value)


def _date_params() -> dict[str, str]:
    return {"min": f"{MIN_DATE:%d/%m/%Y}", "max": f"{MAX_DATE:%d/%m/%Y}"}


def validate_date(value: date | None) -> None:
    """A date a user can enter: far enough from year 1 and year 9999 that adding a time limit or
    a watch interval never leaves the calendar."""
    if value is not None and not MIN_DATE <= value <= MAX_DATE:
        raise ValidationError(DATE_MESSAGE, code="date_bounds", params=_date_params())


@deconstructible(path="ctip.core.validators.InRange")
class InRange:
    """A whole number from `low` to `high` inclusive; the message names both bounds. Without
    `low`, only the upper bound (a caller that refuses negatives with a message of its own)."""

    def __init__(self, low: int | None, high: int):
        self.low, self.high = low, high

    def __call__(self, value: Any) -> None:
        if value is None:
            return
        if self.low is None:
            if value > self.high:
                params = {"max": show_number(self.high)}
                raise ValidationError(MAX_MESSAGE, code="range", params=params)
        elif not self.low <= value <= self.high:
            params = {"min": show_number(self.low), "max": show_number(self.high)}
            raise ValidationError(NUMBER_MESSAGE, code="range", params=params)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, InRange) and (self.low, self.high) == (other.low, other.high)

    def __hash__(self) -> int:
        return hash((self.low, self.high))


# Validators of model fields (the admin's forms and any model form use them); each app's check
# constraints (`range_q`) make the database refuse what a bulk write or an update lets through.
COUNT = InRange(0, MAX_COUNT)
SMALL_COUNT = InRange(0, MAX_SMALL_COUNT)
AMOUNT = InRange(0, MAX_AMOUNT_VND)
AGE = InRange(0, MAX_AGE)
INTERVAL = InRange(1, MAX_INTERVAL_DAYS)
YEAR = InRange(MIN_YEAR, MAX_YEAR)


def range_q(name: str, low: int, high: int, *, null: bool = False) -> Q:
    """The condition of a check constraint keeping column `name` from `low` to `high` (a NULL
    passes when `null`)."""
    condition = Q(**{f"{name}__gte": low, f"{name}__lte": high})
    return condition | Q(**{f"{name}__isnull": True}) if null else condition


# --- explicit checks for services --------------------------------------------------------------


def _fail(error: type[Exception], message: Any, params: dict[str, Any], label: Any) -> None:
    text = str(message) % params
    if label:
        text = f"{label}: {text[0].lower()}{text[1:]}"
    raise error(text)


def check_number(
    value: Any, low: int, high: int, *, label: Any = "", error: type[Exception] = ValidationError
) -> int:
    """`value` if it is a whole number from `low` to `high`, else `error` with a message."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        params = {"min": show_number(low), "max": show_number(high)}
        _fail(error, NUMBER_MESSAGE, params, label)
    return value


def check_count(
    value: Any, *, label: Any = "", high: int = MAX_COUNT, error: type[Exception] = ValidationError
) -> int:
    return check_number(value, 0, high, label=label, error=error)


def check_amount(value: Any, *, label: Any = "", error: type[Exception] = ValidationError) -> int:
    return check_number(value, 0, MAX_AMOUNT_VND, label=label, error=error)


def check_date(
    value: date | None, *, label: Any = "", error: type[Exception] = ValidationError
) -> None:
    if value is not None and not MIN_DATE <= value <= MAX_DATE:
        _fail(error, DATE_MESSAGE, _date_params(), label)


def check_text(
    value: str | None,
    *,
    label: Any = "",
    max_length: int = MAX_TEXT,
    error: type[Exception] = ValidationError,
) -> None:
    """A text over `max_length` is refused, never cut; so is a NUL character (PostgreSQL cannot
    store one)."""
    text = value or ""
    if len(text) > max_length:
        params = {"max": show_number(max_length), "length": show_number(len(text))}
        _fail(error, TEXT_MESSAGE, params, label)
    if "\x00" in text:
        _fail(error, NUL_MESSAGE, {}, label)


def check_texts(
    values: dict[str, Any],
    *,
    max_length: int = MAX_TEXT,
    labels: dict[str, Any] | None = None,
    error: type[Exception] = ValidationError,
) -> None:
    """`check_text` on every string in `values`."""
    for name, value in values.items():
        if isinstance(value, str):
            label = (labels or {}).get(name, "")
            check_text(value, label=label, max_length=max_length, error=error)
