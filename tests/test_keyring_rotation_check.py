"""An unfinished key rotation's new key must stay configured: ctip refuses to start (system
check, WSGI start-up through `verify`) when it is missing, since the rows already re-encrypted
under it could not be read."""

from __future__ import annotations

import pytest

from ctip.core import keyring
from ctip.core.models import KeyRotation

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
