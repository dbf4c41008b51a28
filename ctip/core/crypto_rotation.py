"""Key rotation over everything encrypted or keyed: every encrypted field of every model, every
blind index, and every sealed file. Resumable.

Put the new encryption key first in CTIP_ENCRYPTION_KEY (keep the old ones after it), or set a
new CTIP_BLIND_INDEX_KEY, and run `ctip rotate-key`. The work goes in batches, each committed with
its progress (`KeyRotation`), so a run that is interrupted resumes where it stopped. When every
step is done the database's key fingerprints are updated; only then may the old key be dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.db import models, transaction

from ctip.core import keyring
from ctip.core.audit import audit_write
from ctip.core.crypto import EncryptedTextField, blind_index
from ctip.core.models import KeyRotation, SealedFile
from ctip.core.sealed import reseal

BATCH = 500
FILES_STEP = "core.sealed-files"


def encrypted_models() -> list[tuple[Any, list[str]]]:
    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.fields if isinstance(f, EncryptedTextField)]
        if names and model._meta.managed and not model._meta.proxy:
            found.append((model, names))
    return found


def blind_indexes(model: type[models.Model]) -> dict[str, str]:
    """{index column: encrypted field it is computed from}, as the model declares them."""
    return dict(getattr(model, "BLIND_INDEXES", {}))


def _target() -> str:
    fp = keyring.configured()
    return f"{fp.encryption}:{fp.blind_index}"


def _progress(target: str, step: str) -> KeyRotation:
    row, _created = KeyRotation.objects.get_or_create(target=target, step=step)
    return row


def _rotate_rows(model: Any, names: list[str], row: KeyRotation, batch: int) -> int:
    indexes = blind_indexes(model)
    count = 0
    while True:
        with transaction.atomic():
            objs = list(
                model.objects.select_for_update()
                .filter(pk__gt=row.last_pk)
                .order_by("pk")
                .only("pk", *names, *indexes)[:batch]
            )
            if not objs:
                KeyRotation.objects.filter(pk=row.pk).update(done=True)
                return count
            for obj in objs:
                for column, source in indexes.items():
                    value = getattr(obj, source) or ""
                    setattr(obj, column, blind_index(value) if value else "")
            # Saving re-encrypts every encrypted field under the first key.
            model.objects.bulk_update(objs, [*names, *indexes])
            row.last_pk = objs[-1].pk
            KeyRotation.objects.filter(pk=row.pk).update(last_pk=row.last_pk)
            count += len(objs)
        _after_batch(model._meta.label, count)  # the batch and its progress are committed


def _rotate_files(row: KeyRotation, batch: int) -> int:
    count = 0
    while True:
        files = list(SealedFile.objects.filter(pk__gt=row.last_pk).order_by("pk")[:batch])
        if not files:
            KeyRotation.objects.filter(pk=row.pk).update(done=True)
            return count
        for sealed in files:
            reseal(sealed)  # written atomically and idempotent: safe to redo after a crash
        row.last_pk = files[-1].pk
        KeyRotation.objects.filter(pk=row.pk).update(last_pk=row.last_pk)
        count += len(files)
        _after_batch(FILES_STEP, count)


# A test replaces this to interrupt a rotation between two committed batches.
_after_batch: Callable[[str, int], None] = lambda step, count: None  # noqa: E731


def encryption_rotate(*, acting_user: Any, batch: int = BATCH) -> dict[str, int]:
    """Re-encrypt and re-index everything under the configured keys; returns counts per step."""
    # The old key must still be in the ring: without it nothing can be re-encrypted. (A changed
    # blind-index key is what a rotation fixes, so that problem is not a refusal here.)
    refused = keyring.encryption_problems(keyring.stored_fingerprints())
    if refused:
        raise keyring.KeyMismatch(" ".join(refused))
    target = _target()
    KeyRotation.objects.exclude(target=target).delete()  # an abandoned rotation to other keys
    done: dict[str, int] = {}
    for model, names in encrypted_models():
        row = _progress(target, model._meta.label)
        if not row.done:
            done[model._meta.label] = _rotate_rows(model, names, row, batch)
    files = _progress(target, FILES_STEP)
    if not files.done:
        done[FILES_STEP] = _rotate_files(files, batch)
    with transaction.atomic():
        keyring.record()
        KeyRotation.objects.filter(target=target).delete()
        audit_write(
            action="core.encryption_rotate",
            acting_user=acting_user,
            count=sum(done.values()),
            changes={"steps": done},
        )
    return done
