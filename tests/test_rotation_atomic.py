"""Key rotation in units of work (ctip.core.crypto_rotation): each batch commits with its
progress and its audit row or not at all, a failure midway leaves every value and file readable
through the key ring, and the rotation resumes to the end."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from ctip.core import crypto_rotation, keyring
from ctip.core.models import AuditEntry, KeyFingerprint, KeyRotation, SealedFile
from ctip.core.sealed import seal, unseal
from ctip.victims.models import Case
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db
NAMES = [f"Người Thứ {i}" for i in range(3)]
STEP = "victims.Case"


@pytest.fixture
def cases():
    return [
        CaseFactory(full_name=name, identity_document=f"07930000010{i}")
        for i, name in enumerate(NAMES)
    ]


def names() -> list[str]:
    return [c.full_name for c in Case.objects.order_by("pk")]


def batches(step: str) -> list[AuditEntry]:
    """The audit rows of the committed batches of a step."""
    return [
        e
        for e in AuditEntry.objects.filter(action="core.encryption_rotate").order_by("pk")
        if e.changes.get("step") == step
    ]


def crash_after_first(step: str):
    def crash(done_step: str, count: int) -> None:
        if done_step == step:
            raise KeyboardInterrupt  # the operator's Ctrl-C, or a killed process

    return crash


def new_key_first(settings) -> tuple[str, str]:
    old, new = settings.CTIP_ENCRYPTION_KEY, Fernet.generate_key().decode()
    settings.CTIP_ENCRYPTION_KEY = f"{new},{old}"
    return old, new


def test_every_committed_batch_has_its_audit_row(settings, monkeypatch, cases):
    new_key_first(settings)
    monkeypatch.setattr(crypto_rotation, "_after_batch", crash_after_first(STEP))
    with pytest.raises(KeyboardInterrupt):
        crypto_rotation.encryption_rotate(acting_user=None, batch=1)
    # What committed before the crash: each step's progress with the audit row of its batches.
    for progress in KeyRotation.objects.exclude(last_pk=0):
        audited = batches(progress.step)
        assert audited and audited[-1].changes["through_pk"] == progress.last_pk
    [case_batch] = batches(STEP)
    assert case_batch.count == 1 and case_batch.changes["through_pk"] == cases[0].pk


def test_a_failure_inside_a_batch_leaves_it_unwritten_and_the_rotation_resumes(
    settings, monkeypatch, cases
):
    old, new = new_key_first(settings)
    real = crypto_rotation.blind_index
    calls = []

    def fails_on_the_second_case(value: str) -> str:
        calls.append(value)
        if len(calls) == 4:  # the second case's name (three indexes a case)
            raise RuntimeError("disk full")
        return real(value)

    monkeypatch.setattr(crypto_rotation, "blind_index", fails_on_the_second_case)
    with pytest.raises(RuntimeError, match="disk full"):
        crypto_rotation.encryption_rotate(acting_user=None, batch=2)
    progress = KeyRotation.objects.get(step=STEP)
    assert progress.last_pk == 0 and not progress.done and not batches(STEP)
    settings.CTIP_ENCRYPTION_KEY = old
    assert names() == NAMES  # nothing of the failed batch was written under the new key
    settings.CTIP_ENCRYPTION_KEY = f"{new},{old}"
    monkeypatch.setattr(crypto_rotation, "blind_index", real)
    assert crypto_rotation.encryption_rotate(acting_user=None, batch=2)[STEP] == 3
    settings.CTIP_ENCRYPTION_KEY = new
    assert names() == NAMES
    assert [e.count for e in batches(STEP)] == [2, 1]
    assert not KeyRotation.objects.exists()
    assert KeyFingerprint.objects.get().encryption == keyring.fingerprint(new)


def test_files_rewritten_before_a_failure_stay_readable_and_the_rotation_resumes(
    settings, monkeypatch
):
    files = [seal(content=f"tệp {i}".encode(), name=f"t{i}.pdf") for i in range(3)]
    old, new = new_key_first(settings)
    real, done = crypto_rotation.reseal, []

    def fails_on_the_second(sealed: SealedFile) -> None:
        if len(done) == 1:
            raise OSError("disk full")
        real(sealed)
        done.append(sealed.pk)

    monkeypatch.setattr(crypto_rotation, "reseal", fails_on_the_second)
    with pytest.raises(OSError, match="disk full"):
        crypto_rotation.encryption_rotate(acting_user=None, batch=10)
    # The first file is under the new key on disk, its progress not committed: the ring (both
    # keys, the old one still the database's) reads every file.
    assert KeyRotation.objects.get(step=crypto_rotation.FILES_STEP).last_pk == 0
    assert not batches(crypto_rotation.FILES_STEP)
    assert KeyFingerprint.objects.get().encryption == keyring.fingerprint(old)
    assert [unseal(f) for f in files] == [f"tệp {i}".encode() for i in range(3)]
    monkeypatch.setattr(crypto_rotation, "reseal", real)
    assert crypto_rotation.encryption_rotate(acting_user=None)[crypto_rotation.FILES_STEP] == 3
    settings.CTIP_ENCRYPTION_KEY = new
    assert [unseal(f) for f in files] == [f"tệp {i}".encode() for i in range(3)]
    assert [e.count for e in batches(crypto_rotation.FILES_STEP)] == [3]


def test_an_unfinished_rotation_is_not_abandoned_for_a_third_key_that_cannot_read_it(
    settings, monkeypatch, cases
):
    old, second = new_key_first(settings)
    monkeypatch.setattr(crypto_rotation, "_after_batch", crash_after_first(STEP))
    with pytest.raises(KeyboardInterrupt):
        crypto_rotation.encryption_rotate(acting_user=None, batch=1)
    monkeypatch.setattr(crypto_rotation, "_after_batch", lambda step, count: None)
    # The operator replaces the second key by a third and drops it: the first case, already
    # under the second key, would be unreadable. Refused before anything is written.
    third = Fernet.generate_key().decode()
    settings.CTIP_ENCRYPTION_KEY = f"{third},{old}"
    with pytest.raises(keyring.KeyMismatch, match=keyring.fingerprint(second)):
        crypto_rotation.encryption_rotate(acting_user=None, batch=1)
    assert KeyRotation.objects.get(step=STEP).last_pk == cases[0].pk  # the progress kept
    # With the second key back in the ring, the rotation to the third one runs to the end.
    settings.CTIP_ENCRYPTION_KEY = f"{third},{second},{old}"
    assert crypto_rotation.encryption_rotate(acting_user=None, batch=1)[STEP] == 3
    settings.CTIP_ENCRYPTION_KEY = third
    assert names() == NAMES
    assert KeyFingerprint.objects.get().encryption == keyring.fingerprint(third)
    assert not KeyRotation.objects.exists()
