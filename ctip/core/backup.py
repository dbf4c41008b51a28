"""`ctip backup` and `ctip restore`: one tar archive with the database, the media folder and a
manifest, never the keys.

The archive holds `database.sqlite3` (a copy made with SQLite's online backup API) or
`database.pgdump` (`pg_dump --format=custom`), every file under MEDIA_ROOT as it is (sealed files
stay encrypted), and `manifest.json`, written last because it lists every other member with its
size and sha256. The manifest also carries the fingerprints of the keys the data was written
with, so a restore refuses, before changing anything, an archive the configured keys cannot read.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.db import connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip import __version__
from ctip.core import keyring
from ctip.core.audit import audit_write

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
CHUNK = 1024 * 1024
# libpq reads these from the environment: pg_dump and pg_restore then reach the database Django
# uses without the password ever appearing on a command line (visible to every local user).
PG_SETTINGS_ENV = {
    "HOST": "PGHOST",
    "PORT": "PGPORT",
    "USER": "PGUSER",
    "PASSWORD": "PGPASSWORD",
    "NAME": "PGDATABASE",
}
PG_OPTIONS_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}


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


# --- shared ---------------------------------------------------------------------------------


def vendor() -> str:
    if connection.vendor not in DATABASE_MEMBER:
        raise BackupError(
            _("Không hỗ trợ sao lưu cơ sở dữ liệu loại %(vendor)s.") % {"vendor": connection.vendor}
        )
    return connection.vendor


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pg_env() -> dict[str, str]:
    """The environment for pg_dump/pg_restore: the inherited one (libpq defaults, as Django's
    own connection sees them) with the configured database's settings on top."""
    db = connection.settings_dict
    options = db.get("OPTIONS") or {}
    env = dict(os.environ)
    env.update({var: str(db[key]) for key, var in PG_SETTINGS_ENV.items() if db.get(key)})
    env.update({var: str(options[key]) for key, var in PG_OPTIONS_ENV.items() if options.get(key)})
    return env


def _run_pg(tool: str, args: list[str]) -> None:
    try:
        done = subprocess.run(  # noqa: S603, S607 - pg_dump/pg_restore from PATH, our arguments
            [tool, *args], env=_pg_env(), capture_output=True, text=True, check=False
        )
    except FileNotFoundError as exc:
        raise BackupError(
            _(
                "Không tìm thấy chương trình %(tool)s: hãy cài gói postgresql-client (phiên bản "
                "không thấp hơn phiên bản chính của máy chủ PostgreSQL)."
            )
            % {"tool": tool}
        ) from exc
    if done.returncode != 0:
        # The tool's last lines say why (version mismatch, lock, permission); no data values.
        tail = " ".join(done.stderr.strip().splitlines()[-5:])
        raise BackupError(
            _("%(tool)s thất bại (mã %(code)s): %(error)s")
            % {"tool": tool, "code": done.returncode, "error": tail}
        )


def _sqlite_path() -> Path:
    name = str(connection.settings_dict["NAME"])
    if name in ("", ":memory:") or name.startswith("file:"):
        raise BackupError(_("Cơ sở dữ liệu SQLite phải là một tệp trên đĩa."))
    return Path(name)


def _sqlite_copy(source: Path, target: Path) -> None:
    """Copy with SQLite's online backup API: a consistent snapshot, even while ctip writes."""
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target, timeout=30)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


# --- backup ---------------------------------------------------------------------------------


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


def _dump_database(target_dir: Path, kind: str) -> Path:
    target = target_dir / DATABASE_MEMBER[kind]
    if kind == "sqlite":
        _sqlite_copy(_sqlite_path(), target)
        # A plain rollback-journal file: readable on its own, without -wal/-shm companions.
        with contextlib.closing(sqlite3.connect(target)) as copy:
            copy.execute("PRAGMA journal_mode=DELETE")
    else:
        args = ["--format=custom", "--no-owner", "--no-privileges", f"--file={target}"]
        _run_pg("pg_dump", args)
    return target


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


def _open_private(path: Path) -> IO[bytes]:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # in case a leftover partial file had other permissions
    return os.fdopen(fd, "wb")


def _write_archive(partial: Path, dump: Path, manifest: Manifest) -> None:
    with _open_private(partial) as handle:
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
        dump = _dump_database(Path(work), kind)
        if keyring.stored_fingerprints() != fingerprints:
            raise BackupError(_("Khóa vừa được đổi trong lúc sao lưu; hãy chạy lại lệnh."))
        try:
            _write_archive(partial, dump, manifest)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    os.replace(partial, output)
    _audit("core.backup", manifest, archive=output.name)
    return BackupResult(output, manifest)


