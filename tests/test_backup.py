"""`ctip backup` and `ctip restore`, end to end: each site is a scratch database (SQLite file or a
PostgreSQL database created here) with its own media folder and keys, driven through `python -m
ctip` subprocesses, so the test database is never touched (and needs no `db` fixture)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import stat
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from cryptography.fernet import Fernet
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
PG_URL = "postgres://root@127.0.0.1:5432/postgres"
NAME = "Nguyễn Văn Backup 079300000001.pdf"
CONTENT = b"%PDF-1.4 to khai cua nan nhan, CCCD 079300000001"
# Values that must never appear in clear in an archive.
CLEAR = [NAME.encode(), "Nguyễn Văn Backup".encode(), b"079300000001", CONTENT]
# Inherited variables that would point a subprocess at the test suite's database or keys.
INHERITED = {
    "DJANGO_SETTINGS_MODULE",
    "DEBUG",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DATABASE_URL",
    "MEDIA_ROOT",
    "CTIP_VAR_DIR",
    "CTIP_ENCRYPTION_KEY",
    "CTIP_BLIND_INDEX_KEY",
    "SECRET_KEY",
}


@dataclass
class Site:
    """One scratch installation: its database, media folder and keys."""

    root: Path
    env: dict[str, str]

    def ctip(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        clean = {k: v for k, v in os.environ.items() if k not in INHERITED}
        return subprocess.run(
            [sys.executable, "-m", "ctip", *args],
            env={**clean, **self.env, **(env or {})},
            capture_output=True,
            text=True,
            encoding="utf-8",
            stdin=subprocess.DEVNULL,
            cwd=ROOT,
            timeout=180,
        )

    def shell(self, code: str) -> Any:
        """Run `code` in `ctip shell`; it prints one JSON value on its last line."""
        done = self.ctip("shell", "-v", "0", "-c", "import json\n" + code)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.strip().splitlines()[-1])

    def media(self) -> dict[str, str]:
        root = self.root / "media"
        return {
            p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }

    def snapshot(self) -> dict[str, Any]:
        """What a refused restore must leave unchanged: rows, fingerprints and files."""
        rows = self.shell(
            "from ctip.core.models import AuditEntry, KeyFingerprint, SealedFile\n"
            "print(json.dumps({'audit': list(AuditEntry.objects.values_list('id', 'action')),"
            " 'sealed': list(SealedFile.objects.values_list('id', 'path')),"
            " 'keys': str(KeyFingerprint.objects.get())}))"
        )
        return {**rows, "media": self.media(), "leftovers": self.leftovers()}

    def leftovers(self) -> list[str]:
        """Work folders and partial archives: a finished or refused command leaves none."""
        return sorted(p.name for p in self.root.rglob("*") if p.name.startswith(".ctip-"))


def _make_site(root: Path, database_url: str) -> Site:
    site = new_site(root, database_url)
    done = site.ctip("migrate", "--noinput")
    assert done.returncode == 0, done.stderr
    return site


def new_site(root: Path, database_url: str) -> Site:
    """A site with its own database URL, media folder and keys; nothing migrated yet."""
    return Site(
        root,
        {
            "CTIP_VAR_DIR": str(root / "var"),
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(root / "media"),
            "CTIP_ENCRYPTION_KEY": Fernet.generate_key().decode(),
            "CTIP_BLIND_INDEX_KEY": secrets.token_urlsafe(32),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "CTIP_HTTPS": "0",
            "PYTHONIOENCODING": "utf-8",
        },
    )


def _suite_on_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def _pg_admin_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if _suite_on_postgres() and url.startswith("postgres") else PG_URL


def _pg_admin():
    import psycopg

    try:
        return psycopg.connect(_pg_admin_url(), autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        # Only the SQLite pass may go without PostgreSQL; the PostgreSQL pass must run this.
        if _suite_on_postgres():
            raise
        pytest.skip(f"no PostgreSQL server answers at {_pg_admin_url()}")


@dataclass
class BackedUp:
    site: Site
    pk: int
    archive: Path
    media: dict[str, str]


def _back_up(site: Site) -> BackedUp:
    """Seal one file (personal name and content) on `site` and back the site up."""
    pk = site.shell(
        "from ctip.core.sealed import seal\n"
        f"print(seal(content={CONTENT!r}, name={NAME!r}, content_type='application/pdf').pk)"
    )
    archive = site.root / "b.tar"
    done = site.ctip("backup", "--output", str(archive))
    assert done.returncode == 0, done.stderr
    assert str(archive) in done.stdout
    assert NAME not in done.stdout + done.stderr
    assert site.leftovers() == [] and not list(site.root.glob("*.partial"))
    audit = "from ctip.core.models import AuditEntry as A\n"
    audit += "print(json.dumps(list(A.objects.filter(action='core.backup').values('count'))))"
    assert site.shell(audit) == [{"count": 1}]
    return BackedUp(site, pk, archive, site.media())


@pytest.fixture(scope="module")
def sqlite_backed_up(tmp_path_factory) -> BackedUp:
    root = tmp_path_factory.mktemp("sqlite")
    return _back_up(_make_site(root, f"sqlite:///{root / 'db.sqlite3'}"))


@pytest.fixture(scope="module")
def postgresql_backed_up(tmp_path_factory):
    root = tmp_path_factory.mktemp("postgresql")
    name = f"ctip_backup_{secrets.token_hex(6)}"
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            url = urlunsplit(urlsplit(_pg_admin_url())._replace(path=f"/{name}"))
            yield _back_up(_make_site(root, url))
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def backed_up(request) -> BackedUp:
    """Each backend's site, created once for the module (a migration takes seconds)."""
    return request.getfixturevalue(f"{request.param}_backed_up")


