"""Copying the database into an archive and back: SQLite's online backup API, or pg_dump and
pg_restore with the connection's settings passed through libpq's environment."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection, connections
from django.utils.translation import gettext as _

from ctip.core.backup_manifest import DATABASE_MEMBER, BackupError, Manifest

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


def vendor() -> str:
    if connection.vendor not in DATABASE_MEMBER:
        raise BackupError(
            _("Không hỗ trợ sao lưu cơ sở dữ liệu loại %(vendor)s.") % {"vendor": connection.vendor}
        )
    return connection.vendor


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


def dump_database(target_dir: Path, kind: str) -> Path:
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
