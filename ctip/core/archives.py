"""Checking an uploaded .xlsx or .docx before anything parses it (issue 19, finding 4).

Both are zip archives, and a zip can inflate a thousand times: a 1 MB workbook once took the web
worker to 2.2 GB. `check_archive` inflates every member itself, in chunks, counting the bytes
that come out, and stops as soon as a member or the whole passes its bound
(ctip.core.bounds). It never trusts a size the archive declares: the central directory is
bounded before zipfile reads it, each deflate stream is read to its own end, and an archive
whose real sizes or checksums differ from the declared ones is refused, so every reader after
this one (zipfile, openpyxl, python-docx, a Rust reader) sees exactly what was counted.
Refused too: encrypted members, compression methods other than stored and deflate, nested
archives (nothing in ctip needs one), duplicate names, names with a "." or ".." segment, a
backslash or a leading "/" (readers resolve those differently), and too many members.

Messages are Vietnamese and never name a member (an uploaded file's contents can be personal).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable

from django.utils.translation import gettext as _

from ctip.core.bounds import MAX_ARCHIVE_MEMBERS, MAX_INFLATED_BYTES, MAX_MEMBER_BYTES

ZIP_MAGIC = b"PK\x03\x04"
# Compressed bytes handed to zlib at a time, and the most it may inflate them to per call.
INPUT_CHUNK = 64 * 1024
OUTPUT_CHUNK = 256 * 1024
# A central-directory entry is 46 bytes plus its name and extra fields: 1 KB each is generous.
MAX_DIRECTORY_BYTES = MAX_ARCHIVE_MEMBERS * 1024
_END = struct.Struct("<4sHHHHIIH")
_END64_LOCATOR = struct.Struct("<4sIQI")
_END64 = struct.Struct("<4sQHHIIQQQQ")
_LOCAL = struct.Struct("<4sHHHHHIIIHH")


class ArchiveRejected(ValueError):
    """The file is refused; str() is the Vietnamese message."""


class WrongKind(ArchiveRejected):
    """Not a zip, or without the members the caller requires: the caller names the kind of
    file it expected."""


def _megabytes(size: int) -> int:
    return size // (1024 * 1024)


def _damaged() -> ArchiveRejected:
    return ArchiveRejected(_("Tệp bị hỏng hoặc khai báo sai nội dung nén; không có gì được ghi."))


def is_zip(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def check_archive(data: bytes, *, required: Iterable[str] = ()) -> zipfile.ZipFile:
    """The archive, opened, once every member has been inflated and counted within bounds;
    ArchiveRejected otherwise. `required`: member names it must have (else WrongKind)."""
    if not is_zip(data):
        raise WrongKind("")
    _check_directory_size(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise _damaged() from exc
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise ArchiveRejected(
            _("Tệp nén có quá nhiều thành phần (tối đa %(max)s); không có gì được ghi.")
            % {"max": MAX_ARCHIVE_MEMBERS}
        )
    names = [m.filename for m in members]
    if len(set(names)) != len(names):
        raise _damaged()
    if any(_odd_name(m.orig_filename) or _odd_name(m.filename) for m in members):
        raise ArchiveRejected(
            _("Tệp nén có tên thành phần không hợp lệ; hãy lưu lại bằng Excel hoặc Word.")
        )
    if not set(required) <= set(names):
        raise WrongKind("")
    total = 0
    for member in members:
        total += _inflate(data, member, MAX_INFLATED_BYTES - total)
    return archive


def _odd_name(name: str) -> bool:
    """A name readers resolve differently ("xl/../a.xml", "xl\\a.xml", "/a.xml"): every reader
    after this one must see each member by one name only."""
    if "\\" in name or name.startswith("/"):
        return True
    return any(segment in (".", "..") for segment in name.split("/"))


def _check_directory_size(data: bytes) -> None:
    """zipfile reads the whole central directory into objects: bound it first (a 50 MB file
    can list a million members)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65535))
    if end < 0 or end + _END.size > len(data):
        raise _damaged()
    _sig, _disk, _start, _here, _entries, size, _offset, _comment = _END.unpack_from(data, end)
    locator = end - _END64_LOCATOR.size
    if locator >= 0 and data[locator : locator + 4] == b"PK\x06\x07":
        _sig, _disk, where, _disks = _END64_LOCATOR.unpack_from(data, locator)
        if where + _END64.size > len(data) or data[where : where + 4] != b"PK\x06\x06":
            raise _damaged()
        size = _END64.unpack_from(data, where)[8]
    if size > MAX_DIRECTORY_BYTES:
        raise ArchiveRejected(
            _("Tệp nén có quá nhiều thành phần (tối đa %(max)s); không có gì được ghi.")
            % {"max": MAX_ARCHIVE_MEMBERS}
        )


