"""A workbook's parts read before its sheet: where the first sheet is, its shared strings and
the cell formats that show dates, each bounded."""

from __future__ import annotations

import posixpath
import re
import zipfile
from typing import Any

from django.utils.translation import gettext as _

from ctip.core.bounds import MAX_CELL, MAX_IMPORT_ROWS
from ctip.core.xlsx_stream import (
    BoundedText,
    SheetRejected,
    TextBudget,
    as_int,
    consume,
    damaged,
    ignore,
    local_name,
)

MAIN = "xl/workbook.xml"
# Excel keeps at most 64,000 cell formats and about 250 number formats per workbook.
MAX_STYLES = 65_536
MAX_NUMBER_FORMATS = 1_000
# A shared string is kept once however many cells use it: a workbook of MAX_IMPORT_ROWS rows of
# the template has a few distinct texts a row (notes, theme, names) at most.
MAX_SHARED_STRINGS = MAX_IMPORT_ROWS * 5
# The parts python-calamine reads by these fixed names, whatever the relationships say.
FIXED_STRINGS = "xl/sharedStrings.xml"
FIXED_STYLES = "xl/styles.xml"
# A sheet's Target that calamine and `_resolve` read as the same member: relative to xl/ or
# absolute under /xl/, one plain file name (calamine keeps a Target starting "xl/" as it is).
_PLAIN_SHEET = re.compile(r"(?:/xl/)?worksheets/[A-Za-z0-9_\-]+\.xml")
# The values of date1904 both readers read alike (calamine and openpyxl differ on "TRUE").
_PLAIN_EPOCH = ("", "0", "1", "true", "false")
# The workbook's elements ctip reads (by their local name, whatever the prefix).
_READ_BY_BOTH = frozenset({"sheets", "sheet", "workbookPr"})


def workbook_parts(archive: zipfile.ZipFile) -> dict[str, Any]:
    """The first sheet's path, the shared strings' and styles' paths, the date epoch, and
    "calamine": whether python-calamine would read the same parts (relationships as plain as
    it reads them, shared strings and styles at its fixed names, no prefixed workbook element,
    a date1904 both read alike)."""
    found: dict[str, Any] = {"epoch": False, "sheet_id": None, "date1904": "", "prefixed": False}

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = local_name(name)
        if tag != name and tag in _READ_BY_BOTH:
            found["prefixed"] = True  # calamine may not take it for the element it names
        if tag == "sheet" and found["sheet_id"] is None:
            found["sheet_id"] = next((v for k, v in attrs.items() if local_name(k) == "id"), None)
        elif tag == "workbookPr":
            found["date1904"] = attrs.get("date1904", "")
            found["epoch"] = found["date1904"].lower() in ("1", "true")

    consume(archive, MAIN, (start, ignore, ignore))
    targets: dict[str, str] = {}
    kinds: dict[str, str] = {}
    raw: dict[str, str] = {}
    named: dict[str, str] = {}
    odd = {"targets": False}

    def relation(name: str, attrs: dict[str, str]) -> None:
        if local_name(name) == "Relationship" and name != "Relationship":
            found["prefixed"] = True
        if local_name(name) == "Relationship" and len(targets) < 10_000:
            given = attrs.get("Target", "")
            target = _resolve(given)
            if attrs.get("Id", "") in targets:
                odd["targets"] = True  # calamine could take the other one
            targets[attrs.get("Id", "")] = target
            raw.setdefault(attrs.get("Id", ""), given)
            kind = attrs.get("Type", "").rsplit("/", 1)[-1]
            if kind not in kinds:
                kinds[kind] = target
                # Named as normalised (not "worksheets/../sharedStrings.xml"), or calamine
                # could read a member of that literal name which the survey did not.
                named[kind] = "" if target != _joined(given) else target

    if "xl/_rels/workbook.xml.rels" in archive.NameToInfo:
        consume(archive, "xl/_rels/workbook.xml.rels", (relation, ignore, ignore))
    sheet = targets.get(found["sheet_id"] or "")
    if sheet is None or sheet not in archive.NameToInfo:
        raise damaged()
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    same = (
        not odd["targets"]
        and not found["prefixed"]
        and found["date1904"] in _PLAIN_EPOCH
        and _PLAIN_SHEET.fullmatch(raw.get(found["sheet_id"] or "", "")) is not None
        and _fixed(archive, named.get("sharedStrings"), FIXED_STRINGS)
        and _fixed(archive, named.get("styles"), FIXED_STYLES)
    )
    return {
        "sheet": sheet,
        "sharedStrings": kinds.get("sharedStrings", FIXED_STRINGS),
        "styles": kinds.get("styles", FIXED_STYLES),
        "epoch": CALENDAR_MAC_1904 if found["epoch"] else CALENDAR_WINDOWS_1900,
        "calamine": same,
    }


def _fixed(archive: zipfile.ZipFile, related: str | None, fixed: str) -> bool:
    """True when calamine, which reads `fixed` whatever the relationships say, reads the part
    the streaming reader and the survey read: the one related, or none at all."""
    if related is None:
        return fixed not in archive.NameToInfo
    return related == fixed


def _joined(target: str) -> str:
    """The Target as named, without normalising ("worksheets/../a.xml" stays as it is)."""
    return target[1:] if target.startswith("/") else "xl/" + target


def _resolve(target: str) -> str:
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join("xl", target))


def shared_strings(
    archive: zipfile.ZipFile, name: str | None, limit: int, budget: TextBudget
) -> list[Any]:
    strings: list[Any] = []
    if not name or name not in archive.NameToInfo:
        return strings
    text = BoundedText(limit)
    depth = {"phonetic": 0}

    def start(tag: str, _attrs: dict[str, str]) -> None:
        tag = local_name(tag)
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
        tag = local_name(tag)
        if tag == "t":
            text.on = False
        elif tag == "rPh":
            depth["phonetic"] -= 1
        elif tag == "si":
            strings.append(budget.keep(text.value()))

    consume(archive, name, (start, end, text.add))
    return strings


def date_styles(archive: zipfile.ZipFile, name: str | None) -> frozenset[int]:
    """Indexes of the cell formats that show a number as a date (as openpyxl decides)."""
    if not name or name not in archive.NameToInfo:
        return frozenset()
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    custom: dict[int, str] = {}
    formats: list[int] = []
    inside = {"cellXfs": False}

    def start(tag: str, attrs: dict[str, str]) -> None:
        tag = local_name(tag)
        if tag == "numFmt":
            if len(custom) >= MAX_NUMBER_FORMATS:
                raise damaged()
            custom[as_int(attrs.get("numFmtId"))] = attrs.get("formatCode", "")[:MAX_CELL]
        elif tag == "cellXfs":
            inside["cellXfs"] = True
        elif tag == "xf" and inside["cellXfs"]:
            if len(formats) >= MAX_STYLES:
                raise damaged()
            formats.append(as_int(attrs.get("numFmtId")))

    def end(tag: str) -> None:
        if local_name(tag) == "cellXfs":
            inside["cellXfs"] = False

    consume(archive, name, (start, end, ignore))
    dates = set()
    for index, number in enumerate(formats):
        code = custom.get(number) or BUILTIN_FORMATS.get(number)
        if code and is_date_format(code):
            dates.add(index)
    return frozenset(dates)
