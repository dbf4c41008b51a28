"""Key rotation over everything encrypted or keyed: every encrypted field of every model, every
blind index, and every sealed file. Resumable.

Put the new encryption key first in CTIP_ENCRYPTION_KEY (keep the old ones after it), or set a
new CTIP_BLIND_INDEX_KEY, and run `ctip rotate-key`. The work goes in batches, each a unit of
work (ctip.core.work) with its progress (`KeyRotation`) and its audit row, so a run that is
interrupted resumes where it stopped and every committed batch says who rotated what. When every
step is done the database's key fingerprints are updated and the keys no longer in use are
released (`KeyInUse`); only then may the old key be dropped.

Midway the data is under both keys: rows and files of the committed batches under the new one,
the rest under the old one, both read through the ring (MultiFernet). The old key cannot be
dropped first (its fingerprint stays the database's until the end: the key check refuses to
start); the new one cannot be replaced by a third before the rotation finishes (this refuses to
start a rotation to other keys while the unfinished one's key is out of the ring). Files are
rewritten on disk before their batch commits, each atomically: a crash leaves some under the
new key with their progress behind, which is readable and redone harmlessly (re-encrypting is
idempotent).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.apps import apps
from django.db import models

from ctip.core import keyring
from ctip.core.audit import audit_write
from ctip.core.crypto import EncryptedTextField, blind_index
from ctip.core.models import KeyRotation, SealedFile
from ctip.core.sealed import reseal
from ctip.core.work import unit_of_work

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


def _steps() -> list[str]:
    return [model._meta.label for model, _names in encrypted_models()] + [FILES_STEP]


def _begin(target: str, acting_user: Any) -> None:
    """Refuse what would leave data unreadable and create this one's progress rows (audited when
    it starts); an abandoned rotation's rows are kept until this one finishes."""
    with unit_of_work():
        stored = keyring.stored_fingerprints()
        # The old key must still be in the ring: without it nothing can be re-encrypted. (A
        # changed blind-index key is what a rotation fixes, so that problem is not a refusal.)
        # Nor may any key that encrypted something not yet re-encrypted be missing.
        refused = (
            keyring.encryption_problems(stored)
            + keyring.rotation_problems()
            + keyring.in_use_problems(stored)
        )
        if refused:
            raise keyring.KeyMismatch(" ".join(refused))
        # An abandoned rotation's progress rows stay until this one finishes: part of the data
        # is still under its key, which keyring.rotation_problems keeps required at start-up
        # (deleting them here let an operator drop that key once this run was interrupted too).
        abandoned = KeyRotation.objects.exclude(target=target)
        kept = sorted(set(abandoned.values_list("target", flat=True)))
        have = set(KeyRotation.objects.filter(target=target).values_list("step", flat=True))
        missing = [step for step in _steps() if step not in have]
        KeyRotation.objects.bulk_create([KeyRotation(target=target, step=s) for s in missing])
        if missing:
            audit_write(
                action="core.encryption_rotate",
                acting_user=acting_user,
                changes={"target": target, "abandoned": kept},
            )


def _locked(target: str, step: str) -> KeyRotation | None:
    """The step's progress, locked until the batch commits: on PostgreSQL a second run started
    by mistake waits and then goes on from where the first left it (on SQLite it may redo a
    batch, which is harmless). None when the rotation has finished."""
    return KeyRotation.objects.select_for_update().filter(target=target, step=step).first()


def _advance(progress: KeyRotation, last_pk: int, finished: bool) -> None:
    KeyRotation.objects.filter(pk=progress.pk).update(last_pk=last_pk, done=finished)


def _audit_batch(step: str, count: int, last_pk: int, acting_user: Any) -> None:
    audit_write(
        action="core.encryption_rotate",
        acting_user=acting_user,
        count=count,
        changes={"step": step, "through_pk": last_pk},
    )