def _members(archive: Path) -> dict[str, bytes]:
    """Every member's bytes; a PostgreSQL dump also as the SQL it holds (its data is
    compressed, so its raw bytes would hide a clear value)."""
    with tarfile.open(archive) as tar:
        found = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isreg()}
    if "database.pgdump" in found:
        done = subprocess.run(
            ["pg_restore", "--file=-"],  # reads the dump from stdin, writes SQL
            input=found["database.pgdump"],
            capture_output=True,
            check=True,
        )
        found["database.pgdump (SQL)"] = done.stdout
    return found


def test_archive_holds_database_media_and_manifest_but_no_key_or_clear_value(backed_up):
    site = backed_up.site
    assert stat.S_IMODE(backed_up.archive.stat().st_mode) == 0o600
    members = _members(backed_up.archive)
    manifest = json.loads(members["manifest.json"])
    media = {f"media/{name}" for name in backed_up.media}
    database = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}[manifest["database"]]
    assert {f["name"] for f in manifest["files"]} == {database, *media}
    assert set(members) - {"database.pgdump (SQL)"} == {"manifest.json", database, *media}
    assert manifest["format"] == 1
    for entry in manifest["files"]:
        assert hashlib.sha256(members[entry["name"]]).hexdigest() == entry["sha256"]
    # The search does see clear values in the database dump (the row's content type).
    dump = members.get("database.pgdump (SQL)", members[database])
    assert b"application/pdf" in dump
    keys = [site.env[k].encode() for k in ("CTIP_ENCRYPTION_KEY", "CTIP_BLIND_INDEX_KEY")]
    for name, data in members.items():
        assert "secrets.json" not in name
        for value in [*CLEAR, *keys, site.env["SECRET_KEY"].encode()]:
            assert value not in data, f"{value[:12]!r}… in {name}"


def test_restore_brings_back_deleted_rows_and_files(backed_up):
    site, pk = backed_up.site, backed_up.pk
    gone = site.shell(
        "from django.db import transaction\n"
        "from ctip.core.models import SealedFile\n"
        "from ctip.core.sealed import destroy\n"
        "with transaction.atomic():\n"
        f"    destroy(SealedFile.objects.get(pk={pk}))\n"
        f"print(json.dumps(SealedFile.objects.filter(pk={pk}).exists()))"
    )
    assert gone is False and site.media() == {}

    done = site.ctip("restore", str(backed_up.archive), "--yes")
    assert done.returncode == 0, done.stderr

    assert site.media() == backed_up.media
    assert site.leftovers() == []
    assert site.shell(
        "from ctip.core.models import AuditEntry, SealedFile\n"
        "from ctip.core.sealed import unseal\n"
        f"s = SealedFile.objects.get(pk={pk})\n"
        "print(json.dumps({'content': unseal(s) == " + repr(CONTENT) + ","
        f" 'name': s.name == {NAME!r},"
        " 'actions': sorted(AuditEntry.objects.values_list('action', flat=True))}))"
    ) == {"content": True, "name": True, "actions": ["core.restore"]}
    # The backup's own audit row was written after the dump, so it is not in the archive.