def _audit(action: str, manifest: Manifest, *, archive: str) -> None:
    database = manifest.files[manifest.database_member]
    with transaction.atomic():
        audit_write(
            action=action,
            count=manifest.media_count(),
            file_hash=database["sha256"],
            changes={"archive": archive, "created": manifest.created},
        )


# --- restore: read and check ----------------------------------------------------------------


def _invalid(path: Path, reason: str) -> BackupError:
    return BackupError(
        _("%(path)s không phải bản sao lưu ctip hợp lệ: %(reason)s")
        % {"path": path, "reason": reason}
    )


def _parse_manifest(path: Path, raw: bytes) -> Manifest:
    try:
        data = json.loads(raw)
        if data["format"] != FORMAT:
            raise _invalid(
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
        raise _invalid(path, _("tệp manifest.json hỏng")) from exc
    if manifest.database not in DATABASE_MEMBER or manifest.database_member not in manifest.files:
        raise _invalid(path, _("thiếu cơ sở dữ liệu"))
    return manifest


def manifest_read(path: Path) -> Manifest:
    if not path.is_file():
        raise BackupError(_("Không tìm thấy tệp %(path)s.") % {"path": path})
    try:
        with tarfile.open(path, mode="r:") as tar:
            member = tar.getmember(MANIFEST)
            handle = tar.extractfile(member) if member.isreg() else None
            if handle is None:
                raise _invalid(path, _("thiếu manifest.json"))
            return _parse_manifest(path, handle.read())
    except KeyError as exc:
        raise _invalid(path, _("thiếu manifest.json")) from exc
    except (OSError, tarfile.TarError) as exc:
        raise _invalid(path, str(exc)) from exc


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
    with _open_private(target) as out:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return {"size": size, "sha256": digest.hexdigest()}


def _check_member(path: Path, manifest: Manifest, member: tarfile.TarInfo) -> PurePosixPath:
    name = _safe_name(member.name)
    if name is None or not member.isreg():
        raise _invalid(path, _("thành phần %(name)s không an toàn") % {"name": member.name})
    if member.name not in manifest.files:
        raise _invalid(
            path, _("thành phần %(name)s không có trong manifest") % {"name": member.name}
        )
    in_media = len(name.parts) > 1 and name.parts[0] == MEDIA
    if member.name != manifest.database_member and not in_media:
        raise _invalid(path, _("thành phần %(name)s không hợp lệ") % {"name": name})
    return name


def _extract_all(path: Path, manifest: Manifest, tar: tarfile.TarFile, staging: Path) -> None:
    seen: set[str] = set()
    for member in tar:
        if member.name == MANIFEST:
            continue
        name = _check_member(path, manifest, member)
        if member.name in seen:
            raise _invalid(path, _("thành phần %(name)s lặp lại") % {"name": name})
        seen.add(member.name)
        if _extract_member(tar, member, staging / name) != manifest.files[member.name]:
            raise _invalid(
                path, _("tệp %(name)s không khớp mã băm trong manifest") % {"name": name}
            )
    missing = sorted(set(manifest.files) - seen)
    if missing:
        raise _invalid(path, _("thiếu tệp %(name)s") % {"name": missing[0]})


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


# --- restore: replace -----------------------------------------------------------------------


def database_restore(manifest: Manifest, staging: Path) -> None:
    dump = staging / manifest.database_member
    # Django's own connections must not hold the database (SQLite lock, PostgreSQL locks).
    connections.close_all()
    if manifest.database == "sqlite":
        target = _sqlite_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            _sqlite_copy(dump, target)
        except sqlite3.Error as exc:  # locked by a running ctip, disk full
            raise BackupError(
                _("Không chép được cơ sở dữ liệu vào %(path)s: %(error)s")
                % {"path": target, "error": exc}
            ) from exc
        return
    args = [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        f"--dbname={connection.settings_dict['NAME']}",
        str(dump),
    ]
    _run_pg("pg_restore", args)


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
    """The restored data must be readable with the configured keys; then record the restore."""
    try:
        keyring.verify()
    except keyring.KeyMismatch as exc:
        raise BackupError(str(exc)) from exc
    _audit("core.restore", manifest, archive=archive)


def staging_dir() -> tempfile.TemporaryDirectory[str]:
    """Beside MEDIA_ROOT, so that staged media moves into place by renaming."""
    parent = media_root().absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(dir=parent, prefix=".ctip-restore-")
