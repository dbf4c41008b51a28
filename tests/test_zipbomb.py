"""Issue 19, finding 4: a small .xlsx or .docx that inflates to gigabytes is refused while it is
inflated (bytes counted, never the sizes it declares), with a Vietnamese message, writing
nothing; rows, columns and cell length are bounded while the sheet is read; memory stays small.

The hostile files are built in tests/bombs.py (a 1 MB workbook there holds about 500 MB of XML).
"""

import io
import json
import os
import subprocess
import sys
import textwrap
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from ctip.core.archives import ArchiveRejected, check_archive
from ctip.core.bounds import MAX_CELL, MAX_IMPORT_COLUMNS, MAX_INFLATED_BYTES, MAX_MEMBER_BYTES
from ctip.core.models import AuditEntry
from ctip.core.uploads import UploadError, check_document
from ctip.core.workbooks import read_rows
from ctip.directives.models import Document
from ctip.prevention.import_batch import import_file
from ctip.prevention.importer import COLUMNS, ImportRejected, read_file
from ctip.prevention.models import Activity, ImportJob, ImportStatus
from ctip.prevention.spreadsheets import activities_template
from ctip.victims.models import Case
from tests import bombs
from tests.helpers import activity_row, log_in, make_user

MB = 1024 * 1024
TOO_LARGE = "giải nén quá lớn"
ROOT = Path(__file__).resolve().parent.parent


def _sheet(rows: list[list[str]]) -> bytes:
    return bombs.workbook(bombs.deflated("xl/worksheets/sheet1.xml", bombs.sheet_xml(rows)))


# --- the archive check ------------------------------------------------------------------------


def test_a_one_megabyte_bomb_is_refused_while_inflating_in_little_memory():
    bomb = bombs.wide_bomb(512 * MB)
    assert len(bomb) < 1.2 * MB
    tracemalloc.start()
    try:
        with pytest.raises(ImportRejected) as caught:
            read_file("bom.xlsx", bomb)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert TOO_LARGE in caught.value.errors[0] and "150 MB" in caught.value.errors[0]
    # Inflated in chunks and counted: nothing near the 512 MB it holds is ever kept.
    assert peak < 20 * MB, peak


def test_the_total_of_all_members_is_bounded_too():
    half = MAX_INFLATED_BYTES // 2 + MB
    members = [
        bombs.repeated(f"xl/media/{n}.xml", b"<a>", b"<b/>", half, b"</a>") for n in range(2)
    ]
    data = bombs.workbook(bombs.deflated("xl/worksheets/sheet1.xml", bombs.sheet_xml([])), *members)
    with pytest.raises(ArchiveRejected, match=TOO_LARGE) as caught:
        check_archive(data)
    assert f"{MAX_INFLATED_BYTES // MB} MB" in str(caught.value)


@pytest.mark.parametrize(
    ("declared", "real"),
    [
        (1_000, MAX_MEMBER_BYTES + MB),  # says 1 KB, holds more than a member may
        (4_000 * MB, 20 * MB),  # says 4 GB, holds 20 MB
        (20 * MB - 1, 20 * MB),  # off by one byte
    ],
)
def test_declared_sizes_are_never_trusted(declared, real):
    data = bombs.lying_size(real, declared)
    assert zipfile.ZipFile(io.BytesIO(data)).infolist()[-1].file_size == declared
    with pytest.raises(ArchiveRejected) as caught:
        check_archive(data)
    expected = TOO_LARGE if real > MAX_MEMBER_BYTES else "khai báo sai"
    assert expected in str(caught.value)


def test_encrypted_nested_unusual_and_crowded_archives_are_refused():
    sheet = bombs.deflated("xl/worksheets/sheet1.xml", bombs.sheet_xml([["a"]]))
    inner = _sheet([["a"]])
    cases = {
        "mật khẩu": bombs.workbook(sheet, bombs.Member("x.bin", b"x", 0, 1, method=0, flags=1)),
        "tệp nén khác": bombs.workbook(sheet, bombs.stored("xl/embeddings/a.bin", inner)),
        "kiểu nén": bombs.workbook(sheet, bombs.Member("x.bin", b"x", 0, 1, method=12)),
        "quá nhiều thành phần": bombs.workbook(
            sheet, *(bombs.stored(f"m/{n}", b"") for n in range(1_001))
        ),
    }
    for message, data in cases.items():
        with pytest.raises(ArchiveRejected, match=message):
            check_archive(data)


def test_a_real_workbook_and_a_real_docx_pass():
    archive = check_archive(activities_template(), required=["xl/workbook.xml"])
    assert "xl/worksheets/sheet1.xml" in archive.namelist()
    from ctip.reporting.layout import build_layout

    assert check_document(SimpleUploadedFile("mau.docx", build_layout())) == "docx"


# --- rows, columns, cells ---------------------------------------------------------------------


