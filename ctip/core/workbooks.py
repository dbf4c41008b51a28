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

The parser and its text bounds are in xlsx_stream, the parts read before the sheet in
xlsx_parts, the sheet's handlers in xlsx_sheet.

Issue 27: once the archive has passed its bounds, a sheet whose survey (ctip.core.calamine_reader)
shows python-calamine would hold it within CALAMINE_MAX_BYTES, with no value calamine gives
differently (formulas, error cells), is read by calamine, several times faster; any other sheet
by the streaming parser. Both give the same values and refuse by the same bounds. The fast path
also needs calamine, which finds some parts by fixed names, to read exactly the parts surveyed
(xlsx_parts.workbook_parts, "calamine") and a workbook part within 1 MB; a calamine error
before the first row sends the sheet to the streaming parser.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from ctip.core.archives import ArchiveRejected, WrongKind, check_archive
from ctip.core.bounds import MAX_CELL, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, MAX_IMPORT_TEXT
from ctip.core.calamine_reader import CALAMINE_MAX_BYTES, CalamineFailed, calamine_rows, survey
from ctip.core.xlsx_parts import MAIN, date_styles, shared_strings, workbook_parts
from ctip.core.xlsx_sheet import Sheet
from ctip.core.xlsx_stream import FORMULA, SheetRejected, TextBudget, parse_stream

# What importers use: the rows, the refusal and the mark of a formula.
__all__ = ["FORMULA", "SheetRejected", "read_rows"]

# calamine holds the workbook part whole, defined names and all, and the survey does not count
# it: a real one is a few kilobytes, 3.2 million defined names took calamine to 358 MB.
MAX_CALAMINE_WORKBOOK_BYTES = 1024 * 1024


def read_rows(
    data: bytes,
    *,
    max_rows: int = MAX_IMPORT_ROWS,
    max_columns: int = MAX_IMPORT_COLUMNS,
    max_cell: int = MAX_CELL,
    fast: bool = True,
) -> Iterator[tuple[int, list[Any]]]:
    """(row number, values) for each row of the first sheet with a value; values[0] is column A,
    None where empty. SheetRejected for a file that is not a workbook or passes a bound.
    `fast=False`: the streaming parser whatever the survey says (tests compare the two)."""
    try:
        archive = check_archive(data, required=[MAIN])
    except WrongKind as exc:
        raise SheetRejected(_("Tệp không phải bảng tính Excel (.xlsx).")) from exc
    except ArchiveRejected as exc:
        raise SheetRejected(str(exc)) from exc
    parts = workbook_parts(archive)
    budget = TextBudget(MAX_IMPORT_TEXT)
    if fast and _calamine_reads_the_same(archive, parts):
        estimate = survey(archive, parts["sheet"], parts.get("sharedStrings"))
        if estimate is not None and estimate <= CALAMINE_MAX_BYTES:
            try:
                yield from calamine_rows(
                    data,
                    max_rows=max_rows,
                    max_columns=max_columns,
                    max_cell=max_cell,
                    budget=budget,
                    epoch=parts["epoch"],
                )
                return
            except CalamineFailed:
                budget = TextBudget(MAX_IMPORT_TEXT)  # no row was given: read it all again
    strings = shared_strings(archive, parts.get("sharedStrings"), max_cell, budget)
    dates = date_styles(archive, parts.get("styles"))
    sheet = Sheet(strings, dates, parts["epoch"], max_rows, max_columns, max_cell)
    sheet.budget = budget
    yield from parse_stream(archive, parts["sheet"], sheet.handlers(), sheet.take)


def _calamine_reads_the_same(archive: Any, parts: dict[str, Any]) -> bool:
    """True when calamine, which reads some parts by fixed names, would read the parts the
    survey counts (xlsx_parts.workbook_parts) and a workbook part of a real size."""
    return bool(parts["calamine"]) and (
        archive.getinfo(MAIN).file_size <= MAX_CALAMINE_WORKBOOK_BYTES
    )
