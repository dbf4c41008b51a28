"""`ctip restore`'s steps: check an archive against the configured database and keys, extract
it safely into a staging folder, then put the media in place and record the restore."""

from __future__ import annotations

import hashlib
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

from django.utils.translation import gettext as _

from ctip.core import keyring
from ctip.core.backup_db import vendor
from ctip.core.backup_manifest import (
    CHUNK,
    MANIFEST,
    MEDIA,
    BackupError,
    Manifest,
    audit_archive,
    invalid_archive,
    media_root,
    open_private,
)
from ctip.core.work import everything_changed


def manifest_check(manifest: Manifest) -> None:
    """Refuse an archive of another database type or written with other keys."""
    kind = vendor()
    if manifest.database != kind:
        raise BackupError(
            _(
                "Bản sao lưu là của cơ sở dữ liệu %(archive)s, còn ctip đang cấu hình "
                "%(configured)s (DATABASE_URL): không khôi phục."
            )
            % {"archive": manifest.database, "configured": kind}
        )
    found = keyring.problems(manifest.fingerprints)
    if found:
        raise BackupError(
            _(
                "Không khôi phục: bản sao lưu được ghi bằng khóa khác khóa đang cấu hình. "
                "%(problems)s"
            )
            % {"problems": " ".join(found)}
        )


def _safe_name(name: str) -> PurePosixPath | None:
    """The member's path when it is a plain relative path, written as ctip writes it (no "..",
    ".", "//", backslash or leading "/"), else None."""
    path = PurePosixPath(name)
    if path.is_absolute() or path.as_posix() != name or "\\" in name:
        return None
    if not path.parts or ".." in path.parts:
        return None
    return path


def _extract_member(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> dict[str, Any]:
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    source = tar.extractfile(member)
    assert source is not None  # a regular file, checked by the caller
    digest = hashlib.sha256()
    size = 0
    with open_private(target) as out:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return {"size": size, "sha256": digest.hexdigest()}


def _check_member(path: Path, manifest: Manifest, member: tarfile.TarInfo) -> PurePosixPath:
    name = _safe_name(member.name)
    if name is None or not member.isreg():
        raise invalid_archive(path, _("thành phần %(name)s không an toàn") % {"name": member.name})
    if member.name not in manifest.files:
        raise invalid_archive(
            path, _("thành phần %(name)s không có trong manifest") % {"name": member.name}
        )
    in_media = len(name.parts) > 1 and name.parts[0] == MEDIA
    if member.name != manifest.database_member and not in_media:
        raise invalid_archive(path, _("thành phần %(name)s không hợp lệ") % {"name": name})
    return name


def _extract_all(path: Path, manifest: Manifest, tar: tarfile.TarFile, staging: Path) -> None:
    seen: set[str] = set()
    for member in tar:
        if member.name == MANIFEST:
            continue
        name = _check_member(path, manifest, member)
        if member.name in seen:
            raise invalid_archive(path, _("thành phần %(name)s lặp lại") % {"name": name})
        seen.add(member.name)
        if _extract_member(tar, member, staging / name) != manifest.files[member.name]:
            raise invalid_archive(
                path, _("tệp %(name)s không khớp mã băm trong manifest") % {"name": name}
            )
    missing = sorted(set(manifest.files) - seen)
    if missing:
        raise invalid_archive(path, _("thiếu tệp %(name)s") % {"name": missing[0]})


def archive_extract(path: Path, manifest: Manifest, staging: Path) -> None:
    """Extract every member into `staging`, checking each against the manifest (safe names,
    regular files only, size and sha256). Nothing outside `staging` is touched."""
    try:
        with tarfile.open(path, mode="r:") as tar:
            _extract_all(path, manifest, tar, staging)
    except (OSError, EOFError, tarfile.TarError) as exc:  # truncated archive, disk full
        raise BackupError(
            _("Không đọc được bản sao lưu %(path)s: %(error)s") % {"path": path, "error": exc}
        ) from exc


def media_replace(staging: Path) -> None:
    """Replace MEDIA_ROOT's content (the folder itself stays, with its owner and mode) by the
    archive's. Moves, not copies, when on the same file system."""
    root = media_root()
    root.mkdir(parents=True, exist_ok=True)
    staged = staging / MEDIA
    try:
        # The old files are not kept: the database they belonged to has just been replaced.
        with tempfile.TemporaryDirectory(dir=staging, prefix="old-media-") as old:
            for entry in list(root.iterdir()):
                shutil.move(entry, Path(old) / entry.name)
            for entry in list(staged.iterdir()) if staged.exists() else []:
                shutil.move(entry, root / entry.name)
    except OSError as exc:
        raise BackupError(
            _(
                "Cơ sở dữ liệu đã được khôi phục nhưng thư mục tệp %(path)s chưa thay xong "
                "(%(error)s): hãy khắc phục rồi chạy lại lệnh khôi phục."
            )
            % {"path": root, "error": exc}
        ) from exc


def restore_finish(manifest: Manifest, *, archive: str) -> None:
    """The restored data must be readable with the configured keys; then record the restore.
    First of all, whatever follows: the restored database may hold versions of the dashboards'
    panel cache already used for other data (older numbers that its next writes count up
    again): a new epoch keeps a running worker from serving what it cached before."""
    everything_changed()
    try:
        keyring.verify()
    except keyring.KeyMismatch as exc:
        raise BackupError(str(exc)) from exc
    audit_archive("core.restore", manifest, archive=archive)


def staging_dir() -> tempfile.TemporaryDirectory[str]:
    """Beside MEDIA_ROOT, so that staged media moves into place by renaming."""
    parent = media_root().absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(dir=parent, prefix=".ctip-restore-")
