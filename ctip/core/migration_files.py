"""Helpers for the migrations that turned plain FileFields into sealed files (ctip.core.sealed),
and for the one that records the key fingerprints.

Kept apart from `sealed.py` because migrations must use historical models. The clear files are
deleted only once the migration's transaction has committed: a migration that fails later
rolls its rows back, and the clear files must then still be there to run it again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction

from ctip.core.crypto import EncryptedTextField, decrypt_bytes, encrypt_bytes
from ctip.core.sealed import content_type_for, new_path, unlink_quietly, write_token


def content_type_of(clear: bytes) -> str:
    if clear.startswith(b"%PDF-"):
        return content_type_for("pdf")
    if clear.startswith(b"PK\x03\x04"):
        return content_type_for("docx")
    return content_type_for("")


def write_sealed(apps: Any, token: bytes, *, name: str, size: int, content_type: str) -> Any:
    """A SealedFile row (historical model) for an already encrypted `token`."""
    path = new_path()
    write_token(path, token)
    return apps.get_model("core", "SealedFile").objects.create(
        path=path, name=name, size=size, content_type=content_type
    )


def delete_after_commit(source: Path) -> None:
    transaction.on_commit(lambda: unlink_quietly(source))


def seal_field(
    apps: Any, model: Any, old: str, new: str, name_of: Any = None, encrypted: bool = False
) -> None:
    """Each row's file in `old` is sealed into `new`; the clear file goes after commit.
    `encrypted`: the file already holds a token under the key ring (generated papers)."""
    media = Path(settings.MEDIA_ROOT)
    for row in model.objects.exclude(**{old: ""}).exclude(**{f"{old}__isnull": True}):
        source = media / str(getattr(row, old))
        if not source.exists():
            continue
        data = source.read_bytes()
        # A token the configured keys cannot read stops the migration here, before any change
        # is committed (ValueError names no value).
        clear = decrypt_bytes(data) if encrypted else data
        sealed = write_sealed(
            apps,
            data if encrypted else encrypt_bytes(clear),
            name=name_of(row) if name_of else source.name,
            size=len(clear),
            content_type=content_type_of(clear),
        )
        model.objects.filter(pk=row.pk).update(**{new: sealed})
        delete_after_commit(source)


def check_keys_read(apps: Any) -> None:
    """Before the fingerprints of the configured keys are recorded, make sure they read the data
    already there: one stored value per encrypted column (a wrong key must not be approved)."""
    tables = set(connection.introspection.table_names())
    for model in apps.get_models():
        if model._meta.db_table not in tables:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                model.objects.exclude(**{field.name: ""}).values_list(field.name).first()


def check_constraints_now(schema_editor: Any) -> None:
    """PostgreSQL defers foreign-key checks to commit, and refuses to ALTER a table with checks
    pending: a data step that set foreign keys runs them now, before the schema steps."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
