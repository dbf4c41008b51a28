"""The fast path of workbook reading (issue 27, build point 4): python-calamine, a Rust reader,
for the first sheet, once ctip.core.archives has inflated and counted the whole archive.

Why not always calamine: it builds the whole sheet in memory before the first row comes out,
as a dense rectangle (32 bytes a cell from the first used cell to the last), with a copy of the
shared string in every cell that uses it. Neither is bounded by the inflated size the archive
check counts: a few kilobytes with one cell in A1 and one in GR1048576 ask for 6.7 GB, and
150 MB of sheet pointing 7 million cells at one 2,000-character shared string ask for 14 GB.
So `survey` first reads the sheet (and the shared strings) as bytes, in chunks, at C speed
(bytes.count and regular expressions, nothing kept), and estimates what calamine would hold:

- the rectangle: the farthest row and column any reference names (only references past row
  99,999 or column O are picked out, so a template-shaped sheet costs a few matches; the
  others are counted as if at row 99,999 and column O);
- a sparse cell list, the sheet's inline texts and the shared strings (their inflated sizes);
- for every cell that uses a shared string, the longest shared string; when that is past the
  bound (one long note in a file of many rows), a second pass adds up each cell's own string.

The estimate is the larger of what calamine holds while it builds the sheet, and twice what it
still holds while the importer builds its rows (those take up to about 250 MB themselves at the
text bound: a sheet of 1.5 million distinct texts at that bound, estimated at 194 MB by the
first rule alone, took the import to 574 MB). Past CALAMINE_MAX_BYTES the sheet goes to the
streaming reader (ctip.core.workbooks), which holds one row at a time: the same values, slower.
The estimate is an upper bound: an XML text is never shorter than its UTF-8 characters, and a
reference is only ever counted larger.
The streaming reader also takes every sheet whose values calamine would give differently:
formulas (calamine gives the cached result; ctip refuses the cell by row and column), error
cells (calamine gives an empty cell), cells without a reference (calamine places them by
position), and a sheet or shared-string table with any prefixed element, whatever the
prefix's characters (the counts here are of unprefixed SpreadsheetML only). ctip.core.workbooks
also streams a workbook whose parts calamine would find elsewhere than the survey
(ctip.core.xlsx_parts); an error while calamine reads, before the first row, streams too.
bench/zipbomb.py and bench/import_activities.py measure both paths (docs/benchmarks.md,
"Issue 27: imports with python-calamine").

Values come out as the streaming reader gives them: int for a whole number and float
otherwise, datetime for a date-formatted cell (calamine gives a date for a whole day, a
timedelta for a duration format), time for a time of day, bool, str; a text over `max_cell`
characters is `TooLong`; an empty text is an empty cell. The row, column and text bounds of
ctip.core.bounds hold the same, with the same messages. Known differences: calamine decides
which number formats are dates by its own rules, which can differ from openpyxl's for unusual
custom formats (the importer then names the cell as not a date, or not a number); a number
written "2.0" comes out as the int 2; a row whose only values are empty texts is no row; the
text budget counts each of the first KEPT_TEXTS distinct texts once, any later text in every
cell (the streaming reader counts each shared string once, each inline text in every cell).
"""

from __future__ import annotations

import io
import re
import zipfile
from array import array
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from ctip.core.cells import TooLong
from ctip.core.xlsx_stream import (
    EXCEL_COLUMNS,
    EXCEL_ROWS,
    TextBudget,
    damaged,
    too_many_columns,
    too_many_rows,
)