def _next_batch(
    rows: Any, progress: KeyRotation, batch: int, fields: list[str]
) -> tuple[list[Any], bool]:
    """The next `batch` rows after the step's progress, locked, and whether they are the last
    (one row more than the batch is read to tell)."""
    found = list(
        rows.select_for_update()
        .filter(pk__gt=progress.last_pk)
        .order_by("pk")
        .only("pk", *fields)[: batch + 1]
    )
    return found[:batch], len(found) <= batch


def _rows_batch(
    model: Any, names: list[str], target: str, batch: int, acting_user: Any
) -> tuple[int, bool]:
    """Re-encrypt and re-index the next batch of `model`'s rows with its progress and audit
    row, in one transaction; returns (rows, whether the step is finished)."""
    label, indexes = model._meta.label, blind_indexes(model)
    with unit_of_work(sources=[model]) as work:
        progress = _locked(target, label)
        if progress is None or progress.done:
            return 0, True
        objs, finished = _next_batch(model.objects, progress, batch, [*names, *indexes])
        if not objs:
            return 0, True
        for obj in objs:
            for column, source in indexes.items():
                value = getattr(obj, source) or ""
                setattr(obj, column, blind_index(value) if value else "")
        # Saving re-encrypts every encrypted field under the first key.
        model.objects.bulk_update(objs, [*names, *indexes])
        # Only ciphertext and blind indexes changed, which no rollup cell reads.
        work.untouched(model)
        _advance(progress, objs[-1].pk, finished)
        _audit_batch(label, len(objs), objs[-1].pk, acting_user)
    return len(objs), finished


def _files_batch(target: str, batch: int, acting_user: Any) -> tuple[int, bool]:
    """Re-encrypt the next batch of sealed files on disk, then commit their progress and audit
    row (a file cannot roll back: see the module's docstring)."""
    with unit_of_work():
        progress = _locked(target, FILES_STEP)
        if progress is None or progress.done:
            return 0, True
        # Locked rows: a purge deleting one of them (its file unlinked at its commit) waits.
        files, finished = _next_batch(SealedFile.objects, progress, batch, ["path"])
        if not files:
            return 0, True
        for sealed in files:
            reseal(sealed)  # written atomically and idempotent: safe to redo after a crash
        _advance(progress, files[-1].pk, finished)
        _audit_batch(FILES_STEP, len(files), files[-1].pk, acting_user)
    return len(files), finished


def _rotate(step: str, one_batch: Callable[[], tuple[int, bool]]) -> int:
    count = 0
    while True:
        rotated, finished = one_batch()
        count += rotated
        if rotated:
            _after_batch(step, count)  # the batch, its progress and audit row are committed
        if finished:
            return count


# A test replaces this to interrupt a rotation between two committed batches.
_after_batch: Callable[[str, int], None] = lambda step, count: None  # noqa: E731


def _finish(target: str, done: dict[str, int], acting_user: Any) -> None:
    """The new keys become the database's, with the audit row of the run, in one transaction."""
    with unit_of_work():
        keyring.record()
        # Everything is under the new keys now, also what an abandoned rotation had moved, and
        # what was written under a key put first since the last rotation: only the new key is
        # still in use, so the others may leave the ring.
        KeyRotation.objects.all().delete()
        released = keyring.keys_in_use_only(target.split(":")[0])
        audit_write(
            action="core.encryption_rotate",
            acting_user=acting_user,
            count=sum(done.values()),
            changes={"steps": done, "target": target, "released": released},
        )


def encryption_rotate(*, acting_user: Any, batch: int = BATCH) -> dict[str, int]:
    """Re-encrypt and re-index everything under the configured keys; returns counts per step
    (of this run: a resumed run counts only what was left)."""
    target = _target()
    _begin(target, acting_user)
    done: dict[str, int] = {}
    for model, names in encrypted_models():
        label = model._meta.label
        rows = partial(_rows_batch, model, names, target, batch, acting_user)
        done[label] = _rotate(label, rows)
    done[FILES_STEP] = _rotate(FILES_STEP, partial(_files_batch, target, batch, acting_user))
    _finish(target, done, acting_user)
    return done