def test_rows_columns_and_cell_length_are_bounded_while_reading():
    wide = _sheet([["x"] * (MAX_IMPORT_COLUMNS + 1)])
    with pytest.raises(ImportRejected, match=f"quá {MAX_IMPORT_COLUMNS} cột"):
        read_file("rong.xlsx", wide)
    with pytest.raises(ImportRejected, match="quá nhiều dòng"):
        read_file("dai.xlsx", bombs.tall_bomb(30 * MB))
    assert len(list(read_rows(_sheet([["a"], ["b"], ["c"]]), max_rows=2))) == 3  # header + 2
    with pytest.raises(ValueError, match="quá nhiều dòng"):
        list(read_rows(_sheet([["a"], ["b"], ["c"], ["d"]]), max_rows=2))


def test_a_sheet_with_a_document_type_is_refused_before_any_entity_is_expanded():
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<worksheet><sheetData><row><c t="inlineStr"><is><t>&b;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    data = bombs.workbook(bombs.deflated("xl/worksheets/sheet1.xml", laughs))
    with pytest.raises(ImportRejected, match="tệp bị hỏng"):
        read_file("a.xlsx", data)


@pytest.mark.django_db
def test_a_cell_over_the_bound_is_named_by_row_and_column_and_nothing_is_written():
    workbook = openpyxl.load_workbook(io.BytesIO(activities_template()))
    sheet = workbook["Hoạt động"]
    row = activity_row(target_groups="Nhân dân", notes="x" * (MAX_CELL + 1))
    sheet.append([row.get(k) for k in COLUMNS])
    out = io.BytesIO()
    workbook.save(out)
    with pytest.raises(ImportRejected) as caught:
        import_file(name="a.xlsx", data=out.getvalue(), acting_user=None)
    assert caught.value.errors == [
        "Dòng 2, cột “Ghi chú”: dài quá 2.000 ký tự (đang có 2.001); hãy rút gọn."
    ]
    assert not Activity.objects.exists()


# --- every way in -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_line_refuses_a_bomb_and_writes_nothing(tmp_path):
    path = tmp_path / "bom.xlsx"
    path.write_bytes(bombs.wide_bomb(1024 * MB))  # 2 MB: once 4.4 GB on the command line
    with pytest.raises(CommandError, match=TOO_LARGE):
        call_command("import", "activities", str(path))
    with pytest.raises(CommandError, match=TOO_LARGE):
        call_command("import", "cases", str(path), "--agency", "qng-syt-2025")
    assert not Activity.objects.exists() and not Case.objects.exists()
    assert not AuditEntry.objects.filter(action__endswith="_import").exists()


@pytest.mark.django_db
def test_a_web_upload_of_a_bomb_ends_refused_with_its_message(
    client, django_capture_on_commit_callbacks
):
    log_in(client, make_user("congan", "agency_officer", agency="qng-ca-2025"))
    upload = SimpleUploadedFile("hoat-dong.xlsx", bombs.wide_bomb(512 * MB))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/hoat-dong/nhap/", {"file": upload})
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.REJECTED and job.file is None  # upload deleted
    assert len(job.errors) == 1 and TOO_LARGE in job.errors[0]
    page = client.get(f"/hoat-dong/nhap/{job.pk}/").content.decode()
    assert TOO_LARGE in page and "chưa ghi dòng nào" in page
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_a_docx_bomb_is_refused_as_an_attachment(client):
    bomb = bombs.docx_bomb(512 * MB)
    with pytest.raises(UploadError, match=TOO_LARGE):
        check_document(SimpleUploadedFile("ke-hoach.docx", bomb))
    log_in(client, make_user("congan", "agency_officer", agency="qng-ca-2025"))
    response = client.post(
        "/van-ban/them/",
        {
            "number_symbol": "34/KH-UBND",
            "date_issued": "19/02/2021",
            "issuer_name": "UBND",
            "subject": "Kế hoạch",
            "file": SimpleUploadedFile("ke-hoach.docx", bomb),
        },
    )
    assert response.status_code == 200 and TOO_LARGE in response.content.decode()
    assert not Document.objects.exists()


def test_a_two_megabyte_bomb_stays_far_under_500_mb_in_a_fresh_process(tmp_path):
    """The promise, measured as the operating system sees it (peak resident memory)."""
    path = tmp_path / "bom.xlsx"
    path.write_bytes(bombs.wide_bomb(1024 * MB))
    script = textwrap.dedent(
        f"""
        import json, django
        django.setup()
        from ctip.prevention.importer import ImportRejected, read_file
        try:
            read_file("bom.xlsx", open({str(path)!r}, "rb").read())
        except ImportRejected as exc:
            message = exc.errors[0]
        # VmHWM, the peak of this program's own memory (in kB): ru_maxrss survives exec and
        # reports the parent's size at fork when pytest itself has grown large.
        status = open("/proc/self/status").read()
        peak = int(status.split("VmHWM:")[1].split()[0])
        print(json.dumps({{"peak": peak, "message": message}}))
        """
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ctip.settings", "CTIP_VAR_DIR": str(tmp_path)}
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    result = json.loads(done.stdout.decode().splitlines()[-1])
    assert TOO_LARGE in result["message"]
    assert result["peak"] * 1024 < 500 * MB, result  # VmHWM is in kB