# What calamine may hold for one sheet, as estimated by `survey` (bytes). With the process's own
# size (about 110 MB with Django loaded) and the rows the importer keeps, an import stays under
# the 500 MB bound of issue 19; a 100,000-row template-shaped file is estimated at about 180 MB
# (its import peaked at 275 MB: bench/zipbomb.py).
CALAMINE_MAX_BYTES = 220 * 1024 * 1024
# calamine's cell (a 32-byte value) in the dense rectangle, and in the sparse list it is built
# from (the value and its position).
DENSE_CELL_BYTES = 32
SPARSE_CELL_BYTES = 48
SURVEY_CHUNK = 1024 * 1024
# Distinct texts kept once (and counted once in the text budget, as the streaming reader counts
# a shared string): the repeated values of a sheet (a kind, a yes/no, a group) come early; past
# this many, a text is counted in every cell, so the table stays small in a sheet of distinct
# texts (1.5 million of them took it past 100 MB).
KEPT_TEXTS = 50_000
# An unfinished tag carried to the next chunk: a longer tag is not a sheet Excel writes.
MAX_CARRY = 1024 * 1024
# References below these are not picked out (a template-shaped sheet has none past them).
QUIET_ROWS = 99_999
QUIET_COLUMNS = 15

# Each pattern starts with a literal, which the regular expression engine finds at the speed of a
# byte search; the rarer ones are only tried once a plain byte search has found their mark.
_FORMULA = re.compile(rb"<f[\s/>]")
_PREFIX_MARK = re.compile(rb":[cfr]")
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.\-]*:(?:f|c|row)[\s/>]")
_ERROR = re.compile(rb"\st\s*=\s*[\"']e[\"']")
# References past column O, or of seven characters or more ("A100000"): any other names a row
# below 100,000 and a column up to O.
_FAR = re.compile(rb'<c r="([^"]{7,}|[A-Za-z]{2}[^"]*|[P-Zp-z][^"]*)"')
_REFERENCE = re.compile(rb"([A-Za-z]+)0*(\d{1,9})")
_SHARED_INDEX = re.compile(rb't="s"[^<>]*>\s*<v>\s*(\d{1,9})\s*</v>')
# Any element with a namespace prefix, whatever its characters (`<é:c>`): the survey counts
# unprefixed SpreadsheetML only, so such a part goes to the streaming reader.
_ANY_PREFIX = re.compile(rb"</?[^\s/>!?:]+:")
_STRING_START = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?si[\s/>]")
# The bytes of a cell with no text at all (`<c r="A1"/>`): the rest of the sheet bounds its texts.
CELL_MARKUP = 11


def _chunks(archive: zipfile.ZipFile, name: str) -> Iterator[bytes]:
    """The member in chunks, each ending after a complete tag (_TooLongTag: a tag too long)."""
    carry = b""
    with archive.open(name) as stream:
        while piece := stream.read(SURVEY_CHUNK):
            buffer = carry + piece
            cut = buffer.rfind(b"<")
            if cut < 0 or b">" in buffer[cut:]:
                cut = len(buffer)
            carry = buffer[cut:]
            if len(carry) > MAX_CARRY:
                raise _TooLongTag
            yield buffer[:cut]
    yield carry


class _TooLongTag(Exception):
    pass


def _column(letters: bytes) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + char - 64
        if number > EXCEL_COLUMNS:
            return EXCEL_COLUMNS + 1
    return number


def _shared_string_sizes(archive: zipfile.ZipFile, name: str | None) -> array[int] | None:
    """The bytes of each shared string as XML (from its `<si>` to the next): never fewer than
    calamine's UTF-8 copy of it. None for a table with a prefixed element."""
    sizes: array[int] = array("Q")
    if not name or name not in archive.NameToInfo:
        return sizes
    offset, last = 0, -1
    for chunk in _chunks(archive, name):
        if b":" in chunk and _ANY_PREFIX.search(chunk):
            return None
        for match in _STRING_START.finditer(chunk):
            start = offset + match.start()
            if last >= 0:
                sizes.append(start - last)
            last = start
        offset += len(chunk)
    if last >= 0:
        sizes.append(offset - last)
    return sizes


