"""Reading the first sheet of an uploaded workbook with bounded memory (issue 19, finding 4).

`read_rows(data)` checks the archive first (ctip.core.archives), then reads the sheet XML as a
stream of parser events: nothing of the file is kept beyond the current cell, the row being
read and the table of shared strings, each bounded (ctip.core.bounds):

- at most MAX_IMPORT_ROWS data rows (rows with a value, after the header row);
- a value beyond column MAX_IMPORT_COLUMNS refuses the file (empty styled cells are skipped);
- a cell's text is kept up to MAX_CELL characters; a longer one becomes `TooLong` (its
  length only), for the importer to name by row and column;
- at most MAX_IMPORT_TEXT characters of text kept in all (shared strings and text cells);
- shared strings and styles are counted too, and any DTD is refused (no entity expansion).

openpyxl's read-only mode, used before, keeps a whole row's XML and every element outside the
rows, and loads the styles and shared strings whole: a one-row sheet of 30 million cells took it
to 9 GB. Values come out as openpyxl gave them (the importer's rules did not change): int or
float for numbers, datetime for cells formatted as dates, bool, str, and `FORMULA` for a cell
holding a formula (imports take typed values, never formulas).
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any
from xml.parsers import expat

from django.utils.translation import gettext as _

from ctip.core.archives import ArchiveRejected, WrongKind, check_archive
from ctip.core.bounds import MAX_CELL, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, MAX_IMPORT_TEXT
from ctip.core.cells import TooLong

# Excel's own limits: a reference past them is not a worksheet.
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
# Excel keeps at most 64,000 cell formats and about 250 number formats per workbook.
MAX_STYLES = 65_536
MAX_NUMBER_FORMATS = 1_000
# A shared string is kept once however many cells use it: a workbook of MAX_IMPORT_ROWS rows of
# the template has a few distinct texts a row (notes, theme, names) at most.
MAX_SHARED_STRINGS = MAX_IMPORT_ROWS * 5
READ_CHUNK = 64 * 1024
MAIN = "xl/workbook.xml"


class SheetRejected(ValueError):
    """The workbook is refused; str() is the Vietnamese message."""


class _Formula:
    def __repr__(self) -> str:
        return "FORMULA"


FORMULA = _Formula()


def read_rows(
    data: bytes,
    *,
    max_rows: int = MAX_IMPORT_ROWS,
    max_columns: int = MAX_IMPORT_COLUMNS,
    max_cell: int = MAX_CELL,
) -> Iterator[tuple[int, list[Any]]]:
    """(row number, values) for each row of the first sheet with a value; values[0] is column A,
    None where empty. SheetRejected for a file that is not a workbook or passes a bound."""
    try:
        archive = check_archive(data, required=[MAIN])
    except WrongKind as exc:
        raise SheetRejected(_("Tệp không phải bảng tính Excel (.xlsx).")) from exc
    except ArchiveRejected as exc:
        raise SheetRejected(str(exc)) from exc
    parts = _parts(archive)
    budget = _Budget(MAX_IMPORT_TEXT)
    strings = _shared_strings(archive, parts.get("sharedStrings"), max_cell, budget)
    dates = _date_styles(archive, parts.get("styles"))
    sheet = _Sheet(strings, dates, parts["epoch"], max_rows, max_columns, max_cell)
    sheet.budget = budget
    yield from _stream(archive, parts["sheet"], sheet.handlers(), sheet.take)


def _damaged() -> SheetRejected:
    return SheetRejected(_("Không mở được bảng tính: tệp bị hỏng."))


# --- the XML stream ---------------------------------------------------------------------------


def _local(name: str) -> str:
    return name[name.find(":") + 1 :]


def _refuse_dtd(*_args: Any) -> None:
    raise _damaged()


def _stream(
    archive: zipfile.ZipFile,
    name: str,
    handlers: tuple[Callable, Callable, Callable],
    take: Callable[[], list] | None = None,
) -> Iterator[Any]:
    """Feed member `name` to an expat parser in chunks; after each chunk yield what `take`
    returns (the rows finished so far)."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = handlers
    # No document type, hence no entity declared in one (the "billion laughs").
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(READ_CHUNK):
                parser.Parse(chunk, False)
                if take is not None:
                    yield from take()
            parser.Parse(b"", True)
    except (KeyError, expat.ExpatError, zipfile.BadZipFile, ValueError) as exc:
        if isinstance(exc, SheetRejected):
            raise
        raise _damaged() from exc
    if take is not None:
        yield from take()


