"""Issue 18: identities safe where they travel: files, URLs and logs, purge, key rotation, the key
check, uploads. Each test names the finding it holds closed."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.apps import apps
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from ctip.agencies.models import Agency
from ctip.core import crypto_rotation, keyring
from ctip.core.crypto import blind_index
from ctip.core.models import KeyFingerprint, KeyRotation, SealedFile
from ctip.core.personal import is_personal
from ctip.core.sealed import unseal
from ctip.geo.models import Level
from ctip.victims.lifecycle import cases_purge, find_duplicates
from ctip.victims.models import AccessLog, Case, Paper, SupportGiven
from ctip.victims.papers.generate import paper_generate
from ctip.victims.referrals import consent_record, consent_withdraw, referral_send
from ctip.victims.states import ConsentPurpose, State
from ctip.victims.support import support_give
from ctip.victims.transitions import _move
from tests import leakcheck
from tests.conftest import unit
from tests.factories import CaseFactory
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db
DAY = date(2025, 9, 10)
NAME = "Lò Thị Xuân Mai"
DOC = "079300123456"
DOB = "2007-03-04"
EVIDENCE_NAME = f"{NAME} {DOC} hoa don.pdf"
PDF = f"%PDF-1.4\n% chung tu cua {NAME}, CCCD {DOC}\n".encode()
UPLOAD_NAME = "Đinh Thị Tải Lên 079300555444.pdf"


def _case(name: str = NAME, doc: str = DOC) -> Case:
    """Every identity a case holds: name, document, date of birth, address."""
    return CaseFactory(
        full_name=name,
        identity_document=doc,
        date_of_birth=DOB,
        address="Thôn Làng Riêng, xã Ba Tơ",
    )


def _identified(case: Case) -> Case:
    from ctip.agencies.models import Agency

    police = Agency.objects.get(code="qng-ca-2025")  # the body that identifies (issue 22)
    _move(
        _move(case, State.VERIFYING, DAY, "", None),
        State.IDENTIFIED,
        DAY,
        "ghi chú riêng",
        None,
        police,
    )
    case.refresh_from_db()
    return case


def _evidence(case: Case) -> SupportGiven:
    return support_give(
        case=case,
        regime="medical",
        given_on=DAY + timedelta(days=1),
        provider=case.owner,
        amount=500_000,
        evidence=SimpleUploadedFile(EVIDENCE_NAME, PDF),
        acting_user=None,
    )


def _media_files() -> list[Path]:
    root = Path(django_settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _raw(table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - a name from the schema
        return " ".join(str(v) for row in cursor.fetchall() for v in row)


@pytest.fixture
def worker(client):
    user = make_user("xahoi", "case_worker", agency="qng-syt-2025")
    log_in(client, user, add_totp(user))
    return user


# Finding 1: files in clear -------------------------------------------------------------------


def test_support_evidence_uploaded_on_the_web_is_sealed_and_served_logged(
    client, worker, django_capture_on_commit_callbacks
):
    case = _identified(_case())
    page = f"/ho-so/{case.pk}/bao-ve/"
    upload = SimpleUploadedFile(EVIDENCE_NAME, PDF, content_type="application/pdf")
    form = {"support": "1", "regime": "medical", "given_on": "11/09/2025", "amount": "500000"}
    assert client.post(page, {**form, "evidence": upload}).status_code == 302
    support = SupportGiven.objects.get()
    assert support.evidence is not None and support.evidence.name == EVIDENCE_NAME
    # On disk: one file, under a random name, whose bytes are not the upload's.
    [stored] = _media_files()
    assert NAME not in str(stored) and DOC not in str(stored) and "hoa" not in stored.name
    assert stored.read_bytes() != PDF and b"%PDF" not in stored.read_bytes()
    # In the database: the name is encrypted (no column holds it in clear).
    assert DOC not in _raw("core_sealedfile") and "hoa don" not in _raw("core_sealedfile")
    assert "hoa don" not in _raw("victims_supportgiven")
    # Served only through the checked, logged view, named by the case's code.
    assert "/chung-tu/" in client.get(page).content.decode()
    before = AccessLog.objects.filter(section="evidence").count()
    response = client.get(f"/chung-tu/{support.pk}/")
    assert response.status_code == 200 and response.content == PDF
    disposition = response["Content-Disposition"]
    assert NAME not in disposition and case.code in disposition
    assert AccessLog.objects.filter(section="evidence").count() == before + 1


def test_another_agency_gets_404_for_evidence_and_papers_and_nothing_is_logged(client):
    case = _identified(_case())
    support = _evidence(case)
    paper = paper_generate(case=case, kind="reception_minutes", acting_user=None)
    other = make_user("hosobp", "case_worker", agency="qng-bdbp-2025")
    log_in(client, other, add_totp(other))
    assert client.get(f"/chung-tu/{support.pk}/").status_code == 404
    assert client.get(f"/giay-to/{paper.pk}/").status_code == 404
    assert client.get("/chung-tu/999999/").status_code == 404
    assert not AccessLog.objects.exists()


def test_generated_papers_are_sealed_with_random_names(worker, client):
    case = _identified(_case())
    paper = paper_generate(case=case, kind="victim_confirmation", acting_user=None)
    [stored] = _media_files()
    assert case.code not in stored.name and not stored.read_bytes().startswith(b"PK")
    assert paper.file is not None
    from docx import Document

    document = Document(io.BytesIO(client.get(f"/giay-to/{paper.pk}/").content))
    assert NAME in "\n".join(p.text for p in document.paragraphs)


def test_report_scans_and_request_letters_are_sealed():
    from ctip.core.sealed import seal

    sealed = seal(content=PDF, name=EVIDENCE_NAME, content_type="application/pdf")
    [stored] = _media_files()
    assert stored.name == Path(sealed.path).name and len(stored.name) == 32
    assert unseal(sealed) == PDF
    for model, field in (("reporting.Report", "scan"), ("reporting.ReportRequest", "letter")):
        assert apps.get_model(model)._meta.get_field(field).related_model is SealedFile


# Finding 2: personal data in URLs, logs and the DEBUG error page ------------------------------


def test_case_search_is_a_post_and_a_query_string_searches_nothing(client, worker):
    case = _case()
    page = client.get("/ho-so/").content.decode()
    assert '<form method="post" class="filters">' in page
    assert client.post("/ho-so/", {"q": "xuan mai"}).context["cases"] == [case]
    # An old bookmark with ?q= searches nothing (and the suite's leak check would fail on a
    # request line holding the name: see the next test).
    assert client.get("/ho-so/?q=zzzz").context["query"] == ""


def test_the_leak_check_finds_a_name_in_a_request_line_and_in_a_media_file(client, worker):
    _case()
    client.get("/ho-so/", {"q": NAME})
    assert any(found.startswith("request line: ") for found in leakcheck.scan())
    leakcheck.REQUEST_LINES.clear()
    root = Path(django_settings.MEDIA_ROOT) / "support"
    root.mkdir(parents=True)
    (root / "chung-tu.txt").write_text(f"CCCD {DOC}")
    assert any(found.startswith("file support/chung-tu.txt") for found in leakcheck.scan())
    (root / "chung-tu.txt").unlink()
    clear = Path(django_settings.MEDIA_ROOT) / "sealed" / "ab" / "ab01"
    clear.parent.mkdir(parents=True)
    clear.write_bytes(b"%PDF-1.4 no personal value, but not encrypted")
    assert leakcheck.scan() == ["file sealed/ab/ab01: not encrypted"]
    clear.unlink()


def test_the_debug_error_page_shows_no_personal_value(client, worker, settings, monkeypatch):
    _case()

    def broken(user, query):
        raise RuntimeError(f"tìm không được: {query}")

    monkeypatch.setattr("ctip.victims.views.search_by_name", broken)
    settings.DEBUG = True
    client.raise_request_exception = False
    response = client.post("/ho-so/", {"q": NAME})
    page = response.content.decode()
    assert response.status_code == 500 and "RuntimeError" in page  # the technical page
    assert NAME not in page and "[ẩn]" in page


def test_the_debug_error_page_hides_what_was_typed_even_if_never_stored(
    client, worker, settings, monkeypatch
):
    case = _case()
    consent_record(case=case, purpose=ConsentPurpose.REFERRAL, given_on=DAY, acting_user=None)

    def broken(**kwargs):
        raise RuntimeError("không chuyển được")  # kwargs (the typed reason) are a local here

    monkeypatch.setattr("ctip.victims.views_protection.referral_send", broken)
    settings.DEBUG = True
    client.raise_request_exception = False
    typed = "gặp Đinh Văn Chưa Lưu ở bến xe"
    border = Agency.objects.get(code="qng-bdbp-2025")
    response = client.post(
        f"/ho-so/{case.pk}/bao-ve/", {"referral": "1", "to_agency": border.pk, "reason": typed}
    )
    page = response.content.decode()
    assert response.status_code == 500 and "không chuyển được" in page
    assert "Đinh Văn" not in page and "bến xe" not in page


def test_the_debug_error_page_hides_the_names_of_uploaded_files(
    client, worker, settings, monkeypatch
):
    case = _identified(_case())

    def broken(**kwargs):
        raise RuntimeError("không ghi được")

    monkeypatch.setattr("ctip.victims.views_protection.support_give", broken)
    settings.DEBUG = True
    client.raise_request_exception = False
    file_name = UPLOAD_NAME  # defined far from any frame the error page shows the source of
    form = {"support": "1", "regime": "medical", "given_on": "11/09/2025", "amount": "1"}
    upload = SimpleUploadedFile(file_name, PDF, content_type="application/pdf")
    response = client.post(f"/ho-so/{case.pk}/bao-ve/", {**form, "evidence": upload})
    page = response.content.decode()
    assert response.status_code == 500 and "không ghi được" in page
    assert "Đinh Thị" not in page and "079300555444" not in page


# Finding 3: purge leaves data ------------------------------------------------------------------


DUPLICATE = "Lò Thị Mai Trùng"
WATCHED = "Lò Thị Xuân Mai (theo dõi)"


def _everything(case: Case) -> None:
    """A case with something in every place its personal data can live: evidence, papers,
    consents and referrals, a break-glass read, a duplicate merged into it (with its own paper),
    and a watch entry escalated to it, with a check."""
    from ctip.enforcement.watchlist import watch_check, watch_escalate, watch_open
    from ctip.victims.lifecycle import case_merge
    from ctip.victims.selectors import access_case

    _evidence(case)
    for kind in ("reception_minutes", "victim_confirmation", "support_decision"):
        paper_generate(case=case, kind=kind, acting_user=None)
    consent_record(case=case, purpose=ConsentPurpose.REFERRAL, given_on=DAY, acting_user=None)
    referral_send(
        case=case,
        to_agency=Agency.objects.get(code="qng-bdbp-2025"),
        reason=f"chuyển cho {NAME}",
        on=DAY,
        acting_user=None,
    )
    reader = make_user("giamsat", "case_supervisor", agency="qng-bdbp-2025")
    access_case(reader, case.pk, section="identity", break_glass_reason=f"xác minh cho {NAME}")
    duplicate = _case(name=DUPLICATE, doc="079300999888")
    paper_generate(case=duplicate, kind="reception_minutes", acting_user=None)
    case_merge(keep=case, other=duplicate, acting_user=None)
    commune = unit(21157, Level.COMMUNE, date(2026, 1, 1))
    entry = watch_open(
        category="long_absent",
        unit=commune,
        officer=make_user("xa", "commune_officer", unit=commune),
        lawful_basis="Luật 53/2024/QH15, Điều 7",
        purpose="Phòng ngừa mua bán người",
        opened_on=DAY,
        review_on=date(2026, 8, 1),
        full_name=WATCHED,
        address="Thôn Làng Riêng",
        acting_user=None,
    )
    watch_check(entry=entry, on=DAY, found=True, result=f"gặp {WATCHED}", acting_user=None)
    watch_escalate(entry=entry, victim_case=case, acting_user=None)


def _tokens() -> set[str]:
    """The raw value of every personal column in the database (all of it belongs to the case,
    its merged duplicate or the watch entry escalated to it in these tests): after the purge,
    none of these exact values may remain anywhere."""
    tokens = set()
    with connection.cursor() as cursor:
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if is_personal(field) and model._meta.managed and model is not SealedFile:
                    table = model._meta.db_table
                    cursor.execute(f'SELECT "{field.column}" FROM "{table}"')  # noqa: S608
                    tokens |= {row[0] for row in cursor.fetchall() if row[0]}
    return tokens


def _assert_no_copy_left(case: Case, files: list[Path], tokens: set[str]) -> None:
    case.refresh_from_db()
    assert case.purged_on
    # 1. The case's own personal fields and every blind index.
    for field in Case._meta.concrete_fields:
        if is_personal(field) or field.name in Case.BLIND_INDEXES:
            assert getattr(case, field.name) in ("", None), field.name
    assert not find_duplicates(full_name=NAME, date_of_birth=DOB, identity_document=DOC).exists()
    # 2. Every record pointing to the case: personal fields empty, no sealed file left (another
    # case pointing to it, an accompanying child's, is a person of its own: see below).
    for model in apps.get_models():
        if model is Case:
            continue
        fks = [f for f in model._meta.concrete_fields if f.is_relation and f.related_model is Case]
        for fk in fks:
            for row in model.objects.filter(**{fk.name: case}):
                for field in model._meta.concrete_fields:
                    if is_personal(field):
                        assert getattr(row, field.name) in ("", None), (model, field.name)
                    if field.is_relation and field.related_model is SealedFile:
                        assert getattr(row, field.attname) is None, (model, field.name)
    # 3. Files and their (encrypted) names: the rows and the files on disk are gone.
    assert not SealedFile.objects.exists()
    assert not any(path.exists() for path in files) and not _media_files()
    # 4. No old ciphertext anywhere in the database, and no clear value either.
    everything = " ".join(_raw(t) for t in connection.introspection.table_names())
    assert not [t for t in tokens if t in everything]
    # 5. What the values were: nothing decrypts to them any more (the merged duplicate's
    # identity, the escalated watch entry and its check, the break-glass reason included).
    from ctip.enforcement.models import WatchCheck, WatchEntry

    assert not find_duplicates(full_name=DUPLICATE, identity_document="079300999888").exists()
    assert all(c.full_name == "" for c in Case.objects.filter(merged_into=case))
    assert [(e.full_name, e.address) for e in WatchEntry.objects.all()] == [("", "")]
    assert [c.result for c in WatchCheck.objects.all()] == [""]
    assert all(a.break_glass_reason == "" for a in AccessLog.objects.all())


def test_purge_destroys_every_copy_of_a_cases_personal_data(
    client, worker, django_capture_on_commit_callbacks
):
    case = _identified(_case())
    _everything(case)
    files = _media_files()
    assert len(files) == 5  # evidence, three papers, and the merged duplicate's paper
    tokens = _tokens()
    Case.objects.filter(pk=case.pk).update(state=State.CLOSED, state_since=DAY)
    with django_capture_on_commit_callbacks(execute=True):
        report = cases_purge(today=date(2100, 1, 1), acting_user=None)
    assert report["cases"] == 2  # the case, and the duplicate merged (and so closed) into it
    _assert_no_copy_left(case, files, tokens)
    paper = Paper.objects.filter(case=case).first()
    assert paper is not None and paper.number  # the register of numbers stays
    assert client.get(f"/giay-to/{paper.pk}/").status_code == 404
    support = SupportGiven.objects.get(case=case)
    assert client.get(f"/chung-tu/{support.pk}/").status_code == 404


def test_purging_a_parent_leaves_the_accompanying_childs_case_alone(
    django_capture_on_commit_callbacks,
):
    parent = _identified(_case())
    child = _case(name="Lò Văn Tí", doc="079320000009")
    Case.objects.filter(pk=child.pk).update(accompanies=parent)
    Case.objects.filter(pk=parent.pk).update(state=State.CLOSED, state_since=DAY)
    with django_capture_on_commit_callbacks(execute=True):
        assert cases_purge(today=date(2100, 1, 1), acting_user=None)["cases"] == 1
    child.refresh_from_db()
    assert child.full_name == "Lò Văn Tí" and child.purged_on is None
    assert list(find_duplicates(full_name="x", identity_document="079320000009")) == [child]


def test_withdrawing_consent_to_processing_destroys_every_copy(django_capture_on_commit_callbacks):
    case = _identified(_case())
    _everything(case)
    files, tokens = _media_files(), _tokens()
    consent = consent_record(
        case=case, purpose=ConsentPurpose.PROCESSING, given_on=DAY, acting_user=None
    )
    Case.objects.filter(pk=case.pk).update(state=State.CLOSED)
    case.refresh_from_db()
    consent.case = case
    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(consent=consent, on=date(2026, 1, 5), acting_user=None)
    _assert_no_copy_left(case, files, tokens)


# Finding 4: key rotation loses data ------------------------------------------------------------


def _rotate_to(settings, *, new_key: str, new_index_key: str) -> None:
    old = settings.CTIP_ENCRYPTION_KEY
    settings.CTIP_ENCRYPTION_KEY = f"{new_key},{old}"
    settings.CTIP_BLIND_INDEX_KEY = new_index_key
    crypto_rotation.encryption_rotate(acting_user=None)
    settings.CTIP_ENCRYPTION_KEY = new_key  # the old key dropped


def test_rotation_covers_papers_evidence_names_and_every_blind_index(settings, client, worker):
    case = _identified(_case())
    support = _evidence(case)
    paper = paper_generate(case=case, kind="reception_minutes", acting_user=None)
    old_key = settings.CTIP_ENCRYPTION_KEY
    _rotate_to(settings, new_key=Fernet.generate_key().decode(), new_index_key="chi-muc-moi")
    # Readable under the new key alone: fields, paper, evidence and its name.
    assert Case.objects.get(pk=case.pk).full_name == NAME
    assert client.get(f"/chung-tu/{support.pk}/").content == PDF
    assert SealedFile.objects.get(pk=support.evidence_id).name == EVIDENCE_NAME
    from docx import Document

    document = Document(io.BytesIO(client.get(f"/giay-to/{paper.pk}/").content))
    assert NAME in "\n".join(p.text for p in document.paragraphs)
    # Duplicate lookup still works: name + date of birth, and the document.
    assert list(find_duplicates(full_name=NAME, date_of_birth=DOB)) == [case]
    assert list(find_duplicates(full_name="x", identity_document=DOC)) == [case]
    # The database records the new keys; the old key alone reads nothing any more.
    assert keyring.problems(keyring.stored_fingerprints()) == []
    assert not KeyRotation.objects.exists()
    settings.CTIP_ENCRYPTION_KEY = old_key
    with pytest.raises(ValueError, match="cannot be decrypted"):
        unseal(SealedFile.objects.get(pk=support.evidence_id))


def test_the_blind_index_key_is_its_own_key(settings):
    before = blind_index(NAME)
    settings.CTIP_ENCRYPTION_KEY = Fernet.generate_key().decode()
    assert blind_index(NAME) == before
    settings.CTIP_BLIND_INDEX_KEY = "mot-khoa-khac"
    assert blind_index(NAME) != before


def test_an_interrupted_rotation_resumes_where_it_stopped(settings, monkeypatch):
    cases = [_case(name=f"Người Thứ {i}", doc=f"07930000000{i}") for i in range(3)]
    old = settings.CTIP_ENCRYPTION_KEY
    new = Fernet.generate_key().decode()
    settings.CTIP_ENCRYPTION_KEY = f"{new},{old}"

    def crash(step, count):
        if step == "victims.Case":
            raise KeyboardInterrupt  # the operator's Ctrl-C, or a killed process

    monkeypatch.setattr(crypto_rotation, "_after_batch", crash)
    with pytest.raises(KeyboardInterrupt):
        crypto_rotation.encryption_rotate(acting_user=None, batch=1)
    progress = KeyRotation.objects.get(step="victims.Case")
    assert progress.last_pk == cases[0].pk and not progress.done
    assert KeyFingerprint.objects.get().encryption == keyring.fingerprint(old)  # not yet
    monkeypatch.setattr(crypto_rotation, "_after_batch", lambda step, count: None)
    done = crypto_rotation.encryption_rotate(acting_user=None, batch=1)
    assert done["victims.Case"] == 2  # only what was left
    settings.CTIP_ENCRYPTION_KEY = new
    assert sorted(Case.objects.values_list("pk", flat=True)) == [c.pk for c in cases]
    assert [Case.objects.get(pk=c.pk).full_name for c in cases] == [
        f"Người Thứ {i}" for i in range(3)
    ]
    assert KeyFingerprint.objects.get().encryption == keyring.fingerprint(new)


def test_rotation_refuses_when_the_old_key_was_dropped_first(settings):
    _case()
    settings.CTIP_ENCRYPTION_KEY = Fernet.generate_key().decode()
    with pytest.raises(keyring.KeyMismatch, match="CTIP_ENCRYPTION_KEY"):
        crypto_rotation.encryption_rotate(acting_user=None)


# Finding 5: a wrong or missing key goes unnoticed -----------------------------------------------


def test_a_wrong_key_fails_the_check_and_start_up_with_a_clear_message(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    assert keyring.key_check() == []
    old = settings.CTIP_ENCRYPTION_KEY
    settings.CTIP_ENCRYPTION_KEY = Fernet.generate_key().decode()
    [error] = keyring.key_check()
    assert error.id == "ctip.E001" and "CTIP_ENCRYPTION_KEY" in error.msg
    with pytest.raises(keyring.KeyMismatch, match="không đọc được"):
        keyring.verify()  # what wsgi.py runs before serving
    with pytest.raises(SystemCheckError, match="CTIP_ENCRYPTION_KEY"):
        call_command("check")
    # A new key first with the old one after it (a rotation under way) still reads the data.
    settings.CTIP_ENCRYPTION_KEY = f"{Fernet.generate_key().decode()},{old}"
    assert keyring.key_check() == []
    settings.CTIP_ENCRYPTION_KEY = old
    settings.CTIP_BLIND_INDEX_KEY = "khoa-chi-muc-khac"
    [error] = keyring.key_check()
    assert "CTIP_BLIND_INDEX_KEY" in error.msg and "rotate-key" in error.msg


# Finding 6: uploads linger ---------------------------------------------------------------------


@pytest.fixture
def police(client):
    log_in(client, make_user("congan", "agency_officer", agency="qng-ca"))
    return client


def test_an_oversized_upload_is_refused_before_anything_reads_it(police, monkeypatch):
    from django.core.files import uploadhandler

    from ctip.prevention.models import ImportJob

    def never(*args, **kwargs):
        raise AssertionError("the body was parsed")

    handlers = (uploadhandler.MemoryFileUploadHandler, uploadhandler.TemporaryFileUploadHandler)
    for handler in handlers:
        monkeypatch.setattr(handler, "receive_data_chunk", never)
    big = SimpleUploadedFile("lon.xlsx", b"0" * (60 * 1024 * 1024))
    response = police.post("/hoat-dong/nhap/", {"file": big})
    assert response.status_code == 413
    # A WSGI application may not send hop-by-hop headers (wsgiref turns them into a 500).
    from wsgiref.util import is_hop_by_hop

    assert not [name for name in response.headers if is_hop_by_hop(name)]
    assert "quá lớn" in response.content.decode() and "50 MB" in response.content.decode()
    assert not ImportJob.objects.exists() and not _media_files()


def test_import_uploads_are_sealed_and_deleted_when_their_job_ends(
    police, django_capture_on_commit_callbacks
):
    import json

    from ctip.prevention.jobs import imports_expire
    from ctip.prevention.models import ImportJob, ImportStatus
    from tests.helpers import activity_row

    def upload(rows):
        data = json.dumps(rows).encode()
        with django_capture_on_commit_callbacks(execute=True):
            police.post("/hoat-dong/nhap/", {"file": SimpleUploadedFile("hd.json", data)})
        return ImportJob.objects.latest("pk")

    job = upload([activity_row()])
    assert job.status == ImportStatus.READY and job.file is not None
    [stored] = _media_files()
    assert b"qng-ca" not in stored.read_bytes()  # sealed like any upload
    with django_capture_on_commit_callbacks(execute=True):
        police.post(f"/hoat-dong/nhap/{job.pk}/")
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.file is None and not _media_files()
    rejected = upload([activity_row(unit=99999)])
    assert rejected.status == ImportStatus.REJECTED and rejected.file is None
    assert not _media_files()
    waiting = upload([activity_row(start_date="2022-06-01", end_date="2022-06-01")])
    assert waiting.status == ImportStatus.READY and len(_media_files()) == 1
    later = waiting.created + timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        assert imports_expire(now=later) == 1
    assert not _media_files() and ImportJob.objects.get(pk=waiting.pk).file is None


# The migrations that sealed files already on disk ------------------------------------------------


def test_the_migration_helper_seals_existing_clear_files_and_deletes_them(
    django_capture_on_commit_callbacks,
):
    from django.core.files.base import ContentFile

    from ctip.core.migration_files import seal_field
    from tests.testapp.models import Attachment

    row = Attachment.objects.create()
    row.file.save(EVIDENCE_NAME, ContentFile(PDF), save=True)
    clear = Path(django_settings.MEDIA_ROOT) / row.file.name
    assert clear.read_bytes() == PDF
    with django_capture_on_commit_callbacks(execute=False) as pending:
        seal_field(apps, Attachment, "file", "sealed")
    assert clear.exists()  # the clear file goes only once the migration has committed
    for callback in pending:
        callback()
    row.refresh_from_db()
    assert not clear.exists()
    assert row.sealed is not None and unseal(row.sealed) == PDF
    assert row.sealed.name == Path(clear).name and row.sealed.size == len(PDF)
    assert row.sealed.content_type == "application/pdf"
    [stored] = _media_files()
    assert stored.read_bytes() != PDF and EVIDENCE_NAME not in str(stored)
    Attachment.objects.filter(pk=row.pk).update(file="")  # the migration then drops the column


def test_a_lost_secrets_file_makes_ctip_refuse_to_start_instead_of_writing_a_new_key(tmp_path):
    """The finding as a user saw it: var/secrets.json gone, a new key generated silently."""
    from tests.test_project import _ctip

    env = {"CTIP_VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/ctip.sqlite3"}
    for name in ("SECRET_KEY", "CTIP_ENCRYPTION_KEY", "CTIP_BLIND_INDEX_KEY"):
        env[name] = ""  # read from var/secrets.json, as `make run` does
    assert _ctip("migrate", "--noinput", env=env).returncode == 0
    assert _ctip("check", env=env).returncode == 0
    (tmp_path / "secrets.json").rename(tmp_path / "lost.json")
    done = _ctip("check", env=env)
    assert done.returncode != 0
    assert "CTIP_ENCRYPTION_KEY" in done.stderr and "không đọc được" in done.stderr
    assert "CTIP_BLIND_INDEX_KEY" in done.stderr
    (tmp_path / "lost.json").replace(tmp_path / "secrets.json")
    assert _ctip("check", env=env).returncode == 0


def test_a_sealed_download_named_with_vietnamese_letters_gets_an_encoded_header():
    from ctip.core.sealed import seal, sealed_response

    response = sealed_response(seal(content=PDF, name="x.pdf"), download_name="12-QĐ-UBND.pdf")
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''12-Q%C4%90-UBND.pdf"
    assert response["Cache-Control"] == "no-store" and response.content == PDF


def test_sealed_files_nothing_points_to_are_swept_and_a_lost_file_is_a_404(
    client, worker, django_capture_on_commit_callbacks
):
    from ctip.core.sealed import seal, sealed_orphans_delete

    case = _identified(_case())
    support = _evidence(case)
    loose = seal(content=PDF, name="bỏ lại.pdf")  # its record was deleted, say
    stray = Path(django_settings.MEDIA_ROOT) / "sealed" / "ff" / ("f" * 32)
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(Fernet.generate_key())  # a rolled-back write's file
    with django_capture_on_commit_callbacks(execute=True):
        assert sealed_orphans_delete() == 0  # nothing is old enough yet
        assert sealed_orphans_delete(older_than=-60) == 2
    assert list(SealedFile.objects.values_list("pk", flat=True)) == [support.evidence_id]
    assert not stray.exists() and not (Path(django_settings.MEDIA_ROOT) / loose.path).exists()
    (Path(django_settings.MEDIA_ROOT) / SealedFile.objects.get().path).unlink()
    assert client.get(f"/chung-tu/{support.pk}/").status_code == 404