def survey(archive: zipfile.ZipFile, sheet: str, strings: str | None) -> int | None:
    """The bytes calamine would hold for the sheet at most; None when the sheet must be read by
    the streaming reader whatever its size (see the module's docstring)."""
    rows, columns = QUIET_ROWS, QUIET_COLUMNS
    cells = shared = size = 0
    try:
        for chunk in _chunks(archive, sheet):
            size += len(chunk)
            if (b":" in chunk and _ANY_PREFIX.search(chunk)) or _differs(chunk):
                return None
            placed = chunk.count(b'<c r="')
            if chunk.count(b"<c") != placed and _unplaced(chunk, placed):
                return None
            cells += placed
            # Every value quoted "s" counts as a shared-string cell (texts too: more, never less).
            shared += chunk.count(b'"s"') + chunk.count(b"'s'")
            for reference in _FAR.findall(chunk):
                found = _REFERENCE.fullmatch(reference)
                if found is None:
                    return None
                row, column = int(found[2]), _column(found[1])
                if row > EXCEL_ROWS or column > EXCEL_COLUMNS:
                    return None  # the streaming reader names the sheet as damaged
                rows, columns = max(rows, row), max(columns, column)
            floor = rows * columns * DENSE_CELL_BYTES + cells * SPARSE_CELL_BYTES
            if floor > CALAMINE_MAX_BYTES:
                return floor  # past the bound already: no need to read on
        sizes = _shared_string_sizes(archive, strings)
        if sizes is None:
            return None
        dense = rows * columns * DENSE_CELL_BYTES
        texts = max(0, size - CELL_MARKUP * cells) + 2 * sum(sizes)
        longest = max(sizes, default=0)
        crude = shared * longest
        copies: int | None = crude
        if _estimate(dense, cells, texts, crude) > CALAMINE_MAX_BYTES:
            room = (CALAMINE_MAX_BYTES - 2 * (dense + texts)) // 2
            copies = _copies(archive, sheet, sizes, shared, longest, room)
    except (_TooLongTag, zipfile.BadZipFile, KeyError, OSError):
        return None  # the streaming reader names a damaged file as such
    return None if copies is None else _estimate(dense, cells, texts, copies)


def _estimate(dense: int, cells: int, texts: int, copies: int) -> int:
    """calamine holds the sparse cells, the rectangle and the texts while it builds the sheet,
    then the rectangle and the texts while the importer keeps its rows: those take up to about
    250 MB at the text bound (measured with the streaming reader), so what calamine still holds
    then counts twice (text at its bound, 95 MB of XML, went past 480 MB without this)."""
    held = dense + texts + copies
    return max(held + cells * SPARSE_CELL_BYTES, 2 * held)


def _copies(
    archive: zipfile.ZipFile, sheet: str, sizes: array[int], shared: int, longest: int, room: int
) -> int | None:
    """The bytes of the shared strings calamine copies into cells, string by string: the cells
    written `t="s" ...><v>index</v>` (as Excel writes them) at their string's size, any other
    the `survey` counted at the longest. A second pass, for a sheet whose estimate by the
    longest string is past the bound (a long note in one row of many); it stops past `room`."""
    total = matched = 0
    for chunk in _chunks(archive, sheet):
        found = _SHARED_INDEX.findall(chunk)
        matched += len(found)
        for index in found:
            number = int(index)
            if number >= len(sizes):
                return None  # no such string: calamine's reading of it is not ctip's
            total += sizes[number]
        if total > room:
            return total  # past the bound already
    return total + max(0, shared - matched) * longest


def _differs(chunk: bytes) -> bool:
    """True when calamine would read something in the chunk differently: a formula, an error
    cell, a cell or row with a namespace prefix."""
    return bool(
        (b"<f" in chunk and _FORMULA.search(chunk))
        or (_PREFIX_MARK.search(chunk) and _PREFIXED.search(chunk))
        or ((b'"e"' in chunk or b"'e'" in chunk) and _ERROR.search(chunk))
    )


