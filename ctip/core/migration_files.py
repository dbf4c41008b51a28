"""Helpers for migrations that turn plain FileFields into sealed files (ctip.core.sealed).

Kept apart from `sealed.py` because migrations must use historical models."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.conf import settings

from ctip.core.crypto import encrypt_bytes


def seal_field(apps: Any, model: Any, old: str, new: str, name_of: Any = None) -> None:
    """Each row's file in `old` is sealed into `new`, and the clear file deleted."""
    sealed_model = apps.get_model("core", "SealedFile")
    media = Path(settings.MEDIA_ROOT)
    for row in model.objects.exclude(**{old: ""}).exclude(**{f"{old}__isnull": True}):
        source = media / str(getattr(row, old))
        if not source.exists():
            continue
        clear = source.read_bytes()
        random = secrets.token_hex(16)
        path = f"sealed/{random[:2]}/{random}"
        target = media / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(encrypt_bytes(clear))
        target.chmod(0o600)
        name = name_of(row) if name_of else source.name
        sealed = sealed_model.objects.create(path=path, name=name, size=len(clear))
        model.objects.filter(pk=row.pk).update(**{new: sealed})
        source.unlink()
