"""Every encryption key that has encrypted something not yet re-encrypted must stay configured
(ctip.core.keyring, `KeyInUse`): a review found a key put first in CTIP_ENCRYPTION_KEY, used,
and taken out again before `ctip rotate-key` ran, with ctip starting as if nothing were lost."""

from __future__ import annotations

import importlib

import pytest
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from ctip.core import crypto_rotation, key_use, keyring
from ctip.core.models import AuditEntry, KeyFingerprint, KeyInUse
from ctip.core.sealed import seal, unseal
from ctip.victims.models import Case
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db
NAME = "Lò Thị Mai"


def put_first(settings) -> tuple[str, str]:
    """A new key first in the ring, the database's after it (step 2 of a rotation)."""
    old, new = settings.CTIP_ENCRYPTION_KEY, Fernet.generate_key().decode()
    settings.CTIP_ENCRYPTION_KEY = f"{new},{old}"
    return old, new


def no_key_material(message: str, *keys: str) -> bool:
    """No stretch of 12 characters of any key in the message (fingerprints are hex)."""
    return not any(key[i : i + 12] in message for key in keys for i in range(len(key) - 11))


def test_a_key_taken_out_after_it_encrypted_records_stops_start_up(settings):
    """The reviewer's scenario: K2 first, records written under it, K2 taken out before any
    rotation; the stored fingerprint (K1) is still in the ring, yet those records are lost."""
    old, new = put_first(settings)
    case = CaseFactory(full_name=NAME)
    assert keyring.key_check() == []  # both keys configured: nothing wrong yet
    settings.CTIP_ENCRYPTION_KEY = old
    assert KeyFingerprint.objects.get().encryption == keyring.fingerprint(old)
    (error,) = keyring.key_check()
    assert error.id == "ctip.E001" and keyring.fingerprint(new) in error.msg
    assert "CTIP_ENCRYPTION_KEY" in error.msg and "ctip rotate-key" in error.msg
    assert no_key_material(error.msg, old, new)
    with pytest.raises(keyring.KeyMismatch, match=keyring.fingerprint(new)) as raised:
        keyring.verify()  # WSGI start-up
    assert no_key_material(str(raised.value), old, new)
    with pytest.raises(SystemCheckError, match=keyring.fingerprint(new)):
        call_command("check")  # `ctip check`
    # Put back (not even first), the key reads its records again and ctip starts.
    settings.CTIP_ENCRYPTION_KEY = f"{old},{new}"
    assert keyring.key_check() == []
    assert Case.objects.get(pk=case.pk).full_name == NAME


def test_a_sealed_file_keeps_its_key_required(settings):
    old, new = put_first(settings)
    sealed = seal(content=b"%PDF-1.4 bien ban", name="bien-ban.pdf")
    settings.CTIP_ENCRYPTION_KEY = old
    (error,) = keyring.key_check()
    assert keyring.fingerprint(new) in error.msg
    settings.CTIP_ENCRYPTION_KEY = f"{old},{new}"
    assert unseal(sealed) == b"%PDF-1.4 bien ban"


def test_a_finished_rotation_releases_the_old_key(settings):
    old, new = put_first(settings)
    case = CaseFactory(full_name=NAME)
    seal(content=b"to khai", name="to-khai.pdf")
    crypto_rotation.encryption_rotate(acting_user=None)
    assert set(KeyInUse.objects.values_list("fingerprint", flat=True)) == {keyring.fingerprint(new)}
    finished = AuditEntry.objects.filter(action="core.encryption_rotate").latest("pk")
    assert keyring.fingerprint(old) in finished.changes["released"]
    settings.CTIP_ENCRYPTION_KEY = new  # the old key dropped, as docs/operations.md says
    assert keyring.key_check() == []
    keyring.verify()
    assert Case.objects.get(pk=case.pk).full_name == NAME


def test_a_rotation_refuses_to_start_while_a_key_in_use_is_missing(settings):
    gone = "0123456789abcdef"
    KeyInUse.objects.create(fingerprint=gone)
    with pytest.raises(keyring.KeyMismatch, match=gone):
        crypto_rotation.encryption_rotate(acting_user=None)
    (error,) = keyring.key_check()
    assert gone in error.msg