def _unplaced(chunk: bytes, placed: int) -> bool:
    """True when a cell does not begin with its reference (`<c r="`): calamine would place it
    by position, and the counts of `survey` could miss it. Other elements begin with "<c" too
    (`<cols>`, `<cfRule>`): only `<c` followed by a space, `>` or `/` is a cell."""
    marks = (b" ", b">", b"/", b"\t", b"\n", b"\r")
    return sum(chunk.count(b"<c" + mark) for mark in marks) != placed


def calamine_rows(
    data: bytes,
    *,
    max_rows: int,
    max_columns: int,
    max_cell: int,
    budget: TextBudget,
    epoch: datetime,
) -> Iterator[tuple[int, list[Any]]]:
    """(row number, values) for each row of the first sheet with a value, read by calamine; the
    caller has checked the archive and surveyed the sheet."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except _PASSED_ON:
        raise
    except BaseException as exc:  # a Rust panic is a BaseException
        raise CalamineFailed from exc
    try:
        try:
            sheet = workbook.get_sheet_by_index(0)
            start = sheet.start
            rows = sheet.iter_rows()
        except _PASSED_ON:
            raise
        except BaseException as exc:
            raise CalamineFailed from exc
        if start is None:
            return
        first_row, first_column = start[0] + 1, start[1]
        kept: dict[str, str] = {}
        with_values = given = 0
        numbered = enumerate(rows, start=first_row)
        while True:
            try:
                number, cells = next(numbered)
            except StopIteration:
                return
            except _PASSED_ON:
                raise
            except BaseException as exc:
                # Before any row: the streaming reader reads the whole sheet instead; after,
                # the rows given cannot be taken back.
                raise (damaged() if given else CalamineFailed()) from exc
            values = _values(cells, first_column, max_cell, kept, budget, epoch)
            if values is None:
                continue
            if len(values) > max_columns:
                raise too_many_columns(number, max_columns)
            if number > 1:
                with_values += 1
                if with_values > max_rows:
                    raise too_many_rows(max_rows)
            given += 1
            yield number, values
    finally:
        workbook.close()  # its shared strings; the sheet goes with the iterator


class CalamineFailed(Exception):
    """calamine failed before giving a row: the caller reads the sheet with the streaming reader."""


# Not calamine's failures: passed on as they are.
_PASSED_ON = (KeyboardInterrupt, SystemExit, GeneratorExit)


def _values(
    cells: list[Any],
    first_column: int,
    max_cell: int,
    kept: dict[str, str],
    budget: TextBudget,
    epoch: datetime,
) -> list[Any] | None:
    """The row's values as the streaming reader gives them, up to its last value; None for a
    row without one. Each distinct text is kept once (and counted once in the text budget)."""
    values: list[Any] = [None] * first_column
    last = -1
    for cell in cells:
        kind = type(cell)
        if kind is str:
            if not cell:
                values.append(None)
                continue
            if len(cell) > max_cell:
                value: Any = TooLong(len(cell))
            else:
                value = kept.get(cell)
                if value is None:
                    value = budget.keep(cell)
                    if len(kept) < KEPT_TEXTS:
                        kept[cell] = value
        elif kind is float:
            value = int(cell) if cell.is_integer() else cell
        elif kind is date:
            value = datetime(cell.year, cell.month, cell.day)
        elif kind is timedelta:
            value = _duration(cell, epoch)
        else:
            value = cell
        values.append(value)
        last = len(values)
    if last < 0:
        return None
    del values[last:]
    return values


def _duration(value: timedelta, epoch: datetime) -> Any:
    """A number shown as a duration ("[h]:mm"): openpyxl, hence the streaming reader, reads it
    as a date and time from the workbook's epoch."""
    from openpyxl.utils.datetime import from_excel

    try:
        return from_excel(value / timedelta(days=1), epoch)
    except (OverflowError, ValueError, TypeError):
        return value / timedelta(days=1)
