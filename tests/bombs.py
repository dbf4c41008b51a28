"""Hostile OOXML files for the zip-bomb tests and `bench/zipbomb.py`, built in memory.

A zip bomb here is a real workbook (or Word document) whose sheet XML is a long run of the same
cell: deflate shrinks it about a thousand times, so a 1 MB file holds about 1 GB of XML. The
deflate stream is built without compressing the whole run: after a sync flush, a block that
compresses one chunk of the run decodes to the same chunk wherever it follows another chunk
(its matches reach back at most 32 KB, into identical text), so the block is simply repeated.
The zip is written by hand so a test can also make an archive lie about its sizes.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

CHUNK = 1 << 20  # 1 MiB of the repeated text per repeated deflate block


@dataclass
class Member:
    name: str
    raw: bytes  # what is stored (deflated or not)
    crc: int
    size: int  # the real inflated size
    method: int = 8  # 8 deflate, 0 stored
    declared_size: int | None = None  # what the archive says (defaults to the real size)
    flags: int = 0


def deflated(name: str, content: bytes) -> Member:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = compressor.compress(content) + compressor.flush()
    return Member(name, raw, zlib.crc32(content), len(content))


def stored(name: str, content: bytes) -> Member:
    return Member(name, content, zlib.crc32(content), len(content), method=0)


def repeated(name: str, prefix: bytes, unit: bytes, total: int, suffix: bytes) -> Member:
    """`prefix`, then `unit` repeated to about `total` bytes, then `suffix`, deflated."""
    chunk = unit * max(1, CHUNK // len(unit))
    copies = max(2, total // len(chunk))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(prefix + chunk) + compressor.flush(zlib.Z_SYNC_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_SYNC_FLUSH)
    last = compressor.compress(suffix) + compressor.flush()
    crc = zlib.crc32(prefix)
    for _ in range(copies):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    raw = first + block * (copies - 1) + last
    return Member(name, raw, crc, len(prefix) + copies * len(chunk) + len(suffix))


def archive(members: list[Member]) -> bytes:
    """A zip of `members` exactly as described (sizes as declared, no checks)."""
    out = bytearray()
    central = bytearray()
    for m in members:
        name = m.name.encode()
        size = m.size if m.declared_size is None else m.declared_size
        offset = len(out)
        fields = (20, m.flags, m.method, 0, 0x21, m.crc, len(m.raw), size, len(name), 0)
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", *fields) + name + m.raw
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            *fields[:-1],
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += name
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), len(out), 0
    )
    return bytes(out + central + end)


NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL_NS = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" '
    b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    b'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b"</Types>"
)
ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?><workbook ' + NS + b" " + REL_NS + b">"
    b'<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
HEADER_ROW = (
    '<row r="1"><c t="inlineStr"><is><t>Cơ quan thực hiện</t></is></c>'
    '<c t="inlineStr"><is><t>Hình thức</t></is></c></row>'
).encode()
SHEET_HEAD = b'<?xml version="1.0" encoding="UTF-8"?><worksheet ' + NS + b"><sheetData>"
SHEET_TAIL = b"</sheetData></worksheet>"


def workbook(sheet: Member, *extra: Member) -> bytes:
    return archive(
        [
            deflated("[Content_Types].xml", CONTENT_TYPES),
            deflated("_rels/.rels", ROOT_RELS),
            deflated("xl/workbook.xml", WORKBOOK),
            deflated("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
            sheet,
            *extra,
        ]
    )


def wide_bomb(inflated: int) -> bytes:
    """A workbook whose second row is one cell repeated to `inflated` bytes of XML (a single
    row of tens of millions of cells: what made openpyxl take gigabytes)."""
    sheet = repeated(
        "xl/worksheets/sheet1.xml",
        SHEET_HEAD + HEADER_ROW + b'<row r="2">',
        b"<c><v>1</v></c>",
        inflated,
        b"</row>" + SHEET_TAIL,
    )
    return workbook(sheet)


def tall_bomb(inflated: int) -> bytes:
    """A workbook of millions of small rows, `inflated` bytes of XML."""
    sheet = repeated(
        "xl/worksheets/sheet1.xml",
        SHEET_HEAD + HEADER_ROW,
        b'<row><c t="inlineStr"><is><t>qng-ca</t></is></c><c><v>1</v></c></row>',
        inflated,
        SHEET_TAIL,
    )
    return workbook(sheet)


def sheet_xml(rows: list[list[str]]) -> bytes:
    """A small sheet of inline strings (for hand-made hostile sheets)."""
    body = b"".join(
        b"<row>"
        + b"".join(b'<c t="inlineStr"><is><t>' + value.encode() + b"</t></is></c>" for value in row)
        + b"</row>"
        for row in rows
    )
    return SHEET_HEAD + body + SHEET_TAIL


def lying_size(inflated: int, declared: int) -> bytes:
    """A workbook whose sheet inflates to `inflated` bytes but declares `declared`."""
    sheet = repeated(
        "xl/worksheets/sheet1.xml",
        SHEET_HEAD + HEADER_ROW + b'<row r="2">',
        b"<c><v>1</v></c>",
        inflated,
        b"</row>" + SHEET_TAIL,
    )
    sheet.declared_size = declared
    return workbook(sheet)


DOCX_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/></Types>'
)
W_NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_bomb(inflated: int) -> bytes:
    """A Word document whose body is one paragraph repeated to `inflated` bytes."""
    body = repeated(
        "word/document.xml",
        b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + W_NS + b"><w:body>",
        b"<w:p><w:r><w:t>a</w:t></w:r></w:p>",
        inflated,
        b"</w:body></w:document>",
    )
    return archive([deflated("[Content_Types].xml", DOCX_TYPES), body])