def _consume(archive: zipfile.ZipFile, name: str, handlers: tuple) -> None:
    for _item in _stream(archive, name, handlers):
        pass


# --- workbook parts ---------------------------------------------------------------------------


def _parts(archive: zipfile.ZipFile) -> dict[str, Any]:
    """The first sheet's path, the shared strings' and styles' paths, the date epoch."""
    found: dict[str, Any] = {"epoch": False, "sheet_id": None}

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "sheet" and found["sheet_id"] is None:
            found["sheet_id"] = next((v for k, v in attrs.items() if _local(k) == "id"), None)
        elif tag == "workbookPr":
            found["epoch"] = attrs.get("date1904", "").lower() in ("1", "true")

    _consume(archive, MAIN, (start, _ignore, _ignore))
    targets: dict[str, str] = {}
    kinds: dict[str, str] = {}

    def relation(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "Relationship" and len(targets) < 10_000:
            target = _resolve(attrs.get("Target", ""))
            targets[attrs.get("Id", "")] = target
            kinds.setdefault(attrs.get("Type", "").rsplit("/", 1)[-1], target)

    if "xl/_rels/workbook.xml.rels" in archive.NameToInfo:
        _consume(archive, "xl/_rels/workbook.xml.rels", (relation, _ignore, _ignore))
    sheet = targets.get(found["sheet_id"] or "")
    if sheet is None or sheet not in archive.NameToInfo:
        raise _damaged()
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    return {
        "sheet": sheet,
        "sharedStrings": kinds.get("sharedStrings", "xl/sharedStrings.xml"),
        "styles": kinds.get("styles", "xl/styles.xml"),
        "epoch": CALENDAR_MAC_1904 if found["epoch"] else CALENDAR_WINDOWS_1900,
    }


def _resolve(target: str) -> str:
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join("xl", target))


def _ignore(*_args: Any) -> None:
    return None


class _Text:
    """Character data of the current element, kept up to `limit` characters."""

    def __init__(self, limit: int):
        self.limit = limit
        self.parts: list[str] = []
        self.length = 0
        self.on = False

    def start(self) -> None:
        self.on = True

    def add(self, text: str) -> None:
        if self.on:
            if self.length < self.limit + 1:
                self.parts.append(text)
            self.length += len(text)

    def value(self) -> str | TooLong:
        if self.length > self.limit:
            return TooLong(self.length)
        return "".join(self.parts)

    def reset(self) -> None:
        self.parts.clear()
        self.length = 0
        self.on = False


class _Budget:
    """Characters of text kept so far, across the shared strings and the cells."""

    def __init__(self, limit: int):
        self.limit, self.used = limit, 0

    def keep(self, text: Any) -> Any:
        if isinstance(text, str):
            self.used += len(text)
            if self.used > self.limit:
                raise SheetRejected(
                    _("Bảng tính có quá nhiều chữ (hơn %(max)s ký tự); hãy chia thành nhiều tệp.")
                    % {"max": f"{self.limit:,}".replace(",", ".")}
                )
        return text


def _shared_strings(
    archive: zipfile.ZipFile, name: str | None, limit: int, budget: _Budget
) -> list[Any]:
    strings: list[Any] = []
    if not name or name not in archive.NameToInfo:
        return strings
    text = _Text(limit)
    depth = {"phonetic": 0}

    def start(tag: str, _attrs: dict[str, str]) -> None:
        tag = _local(tag)
        if tag == "si":
            if len(strings) >= MAX_SHARED_STRINGS:
                raise SheetRejected(
                    _("Bảng tính có quá nhiều chuỗi văn bản (tối đa %(max)s).")
                    % {"max": MAX_SHARED_STRINGS}
                )
            text.reset()
        elif tag == "rPh":  # phonetic guides are not part of the value
            depth["phonetic"] += 1
        elif tag == "t" and not depth["phonetic"]:
            text.on = True

    def end(tag: str) -> None:
        tag = _local(tag)
        if tag == "t":
            text.on = False
        elif tag == "rPh":
            depth["phonetic"] -= 1
        elif tag == "si":
            strings.append(budget.keep(text.value()))

    _consume(archive, name, (start, end, text.add))
    return strings