def _inflate(data: bytes, member: zipfile.ZipInfo, budget: int) -> int:
    """Inflate one member, counting; returns its real size."""
    if member.flag_bits & 0x1:
        raise ArchiveRejected(
            _("Tệp có phần được đặt mật khẩu; hãy lưu lại tệp không đặt mật khẩu.")
        )
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ArchiveRejected(
            _("Tệp dùng kiểu nén không được hỗ trợ; hãy lưu lại bằng Excel hoặc Word.")
        )
    start = _data_start(data, member)
    limit = min(MAX_MEMBER_BYTES, budget)
    size, crc, head = 0, 0, b""
    for piece in _pieces(data, member, start):
        size += len(piece)
        if size > limit:
            raise _too_large(member_limit=limit == MAX_MEMBER_BYTES)
        if len(head) < 4:
            head += bytes(piece[: 4 - len(head)])
        crc = zlib.crc32(piece, crc)
    if head == ZIP_MAGIC or member.filename.lower().endswith(".zip"):
        raise ArchiveRejected(
            _(
                "Tệp chứa một tệp nén khác bên trong (ví dụ bảng tính hay tài liệu nhúng); hãy "
                "lưu lại tệp không có đối tượng nhúng."
            )
        )
    if size != member.file_size or crc != member.CRC:
        raise _damaged()
    return size


def _too_large(*, member_limit: bool) -> ArchiveRejected:
    limit = MAX_MEMBER_BYTES if member_limit else MAX_INFLATED_BYTES
    return ArchiveRejected(
        _(
            "Tệp giải nén quá lớn: nội dung vượt %(max)s MB (tệp nén bất thường, có thể là "
            "“bom nén”). Không có gì được ghi."
        )
        % {"max": _megabytes(limit)}
    )


def _data_start(data: bytes, member: zipfile.ZipInfo) -> int:
    """Where the member's bytes begin, after its local header, which must agree with the
    central directory (some readers use one, some the other)."""
    offset = member.header_offset
    if offset < 0 or offset + _LOCAL.size > len(data):
        raise _damaged()
    fields = _LOCAL.unpack_from(data, offset)
    signature, _version, flags, method, _t, _d, crc, packed, size, name_len, extra_len = fields
    name = data[offset + _LOCAL.size : offset + _LOCAL.size + name_len]
    if signature != ZIP_MAGIC or method != member.compress_type:
        raise _damaged()
    if name.decode("utf-8" if flags & 0x800 else "cp437", "replace") != member.orig_filename:
        raise _damaged()
    declared = (crc, packed, size)
    # Zip64 members keep 0xFFFFFFFF here and the sizes in an extra field.
    zip64 = 0xFFFFFFFF in (packed, size)
    if (
        not flags & 0x8
        and not zip64
        and declared != (member.CRC, member.compress_size, member.file_size)
    ):
        raise _damaged()
    return offset + _LOCAL.size + name_len + extra_len


def _pieces(data: bytes, member: zipfile.ZipInfo, start: int) -> Iterable[memoryview | bytes]:
    view = memoryview(data)
    if member.compress_type == zipfile.ZIP_STORED:
        end = start + member.compress_size
        if end > len(data):
            raise _damaged()
        for at in range(start, end, OUTPUT_CHUNK):
            yield view[at : min(end, at + OUTPUT_CHUNK)]
        return
    # The deflate stream is read to its own end marker, whatever size the archive declares.
    inflater = zlib.decompressobj(-15)
    at = start
    pending: bytes | memoryview = b""
    while not inflater.eof:
        if not pending:
            if at >= len(data):
                raise _damaged()
            pending = view[at : at + INPUT_CHUNK]
            at += len(pending)
        try:
            piece = inflater.decompress(pending, OUTPUT_CHUNK)
        except zlib.error as exc:
            raise _damaged() from exc
        pending = inflater.unconsumed_tail
        if piece:
            yield piece