def test_restore_refuses_an_archive_written_with_other_keys(backed_up):
    site = backed_up.site
    before = site.snapshot()
    other = {"CTIP_ENCRYPTION_KEY": Fernet.generate_key().decode()}
    done = site.ctip("restore", str(backed_up.archive), "--yes", env=other)
    assert done.returncode != 0
    assert "CTIP_ENCRYPTION_KEY" in done.stderr
    assert site.snapshot() == before


def test_backup_refuses_when_the_keys_do_not_match_the_database(backed_up):
    site = backed_up.site
    other = {"CTIP_BLIND_INDEX_KEY": secrets.token_urlsafe(32)}
    done = site.ctip("backup", "--output", str(site.root / "refused.tar"), env=other)
    assert done.returncode != 0
    assert "CTIP_BLIND_INDEX_KEY" in done.stderr
    assert not list(site.root.glob("refused.tar*"))


# The checks below do not depend on the database: the SQLite site is enough.


def _rewrite(archive: Path, target: Path, change) -> Path:
    """A copy of `archive` with `change(tar_info, data)` applied to every member but the
    manifest; it returns the (info, data) to write, or None to drop the member."""
    with tarfile.open(archive) as source, tarfile.open(target, "w") as out:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            changed = (member, data) if member.name == "manifest.json" else change(member, data)
            if changed:
                out.addfile(changed[0], io.BytesIO(changed[1]))
    return target


def test_restore_refuses_a_file_that_does_not_match_the_manifest(sqlite_backed_up, tmp_path):
    site = sqlite_backed_up.site

    def flip(member, data):
        if member.name.startswith("media/"):
            data = bytes([data[0] ^ 1]) + data[1:]  # same size, other bytes
        return member, data

    tampered = _rewrite(sqlite_backed_up.archive, tmp_path / "t.tar", flip)
    before = site.snapshot()
    done = site.ctip("restore", str(tampered), "--yes")
    assert done.returncode != 0
    assert "mã băm" in done.stderr
    assert site.snapshot() == before


def _with_extra_member(archive: Path, target: Path, extra: tarfile.TarInfo, data: bytes) -> Path:
    """A copy of `archive` with `extra` added and listed in the manifest (right size and hash):
    only the member's name or type can make the restore refuse it."""
    with tarfile.open(archive) as source, tarfile.open(target, "w") as out:
        for member in source.getmembers():
            body = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(body)
                digest = hashlib.sha256(data).hexdigest()
                manifest["files"].append({"name": extra.name, "size": len(data), "sha256": digest})
                body = json.dumps(manifest).encode()
                member.size = len(body)
                extra.size = len(data) if extra.isreg() else 0
                out.addfile(extra, io.BytesIO(data) if extra.isreg() else None)
            out.addfile(member, io.BytesIO(body))
    return target


def _link(name: str) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
    return info


@pytest.mark.parametrize(
    "extra",
    [
        tarfile.TarInfo("media/../../escaped"),
        tarfile.TarInfo("/tmp/ctip-escaped"),
        _link("media/link"),
    ],
    ids=["dot-dot", "absolute", "symlink"],
)
def test_restore_refuses_unsafe_members(sqlite_backed_up, tmp_path, extra):
    site = sqlite_backed_up.site
    crafted = _with_extra_member(sqlite_backed_up.archive, tmp_path / "c.tar", extra, b"x")
    done = site.ctip("restore", str(crafted), "--yes")
    assert done.returncode != 0
    assert "không an toàn" in done.stderr
    # Staged beside MEDIA_ROOT: "media/../../escaped" would land in the site's folder.
    assert not (site.root / "escaped").exists()
    assert not Path("/tmp/ctip-escaped").exists()
    assert not (site.root / "media" / "link").exists()


def test_restore_without_yes_needs_a_terminal(sqlite_backed_up):
    site = sqlite_backed_up.site
    done = site.ctip("restore", str(sqlite_backed_up.archive))
    assert done.returncode != 0
    assert "--yes" in done.stderr


def test_backup_defaults_to_a_private_file_under_var_backups(sqlite_backed_up):
    site = sqlite_backed_up.site
    done = site.ctip("backup")
    assert done.returncode == 0, done.stderr
    path = Path(done.stdout.splitlines()[0])
    assert path.parent == Path(site.env["CTIP_VAR_DIR"]) / "backups"
    assert path.name.startswith("ctip-") and path.suffix == ".tar"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
