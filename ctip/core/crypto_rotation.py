"""Key rotation over every model with encrypted fields, in one transaction."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import transaction

from ctip.core.audit import audit_write
from ctip.core.crypto import EncryptedTextField, blind_index


def encrypted_models() -> list[tuple[Any, list[str]]]:
    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found


def encryption_rotate(*, acting_user: Any) -> int:
    """Decrypt with any configured key, encrypt with the first; blind indexes are keyed by the
    first key too, so they are recomputed."""
    count = 0
    with transaction.atomic():
        for model, names in encrypted_models():
            extra = [
                n
                for n in ("name_index", "document_index")
                if any(f.name == n for f in model._meta.fields)
            ]
            for obj in model.objects.select_for_update().iterator(chunk_size=500):
                if "name_index" in extra:
                    obj.name_index = blind_index(obj.full_name)
                if "document_index" in extra:
                    doc = obj.identity_document
                    obj.document_index = blind_index(doc) if doc else ""
                obj.save(update_fields=[*names, *extra])
                count += 1
        audit_write(action="core.encryption_rotate", acting_user=acting_user, count=count)
    return count
