"""Suite-wide guard: no personal value created in a test may be stored, logged, filed or put in a
URL in clear.

Every value that passes through a personal-data field (`remember`) during a test is collected;
when the test ends, every table is read with raw SQL, every audit row and every log record
written during the test are searched, every file under the media folder (its name, its bytes,
and each member of a zip container such as DOCX or XLSX) is read, every file in the sealed folder
must be an encrypted token, and every request line the
test client sent (path and query string, decoded) is searched; the test fails if one of the
values appears in clear.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import logging
import shutil
import zipfile
from pathlib import Path
from urllib.parse import unquote, unquote_plus

import pytest
from django.conf import settings
from django.db import connection
from django.test.client import Client

import ctip.core.crypto
import ctip.core.personal

SEEN: set[str] = set()
RECORDS: list[str] = []
REQUEST_LINES: list[str] = []
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


_client_request = Client.request


def _recording_request(self, **request):
    query = request.get("QUERY_STRING", "")
    line = f"{request.get('REQUEST_METHOD', '')} {request.get('PATH_INFO', '')}?{query}"
    REQUEST_LINES.append(line)
    REQUEST_LINES.append(unquote_plus(unquote(line)))
    return _client_request(self, **request)


def install() -> None:
    ctip.core.personal.remember = _spy
    ctip.core.crypto.remember = _spy
    Client.request = _recording_request
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
    lines = "\n".join(REQUEST_LINES)
    found += [f"request line: {v}" for v in SEEN if v in lines]
    for name, text in media_texts():
        found += [f"file {name}: {v}" for v, f in forms.items() if any(x in text for x in f)]
    found += [f"file {name}: not encrypted" for name in unsealed_files()]
    return found


def unsealed_files() -> list[str]:
    """Files in the sealed folder that are not Fernet tokens (stored in clear). The format is
    checked, not decrypted: tests that rotate keys leave files the restored keys cannot read."""
    from ctip.core.sealed import FOLDER

    root = Path(settings.MEDIA_ROOT)
    bad = []
    for path in (root / FOLDER).rglob("*") if (root / FOLDER).exists() else []:
        if path.is_file() and not _is_fernet_token(path.read_bytes()):
            bad.append(path.relative_to(root).as_posix())
    return bad


def _is_fernet_token(data: bytes) -> bool:
    try:
        raw = base64.urlsafe_b64decode(data)
    except (binascii.Error, ValueError):
        return False
    # version byte, timestamp (8), IV (16), at least one AES block (16), HMAC (32)
    return len(raw) >= 73 and raw[0] == 0x80 and (len(raw) - 57) % 16 == 0


def media_texts():
    """(file, text) for every file under MEDIA_ROOT: its path, and its bytes read as text, with
    the members of zip containers (DOCX, XLSX) unpacked, where values would be compressed."""
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        name = path.relative_to(root).as_posix()
        data = path.read_bytes()
        yield name, name
        yield name, data.decode("utf-8", errors="ignore")
        if data.startswith(b"PK"):
            try:
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    for member in archive.namelist():
                        text = archive.read(member).decode("utf-8", errors="ignore")
                        yield f"{name}!{member}", text
            except zipfile.BadZipFile:
                pass


def clear_media() -> None:
    root = Path(settings.MEDIA_ROOT)
    if root.exists():
        shutil.rmtree(root)


def uses_database(request) -> bool:
    """A test reaches the database through the fixtures or the django_db mark (which
    pytest-django turns into a fixture of its own, not "db"): check both, or marked tests go
    unchecked."""
    names = set(request.fixturenames)
    return bool(
        {"db", "transactional_db", "_django_db_helper"} & names
        or request.node.get_closest_marker("django_db")
    )


@pytest.fixture(autouse=True)
def no_personal_value_in_clear(request):
    SEEN.clear()
    RECORDS.clear()
    REQUEST_LINES.clear()
    clear_media()
    yield
    if SEEN and uses_database(request):
        leaks = scan()
        assert leaks == [], f"personal values in clear: {sorted(set(leaks))[:10]}"
