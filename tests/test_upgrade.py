"""The migrations of issue 18 over a database written before it: clear evidence files, papers,
import uploads and break-glass reasons become sealed or encrypted, blind indexes move to their
own key, and nothing is lost when a migration fails half-way. Each site is a scratch database
driven through `python -m ctip` subprocesses (tests/test_backup.py), on SQLite and, when a
server answers, on PostgreSQL."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from cryptography.fernet import Fernet

from tests.test_backup import Site, _pg_admin, _pg_admin_url, new_site

BEFORE = [
    ("victims", "0004_caseevent_state_on_pg"),
    ("prevention", "0006_activity_index_id"),
    ("reporting", "0002_workflow"),
]
NAME = "Hồ Thị Nâng Cấp"
DOC = "079300777001"
EVIDENCE = f"support/2025/{NAME} {DOC}.pdf"
PDF = f"%PDF-1.4 chung tu {NAME}".encode()

# Rows as the code before issue 18 wrote them, through the historical models of that state.
OLD_DATA = """
import json, datetime
from pathlib import Path
from cryptography.fernet import Fernet
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
loader = MigrationLoader(connection)
apps = loader.project_state(list(loader.applied_migrations)).apps
media = Path(settings.MEDIA_ROOT)
def put(path, data):
    (media / path).parent.mkdir(parents=True, exist_ok=True)
    (media / path).write_bytes(data)
day = datetime.date(2025, 9, 10)
Unit = apps.get_model("geo", "Unit")
unit = Unit.objects.create(code=99001, name="Xã Thử", kind="xã", level="commune", source="package")
agency = apps.get_model("agencies", "Agency").objects.create(
    code="thu-syt", name="Sở Y tế (thử)", kind="health", unit=unit)
user = apps.get_model("accounts", "User").objects.create(username="canbo", password="x")
case = apps.get_model("victims", "Case").objects.create(
    code="NN-2025-00001", owner=agency, state_since=day, received_on=day, source="police",
    home_unit=unit, sex="female", age_at_reception=17, full_name=NAME, date_of_birth="2008-01-02",
    identity_document=DOC, name_index="old", dob_index="old", document_index="old")
apps.get_model("victims", "SupportGiven").objects.create(
    case=case, regime="medical", given_on=day, provider=agency, evidence=EVIDENCE)
put(EVIDENCE, PDF)
token = Fernet(settings.CTIP_ENCRYPTION_KEY.split(",")[0].encode()).encrypt(DOCX)
if PAPER_KEY:
    token = Fernet(PAPER_KEY.encode()).encrypt(DOCX)
apps.get_model("victims", "Paper").objects.create(
    case=case, kind="reception_minutes", number="1/BB-SYT", issued_on=day,
    file="papers/2025/NN-2025-00001-reception_minutes.docx.enc")
put("papers/2025/NN-2025-00001-reception_minutes.docx.enc", token)
apps.get_model("victims", "AccessLog").objects.create(
    case=case, user=user, section="identity", break_glass_reason=REASON, flagged=True)
