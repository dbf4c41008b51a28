"""The one marker for fields holding personal data, and what keeps their values out of logs,
audit diffs, exports and error pages.

A field is personal when it uses PersonalField (directly or via a field class built on it).
Values read from or written to such fields are remembered for the current request or job
(`personal_scope`); every log record is redacted against them when it is created, and exceptions
when they are formatted.
"""

from __future__ import annotations

import contextvars
import html
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import models
from django.utils.safestring import SafeString, mark_safe
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

MASK = "[ẩn]"
_MIN_LENGTH = 2  # a one-character value would redact every occurrence of that letter
_seen: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "ctip_personal", default=None
)
_fallback: set[str] = set()  # outside any scope (shell, management commands)
_FALLBACK_LIMIT = 10_000


class PersonalField:
    """Mixin marking a model field as personal data."""

    personal = True

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        remember(value)
        return value

    def get_prep_value(self, value: Any) -> Any:
        remember(value)
        return super().get_prep_value(value)  # type: ignore[misc]


class PersonalCharField(PersonalField, models.CharField):
    pass


class PersonalTextField(PersonalField, models.TextField):
    pass


def is_personal(field: Any) -> bool:
    return bool(getattr(field, "personal", False))


def personal_fields(model: type[models.Model]) -> tuple[str, ...]:
    """The names of `model`'s personal fields, in declaration order: every list of personal
    fields (what a form edits, what an audit diff masks, what a test plants) is derived here."""
    return tuple(f.name for f in model._meta.concrete_fields if is_personal(f))


def personal_field_names(model: type[models.Model]) -> set[str]:
    return set(personal_fields(model))


def remember(value: Any) -> None:
    if value is None:
        return
    text = str(value).strip()
    if len(text) < _MIN_LENGTH:
        return
    seen = _seen.get()
    if seen is None:
        if len(_fallback) >= _FALLBACK_LIMIT:
            _fallback.clear()
        _fallback.add(text)
    else:
        seen.add(text)


@contextmanager
def personal_scope() -> Iterator[None]:
    token = _seen.set(set())
    try:
        yield
    finally:
        _seen.reset(token)


def redact(text: str) -> str:
    return _mask(text, (_seen.get() or set()) | _fallback)


def _mask(text: str, values: set[str]) -> str:
    if not values or not text:
        return text
    # Longest first, so "Nguyễn Văn An" is masked whole before "An" would be.
    pattern = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
    return re.sub(pattern, MASK, text)


_default_factory = logging.getLogRecordFactory()


def _redacting_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    record = _default_factory(*args, **kwargs)
    try:
        message = record.getMessage()
    except Exception:  # a malformed log call must still be logged, not crash the caller
        return record
    clean = redact(message)
    if clean != message:
        record.msg, record.args = clean, ()
    return record


def install_log_redaction() -> None:
    """Redact every log record at creation (all loggers and handlers, including error mails)."""
    if logging.getLogRecordFactory() is not _redacting_factory:
        logging.setLogRecordFactory(_redacting_factory)


class RedactExceptionFilter(logging.Filter):
    """Handler filter: tracebacks are formatted late, so redact them here."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class PersonalDataMiddleware:
    """One remembered-values scope per request."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: Any) -> Any:
        with personal_scope():
            return self.get_response(request)


class SafeReporterFilter(SafeExceptionReporterFilter):
    """Error pages and mails: hide every POST value (forms carry names, ID numbers, searches)
    and local variables holding personal values."""

    def get_post_parameters(self, request: Any) -> Any:
        params = super().get_post_parameters(request)
        if request is None:
            return params
        cleaned = params.copy()
        for key in cleaned:
            cleaned[key] = MASK
        return cleaned

    def cleanse_special_types(self, request: Any, value: Any) -> Any:
        value = super().cleanse_special_types(request, value)
        if isinstance(value, str):
            return redact(value)
        return value


def redact_html(text: str, extra: set[str] | None = None) -> str:
    """`redact` for a rendered page: values are also looked for as the page escapes them."""
    values = (_seen.get() or set()) | _fallback | (extra or set())
    forms = {form for v in values for form in (v, html.escape(v), html.escape(v, quote=False))}
    return _mask(text, forms)


def _posted(request: Any) -> set[str]:
    """What the failing request posted, uploaded file names included: a name typed into a form
    (or given to a file) may be in a local variable without ever passing a personal field."""
    if request is None or request.method != "POST":
        return set()
    try:
        posted = [v for _key, values in request.POST.lists() for v in values]
        posted += [str(f.name) for _key, files in request.FILES.lists() for f in files]
    except Exception:  # an unreadable body: nothing to add
        return set()
    return {v.strip() for v in posted if len(v.strip()) >= 3}


class SafeExceptionReporter(ExceptionReporter):
    """The DEBUG error page and error mails, with every remembered personal value and every
    posted value masked wherever it appears (exception messages, local variables, request)."""

    def get_traceback_html(self) -> SafeString:
        # Masking only removes text from an already escaped page: it stays safe.
        page = str(super().get_traceback_html())
        return mark_safe(redact_html(page, _posted(self.request)))  # noqa: S308

    def get_traceback_text(self) -> SafeString:
        text = str(super().get_traceback_text())
        return mark_safe(redact_html(text, _posted(self.request)))  # noqa: S308
