"""An unfinished key rotation's new key must stay configured: ctip refuses to start (system
check, WSGI start-up through `verify`) when it is missing, since the rows already re-encrypted
under it could not be read."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from ctip.core import crypto_rotation, keyring
from ctip.core.models import KeyRotation
from tests.test_rotation_atomic import NAMES, STEP, cases, crash_after_first, names  # noqa: F401

pytestmark = pytest.mark.django_db


def test_start_up_refuses_while_an_unfinished_rotations_key_is_missing():
    assert keyring.key_check() == []
    keyring.verify()
    gone = "0123456789abcdef"
    KeyRotation.objects.create(target=f"{gone}:{keyring.configured().blind_index}", step="x")
    (error,) = keyring.key_check()
    assert error.id == "ctip.E001" and gone in error.msg and "chưa xong" in error.msg
    with pytest.raises(keyring.KeyMismatch, match=gone):
        keyring.verify()


def test_an_unfinished_rotation_to_a_configured_key_starts():
    here = keyring.configured()
    KeyRotation.objects.create(target=f"{here.encryption}:{here.blind_index}", step="x")
    assert keyring.key_check() == []
    keyring.verify()


def test_an_abandoned_rotations_key_stays_required_until_a_later_rotation_finishes(
    settings,
    monkeypatch,
    cases,  # noqa: F811 - the fixture
):
    """A review's scenario: a rotation to a second key interrupted, one to a third key (the
    second kept, as allowed) interrupted too; dropping the second key must be refused at
    start-up, since rows already under it are not yet under the third."""
    old = settings.CTIP_ENCRYPTION_KEY
    second, third = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.CTIP_ENCRYPTION_KEY = f"{second},{old}"
    monkeypatch.setattr(crypto_rotation, "_after_batch", crash_after_first(STEP))
    with pytest.raises(KeyboardInterrupt):
        crypto_rotation.encryption_rotate(acting_user=None, batch=2)
    settings.CTIP_ENCRYPTION_KEY = f"{third},{second},{old}"
    with pytest.raises(KeyboardInterrupt):
        crypto_rotation.encryption_rotate(acting_user=None, batch=1)
    settings.CTIP_ENCRYPTION_KEY = f"{third},{old}"
    (error,) = keyring.key_check()
    assert keyring.fingerprint(second) in error.msg
    with pytest.raises(keyring.KeyMismatch):
        keyring.verify()
    # With the second key back the third rotation ends, and then only the third is needed.
    monkeypatch.setattr(crypto_rotation, "_after_batch", lambda step, count: None)
    settings.CTIP_ENCRYPTION_KEY = f"{third},{second},{old}"
    crypto_rotation.encryption_rotate(acting_user=None)
    settings.CTIP_ENCRYPTION_KEY = third
    assert not KeyRotation.objects.exists() and keyring.key_check() == []
    assert names() == NAMES