def test_a_write_rolled_back_leaves_no_key_and_the_next_one_records_it(settings):
    """The row is written in the writing transaction: a savepoint rolled back takes it away
    with the records, and the next write under the key records it again."""
    _old, new = put_first(settings)
    fp = keyring.fingerprint(new)
    with pytest.raises(RuntimeError), transaction.atomic():
        CaseFactory(full_name=NAME)
        assert KeyInUse.objects.filter(fingerprint=fp).exists()
        raise RuntimeError("rolled back")
    assert not KeyInUse.objects.filter(fingerprint=fp).exists()
    CaseFactory(full_name=NAME)
    assert KeyInUse.objects.filter(fingerprint=fp).exists()


def test_a_key_is_recorded_once(settings):
    """One INSERT the first time a key encrypts; none for the next writes, nor for the key the
    database was created with (its migration recorded it)."""
    with CaptureQueriesContext(connection) as created_with:
        CaseFactory(full_name=NAME)
    assert not [q for q in created_with.captured_queries if "core_keyinuse" in q["sql"]]
    put_first(settings)
    with CaptureQueriesContext(connection) as first:
        CaseFactory(full_name=NAME)
    with CaptureQueriesContext(connection) as second:
        CaseFactory(full_name=NAME)
    keys = [q["sql"] for q in first.captured_queries if "core_keyinuse" in q["sql"]]
    assert len(keys) == 1 and keys[0].lstrip().upper().startswith("INSERT")
    assert not [q for q in second.captured_queries if "core_keyinuse" in q["sql"]]


def test_a_fresh_database_records_its_keys_and_starts():
    migration = importlib.import_module("ctip.core.migrations.0008_keys_in_use")
    KeyInUse.objects.all().delete()
    migration.record_keys_in_use(apps, None)
    assert set(KeyInUse.objects.values_list("fingerprint", flat=True)) == set(keyring.ring())
    assert keyring.key_check() == []
    keyring.verify()


def test_an_upgrade_takes_every_configured_key_to_be_in_use(settings):
    """Before this table, which keys encrypted what cannot be told: the migration records the
    stored key and the whole ring, so none of them is dropped before a rotation."""
    old, new = put_first(settings)
    migration = importlib.import_module("ctip.core.migrations.0008_keys_in_use")
    KeyInUse.objects.all().delete()
    migration.record_keys_in_use(apps, None)
    assert set(KeyInUse.objects.values_list("fingerprint", flat=True)) == {
        keyring.fingerprint(old),
        keyring.fingerprint(new),
    }
    settings.CTIP_ENCRYPTION_KEY = old
    (error,) = keyring.key_check()
    assert keyring.fingerprint(new) in error.msg


def test_a_process_left_on_the_released_key_lists_it_again(settings, monkeypatch):
    """Review r1: a rotation finished and released the old key, but a worker still runs the old
    ring. It learnt long ago that its key was listed; once CTIP_KEY_RECHECK_SECONDS have passed
    its next write lists the key again, so start-up without that key refuses."""
    import time

    old = settings.CTIP_ENCRYPTION_KEY
    fp = keyring.fingerprint(old)
    monkeypatch.setitem(key_use._recorded, fp, time.monotonic() - 120)
    KeyInUse.objects.filter(fingerprint=fp).delete()  # what the rotation's finish does
    settings.CTIP_KEY_RECHECK_SECONDS = 3600
    CaseFactory(full_name=NAME)  # within the interval: trusted, not listed again
    assert not KeyInUse.objects.filter(fingerprint=fp).exists()
    settings.CTIP_KEY_RECHECK_SECONDS = 60
    CaseFactory(full_name=NAME)  # the interval has passed: listed again
    assert KeyInUse.objects.filter(fingerprint=fp).exists()
    new = Fernet.generate_key().decode()
    KeyFingerprint.objects.update(encryption=keyring.fingerprint(new))  # the rotation's key
    settings.CTIP_ENCRYPTION_KEY = new  # the old key dropped: its late records would be lost
    (error,) = keyring.key_check()
    assert fp in error.msg and no_key_material(error.msg, old, new)