Job = apps.get_model("prevention", "ImportJob")
Job.objects.create(user=user, file_name="hd.json", file="imports/2025/09/ready", status="ready")
put("imports/2025/09/ready", b'[{"agency": "thu-syt"}]')
Job.objects.create(user=user, file_name="cu.json", file="imports/2025/09/done", status="done")
put("imports/2025/09/done", b"[]")
print(json.dumps(case.pk))
"""

AFTER = """
import json
from django.conf import settings
from pathlib import Path
from ctip.core.models import KeyFingerprint, SealedFile
from ctip.core.keyring import problems, stored_fingerprints
from ctip.core.sealed import sealed_orphans_delete, unseal
from ctip.prevention.models import ImportJob
from ctip.victims.lifecycle import find_duplicates
from ctip.victims.models import AccessLog, Paper, SupportGiven
evidence = SupportGiven.objects.get().evidence
paper = Paper.objects.get().file
ready = ImportJob.objects.get(status="ready")
done = ImportJob.objects.get(status="done")
media = Path(settings.MEDIA_ROOT)
orphans = sealed_orphans_delete(older_than=0)  # the failed run's encrypted leftovers
print(json.dumps({
    "orphans": orphans,
    "evidence": [unseal(evidence).decode(), evidence.name, evidence.content_type, evidence.size],
    "paper": [unseal(paper) == DOCX, paper.name, paper.size == len(DOCX)],
    "ready": unseal(ready.file).decode(), "done": done.file_id,
    "reason": AccessLog.objects.get().break_glass_reason,
    "duplicates": [
        find_duplicates(full_name=NAME, date_of_birth="2008-01-02").count(),
        find_duplicates(full_name="x", identity_document=DOC).count(),
    ],
    "keys": problems(stored_fingerprints()),
    "files": sorted(p.relative_to(media).as_posix().split("/")[0] for p in media.rglob("*")
                    if p.is_file()),
    "sealed": SealedFile.objects.count(),
}))
"""


def _docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:  # fixed dates: the same bytes every call
        for name, text in (("[Content_Types].xml", "<Types/>"), ("word/document.xml", NAME)):
            archive.writestr(zipfile.ZipInfo(name, (2025, 9, 10, 0, 0, 0)), text)
    return out.getvalue()


def _constants(paper_key: str = "") -> str:
    return (
        f"NAME = {NAME!r}\nDOC = {DOC!r}\nEVIDENCE = {EVIDENCE!r}\nPDF = {PDF!r}\n"
        f"DOCX = {_docx()!r}\nPAPER_KEY = {paper_key!r}\n"
        f"REASON = 'xác minh cho {NAME}'\n"
    )


def _old_site(root: Path, database_url: str) -> Site:
    """A site migrated only up to the state before issue 18."""
    site = new_site(root, database_url)
    for app, migration in BEFORE:
        done = site.ctip("migrate", app, migration, "--noinput")
        assert done.returncode == 0, done.stderr
    return site


def _raw_contains(site: Site, text: str) -> bool:
    code = (
        "from django.db import connection\n"
        "found = False\n"
        "with connection.cursor() as c:\n"
        "    for t in connection.introspection.table_names():\n"
        "        c.execute(f'SELECT * FROM \"{t}\"')\n"
        f"        found = found or any({text!r} in str(v) for r in c.fetchall() for v in r)\n"
        "print(json.dumps(found))"
    )
    return bool(site.shell(code))


def _upgrade_round(root: Path, database_url: str) -> None:
    site = _old_site(root, database_url)
    # A paper written under a key the site no longer has: victims 0005 fails on it, after
    # sealing the evidence; the clear evidence must survive the rollback.
    bad_key = Fernet.generate_key().decode()
    site.shell(_constants(bad_key) + OLD_DATA)
    failed = site.ctip("migrate", "--noinput")
    assert failed.returncode != 0 and "cannot be decrypted" in failed.stderr
    assert (root / "media" / EVIDENCE).read_bytes() == PDF
    # The paper re-encrypted under the right key: the upgrade goes through.
    site.shell(
        _constants()
        + "from pathlib import Path\nfrom django.conf import settings\n"
        + "from cryptography.fernet import Fernet\n"
        + "p = Path(settings.MEDIA_ROOT) / 'papers/2025/NN-2025-00001-reception_minutes.docx.enc'\n"
        + "p.write_bytes(Fernet(settings.CTIP_ENCRYPTION_KEY.encode()).encrypt(DOCX))\n"
        + "print(json.dumps(1))",
    )
    done = site.ctip("migrate", "--noinput")
    assert done.returncode == 0, done.stderr
    after = site.shell(_constants() + AFTER)
    assert after["evidence"] == [PDF.decode(), f"{NAME} {DOC}.pdf", "application/pdf", len(PDF)]
    assert after["paper"] == [True, "NN-2025-00001-reception_minutes.docx", True]
    assert after["ready"] == '[{"agency": "thu-syt"}]' and after["done"] is None
    assert after["reason"] == f"xác minh cho {NAME}"
    assert after["duplicates"] == [1, 1]  # indexes recomputed under CTIP_BLIND_INDEX_KEY
    assert after["keys"] == []
    assert after["files"] == ["sealed"] * 3 and after["sealed"] == 3  # no clear file left
    assert after["orphans"] == 1  # the evidence sealed by the run that failed, then rolled back
    for clear in (NAME, DOC, f"xác minh cho {NAME}"):
        assert not _raw_contains(site, clear), clear


def test_an_existing_sqlite_site_upgrades_without_losing_or_leaving_anything(tmp_path):
    _upgrade_round(tmp_path, f"sqlite:///{tmp_path}/ctip.sqlite3")


def test_an_existing_postgresql_site_upgrades_too(tmp_path):
    import secrets

    with _pg_admin() as admin:
        name = f"ctip_upgrade_{secrets.token_hex(4)}"
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            url = _pg_admin_url().rsplit("/", 1)[0] + f"/{name}"
            _upgrade_round(tmp_path, url)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_core_0004_refuses_to_record_keys_that_cannot_read_the_data(tmp_path):
    site = _old_site(tmp_path, f"sqlite:///{tmp_path}/ctip.sqlite3")
    site.shell(_constants() + OLD_DATA)
    wrong = {"CTIP_ENCRYPTION_KEY": Fernet.generate_key().decode()}
    done = site.ctip("migrate", "core", "--noinput", env=wrong)
    assert done.returncode != 0 and "cannot be decrypted" in done.stderr
    assert (
        site.shell(
            "from django.db import connection\n"
            "print(json.dumps('core_keyfingerprint' in connection.introspection.table_names()))"
        )
        is False
    )