def _date_styles(archive: zipfile.ZipFile, name: str | None) -> frozenset[int]:
    """Indexes of the cell formats that show a number as a date (as openpyxl decides)."""
    if not name or name not in archive.NameToInfo:
        return frozenset()
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    custom: dict[int, str] = {}
    formats: list[int] = []
    inside = {"cellXfs": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        tag = _local(tag)
        if tag == "numFmt":
            if len(custom) >= MAX_NUMBER_FORMATS:
                raise _damaged()
            custom[_int(attrs.get("numFmtId"))] = attrs.get("formatCode", "")[:MAX_CELL]
        elif tag == "cellXfs":
            inside["cellXfs"] = True
        elif tag == "xf" and inside["cellXfs"]:
            if len(formats) >= MAX_STYLES:
                raise _damaged()
            formats.append(_int(attrs.get("numFmtId")))

    def end(tag: str) -> None:
        if _local(tag) == "cellXfs":
            inside["cellXfs"] = False

    _consume(archive, name, (start, end, _ignore))
    dates = set()
    for index, number in enumerate(formats):
        code = custom.get(number) or BUILTIN_FORMATS.get(number)
        if code and is_date_format(code):
            dates.add(index)
    return frozenset(dates)


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return -1


# --- the sheet --------------------------------------------------------------------------------


def _column(reference: str) -> int:
    """1 for "A1", 28 for "AB7"; 0 when the reference has no letters."""
    number = 0
    for char in reference:
        if "A" <= char <= "Z":
            number = number * 26 + ord(char) - 64
        elif "a" <= char <= "z":
            number = number * 26 + ord(char) - 96
        else:
            break
        if number > EXCEL_COLUMNS:
            raise _damaged()
    return number


def _learn(table: dict[str, Callable], name: str) -> Callable:
    """The handler of `name` by its local name ("x:c" is "c"); remembered for prefixed names
    (a writer uses one prefix), not for unknown ones (a hostile file could name millions)."""
    handler = table.get(_local(name))
    if handler is None:
        return _ignore
    if len(table) < 64:
        table[name] = handler
    return handler


class _Sheet:
    """The parser's handlers for a worksheet: a table of handlers by element name (names with a
    namespace prefix are added once seen, up to a bound), and caches of column letters and
    styles, since a sheet repeats both on every row."""

    def __init__(
        self,
        strings: list[Any],
        dates: frozenset[int],
        epoch: Any,
        max_rows: int,
        max_columns: int,
        max_cell: int,
    ):
        self.strings, self.epoch = strings, epoch
        self.dates = frozenset(str(index) for index in dates)
        self.max_rows, self.max_columns = max_rows, max_columns
        self.budget = _Budget(MAX_IMPORT_TEXT)
        self.text = _Text(max_cell)
        self.done: list[tuple[int, list[Any]]] = []
        self.row_number = 0
        self.rows_with_values = 0
        self.values: dict[int, Any] = {}
        self.column = 0
        self.cell_type = "n"
        self.style = "0"
        self.formula = False
        self.inline = False
        self.phonetic = 0
        self.columns: dict[str, int] = {}
        self.starts: dict[str, Callable] = {
            "c": self._start_cell,
            "v": self._start_value,
            "t": self._start_text,
            "is": self._start_inline,
            "rPh": self._start_phonetic,
            "f": self._start_formula,
            "row": self._start_row,
        }
        self.ends: dict[str, Callable] = {
            "c": self._cell,
            "v": self._end_text,
            "t": self._end_text,
            "rPh": self._end_phonetic,
            "row": self._row,
        }

    def handlers(self) -> tuple[Callable, Callable, Callable]:
        return self.start, self.end, self.text.add

    def take(self) -> list[tuple[int, list[Any]]]:
        done, self.done = self.done, []
        return done

    def start(self, name: str, attrs: dict[str, str]) -> None:
        handler = self.starts.get(name)
        if handler is None:
            handler = _learn(self.starts, name)
        handler(attrs)

    def end(self, name: str) -> None:
        handler = self.ends.get(name)
        if handler is None:
            handler = _learn(self.ends, name)
        handler()

    def _start_cell(self, attrs: dict[str, str]) -> None:
        reference = attrs.get("r")
        if reference:
            letters = reference.rstrip("0123456789")
            column = self.columns.get(letters)
            if column is None:
                column = _column(letters)
                if len(self.columns) < EXCEL_COLUMNS:
                    self.columns[letters] = column
            self.column = column or self.column + 1
        else:
            self.column += 1
        if self.column > EXCEL_COLUMNS:
            raise _damaged()
        self.cell_type = attrs.get("t", "n")
        self.style = attrs.get("s", "0")
        self.formula = self.inline = False
        self.text.reset()

    def _start_value(self, _attrs: dict[str, str]) -> None:
        self.text.on = True

    def _start_text(self, _attrs: dict[str, str]) -> None:
        self.text.on = self.inline and not self.phonetic

    def _end_text(self) -> None:
        self.text.on = False

    def _start_inline(self, _attrs: dict[str, str]) -> None:
        self.inline = True

    def _start_phonetic(self, _attrs: dict[str, str]) -> None:
        self.phonetic += 1

    def _end_phonetic(self) -> None:
        self.phonetic -= 1

    def _start_formula(self, _attrs: dict[str, str]) -> None:
        self.formula = True

    def _start_row(self, attrs: dict[str, str]) -> None:
        reference = attrs.get("r")
        self.row_number = _int(reference) if reference else self.row_number + 1
        if not 0 < self.row_number <= EXCEL_ROWS:
            raise _damaged()
        self.values = {}
        self.column = 0

    def _cell(self) -> None:
        value = FORMULA if self.formula else self._value()
        if value is None:
            return
        if self.column > self.max_columns:
            raise SheetRejected(
                _("Dòng %(row)s: bảng tính có dữ liệu ở quá %(max)s cột.")
                % {"row": self.row_number, "max": self.max_columns}
            )
        self.values[self.column] = value

    def _row(self) -> None:
        if not self.values:
            return
        if self.row_number > 1:
            self.rows_with_values += 1
            if self.rows_with_values > self.max_rows:
                raise SheetRejected(
                    _("Bảng tính có quá nhiều dòng (tối đa %(max)s dòng dữ liệu).")
                    % {"max": f"{self.max_rows:,}".replace(",", ".")}
                )
        row: list[Any] = [None] * max(self.values)
        for column, value in self.values.items():
            row[column - 1] = value
        self.done.append((self.row_number, row))
        self.values = {}

    def _value(self) -> Any:
        text = self.text.value()
        kind = self.cell_type
        if isinstance(text, TooLong):
            return text
        if kind == "inlineStr":
            return self.budget.keep(text) if self.inline else None
        if text == "":
            return None
        if kind == "s":
            try:
                return self.strings[int(text)]
            except (ValueError, IndexError) as exc:
                raise _damaged() from exc
        if kind == "b":
            return text.strip() not in ("0", "false", "")
        if kind == "d":
            try:
                return datetime.fromisoformat(text)
            except ValueError:
                return self.budget.keep(text)
        if kind in ("str", "e"):
            return self.budget.keep(text)
        return self._number(text)

    def _number(self, text: str) -> Any:
        try:
            number: int | float = int(text)
        except ValueError:
            try:
                number = float(text)
            except ValueError:
                return self.budget.keep(text)
        if self.style in self.dates:
            from openpyxl.utils.datetime import from_excel

            try:
                return from_excel(number, self.epoch)
            except (OverflowError, ValueError, TypeError):
                return number
        return number
