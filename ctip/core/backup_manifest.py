"""The backup archive's manifest and what writing and reading an archive share: its member
names, its errors, private files and the audit row."""

from __future__ import annotations

import hashlib
import json
import os
import tarfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from ctip.core import keyring
from ctip.core.audit import audit_write

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore refused or failed; the message is for the administrator."""


@dataclass
class Manifest:
    created: str
    database: str
    ctip_version: str
    fingerprints: keyring.Fingerprints
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # name -> {size, sha256}

    @property
    def database_member(self) -> str:
        return DATABASE_MEMBER[self.database]

    def media_count(self) -> int:
        return sum(1 for name in self.files if name.startswith(MEDIA + "/"))

    def as_json(self) -> bytes:
        data = {
            "format": FORMAT,
            "created": self.created,
            "database": self.database,
            "ctip_version": self.ctip_version,
            "fingerprints": self.fingerprints.as_dict(),
            "files": [{"name": name, **info} for name, info in self.files.items()],
        }
        return json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest

    @property
    def database_size(self) -> int:
        return int(self.manifest.files[self.manifest.database_member]["size"])

    @property
    def media_size(self) -> int:
        files = self.manifest.files.items()
        return sum(int(info["size"]) for name, info in files if name.startswith(MEDIA + "/"))


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def open_private(path: Path) -> IO[bytes]:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # in case a leftover partial file had other permissions
    return os.fdopen(fd, "wb")


def audit_archive(action: str, manifest: Manifest, *, archive: str) -> None:
    database = manifest.files[manifest.database_member]
    with transaction.atomic():
        audit_write(
            action=action,
            count=manifest.media_count(),
            file_hash=database["sha256"],
            changes={"archive": archive, "created": manifest.created},
        )


def invalid_archive(path: Path, reason: str) -> BackupError:
    return BackupError(
        _("%(path)s không phải bản sao lưu ctip hợp lệ: %(reason)s")
        % {"path": path, "reason": reason}
    )


def _parse_manifest(path: Path, raw: bytes) -> Manifest:
    try:
        data = json.loads(raw)
        if data["format"] != FORMAT:
            raise invalid_archive(
                path, _("định dạng %(format)s không được hỗ trợ") % {"format": data["format"]}
            )
        manifest = Manifest(
            created=str(data["created"]),
            database=str(data["database"]),
            ctip_version=str(data["ctip_version"]),
            fingerprints=keyring.Fingerprints(**data["fingerprints"]),
            files={
                str(f["name"]): {"size": int(f["size"]), "sha256": str(f["sha256"])}
                for f in data["files"]
            },
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise invalid_archive(path, _("tệp manifest.json hỏng")) from exc
    if manifest.database not in DATABASE_MEMBER or manifest.database_member not in manifest.files:
        raise invalid_archive(path, _("thiếu cơ sở dữ liệu"))
    return manifest


def manifest_read(path: Path) -> Manifest:
    if not path.is_file():
        raise BackupError(_("Không tìm thấy tệp %(path)s.") % {"path": path})
    try:
        with tarfile.open(path, mode="r:") as tar:
            member = tar.getmember(MANIFEST)
            handle = tar.extractfile(member) if member.isreg() else None
            if handle is None:
                raise invalid_archive(path, _("thiếu manifest.json"))
            return _parse_manifest(path, handle.read())
    except KeyError as exc:
        raise invalid_archive(path, _("thiếu manifest.json")) from exc
    except (OSError, tarfile.TarError) as exc:
        raise invalid_archive(path, str(exc)) from exc
