"""`ctip backup`: write one tar archive with the database, the media folder and a manifest,
never the keys (the manifest: backup_manifest; the database copy: backup_db; `ctip restore`:
restore).

The archive holds `database.sqlite3` (a copy made with SQLite's online backup API) or
`database.pgdump` (`pg_dump --format=custom`), every file under MEDIA_ROOT as it is (sealed files
stay encrypted), and `manifest.json`, written last because it lists every other member with its
size and sha256. The manifest also carries the fingerprints of the keys the data was written
with, so a restore refuses, before changing anything, an archive the configured keys cannot read.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip import __version__
from ctip.core import keyring
from ctip.core.backup_db import dump_database, vendor
from ctip.core.backup_manifest import (
    MANIFEST,
    MEDIA,
    BackupError,
    BackupResult,
    Manifest,
    audit_archive,
    media_root,
    open_private,
    sha256_file,
)


def default_path() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"ctip-{stamp}.tar"


def _checked_fingerprints() -> keyring.Fingerprints:
    stored = keyring.stored_fingerprints()
    if stored is None:
        raise BackupError(
            _("Cơ sở dữ liệu chưa có dấu khóa: hãy chạy “ctip migrate” trước khi sao lưu.")
        )
    found = keyring.problems(stored)
    if found:
        raise BackupError(
            _("Không sao lưu: khóa đang cấu hình không khớp với dữ liệu. %(problems)s")
            % {"problems": " ".join(found)}
        )
    return stored


def _media_files() -> Iterator[tuple[str, Path]]:
    """(member name, path) of every file under MEDIA_ROOT, in a stable order."""
    root = media_root()
    for folder, dirs, files in os.walk(root):  # does not descend into linked folders
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            yield f"{MEDIA}/{path.relative_to(root).as_posix()}", path


def _read_regular(path: Path) -> tuple[bytes, float] | None:
    """The bytes and mtime of a regular file; None for a link (it could point outside
    MEDIA_ROOT, at the keys for instance) or a file gone meanwhile (a temporary copy)."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:  # gone, or replaced by a link since lstat (ELOOP)
        return None
    with os.fdopen(fd, "rb") as handle:
        return handle.read(), os.fstat(fd).st_mtime


def _member(name: str, size: int, mtime: float) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(mtime), 0o600
    return info


def _add_database(tar: tarfile.TarFile, path: Path, manifest: Manifest) -> None:
    digest = sha256_file(path)
    size = path.stat().st_size
    with path.open("rb") as handle:
        tar.addfile(_member(path.name, size, path.stat().st_mtime), handle)
    manifest.files[path.name] = {"size": size, "sha256": digest}


def _add_media(tar: tarfile.TarFile, manifest: Manifest) -> None:
    for name, path in _media_files():
        # Read once: the bytes hashed are the bytes archived, even if the file changes.
        found = _read_regular(path)
        if found is None:
            continue
        data, mtime = found
        tar.addfile(_member(name, len(data), mtime), io.BytesIO(data))
        manifest.files[name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def _write_archive(partial: Path, dump: Path, manifest: Manifest) -> None:
    with open_private(partial) as handle:
        with tarfile.open(fileobj=handle, mode="w") as tar:
            _add_database(tar, dump, manifest)
            _add_media(tar, manifest)
            data = manifest.as_json()
            info = _member(MANIFEST, len(data), timezone.now().timestamp())
            tar.addfile(info, io.BytesIO(data))
        handle.flush()
        os.fsync(handle.fileno())


def backup_create(output: Path | None = None) -> BackupResult:
    """Write the archive to `output` (default: var/backups/ctip-<time>.tar), created 0600."""
    output = Path(output or default_path()).absolute()
    if output.exists():
        raise BackupError(_("Tệp %(path)s đã tồn tại; không ghi đè.") % {"path": output})
    kind = vendor()
    fingerprints = _checked_fingerprints()
    output.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    created = timezone.localtime().isoformat(timespec="seconds")
    manifest = Manifest(created, kind, __version__, fingerprints)
    partial = output.with_name(output.name + ".partial")
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".ctip-backup-") as work:
        dump = dump_database(Path(work), kind)
        if keyring.stored_fingerprints() != fingerprints:
            raise BackupError(_("Khóa vừa được đổi trong lúc sao lưu; hãy chạy lại lệnh."))
        try:
            _write_archive(partial, dump, manifest)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    os.replace(partial, output)
    audit_archive("core.backup", manifest, archive=output.name)
    return BackupResult(output, manifest)
