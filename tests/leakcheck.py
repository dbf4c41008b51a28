"""Suite-wide guard: no personal value created in a test may be stored or logged in clear.

Every value that passes through a personal-data field (`remember`) during a test is collected;
when the test ends, every table is read with raw SQL, every audit row and every log record
written during the test are searched, and the test fails if one of the values appears in clear.
"""

from __future__ import annotations

import json
import logging

import pytest
from django.db import connection

import ctip.core.crypto
import ctip.core.personal

SEEN: set[str] = set()
RECORDS: list[str] = []
# The redaction test model stores its value in clear on purpose (tests/testapp).
EXEMPT_TABLES = {"testapp_person"}
_original = ctip.core.personal.remember


def _spy(value):
    _original(value)
    text = "" if value is None else str(value).strip()
    # Short values and short numbers (a birth year) would match unrelated data by chance.
    if len(text) >= 5 and not (text.isdigit() and len(text) < 8):
        SEEN.add(text)


class _Collect(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        RECORDS.append(self.format(record))


def install() -> None:
    ctip.core.personal.remember = _spy
    ctip.core.crypto.remember = _spy
    handler = _Collect(level=logging.DEBUG)
    handler.addFilter(ctip.core.personal.RedactExceptionFilter())
    logging.getLogger().addHandler(handler)


def scan() -> list[str]:
    if not SEEN:
        return []
    # JSON columns may store "\u00e0" escapes: look for both spellings of every value.
    forms = {v: {v, json.dumps(v)[1:-1]} for v in SEEN}
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table in EXEMPT_TABLES:
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from the schema
            for row in cursor.fetchall():
                text = " ".join(str(v) for v in row if v is not None)
                found += [f"{table}: {v}" for v, f in forms.items() if any(x in text for x in f)]
    logs = "\n".join(RECORDS)
    found += [f"log: {v}" for v in SEEN if v in logs]
    return found


@pytest.fixture(autouse=True)
def no_personal_value_in_clear(request):
    SEEN.clear()
    RECORDS.clear()
    yield
    uses_db = "db" in request.fixturenames or "transactional_db" in request.fixturenames
    if SEEN and uses_db:
        leaks = scan()
        assert leaks == [], f"personal values in clear: {sorted(set(leaks))[:10]}"
